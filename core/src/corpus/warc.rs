//! `warc`: WARC 1.0 and 1.1 archives (`.warc`, `.warc.gz` with a gzip member a record, as
//! crawlers write them), streamed a record at a time.
//!
//! Each `response` record whose HTTP payload is a page (`Content-Type` `text/html` or
//! `application/xhtml+xml`, or sniffed as HTML when it says nothing) becomes a document:
//! its HTTP headers stripped, chunked transfer-encoding and gzip/deflate content-encoding
//! undone, decoded by the charset its `Content-Type` gives (else the page's own
//! declaration), with `url` = `WARC-Target-URI` and [`Document::crawled`] = `WARC-Date`,
//! which never stands in for the publication date. Other records (`warcinfo`, `request`,
//! `metadata`, `revisit`, responses that are images or redirects) are counted and
//! skipped. A record whose `Content-Length` does not end where the next record begins is
//! an error naming the record's byte offset (in the decompressed stream), and reading the
//! file stops there: there is no telling where the next record begins.

use std::io::{BufRead, Read};

use super::compress::{Stream, read_error};
use super::decode;
use super::format::{Format, Origin, Records, Tally};
use crate::article::{Document, Metadata, Published};
use crate::error::{Error, ErrorKind, Result};

pub(crate) struct Warc;
pub(crate) static WARC: Warc = Warc;

/// The longest header line read (a line longer is a broken record, not a header).
const MAX_LINE: u64 = 1 << 16;
/// The most header lines a record or an HTTP response may have.
const MAX_HEADERS: usize = 1000;

impl Format for Warc {
    fn name(&self) -> &'static str {
        "warc"
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["warc", "arc"]
    }
    fn sniff(&self, head: &[u8]) -> bool {
        head.starts_with(b"WARC/1.")
    }
    fn open(&self, stream: Stream, origin: &Origin<'_>) -> Box<dyn Records> {
        Box::new(WarcRecords {
            stream,
            name: origin.name.to_owned(),
            strict: origin.opts.strict,
            done: false,
        })
    }
}

struct WarcRecords {
    stream: Stream,
    name: String,
    strict: bool,
    done: bool,
}

/// A record's named fields (names lowercased).
type Headers = Vec<(String, String)>;

fn header<'a>(headers: &'a Headers, name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

impl WarcRecords {
    fn malformed(&mut self, offset: u64, what: String) -> Error {
        self.done = true;
        Error::new(ErrorKind::Malformed(format!(
            "WARC record at byte {offset}: {what}"
        )))
        .with_path(&self.name)
    }

    /// One line, without its line break; `None` at the end of the input.
    fn line(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        let mut line = Vec::new();
        (&mut self.stream)
            .take(MAX_LINE)
            .read_until(b'\n', &mut line)?;
        if line.is_empty() {
            return Ok(None);
        }
        while line.last().is_some_and(|b| matches!(b, b'\n' | b'\r')) {
            line.pop();
        }
        Ok(Some(line))
    }

    /// The next record: its offset, headers and (for responses) block.
    fn record(&mut self, tally: &mut Tally) -> Result<Option<Document>> {
        loop {
            self.stream.new_document();
            let offset = self.stream.offset();
            let limit = self.stream.limit();
            let io = |e| read_error(e, limit);
            let Some(version) = self.line().map_err(io)? else {
                return Ok(None);
            };
            if version.is_empty() {
                continue;
            }
            if !version.starts_with(b"WARC/1.") {
                let shown =
                    String::from_utf8_lossy(version.get(..40).unwrap_or(&version)).into_owned();
                return Err(self.malformed(
                    offset,
                    format!(
                        "expected a WARC/1.0 or WARC/1.1 version line, found {shown:?}; the record before it may declare a wrong Content-Length"
                    ),
                ));
            }
            let headers = self.headers(offset)?;
            let Some(length) =
                header(&headers, "content-length").and_then(|v| v.trim().parse::<u64>().ok())
            else {
                return Err(self.malformed(offset, "no valid Content-Length".into()));
            };
            let kind = header(&headers, "warc-type")
                .unwrap_or("unknown")
                .to_ascii_lowercase();
            if kind != "response" || length > limit {
                let skipped = self.stream.skip(length).map_err(io)?;
                if skipped < length {
                    return Err(self.truncated(offset, length, skipped));
                }
                self.trailer(offset, length)?;
                if length > limit {
                    return Err(Error::new(ErrorKind::TooLarge { limit })
                        .with_path(format!("{} (WARC record at byte {offset})", self.name)));
                }
                tally.skip(kind);
                continue;
            }
            let mut block = Vec::with_capacity(length.min(1 << 20) as usize);
            (&mut self.stream)
                .take(length)
                .read_to_end(&mut block)
                .map_err(io)?;
            if (block.len() as u64) < length {
                return Err(self.truncated(offset, length, block.len() as u64));
            }
            self.trailer(offset, length)?;
            match self.response(offset, &headers, block, tally)? {
                Some(doc) => return Ok(Some(doc)),
                None => continue,
            }
        }
    }

    fn truncated(&mut self, offset: u64, length: u64, got: u64) -> Error {
        self.malformed(
            offset,
            format!(
                "its Content-Length is {length} but the file ends {got} bytes into its block; the length lies or the file is cut short"
            ),
        )
    }

    /// Named fields up to the blank line.
    fn headers(&mut self, offset: u64) -> Result<Headers> {
        let limit = self.stream.limit();
        let mut headers: Headers = Vec::new();
        loop {
            let Some(line) = self.line().map_err(|e| read_error(e, limit))? else {
                return Err(
                    self.malformed(offset, "the file ends inside the record's headers".into())
                );
            };
            if line.is_empty() {
                return Ok(headers);
            }
            if headers.len() >= MAX_HEADERS {
                return Err(self.malformed(offset, "too many header lines".into()));
            }
            push_header(&mut headers, &line);
        }
    }

    /// The blank line (`\r\n\r\n`) after a block; anything else means the length lied.
    fn trailer(&mut self, offset: u64, length: u64) -> Result<()> {
        let limit = self.stream.limit();
        let mut end = [0u8; 4];
        let mut got = 0;
        while got < 4 {
            let n = self
                .stream
                .read(end.get_mut(got..).unwrap_or_default())
                .map_err(|e| read_error(e, limit))?;
            if n == 0 {
                break;
            }
            got += n;
            if end.get(..got) == Some(&b"\n\n"[..]) {
                return Ok(());
            }
        }
        if got == 0 || end.get(..got) == Some(&b"\r\n\r\n"[..]) {
            return Ok(());
        }
        Err(self.malformed(
            offset,
            format!(
                "its block does not end where its Content-Length ({length}) says (no blank line after it); the length lies"
            ),
        ))
    }

    /// A response record's document, or `None` (counted) when it holds no page.
    fn response(
        &mut self,
        offset: u64,
        headers: &Headers,
        block: Vec<u8>,
        tally: &mut Tally,
    ) -> Result<Option<Document>> {
        let record_type = header(headers, "content-type")
            .unwrap_or("")
            .to_ascii_lowercase();
        if !record_type.starts_with("application/http") {
            tally.skip("response (not HTTP)");
            return Ok(None);
        }
        let Some(http) = Http::parse(&block) else {
            tally.skip("response (unreadable HTTP)");
            return Ok(None);
        };
        if !(200..300).contains(&http.status) {
            tally.skip(format!("response (HTTP {})", http.status));
            return Ok(None);
        }
        let content_type = header(&http.headers, "content-type").map(str::to_owned);
        let mime = content_type.as_deref().map(|c| {
            c.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        });
        let body = block.get(http.body..).unwrap_or_default();
        let is_page = match mime.as_deref() {
            Some("text/html" | "application/xhtml+xml") => true,
            None | Some("") => super::html::looks_like_html(body),
            Some(_) => false,
        };
        if !is_page {
            tally.skip(format!("response ({})", mime.unwrap_or_default()));
            return Ok(None);
        }
        let limit = self.stream.limit();
        let mut payload = body.to_vec();
        drop(block);
        if header(&http.headers, "transfer-encoding")
            .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"))
            && let Some(joined) = dechunk(&payload)
        {
            payload = joined;
        }
        match header(&http.headers, "content-encoding").map(|e| e.trim().to_ascii_lowercase()) {
            Some(e) if e == "gzip" || e == "x-gzip" || e == "deflate" => {
                let mut out = Vec::new();
                let cursor = std::io::Cursor::new(&payload);
                let read = if e == "deflate" {
                    flate2::read::ZlibDecoder::new(cursor)
                        .take(limit + 1)
                        .read_to_end(&mut out)
                } else {
                    flate2::read::MultiGzDecoder::new(cursor)
                        .take(limit + 1)
                        .read_to_end(&mut out)
                };
                if read.is_err() {
                    tally.skip("response (corrupt content-encoding)");
                    return Ok(None);
                }
                if out.len() as u64 > limit {
                    return Err(Error::new(ErrorKind::TooLarge { limit })
                        .with_path(format!("{} (WARC record at byte {offset})", self.name)));
                }
                payload = out;
            }
            Some(e) if !e.is_empty() && e != "identity" => {
                tally.skip(format!("response (content-encoding {e})"));
                return Ok(None);
            }
            _ => {}
        }
        let source = format!("{}@{offset}", self.name);
        let (html, warning) = decode::decode_html(&payload, content_type.as_deref(), self.strict)
            .map_err(|e| e.with_path(&source))?;
        let url = header(headers, "warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_owned());
        let id = url
            .clone()
            .or_else(|| header(headers, "warc-record-id").map(str::to_owned))
            .unwrap_or_else(|| source.clone());
        let mut doc = super::html::page(html, &id, &source);
        if let Some(w) = warning {
            doc.warnings.insert(0, format!("{source}: {w}"));
        }
        doc.meta = Metadata {
            url,
            ..Metadata::default()
        };
        if let Some(date) = header(headers, "warc-date") {
            match Published::parse(date) {
                Ok(p) => doc.crawled = Some(p),
                Err(err) => doc.warnings.push(format!(
                    "{source}: WARC-Date: {err}; the crawl date is left unknown"
                )),
            }
        }
        Ok(Some(doc))
    }
}

impl Records for WarcRecords {
    fn next_record(&mut self, tally: &mut Tally) -> Option<Result<Document>> {
        if self.done {
            return None;
        }
        match self.record(tally) {
            Ok(Some(doc)) => Some(Ok(doc)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(err) => {
                // A record over the size limit is skipped whole; after anything else the
                // next record cannot be found.
                self.done = !matches!(err.kind(), ErrorKind::TooLarge { .. });
                let err = if err.path().is_some() {
                    err
                } else {
                    err.with_path(&self.name)
                };
                Some(Err(err))
            }
        }
    }
}

fn push_header(headers: &mut Headers, line: &[u8]) {
    let line = String::from_utf8_lossy(line);
    if line.starts_with([' ', '\t']) {
        if let Some((_, value)) = headers.last_mut() {
            value.push(' ');
            value.push_str(line.trim());
        }
        return;
    }
    if let Some((name, value)) = line.split_once(':') {
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
}

/// An HTTP response's status, headers, and where its body starts in the block.
struct Http {
    status: u16,
    headers: Headers,
    body: usize,
}

impl Http {
    fn parse(block: &[u8]) -> Option<Http> {
        let mut pos = 0;
        let next_line = |pos: &mut usize| -> Option<&[u8]> {
            let rest = block.get(*pos..)?;
            if rest.is_empty() {
                return None;
            }
            let end = rest
                .iter()
                .position(|&b| b == b'\n')
                .map_or(rest.len(), |e| e + 1);
            *pos += end;
            let mut line = rest.get(..end).unwrap_or_default();
            while let [head @ .., b'\n' | b'\r'] = line {
                line = head;
            }
            Some(line)
        };
        let status_line = next_line(&mut pos)?;
        if !status_line.starts_with(b"HTTP/") {
            return None;
        }
        let status = String::from_utf8_lossy(status_line)
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()?;
        let mut headers = Vec::new();
        loop {
            let line = next_line(&mut pos)?;
            if line.is_empty() {
                break;
            }
            if headers.len() < MAX_HEADERS {
                push_header(&mut headers, line);
            }
        }
        Some(Http {
            status,
            headers,
            body: pos,
        })
    }
}

/// A chunked body joined; `None` when it is not validly chunked (crawlers often store the
/// body de-chunked while keeping the header).
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let end = body.iter().position(|&b| b == b'\n')?;
        let size_line = std::str::from_utf8(body.get(..end)?).ok()?;
        let size_text = size_line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        body = body.get(end + 1..)?;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?;
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))
            .unwrap_or(body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk(b"5\r\nHello\r\n7;x=1\r\n, world\r\n0\r\n\r\n").as_deref(),
            Some(&b"Hello, world"[..])
        );
        assert_eq!(dechunk(b"<html>not chunked</html>"), None);
        assert_eq!(dechunk(b"ffffff\r\nshort"), None);
    }

    #[test]
    fn http_headers_are_stripped() {
        let http = Http::parse(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n  charset=utf-8\r\n\r\n<p>x",
        )
        .unwrap();
        assert_eq!(http.status, 200);
        assert_eq!(
            header(&http.headers, "content-type"),
            Some("text/html; charset=utf-8")
        );
    }
}
