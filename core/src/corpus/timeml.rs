//! `timeml`: a TimeML document (`.tml`) as an article: the text of its `TEXT` element,
//! tags removed, dated by its creation time (see [`crate::dates::timeml`], which also
//! writes the document back with the expressions found).

use super::compress::Stream;
use super::format::{Format, Origin, Ready, Records};
use crate::article::{Document, Published};
use crate::error::{Error, ErrorKind};

pub(crate) struct Timeml;
pub(crate) static TIMEML: Timeml = Timeml;

impl Format for Timeml {
    fn name(&self) -> &'static str {
        "timeml"
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["tml", "timeml"]
    }
    fn sniff(&self, head: &[u8]) -> bool {
        let text = String::from_utf8_lossy(head);
        text.trim_start().starts_with('<') && text.contains("<TimeML")
    }
    fn whole_file(&self) -> bool {
        true
    }
    fn open(&self, mut stream: Stream, origin: &Origin<'_>) -> Box<dyn Records> {
        let item = stream
            .read_document()
            .and_then(|bytes| {
                String::from_utf8(bytes).map_err(|e| {
                    Error::new(ErrorKind::InvalidUtf8 {
                        offset: e.utf8_error().valid_up_to(),
                    })
                })
            })
            .and_then(|xml| crate::dates::timeml::read(&xml))
            .map(|doc| Document {
                id: origin.stem.to_owned(),
                source: origin.name.to_owned(),
                text: doc.text().to_owned(),
                published: doc.reference().map(Published::from),
                ..Document::default()
            })
            .map_err(|e| e.with_path(origin.name));
        Ready::boxed(vec![item])
    }
}
