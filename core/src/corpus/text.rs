//! `text`: one article of scraped plain text per file (`.txt`, `.text`).

use super::compress::Stream;
use super::decode;
use super::format::{Format, Origin, Ready, Records};
use crate::article::Document;

pub(crate) struct Text;
pub(crate) static TEXT: Text = Text;

impl Format for Text {
    fn name(&self) -> &'static str {
        "text"
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["txt", "text"]
    }
    fn sniff(&self, _: &[u8]) -> bool {
        false
    }
    fn whole_file(&self) -> bool {
        true
    }
    fn open(&self, mut stream: Stream, origin: &Origin<'_>) -> Box<dyn Records> {
        let item = stream
            .read_document()
            .and_then(|bytes| decode::decode(bytes, origin.opts.strict))
            .map(|(text, warning)| document(text, warning, origin))
            .map_err(|e| e.with_path(origin.name));
        Ready::boxed(vec![item])
    }
}

/// The document of one decoded text.
pub(crate) fn document(text: String, warning: Option<String>, origin: &Origin<'_>) -> Document {
    let name = origin.name;
    let mut warnings: Vec<String> = warning
        .map(|w| format!("{name}: {w}"))
        .into_iter()
        .collect();
    if text.trim().is_empty() {
        warnings.push(format!("{name}: no text (the file is empty or blank)"));
    }
    Document {
        id: origin.stem.to_owned(),
        source: name.to_owned(),
        text,
        warnings,
        ..Document::default()
    }
}

/// True when `head` reads as prose: no NUL byte, valid UTF-8 (or a UTF-16 byte-order
/// mark), and not opening with markup (`<`) that no format claimed.
pub(crate) fn looks_like_prose(head: &[u8]) -> bool {
    if matches!(head, [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..]) {
        return true;
    }
    if decode::looks_binary(head) {
        return false;
    }
    let valid = match std::str::from_utf8(head) {
        Ok(_) => true,
        // A sequence cut by the end of the head is fine; a bad one inside is not.
        Err(e) => e.error_len().is_none(),
    };
    let first = head
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(head)
        .iter()
        .find(|b| !b.is_ascii_whitespace());
    valid && first != Some(&b'<')
}
