//! Compression taken off by magic bytes (gzip, multi-member included; zstd, multi-frame
//! included; bzip2), streamed, and the per-document size limit that guards against
//! decompression bombs.
//!
//! Every input goes through a [`Stream`]: the raw bytes, decompressed when their first
//! bytes say so (whatever the file is called), counted against the size limit of one
//! document. A format calls [`Stream::new_document`] where each of its documents begins
//! (a JSONL line, a WARC record, a CSV row), so the limit bounds one document, never the
//! file, and a reader's memory does not grow with the file.

use std::io::{self, BufRead, BufReader, Cursor, Read};

use crate::error::{Error, ErrorKind};

/// File-name suffixes of compressed files (the format is told by what comes before them).
pub(crate) const SUFFIXES: &[&str] = &[".gz", ".gzip", ".zst", ".zstd", ".bz2"];

/// How many bytes are peeked at to tell compression and format.
pub(crate) const HEAD_LEN: usize = 8192;

/// The default size limit of one document: 64 MiB.
pub const DEFAULT_MAX_DOCUMENT_SIZE: u64 = 64 << 20;

/// The compression the first bytes show, if any.
pub(crate) fn compression(head: &[u8]) -> Option<&'static str> {
    match head {
        [0x1f, 0x8b, ..] => Some("gzip"),
        [0x28, 0xb5, 0x2f, 0xfd, ..] => Some("zstd"),
        // "BZh" and the block size, then the magic of a block or of the end of the stream.
        [b'B', b'Z', b'h', b'1'..=b'9', rest @ ..]
            if rest.starts_with(&[0x31, 0x41, 0x59, 0x26, 0x53, 0x59])
                || rest.starts_with(&[0x17, 0x72, 0x45, 0x38, 0x50, 0x90]) =>
        {
            Some("bzip2")
        }
        _ => None,
    }
}

/// Reads up to [`HEAD_LEN`] bytes of `reader` and gives them with a reader of the whole.
fn peek(mut reader: Box<dyn Read + Send>) -> io::Result<(Vec<u8>, Box<dyn Read + Send>)> {
    let mut head = Vec::with_capacity(HEAD_LEN);
    (&mut reader).take(HEAD_LEN as u64).read_to_end(&mut head)?;
    let whole = Cursor::new(head.clone()).chain(reader);
    Ok((head, Box::new(whole)))
}

/// A marker inside an `io::Error`: the document passed the size limit.
#[derive(Debug)]
struct TooLarge;

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("document over the size limit")
    }
}

impl std::error::Error for TooLarge {}

/// A decompression error, told apart from a failing disk.
#[derive(Debug)]
struct Corrupt(&'static str, io::Error);

impl std::fmt::Display for Corrupt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "corrupt {} data ({})", self.0, self.1)
    }
}

impl std::error::Error for Corrupt {}

/// A zstd stream of any number of frames (ruzstd's decoder reads one).
struct Zstd<R: BufRead> {
    decoder: Option<ruzstd::decoding::StreamingDecoder<R, ruzstd::decoding::FrameDecoder>>,
}

impl<R: BufRead> Zstd<R> {
    fn new(source: R) -> io::Result<Zstd<R>> {
        let decoder = ruzstd::decoding::StreamingDecoder::new(source).map_err(io::Error::other)?;
        Ok(Zstd {
            decoder: Some(decoder),
        })
    }
}

impl<R: BufRead> Read for Zstd<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let Some(decoder) = self.decoder.as_mut() else {
                return Ok(0);
            };
            let n = decoder.read(buf)?;
            if n > 0 || buf.is_empty() {
                return Ok(n);
            }
            // The frame is done: another may follow.
            let Some(decoder) = self.decoder.take() else {
                return Ok(0);
            };
            let mut source = decoder.into_inner();
            if source.fill_buf()?.is_empty() {
                return Ok(0);
            }
            self.decoder =
                Some(ruzstd::decoding::StreamingDecoder::new(source).map_err(io::Error::other)?);
        }
    }
}

/// An input's bytes, decompressed, counted against the size limit of one document.
pub(crate) struct Stream {
    inner: BufReader<Box<dyn Read + Send>>,
    /// The compression taken off, if any.
    pub(crate) compression: Option<&'static str>,
    used: u64,
    limit: u64,
    /// Bytes read (or skipped) since the start of the decompressed stream.
    offset: u64,
}

impl Stream {
    /// Opens `raw`, decompressing it when its first bytes say so; gives the stream and its
    /// first (decompressed) bytes, for telling the format.
    pub(crate) fn open(raw: Box<dyn Read + Send>, limit: u64) -> io::Result<(Stream, Vec<u8>)> {
        let (magic, raw) = peek(raw)?;
        let compression = compression(&magic);
        let decompressed: Box<dyn Read + Send> = match compression {
            Some("gzip") => Box::new(flate2::read::MultiGzDecoder::new(raw)),
            Some("zstd") => Box::new(Zstd::new(BufReader::with_capacity(1 << 16, raw))?),
            Some(_) => Box::new(bzip2::read::MultiBzDecoder::new(raw)),
            None => raw,
        };
        let (head, decompressed) = match compression {
            Some(name) => peek(decompressed).map_err(|e| corrupt(name, e))?,
            None => (magic, decompressed),
        };
        let stream = Stream {
            inner: BufReader::with_capacity(1 << 16, decompressed),
            compression,
            used: 0,
            limit,
            offset: 0,
        };
        Ok((stream, head))
    }

    /// The size limit of one document, in bytes.
    pub(crate) fn limit(&self) -> u64 {
        self.limit
    }

    /// Bytes consumed so far, in the decompressed stream.
    pub(crate) fn offset(&self) -> u64 {
        self.offset
    }

    /// A new document begins: the size limit counts from here.
    pub(crate) fn new_document(&mut self) {
        self.used = 0;
    }

    /// Reads the rest of the stream as one document (a whole-file format).
    pub(crate) fn read_document(&mut self) -> Result<Vec<u8>, Error> {
        self.new_document();
        let mut bytes = Vec::new();
        self.read_to_end(&mut bytes)
            .map_err(|e| read_error(e, self.limit))?;
        Ok(bytes)
    }

    /// Reads and drops `n` bytes (or up to the end), outside the size limit; gives how many
    /// there were.
    pub(crate) fn skip(&mut self, n: u64) -> io::Result<u64> {
        let skipped =
            io::copy(&mut (&mut self.inner).take(n), &mut io::sink()).map_err(|e| self.wrap(e))?;
        self.offset += skipped;
        Ok(skipped)
    }

    fn over(&self) -> Option<io::Error> {
        (self.used > self.limit).then(|| io::Error::other(TooLarge))
    }

    fn wrap(&self, e: io::Error) -> io::Error {
        match self.compression {
            Some(name) => corrupt(name, e),
            None => e,
        }
    }
}

fn corrupt(name: &'static str, e: io::Error) -> io::Error {
    if e.get_ref().is_some_and(|i| i.is::<TooLarge>()) {
        return e;
    }
    match e.kind() {
        io::ErrorKind::InvalidData
        | io::ErrorKind::InvalidInput
        | io::ErrorKind::Other
        | io::ErrorKind::UnexpectedEof => {
            io::Error::new(io::ErrorKind::InvalidData, Corrupt(name, e))
        }
        _ => e,
    }
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(e) = self.over() {
            return Err(e);
        }
        let n = self.inner.read(buf).map_err(|e| self.wrap(e))?;
        self.used += n as u64;
        self.offset += n as u64;
        match self.over() {
            Some(e) => Err(e),
            None => Ok(n),
        }
    }
}

impl BufRead for Stream {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if let Some(e) = self.over() {
            return Err(e);
        }
        let compression = self.compression;
        self.inner.fill_buf().map_err(|e| match compression {
            Some(name) => corrupt(name, e),
            None => e,
        })
    }

    fn consume(&mut self, amount: usize) {
        self.inner.consume(amount);
        self.used += amount as u64;
        self.offset += amount as u64;
    }
}

/// The library error for a failed read of a stream: over the size limit, corrupt
/// compressed data, or the file system's own error.
pub(crate) fn read_error(e: io::Error, limit: u64) -> Error {
    if let Some(inner) = e.get_ref() {
        if inner.is::<TooLarge>() {
            return Error::new(ErrorKind::TooLarge { limit });
        }
        if let Some(c) = inner.downcast_ref::<Corrupt>() {
            return Error::new(ErrorKind::Malformed(c.to_string()));
        }
    }
    Error::from(e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    }

    fn read_all(bytes: Vec<u8>, limit: u64) -> Result<Vec<u8>, Error> {
        let (mut stream, _) =
            Stream::open(Box::new(Cursor::new(bytes)), limit).map_err(|e| read_error(e, limit))?;
        stream.read_document()
    }

    #[test]
    fn gzip_members_are_all_read() {
        let mut two = gzip(b"first ");
        two.extend(gzip(b"second"));
        assert_eq!(read_all(two, 100).unwrap(), b"first second");
    }

    #[test]
    fn bzip2_is_read() {
        let mut enc = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
        enc.write_all(b"bz text").unwrap();
        let bytes = enc.finish().unwrap();
        assert_eq!(compression(&bytes), Some("bzip2"));
        assert_eq!(read_all(bytes, 100).unwrap(), b"bz text");
        assert_eq!(compression(b"BZh9 is how the word starts"), None);
    }

    #[test]
    fn the_limit_bounds_a_document_and_names_itself() {
        let err = read_all(gzip(&[b'a'; 10_000]), 1000).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::TooLarge { limit: 1000 }),
            "{err}"
        );
        assert_eq!(read_all(gzip(&[b'a'; 1000]), 1000).unwrap().len(), 1000);
    }

    #[test]
    fn corrupt_data_is_an_error_not_a_panic() {
        let mut bytes = gzip(&[b'x'; 5000]);
        let n = bytes.len();
        bytes[n / 2] ^= 0xff;
        bytes.truncate(n - 4);
        let err = read_all(bytes, 1 << 20).unwrap_err();
        assert!(err.to_string().contains("corrupt gzip data"), "{err}");
    }
}
