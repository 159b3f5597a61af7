//! `copydesk index`: a persisted dedup index, added to and queried across runs.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use copydesk::article::{self, BlockKind, Published};
use copydesk::dedup::{Index, IndexClusterJson, IndexReport, Level, Options, Shingles};

use crate::BoxError;
use crate::UsageError;
use crate::args::{InputArgs, OutputArgs};
use crate::cmd::dedupe::{LevelArg, ShingleArg, parse_kind};
use crate::format::{Column, Records, Shape, one_line};
use crate::input::{Report, for_each_batch};
use crate::output::Output;

pub(crate) const EXAMPLES: &str = "Examples:
  copydesk index add idx/ day1/            # make the index, report day 1's repeats
  copydesk index add idx/ day2/            # day 2's passages that repeat anything held
  copydesk index query idx/ draft.txt      # what would repeat, without adding
  copydesk index remove idx/ --article reuters-0042
  copydesk index stats idx/
  copydesk index compact idx/

The matching options (--level, --threshold, --shingle, -n, --kinds, --min-words,
--cross-only, --containment, --store-text) are fixed by the add that makes the index; a
later add may repeat them, and one that differs is an error. Each add is written whole or not
at all: a run killed midway leaves the index as it was.";

#[derive(Debug, Args)]
pub(crate) struct IndexArgs {
    #[command(subcommand)]
    pub command: IndexCommand,
}

#[derive(Debug, Subcommand)]
pub(crate) enum IndexCommand {
    /// Add articles to the index (made if missing) and report the clusters their passages
    /// are in: the passages that repeat anything held, earlier adds included.
    Add(AddArgs),
    /// Report as `add` would, without adding.
    Query(QueryArgs),
    /// Remove articles (by id, source or publication date) and rewrite the index without
    /// them.
    Remove(RemoveArgs),
    /// Counts: articles, passages, segments, bytes, and the matching options.
    Stats(StatsArgs),
    /// Merge the index's segments into one.
    Compact(CompactArgs),
}

#[derive(Debug, Args)]
pub(crate) struct AddArgs {
    /// The index's directory.
    #[arg(value_name = "INDEX")]
    pub index: PathBuf,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub matching: MatchingArgs,

    #[command(flatten)]
    pub output: ReportArgs,
}

#[derive(Debug, Args)]
pub(crate) struct QueryArgs {
    /// The index's directory.
    #[arg(value_name = "INDEX")]
    pub index: PathBuf,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub output: ReportArgs,
}

/// The matching options, fixed when the index is made; none has a default here, so that
/// only the ones given are compared with the index's.
#[derive(Debug, Args)]
pub(crate) struct MatchingArgs {
    /// What a passage is [default: paragraph].
    #[arg(long, value_enum)]
    pub level: Option<LevelArg>,

    /// Jaccard similarity at or above which two passages are near-duplicates [default: 0.8].
    #[arg(long, short = 't', value_name = "T")]
    pub threshold: Option<f64>,

    /// Also pair a passage mostly contained in a longer one, at containment T [default:
    /// the threshold].
    #[arg(long, value_name = "T", num_args = 0..=1)]
    pub containment: Option<Option<f64>>,

    /// Only pairs of passages from different articles count.
    #[arg(long)]
    pub cross_only: bool,

    /// Shingles: word or character n-grams [default: word].
    #[arg(long, value_enum)]
    pub shingle: Option<ShingleArg>,

    /// Shingle length [default: 3 words, or 5 characters].
    #[arg(long, short = 'n', value_name = "N")]
    pub n: Option<usize>,

    /// Block kinds to compare, comma-separated [default: title,dek,heading,paragraph,caption].
    #[arg(long, value_delimiter = ',', value_name = "KINDS", value_parser = parse_kind)]
    pub kinds: Option<Vec<BlockKind>>,

    /// Leave out passages with fewer words [default: 3].
    #[arg(long, value_name = "N")]
    pub min_words: Option<usize>,

    /// Keep each passage's text in the index, so that reports show the text of passages
    /// held (by default only ids, spans and shingle fingerprints are kept).
    #[arg(long)]
    pub store_text: bool,
}

impl MatchingArgs {
    /// The options: those of the index when there is one, with the ones given over them.
    fn options(&self, held: Option<(Options, bool)>) -> (Options, bool) {
        let fresh = held.is_none();
        let (mut o, mut store_text) = held.unwrap_or_default();
        if let Some(level) = self.level {
            o.level = match level {
                LevelArg::Paragraph => Level::Paragraph,
                LevelArg::Sentence => Level::Sentence,
                LevelArg::Article => Level::Article,
            };
        }
        if let Some(t) = self.threshold {
            o.threshold = t;
            if fresh {
                // The banding follows the threshold in a new index.
                o.banding = None;
            }
        }
        if self.shingle.is_some() || self.n.is_some() {
            let kind = self.shingle.unwrap_or(match o.shingles {
                Shingles::Words(_) => ShingleArg::Word,
                Shingles::Chars(_) => ShingleArg::Char,
            });
            o.shingles = match kind {
                ShingleArg::Word => Shingles::Words(self.n.unwrap_or(Shingles::DEFAULT_WORD_N)),
                ShingleArg::Char => Shingles::Chars(self.n.unwrap_or(Shingles::DEFAULT_CHAR_N)),
            };
        }
        if let Some(c) = self.containment {
            o.containment = Some(c.unwrap_or(o.threshold));
        }
        if self.cross_only {
            o.cross_only = true;
        }
        if let Some(kinds) = &self.kinds {
            o.kinds = kinds.clone();
        }
        if let Some(m) = self.min_words {
            o.min_words = m;
        }
        if self.store_text {
            store_text = true;
        }
        (o, store_text)
    }
}

#[derive(Debug, Args)]
pub(crate) struct ReportArgs {
    /// Output format [default: table on a terminal, else jsonl].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<IndexFormat>,

    #[command(flatten)]
    pub file: OutputArgs,
}

#[derive(Debug, Args)]
pub(crate) struct RemoveArgs {
    /// The index's directory.
    #[arg(value_name = "INDEX")]
    pub index: PathBuf,

    /// Remove the article with this id (repeatable).
    #[arg(long, value_name = "ID")]
    pub article: Vec<String>,

    /// Remove the articles read from this source (a path, or path:line; repeatable).
    #[arg(long, value_name = "SOURCE")]
    pub source: Vec<String>,

    /// Remove the articles published before this date.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub before: Option<Published>,

    /// Remove the articles published after this date.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub after: Option<Published>,
}

#[derive(Debug, Args)]
pub(crate) struct StatsArgs {
    /// The index's directory.
    #[arg(value_name = "INDEX")]
    pub index: PathBuf,
}

#[derive(Debug, Args)]
pub(crate) struct CompactArgs {
    /// The index's directory.
    #[arg(value_name = "INDEX")]
    pub index: PathBuf,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum IndexFormat {
    /// One JSON object per cluster, per line.
    Jsonl,
    /// One JSON array of the same objects.
    Json,
    /// A table for people: a line per cluster.
    Table,
}

fn parse_date(value: &str) -> Result<Published, String> {
    Published::parse(value).map_err(|e| e.to_string())
}

const TABLE: &[Column] = &[
    Column::right("cluster", 7),
    Column::right("size", 4),
    Column::right("new", 4),
    Column::left("canonical", 24),
    Column::left("passage", 0),
];

pub(crate) fn run(args: &IndexArgs, report: &mut Report) -> Result<(), BoxError> {
    match &args.command {
        IndexCommand::Add(a) => add(a, report),
        IndexCommand::Query(q) => query(q, report),
        IndexCommand::Remove(r) => remove(r, report),
        IndexCommand::Stats(s) => stats(s),
        IndexCommand::Compact(c) => {
            let mut index = Index::open_writer(&c.index)?;
            let before = index.stats();
            index.compact()?;
            let after = index.stats();
            report.detail = Some(format!(
                "{} segments into 1, {} bytes into {}",
                before.segments, before.bytes, after.bytes
            ));
            Ok(())
        }
    }
}

fn read_all(input: &InputArgs, report: &mut Report) -> Result<Vec<article::Article>, BoxError> {
    let mut articles = Vec::new();
    for_each_batch(input, report, |batch| {
        articles.extend(article::parse_batch(batch));
        Ok(())
    })?;
    Ok(articles)
}

fn add(args: &AddArgs, report: &mut Report) -> Result<(), BoxError> {
    let held = Index::stored_options(&args.index)?;
    let (opts, store_text) = args.matching.options(held);
    opts.validate().map_err(|e| UsageError(e.to_string()))?;
    // The lock is taken before reading, so that a second writer stops at once.
    let mut index = Index::create(&args.index, &opts, store_text)?;
    let articles = read_all(&args.input, report)?;
    let result = index.add(articles)?;
    write_report(&args.output, &result, report)
}

fn query(args: &QueryArgs, report: &mut Report) -> Result<(), BoxError> {
    let mut index = Index::open(&args.index)?;
    let articles = read_all(&args.input, report)?;
    let result = index.query(articles);
    write_report(&args.output, &result, report)
}

fn write_report(
    args: &ReportArgs,
    result: &IndexReport,
    report: &mut Report,
) -> Result<(), BoxError> {
    let mut out = Output::open(args.file.out.as_deref())?;
    let shape = match args.format {
        Some(IndexFormat::Jsonl) => Shape::Jsonl,
        Some(IndexFormat::Json) => Shape::Json,
        Some(IndexFormat::Table) => Shape::Table,
        None => Shape::default_for(&out),
    };
    let mut records = Records::start(shape, &mut out, TABLE)?;
    for c in &result.clusters {
        match shape {
            Shape::Table => {
                let new = c.members.iter().filter(|m| m.passage.new).count();
                let canonical = c.canonical();
                let text = c
                    .members
                    .iter()
                    .find_map(|m| m.passage.text.as_deref())
                    .unwrap_or("");
                records.row(&[
                    c.id.to_string(),
                    c.members.len().to_string(),
                    new.to_string(),
                    one_line(canonical.map_or("", |p| p.article.id.as_str()), 24),
                    text.to_owned(),
                ])?;
            }
            _ => records.object(&IndexClusterJson::new(c, result.containment))?,
        }
    }
    records.finish()?;
    out.finish()?;
    report.detail = Some(format!(
        "{} passages, {} clusters, {} duplicates",
        result.passages,
        result.clusters.len(),
        result.duplicates
    ));
    Ok(())
}

fn remove(args: &RemoveArgs, report: &mut Report) -> Result<(), BoxError> {
    if args.article.is_empty()
        && args.source.is_empty()
        && args.before.is_none()
        && args.after.is_none()
    {
        return Err(UsageError(
            "say what to remove: --article ID, --source SOURCE, --before DATE or --after DATE"
                .into(),
        )
        .into());
    }
    let mut index = Index::open_writer(&args.index)?;
    let removed = index.remove(|a| {
        let date = a.published.map(|p| p.date());
        args.article.contains(&a.id)
            || args.source.contains(&a.source)
            || matches!((date, args.before), (Some(d), Some(b)) if d < b.date())
            || matches!((date, args.after), (Some(d), Some(x)) if d > x.date())
    })?;
    report.detail = Some(format!(
        "{removed} article{} removed",
        if removed == 1 { "" } else { "s" }
    ));
    Ok(())
}

fn stats(args: &StatsArgs) -> Result<(), BoxError> {
    let index = Index::open(&args.index)?;
    let s = index.stats();
    let o = index.options();
    let banding = o.banding();
    let value = serde_json::json!({
        "version": s.version,
        "articles": s.articles,
        "passages": s.passages,
        "exact_copies": s.exact_copies,
        "pairs": s.pairs,
        "segments": s.segments,
        "bytes": s.bytes,
        "generation": s.generation,
        "store_text": s.store_text,
        "options": {
            "level": o.level.as_str(),
            "threshold": o.threshold,
            "shingle": o.shingles.kind(),
            "n": o.shingles.n(),
            "containment": o.containment,
            "cross_only": o.cross_only,
            "kinds": o.kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
            "min_words": o.min_words,
            "num_perm": o.num_perm,
            "bands": banding.bands,
            "rows": banding.rows,
        },
    });
    let mut out = Output::open(None)?;
    writeln!(out, "{value}")?;
    out.finish()?;
    Ok(())
}
