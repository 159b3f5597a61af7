//! `manifest.jsonl`: per-file metadata kept beside the files, one JSON object per line with
//! a `file` name and any of `id`, `published`, `outlet`, `url`, `language`, `title`.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use crate::article::{Document, Published};
use crate::error::Error;

/// The metadata a manifest gives for one file.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct Entry {
    file: String,
    id: Option<String>,
    published: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    language: Option<String>,
    title: Option<String>,
    /// Read when the manifest is loaded; `published` stays as written for messages.
    #[serde(skip)]
    date: Option<Published>,
}

impl Entry {
    /// Fills what the document does not already know from its own record. The id is
    /// taken only for a file that holds one article (`whole_file`), never for each of the
    /// records of a JSON or JSONL file.
    pub(crate) fn apply(&self, doc: &mut Document, whole_file: bool) {
        if let (Some(id), true) = (&self.id, whole_file) {
            doc.id.clone_from(id);
        }
        if doc.published.is_none() {
            doc.published = self.date;
        }
        let meta = &mut doc.meta;
        for (slot, value) in [
            (&mut meta.outlet, &self.outlet),
            (&mut meta.url, &self.url),
            (&mut meta.language, &self.language),
            (&mut meta.title, &self.title),
        ] {
            if slot.is_none() {
                slot.clone_from(value);
            }
        }
    }
}

/// The entries of one manifest, by file name.
#[derive(Clone, Debug, Default)]
pub(crate) struct Manifest {
    entries: HashMap<String, Entry>,
}

impl Manifest {
    /// Loads a manifest, returning what could be read and an error for each line that could
    /// not (a bad line loses only its own entry).
    pub(crate) fn load(path: &Path) -> (Manifest, Vec<Error>) {
        let mut manifest = Manifest::default();
        let mut errors = Vec::new();
        let text = match std::fs::read(path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(err) => return (manifest, vec![Error::from(err).with_path(path)]),
        };
        for (i, line) in text.lines().enumerate() {
            let n = i as u64 + 1;
            if line.trim().is_empty() {
                continue;
            }
            let mut entry: Entry = match serde_json::from_str(line) {
                Ok(entry) => entry,
                Err(err) => {
                    errors.push(super::json::json_error(&err).with_path(path).at_line(n));
                    continue;
                }
            };
            if let Some(value) = &entry.published {
                match Published::parse(value) {
                    Ok(date) => entry.date = Some(date),
                    Err(err) => errors.push(err.with_path(path).at_line(n)),
                }
            }
            manifest.entries.insert(entry.file.clone(), entry);
        }
        (manifest, errors)
    }

    pub(crate) fn get(&self, file: &str) -> Option<&Entry> {
        self.entries.get(file)
    }
}
