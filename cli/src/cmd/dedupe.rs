//! `copydesk dedupe`: near-duplicate passages within and across articles.

use std::collections::HashMap;

use clap::{Args, ValueEnum};
use copydesk::article::{self, Article, BlockKind};
use copydesk::dedup::{
    self, CleanedJson, ClusterJson, Dedup, Deduper, Level, Options, PairJson, Passage, Shingles,
};
use copydesk::text::{OffsetUnit, SpanConverter};

use crate::BoxError;
use crate::UsageError;
use crate::args::{InputArgs, OutputArgs};
use crate::format::{Column, Records, Shape, counted, one_line, score};
use crate::input::{Report, for_each_batch};
use crate::output::Output;

pub(crate) const EXAMPLES: &str = "Examples:
  copydesk dedupe seeds/ --format table   # clusters of repeated paragraphs
  copydesk dedupe seeds/ --format csv     # a row per cluster member
  copydesk dedupe corpus/ --cross-only --threshold 0.9
  copydesk dedupe seeds/ --level sentence --containment
  copydesk dedupe --containment=0.9 corpus/
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
    /// the threshold]; a value is written `--containment=0.9`, so that a path after the
    /// flag stays a path.
    #[arg(long, value_name = "T", num_args = 0..=1, require_equals = true)]
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

    /// Output format [default: table on a terminal, else jsonl].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<DedupeFormat>,

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
    /// Each article without its repeated passages, with what was removed: each cluster's
    /// canonical passage (the earliest published, then the first in input order) is kept.
    Clean,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum DedupeFormat {
    /// One JSON object per line (a cluster, a pair or an article).
    Jsonl,
    /// One JSON array of the same objects.
    Json,
    /// A table for people: a line per cluster, pair or article.
    Table,
    /// CSV with a header row: a row per cluster member (with the cluster number and
    /// whether it is the canonical passage), per pair, or per article.
    Csv,
}

impl From<DedupeFormat> for Shape {
    fn from(f: DedupeFormat) -> Shape {
        match f {
            DedupeFormat::Jsonl => Shape::Jsonl,
            DedupeFormat::Json => Shape::Json,
            DedupeFormat::Table => Shape::Table,
            DedupeFormat::Csv => Shape::Csv,
        }
    }
}

pub(crate) fn parse_kind(value: &str) -> Result<BlockKind, String> {
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

/// Table: one line per cluster.
const CLUSTER_TABLE: &[Column] = &[
    Column::right("cluster", 7),
    Column::right("size", 4),
    Column::right("articles", 8),
    Column::left("outlets", 32),
    Column::left("canonical passage", 0),
];

/// CSV: one row per cluster member, the canonical one first.
const CLUSTER_CSV: &[Column] = &[
    Column::left("cluster", 0),
    Column::left("size", 0),
    Column::left("canonical", 0),
    Column::left("article", 0),
    Column::left("source", 0),
    Column::left("published", 0),
    Column::left("block", 0),
    Column::left("start", 0),
    Column::left("end", 0),
    Column::left("similarity", 0),
    Column::left("containment", 0),
    Column::left("text", 0),
];

const PAIR_TABLE: &[Column] = &[
    Column::right("similarity", 10),
    Column::left("a", 32),
    Column::left("b", 32),
    Column::left("passage a", 0),
];

/// CSV: one row per pair.
const PAIR_CSV: &[Column] = &[
    Column::left("similarity", 0),
    Column::left("containment", 0),
    Column::left("a_article", 0),
    Column::left("a_block", 0),
    Column::left("a_start", 0),
    Column::left("a_end", 0),
    Column::left("b_article", 0),
    Column::left("b_block", 0),
    Column::left("b_start", 0),
    Column::left("b_end", 0),
    Column::left("a_text", 0),
    Column::left("b_text", 0),
];

const CLEAN_TABLE: &[Column] = &[
    Column::left("article", 24),
    Column::right("removed", 7),
    Column::left("clean text", 0),
];

/// CSV: one row per article.
const CLEAN_CSV: &[Column] = &[
    Column::left("article", 0),
    Column::left("source", 0),
    Column::left("published", 0),
    Column::left("removed", 0),
    Column::left("text", 0),
];

pub(crate) fn run(args: &DedupeArgs, report: &mut Report) -> Result<(), BoxError> {
    // The options are checked before any input is read: a bad one is a usage error.
    if args.containment == Some(None)
        && let Some(number) = args
            .input
            .paths
            .iter()
            .find(|p| !p.exists() && p.to_str().is_some_and(|s| s.parse::<f64>().is_ok()))
    {
        let n = number.display();
        return Err(UsageError(format!(
            "{n:?} is not a file: to set the containment threshold, write --containment={n}"
        ))
        .into());
    }
    let mut deduper = Deduper::new(args.options()).map_err(|e| UsageError(e.to_string()))?;
    for_each_batch(&args.input, report, |batch| {
        deduper.add(article::parse_batch(batch));
        Ok(())
    })?;
    let result = deduper.result();
    let mut out = Output::open(args.file.out.as_deref())?;
    let shape = args.format.map_or(Shape::default_for(&out), Shape::from);
    let columns = match (args.output, shape) {
        (What::Clusters, Shape::Csv) => CLUSTER_CSV,
        (What::Pairs, Shape::Csv) => PAIR_CSV,
        (What::Clean, Shape::Csv) => CLEAN_CSV,
        (What::Clusters, _) => CLUSTER_TABLE,
        (What::Pairs, _) => PAIR_TABLE,
        (What::Clean, _) => CLEAN_TABLE,
    };
    let mut records = Records::start(shape, &mut out, columns)?;
    match args.output {
        What::Clusters => write_clusters(&mut records, &result)?,
        What::Pairs => write_pairs(&mut records, &result)?,
        What::Clean => write_clean(&mut records, &result)?,
    }
    records.finish()?;
    out.finish()?;
    let s = result.stats();
    let removed = if args.output == What::Clean {
        " (removed from the output)"
    } else {
        ""
    };
    report.detail = Some(format!(
        "{}, {}, {}{removed}",
        counted(s.passages, "passage"),
        counted(s.clusters, "cluster"),
        counted(s.duplicates, "duplicate")
    ));
    Ok(())
}

const UNIT: OffsetUnit = OffsetUnit::Chars;

fn write_clusters(records: &mut Records<'_>, result: &Dedup) -> std::io::Result<()> {
    for c in result.clusters() {
        match records.shape() {
            Shape::Jsonl | Shape::Json => records.object(&ClusterJson::new(result, c, UNIT))?,
            Shape::Table => {
                // Outlets as the articles name them; an article that names none is
                // counted among the articles, never shown as its id in this column.
                let mut outlets: Vec<&str> = Vec::new();
                let mut articles: Vec<usize> = Vec::new();
                for m in &c.members {
                    let p = result.passage(m.passage);
                    if !articles.contains(&p.article_index) {
                        articles.push(p.article_index);
                    }
                    if let Some(name) = p.article.meta.outlet.as_deref()
                        && !outlets.contains(&name)
                    {
                        outlets.push(name);
                    }
                }
                let outlets = if outlets.is_empty() {
                    "-".to_owned()
                } else {
                    outlets.join(", ")
                };
                records.row(&[
                    c.id.to_string(),
                    c.size().to_string(),
                    articles.len().to_string(),
                    one_line(&outlets, 32),
                    result.passage(c.canonical).text().to_owned(),
                ])?;
            }
            Shape::Csv => {
                let mut offsets = Offsets::new();
                for m in &c.members {
                    let p = result.passage(m.passage);
                    let (start, end) = offsets.span(&p);
                    records.row(&[
                        c.id.to_string(),
                        c.size().to_string(),
                        (m.passage == c.canonical).to_string(),
                        p.article.id.clone(),
                        p.article.source.clone(),
                        published(p.article),
                        opt(p.block),
                        start.to_string(),
                        end.to_string(),
                        score(m.similarity),
                        containment(result, m.containment),
                        p.text().to_owned(),
                    ])?;
                }
            }
        }
    }
    Ok(())
}

fn write_pairs(records: &mut Records<'_>, result: &Dedup) -> std::io::Result<()> {
    let mut offsets = Offsets::new();
    for pair in result.pairs() {
        let (a, b) = (result.passage(pair.a), result.passage(pair.b));
        let ((a_start, a_end), (b_start, b_end)) = (offsets.span(&a), offsets.span(&b));
        match records.shape() {
            Shape::Jsonl | Shape::Json => records.object(&PairJson::new(result, pair, UNIT))?,
            Shape::Table => records.row(&[
                score(pair.similarity),
                one_line(&format!("{} {a_start}..{a_end}", a.article.id), 32),
                one_line(&format!("{} {b_start}..{b_end}", b.article.id), 32),
                a.text().to_owned(),
            ])?,
            Shape::Csv => records.row(&[
                score(pair.similarity),
                containment(result, pair.containment),
                a.article.id.clone(),
                opt(a.block),
                a_start.to_string(),
                a_end.to_string(),
                b.article.id.clone(),
                opt(b.block),
                b_start.to_string(),
                b_end.to_string(),
                a.text().to_owned(),
                b.text().to_owned(),
            ])?,
        }
    }
    Ok(())
}

fn write_clean(records: &mut Records<'_>, result: &Dedup) -> std::io::Result<()> {
    for (i, a) in result.articles().iter().enumerate() {
        let cleaned = result.clean(i);
        match records.shape() {
            Shape::Jsonl | Shape::Json => {
                records.object(&CleanedJson::new(result, &cleaned, UNIT))?
            }
            Shape::Table => records.row(&[
                one_line(&a.id, 24),
                cleaned.removed.len().to_string(),
                cleaned.text.clone(),
            ])?,
            Shape::Csv => records.row(&[
                a.id.clone(),
                a.source.clone(),
                published(a),
                cleaned.removed.len().to_string(),
                cleaned.text.clone(),
            ])?,
        }
    }
    Ok(())
}

/// Passages' offsets in characters, with one converter per article: building one takes time
/// linear in the article's length, too slow to repeat for each of many passages of a long
/// article.
struct Offsets<'a> {
    converters: HashMap<usize, SpanConverter<'a>>,
}

impl<'a> Offsets<'a> {
    fn new() -> Offsets<'a> {
        Offsets {
            converters: HashMap::new(),
        }
    }

    fn span(&mut self, p: &Passage<'a>) -> (usize, usize) {
        self.converters
            .entry(p.article_index)
            .or_insert_with(|| SpanConverter::new(&p.article.text, UNIT))
            .convert(p.span)
    }
}

fn published(a: &Article) -> String {
    a.published.map(|p| p.to_string()).unwrap_or_default()
}

fn opt(n: Option<usize>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

/// The containment score, when the run asked for it.
fn containment(result: &Dedup, x: f64) -> String {
    if result.has_containment() {
        score(x)
    } else {
        String::new()
    }
}
