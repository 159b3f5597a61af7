//! The conventions every subcommand keeps: `--help` with worked examples that run,
//! `--version`, exit codes 0/1/2, a closed pipe ending the run quietly, and publication dates
//! at the ends of the calendar.

mod support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use support::root;

const SUBCOMMANDS: &[&str] = &["parse", "dedupe", "dates", "quotes"];

fn copydesk(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const TIMEML: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" temporalFunction="false" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>
Bombs exploded <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>, two years after the deal.
</TEXT>
</TimeML>
"#;

/// A scratch directory with what the help examples name: seeds/, corpus/, article.txt and
/// doc.tml.
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["seeds", "corpus"] {
        std::os::unix::fs::symlink(root().join("seeds"), dir.path().join(name)).unwrap();
    }
    std::fs::copy(
        root().join("seeds/002_8be8dda068bed6f5.txt"),
        dir.path().join("article.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("doc.tml"), TIMEML).unwrap();
    dir
}

/// The command lines of a help text's "Examples:" section, comments left out.
fn examples(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| !l.starts_with("Examples:"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .map(|l| l.split(" #").next().unwrap_or_default().trim().to_owned())
        .filter(|l| l.starts_with("copydesk "))
        .collect()
}

#[test]
fn every_subcommand_has_help_with_examples_that_run() {
    let dir = scratch();
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_copydesk")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for sub in SUBCOMMANDS {
        let out = copydesk(dir.path(), &[sub, "--help"]);
        assert_eq!(out.status.code(), Some(0));
        let help = String::from_utf8(out.stdout).unwrap();
        assert!(help.contains("Usage: copydesk"), "{help}");
        assert!(
            help.contains("--format <FORMAT>"),
            "{sub} has no --format: {help}"
        );
        let lines = examples(&help);
        assert!(lines.len() >= 2, "{sub} --help has no worked examples");
        for line in lines {
            assert!(line.starts_with(&format!("copydesk {sub} ")), "{line}");
            let out = Command::new("bash")
                .args(["-c", &format!("set -o pipefail; {line} > /dev/null")])
                .env("PATH", &path)
                .current_dir(dir.path())
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "`{sub} --help` example failed: {line}\n{}",
                stderr(&out)
            );
        }
    }
}

#[test]
fn version_names_the_program_and_its_version() {
    let out = copydesk(&root(), &["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("copydesk {}\n", env!("CARGO_PKG_VERSION"))
    );
    // -h and -V work as well.
    assert_eq!(copydesk(&root(), &["-V"]).status.code(), Some(0));
    assert_eq!(copydesk(&root(), &["-h"]).status.code(), Some(0));
}

#[test]
fn exit_codes_are_0_ok_1_error_2_usage() {
    let root = root();
    for sub in SUBCOMMANDS {
        let ok = copydesk(&root, &[sub, "seeds/", "--quiet"]);
        assert_eq!(ok.status.code(), Some(0), "{sub}: {}", stderr(&ok));
        assert!(stderr(&ok).is_empty());

        let error = copydesk(&root, &[sub, "seeds/", "no/such/file.txt"]);
        assert_eq!(error.status.code(), Some(1), "{sub}");
        assert!(
            stderr(&error).contains("no/such/file.txt: no such file or directory"),
            "{sub}: {}",
            stderr(&error)
        );
        assert!(!error.stdout.is_empty(), "{sub}: the rest still ran");

        for usage in [
            &[sub, "seeds/", "--format", "nope"][..],
            &[sub, "seeds/", "--no-such-flag"],
            &[sub],
            &[sub, "seeds/", "--jobs", "many"],
        ] {
            let out = copydesk(&root, usage);
            assert_eq!(out.status.code(), Some(2), "{usage:?}: {}", stderr(&out));
            assert!(out.stdout.is_empty(), "{usage:?}");
            assert!(!stderr(&out).contains("panicked"), "{usage:?}");
        }
    }
    assert_eq!(copydesk(&root, &[]).status.code(), Some(2));
    assert_eq!(copydesk(&root, &["frobnicate"]).status.code(), Some(2));
    // Combinations clap cannot check are usage errors too.
    for usage in [
        &["dedupe", "seeds/", "--threshold", "0"][..],
        &["dedupe", "seeds/", "--threshold", "1.5"],
        &["dates", "seeds/", "--output-dir", "x"],
        &["parse", "seeds/", "--format", "csv", "--sentences"],
    ] {
        let out = copydesk(&root, usage);
        assert_eq!(out.status.code(), Some(2), "{usage:?}: {}", stderr(&out));
        assert!(stderr(&out).starts_with("copydesk: "), "{usage:?}");
    }
}

/// Forty copies of the seeds, so that every output below is far larger than a pipe's buffer
/// (64 KiB), and the pipe is closed while the command still writes.
fn big_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let manifest = std::fs::read_to_string(root().join("seeds/manifest.jsonl")).unwrap();
    for copy in 0..40 {
        let sub = dir.path().join(format!("copy{copy:02}"));
        std::fs::create_dir(&sub).unwrap();
        for entry in std::fs::read_dir(root().join("seeds")).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, sub.join(path.file_name().unwrap())).unwrap();
        }
        std::fs::write(sub.join("manifest.jsonl"), &manifest).unwrap();
    }
    dir
}

#[test]
fn a_closed_pipe_ends_every_subcommand_quietly() {
    let corpus = big_corpus();
    let runs: &[&[&str]] = &[
        &["parse", ".", "--format", "jsonl"],
        &["parse", ".", "--format", "json"],
        &["parse", ".", "--format", "table"],
        &["parse", ".", "--format", "csv"],
        &["parse", ".", "--format", "text"],
        &["dedupe", ".", "--format", "jsonl"],
        &["dedupe", ".", "--format", "json"],
        // (A table of clusters is too short to fill a pipe: pairs fill it.)
        &["dedupe", ".", "--output", "pairs", "--format", "table"],
        &["dedupe", ".", "--format", "csv"],
        &["dedupe", ".", "--output", "pairs"],
        &["dedupe", ".", "--output", "clean"],
        &["dates", ".", "--format", "jsonl"],
        &["dates", ".", "--format", "json"],
        &["dates", ".", "--format", "table"],
        &["dates", ".", "--format", "csv"],
    ];
    for args in runs {
        // As `copydesk ... | head -1`: read one line, then close the pipe.
        let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .args(*args)
            .current_dir(corpus.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty(), "{args:?}: no output");
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            !err.contains("panicked") && !err.to_lowercase().contains("broken pipe"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn a_closed_pipe_through_head_in_a_shell() {
    let bin = env!("CARGO_BIN_EXE_copydesk");
    let corpus = big_corpus();
    for sub in SUBCOMMANDS {
        let out = Command::new("bash")
            .args([
                "-c",
                &format!("set -o pipefail; {bin} {sub} . | head -1 > /dev/null"),
            ])
            .current_dir(corpus.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{sub}: {}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"), "{sub}");
    }
}

#[test]
fn publication_dates_at_the_ends_of_the_calendar() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "It happened on Friday, last year, next year, in week 53, on Feb 29 and 3 days later.",
    )
    .unwrap();
    // Not dates at all, or outside the calendar copydesk resolves against: a usage error that
    // names the value, for every subcommand (they share the option).
    for value in [
        "0000-01-01",
        "2018-02-30",
        "2018-02-29",
        "yesterday",
        "10000-01-01",
        "",
    ] {
        for sub in SUBCOMMANDS {
            let out = copydesk(dir.path(), &[sub, "a.txt", "--published", value]);
            assert_eq!(out.status.code(), Some(2), "{sub} --published {value:?}");
            let err = stderr(&out);
            assert!(err.contains(&format!("{value:?}")), "{err}");
            assert!(!err.contains("panicked"), "{err}");
        }
    }
    // The far end is a documented result: what reaches past 9999-12-31 keeps its TIMEX3
    // value and has no interval.
    let out = copydesk(
        dir.path(),
        &["dates", "a.txt", "--published", "9999-12-31", "-f", "jsonl"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let found: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let next_year = found.iter().find(|t| t["text"] == "next year").unwrap();
    assert_eq!(next_year["value"], "10000");
    assert!(next_year["interval"].is_null());
    let friday = found.iter().find(|t| t["text"] == "Friday").unwrap();
    assert!(friday["value"].as_str().unwrap().starts_with("9999-12-"));
    // Year 1 resolves into year 0 without a panic.
    let out = copydesk(dir.path(), &["dates", "a.txt", "--published", "0001-01-01"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_publication_date_in_a_record_at_the_edges_never_panics() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("r.jsonl"),
        concat!(
            "{\"id\": \"y0\", \"text\": \"On Friday and next year.\", \"published\": \"0000-01-01\"}\n",
            "{\"id\": \"y9\", \"text\": \"On Friday and next year.\", \"published\": \"9999-12-31\"}\n",
            "{\"id\": \"bad\", \"text\": \"On Friday.\", \"published\": \"yesterday\"}\n",
            "{\"id\": \"num\", \"text\": \"On Friday.\", \"published\": 20180417}\n",
            "{\"id\": \"big\", \"text\": \"On Friday.\", \"published\": 1e400}\n",
        ),
    )
    .unwrap();
    for sub in SUBCOMMANDS {
        let out = copydesk(dir.path(), &[sub, "r.jsonl"]);
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{sub}: {err}");
        assert!(matches!(out.status.code(), Some(0 | 1)), "{sub}: {err}");
    }
}

#[test]
fn a_terminal_gets_a_table_from_dedupe_and_dates() {
    // `script` gives the command a pseudo-terminal, as a person's shell would.
    let bin = env!("CARGO_BIN_EXE_copydesk");
    for (sub, header) in [
        ("dedupe", "cluster  size  articles  outlets"),
        ("dates", "article                    start     end  type"),
    ] {
        let Ok(out) = Command::new("script")
            .args(["-qec", &format!("{bin} {sub} seeds/ --quiet"), "/dev/null"])
            .current_dir(root())
            .output()
        else {
            eprintln!("no `script` here: the terminal default is untested on this machine");
            return;
        };
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.trim_start().starts_with(header), "{sub}: {text}");
    }
}
