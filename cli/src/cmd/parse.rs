//! `copydesk parse`: articles as blocks with spans.

use std::io::Write;

use copydesk::article::{self, Article, ArticleJson};
use copydesk::text::{OffsetUnit, SpanConverter};

use clap::{Args, ValueEnum};

use crate::BoxError;
use crate::UsageError;
use crate::args::{InferArgs, InputArgs, OutputArgs};
use crate::format::{Column, Records, Shape};
use crate::input::{Report, for_each_batch};
use crate::output::Output;

pub(crate) const EXAMPLES: &str = "Examples:
  copydesk parse seeds/ --format text --sentences
  copydesk parse article.txt --published 2018-04-17 > article.jsonl
  copydesk parse seeds/ --format csv -o blocks.csv   # a row per block
  copydesk parse article.txt --format markdown > article.md

Block kinds: title, dek, byline, dateline, kicker, heading, paragraph, caption, credit,
source_tag, boilerplate (with a reason: ui, navigation, share, related, read_more, video,
newsletter, subscribe, ad, copyright, cookie, comments, tags, link, wire_marker, and outside
for the page around a web page's article).
Offsets (start, end) count characters (Python str indices) into the article's text.";

#[derive(Debug, Args)]
pub(crate) struct ParseArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format [default: text on a terminal, else jsonl].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<ParseFormat>,

    /// List each block's sentences too.
    #[arg(long)]
    pub sentences: bool,

    #[command(flatten)]
    pub infer: InferArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ParseFormat {
    /// One JSON object per article, one per line.
    Jsonl,
    /// One JSON array of articles.
    Json,
    /// The blocks as a reader sees them, kind in the margin, then the quotes.
    Text,
    /// A line per block: article, block, kind, reason, start, end, text.
    Table,
    /// CSV with a header row, a row per block: article, block, kind, reason, start, end, text.
    Csv,
    /// The clean article: title, dek, body, headings and captions, without the residue.
    Markdown,
}

const BLOCK_TABLE: &[Column] = &[
    Column::left("article", 24),
    Column::right("block", 5),
    Column::left("kind", 12),
    Column::left("reason", 10),
    Column::right("start", 6),
    Column::right("end", 6),
    Column::left("text", 0),
];
const BLOCK_CSV: &[Column] = &[
    Column::left("article", 0),
    Column::left("block", 0),
    Column::left("kind", 0),
    Column::left("reason", 0),
    Column::left("start", 0),
    Column::left("end", 0),
    Column::left("text", 0),
];

pub(crate) fn run(args: &ParseArgs, report: &mut Report) -> Result<(), BoxError> {
    let mut out = Output::open(args.output.out.as_deref())?;
    let format = args.format.unwrap_or(if out.is_terminal() {
        ParseFormat::Text
    } else {
        ParseFormat::Jsonl
    });
    if args.sentences && format == ParseFormat::Markdown {
        return Err(UsageError(
            "--sentences goes with --format jsonl, json or text (markdown is the clean article)"
                .into(),
        )
        .into());
    }
    if args.infer.infer_published && !matches!(format, ParseFormat::Jsonl | ParseFormat::Json) {
        return Err(UsageError(
            "--infer-published goes with --format jsonl or json (published_inferred is a field of \
             the JSON form)"
                .into(),
        )
        .into());
    }
    let shape = match format {
        ParseFormat::Jsonl => Shape::Jsonl,
        ParseFormat::Json => Shape::Json,
        ParseFormat::Table => Shape::Table,
        ParseFormat::Csv => Shape::Csv,
        ParseFormat::Text | ParseFormat::Markdown => return run_text(args, format, report, out),
    };
    if args.sentences && matches!(shape, Shape::Table | Shape::Csv) {
        return Err(UsageError(
            "--sentences goes with --format jsonl, json or text (table and csv have a row per block)".into(),
        )
        .into());
    }
    let columns = if shape == Shape::Csv {
        BLOCK_CSV
    } else {
        BLOCK_TABLE
    };
    let mut records = Records::start(shape, &mut out, columns)?;
    for_each_batch(&args.input, report, |batch| {
        for a in article::parse_batch(batch) {
            if matches!(shape, Shape::Jsonl | Shape::Json) {
                let inferred = args.infer.infer(&a);
                let view = ArticleJson::new(&a, OffsetUnit::Chars)
                    .with_sentences(args.sentences)
                    .with_inferred(inferred.as_ref());
                records.object(&view)?;
                continue;
            }
            let converter = SpanConverter::new(&a.text, OffsetUnit::Chars);
            for (i, block) in a.blocks.iter().enumerate() {
                let (start, end) = converter.convert(block.span);
                records.row(&[
                    a.id.as_str(),
                    &i.to_string(),
                    block.kind.as_str(),
                    block.reason.map_or("", |r| r.as_str()),
                    &start.to_string(),
                    &end.to_string(),
                    a.block_text(block),
                ])?;
            }
        }
        Ok(())
    })?;
    records.finish()?;
    out.finish()?;
    Ok(())
}

/// The `text` and `markdown` views, which are parse's own.
fn run_text(
    args: &ParseArgs,
    format: ParseFormat,
    report: &mut Report,
    mut out: Output,
) -> Result<(), BoxError> {
    let mut count = 0usize;
    for_each_batch(&args.input, report, |batch| {
        for a in article::parse_batch(batch) {
            if format == ParseFormat::Markdown {
                if count > 0 {
                    out.write_all(b"\n")?;
                }
                out.write_all(article::to_markdown(&a).as_bytes())?;
            } else {
                write_text(&mut out, &a, args.sentences)?;
            }
            count += 1;
        }
        Ok(())
    })?;
    out.finish()?;
    Ok(())
}

/// The article as a reader sees it: each block with its kind in the margin.
fn write_text(out: &mut impl Write, a: &Article, sentences: bool) -> std::io::Result<()> {
    let published = a
        .published
        .map(|p| p.to_string())
        .unwrap_or_else(|| "unknown".into());
    writeln!(out, "== {}  ({}; published {published})", a.id, a.source)?;
    let converter = SpanConverter::new(&a.text, OffsetUnit::Chars);
    for (i, block) in a.blocks.iter().enumerate() {
        let (start, end) = converter.convert(block.span);
        let mut text = one_line(a.block_text(block));
        if let Some(reason) = block.reason {
            text = format!("[{}] {text}", reason.as_str());
        }
        if let Some(first) = block.repeat_of {
            text = format!("(repeats {first}) {text}");
        }
        writeln!(
            out,
            "{:<12} {:>6}..{:<6} {text}",
            block.kind.as_str(),
            start,
            end
        )?;
        if sentences {
            for s in a.block_sentences(i) {
                let (start, end) = converter.convert(s.span);
                writeln!(
                    out,
                    "{:<12} {:>6}..{:<6}   · {}",
                    "",
                    start,
                    end,
                    one_line(s.span.slice(&a.text))
                )?;
            }
        }
    }
    for q in &a.quotes {
        let (start, end) = converter.convert(q.span);
        let named = match (a.speaker(q), a.speaker_mention(q)) {
            (Some(s), Some(m)) if s != m => Some(format!("{s} [{m}]")),
            (Some(s), _) => Some(s.to_owned()),
            (None, m) => m.map(|m| format!("[{m}]")),
        };
        let who = match (named, a.verb(q)) {
            (Some(s), Some(v)) => format!("{s} ({v})"),
            (Some(s), None) => s,
            _ => "?".to_owned(),
        };
        writeln!(
            out,
            "{:<12} {:>6}..{:<6} {who}: {}",
            format!("quote {}", q.kind.as_str()),
            start,
            end,
            one_line(a.quote_text(q))
        )?;
    }
    writeln!(out)
}

/// Line breaks inside a block (wrapped wire copy) shown as spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
