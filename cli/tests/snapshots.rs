//! Snapshot tests: the built `copydesk` binary runs every subcommand in every output format,
//! on `seeds/` and on crafted inputs, and its exit code, standard output and standard error
//! (the seconds in the summary masked) must equal the files under `cli/tests/snapshots/`.
//!
//! After an intended change of output, regenerate them all with one command and review the
//! diff before committing:
//!
//! ```sh
//! UPDATE_SNAPSHOTS=1 cargo test -p copydesk-cli --test snapshots
//! ```
//!
//! (A small file comparison of our own rather than the `insta` crate: the snapshots are
//! plain files any reviewer reads in a diff, and one environment variable rewrites them;
//! nothing more is needed.)

mod support;

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use support::root;

/// Where a case runs: the repository (for `seeds/`) or the crafted corpus.
#[derive(Clone, Copy)]
enum Dir {
    Repo,
    Crafted,
}

struct Case {
    name: &'static str,
    dir: Dir,
    args: &'static [&'static str],
    stdin: Option<&'static [u8]>,
}

const fn repo(name: &'static str, args: &'static [&'static str]) -> Case {
    Case {
        name,
        dir: Dir::Repo,
        args,
        stdin: None,
    }
}

const fn crafted(name: &'static str, args: &'static [&'static str]) -> Case {
    Case {
        name,
        dir: Dir::Crafted,
        args,
        stdin: None,
    }
}

const CASES: &[Case] = &[
    // Every subcommand in every format, on the seeds.
    repo("parse_jsonl", &["parse", "seeds/", "--format", "jsonl"]),
    repo("parse_json", &["parse", "seeds/", "--format", "json"]),
    repo("parse_table", &["parse", "seeds/", "--format", "table"]),
    repo("parse_csv", &["parse", "seeds/", "--format", "csv"]),
    repo("parse_text", &["parse", "seeds/", "--format", "text"]),
    repo(
        "parse_text_sentences",
        &[
            "parse",
            "seeds/001_ade9787c78681141.txt",
            "--format",
            "text",
            "--sentences",
        ],
    ),
    repo("dedupe_jsonl", &["dedupe", "seeds/", "--format", "jsonl"]),
    repo("dedupe_json", &["dedupe", "seeds/", "--format", "json"]),
    repo("dedupe_table", &["dedupe", "seeds/", "--format", "table"]),
    repo("dedupe_csv", &["dedupe", "seeds/", "--format", "csv"]),
    repo(
        "dedupe_pairs_jsonl",
        &["dedupe", "seeds/", "--output", "pairs", "--containment"],
    ),
    repo(
        "dedupe_pairs_table",
        &["dedupe", "seeds/", "--output", "pairs", "--format", "table"],
    ),
    repo(
        "dedupe_pairs_csv",
        &[
            "dedupe",
            "seeds/",
            "--output",
            "pairs",
            "--containment",
            "--format",
            "csv",
        ],
    ),
    repo(
        "dedupe_clean_jsonl",
        &["dedupe", "seeds/", "--output", "clean"],
    ),
    repo(
        "dedupe_clean_table",
        &["dedupe", "seeds/", "--output", "clean", "--format", "table"],
    ),
    repo(
        "dedupe_clean_csv",
        &["dedupe", "seeds/", "--output", "clean", "--format", "csv"],
    ),
    repo(
        "dedupe_sentence_csv",
        &[
            "dedupe", "seeds/", "--level", "sentence", "--format", "csv",
        ],
    ),
    repo("dates_jsonl", &["dates", "seeds/", "--format", "jsonl"]),
    repo("dates_json", &["dates", "seeds/", "--format", "json"]),
    repo("dates_table", &["dates", "seeds/", "--format", "table"]),
    repo("dates_csv", &["dates", "seeds/", "--format", "csv"]),
    // Help and version.
    repo("help", &["--help"]),
    repo("help_parse", &["parse", "--help"]),
    repo("help_dedupe", &["dedupe", "--help"]),
    repo("help_dates", &["dates", "--help"]),
    // Usage errors.
    repo(
        "usage_format_dates",
        &["dates", "seeds/", "--format", "text"],
    ),
    repo(
        "usage_format_dedupe",
        &["dedupe", "seeds/", "--format", "timeml"],
    ),
    repo(
        "usage_sentences_csv",
        &["parse", "seeds/", "--format", "csv", "--sentences"],
    ),
    // Crafted inputs: what scrapers leave behind, through every subcommand.
    crafted("crafted_parse", &["parse", ".", "--format", "jsonl"]),
    crafted("crafted_parse_table", &["parse", ".", "--format", "table"]),
    crafted("crafted_parse_csv", &["parse", ".", "--format", "csv"]),
    crafted("crafted_dedupe", &["dedupe", ".", "--format", "jsonl"]),
    crafted("crafted_dedupe_csv", &["dedupe", ".", "--format", "csv"]),
    crafted(
        "crafted_dedupe_clean",
        &["dedupe", ".", "--output", "clean"],
    ),
    crafted(
        "crafted_dates",
        &[
            "dates",
            ".",
            "--published",
            "2024-02-29",
            "--format",
            "jsonl",
        ],
    ),
    crafted(
        "crafted_dates_table",
        &[
            "dates",
            ".",
            "--published",
            "2024-02-29",
            "--format",
            "table",
        ],
    ),
    crafted(
        "crafted_strict",
        &["parse", "--strict", "f_latin1.txt", "--format", "jsonl"],
    ),
    Case {
        name: "stdin_records",
        dir: Dir::Crafted,
        args: &["dates", "-", "--format", "csv"],
        stdin: Some(
            b"{\"id\": \"a\", \"text\": \"The talks began on Monday, March 5.\", \"published\": \"2018-03-07\"}\n{\"id\": \"b\", \"body\": \"Nothing dated here, \\\"quoted\\\", with, commas.\"}\n",
        ),
    },
];

/// Files as scrapers leave them: encodings, line endings, binary, broken records, scripts.
fn crafted_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repeated =
        "Officials are eyeing late May or June for the summit, the paper said on Tuesday.";
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("a_empty.txt", b"".to_vec()),
        ("b_blank.txt", b"  \n\t\n".to_vec()),
        (
            "c_bom_crlf.txt",
            format!("\u{FEFF}First line, on Monday.\r\n\r\n{repeated}\r\n").into_bytes(),
        ),
        ("d_cr.txt", b"One.\rTwo last week.\r\rThree.".to_vec()),
        ("e_image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec()),
        ("f_latin1.txt", b"caf\xE9 au lait, yesterday.".to_vec()),
        (
            "g_records.jsonl",
            format!(
                "{{\"id\": \"r1\", \"text\": \"Fine, on 3 March 2024.\"}}\n{{broken\n{{\"title\": \"no text\"}}\n{{\"text\": 5}}\n{{\"id\": \"r5\", \"text\": \"{repeated}\", \"views\": 1e400}}\n\n{{\"id\": \"r7\", \"body\": \"Last. Next year.\"}}\n"
            )
            .into_bytes(),
        ),
        ("h_utf16.txt", b"\xFF\xFEH\x00i\x00.\x00".to_vec()),
        (
            "i_scripts.txt",
            format!(
                "\u{5E9}\u{5DC}\u{5D5}\u{5DD} \u{5E2}\u{5D5}\u{5DC}\u{5DD}, \u{627}\u{644}\u{62E}\u{645}\u{64A}\u{633} 5 \u{645}\u{627}\u{631}\u{633}.\n\nzero\u{200B}width\u{200D}joiner \u{FEFF}inside, cafe\u{301} combining, e\u{301}\u{302}\u{303} stacked.\n\nEmoji \u{1F469}\u{200D}\u{1F52C} and flags \u{1F1EB}\u{1F1F7} on Friday.\n\n{repeated}\n"
            )
            .into_bytes(),
        ),
        ("j_repeats.txt", "ha".repeat(5000).into_bytes()),
    ];
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

/// The run as a snapshot: command line, exit code, stderr (seconds masked), stdout.
fn run(case: &Case, crafted: &Path) -> String {
    let dir = match case.dir {
        Dir::Repo => root(),
        Dir::Crafted => crafted.to_path_buf(),
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(case.args)
        .current_dir(dir)
        // The default format depends on the terminal and the progress bar on time: neither
        // applies to a pipe, and the thread count must not matter.
        .env("RAYON_NUM_THREADS", "2")
        .env("COLUMNS", "100")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().unwrap();
    let input = case.stdin.unwrap_or_default().to_vec();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let mut snap = String::new();
    writeln!(snap, "$ copydesk {}", case.args.join(" ")).unwrap();
    writeln!(snap, "exit: {:?}", out.status.code()).unwrap();
    writeln!(snap, "--- stderr").unwrap();
    snap.push_str(&mask_seconds(&String::from_utf8_lossy(&out.stderr)));
    writeln!(snap, "--- stdout").unwrap();
    snap.push_str(&String::from_utf8(out.stdout).expect("stdout is UTF-8"));
    snap
}

/// The summary's " in 0.12 s" as " in [s] s": the only part of a run that varies.
fn mask_seconds(text: &str) -> String {
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        match line.find(" in ") {
            Some(at) if line.starts_with("copydesk: ") => {
                let rest = &line[at + 4..];
                let digits = rest
                    .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                    .unwrap_or(rest.len());
                if digits > 0 && rest[digits..].starts_with(" s") {
                    out.push_str(&line[..at + 4]);
                    out.push_str("[s]");
                    out.push_str(&rest[digits..]);
                    continue;
                }
                out.push_str(line);
            }
            _ => out.push_str(line),
        }
    }
    out
}

#[test]
fn outputs_match_the_snapshots() {
    let dir = root().join("cli/tests/snapshots");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let crafted = crafted_dir();
    let mut failures = Vec::new();
    for case in CASES {
        let actual = run(case, crafted.path());
        let path = dir.join(format!("{}.snap", case.name));
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if expected != actual {
            let first = expected
                .lines()
                .zip(actual.lines())
                .position(|(e, a)| e != a)
                .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
            failures.push(format!(
                "{}: differs from line {}\n  expected: {:?}\n  actual:   {:?}",
                path.display(),
                first + 1,
                expected.lines().nth(first).unwrap_or("<end>"),
                actual.lines().nth(first).unwrap_or("<end>"),
            ));
        }
    }
    if update {
        // Snapshots of cases that no longer exist would never be checked again.
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            if !CASES.iter().any(|c| c.name == name) {
                std::fs::remove_file(path).unwrap();
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} snapshot(s) differ; if the change is intended, run\n  UPDATE_SNAPSHOTS=1 cargo test -p copydesk-cli --test snapshots\nand review the diff.\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_snapshot_has_its_case() {
    let dir = root().join("cli/tests/snapshots");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        assert!(
            CASES.iter().any(|c| c.name == name),
            "{}: no case writes it; delete it",
            path.display()
        );
    }
}

#[test]
fn seconds_are_masked() {
    assert_eq!(
        mask_seconds("copydesk: 5 articles in 0.12 s, 3 clusters\nother in 2 s\n"),
        "copydesk: 5 articles in [s] s, 3 clusters\nother in 2 s\n"
    );
}
