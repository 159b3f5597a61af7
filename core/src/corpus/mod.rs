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

mod compress;
mod decode;
mod format;
mod html;
mod json;
mod manifest;
mod parquet;
mod record;
mod table;
mod text;
mod timeml;
mod warc;

pub use compress::DEFAULT_MAX_DOCUMENT_SIZE;
pub use format::InputFormat;
pub use record::{HTML_FIELDS, ID_FIELDS, PUBLISHED_FIELDS, TEXT_FIELDS};

use std::collections::{BTreeMap, HashSet, VecDeque};
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::article::{Document, Published};
use crate::error::{Error, ErrorKind, Result};
use compress::{Stream, read_error};
use format::{Origin, Records, Tally};
use manifest::Manifest;

/// The name of the per-directory metadata file.
pub const MANIFEST: &str = "manifest.jsonl";

/// File extensions picked up when walking a directory: every extension a format claims
/// (see [`InputFormat::extensions`]), compressed or not.
pub fn extensions() -> Vec<&'static str> {
    InputFormat::ALL
        .iter()
        .flat_map(|f| f.extensions().iter().copied())
        .collect()
}

/// Which files a directory walk takes: by default every file with a known extension
/// ([`extensions`]); with globs, the files whose path relative to the walked directory
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
    /// Without globs, only files of these formats (all formats when empty).
    formats: Vec<InputFormat>,
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
            formats: Vec::new(),
        })
    }

    /// A filter taking, without globs, only the files these formats claim by name.
    pub fn with_formats(mut self, formats: &[InputFormat]) -> FileFilter {
        self.formats = formats.to_vec();
        self
    }

    /// True when a walk takes the file at `relative` (its path below the walked directory).
    pub fn takes(&self, relative: &Path) -> bool {
        if self.exclude.as_ref().is_some_and(|g| g.is_match(relative)) {
            return false;
        }
        match &self.include {
            Some(globs) => globs.is_match(relative),
            None => InputFormat::from_path(relative)
                .is_some_and(|f| self.formats.is_empty() || self.formats.contains(&f)),
        }
    }
}

/// How inputs are read.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// Read every input in this format instead of detecting it from its name and first
    /// bytes.
    pub format: Option<InputFormat>,
    /// The record field that holds the text (default: the first of [`TEXT_FIELDS`]). Named,
    /// it wins over a record's HTML.
    pub text_field: Option<String>,
    /// The record field that holds a page's markup (default: the first of
    /// [`HTML_FIELDS`]); a record with markup is read as a web page.
    pub html_field: Option<String>,
    /// The size limit of one document once decompressed (a file read whole, a JSONL line,
    /// a WARC record, a table row), in bytes: the guard against decompression bombs.
    pub max_document_size: u64,
    /// The record field that holds the id (default: the first of [`ID_FIELDS`], then `url`).
    pub id_field: Option<String>,
    /// The publication date of every article read, overriding records and manifests.
    pub published: Option<Published>,
    /// Refuse invalid UTF-8 instead of replacing it with a warning.
    pub strict: bool,
    /// Which files a directory walk takes.
    pub files: FileFilter,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            format: None,
            text_field: None,
            html_field: None,
            max_document_size: DEFAULT_MAX_DOCUMENT_SIZE,
            id_field: None,
            published: None,
            strict: false,
            files: FileFilter::default(),
        }
    }
}

/// Reads a size as people write it: `1000`, `64K`, `64MiB`, `1 GB` (K, M, G are powers of
/// 1024).
///
/// ```
/// assert_eq!(copydesk::corpus::parse_size("64MiB")?, 64 << 20);
/// assert_eq!(copydesk::corpus::parse_size("1g")?, 1 << 30);
/// assert!(copydesk::corpus::parse_size("lots").is_err());
/// # Ok::<(), copydesk::Error>(())
/// ```
pub fn parse_size(value: &str) -> Result<u64> {
    let v = value.trim();
    let digits = v.find(|c: char| !c.is_ascii_digit()).unwrap_or(v.len());
    let (number, unit) = v.split_at(digits);
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => 64,
    };
    number
        .parse::<u64>()
        .ok()
        .filter(|&n| shift < 64 && n > 0)
        .and_then(|n| n.checked_mul(1 << shift))
        .ok_or_else(|| {
            Error::new(ErrorKind::InvalidArgument(format!(
                "cannot read {value:?} as a size; write bytes, or a number with K, M or G (e.g. 256M)"
            )))
        })
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
/// file below it with a known extension ([`extensions`]), recursively, sorted by name,
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
    /// Files a walk left out as of no known format, by extension.
    skipped: BTreeMap<String, u64>,
}

impl Inputs {
    fn listed(inputs: Vec<Result<Input>>) -> Inputs {
        Inputs {
            listed: inputs.into(),
            paths: VecDeque::new(),
            filter: FileFilter::default(),
            walking: None,
            skipped: BTreeMap::new(),
        }
    }

    fn walk<P: AsRef<Path>>(paths: &[P], filter: &FileFilter) -> Inputs {
        Inputs {
            listed: VecDeque::new(),
            paths: paths.iter().map(|p| p.as_ref().to_path_buf()).collect(),
            filter: filter.clone(),
            walking: None,
            skipped: BTreeMap::new(),
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
                    if !entry.file_type().is_file() || entry.file_name() == MANIFEST {
                        continue;
                    }
                    if self.filter.takes(relative) {
                        return Some(Ok(Input::File(path.to_path_buf())));
                    }
                    if self.filter.include.is_none() && self.filter.formats.is_empty() {
                        let ext = format::format_extension(relative)
                            .map_or_else(|| "(no extension)".to_owned(), |e| format!(".{e}"));
                        *self.skipped.entry(ext).or_default() += 1;
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
    read_bytes(text.as_bytes().to_vec(), name, format, opts)
}

/// Reads the documents of raw bytes, as if they came from a file named `name` in `format`:
/// decompressed when their first bytes say so, and decoded as a file would be
/// (byte-order marks, UTF-16, a page's declared charset, binary refused, invalid UTF-8
/// replaced with a warning or, when `opts.strict`, refused).
pub fn read_bytes(
    bytes: Vec<u8>,
    name: &str,
    format: InputFormat,
    opts: &ReadOptions,
) -> Vec<Result<Document>> {
    let opts = ReadOptions {
        format: Some(format),
        ..opts.clone()
    };
    let raw: Box<dyn Read + Send> = Box::new(io::Cursor::new(bytes));
    let mut docs = Documents::new(Vec::new(), opts);
    docs.open_reader(raw, name, &stem_of(Path::new(name)), None, None);
    docs.collect()
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
    /// The input being read: its format's reader, its manifest entry, and whether the
    /// format holds one article a file.
    current: Option<(Box<dyn Records>, Option<manifest::Entry>, bool)>,
    tally: Tally,
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
            current: None,
            tally: Tally::default(),
        }
    }

    /// What was read past without an error, one line each, for the front ends to report
    /// once the stream is done: the files directory walks left out (by extension, with how
    /// to take them) and the container records skipped (WARC `request`, `metadata`...).
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        let skipped = &self.inputs.skipped;
        if !skipped.is_empty() {
            let total: u64 = skipped.values().sum();
            let mut by_count: Vec<(&String, &u64)> = skipped.iter().collect();
            by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let list: Vec<String> = by_count.iter().map(|(e, n)| format!("{n} {e}")).collect();
            let hint = by_count
                .iter()
                .find(|(e, _)| e.starts_with('.'))
                .map_or_else(|| "'*'".to_owned(), |(e, _)| format!("'*{e}'"));
            notes.push(format!(
                "skipped {total} file{} of no known format in directories ({}); to read them, take them with --glob {hint} and name their format with --input-format if their content does not tell it",
                if total == 1 { "" } else { "s" },
                list.join(", ")
            ));
        }
        let records = &self.tally.skipped_records;
        if !records.is_empty() {
            let list: Vec<String> = records.iter().map(|(k, n)| format!("{n} {k}")).collect();
            notes.push(format!(
                "WARC records that are not web pages were skipped: {}",
                list.join(", ")
            ));
        }
        notes
    }

    fn open(&mut self, input: Input) {
        let name = input.name();
        let path = match &input {
            Input::File(path) => Some(path.clone()),
            Input::Stdin => None,
        };
        let entry = path.as_deref().and_then(|p| self.manifest_entry(p));
        let stem = path.as_deref().map_or_else(|| "stdin".to_owned(), stem_of);
        let raw: Box<dyn Read + Send> = match &input {
            Input::File(p) => match File::open(p) {
                Ok(f) => Box::new(f),
                Err(err) => {
                    self.pending
                        .push_back(Err(Error::from(err).with_path(&name)));
                    return;
                }
            },
            Input::Stdin => Box::new(io::stdin()),
        };
        self.open_reader(raw, &name, &stem, path.as_deref(), entry);
    }

    /// Starts reading one input's bytes.
    fn open_reader(
        &mut self,
        raw: Box<dyn Read + Send>,
        name: &str,
        stem: &str,
        path: Option<&Path>,
        entry: Option<manifest::Entry>,
    ) {
        let limit = self.opts.max_document_size;
        let (stream, head) = match Stream::open(raw, limit) {
            Ok(opened) => opened,
            Err(err) => {
                self.pending
                    .push_back(Err(read_error(err, limit).with_path(name)));
                return;
            }
        };
        let Some(format) = format::detect(self.opts.format, path, &head) else {
            self.pending
                .push_back(Err(format::unknown_format().with_path(name)));
            return;
        };
        let reader = format.reader();
        let origin = Origin {
            name,
            stem,
            path: path.filter(|_| stream.compression.is_none()),
            opts: &self.opts,
        };
        let records = reader.open(stream, &origin);
        self.current = Some((records, entry, reader.whole_file()));
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
            if let Some((records, entry, whole_file)) = &mut self.current {
                match records.next_record(&mut self.tally) {
                    Some(item) => {
                        let item = item.map(|mut d| {
                            if let Some(e) = entry {
                                e.apply(&mut d, *whole_file);
                            }
                            apply_override(d, &self.opts)
                        });
                        return Some(item);
                    }
                    None => self.current = None,
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
