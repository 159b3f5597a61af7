//! `copydesk dedupe`: near-duplicate passages within and across articles.

use std::io::Write;

use clap::{Args, ValueEnum};
use copydesk::article::{self, BlockKind};
use copydesk::dedup::{
    self, CleanedJson, ClusterJson, Dedup, Deduper, Level, Options, PairJson, Shingles,
};
use copydesk::text::OffsetUnit;

use crate::BoxError;
use crate::args::{InputArgs, OutputArgs};
use crate::input::{Report, for_each_batch};
use crate::output::Output;

pub(crate) const EXAMPLES: &str = "Examples:
  copydesk dedupe seeds/                          clusters of repeated paragraphs, as JSONL
  copydesk dedupe seeds/ --format table           the same, for people
  copydesk dedupe corpus/ --cross-only --threshold 0.9
  copydesk dedupe seeds/ --level sentence --containment
  copydesk dedupe corpus/ --output clean -o clean.jsonl

Similarity is the Jaccard similarity of word 3-gram sets after normalization (case, Unicode,
quotes, dashes, whitespace, punctuation). Offsets (start, end) count characters (Python str
indices) into each article's text. The canonical passage of a cluster is the earliest
published, then the first in input order.";

#[derive(Debug, Args)]
pub(crate) struct DedupeArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// What a passage is.
    #[arg(long, value_enum, default_value_t = LevelArg::Paragraph)]
    pub level: LevelArg,

    /// Jaccard similarity at or above which two passages are near-duplicates (0 to 1].
    #[arg(long, short = 't', default_value_t = 0.8, value_name = "T")]
    pub threshold: f64,

    /// Also pair a passage mostly contained in a longer one, at containment T [default:
    /// the threshold].
    #[arg(long, value_name = "T", num_args = 0..=1, require_equals = false)]
    pub containment: Option<Option<f64>>,

    /// Ignore repeats inside one article: only pairs from different articles count.
    #[arg(long)]
    pub cross_only: bool,

    /// Shingles: word n-grams or character n-grams.
    #[arg(long, value_enum, default_value_t = ShingleArg::Word)]
    pub shingle: ShingleArg,

    /// Shingle length [default: 3 words, or 5 characters].
    #[arg(long, short = 'n', value_name = "N")]
    pub n: Option<usize>,

    /// Block kinds to compare, comma-separated [default: title,dek,heading,paragraph,caption].
    #[arg(long, value_delimiter = ',', value_name = "KINDS", value_parser = parse_kind)]
    pub kinds: Option<Vec<BlockKind>>,

    /// Leave out passages with fewer words.
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub min_words: usize,

    /// What to write: clusters, pairs, or the articles with repeated passages removed.
    #[arg(long, value_enum, default_value_t = What::Clusters, value_name = "WHAT")]
    pub output: What,

    /// Output format (table: clusters for people).
    #[arg(long, short = 'f', value_enum, default_value_t = DedupeFormat::Jsonl)]
    pub format: DedupeFormat,

    #[command(flatten)]
    pub file: OutputArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum LevelArg {
    /// Each paragraph (block).
    Paragraph,
    /// Each sentence.
    Sentence,
    /// Each whole article.
    Article,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ShingleArg {
    /// Word n-grams.
    Word,
    /// Character n-grams.
    Char,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum What {
    /// One JSON object per cluster.
    Clusters,
    /// One JSON object per near-duplicate pair.
    Pairs,
    /// Each article without its repeated passages (the first occurrence kept), with what
    /// was removed.
    Clean,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum DedupeFormat {
    /// One JSON object per line.
    Jsonl,
    /// A table for people.
    Table,
}

fn parse_kind(value: &str) -> Result<BlockKind, String> {
    dedup::kind_named(value.trim()).map_err(|e| e.to_string())
}

impl DedupeArgs {
    fn options(&self) -> Options {
        let shingles = match (self.shingle, self.n) {
            (ShingleArg::Word, n) => Shingles::Words(n.unwrap_or(Shingles::DEFAULT_WORD_N)),
            (ShingleArg::Char, n) => Shingles::Chars(n.unwrap_or(Shingles::DEFAULT_CHAR_N)),
        };
        let defaults = Options::default();
        Options {
            level: match self.level {
                LevelArg::Paragraph => Level::Paragraph,
                LevelArg::Sentence => Level::Sentence,
                LevelArg::Article => Level::Article,
            },
            threshold: self.threshold,
            shingles,
            containment: self.containment.map(|c| c.unwrap_or(self.threshold)),
            cross_only: self.cross_only,
            kinds: self.kinds.clone().unwrap_or(defaults.kinds.clone()),
            min_words: self.min_words,
            ..defaults
        }
    }
}

pub(crate) fn run(args: &DedupeArgs, report: &mut Report) -> Result<(), BoxError> {
    let mut deduper = Deduper::new(args.options())?;
    for_each_batch(&args.input, report, |batch| {
        deduper.add(article::parse_batch(batch));
        Ok(())
    })?;
    let result = deduper.result();
    let mut out = Output::open(args.file.out.as_deref())?;
    let unit = OffsetUnit::Chars;
    match (args.output, args.format) {
        (What::Clusters, DedupeFormat::Jsonl) => {
            for c in result.clusters() {
                serde_json::to_writer(&mut out, &ClusterJson::new(&result, c, unit))?;
                out.write_all(b"\n")?;
            }
        }
        (What::Clusters, DedupeFormat::Table) => write_table(&mut out, &result)?,
        (What::Pairs, DedupeFormat::Jsonl) => {
            for p in result.pairs() {
                serde_json::to_writer(&mut out, &PairJson::new(&result, p, unit))?;
                out.write_all(b"\n")?;
            }
        }
        (What::Clean, DedupeFormat::Jsonl) => {
            for i in 0..result.articles().len() {
                let cleaned = result.clean(i);
                serde_json::to_writer(&mut out, &CleanedJson::new(&result, &cleaned, unit))?;
                out.write_all(b"\n")?;
            }
        }
        (what, DedupeFormat::Table) => {
            return Err(format!(
                "--format table shows clusters; write {} as JSONL (the default format)",
                what.to_possible_value()
                    .map_or("it".into(), |v| v.get_name().to_owned())
            )
            .into());
        }
    }
    out.finish()?;
    let s = result.stats();
    let removed = if args.output == What::Clean {
        " (removed from the output)"
    } else {
        ""
    };
    report.detail = Some(format!(
        "{} passages, {} clusters, {} duplicates{removed}",
        s.passages, s.clusters, s.duplicates
    ));
    Ok(())
}

/// Clusters for people: size, where the copies are, and the canonical text.
fn write_table(out: &mut impl Write, result: &Dedup) -> std::io::Result<()> {
    writeln!(
        out,
        "{:>7}  {:>4}  {:<32}  canonical passage",
        "cluster", "size", "outlets"
    )?;
    for c in result.clusters() {
        let mut outlets: Vec<&str> = Vec::new();
        for m in &c.members {
            let a = result.passage(m.passage).article;
            let name = a.meta.outlet.as_deref().unwrap_or(&a.id);
            if !outlets.contains(&name) {
                outlets.push(name);
            }
        }
        let outlets = trim(&outlets.join(", "), 32);
        let text = trim(result.passage(c.canonical).text(), 70);
        writeln!(out, "{:>7}  {:>4}  {:<32}  {text}", c.id, c.size(), outlets)?;
    }
    Ok(())
}

/// `text` on one line, cut to `max` characters with an ellipsis.
fn trim(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
    format!("{cut}…")
}
