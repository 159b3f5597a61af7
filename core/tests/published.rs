//! Publication dates: the cases in `data/article/published.toml`.

use copydesk::article::Published;
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    ok: Vec<Ok>,
    bad: Vec<Bad>,
}

#[derive(Deserialize)]
struct Ok {
    input: String,
    expected: String,
}

#[derive(Deserialize)]
struct Bad {
    input: String,
    why: String,
}

fn cases() -> Cases {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/article/published.toml"
    );
    let text = std::fs::read_to_string(path).expect("read published.toml");
    toml::from_str(&text).expect("parse published.toml")
}

#[test]
fn published_cases() {
    let cases = cases();
    let mut failures = Vec::new();
    for case in &cases.ok {
        match Published::parse(&case.input) {
            Ok(p) if p.to_string() == case.expected => {}
            Ok(p) => failures.push(format!(
                "{:?}: got {p}, expected {}",
                case.input, case.expected
            )),
            Err(e) => failures.push(format!("{:?}: {e}", case.input)),
        }
    }
    for case in &cases.bad {
        match Published::parse(&case.input) {
            Ok(p) => failures.push(format!("{:?}: read as {p}, should be refused", case.input)),
            Err(e) => {
                let message = e.to_string();
                let names = message.contains(&format!("{:?}", case.input))
                    || message.contains(case.input.trim());
                // The advice on how to write a date is given once, not twice.
                let advice = message.matches("ISO 8601").count();
                if !names || !message.contains(&case.why) || advice != 1 {
                    failures.push(format!(
                        "{:?}: message should name the value, say {:?} and advise once: {message}",
                        case.input, case.why
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.ok.len() + cases.bad.len(),
        failures.join("\n")
    );
}
