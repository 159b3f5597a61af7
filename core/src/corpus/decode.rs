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

#[cfg(test)]
mod tests {
    use super::*;

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
