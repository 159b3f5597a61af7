//! TimeML in and out.
//!
//! [`read`] takes a TimeML document: its creation time (the `TIMEX3` with
//! `functionInDocument="CREATION_TIME"`) is the reference date, and its `TEXT` element,
//! with any `TIMEX3`, `EVENT` and `SIGNAL` tags removed, is the text. [`write()`] prints the
//! document back with the expressions found as `TIMEX3` tags inline in `TEXT`, the text
//! character for character unchanged. Elements after `TEXT` that point at the removed tags
//! (`MAKEINSTANCE`, `TLINK`, `SLINK`, `ALINK`) are left out; everything else is kept.
//!
//! ```
//! use copydesk::dates::{self, timeml};
//!
//! let doc = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
//! <TEXT>Bombs <EVENT eid="e1">exploded</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>.</TEXT></TimeML>"#;
//! let parsed = timeml::read(doc)?;
//! assert_eq!(parsed.text(), "Bombs exploded Friday.");
//! assert_eq!(parsed.reference().map(|d| d.to_string()), Some("1998-08-07".into()));
//! let found = dates::find(parsed.text(), parsed.reference());
//! let out = timeml::write(&parsed, &found);
//! assert!(out.contains(r#"<TEXT>Bombs exploded <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>.</TEXT>"#));
//! # Ok::<(), copydesk::Error>(())
//! ```

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::Timex;
use crate::article::Published;
use crate::error::{Error, ErrorKind, Result};

/// A TimeML document read for annotation.
#[derive(Clone, Debug)]
pub struct TimemlDocument {
    /// Everything before the text (through `<TEXT>`).
    head: String,
    /// The text, tags removed.
    text: String,
    /// Everything from `</TEXT>` on, link and instance elements removed.
    tail: String,
    reference: Option<Date>,
    /// The number after `t` of the creation time's `tid`, so new ids do not collide.
    first_tid: u64,
}

impl TimemlDocument {
    /// The text of the `TEXT` element without tags.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The document creation time's date, when the document has one.
    pub fn reference(&self) -> Option<Date> {
        self.reference
    }
}

fn invalid(reason: &str) -> Error {
    Error::new(ErrorKind::InvalidArgument(format!(
        "not a TimeML document: {reason}; give a .tml file with a <TEXT> element"
    )))
}

/// The value of attribute `name` in the tag `tag` (`<TIMEX3 a="b" ...>`).
///
/// Slicing here is safe: every index comes from `find` on the same string or steps over an
/// ASCII character (`=`, a quote) just found there, so it lies on a char boundary.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(pos) = rest.find(name) {
        let before_ok = pos == 0 || rest[..pos].ends_with(|c: char| c.is_whitespace());
        let after = &rest[pos + name.len()..];
        let after_trim = after.trim_start();
        if before_ok && after_trim.starts_with('=') {
            let v = after_trim[1..].trim_start();
            let quote = v.chars().next()?;
            if quote == '"' || quote == '\'' {
                let body = &v[1..];
                let end = body.find(quote)?;
                return Some(&body[..end]);
            }
            return None;
        }
        rest = &rest[pos + name.len()..];
    }
    None
}

/// Reads a TimeML document.
///
/// (Slices below use positions returned by `find` on the same string, plus the lengths of
/// the ASCII needles found, so they lie on char boundaries.)
pub fn read(xml: &str) -> Result<TimemlDocument> {
    let open = xml
        .find("<TEXT>")
        .ok_or_else(|| invalid("no <TEXT> element"))?;
    let body_start = open + "<TEXT>".len();
    let close_rel = xml[body_start..]
        .find("</TEXT>")
        .ok_or_else(|| invalid("no </TEXT>"))?;
    let body_end = body_start + close_rel;
    let head = &xml[..body_start];
    let body = &xml[body_start..body_end];
    let tail = &xml[body_end..];

    // The creation time.
    let mut reference = None;
    let mut first_tid = 1;
    let mut rest = xml;
    while let Some(pos) = rest.find("<TIMEX3") {
        let tag_end = rest[pos..]
            .find('>')
            .map(|e| pos + e)
            .ok_or_else(|| invalid("an unclosed TIMEX3 tag"))?;
        let tag = &rest[pos..=tag_end];
        if attr(tag, "functionInDocument") == Some("CREATION_TIME") {
            if let Some(v) = attr(tag, "value") {
                let day = v.get(..10).unwrap_or(v);
                reference = Published::parse(day).ok().map(|p| p.date());
            }
            if let Some(n) =
                attr(tag, "tid").and_then(|t| t.trim_start_matches('t').parse::<u64>().ok())
            {
                first_tid = first_tid.max(n + 1);
            }
            break;
        }
        rest = &rest[tag_end + 1..];
    }

    Ok(TimemlDocument {
        head: head.to_owned(),
        text: strip_tags(body, &["TIMEX3", "EVENT", "SIGNAL"]),
        tail: drop_elements(tail, &["MAKEINSTANCE", "TLINK", "SLINK", "ALINK"]),
        reference,
        first_tid,
    })
}

/// `text` without the opening and closing tags named in `names` (their content is kept).
fn strip_tags(text: &str, names: &[&str]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find('<') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        let name_part = after.strip_prefix('/').unwrap_or(after);
        let is_ours = names.iter().any(|n| {
            name_part.starts_with(n)
                && name_part[n.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c == '>' || c == '/' || c.is_whitespace())
        });
        match (is_ours, after.find('>')) {
            (true, Some(end)) => rest = &after[end + 1..],
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `text` without the (empty or self-closing) elements named in `names`, and without the
/// line breaks they leave behind.
fn drop_elements(text: &str, names: &[&str]) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        let named = names.iter().any(|n| {
            t.strip_prefix('<').is_some_and(|r| {
                r.starts_with(n)
                    && r[n.len()..].starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/')
            })
        });
        if named && t.trim_end().ends_with('>') {
            continue;
        }
        out.push_str(line);
    }
    out
}

fn escape_attr(v: &str) -> String {
    v.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// The document with `found` (expressions found in [`TimemlDocument::text`], in text order
/// and not overlapping) as `TIMEX3` tags in its text.
pub fn write(doc: &TimemlDocument, found: &[Timex]) -> String {
    let text = &doc.text;
    let mut out = String::with_capacity(doc.head.len() + text.len() * 2 + doc.tail.len());
    out.push_str(&doc.head);
    let mut at = 0;
    let mut tid = doc.first_tid;
    for t in found {
        let (s, e) = (t.span.start, t.span.end);
        if s < at
            || e > text.len()
            || s >= e
            || !text.is_char_boundary(s)
            || !text.is_char_boundary(e)
        {
            continue;
        }
        out.push_str(&text[at..s]);
        out.push_str(&format!(
            "<TIMEX3 tid=\"t{tid}\" type=\"{}\" value=\"{}\"",
            t.kind.as_str(),
            escape_attr(&t.value)
        ));
        if let Some(m) = t.modifier {
            out.push_str(&format!(" mod=\"{}\"", m.as_str()));
        }
        if let Some(q) = &t.quant {
            out.push_str(&format!(" quant=\"{}\"", escape_attr(q)));
        }
        if let Some(f) = &t.freq {
            out.push_str(&format!(" freq=\"{}\"", escape_attr(f)));
        }
        out.push('>');
        out.push_str(&text[s..e]);
        out.push_str("</TIMEX3>");
        at = e;
        tid += 1;
    }
    out.push_str(&text[at..]);
    out.push_str(&doc.tail);
    out
}

/// Annotates one TimeML document: reads it, finds the expressions of its text against its
/// creation time, and writes it back with them.
pub fn annotate(xml: &str) -> Result<String> {
    annotate_as(xml, None)
}

/// [`annotate`] in `genre`, or in the genre the document's evidence points to when `None`
/// (see [`super::Genre`]).
pub fn annotate_as(xml: &str, genre: Option<super::Genre>) -> Result<String> {
    let doc = read(xml)?;
    let found = super::read(doc.text(), doc.reference(), genre).timexes;
    Ok(write(&doc, &found))
}

/// The TimeML files named by `paths`: a file is itself, a directory every `.tml` file below
/// it (recursively, sorted by name). A path that cannot be read is an `Err` in its place.
pub fn files<P: AsRef<Path>>(paths: &[P]) -> Vec<Result<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        let path = path.as_ref();
        match std::fs::metadata(path) {
            Err(err) => out.push(Err(Error::from(err).with_path(path))),
            Ok(meta) if meta.is_dir() => {
                for entry in walkdir::WalkDir::new(path)
                    .follow_links(true)
                    .sort_by_file_name()
                {
                    match entry {
                        Err(err) => {
                            let p = err.path().unwrap_or(path).to_path_buf();
                            let io = err
                                .into_io_error()
                                .unwrap_or_else(|| std::io::Error::other("symbolic link loop"));
                            out.push(Err(Error::from(io).with_path(p)));
                        }
                        Ok(e) => {
                            let tml = e
                                .path()
                                .extension()
                                .is_some_and(|x| x.eq_ignore_ascii_case("tml"));
                            if e.file_type().is_file() && tml {
                                out.push(Ok(e.path().to_path_buf()));
                            }
                        }
                    }
                }
            }
            Ok(_) => out.push(Ok(path.to_path_buf())),
        }
    }
    out
}

/// Annotates many TimeML files in parallel (on the current rayon pool), in order, in
/// `genre` or each in its own ([`annotate_as`]); each result is the annotated document or
/// the error, naming the file.
pub fn annotate_files(paths: &[PathBuf], genre: Option<super::Genre>) -> Vec<Result<String>> {
    use rayon::prelude::*;
    paths
        .par_iter()
        .map(|p| {
            let bytes = std::fs::read(p).map_err(|e| Error::from(e).with_path(p))?;
            let xml = String::from_utf8(bytes).map_err(|e| {
                Error::new(ErrorKind::InvalidUtf8 {
                    offset: e.utf8_error().valid_up_to(),
                })
                .with_path(p)
            })?;
            annotate_as(&xml, genre).map_err(|e| e.with_path(p))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_only_the_named_tags() {
        assert_eq!(
            strip_tags(
                "a <EVENT eid=\"e1\">b</EVENT> <B>c</B> <SIGNAL sid=\"s1\">in</SIGNAL>",
                &["EVENT", "SIGNAL"]
            ),
            "a b <B>c</B> in"
        );
        assert_eq!(
            strip_tags("x < y <EVENTUAL>", &["EVENT"]),
            "x < y <EVENTUAL>"
        );
    }

    #[test]
    fn reads_attributes() {
        let tag = r#"<TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">"#;
        assert_eq!(attr(tag, "value"), Some("1998-08-07"));
        assert_eq!(attr(tag, "type"), Some("DATE"));
        assert_eq!(attr(tag, "tid"), Some("t0"));
    }

    #[test]
    fn refuses_what_is_not_timeml() {
        assert!(read("<html>no text</html>").is_err());
        assert!(read("<TEXT>unclosed").is_err());
    }
}
