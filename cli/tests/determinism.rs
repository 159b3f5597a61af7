//! The same input gives byte-identical output: across runs, across thread counts
//! (`--jobs`, `RAYON_NUM_THREADS`), and between the CLI and the library.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

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

/// Every subcommand's invocation on the seeds, with its output in JSON Lines.
const COMMANDS: &[&[&str]] = &[
    &["parse", "seeds/", "--format", "jsonl", "--sentences"],
    &["dedupe", "seeds/"],
    &[
        "dedupe",
        "seeds/",
        "--level",
        "sentence",
        "--containment",
        "--output",
        "pairs",
    ],
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
    use copydesk::corpus::{ReadOptions, read};
    use copydesk::text::OffsetUnit;

    let cli = run(&["parse", "seeds/", "--format", "jsonl"], &[]);
    let mut library = Vec::new();
    let docs = read(&[root().join("seeds")], &ReadOptions::default())
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    for mut a in copydesk::article::parse_batch(docs) {
        // The CLI was given the relative path `seeds/`.
        let name = Path::new(&a.source)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        a.source = format!("seeds/{name}");
        serde_json::to_writer(&mut library, &ArticleJson::new(&a, OffsetUnit::Chars)).unwrap();
        library.push(b'\n');
    }
    assert_eq!(
        String::from_utf8(cli).unwrap(),
        String::from_utf8(library).unwrap()
    );
}
