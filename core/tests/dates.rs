//! Data-driven date normalization cases from `tests/data/dates/*.toml`: a sentence, a
//! reference date, and every expression expected in it (text, and any of type, value, mod,
//! interval, range, quant, freq), optionally the genre to read it in (`genre`) or the one it
//! must be read in (`read_as`). Unless a case says `partial = true`, the expected list is
//! complete: an expression found that is not listed fails the case, so the non-date cases
//! (`expect = []`) test precision.

use std::path::Path;

use copydesk::dates::{self, Timex};
use copydesk::text::Span;
use jiff::civil::Date;
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    /// The publication date; absent for cases without one.
    reference: Option<String>,
    expect: Vec<Expect>,
    #[serde(default)]
    partial: bool,
    /// The genre to read the text in (`news`, `narrative`); absent: the one its evidence
    /// points to.
    genre: Option<String>,
    /// The genre the text must be read in (the detected one, when `genre` is absent).
    read_as: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    text: String,
    #[serde(rename = "type")]
    kind: Option<String>,
    value: Option<String>,
    #[serde(rename = "mod")]
    modifier: Option<String>,
    /// `["2018-05-21", "2018-06-01"]`, or `[]` for no interval.
    interval: Option<Vec<String>>,
    /// The text of the range the expression is part of, or `""` for none.
    range: Option<String>,
    /// The range's interval.
    range_interval: Option<Vec<String>>,
    quant: Option<String>,
    freq: Option<String>,
}

fn interval_strings(i: Option<dates::Interval>) -> Vec<String> {
    i.map(|i| vec![i.start.to_string(), i.end.to_string()])
        .unwrap_or_default()
}

fn describe(t: &Timex, text: &str) -> String {
    format!(
        "{:?} {} {} mod={:?} interval={:?} range={:?}",
        t.text(text),
        t.kind.as_str(),
        t.value,
        t.modifier.map(|m| m.as_str()),
        interval_strings(t.interval),
        t.range.as_ref().map(|r| r.span.slice(text))
    )
}

fn mismatch(t: &Timex, e: &Expect, text: &str) -> Option<String> {
    let mut wrong = Vec::new();
    if t.text(text) != e.text {
        wrong.push("text");
    }
    if e.kind.as_deref().is_some_and(|k| k != t.kind.as_str()) {
        wrong.push("type");
    }
    if e.value.as_deref().is_some_and(|v| v != t.value) {
        wrong.push("value");
    }
    if let Some(m) = &e.modifier {
        let got = t.modifier.map(|m| m.as_str()).unwrap_or("");
        if got != m {
            wrong.push("mod");
        }
    }
    if let Some(i) = &e.interval
        && *i != interval_strings(t.interval)
    {
        wrong.push("interval");
    }
    if let Some(r) = &e.range
        && t.range.as_ref().map_or("", |r| r.span.slice(text)) != r.as_str()
    {
        wrong.push("range");
    }
    if let Some(i) = &e.range_interval
        && *i != interval_strings(t.range.as_ref().and_then(|r| r.interval))
    {
        wrong.push("range_interval");
    }
    if e.quant.is_some() && e.quant != t.quant {
        wrong.push("quant");
    }
    if e.freq.is_some() && e.freq != t.freq {
        wrong.push("freq");
    }
    (!wrong.is_empty()).then(|| format!("{} wrong in {}", wrong.join(", "), describe(t, text)))
}

fn check_case(case: &Case) -> Result<(), String> {
    let reference: Option<Date> = match &case.reference {
        Some(r) => Some(r.parse().map_err(|e| format!("bad reference {r:?}: {e}"))?),
        None => None,
    };
    let genre = match &case.genre {
        Some(g) => Some(g.parse().map_err(|e| format!("bad genre {g:?}: {e}"))?),
        None => None,
    };
    let reading = dates::read(&case.text, reference, genre);
    if let Some(want) = &case.read_as
        && reading.genre.as_str() != want
    {
        return Err(format!("read as {}, not {want}", reading.genre));
    }
    let found = reading.timexes;
    for t in &found {
        // Every span lies on char boundaries of the text.
        if Span::get(&t.span, &case.text).is_none() {
            return Err(format!("span {:?} does not fit the text", t.span));
        }
    }
    let got: Vec<String> = found.iter().map(|t| describe(t, &case.text)).collect();
    if case.partial {
        // Each expected expression is found, in order.
        let mut rest = found.iter();
        for e in &case.expect {
            let hit = rest.find(|t| t.text(&case.text) == e.text);
            match hit {
                None => return Err(format!("{:?} not found; got {got:#?}", e.text)),
                Some(t) => {
                    if let Some(m) = mismatch(t, e, &case.text) {
                        return Err(m);
                    }
                }
            }
        }
        return Ok(());
    }
    if found.len() != case.expect.len() {
        return Err(format!(
            "expected {} expressions ({:?}), got {got:#?}",
            case.expect.len(),
            case.expect
                .iter()
                .map(|e| e.text.as_str())
                .collect::<Vec<_>>()
        ));
    }
    for (t, e) in found.iter().zip(&case.expect) {
        if let Some(m) = mismatch(t, e, &case.text) {
            return Err(m);
        }
    }
    Ok(())
}

#[test]
fn date_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dates");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 6,
        "the case files are missing from {}",
        dir.display()
    );
    let mut total = 0;
    let mut failures = Vec::new();
    for file in &files {
        let cases: Cases = toml::from_str(&std::fs::read_to_string(file).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for case in &cases.case {
            total += 1;
            if let Err(why) = check_case(case) {
                let name = file.file_name().unwrap().to_string_lossy();
                failures.push(format!(
                    "{name}: {:?}\n  {:?}\n  {why}",
                    case.name, case.text
                ));
            }
        }
    }
    assert!(total >= 150, "only {total} cases");
    assert!(
        failures.is_empty(),
        "{} of {total} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
