//! The same input gives byte-identical output: across runs, across thread counts
//! (`--jobs`, `RAYON_NUM_THREADS`), and between the CLI and the library.

mod support;

use std::path::Path;
use std::process::Command;
use support::root;

fn run(args: &[&str], env: &[(&str, &str)]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .envs(env.iter().copied())
        .current_dir(root())
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Sentence-level pairs with containment: the dedupe run that exercises the most.
const SENTENCE_PAIRS: &[&str] = &[
    "dedupe",
    "seeds/",
    "--level",
    "sentence",
    "--containment",
    "--output",
    "pairs",
];

/// Every subcommand's invocation on the seeds, with its output in JSON Lines.
const COMMANDS: &[&[&str]] = &[
    &["parse", "seeds/", "--format", "jsonl", "--sentences"],
    &["dedupe", "seeds/"],
    SENTENCE_PAIRS,
    &["dedupe", "seeds/", "--output", "clean"],
    &["dates", "seeds/"],
    &["dates", "seeds/", "--format", "table"],
];

#[test]
fn output_is_identical_across_runs_and_thread_counts() {
    for args in COMMANDS {
        let reference = run(args, &[]);
        assert!(!reference.is_empty());
        assert_eq!(run(args, &[]), reference, "{args:?}: a second run differs");
        for jobs in ["1", "2", "3"] {
            let mut with_jobs = args.to_vec();
            with_jobs.extend(["--jobs", jobs]);
            assert_eq!(
                run(&with_jobs, &[]),
                reference,
                "{args:?} --jobs {jobs} differs"
            );
        }
        assert_eq!(
            run(args, &[("RAYON_NUM_THREADS", "1")]),
            reference,
            "{args:?} with RAYON_NUM_THREADS=1 differs"
        );
    }
}

#[test]
fn cli_and_library_agree_on_parse() {
    use copydesk::article::ArticleJson;
    use copydesk::text::OffsetUnit;

    let cli = run(&["parse", "seeds/", "--format", "jsonl"], &[]);
    let articles = library_articles();
    let library = lines(
        articles
            .iter()
            .map(|a| ArticleJson::new(a, OffsetUnit::Chars)),
    );
    assert_eq!(String::from_utf8(cli).unwrap(), library);
}

/// The seeds as the library reads and parses them, with `source` as the CLI names it when
/// given `seeds/`.
fn library_articles() -> Vec<copydesk::article::Article> {
    use copydesk::corpus::{ReadOptions, read};
    let docs = read(&[root().join("seeds")], &ReadOptions::default())
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    copydesk::article::parse_batch(docs)
        .into_iter()
        .map(|mut a| {
            let name = Path::new(&a.source)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            a.source = format!("seeds/{name}");
            a
        })
        .collect()
}

fn lines<T: serde::Serialize>(items: impl IntoIterator<Item = T>) -> String {
    let mut out = String::new();
    for item in items {
        out.push_str(&serde_json::to_string(&item).unwrap());
        out.push('\n');
    }
    out
}

#[test]
fn cli_and_library_agree_on_dedupe() {
    use copydesk::dedup::{self, CleanedJson, ClusterJson, Options, PairJson};
    use copydesk::text::OffsetUnit::Chars;

    for (args, opts) in [
        (&["dedupe", "seeds/"][..], Options::default()),
        (
            SENTENCE_PAIRS,
            Options {
                level: dedup::Level::Sentence,
                containment: Some(Options::default().threshold),
                ..Options::default()
            },
        ),
        (
            &["dedupe", "seeds/", "--output", "clean"],
            Options::default(),
        ),
    ] {
        let cli = String::from_utf8(run(args, &[])).unwrap();
        // The one-call API, not the streaming Deduper the CLI uses.
        let result = dedup::dedupe(library_articles(), &opts).unwrap();
        let library = match args.last() {
            Some(&"pairs") => lines(
                result
                    .pairs()
                    .into_iter()
                    .map(|p| PairJson::new(&result, p, Chars)),
            ),
            Some(&"clean") => {
                let cleaned: Vec<_> = (0..result.articles().len())
                    .map(|i| result.clean(i))
                    .collect();
                lines(cleaned.iter().map(|c| CleanedJson::new(&result, c, Chars)))
            }
            _ => lines(
                result
                    .clusters()
                    .iter()
                    .map(|c| ClusterJson::new(&result, c, Chars)),
            ),
        };
        assert!(!library.is_empty());
        assert_eq!(cli, library, "{args:?}");
    }
}

#[test]
fn cli_and_library_agree_on_dates() {
    use copydesk::text::{OffsetUnit, SpanConverter};

    let cli = String::from_utf8(run(&["dates", "seeds/"], &[])).unwrap();
    let articles = library_articles();
    let mut library = String::new();
    for a in &articles {
        // One article at a time, not the batch call the CLI uses.
        let converter = SpanConverter::new(&a.text, OffsetUnit::Chars);
        let reading = copydesk::dates::read_article(a, None);
        library.push_str(&lines(reading.timexes.iter().map(|t| {
            t.to_json(&a.text, &converter)
                .with_article(&a.id)
                .with_genre(reading.genre)
        })));
    }
    assert!(!library.is_empty());
    assert_eq!(cli, library);
}
