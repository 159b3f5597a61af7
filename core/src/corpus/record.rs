//! JSON records from scrapers (news-please, trafilatura, GDELT-style exports) into
//! documents, by the field names those tools use.

use serde_json::{Map, Value};

use super::ReadOptions;
use crate::article::{Document, Metadata, Published};
use crate::error::{Error, ErrorKind, Result};

/// Fields that hold the article's text, in order of preference.
pub const TEXT_FIELDS: &[&str] = &[
    "text",
    "body",
    "content",
    "maintext",
    "article",
    "article_text",
    "full_text",
    "fulltext",
];
/// Fields that hold a page's markup, in order of preference: a record with one of them is
/// read as a web page, even when it also has text, unless a text field is named.
pub const HTML_FIELDS: &[&str] = &["html", "raw_html", "content_html", "body_html"];
/// Fields that hold a record's identifier.
pub const ID_FIELDS: &[&str] = &["id", "_id", "uuid", "guid", "doc_id", "docid"];
/// Fields that hold the publication date.
pub const PUBLISHED_FIELDS: &[&str] = &[
    "published",
    "date",
    "date_publish",
    "date_published",
    "datePublished",
    "published_at",
    "publish_date",
    "pubdate",
];
const TITLE_FIELDS: &[&str] = &["title", "headline"];
const URL_FIELDS: &[&str] = &["url", "link", "source_url"];
const OUTLET_FIELDS: &[&str] = &[
    "outlet",
    "source_domain",
    "site_name",
    "sitename",
    "publisher",
    "source",
    "domain",
];
const LANGUAGE_FIELDS: &[&str] = &["language", "lang"];

/// Builds a document from one JSON value.
///
/// `fallback_id` names the record when it has no id field; `source` says where it is.
pub(crate) fn document(
    value: Value,
    fallback_id: String,
    source: String,
    opts: &ReadOptions,
) -> Result<Document> {
    let Value::Object(mut record) = value else {
        return Err(Error::new(ErrorKind::Json(format!(
            "expected an object, found {}",
            type_name(&value)
        ))));
    };
    let (text, html) = take_text(&mut record, opts)?;
    let id_fields: Vec<&str> = match &opts.id_field {
        Some(field) => vec![field.as_str()],
        None => ID_FIELDS.to_vec(),
    };
    let url = string_field(&mut record, URL_FIELDS)?;
    let id = scalar_field(&mut record, &id_fields)?
        .or_else(|| url.clone())
        .unwrap_or(fallback_id);
    let meta = Metadata {
        url,
        outlet: string_field(&mut record, OUTLET_FIELDS)?,
        language: string_field(&mut record, LANGUAGE_FIELDS)?,
        title: string_field(&mut record, TITLE_FIELDS)?,
    };
    let mut warnings = Vec::new();
    match &html {
        Some(h) if h.trim().is_empty() => warnings.push("the record's html is empty".to_owned()),
        None if text.trim().is_empty() => warnings.push("the record's text is empty".to_owned()),
        _ => {}
    }
    let published = match string_field(&mut record, PUBLISHED_FIELDS)? {
        Some(value) => match Published::parse(&value) {
            Ok(p) => Some(p),
            Err(err) => {
                warnings.push(format!("{err}; the publication date is left unknown"));
                None
            }
        },
        None => None,
    };
    Ok(Document {
        id,
        source,
        text,
        meta,
        published,
        warnings,
        html,
        ..Document::default()
    })
}

/// The record's text, or its markup (the text then empty): a named text field wins, then a
/// named HTML field, then the first of [`HTML_FIELDS`], then the first of [`TEXT_FIELDS`].
fn take_text(
    record: &mut Map<String, Value>,
    opts: &ReadOptions,
) -> Result<(String, Option<String>)> {
    let (html_fields, text_fields): (Vec<&str>, Vec<&str>) =
        match (&opts.text_field, &opts.html_field) {
            (Some(text), _) => (vec![], vec![text.as_str()]),
            (None, Some(html)) => (vec![html.as_str()], TEXT_FIELDS.to_vec()),
            (None, None) => (HTML_FIELDS.to_vec(), TEXT_FIELDS.to_vec()),
        };
    if let Some(html) = string_field(record, &html_fields)? {
        return Ok((String::new(), Some(html)));
    }
    if let Some(text) = string_field_only(record, &text_fields)? {
        return Ok((text, None));
    }
    Err(Error::new(ErrorKind::MissingText {
        fields: html_fields
            .iter()
            .chain(&text_fields)
            .map(|f| (*f).to_owned())
            .collect(),
    }))
}

/// The first of `fields` that holds a string; `null` counts as absent, any other type is
/// an error.
fn string_field_only(record: &mut Map<String, Value>, fields: &[&str]) -> Result<Option<String>> {
    for field in fields {
        match record.remove(*field) {
            Some(Value::String(text)) => return Ok(Some(text)),
            Some(Value::Null) | None => continue,
            Some(_) => {
                return Err(Error::new(ErrorKind::FieldType {
                    field: (*field).to_owned(),
                    expected: "a string",
                }));
            }
        }
    }
    Ok(None)
}

/// The first of `fields` that holds a string; `null` counts as absent.
fn string_field(record: &mut Map<String, Value>, fields: &[&str]) -> Result<Option<String>> {
    for field in fields {
        match record.remove(*field) {
            Some(Value::String(s)) => return Ok(Some(s)),
            Some(Value::Null) | None => continue,
            // Some scrapers nest the outlet (`"source": {"name": ...}`): not ours to read.
            Some(Value::Object(_)) if OUTLET_FIELDS.contains(field) => continue,
            Some(_) => {
                return Err(Error::new(ErrorKind::FieldType {
                    field: (*field).to_owned(),
                    expected: "a string",
                }));
            }
        }
    }
    Ok(None)
}

/// Like [`string_field`], but a number is accepted and written out (ids are often numbers).
fn scalar_field(record: &mut Map<String, Value>, fields: &[&str]) -> Result<Option<String>> {
    for field in fields {
        match record.remove(*field) {
            Some(Value::String(s)) => return Ok(Some(s)),
            Some(Value::Number(n)) => return Ok(Some(n.to_string())),
            Some(Value::Null) | None => continue,
            Some(_) => {
                return Err(Error::new(ErrorKind::FieldType {
                    field: (*field).to_owned(),
                    expected: "a string or a number",
                }));
            }
        }
    }
    Ok(None)
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(value: Value) -> Result<Document> {
        document(
            value,
            "f:1".into(),
            "f.jsonl:1".into(),
            &ReadOptions::default(),
        )
    }

    #[test]
    fn reads_common_field_names() {
        let doc = read(json!({
            "url": "https://example.com/a",
            "title": "T",
            "maintext": "Body.",
            "date_publish": "2018-04-17 10:03:00",
            "source_domain": "example.com",
            "language": "en"
        }))
        .unwrap();
        assert_eq!(doc.text, "Body.");
        assert_eq!(doc.id, "https://example.com/a");
        assert_eq!(doc.meta.title.as_deref(), Some("T"));
        assert_eq!(doc.meta.outlet.as_deref(), Some("example.com"));
        assert_eq!(doc.published.unwrap().to_string(), "2018-04-17T10:03:00");
    }

    #[test]
    fn numeric_id_and_fallback_id() {
        assert_eq!(read(json!({"id": 7, "text": "x"})).unwrap().id, "7");
        assert_eq!(read(json!({"text": "x"})).unwrap().id, "f:1");
    }

    #[test]
    fn missing_or_mistyped_text_is_an_error() {
        let err = read(json!({"title": "only"})).unwrap_err();
        assert!(
            err.to_string().contains(
                "looked for the fields html, raw_html, content_html, body_html, text, body"
            )
        );
        let err = read(json!({"text": 5})).unwrap_err();
        assert!(err.to_string().contains("`text` should be a string"));
        let err = read(json!([1])).unwrap_err();
        assert!(
            err.to_string()
                .contains("expected an object, found an array")
        );
    }

    #[test]
    fn html_wins_over_text_unless_a_text_field_is_named() {
        let value = json!({"text": "Plain.", "raw_html": "<p>Marked up.</p>"});
        let doc = read(value.clone()).unwrap();
        assert_eq!(doc.html.as_deref(), Some("<p>Marked up.</p>"));
        assert_eq!(doc.text, "");
        let opts = ReadOptions {
            text_field: Some("text".into()),
            ..ReadOptions::default()
        };
        let doc = document(value, "f".into(), "f".into(), &opts).unwrap();
        assert_eq!((doc.text.as_str(), doc.html), ("Plain.", None));
        let opts = ReadOptions {
            html_field: Some("page".into()),
            ..ReadOptions::default()
        };
        let doc = document(
            json!({"page": "<p>x</p>", "html": "<p>y</p>"}),
            "f".into(),
            "f".into(),
            &opts,
        )
        .unwrap();
        assert_eq!(doc.html.as_deref(), Some("<p>x</p>"));
        let err = read(json!({"title": "only"})).unwrap_err().to_string();
        assert!(
            err.contains("html, raw_html, content_html, body_html, text, body"),
            "{err}"
        );
    }

    #[test]
    fn unreadable_date_is_a_warning_not_a_guess() {
        let doc = read(json!({"text": "x", "published": "soon"})).unwrap();
        assert!(doc.published.is_none());
        assert!(doc.warnings[0].contains("\"soon\""));
    }
}
