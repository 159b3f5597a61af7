//! `csv` and `tsv`: tables with a header row, one article a row. The columns are named as
//! a JSON record's fields are (`text`, `html`, `id`, `url`, `title`, `published`... or
//! those `--text-field`, `--html-field` and `--id-field` name); an empty cell is no value.
//! Rows are streamed, each one document under the size limit.

use serde_json::{Map, Value};

use super::compress::{Stream, read_error};
use super::format::{Format, Origin, Ready, Records, Tally};
use super::{ReadOptions, json, record};
use crate::article::Document;
use crate::error::{Error, ErrorKind, Result};

pub(crate) struct Table {
    name: &'static str,
    extensions: &'static [&'static str],
    delimiter: u8,
}

pub(crate) static CSV: Table = Table {
    name: "csv",
    extensions: &["csv"],
    delimiter: b',',
};
pub(crate) static TSV: Table = Table {
    name: "tsv",
    extensions: &["tsv", "tab"],
    delimiter: b'\t',
};

impl Format for Table {
    fn name(&self) -> &'static str {
        self.name
    }
    fn extensions(&self) -> &'static [&'static str] {
        self.extensions
    }
    fn sniff(&self, _: &[u8]) -> bool {
        false
    }
    fn open(&self, stream: Stream, origin: &Origin<'_>) -> Box<dyn Records> {
        let limit = stream.limit();
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(self.delimiter)
            .has_headers(true)
            .flexible(true)
            .from_reader(stream);
        let header = match reader.byte_headers() {
            Ok(h) => h.clone(),
            Err(e) => return Ready::boxed(vec![Err(csv_error(e, limit).with_path(origin.name))]),
        };
        let columns: Vec<String> = header
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let c = if i == 0 {
                    c.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(c)
                } else {
                    c
                };
                String::from_utf8_lossy(c).trim().to_owned()
            })
            .collect();
        Box::new(Rows {
            reader,
            columns,
            name: origin.name.to_owned(),
            stem: origin.stem.to_owned(),
            opts: origin.opts.clone(),
            limit,
            record: csv::ByteRecord::new(),
            done: false,
        })
    }
}

fn csv_error(e: csv::Error, limit: u64) -> Error {
    let line = e.position().map(|p| p.line());
    let err = match e.into_kind() {
        csv::ErrorKind::Io(io) => read_error(io, limit),
        other => Error::new(ErrorKind::Malformed(format!(
            "not a valid table row ({other:?})"
        ))),
    };
    match line {
        Some(line) => err.at_line(line),
        None => err,
    }
}

struct Rows {
    reader: csv::Reader<Stream>,
    columns: Vec<String>,
    name: String,
    stem: String,
    opts: ReadOptions,
    limit: u64,
    record: csv::ByteRecord,
    done: bool,
}

impl Records for Rows {
    fn next_record(&mut self, _: &mut Tally) -> Option<Result<Document>> {
        if self.done {
            return None;
        }
        self.reader.get_mut().new_document();
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(csv_error(e, self.limit).with_path(&self.name)))
            }
            Ok(true) => {
                let line = self.record.position().map_or(0, |p| p.line());
                let mut row = Map::new();
                let mut invalid = false;
                for (column, cell) in self.columns.iter().zip(self.record.iter()) {
                    if cell.is_empty() || column.is_empty() {
                        continue;
                    }
                    let text = match std::str::from_utf8(cell) {
                        Ok(t) => t.to_owned(),
                        Err(_) => {
                            invalid = true;
                            String::from_utf8_lossy(cell).into_owned()
                        }
                    };
                    row.insert(column.clone(), Value::String(text));
                }
                if invalid && self.opts.strict {
                    return Some(Err(Error::new(ErrorKind::InvalidUtf8 { offset: 0 })
                        .with_path(&self.name)
                        .at_line(line)));
                }
                let place = format!("{}:{line}", self.name);
                let doc = record::document(
                    Value::Object(row),
                    format!("{}:{line}", self.stem),
                    place.clone(),
                    &self.opts,
                )
                .map(|d| json::located(d, &place))
                .map(|mut d| {
                    if invalid {
                        d.warnings.insert(
                            0,
                            format!("{place}: invalid UTF-8 in the row, replaced with U+FFFD"),
                        );
                    }
                    d
                })
                .map_err(|e| e.with_path(&self.name).at_line(line));
                Some(doc)
            }
        }
    }
}
