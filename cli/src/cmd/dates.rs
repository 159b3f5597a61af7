//! `copydesk dates`: temporal expressions resolved against the publication date.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use copydesk::article;
use copydesk::dates::{self, timeml};
use copydesk::text::{OffsetUnit, SpanConverter};

use crate::BoxError;
use crate::UsageError;
use crate::args::{InferArgs, InputArgs, OutputArgs};
use crate::format::{Column, Records, Shape};
use crate::input::{Report, for_each_batch};
use crate::output::Output;

pub(crate) const EXAMPLES: &str = "Examples:
  copydesk dates seeds/                  # dates from seeds/manifest.jsonl
  copydesk dates article.txt --published 2018-04-17 --format table
  copydesk dates seeds/ --format csv -o dates.csv
  copydesk dates --format timeml doc.tml # TimeML in, with TIMEX3 tags out
  copydesk dates --format timeml corpus/ --output-dir annotated/
  copydesk dates article.txt --genre narrative   # read as a narrative, not as news

Each expression: article, text, start, end (characters, i.e. Python str indices, into the
article's text), type (DATE, TIME, DURATION, SET), value (TIMEX3), mod, interval ([start,
end) as ISO dates, or null), quant, freq and range where they apply, and genre: what the
article's year-less dates were read against (news: the publication date; narrative: the
time the text is in, the year of the date it last named; colloquial: the publication date,
as informal posts are typed).";

#[derive(Debug, Args)]
pub(crate) struct DatesArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format [default: table on a terminal, else jsonl].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<DatesFormat>,

    #[command(flatten)]
    pub infer: InferArgs,

    /// How dates are read: against the publication date (news), against the time the
    /// text is talking about (narrative), as informal posts are typed (colloquial), or in
    /// the genre each article's own evidence points to (auto).
    #[arg(long, value_enum, default_value_t = GenreArg::Auto)]
    pub genre: GenreArg,

    /// With --format timeml: write each annotated document into DIR under its file name,
    /// instead of all of them to standard output.
    #[arg(long, value_name = "DIR")]
    pub output_dir: Option<PathBuf>,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum GenreArg {
    /// The genre each article's evidence points to: narrative when it writes out years and
    /// hardly ever points from the day of writing, else news.
    Auto,
    /// Anchored to the publication date.
    News,
    /// Anchored to the time the narrative is in: the year of the date it last named.
    Narrative,
    /// A short informal post: anchored to its date, read as people type (`monday`, `tmr`).
    Colloquial,
}

impl GenreArg {
    fn genre(self) -> Option<dates::Genre> {
        match self {
            GenreArg::Auto => None,
            GenreArg::News => Some(dates::Genre::News),
            GenreArg::Narrative => Some(dates::Genre::Narrative),
            GenreArg::Colloquial => Some(dates::Genre::Colloquial),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum DatesFormat {
    /// One JSON object per expression, one per line.
    Jsonl,
    /// One JSON array of the same objects.
    Json,
    /// A readable table: article, offsets, type, value, mod, interval, text.
    Table,
    /// CSV with a header row, one row per expression: article, start, end, type, value,
    /// mod, interval_start, interval_end, quant, freq, genre, text.
    Csv,
    /// TimeML documents in, the same documents with TIMEX3 tags out.
    Timeml,
}

const TABLE: &[Column] = &[
    Column::left("article", 24),
    Column::right("start", 6),
    Column::right("end", 6),
    Column::left("type", 8),
    Column::left("value", 14),
    Column::left("mod", 8),
    Column::left("interval", 23),
    Column::left("text", 0),
];

/// CSV: one row per expression.
const CSV: &[Column] = &[
    Column::left("article", 0),
    Column::left("start", 0),
    Column::left("end", 0),
    Column::left("type", 0),
    Column::left("value", 0),
    Column::left("mod", 0),
    Column::left("interval_start", 0),
    Column::left("interval_end", 0),
    Column::left("quant", 0),
    Column::left("freq", 0),
    Column::left("genre", 0),
    Column::left("text", 0),
];

pub(crate) fn run(args: &DatesArgs, report: &mut Report) -> Result<(), BoxError> {
    let shape = match args.format {
        Some(DatesFormat::Timeml) => return run_timeml(args, report),
        Some(DatesFormat::Jsonl) => Some(Shape::Jsonl),
        Some(DatesFormat::Json) => Some(Shape::Json),
        Some(DatesFormat::Table) => Some(Shape::Table),
        Some(DatesFormat::Csv) => Some(Shape::Csv),
        None => None,
    };
    if args.output_dir.is_some() {
        return Err(UsageError(
            "--output-dir goes with --format timeml; use -o FILE for the other formats".into(),
        )
        .into());
    }
    let mut out = Output::open(args.output.out.as_deref())?;
    let shape = shape.unwrap_or(Shape::default_for(&out));
    let columns = if shape == Shape::Csv { CSV } else { TABLE };
    let mut records = Records::start(shape, &mut out, columns)?;
    let mut expressions = 0usize;
    let mut dated = 0usize;
    let mut narratives = 0usize;
    for_each_batch(&args.input, report, |batch| {
        let mut articles = article::parse_batch(batch);
        // Undated articles, when asked, are read against the date their text gives.
        let mut inferred = vec![false; articles.len()];
        for (a, flag) in articles.iter_mut().zip(&mut inferred) {
            if let Some(g) = args.infer.infer(a) {
                a.published = Some(copydesk::article::Published::from_date(g.date));
                *flag = true;
                dated += 1;
            }
        }
        let found = dates::read_articles(&articles, args.genre.genre());
        expressions += found.iter().map(|r| r.timexes.len()).sum::<usize>();
        narratives += found
            .iter()
            .filter(|r| r.genre == dates::Genre::Narrative)
            .count();
        for ((a, reading), &inferred) in articles.iter().zip(&found).zip(&inferred) {
            let converter = SpanConverter::new(&a.text, OffsetUnit::Chars);
            for t in &reading.timexes {
                if matches!(records.shape(), Shape::Jsonl | Shape::Json) {
                    let view = t
                        .to_json(&a.text, &converter)
                        .with_article(&a.id)
                        .with_inferred_reference(inferred)
                        .with_genre(reading.genre);
                    records.object(&view)?;
                    continue;
                }
                let (start, end) = converter.convert(t.span);
                let modifier = t.modifier.map(|m| m.as_str()).unwrap_or("");
                let (start, end) = (start.to_string(), end.to_string());
                let head = [
                    a.id.as_str(),
                    &start,
                    &end,
                    t.kind.as_str(),
                    &t.value,
                    modifier,
                ];
                let text = t.text(&a.text);
                let (from, to) = t
                    .interval
                    .map(|i| (i.start.to_string(), i.end.to_string()))
                    .unwrap_or_default();
                if records.shape() == Shape::Table {
                    let interval = if from.is_empty() {
                        String::new()
                    } else {
                        format!("{from}..{to}")
                    };
                    records.row(&[&head[..], &[&interval, text]].concat())?;
                } else {
                    records.row(
                        &[
                            &head[..],
                            &[
                                &from,
                                &to,
                                t.quant.as_deref().unwrap_or(""),
                                t.freq.as_deref().unwrap_or(""),
                                reading.genre.as_str(),
                                text,
                            ],
                        ]
                        .concat(),
                    )?;
                }
            }
        }
        Ok(())
    })?;
    records.finish()?;
    out.finish()?;
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let mut detail = format!("{expressions} temporal expression{}", plural(expressions));
    if narratives > 0 {
        detail.push_str(&format!(
            ", {narratives} article{} read as narrative",
            plural(narratives)
        ));
    }
    if args.infer.infer_published {
        detail.push_str(&format!(
            ", {dated} undated article{} read against an inferred date",
            plural(dated)
        ));
    }
    report.detail = Some(detail);
    Ok(())
}

fn run_timeml(args: &DatesArgs, report: &mut Report) -> Result<(), BoxError> {
    if args.infer.infer_published {
        return Err(UsageError(
            "--infer-published does not go with --format timeml: each TimeML document carries its creation time".into(),
        )
        .into());
    }
    if args.input.published.is_some() {
        report.warn("--published is ignored with --format timeml: each document's creation time is its reference date");
    }
    let mut paths = Vec::new();
    for item in timeml::files(&args.input.paths) {
        match item {
            Ok(p) => paths.push(p),
            Err(err) if args.input.strict => return Err(err.into()),
            Err(err) => report.error(&err),
        }
    }
    if let Some(dir) = &args.output_dir {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("{}: cannot create the directory: {e}", dir.display()))?;
    }
    let mut out = match &args.output_dir {
        Some(_) => None,
        None => Some(Output::open(args.output.out.as_deref())?),
    };
    for chunk in paths.chunks(256) {
        for (path, result) in chunk
            .iter()
            .zip(timeml::annotate_files(chunk, args.genre.genre()))
        {
            report.tick();
            let doc = match result {
                Ok(doc) => doc,
                Err(err) if args.input.strict => return Err(err.into()),
                Err(err) => {
                    report.error(&err);
                    continue;
                }
            };
            match (&mut out, &args.output_dir) {
                (Some(out), _) => out.write_all(doc.as_bytes())?,
                (None, Some(dir)) => {
                    let name = path
                        .file_name()
                        .ok_or("a TimeML path without a file name")?;
                    let target = dir.join(name);
                    let mut file = Output::open(Some(&target))?;
                    file.write_all(doc.as_bytes())?;
                    file.finish()?;
                }
                (None, None) => {}
            }
        }
    }
    if let Some(out) = out {
        out.finish()?;
    }
    Ok(())
}
