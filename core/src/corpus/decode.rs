//! Bytes to text: byte-order marks, binary files, invalid UTF-8.

use crate::error::{Error, ErrorKind, Result};

/// How many leading bytes are searched for a NUL to recognise a binary file.
pub(crate) const SNIFF_LEN: usize = 8192;

/// True when `bytes` look binary: a NUL byte among the first [`SNIFF_LEN`].
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(SNIFF_LEN).any(|&b| b == 0)
}

/// Decodes `bytes` as UTF-8 text, or as UTF-16 when they start with a UTF-16 byte-order
/// mark (as Windows tools export text).
///
/// A UTF-8 byte-order mark is dropped (spans index the text after it). A NUL byte anywhere
/// makes the input binary, an error. Invalid UTF-8 is an error when `strict`; otherwise each
/// invalid sequence becomes U+FFFD and a warning names the byte offset of the first.
pub(crate) fn decode(bytes: Vec<u8>, strict: bool) -> Result<(String, Option<String>)> {
    if let Some(decoded) = decode_utf16(&bytes, strict) {
        return decoded;
    }
    if bytes.contains(&0) {
        return Err(Error::new(ErrorKind::Binary));
    }
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, None)),
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            if strict {
                return Err(Error::new(ErrorKind::InvalidUtf8 { offset }));
            }
            let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
            let warning = format!(
                "invalid UTF-8 from byte {offset}, replaced with U+FFFD; convert the file to UTF-8 to keep every character"
            );
            Ok((text, Some(warning)))
        }
    }
}

/// Decodes text that starts with a UTF-16 byte-order mark; `None` for anything else.
fn decode_utf16(bytes: &[u8], strict: bool) -> Option<Result<(String, Option<String>)>> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let body = bytes.get(2..).unwrap_or_default();
    let units = body.chunks_exact(2).map(|pair| {
        let pair = [
            pair.first().copied().unwrap_or(0),
            pair.last().copied().unwrap_or(0),
        ];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut first_bad = None;
    for (i, unit) in char::decode_utf16(units).enumerate() {
        match unit {
            Ok(c) => text.push(c),
            Err(_) => {
                // The offset counts bytes of the file: the mark, then two bytes a unit.
                first_bad.get_or_insert(2 + 2 * i);
                text.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    if bytes.len() % 2 == 1 {
        first_bad.get_or_insert(bytes.len() - 1);
        text.push(char::REPLACEMENT_CHARACTER);
    }
    Some(match first_bad {
        None => Ok((text, None)),
        Some(offset) if strict => Err(Error::new(ErrorKind::InvalidUtf8 { offset })),
        Some(offset) => Ok((
            text,
            Some(format!(
                "invalid UTF-16 from byte {offset}, replaced with U+FFFD; convert the file to UTF-8 to keep every character"
            )),
        )),
    })
}

/// Decodes a web page's bytes the way a browser finds their encoding: a byte-order mark;
/// else the charset the HTTP `Content-Type` gives (`http`, from a WARC record); else a
/// `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 1024 bytes; else
/// UTF-8. Bytes not valid in that encoding become U+FFFD with a warning naming the
/// encoding and, for UTF-8, the byte offset (an error when `strict`).
pub(crate) fn decode_html(
    bytes: &[u8],
    http: Option<&str>,
    strict: bool,
) -> Result<(String, Option<String>)> {
    let (encoding, skip, declared) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((encoding, len)) => (encoding, len, "its byte-order mark"),
        None => match http.and_then(charset_of).and_then(encoding_for) {
            Some(encoding) => (encoding, 0, "the HTTP Content-Type"),
            None => {
                let head = bytes.get(..1024).unwrap_or(bytes);
                match prescan(head) {
                    Some(encoding) => (encoding, 0, "its <meta charset>"),
                    None => (encoding_rs::UTF_8, 0, ""),
                }
            }
        },
    };
    if declared.is_empty() && looks_binary(bytes) {
        return Err(Error::new(ErrorKind::Binary));
    }
    let body = bytes.get(skip..).unwrap_or_default();
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if !had_errors {
        return Ok((text.into_owned(), None));
    }
    let name = encoding.name();
    let offset = if encoding == encoding_rs::UTF_8 {
        std::str::from_utf8(body)
            .err()
            .map(|e| e.valid_up_to() + skip)
    } else {
        None
    };
    if strict {
        return Err(Error::new(ErrorKind::InvalidUtf8 {
            offset: offset.unwrap_or(0),
        }));
    }
    let place = offset
        .map(|o| format!(" from byte {o}"))
        .unwrap_or_default();
    let warning = if declared.is_empty() {
        format!(
            "no encoding declared (no byte-order mark, <meta charset> or HTTP Content-Type) and the bytes are not valid UTF-8{place}; decoded as UTF-8 with U+FFFD; declare the page's charset to keep every character"
        )
    } else {
        format!(
            "bytes not valid in {name} (the encoding {declared} names){place}, replaced with U+FFFD"
        )
    };
    Ok((text.into_owned(), Some(warning)))
}

/// The encoding a label names, as the HTML standard maps what pages declare (a UTF-16
/// label without a byte-order mark means UTF-8; `x-user-defined` means windows-1252).
fn encoding_for(label: &str) -> Option<&'static encoding_rs::Encoding> {
    let encoding = encoding_rs::Encoding::for_label(label.trim().as_bytes())?;
    Some(
        if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            encoding_rs::UTF_8
        } else if encoding == encoding_rs::X_USER_DEFINED {
            encoding_rs::WINDOWS_1252
        } else {
            encoding
        },
    )
}

/// The `charset=` parameter of a `Content-Type` value.
pub(crate) fn charset_of(content_type: &str) -> Option<&str> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = content_type.get(at + "charset".len()..)?.trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| c == '"' || c == '\'' || c == ';' || c.is_whitespace())
        .unwrap_or(rest.len());
    let label = rest.get(..end)?;
    (!label.is_empty()).then_some(label)
}

/// The encoding the `<meta>` tags of `head` declare (the HTML standard's prescan, short of
/// its every corner: comments skipped, `charset` or `http-equiv` + `content` read).
fn prescan(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let text = String::from_utf8_lossy(head);
    let lower = text.to_ascii_lowercase();
    let mut at = 0;
    while let Some(pos) = lower.get(at..).and_then(|r| r.find('<')) {
        let start = at + pos;
        let rest = lower.get(start..)?;
        if rest.starts_with("<!--") {
            at = start + 4 + rest.get(4..)?.find("-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        if !rest.starts_with("<meta")
            || !rest[5..].starts_with(|c: char| c.is_ascii_whitespace() || c == '/')
        {
            at = start + 1;
            continue;
        }
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = text.get(start..start + end)?;
        let attrs = attributes(tag.get(5..)?);
        let get = |name: &str| {
            attrs
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        };
        if let Some(found) = get("charset").and_then(encoding_for) {
            return Some(found);
        }
        if get("http-equiv").is_some_and(|v| v.eq_ignore_ascii_case("content-type"))
            && let Some(found) = get("content").and_then(charset_of).and_then(encoding_for)
        {
            return Some(found);
        }
        at = start + end.max(1);
    }
    None
}

/// The `name=value` attributes of a tag's inside (quoted or not).
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            return out;
        }
        let name_end = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let name = rest[..name_end].to_owned();
        rest = rest[name_end..].trim_start();
        let Some(after) = rest.strip_prefix('=') else {
            out.push((name, String::new()));
            continue;
        };
        let after = after.trim_start();
        let (value, next) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let body = &after[1..];
                let end = body.find(q).unwrap_or(body.len());
                (&body[..end], body.get(end + 1..).unwrap_or_default())
            }
            _ => {
                let end = after
                    .find(|c: char| c.is_ascii_whitespace())
                    .unwrap_or(after.len());
                (&after[..end], &after[end..])
            }
        };
        out.push((name, value.to_owned()));
        rest = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_decoded_as_browsers_find_their_encoding() {
        let latin =
            b"<html><head><meta charset=\"iso-8859-1\"></head><body>Stra\xdfe</body></html>";
        assert!(decode_html(latin, None, true).unwrap().0.contains("Straße"));
        let equiv = b"<!-- <meta charset=utf-8> --><meta http-equiv='Content-Type' content='text/html; charset=windows-1251'><p>\xcf\xf0\xe8";
        assert!(decode_html(equiv, None, true).unwrap().0.ends_with("При"));
        // HTTP wins over <meta>, a byte-order mark over both.
        let (text, warning) = decode_html(latin, Some("text/html; charset=UTF-8"), false).unwrap();
        assert!(text.contains("Stra\u{FFFD}e"));
        assert!(
            warning
                .unwrap()
                .contains("UTF-8 (the encoding the HTTP Content-Type names) from byte")
        );
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend("<meta charset=iso-8859-1>é".as_bytes());
        assert!(
            decode_html(&bom, Some("charset=koi8-r"), true)
                .unwrap()
                .0
                .ends_with('é')
        );
        let (text, warning) = decode_html(b"<p>caf\xe9</p>", None, false).unwrap();
        assert_eq!(text, "<p>caf\u{FFFD}</p>");
        assert!(warning.unwrap().starts_with("no encoding declared"));
        // A UTF-16 label in <meta> means UTF-8.
        assert_eq!(
            decode_html("<meta charset=utf-16>é".as_bytes(), None, true)
                .unwrap()
                .0,
            "<meta charset=utf-16>é"
        );
    }

    #[test]
    fn drops_bom_and_keeps_text() {
        let (text, warning) = decode(b"\xEF\xBB\xBFHello".to_vec(), true).unwrap();
        assert_eq!(text, "Hello");
        assert!(warning.is_none());
    }

    #[test]
    fn invalid_utf8_is_lossy_or_strict() {
        let (text, warning) = decode(b"ab\xFFcd".to_vec(), false).unwrap();
        assert_eq!(text, "ab\u{FFFD}cd");
        assert!(warning.unwrap().contains("byte 2"));
        let err = decode(b"ab\xFFcd".to_vec(), true).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::InvalidUtf8 { offset: 2 }));
    }

    #[test]
    fn utf16_with_a_mark_is_text() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Kim’s".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(le, true).unwrap().0, "Kim’s");
        let mut be = vec![0xFE, 0xFF];
        be.extend("Kim".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(be, true).unwrap().0, "Kim");
        // A lone surrogate, then an odd trailing byte.
        let bad = vec![0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0, 7];
        let (text, warning) = decode(bad.clone(), false).unwrap();
        assert_eq!(text, "a\u{FFFD}b\u{FFFD}");
        assert!(warning.unwrap().contains("byte 4"));
        assert!(matches!(
            decode(bad, true).unwrap_err().kind(),
            ErrorKind::InvalidUtf8 { offset: 4 }
        ));
    }

    #[test]
    fn nul_means_binary() {
        let err = decode(b"PNG\0\0".to_vec(), false).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Binary));
    }
}
