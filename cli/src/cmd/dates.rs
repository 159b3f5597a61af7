//! `copydesk dates`: temporal expressions resolved against the publication date.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use copydesk::article;
use copydesk::dates::{self, timeml};
use copydesk::text::{OffsetUnit, SpanConverter};

use crate::BoxError;
use crate::args::{InputArgs, OutputArgs};
use crate::input::{Report, for_each_batch};
use crate::output::Output;

pub(crate) const EXAMPLES: &str = "Examples:
  copydesk dates seeds/                                 # publication dates from seeds/manifest.jsonl
  copydesk dates article.txt --published 2018-04-17 --format table
  copydesk dates --format timeml doc.tml                # TimeML in, TimeML with TIMEX3 tags out
  copydesk dates --format timeml corpus/ --output-dir annotated/

Each expression: article, text, start, end (characters, i.e. Python str indices, into the
article's text), type (DATE, TIME, DURATION, SET), value (TIMEX3), mod, interval ([start,
end) as ISO dates, or null), and quant, freq and range where they apply.";

#[derive(Debug, Args)]
pub(crate) struct DatesArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = DatesFormat::Jsonl)]
    pub format: DatesFormat,

    /// With --format timeml: write each annotated document into DIR under its file name,
    /// instead of all of them to standard output.
    #[arg(long, value_name = "DIR")]
    pub output_dir: Option<PathBuf>,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum DatesFormat {
    /// One JSON object per expression, one per line.
    Jsonl,
    /// A readable table: article, offsets, type, value, mod, interval, text.
    Table,
    /// TimeML documents in, the same documents with TIMEX3 tags out.
    Timeml,
}

pub(crate) fn run(args: &DatesArgs, report: &mut Report) -> Result<(), BoxError> {
    if args.format == DatesFormat::Timeml {
        return run_timeml(args, report);
    }
    if args.output_dir.is_some() {
        return Err(
            "--output-dir goes with --format timeml; use -o FILE for the other formats".into(),
        );
    }
    let mut out = Output::open(args.output.out.as_deref())?;
    if args.format == DatesFormat::Table {
        writeln!(
            out,
            "{:<24} {:>6} {:>6}  {:<8} {:<14} {:<8} {:<23}  text",
            "article", "start", "end", "type", "value", "mod", "interval"
        )?;
    }
    let mut expressions = 0usize;
    for_each_batch(&args.input, report, |batch| {
        let articles = article::parse_batch(batch);
        let found = dates::find_in_articles(&articles);
        expressions += found.iter().map(Vec::len).sum::<usize>();
        for (a, timexes) in articles.iter().zip(&found) {
            let converter = SpanConverter::new(&a.text, OffsetUnit::Chars);
            for t in timexes {
                match args.format {
                    DatesFormat::Jsonl => {
                        serde_json::to_writer(
                            &mut out,
                            &t.to_json(&a.text, &converter).with_article(&a.id),
                        )?;
                        out.write_all(b"\n")?;
                    }
                    DatesFormat::Table => {
                        let (start, end) = converter.convert(t.span);
                        let interval = t
                            .interval
                            .map(|i| format!("{}..{}", i.start, i.end))
                            .unwrap_or_default();
                        let text = t
                            .text(&a.text)
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ");
                        writeln!(
                            out,
                            "{:<24} {start:>6} {end:>6}  {:<8} {:<14} {:<8} {interval:<23}  {text}",
                            a.id,
                            t.kind.as_str(),
                            t.value,
                            t.modifier.map(|m| m.as_str()).unwrap_or(""),
                        )?;
                    }
                    DatesFormat::Timeml => {}
                }
            }
        }
        Ok(())
    })?;
    out.finish()?;
    report.detail = Some(format!(
        "{expressions} temporal expression{}",
        if expressions == 1 { "" } else { "s" }
    ));
    Ok(())
}

fn run_timeml(args: &DatesArgs, report: &mut Report) -> Result<(), BoxError> {
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
        for (path, result) in chunk.iter().zip(timeml::annotate_files(chunk)) {
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
