//! The output-format convention every subcommand shares: `--format jsonl|json|table|csv`.
//!
//! A command supplies its results either as objects (JSON Lines, or one JSON array written
//! as it goes) or as rows (a table for people with a header line, or CSV with a header row);
//! [`Records`] writes them in the chosen format. A command's own extra formats (parse's
//! `text`, dates' `timeml`) are written by the command itself.

use std::io::{self, Write};

use serde::Serialize;

use crate::output::Output;

/// The formats every command writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// One JSON object per line.
    Jsonl,
    /// One JSON array of the same objects.
    Json,
    /// Fixed-width columns for people, the last (text) column on one line and cut short.
    Table,
    /// Comma-separated values with a header row (RFC 4180 quoting).
    Csv,
}

impl Shape {
    /// Table on a terminal, where people read; JSON Lines for programs.
    pub(crate) fn default_for(out: &Output) -> Shape {
        if out.is_terminal() {
            Shape::Table
        } else {
            Shape::Jsonl
        }
    }
}

/// A column of a table: its header and width. The last column is free-width text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Column {
    pub name: &'static str,
    pub width: usize,
    pub right: bool,
}

impl Column {
    /// A left-aligned column.
    pub(crate) const fn left(name: &'static str, width: usize) -> Column {
        Column {
            name,
            width,
            right: false,
        }
    }

    /// A right-aligned column (numbers).
    pub(crate) const fn right(name: &'static str, width: usize) -> Column {
        Column {
            name,
            width,
            right: true,
        }
    }
}

/// The text column of a table shows at most this many characters.
const TEXT_WIDTH: usize = 70;

/// Writes a command's results in one of the shared formats.
pub(crate) struct Records<'o> {
    shape: Shape,
    out: Sink<'o>,
    columns: &'static [Column],
    count: usize,
}

/// CSV goes through the csv crate's writer (quoting); everything else straight out.
enum Sink<'o> {
    Plain(&'o mut Output),
    Csv(Box<csv::Writer<&'o mut Output>>),
}

impl Sink<'_> {
    /// The output for everything but CSV; a CSV run only ever writes rows.
    fn plain(&mut self) -> io::Result<&mut Output> {
        match self {
            Sink::Plain(out) => Ok(out),
            Sink::Csv(_) => Err(io::Error::other(
                "a command wrote a JSON object in CSV format; please report this bug",
            )),
        }
    }
}

impl<'o> Records<'o> {
    /// Starts the output: the header of a table or CSV (`columns`; in CSV only their names
    /// count), the opening bracket of a JSON array.
    pub(crate) fn start(
        shape: Shape,
        out: &'o mut Output,
        columns: &'static [Column],
    ) -> io::Result<Records<'o>> {
        let out = match shape {
            Shape::Csv => Sink::Csv(Box::new(csv::Writer::from_writer(out))),
            _ => Sink::Plain(out),
        };
        let mut records = Records {
            shape,
            out,
            columns,
            count: 0,
        };
        let names: Vec<&str> = columns.iter().map(|c| c.name).collect();
        match shape {
            Shape::Jsonl => {}
            Shape::Json => records.out.plain()?.write_all(b"[")?,
            Shape::Table => records.table_line(&names)?,
            Shape::Csv => records.csv_row(&names)?,
        }
        Ok(records)
    }

    /// The chosen format.
    pub(crate) fn shape(&self) -> Shape {
        self.shape
    }

    /// Writes one result as a JSON object (JSON Lines or an element of the array).
    pub(crate) fn object(&mut self, value: &impl Serialize) -> io::Result<()> {
        match self.shape {
            Shape::Json => {
                let out = self.out.plain()?;
                out.write_all(if self.count == 0 { b"\n" } else { b",\n" })?;
                serde_json::to_writer(&mut *out, value)?;
            }
            _ => {
                let out = self.out.plain()?;
                serde_json::to_writer(&mut *out, value)?;
                out.write_all(b"\n")?;
            }
        }
        self.count += 1;
        Ok(())
    }

    /// Writes one row of a table or CSV, one cell per column.
    pub(crate) fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> io::Result<()> {
        let cells: Vec<&str> = cells.iter().map(AsRef::as_ref).collect();
        match self.shape {
            Shape::Csv => self.csv_row(&cells)?,
            _ => self.table_line(&cells)?,
        }
        self.count += 1;
        Ok(())
    }

    /// Ends the output (the closing bracket of a JSON array).
    pub(crate) fn finish(mut self) -> io::Result<()> {
        match &mut self.out {
            Sink::Csv(csv) => csv.flush(),
            Sink::Plain(out) if self.shape == Shape::Json => {
                out.write_all(if self.count == 0 { b"]\n" } else { b"\n]\n" })
            }
            Sink::Plain(_) => Ok(()),
        }
    }

    fn csv_row(&mut self, cells: &[&str]) -> io::Result<()> {
        match &mut self.out {
            Sink::Csv(csv) => csv.write_record(cells).map_err(csv_error),
            Sink::Plain(_) => Ok(()),
        }
    }

    fn table_line(&mut self, cells: &[&str]) -> io::Result<()> {
        let mut line = String::new();
        let last = self.columns.len().saturating_sub(1);
        for (i, (cell, column)) in cells.iter().zip(self.columns).enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            if i == last {
                line.push_str(&one_line(cell, TEXT_WIDTH));
            } else if column.right {
                line.push_str(&format!("{:>1$}", one_line(cell, usize::MAX), column.width));
            } else {
                line.push_str(&format!("{:<1$}", one_line(cell, usize::MAX), column.width));
            }
        }
        writeln!(self.out.plain()?, "{}", line.trim_end())
    }
}

/// `text` on one line (runs of whitespace as one space), cut to `max` characters with an
/// ellipsis.
pub(crate) fn one_line(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
    format!("{cut}…")
}

/// A CSV error as the io::Error it wraps (so a closed pipe is seen as one), or as data.
fn csv_error(err: csv::Error) -> io::Error {
    match err.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::new(io::ErrorKind::InvalidData, format!("CSV: {other:?}")),
    }
}

/// `n` and the noun, plural unless one: `1 passage`, `3 clusters`.
pub(crate) fn counted(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// A score with six decimals at most, as in the JSON output.
pub(crate) fn score(x: f64) -> String {
    copydesk::dedup::round_score(x).to_string()
}
