//! `json` (one record, or an array of records, per file) and `jsonl` (one record a line,
//! streamed), with the field names scrapers use (see `record.rs`).

use std::io::BufRead;

use serde_json::Value;

use super::compress::{Stream, read_error};
use super::format::{Format, InputFormat, Origin, Ready, Records, Tally};
use super::{ReadOptions, decode, record};
use crate::article::Document;
use crate::error::{Error, ErrorKind, Result};

pub(crate) struct Json;
pub(crate) static JSON: Json = Json;
pub(crate) struct Jsonl;
pub(crate) static JSONL: Jsonl = Jsonl;

impl Format for Json {
    fn name(&self) -> &'static str {
        "json"
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["json"]
    }
    fn sniff(&self, _: &[u8]) -> bool {
        false
    }
    fn open(&self, mut stream: Stream, origin: &Origin<'_>) -> Box<dyn Records> {
        let decoded = stream
            .read_document()
            .and_then(|bytes| decode::decode(bytes, origin.opts.strict));
        match decoded {
            Err(err) => Ready::boxed(vec![Err(err.with_path(origin.name))]),
            Ok((text, warning)) => {
                let mut docs = documents(&text, origin.name, origin.stem, origin.opts);
                if let (Some(w), Some(Ok(first))) = (warning, docs.first_mut()) {
                    first.warnings.insert(0, format!("{}: {w}", origin.name));
                }
                Ready::boxed(docs)
            }
        }
    }
}

/// The documents of one JSON text: a record, or an array of them.
pub(crate) fn documents(
    text: &str,
    name: &str,
    stem: &str,
    opts: &ReadOptions,
) -> Vec<Result<Document>> {
    match serde_json::from_str::<Value>(text) {
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
    }
}

impl Format for Jsonl {
    fn name(&self) -> &'static str {
        "jsonl"
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["jsonl", "ndjson"]
    }
    fn sniff(&self, _: &[u8]) -> bool {
        false
    }
    fn open(&self, mut stream: Stream, origin: &Origin<'_>) -> Box<dyn Records> {
        let binary = match stream.fill_buf() {
            Ok(buf) => decode::looks_binary(buf),
            Err(e) => {
                return Ready::boxed(vec![Err(
                    read_error(e, stream.limit()).with_path(origin.name)
                )]);
            }
        };
        if binary {
            return Ready::boxed(vec![Err(
                Error::new(ErrorKind::Binary).with_path(origin.name)
            )]);
        }
        Box::new(JsonLines {
            stream,
            name: origin.name.to_owned(),
            stem: origin.stem.to_owned(),
            opts: origin.opts.clone(),
            line: 0,
            buf: Vec::new(),
        })
    }
}

/// Tells JSON from JSONL by the first bytes of input with no name to go by: an array, or
/// an object that does not close on its first line, is JSON; one object a line is JSONL.
/// Prose that happens to open with a brace (`{Braces} open...`) is neither.
pub(crate) fn sniff_records(head: &[u8]) -> Option<InputFormat> {
    let text = String::from_utf8_lossy(head);
    let trimmed = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let after = |open: char| {
        trimmed
            .strip_prefix(open)
            .map(|rest| rest.trim_start().chars().next())
    };
    if let Some(next) = after('[') {
        return matches!(next, Some('{' | '[' | '"' | ']') | None).then_some(InputFormat::Json);
    }
    let next = after('{')?;
    if !matches!(next, Some('"' | '}') | None) {
        return None;
    }
    let first = trimmed.lines().next().unwrap_or_default();
    if matches!(serde_json::from_str::<Value>(first), Ok(Value::Object(_))) {
        Some(InputFormat::Jsonl)
    } else {
        Some(InputFormat::Json)
    }
}

/// One JSONL line's document.
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
pub(crate) fn located(mut doc: Document, place: &str) -> Document {
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

/// A JSONL input read one line at a time, so a large file is never held whole; each line
/// is one document under the size limit.
struct JsonLines {
    stream: Stream,
    name: String,
    stem: String,
    opts: ReadOptions,
    line: u64,
    buf: Vec<u8>,
}

impl Records for JsonLines {
    fn next_record(&mut self, _: &mut Tally) -> Option<Result<Document>> {
        loop {
            if self.line == u64::MAX {
                return None;
            }
            self.buf.clear();
            self.stream.new_document();
            match self.stream.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(err) => {
                    // A read error ends the file: report it once, with where it happened.
                    let err = read_error(err, self.stream.limit())
                        .with_path(&self.name)
                        .at_line(self.line + 1);
                    self.line = u64::MAX;
                    return Some(Err(err));
                }
            }
            self.line += 1;
            let bytes = std::mem::take(&mut self.buf);
            let (text, warning) = match decode::decode(bytes, self.opts.strict) {
                Ok(decoded) => decoded,
                Err(err) => return Some(Err(err.with_path(&self.name).at_line(self.line))),
            };
            if text.trim().is_empty() {
                continue;
            }
            let mut doc = record_from_line(&text, self.line, &self.name, &self.stem, &self.opts);
            if let (Ok(d), Some(w)) = (&mut doc, warning) {
                d.warnings
                    .insert(0, format!("{}:{}: {w}", self.name, self.line));
            }
            return Some(doc);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_records() {
        let s = |t: &str| sniff_records(t.as_bytes());
        assert_eq!(s("  {\"text\": \"a\"}"), Some(InputFormat::Jsonl));
        assert_eq!(s("[{\"text\": \"a\"}]"), Some(InputFormat::Json));
        assert_eq!(s("{\n  \"text\": \"a\"\n}\n"), Some(InputFormat::Json));
        assert_eq!(
            s("{\"text\": \"a\"}\n{\"text\": \"b\"}\n"),
            Some(InputFormat::Jsonl)
        );
        assert_eq!(s("{Braces} open this article."), None);
        assert_eq!(s("[1] Footnotes first."), None);
        assert_eq!(s("Plain text."), None);
    }
}
