//! `copydesk quotes`: each remark followed across the articles that quote it.

use std::collections::HashMap;

use clap::{Args, ValueEnum};
use copydesk::article::{self, QuoteKind};
use copydesk::dedup::{RemarkFinder, RemarkJson, RemarkOptions, Remarks, quote_kind_named};
use copydesk::text::{OffsetUnit, SpanConverter};

use crate::BoxError;
use crate::UsageError;
use crate::args::{InputArgs, OutputArgs};
use crate::format::{Column, Records, Shape, counted, one_line, score};
use crate::input::{Report, for_each_batch};
use crate::output::Output;

pub(crate) const EXAMPLES: &str = "Examples:
  copydesk quotes seeds/ --format table        # every remark, who said it, who carried it
  copydesk quotes seeds/ --min-articles 2      # only remarks quoted by two articles or more
  copydesk quotes corpus/ --format csv -o remarks.csv

A remark is the quotations of one speaker that are the same words: near-identical (Jaccard
similarity of word 3-grams at least --threshold) or one a fragment of the other (containment
at least --containment). Quotations join only when their speakers agree (`Trump` and `Donald
Trump`); one whose speaker is not given joins by near-identical words only. The canonical
quotation is the first appearance: the earliest published, then the first in input order.
Offsets (start, end) count characters into each article's text.";

#[derive(Debug, Args)]
pub(crate) struct QuotesArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Jaccard similarity at or above which two quotations are the same words (0 to 1].
    #[arg(long, short = 't', default_value_t = 0.7, value_name = "T")]
    pub threshold: f64,

    /// Containment at or above which the shorter quotation is a fragment of the longer.
    #[arg(long, default_value_t = 0.8, value_name = "T")]
    pub containment: f64,

    /// Kinds of quotation compared, comma-separated.
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "KINDS",
        default_value = "direct,partial",
        value_parser = parse_quote_kind
    )]
    pub kinds: Vec<QuoteKind>,

    /// Leave out quotations with fewer words.
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub min_words: usize,

    /// Ignore repeats inside one article: only join quotations of different articles.
    #[arg(long)]
    pub cross_only: bool,

    /// Write only the remarks quoted by at least N articles.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub min_articles: usize,

    /// Output format [default: table on a terminal, else jsonl].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<QuotesFormat>,

    #[command(flatten)]
    pub file: OutputArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum QuotesFormat {
    /// One JSON object per remark.
    Jsonl,
    /// One JSON array of the same objects.
    Json,
    /// A table for people: a line per remark.
    Table,
    /// CSV with a header row: a row per quotation (with the cluster's number and whether it
    /// is the first appearance).
    Csv,
}

impl From<QuotesFormat> for Shape {
    fn from(f: QuotesFormat) -> Shape {
        match f {
            QuotesFormat::Jsonl => Shape::Jsonl,
            QuotesFormat::Json => Shape::Json,
            QuotesFormat::Table => Shape::Table,
            QuotesFormat::Csv => Shape::Csv,
        }
    }
}

fn parse_quote_kind(value: &str) -> Result<QuoteKind, String> {
    quote_kind_named(value).map_err(|e| e.to_string())
}

impl QuotesArgs {
    fn options(&self) -> RemarkOptions {
        RemarkOptions {
            threshold: self.threshold,
            containment: self.containment,
            kinds: self.kinds.clone(),
            min_words: self.min_words,
            cross_only: self.cross_only,
            ..RemarkOptions::default()
        }
    }
}

/// Table: one line per remark.
const TABLE: &[Column] = &[
    Column::right("cluster", 7),
    Column::right("size", 4),
    Column::right("articles", 8),
    Column::left("speaker", 20),
    Column::left("outlets", 24),
    Column::left("first appearance", 0),
];

/// CSV: one row per quotation, the first appearance first.
const CSV: &[Column] = &[
    Column::left("cluster", 0),
    Column::left("size", 0),
    Column::left("canonical", 0),
    Column::left("cluster_speaker", 0),
    Column::left("article", 0),
    Column::left("source", 0),
    Column::left("outlet", 0),
    Column::left("published", 0),
    Column::left("block", 0),
    Column::left("start", 0),
    Column::left("end", 0),
    Column::left("kind", 0),
    Column::left("speaker", 0),
    Column::left("speaker_mention", 0),
    Column::left("verb", 0),
    Column::left("similarity", 0),
    Column::left("containment", 0),
    Column::left("text", 0),
];

pub(crate) fn run(args: &QuotesArgs, report: &mut Report) -> Result<(), BoxError> {
    if args.min_articles == 0 {
        return Err(UsageError("--min-articles must be at least 1".into()).into());
    }
    let mut finder = RemarkFinder::new(args.options()).map_err(|e| UsageError(e.to_string()))?;
    for_each_batch(&args.input, report, |batch| {
        finder.add(article::parse_batch(batch));
        Ok(())
    })?;
    let result = finder.result();
    let mut out = Output::open(args.file.out.as_deref())?;
    let shape = args.format.map_or(Shape::default_for(&out), Shape::from);
    let columns = if shape == Shape::Csv { CSV } else { TABLE };
    let mut records = Records::start(shape, &mut out, columns)?;
    let mut written = 0;
    for r in result.remarks() {
        if result.carriers(r).len() < args.min_articles {
            continue;
        }
        written += 1;
        write(&mut records, &result, r)?;
    }
    records.finish()?;
    out.finish()?;
    let s = result.stats();
    // Remarks carried by two articles or more are the shared count; a higher
    // --min-articles says how many of those were written.
    let shown = if args.min_articles > 2 {
        format!(", {written} by {} or more", args.min_articles)
    } else {
        String::new()
    };
    report.detail = Some(format!(
        "{} compared, {}, {} carried by more than one article{shown}",
        counted(s.compared, "quotation"),
        counted(s.remarks, "remark"),
        s.shared
    ));
    Ok(())
}

const UNIT: OffsetUnit = OffsetUnit::Chars;

fn write(
    records: &mut Records<'_>,
    result: &Remarks,
    r: &copydesk::dedup::Remark,
) -> std::io::Result<()> {
    match records.shape() {
        Shape::Jsonl | Shape::Json => records.object(&RemarkJson::new(result, r, UNIT)),
        Shape::Table => {
            let outlets = result.outlets(r);
            let outlets = if outlets.is_empty() {
                "-".to_owned()
            } else {
                outlets.join(", ")
            };
            records.row(&[
                r.id.to_string(),
                r.size().to_string(),
                result.carriers(r).len().to_string(),
                one_line(result.speaker(r).unwrap_or("-"), 20),
                one_line(&outlets, 24),
                result.text(r.canonical).to_owned(),
            ])
        }
        Shape::Csv => {
            let mut converters: HashMap<usize, SpanConverter<'_>> = HashMap::new();
            for m in &r.members {
                let Some((a, q)) = result.quote(m.quote) else {
                    continue;
                };
                let (start, end) = converters
                    .entry(m.quote.article)
                    .or_insert_with(|| SpanConverter::new(&a.text, UNIT))
                    .convert(q.span);
                records.row(&[
                    r.id.to_string(),
                    r.size().to_string(),
                    (m.quote == r.canonical).to_string(),
                    result.speaker(r).unwrap_or_default().to_owned(),
                    a.id.clone(),
                    a.source.clone(),
                    a.meta.outlet.clone().unwrap_or_default(),
                    a.published.map(|p| p.to_string()).unwrap_or_default(),
                    q.block.to_string(),
                    start.to_string(),
                    end.to_string(),
                    q.kind.as_str().to_owned(),
                    a.speaker(q).unwrap_or_default().to_owned(),
                    a.speaker_mention(q).unwrap_or_default().to_owned(),
                    a.verb(q).unwrap_or_default().to_owned(),
                    score(m.similarity),
                    score(m.containment),
                    a.quote_text(q).to_owned(),
                ])?;
            }
            Ok(())
        }
    }
}
