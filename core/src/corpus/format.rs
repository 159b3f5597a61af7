//! The one plug-in point for input formats.
//!
//! Each format is one file of this module (`text.rs`, `json.rs`, `html.rs`, `warc.rs`,
//! `table.rs`, `parquet.rs`, `timeml.rs`) with one value implementing [`Format`]: the file
//! names it claims, how its first bytes look, and how a stream of (already decompressed)
//! bytes becomes documents with their errors and warnings. [`FORMATS`] lists them once;
//! the CLI's `--input-format` and Python's `read(format=...)` take their [`InputFormat`]
//! names, and detection ([`detect`]) asks each in turn. Compression is not a format: it is
//! taken off by magic bytes before any format sees the bytes (see `compress.rs`).

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use super::ReadOptions;
use super::compress::Stream;
use crate::article::Document;
use crate::error::{Error, ErrorKind, Result};

/// What an input holds: the names the CLI's `--input-format` and Python's `format=` take.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum InputFormat {
    /// One article of plain (scraped) text per file (`text`).
    Text,
    /// One JSON record, or an array of records, per file (`json`).
    Json,
    /// One JSON record per line (`jsonl`).
    Jsonl,
    /// One web page per file (`html`).
    Html,
    /// A WARC 1.0/1.1 archive of crawled pages (`warc`).
    Warc,
    /// A CSV table with a header row, one article a row (`csv`).
    Csv,
    /// A tab-separated table with a header row (`tsv`).
    Tsv,
    /// An Apache Parquet table, one article a row (`parquet`).
    Parquet,
    /// A TimeML document: its TEXT is the article, its creation time the date (`timeml`).
    Timeml,
}

impl InputFormat {
    /// Every format, in the order detection tries content sniffing and messages list them.
    pub const ALL: &'static [InputFormat] = &[
        InputFormat::Text,
        InputFormat::Json,
        InputFormat::Jsonl,
        InputFormat::Html,
        InputFormat::Warc,
        InputFormat::Csv,
        InputFormat::Tsv,
        InputFormat::Parquet,
        InputFormat::Timeml,
    ];

    /// The format's name, as `--input-format` takes it.
    pub fn name(self) -> &'static str {
        self.reader().name()
    }

    /// The names of all formats, in [`InputFormat::ALL`]'s order.
    pub fn names() -> Vec<&'static str> {
        InputFormat::ALL.iter().map(|f| f.name()).collect()
    }

    /// The file extensions the format claims (lowercase, without the dot).
    pub fn extensions(self) -> &'static [&'static str] {
        self.reader().extensions()
    }

    /// The format a file name implies (any compression suffix, `.gz`, `.zst`, `.bz2`,
    /// taken off first), if its extension is one a format claims.
    ///
    /// ```
    /// use copydesk::corpus::InputFormat;
    ///
    /// assert_eq!(InputFormat::from_path("crawl/cc.warc.gz".as_ref()), Some(InputFormat::Warc));
    /// assert_eq!(InputFormat::from_path("a.JSONL".as_ref()), Some(InputFormat::Jsonl));
    /// assert_eq!(InputFormat::from_path("notes.md".as_ref()), None);
    /// ```
    pub fn from_path(path: &Path) -> Option<InputFormat> {
        let ext = format_extension(path)?;
        InputFormat::ALL
            .iter()
            .copied()
            .find(|f| f.extensions().contains(&ext.as_str()))
    }

    pub(crate) fn reader(self) -> &'static dyn Format {
        match self {
            InputFormat::Text => &super::text::TEXT,
            InputFormat::Json => &super::json::JSON,
            InputFormat::Jsonl => &super::json::JSONL,
            InputFormat::Html => &super::html::HTML,
            InputFormat::Warc => &super::warc::WARC,
            InputFormat::Csv => &super::table::CSV,
            InputFormat::Tsv => &super::table::TSV,
            InputFormat::Parquet => &super::parquet::PARQUET,
            InputFormat::Timeml => &super::timeml::TIMEML,
        }
    }
}

impl fmt::Display for InputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for InputFormat {
    type Err = Error;

    /// A format by its name (case-insensitive); an unknown name is an error listing them.
    ///
    /// ```
    /// use copydesk::corpus::InputFormat;
    ///
    /// assert_eq!("warc".parse::<InputFormat>()?, InputFormat::Warc);
    /// assert!("pdf".parse::<InputFormat>().unwrap_err().to_string().contains("text, json, jsonl, html"));
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    fn from_str(s: &str) -> Result<InputFormat> {
        InputFormat::ALL
            .iter()
            .copied()
            .find(|f| f.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                Error::new(ErrorKind::InvalidArgument(format!(
                    "unknown input format {s:?}; the formats are {}",
                    InputFormat::names().join(", ")
                )))
            })
    }
}

/// Where a format's bytes come from, for its documents' ids, sources and messages.
pub(crate) struct Origin<'a> {
    /// The input's name in messages and `source` fields (a path, or `<stdin>`).
    pub name: &'a str,
    /// The file's stem: the id of a whole-file document, the prefix of a record's.
    pub stem: &'a str,
    /// The file itself, when the input is an uncompressed file (Parquet reads it by seeking).
    pub path: Option<&'a Path>,
    pub opts: &'a ReadOptions,
}

/// What a reader tells besides documents: records of a container it read past.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    /// Records skipped, by what they were (`warcinfo`, `request`, `response (image/png)`).
    pub skipped_records: std::collections::BTreeMap<String, u64>,
}

impl Tally {
    pub(crate) fn skip(&mut self, what: impl Into<String>) {
        *self.skipped_records.entry(what.into()).or_default() += 1;
    }
}

/// The documents of one input, as a format reads them.
pub(crate) trait Records: Send {
    /// The next document or error; `None` at the end of the input.
    fn next_record(&mut self, tally: &mut Tally) -> Option<Result<Document>>;
}

/// One input format. See the module documentation.
pub(crate) trait Format: Sync {
    /// The format's name (`--input-format`).
    fn name(&self) -> &'static str;
    /// The lowercase extensions it claims.
    fn extensions(&self) -> &'static [&'static str];
    /// True when `head`, the first bytes of a (decompressed) input, can only be this format.
    /// Formats told by name alone (CSV) say false.
    fn sniff(&self, head: &[u8]) -> bool;
    /// True when a file holds one article (a manifest's `id` then names it).
    fn whole_file(&self) -> bool {
        false
    }
    /// The documents of `stream`.
    fn open(&self, stream: Stream, origin: &Origin<'_>) -> Box<dyn Records>;
}

/// A reader of documents already made (formats that read their input whole).
pub(crate) struct Ready(pub std::vec::IntoIter<Result<Document>>);

impl Ready {
    pub(crate) fn boxed(items: Vec<Result<Document>>) -> Box<dyn Records> {
        Box::new(Ready(items.into_iter()))
    }
}

impl Records for Ready {
    fn next_record(&mut self, _: &mut Tally) -> Option<Result<Document>> {
        self.0.next()
    }
}

/// The lowercase extension that names the format of `path`, after a compression suffix.
pub(crate) fn format_extension(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let name = super::compress::SUFFIXES
        .iter()
        .find_map(|s| name.strip_suffix(s).filter(|n| !n.is_empty()))
        .unwrap_or(&name);
    let (stem, ext) = name.rsplit_once('.')?;
    (!stem.is_empty()).then(|| ext.to_owned())
}

/// Which format the input is: the one forced, else the one its name says, else the one its
/// first bytes say.
///
/// A name that says `text` (or says nothing) is checked against the content: a page saved
/// as `.txt` is read as HTML, a WARC or TimeML file as what it is. Content with no name to
/// go by is JSON or JSONL when it opens as records, and text when it reads as prose (no NUL
/// bytes, not markup); anything else is `None`, which the caller reports as a file whose
/// format cannot be told, never a silent parse of markup or binary as prose.
pub(crate) fn detect(
    forced: Option<InputFormat>,
    path: Option<&Path>,
    head: &[u8],
) -> Option<InputFormat> {
    if forced.is_some() {
        return forced;
    }
    let by_name = path.and_then(InputFormat::from_path);
    match by_name {
        Some(InputFormat::Text) | None => {}
        Some(named) => return Some(named),
    }
    // Content that can only be one thing.
    for format in [
        InputFormat::Parquet,
        InputFormat::Warc,
        InputFormat::Timeml,
        InputFormat::Html,
    ] {
        if format.reader().sniff(head) {
            return Some(format);
        }
    }
    if by_name == Some(InputFormat::Text) {
        return by_name;
    }
    if let Some(records) = super::json::sniff_records(head) {
        return Some(records);
    }
    super::text::looks_like_prose(head).then_some(InputFormat::Text)
}

/// The error for an input whose format cannot be told.
pub(crate) fn unknown_format() -> Error {
    Error::new(ErrorKind::UnknownFormat {
        formats: InputFormat::names().join(", "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_parses_back_and_every_extension_is_claimed_once() {
        let mut seen = std::collections::HashSet::new();
        for &f in InputFormat::ALL {
            assert_eq!(f.name().parse::<InputFormat>().unwrap(), f);
            for ext in f.extensions() {
                assert!(seen.insert(*ext), "{ext} claimed twice");
                let name = format!("x.{ext}.gz");
                assert_eq!(InputFormat::from_path(name.as_ref()), Some(f));
            }
        }
    }

    #[test]
    fn detects_by_name_then_content() {
        let html = b"<!DOCTYPE html><html><body><p>x</p></body></html>";
        let p = |s: &'static str| Some(Path::new(s));
        assert_eq!(
            detect(None, p("a.txt"), html),
            Some(InputFormat::Html),
            "a page saved as .txt"
        );
        assert_eq!(detect(None, p("a"), html), Some(InputFormat::Html));
        assert_eq!(
            detect(None, p("a.json"), html),
            Some(InputFormat::Json),
            "the name wins over content for other formats"
        );
        assert_eq!(
            detect(None, p("a.dat"), b"WARC/1.1\r\n"),
            Some(InputFormat::Warc)
        );
        assert_eq!(
            detect(None, None, b"{\"text\": \"a\"}\n{\"text\": \"b\"}\n"),
            Some(InputFormat::Jsonl)
        );
        assert_eq!(detect(None, None, b"Plain prose."), Some(InputFormat::Text));
        assert_eq!(detect(None, p("x.bin"), b"\x89PNG\r\n\x1a\n\0\0"), None);
        assert_eq!(detect(None, p("x.svg"), b"<svg xmlns='x'></svg>"), None);
        assert_eq!(
            detect(Some(InputFormat::Text), p("x.svg"), b"<svg></svg>"),
            Some(InputFormat::Text)
        );
    }
}
