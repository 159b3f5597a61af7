//! `copydesk parse`: articles as blocks with spans.

use std::io::Write;

use copydesk::article::{self, Article, ArticleJson};
use copydesk::text::{OffsetUnit, SpanConverter};

use clap::{Args, ValueEnum};

use crate::BoxError;
use crate::args::{InputArgs, OutputArgs};
use crate::input::{Report, for_each_batch};
use crate::output::Output;

pub(crate) const EXAMPLES: &str = "Examples:
  copydesk parse seeds/ --format text --sentences
  copydesk parse article.txt --published 2018-04-17 > article.jsonl
  copydesk parse article.txt --format markdown > article.md

Block kinds: title, dek, byline, dateline, kicker, heading, paragraph, caption, credit,
source_tag, boilerplate (with a reason: ui, navigation, share, related, read_more, video,
newsletter, subscribe, ad, copyright, cookie, comments, tags, link, wire_marker).
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
    /// The clean article: title, dek, body, headings and captions, without the residue.
    Markdown,
}

pub(crate) fn run(args: &ParseArgs, report: &mut Report) -> Result<(), BoxError> {
    let mut out = Output::open(args.output.out.as_deref())?;
    let format = args.format.unwrap_or(if out.is_terminal() {
        ParseFormat::Text
    } else {
        ParseFormat::Jsonl
    });
    let mut count = 0usize;
    if format == ParseFormat::Json {
        out.write_all(b"[")?;
    }
    for_each_batch(&args.input, report, |batch| {
        for a in article::parse_batch(batch) {
            match format {
                ParseFormat::Jsonl => {
                    let view =
                        ArticleJson::new(&a, OffsetUnit::Chars).with_sentences(args.sentences);
                    serde_json::to_writer(&mut out, &view)?;
                    out.write_all(b"\n")?;
                }
                ParseFormat::Json => {
                    if count > 0 {
                        out.write_all(b",")?;
                    }
                    out.write_all(b"\n")?;
                    let view =
                        ArticleJson::new(&a, OffsetUnit::Chars).with_sentences(args.sentences);
                    serde_json::to_writer(&mut out, &view)?;
                }
                ParseFormat::Text => write_text(&mut out, &a, args.sentences)?,
                ParseFormat::Markdown => {
                    if count > 0 {
                        out.write_all(b"\n")?;
                    }
                    out.write_all(article::to_markdown(&a).as_bytes())?;
                }
            }
            count += 1;
        }
        Ok(())
    })?;
    if format == ParseFormat::Json {
        out.write_all(b"\n]\n")?;
    }
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
        let who = match (a.speaker(q), a.verb(q)) {
            (Some(s), Some(v)) => format!("{s} ({v})"),
            (Some(s), None) => s.to_owned(),
            _ => "?".to_owned(),
        };
        writeln!(
            out,
            "{:<12} {:>6}..{:<6} {who}: {}",
            "quote",
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
