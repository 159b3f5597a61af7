//! `parquet`: Apache Parquet tables (HuggingFace datasets, CC-NEWS dumps), one article a
//! row, the columns named as a JSON record's fields are. A file is read a row group at a
//! time; a compressed Parquet file or one from standard input is read into memory first
//! (under the size limit). Needs the `parquet` cargo feature (on by default).

use super::compress::Stream;
use super::format::{Format, Origin, Ready, Records};

pub(crate) struct Parquet;
pub(crate) static PARQUET: Parquet = Parquet;

impl Format for Parquet {
    fn name(&self) -> &'static str {
        "parquet"
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["parquet", "pq"]
    }
    fn sniff(&self, head: &[u8]) -> bool {
        head.starts_with(b"PAR1")
    }
    fn open(&self, stream: Stream, origin: &Origin<'_>) -> Box<dyn Records> {
        imp::open(stream, origin)
    }
}

#[cfg(not(feature = "parquet"))]
mod imp {
    use super::*;
    use crate::error::{Error, ErrorKind};

    pub(super) fn open(_: Stream, origin: &Origin<'_>) -> Box<dyn Records> {
        Ready::boxed(vec![Err(Error::new(ErrorKind::InvalidArgument(
            "this copydesk was built without Parquet support; build it with the `parquet` feature"
                .into(),
        ))
        .with_path(origin.name))])
    }
}

#[cfg(feature = "parquet")]
mod imp {
    use super::*;
    use crate::article::Document;
    use crate::corpus::format::Tally;
    use crate::corpus::{ReadOptions, json, record};
    use crate::error::{Error, ErrorKind, Result};
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::{Field, reader::RowIter};
    use serde_json::{Map, Value};

    /// Runs one call into the parquet crate, which is known to panic on some malformed
    /// files instead of returning an error: a panic becomes the same error as a bad file.
    fn guarded<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|_| {
            Err(Error::new(ErrorKind::Malformed(
                "not a readable Parquet file (its reader failed on it)".into(),
            )))
        })
    }

    fn error(e: parquet::errors::ParquetError) -> Error {
        Error::new(ErrorKind::Malformed(format!(
            "not a readable Parquet file ({e})"
        )))
    }

    pub(super) fn open(mut stream: Stream, origin: &Origin<'_>) -> Box<dyn Records> {
        let reader: Result<Box<dyn FileReader>> = match origin.path {
            Some(path) if stream.compression.is_none() => std::fs::File::open(path)
                .map_err(Error::from)
                .and_then(|f| guarded(|| SerializedFileReader::new(f).map_err(error)))
                .map(|r| Box::new(r) as Box<dyn FileReader>),
            _ => stream.read_document().and_then(|bytes| {
                guarded(|| {
                    SerializedFileReader::new(bytes::Bytes::from(bytes))
                        .map_err(error)
                        .map(|r| Box::new(r) as Box<dyn FileReader>)
                })
            }),
        };
        match reader {
            Err(e) => Ready::boxed(vec![Err(e.with_path(origin.name))]),
            Ok(reader) => Box::new(ParquetRows {
                rows: RowIter::from_file_into(reader),
                name: origin.name.to_owned(),
                stem: origin.stem.to_owned(),
                opts: origin.opts.clone(),
                limit: stream.limit(),
                row: 0,
                done: false,
            }),
        }
    }

    struct ParquetRows {
        rows: RowIter<'static>,
        name: String,
        stem: String,
        opts: ReadOptions,
        limit: u64,
        row: u64,
        done: bool,
    }

    /// A cell as a JSON value: strings, numbers, booleans, dates and timestamps (as ISO
    /// 8601); anything nested is left out.
    fn cell(field: &Field) -> Value {
        match field {
            Field::Str(s) => Value::String(s.clone()),
            Field::Bytes(b) => Value::String(String::from_utf8_lossy(b.data()).into_owned()),
            Field::Bool(b) => Value::Bool(*b),
            Field::Byte(n) => Value::from(*n),
            Field::Short(n) => Value::from(*n),
            Field::Int(n) => Value::from(*n),
            Field::Long(n) => Value::from(*n),
            Field::UByte(n) => Value::from(*n),
            Field::UShort(n) => Value::from(*n),
            Field::UInt(n) => Value::from(*n),
            Field::ULong(n) => Value::from(*n),
            Field::Date(days) => jiff::civil::Date::new(1970, 1, 1)
                .ok()
                .and_then(|d| d.checked_add(jiff::Span::new().days(i64::from(*days))).ok())
                .map_or(Value::Null, |d| Value::String(d.to_string())),
            Field::TimestampMillis(ms) => jiff::Timestamp::from_millisecond(*ms)
                .map_or(Value::Null, |t| Value::String(t.to_string())),
            Field::TimestampMicros(us) => jiff::Timestamp::from_microsecond(*us)
                .map_or(Value::Null, |t| Value::String(t.to_string())),
            _ => Value::Null,
        }
    }

    impl Records for ParquetRows {
        fn next_record(&mut self, _: &mut Tally) -> Option<Result<Document>> {
            if self.done {
                return None;
            }
            let rows = &mut self.rows;
            let next = guarded(|| Ok(rows.next().map(|r| r.map_err(error))));
            let row = match next {
                Ok(None) => return None,
                Ok(Some(Ok(row))) => row,
                Ok(Some(Err(e))) | Err(e) => {
                    self.done = true;
                    return Some(Err(e.with_path(&self.name)));
                }
            };
            self.row += 1;
            let n = self.row;
            let place = format!("{}#{n}", self.name);
            let mut record = Map::new();
            let mut size = 0u64;
            for (column, field) in row.get_column_iter() {
                let value = cell(field);
                if let Value::String(s) = &value {
                    size += s.len() as u64;
                }
                record.insert(column.clone(), value);
            }
            if size > self.limit {
                return Some(Err(
                    Error::new(ErrorKind::TooLarge { limit: self.limit }).with_path(&place)
                ));
            }
            Some(
                record::document(
                    Value::Object(record),
                    format!("{}:{n}", self.stem),
                    place.clone(),
                    &self.opts,
                )
                .map(|d| json::located(d, &place))
                .map_err(|e| e.with_path(&place)),
            )
        }
    }
}
