//! The one error type of copydesk.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// `Result` with [`Error`] as the default error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An error from copydesk: what went wrong ([`ErrorKind`]) and where (the file and, for
/// records, the line), rendered as one line that says what to do about it.
///
/// ```
/// use copydesk::{Error, ErrorKind};
///
/// let err = Error::new(ErrorKind::Json("expected value at column 1".into()))
///     .with_path("corpus/day1.jsonl")
///     .at_line(3);
/// assert_eq!(
///     err.to_string(),
///     "corpus/day1.jsonl:3: not a valid JSON record (expected value at column 1); fix or remove the line",
/// );
/// ```
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    path: Option<PathBuf>,
    line: Option<u64>,
}

/// What went wrong. Each variant's documentation says how to fix the cause.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading a path failed: it does not exist, is not readable, or is not the kind of
    /// file expected. Check the path and its permissions.
    Io(io::Error),
    /// The file contains NUL bytes, so it is binary (an image, an archive), not text.
    /// Leave it out of the input, or extract its text first.
    Binary,
    /// The bytes are not valid UTF-8 (or, after a UTF-16 byte-order mark, not valid UTF-16)
    /// at this byte offset. Without strict reading the text is decoded with U+FFFD
    /// replacement characters and a warning; convert the file to UTF-8 (e.g. with `iconv`)
    /// to keep every character.
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A JSON document or JSONL line could not be parsed. Fix or remove the record.
    Json(String),
    /// A record has none of the fields that hold an article's text. Name the field that
    /// does (the CLI's `--text-field`).
    MissingText {
        /// The fields that were looked for.
        fields: Vec<String>,
    },
    /// A record's field has the wrong JSON type (for example a number where text belongs).
    FieldType {
        /// The field's name.
        field: String,
        /// What the field should hold.
        expected: &'static str,
    },
    /// A date or time could not be understood. Write it as ISO 8601 (`2018-04-17` or
    /// `2018-04-17T14:03:00Z`) or in one of the forms the documentation lists.
    InvalidDate {
        /// The value as given.
        value: String,
        /// Why it was refused.
        reason: String,
    },
    /// An argument or option is outside what it accepts; the message says what is.
    InvalidArgument(String),
    /// One document (a file read whole, a JSONL line, a WARC record, a table row) is over
    /// the size limit once decompressed: a decompression bomb, or a document far larger
    /// than articles are. Raise the limit (the CLI's `--max-document-size`, Python's
    /// `max_document_size=`) if the input is what you meant.
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// The input is not valid in its format (a WARC record whose length lies, corrupt
    /// compressed data, a broken table); the message says what and where. Repair or leave
    /// out the file.
    Malformed(String),
    /// Neither the file's name nor its first bytes tell its format. Name the format (the
    /// CLI's `--input-format`, Python's `format=`).
    UnknownFormat {
        /// The formats there are, comma-separated.
        formats: String,
    },
    /// A dedup index on disk cannot be used as asked: it is damaged, of another format
    /// version, made with other options, or being written by another process. The message
    /// says which, and what to do.
    Index(String),
}

impl Error {
    /// An error of this kind, at no particular place.
    pub fn new(kind: ErrorKind) -> Error {
        Error {
            kind,
            path: None,
            line: None,
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The file the error is about, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The 1-based line of the file the error is about (for JSONL records), if any.
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// The same error, about `path`.
    pub fn with_path(mut self, path: impl Into<PathBuf>) -> Error {
        self.path = Some(path.into());
        self
    }

    /// The same error, about 1-based line `line`.
    pub fn at_line(mut self, line: u64) -> Error {
        self.line = Some(line);
        self
    }

    /// True for errors about the file system rather than the content (Python raises these
    /// as `OSError`).
    pub fn is_io(&self) -> bool {
        matches!(self.kind, ErrorKind::Io(_))
    }

    pub(crate) fn invalid_date(value: &str, reason: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidDate {
            value: value.to_owned(),
            reason: reason.into(),
        })
    }
}

impl From<io::Error> for Error {
    fn from(err: io::Error) -> Error {
        Error::new(ErrorKind::Io(err))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.line) {
            (Some(path), Some(line)) => write!(f, "{}:{line}: ", path.display())?,
            (Some(path), None) => write!(f, "{}: ", path.display())?,
            (None, Some(line)) => write!(f, "line {line}: ")?,
            (None, None) => {}
        }
        write!(f, "{}", self.kind)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Io(err) => match err.kind() {
                io::ErrorKind::NotFound => write!(f, "no such file or directory; check the path"),
                io::ErrorKind::PermissionDenied => {
                    write!(f, "permission denied; check the file's permissions")
                }
                _ => write!(f, "{err}"),
            },
            ErrorKind::Binary => write!(
                f,
                "binary file (it contains NUL bytes), skipped; give copydesk text, HTML, JSON, WARC or a table"
            ),
            ErrorKind::InvalidUtf8 { offset } => write!(
                f,
                "invalid text encoding at byte {offset}; convert the file to UTF-8 (e.g. with iconv)"
            ),
            ErrorKind::Json(message) => {
                write!(
                    f,
                    "not a valid JSON record ({message}); fix or remove the line"
                )
            }
            ErrorKind::MissingText { fields } => write!(
                f,
                "record has no text (looked for the fields {}); name the field that holds it",
                fields.join(", ")
            ),
            ErrorKind::FieldType { field, expected } => {
                write!(f, "field `{field}` should be {expected}")
            }
            ErrorKind::InvalidDate { value, reason } => {
                write!(f, "cannot read {value:?} as a date: {reason}")?;
                // A reason that already says how to write the date is not told twice.
                if !reason.contains("ISO 8601") {
                    write!(
                        f,
                        "; write it as ISO 8601 (2018-04-17, 2018-04-17T14:03:00Z) or as \
                         news pages do (17 April 2018, April 17, 2018)"
                    )?;
                }
                Ok(())
            }
            ErrorKind::InvalidArgument(message) | ErrorKind::Index(message) => {
                write!(f, "{message}")
            }
            ErrorKind::TooLarge { limit } => write!(
                f,
                "a document is larger than the size limit of {} (a decompression bomb, or not an article); raise the limit with --max-document-size (Python: max_document_size=) if it is meant",
                size_text(*limit)
            ),
            ErrorKind::Malformed(message) => write!(f, "{message}"),
            ErrorKind::UnknownFormat { formats } => write!(
                f,
                "cannot tell the format of this file from its name or its first bytes; name it with --input-format (Python: format=), one of {formats}"
            ),
        }
    }
}

/// A size in bytes as people write it: `64 MiB`, `1000 bytes`.
pub(crate) fn size_text(bytes: u64) -> String {
    for (unit, shift) in [("GiB", 30), ("MiB", 20), ("KiB", 10)] {
        if bytes >= 1 << shift && bytes.is_multiple_of(1 << shift) {
            return format!("{} {unit}", bytes >> shift);
        }
    }
    format!("{bytes} bytes")
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(err) => Some(err),
            _ => None,
        }
    }
}
