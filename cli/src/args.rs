//! The command-line grammar.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use copydesk::article::Published;
use copydesk::corpus::{FileFilter, InputFormat, ReadOptions};

/// Clean up news corpora: parse scraped articles into structure, find passages printed
/// twice, resolve dates against the publication date.
#[derive(Debug, Parser)]
#[command(name = "copydesk", version, max_term_width = 100)]
#[command(
    after_help = "Inputs are files, directories (read recursively, sorted) or - for \
standard input: .txt as scraped text, .json/.jsonl as records. A manifest.jsonl beside the \
files gives their publication dates.\n\nOutputs: --format jsonl, json, table or csv for every \
command (a table on a terminal, JSON Lines otherwise); -o FILE is written whole or not at \
all.\n\nExit codes: 0 ok, 1 error (an input could not be read), 2 usage."
)]
pub struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,

    /// Worker threads [default: one per core].
    #[arg(long, short = 'j', global = true, value_name = "N")]
    pub(crate) jobs: Option<usize>,

    /// Print no warnings or summary on standard error (errors are still printed).
    #[arg(long, short = 'q', global = true)]
    pub(crate) quiet: bool,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Parse articles into blocks (title, paragraphs, captions...) with their spans.
    #[command(after_help = crate::cmd::parse::EXAMPLES)]
    Parse(crate::cmd::parse::ParseArgs),
    /// Find passages printed twice, within and across articles, and cluster them.
    #[command(after_help = crate::cmd::dedupe::EXAMPLES)]
    Dedupe(crate::cmd::dedupe::DedupeArgs),
    /// Find temporal expressions and resolve them against the publication date (TIMEX3).
    #[command(after_help = crate::cmd::dates::EXAMPLES)]
    Dates(crate::cmd::dates::DatesArgs),
    /// Follow each remark across the articles that quote it: who said it, who carried it
    /// first.
    #[command(after_help = crate::cmd::quotes::EXAMPLES)]
    Quotes(crate::cmd::quotes::QuotesArgs),
    /// A dedup index on disk: add articles in batches, query it, remove, compact.
    #[command(after_help = crate::cmd::index::EXAMPLES)]
    Index(crate::cmd::index::IndexArgs),
}

/// Where articles come from and how to read them.
#[derive(Debug, Args)]
pub(crate) struct InputArgs {
    /// Files, directories, or - for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Publication date of every input article: ISO 8601 (2018-04-17, 2018-04-17T14:03Z)
    /// or as pages write it (17 April 2018, April 17, 2018, 17.04.2018).
    #[arg(long, value_name = "DATE", value_parser = parse_published)]
    pub published: Option<Published>,

    /// Read inputs in this format instead of detecting it from the name and first bytes.
    #[arg(long, value_name = "FORMAT", value_parser = parse_input_format)]
    pub input_format: Option<InputFormat>,

    /// Record field holding a page's markup [default: html, raw_html, content_html, body_html].
    #[arg(long, value_name = "NAME")]
    pub html_field: Option<String>,

    /// Size limit of one document once decompressed (e.g. 256M) [default: 64M].
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub max_document_size: Option<u64>,

    /// Record field holding the article text [default: text, body, content, maintext...].
    #[arg(long, value_name = "NAME")]
    pub text_field: Option<String>,

    /// Record field holding the article id [default: id, then url].
    #[arg(long, value_name = "NAME")]
    pub id_field: Option<String>,

    /// Stop at the first input that cannot be read, and refuse invalid UTF-8.
    #[arg(long)]
    pub strict: bool,

    /// Walk directories for files matching GLOB (relative to the directory; repeatable;
    /// `!GLOB` leaves files out) instead of every .txt/.json/.jsonl file.
    #[arg(long, short = 'g', value_name = "GLOB", value_parser = parse_glob)]
    pub glob: Vec<String>,
}

impl InputArgs {
    pub(crate) fn read_options(&self) -> ReadOptions {
        ReadOptions {
            format: self.input_format,
            text_field: self.text_field.clone(),
            html_field: self.html_field.clone(),
            max_document_size: self
                .max_document_size
                .unwrap_or(copydesk::corpus::DEFAULT_MAX_DOCUMENT_SIZE),
            id_field: self.id_field.clone(),
            published: self.published,
            strict: self.strict,
            ..ReadOptions::default()
        }
    }
}

/// Publication dates inferred for undated articles (`copydesk parse` and `copydesk dates`).
#[derive(Debug, Args)]
pub(crate) struct InferArgs {
    /// For each article without a publication date, infer one from its own temporal
    /// expressions (see the README: Undated articles).
    #[arg(long)]
    pub infer_published: bool,

    /// With --infer-published: the publication dates lie in this window (the period the
    /// collection was gathered in): a year (1987), a month (1987-02) or FIRST..LAST.
    #[arg(long, value_name = "WINDOW", value_parser = parse_window, requires = "infer_published")]
    pub published_window: Option<(jiff::civil::Date, jiff::civil::Date)>,
}

impl InferArgs {
    /// The inferred date of `article`, when asked for and it has none of its own.
    pub(crate) fn infer(
        &self,
        article: &copydesk::article::Article,
    ) -> Option<copydesk::dates::Inferred> {
        if !self.infer_published || article.published.is_some() {
            return None;
        }
        copydesk::dates::infer_published_within(article, self.published_window)
    }
}

fn parse_window(value: &str) -> Result<(jiff::civil::Date, jiff::civil::Date), String> {
    copydesk::dates::parse_window(value).map_err(|e| e.to_string())
}

/// Where results go.
#[derive(Debug, Args)]
pub(crate) struct OutputArgs {
    /// Write to FILE instead of standard output; the file is written whole or not at all.
    #[arg(long = "out", short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
}

fn parse_input_format(value: &str) -> Result<InputFormat, String> {
    value.parse().map_err(|e: copydesk::Error| e.to_string())
}

fn parse_size(value: &str) -> Result<u64, String> {
    copydesk::corpus::parse_size(value).map_err(|e| e.to_string())
}

fn parse_glob(value: &str) -> Result<String, String> {
    FileFilter::from_globs(&[value])
        .map(|_| value.to_owned())
        .map_err(|e| e.to_string())
}

fn parse_published(value: &str) -> Result<Published, String> {
    let published = Published::parse(value).map_err(|e| e.to_string())?;
    // Year 0 and before (which the calendar library accepts) would resolve "Friday" into
    // negative years, which TIMEX3 cannot write; the far end, 9999, is a documented result
    // (expressions that fall after it get no interval).
    if published.date().year() < 1 {
        return Err(format!(
            "cannot use {value:?} as a publication date: the year must be between 0001 and 9999"
        ));
    }
    Ok(published)
}
