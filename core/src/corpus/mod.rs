//! Reading articles as they arrive: files, directories, standard input; scraped text, JSON
//! and JSONL records; publication dates from a `manifest.jsonl` beside the files.
//!
//! Reading never stops at a bad file: each file, record or path that cannot be read becomes
//! one `Err` in the stream, naming the file (and line), and the rest still come through.
//! Inputs are only ever read.
//!
//! ```no_run
//! use copydesk::corpus::{self, ReadOptions};
//!
//! for doc in corpus::read(&["seeds/"], &ReadOptions::default()) {
//!     match doc {
//!         Ok(doc) => println!("{} {:?}", doc.id, doc.published),
//!         Err(err) => eprintln!("copydesk: {err}"),
//!     }
//! }
//! ```

mod decode;
mod manifest;
mod record;

pub use record::{ID_FIELDS, PUBLISHED_FIELDS, TEXT_FIELDS};

use std::collections::{HashSet, VecDeque};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::article::{Document, Published};
use crate::error::{Error, ErrorKind, Result};
use manifest::Manifest;

/// The name of the per-directory metadata file.
pub const MANIFEST: &str = "manifest.jsonl";

/// What an input holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// One article of plain (scraped) text per file.
    Text,
    /// One JSON record, or an array of records, per file.
    Json,
    /// One JSON record per line.
    Jsonl,
}

impl InputFormat {
    /// The format a file's extension implies: `.json`, `.jsonl`/`.ndjson`, else text.
    pub fn from_path(path: &Path) -> InputFormat {
        match extension(path).as_deref() {
            Some("json") => InputFormat::Json,
            Some("jsonl" | "ndjson") => InputFormat::Jsonl,
            _ => InputFormat::Text,
        }
    }
}

/// File extensions picked up when walking a directory.
pub const EXTENSIONS: &[&str] = &["txt", "text", "json", "jsonl", "ndjson"];

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// Which files a directory walk takes: by default every file with a known extension
/// ([`EXTENSIONS`]); with globs, the files whose path relative to the walked directory
/// matches one of them (a glob starting with `!` leaves matching files out instead).
/// Files named explicitly are always read.
///
/// ```
/// use copydesk::corpus::FileFilter;
///
/// let filter = FileFilter::from_globs(&["*.txt", "!drafts/**"])?;
/// assert!(filter.takes("2018/april.txt".as_ref()));
/// assert!(!filter.takes("drafts/april.txt".as_ref()));
/// assert!(!filter.takes("april.html".as_ref()));
/// # Ok::<(), copydesk::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct FileFilter {
    include: Option<globset::GlobSet>,
    exclude: Option<globset::GlobSet>,
}

impl FileFilter {
    /// A filter from glob patterns; `!pattern` excludes.
    pub fn from_globs<S: AsRef<str>>(globs: &[S]) -> Result<FileFilter> {
        let mut include = globset::GlobSetBuilder::new();
        let mut exclude = globset::GlobSetBuilder::new();
        let (mut any_include, mut any_exclude) = (false, false);
        for glob in globs {
            let glob = glob.as_ref();
            let (builder, pattern) = match glob.strip_prefix('!') {
                Some(rest) => {
                    any_exclude = true;
                    (&mut exclude, rest)
                }
                None => {
                    any_include = true;
                    (&mut include, glob)
                }
            };
            let compiled = globset::Glob::new(pattern).map_err(|e| {
                Error::new(ErrorKind::InvalidArgument(format!(
                    "bad glob {glob:?}: {}",
                    e.kind()
                )))
            })?;
            builder.add(compiled);
        }
        let build = |b: globset::GlobSetBuilder, any: bool| -> Result<Option<globset::GlobSet>> {
            if !any {
                return Ok(None);
            }
            b.build()
                .map(Some)
                .map_err(|e| Error::new(ErrorKind::InvalidArgument(e.to_string())))
        };
        Ok(FileFilter {
            include: build(include, any_include)?,
            exclude: build(exclude, any_exclude)?,
        })
    }

    /// True when a walk takes the file at `relative` (its path below the walked directory).
    pub fn takes(&self, relative: &Path) -> bool {
        if self.exclude.as_ref().is_some_and(|g| g.is_match(relative)) {
            return false;
        }
        match &self.include {
            Some(globs) => globs.is_match(relative),
            None => extension(relative).is_some_and(|e| EXTENSIONS.contains(&e.as_str())),
        }
    }
}

/// How inputs are read.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// Read every input in this format instead of detecting it.
    pub format: Option<InputFormat>,
    /// The record field that holds the text (default: the first of [`TEXT_FIELDS`]).
    pub text_field: Option<String>,
    /// The record field that holds the id (default: the first of [`ID_FIELDS`], then `url`).
    pub id_field: Option<String>,
    /// The publication date of every article read, overriding records and manifests.
    pub published: Option<Published>,
    /// Refuse invalid UTF-8 instead of replacing it with a warning.
    pub strict: bool,
    /// Which files a directory walk takes.
    pub files: FileFilter,
}

/// One input: a file or standard input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file.
    File(PathBuf),
    /// Standard input (named `-` on the command line).
    Stdin,
}

impl Input {
    /// How the input is named in messages and in `source` fields.
    pub fn name(&self) -> String {
        match self {
            Input::File(path) => path.display().to_string(),
            Input::Stdin => "<stdin>".to_owned(),
        }
    }
}

/// Expands paths into inputs: `-` is standard input, a file is itself, a directory is every
/// file below it with a known extension ([`EXTENSIONS`]), recursively, sorted by name,
/// leaving out hidden files and `manifest.jsonl`. A path that cannot be read is an `Err` in
/// its place; symbolic links are followed, and a link loop is an error, not a hang.
pub fn expand<P: AsRef<Path>>(paths: &[P]) -> Vec<Result<Input>> {
    expand_filtered(paths, &FileFilter::default())
}

/// Like [`expand`], with directory walks taking the files `filter` takes.
pub fn expand_filtered<P: AsRef<Path>>(paths: &[P], filter: &FileFilter) -> Vec<Result<Input>> {
    Inputs::walk(paths, filter).collect()
}

/// The walker of one directory: sorted, hidden entries left out.
type DirWalk = walkdir::FilterEntry<walkdir::IntoIter, fn(&walkdir::DirEntry) -> bool>;

fn not_hidden(e: &walkdir::DirEntry) -> bool {
    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
}

/// Inputs as they are walked: the paths given, each directory expanded as the reader gets
/// to it, so that a corpus of a million files is never listed in memory at once (a sorted
/// walk holds one directory's entries at a time).
struct Inputs {
    /// Inputs already known (the list given to [`Documents::new`]).
    listed: VecDeque<Result<Input>>,
    /// Paths still to expand.
    paths: VecDeque<PathBuf>,
    filter: FileFilter,
    /// The directory being walked, and its walker.
    walking: Option<(PathBuf, DirWalk)>,
}

impl Inputs {
    fn listed(inputs: Vec<Result<Input>>) -> Inputs {
        Inputs {
            listed: inputs.into(),
            paths: VecDeque::new(),
            filter: FileFilter::default(),
            walking: None,
        }
    }

    fn walk<P: AsRef<Path>>(paths: &[P], filter: &FileFilter) -> Inputs {
        Inputs {
            listed: VecDeque::new(),
            paths: paths.iter().map(|p| p.as_ref().to_path_buf()).collect(),
            filter: filter.clone(),
            walking: None,
        }
    }

    /// The next input of the directory being walked, if any is left.
    fn next_in_walk(&mut self) -> Option<Result<Input>> {
        let (dir, entries) = self.walking.as_mut()?;
        for entry in entries.by_ref() {
            match entry {
                Err(err) => {
                    let path = err.path().unwrap_or(dir).to_path_buf();
                    let err = match err.into_io_error() {
                        Some(io) => Error::from(io),
                        None => Error::from(io::Error::other(
                            "symbolic link loop; the link was not followed",
                        )),
                    };
                    return Some(Err(err.with_path(path)));
                }
                Ok(entry) => {
                    let path = entry.path();
                    let relative = path.strip_prefix(&*dir).unwrap_or(path);
                    if entry.file_type().is_file()
                        && entry.file_name() != MANIFEST
                        && self.filter.takes(relative)
                    {
                        return Some(Ok(Input::File(path.to_path_buf())));
                    }
                }
            }
        }
        self.walking = None;
        None
    }
}

impl Iterator for Inputs {
    type Item = Result<Input>;

    fn next(&mut self) -> Option<Result<Input>> {
        if let Some(item) = self.listed.pop_front() {
            return Some(item);
        }
        loop {
            if let Some(item) = self.next_in_walk() {
                return Some(item);
            }
            let path = self.paths.pop_front()?;
            if path == Path::new("-") {
                return Some(Ok(Input::Stdin));
            }
            match std::fs::metadata(&path) {
                Err(err) => return Some(Err(Error::from(err).with_path(&path))),
                Ok(meta) if meta.is_dir() => {
                    let entries = walkdir::WalkDir::new(&path)
                        .follow_links(true)
                        .sort_by_file_name()
                        .into_iter()
                        .filter_entry(not_hidden as fn(&walkdir::DirEntry) -> bool);
                    self.walking = Some((path, entries));
                }
                Ok(_) => return Some(Ok(Input::File(path))),
            }
        }
    }
}

/// Reads every document from `paths` (see [`expand`] and [`ReadOptions::files`]), in order, one `Result` per document
/// or per thing that could not be read.
pub fn read<P: AsRef<Path>>(paths: &[P], opts: &ReadOptions) -> Documents {
    Documents::with_inputs(Inputs::walk(paths, &opts.files), opts.clone())
}

/// Reads the documents of one text held in memory, as if it came from a file named `name`
/// in `format`.
pub fn read_str(
    text: &str,
    name: &str,
    format: InputFormat,
    opts: &ReadOptions,
) -> Vec<Result<Document>> {
    let stem = stem_of(Path::new(name));
    let docs = documents_from_text(text.to_owned(), format, name, &stem, opts);
    docs.into_iter()
        .map(|d| d.map(|d| apply_override(d, opts)))
        .collect()
}

/// Reads the documents of raw bytes, as if they came from a file named `name` in `format`:
/// decoded as a file would be (byte-order marks, UTF-16, binary refused, invalid UTF-8
/// replaced with a warning or, when `opts.strict`, refused).
pub fn read_bytes(
    bytes: Vec<u8>,
    name: &str,
    format: InputFormat,
    opts: &ReadOptions,
) -> Vec<Result<Document>> {
    match decode::decode(bytes, opts.strict) {
        Ok((text, warning)) => {
            let mut docs = read_str(&text, name, format, opts);
            if let (Some(w), Some(Ok(first))) = (warning, docs.first_mut()) {
                first.warnings.insert(0, format!("{name}: {w}"));
            }
            docs
        }
        Err(err) => vec![Err(err.with_path(name))],
    }
}

/// How many directories' manifests [`Documents`] keeps loaded.
const MANIFESTS_KEPT: usize = 4;

/// The stream of documents read from a list of inputs; see [`read`].
pub struct Documents {
    inputs: Inputs,
    opts: ReadOptions,
    /// The manifests of the directories read last, the most recent first: a walk is sorted,
    /// so a directory's files come together and a few are enough, and memory stays bounded
    /// on a corpus of a million files (keeping them all took half a kilobyte per file).
    manifests: VecDeque<(PathBuf, Option<Manifest>)>,
    /// Directories whose manifest was loaded once: its errors are reported once.
    manifests_seen: HashSet<PathBuf>,
    pending: VecDeque<Result<Document>>,
    lines: Option<JsonLines>,
}

impl Documents {
    /// Reads the given inputs in order.
    pub fn new(inputs: Vec<Result<Input>>, opts: ReadOptions) -> Documents {
        Documents::with_inputs(Inputs::listed(inputs), opts)
    }

    fn with_inputs(inputs: Inputs, opts: ReadOptions) -> Documents {
        Documents {
            inputs,
            opts,
            manifests: VecDeque::new(),
            manifests_seen: HashSet::new(),
            pending: VecDeque::new(),
            lines: None,
        }
    }

    fn open(&mut self, input: Input) {
        let name = input.name();
        let path = match &input {
            Input::File(path) => Some(path.clone()),
            Input::Stdin => None,
        };
        let entry = path.as_deref().and_then(|p| self.manifest_entry(p));
        let stem = path.as_deref().map_or_else(|| "stdin".to_owned(), stem_of);
        let forced = self.opts.format;
        let format = forced.or(path.as_deref().map(InputFormat::from_path));

        // JSONL files are streamed line by line; everything else is read whole.
        if let (Some(InputFormat::Jsonl), Some(path)) = (format, &path) {
            match JsonLines::open(path, &stem, entry) {
                Ok(lines) => self.lines = Some(lines),
                Err(err) => self.pending.push_back(Err(err.with_path(path))),
            }
            return;
        }
        let bytes = match &input {
            Input::File(p) => std::fs::read(p),
            Input::Stdin => {
                let mut buf = Vec::new();
                io::stdin().lock().read_to_end(&mut buf).map(|_| buf)
            }
        };
        let decoded = bytes
            .map_err(Error::from)
            .and_then(|b| decode::decode(b, self.opts.strict));
        let (text, warning) = match decoded {
            Ok(decoded) => decoded,
            Err(err) => {
                self.pending.push_back(Err(err.with_path(&name)));
                return;
            }
        };
        let format = format.unwrap_or_else(|| sniff(&text));
        for doc in documents_from_text(text, format, &name, &stem, &self.opts) {
            let doc = doc.map(|mut d| {
                if let Some(w) = &warning {
                    d.warnings.insert(0, format!("{name}: {w}"));
                }
                if let Some(e) = &entry {
                    e.apply(&mut d, format == InputFormat::Text);
                }
                d
            });
            self.pending.push_back(doc);
        }
    }

    /// The manifest entry for `path`, loading its directory's manifest on first use (and
    /// queueing any errors in it).
    fn manifest_entry(&mut self, path: &Path) -> Option<manifest::Entry> {
        let dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
        match self.manifests.iter().position(|(d, _)| *d == dir) {
            Some(0) => {}
            Some(i) => {
                if let Some(kept) = self.manifests.remove(i) {
                    self.manifests.push_front(kept);
                }
            }
            None => {
                let file = dir.join(MANIFEST);
                let loaded = if file.is_file() {
                    let (manifest, errors) = Manifest::load(&file);
                    if self.manifests_seen.insert(dir.clone()) {
                        self.pending.extend(errors.into_iter().map(Err));
                    }
                    Some(manifest)
                } else {
                    None
                };
                self.manifests.push_front((dir, loaded));
                self.manifests.truncate(MANIFESTS_KEPT);
            }
        }
        let name = path.file_name()?.to_str()?;
        self.manifests.front()?.1.as_ref()?.get(name).cloned()
    }
}

impl Iterator for Documents {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item.map(|d| apply_override(d, &self.opts)));
            }
            if let Some(lines) = &mut self.lines {
                match lines.next_document(&self.opts) {
                    Some(item) => return Some(item.map(|d| apply_override(d, &self.opts))),
                    None => self.lines = None,
                }
                continue;
            }
            match self.inputs.next()? {
                Ok(input) => self.open(input),
                Err(err) => return Some(Err(err)),
            }
        }
    }
}

fn apply_override(mut doc: Document, opts: &ReadOptions) -> Document {
    if let Some(p) = opts.published {
        doc.published = Some(p);
    }
    doc
}

fn stem_of(path: &Path) -> String {
    path.file_stem().map_or_else(
        || path.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// Guesses the format of text from standard input: JSON when the whole parses as a JSON
/// object or array, JSONL when its first line is an object, else plain text.
fn sniff(text: &str) -> InputFormat {
    let trimmed = text.trim_start();
    if !trimmed.starts_with(['{', '[']) {
        return InputFormat::Text;
    }
    if serde_json::from_str::<Value>(trimmed).is_ok() {
        return InputFormat::Json;
    }
    let first = trimmed.lines().next().unwrap_or_default();
    if matches!(serde_json::from_str::<Value>(first), Ok(Value::Object(_))) {
        InputFormat::Jsonl
    } else {
        InputFormat::Text
    }
}

/// The documents of one decoded input.
fn documents_from_text(
    text: String,
    format: InputFormat,
    name: &str,
    stem: &str,
    opts: &ReadOptions,
) -> Vec<Result<Document>> {
    match format {
        InputFormat::Text => {
            let mut warnings = Vec::new();
            if text.trim().is_empty() {
                warnings.push(format!("{name}: no text (the file is empty or blank)"));
            }
            vec![Ok(Document {
                id: stem.to_owned(),
                source: name.to_owned(),
                text,
                warnings,
                ..Document::default()
            })]
        }
        InputFormat::Json => match serde_json::from_str::<Value>(&text) {
            Err(err) => vec![Err(json_error(&err)
                .with_path(name)
                .at_line(err.line() as u64))],
            Ok(Value::Array(values)) => values
                .into_iter()
                .enumerate()
                .map(|(i, v)| {
                    let n = i + 1;
                    let place = format!("{name}#{n}");
                    record::document(v, format!("{stem}:{n}"), place.clone(), opts)
                        .map(|doc| located(doc, &place))
                        .map_err(|e| e.with_path(&place))
                })
                .collect(),
            Ok(value) => vec![
                record::document(value, stem.to_owned(), name.to_owned(), opts)
                    .map(|doc| located(doc, name))
                    .map_err(|e| e.with_path(name)),
            ],
        },
        InputFormat::Jsonl => {
            let mut out = Vec::new();
            for (i, line) in text.lines().enumerate() {
                let n = i as u64 + 1;
                if line.trim().is_empty() {
                    continue;
                }
                out.push(record_from_line(line, n, name, stem, opts));
            }
            out
        }
    }
}

fn record_from_line(
    line: &str,
    n: u64,
    name: &str,
    stem: &str,
    opts: &ReadOptions,
) -> Result<Document> {
    let value = serde_json::from_str::<Value>(line)
        .map_err(|e| json_error(&e).with_path(name).at_line(n))?;
    record::document(value, format!("{stem}:{n}"), format!("{name}:{n}"), opts)
        .map(|doc| located(doc, &format!("{name}:{n}")))
        .map_err(|e| e.with_path(name).at_line(n))
}

/// Prefixes the document's warnings with where it was read.
fn located(mut doc: Document, place: &str) -> Document {
    for w in &mut doc.warnings {
        *w = format!("{place}: {w}");
    }
    doc
}

/// A JSON parse error, placed at its column; the caller names the file and line. serde's
/// own "at line L column C" is dropped: in a JSONL file its line would always be 1.
pub(crate) fn json_error(err: &serde_json::Error) -> Error {
    let message = err.to_string();
    let what = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(what, _)| what);
    Error::new(ErrorKind::Json(format!(
        "{what} at column {}",
        err.column()
    )))
}

/// A JSONL file read one line at a time, so a large file is never held whole.
struct JsonLines {
    reader: BufReader<File>,
    name: String,
    stem: String,
    entry: Option<manifest::Entry>,
    line: u64,
    buf: Vec<u8>,
}

impl JsonLines {
    fn open(path: &Path, stem: &str, entry: Option<manifest::Entry>) -> Result<JsonLines> {
        let mut reader = BufReader::with_capacity(1 << 16, File::open(path)?);
        if decode::looks_binary(reader.fill_buf()?) {
            return Err(Error::new(ErrorKind::Binary));
        }
        Ok(JsonLines {
            reader,
            name: path.display().to_string(),
            stem: stem.to_owned(),
            entry,
            line: 0,
            buf: Vec::new(),
        })
    }

    fn next_document(&mut self, opts: &ReadOptions) -> Option<Result<Document>> {
        loop {
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(err) => {
                    // A read error ends the file: report it once, with where it happened.
                    let err = Error::from(err)
                        .with_path(&self.name)
                        .at_line(self.line + 1);
                    self.line = u64::MAX;
                    return Some(Err(err));
                }
            }
            self.line += 1;
            let bytes = std::mem::take(&mut self.buf);
            let (text, warning) = match decode::decode(bytes, opts.strict) {
                Ok(decoded) => decoded,
                Err(err) => return Some(Err(err.with_path(&self.name).at_line(self.line))),
            };
            if text.trim().is_empty() {
                continue;
            }
            let mut doc = record_from_line(&text, self.line, &self.name, &self.stem, opts);
            if let Ok(d) = &mut doc {
                if let Some(w) = warning {
                    d.warnings
                        .insert(0, format!("{}:{}: {w}", self.name, self.line));
                }
                if let Some(e) = &self.entry {
                    e.apply(d, false);
                }
            }
            return Some(doc);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn sniffs_standard_input() {
        assert_eq!(sniff("  {\"text\": \"a\"}"), InputFormat::Json);
        assert_eq!(sniff("[{\"text\": \"a\"}]"), InputFormat::Json);
        assert_eq!(
            sniff("{\"text\": \"a\"}\n{\"text\": \"b\"}\n"),
            InputFormat::Jsonl
        );
        assert_eq!(sniff("{Braces} open this article."), InputFormat::Text);
        assert_eq!(sniff("Plain text."), InputFormat::Text);
    }

    #[test]
    fn walks_directories_sorted_skipping_hidden_and_manifest() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "b.txt",
            "a.jsonl",
            "sub/c.json",
            ".hidden.txt",
            ".git/x.txt",
            "manifest.jsonl",
            "notes.md",
        ] {
            write(dir.path(), name, "{}");
        }
        let names: Vec<String> = expand(&[dir.path()])
            .into_iter()
            .map(|i| match i.unwrap() {
                Input::File(p) => p.strip_prefix(dir.path()).unwrap().display().to_string(),
                Input::Stdin => "-".into(),
            })
            .collect();
        assert_eq!(names, ["a.jsonl", "b.txt", "sub/c.json"]);
    }

    #[test]
    fn a_manifest_evicted_and_loaded_again_still_dates_and_reports_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut paths = Vec::new();
        write(dir.path(), "d0/x.txt", "First.");
        write(dir.path(), "d0/y.txt", "Last.");
        write(
            dir.path(),
            "d0/manifest.jsonl",
            "{\"file\": \"x.txt\", \"published\": \"2018-04-17\"}\nnot json\n{\"file\": \"y.txt\", \"published\": \"2018-04-18\"}\n",
        );
        paths.push(dir.path().join("d0/x.txt"));
        for i in 1..=MANIFESTS_KEPT + 1 {
            let name = format!("d{i}/z.txt");
            write(dir.path(), &name, "Middle.");
            write(dir.path(), &format!("d{i}/manifest.jsonl"), "");
            paths.push(dir.path().join(name));
        }
        paths.push(dir.path().join("d0/y.txt"));
        let items: Vec<Result<Document>> = read(&paths, &ReadOptions::default()).collect();
        let errors = items.iter().filter(|i| i.is_err()).count();
        assert_eq!(errors, 1, "the bad manifest line is reported once");
        let docs: Vec<&Document> = items.iter().filter_map(|i| i.as_ref().ok()).collect();
        assert_eq!(docs.len(), MANIFESTS_KEPT + 3);
        let dates: Vec<Option<String>> = [docs[0], docs[docs.len() - 1]]
            .iter()
            .map(|d| d.published.map(|p| p.to_string()))
            .collect();
        assert_eq!(
            dates,
            [Some("2018-04-17".to_owned()), Some("2018-04-18".to_owned())]
        );
    }

    #[test]
    fn manifest_fills_metadata_and_reports_bad_lines() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a.txt", "Alpha.");
        write(dir.path(), "b.txt", "Beta.");
        write(
            dir.path(),
            "c.jsonl",
            "{\"text\": \"Gamma.\", \"id\": \"g\"}\n",
        );
        write(
            dir.path(),
            MANIFEST,
            "{\"file\": \"a.txt\", \"published\": \"2018-04-17\", \"outlet\": \"Vox\", \"id\": \"alpha\"}\n\
             not json\n\
             {\"file\": \"b.txt\", \"published\": \"someday\"}\n\
             {\"file\": \"c.jsonl\", \"published\": \"2019-01-02\", \"id\": \"ignored\"}\n",
        );
        let items: Vec<Result<Document>> = read(&[dir.path()], &ReadOptions::default()).collect();
        let errors: Vec<String> = items
            .iter()
            .filter_map(|i| i.as_ref().err().map(|e| e.to_string()))
            .collect();
        assert_eq!(errors.len(), 2, "{errors:#?}");
        assert!(errors[0].ends_with("manifest.jsonl:2: not a valid JSON record (expected ident at column 2); fix or remove the line"));
        assert!(errors[1].contains("manifest.jsonl:3: cannot read \"someday\" as a date"));
        let docs: Vec<&Document> = items.iter().filter_map(|i| i.as_ref().ok()).collect();
        assert_eq!(docs[0].id, "alpha");
        assert_eq!(docs[0].published.unwrap().to_string(), "2018-04-17");
        assert_eq!(docs[0].meta.outlet.as_deref(), Some("Vox"));
        assert!(docs[1].published.is_none());
        // A manifest's id names a whole file, never each record of a JSONL file.
        assert_eq!(docs[2].id, "g");
        assert_eq!(docs[2].published.unwrap().to_string(), "2019-01-02");
    }

    #[test]
    fn published_option_overrides_everything() {
        let opts = ReadOptions {
            published: Some(Published::parse("2001-02-03").unwrap()),
            ..ReadOptions::default()
        };
        let docs = read_str(
            "{\"text\": \"x\", \"date\": \"1999-01-01\"}",
            "r.json",
            InputFormat::Json,
            &opts,
        );
        assert_eq!(
            docs[0].as_ref().unwrap().published.unwrap().to_string(),
            "2001-02-03"
        );
    }
}
