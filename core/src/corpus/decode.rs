//! Bytes to text: byte-order marks, binary files, invalid UTF-8.

use crate::error::{Error, ErrorKind, Result};

/// How many leading bytes are searched for a NUL to recognise a binary file.
pub(crate) const SNIFF_LEN: usize = 8192;

/// True when `bytes` look binary: a NUL byte among the first [`SNIFF_LEN`].
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(SNIFF_LEN)].contains(&0)
}

/// Decodes `bytes` as UTF-8 text.
///
/// A UTF-8 byte-order mark is dropped (spans index the text after it). A NUL byte anywhere
/// makes the input binary, an error. Invalid UTF-8 is an error when `strict`; otherwise each
/// invalid sequence becomes U+FFFD and a warning names the byte offset of the first.
pub(crate) fn decode(bytes: Vec<u8>, strict: bool) -> Result<(String, Option<String>)> {
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
    fn nul_means_binary() {
        let err = decode(b"PNG\0\0".to_vec(), false).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Binary));
    }
}
