//! Every `copydesk` command line shown in the README runs and succeeds: the README cannot
//! drift from the program. The lines run in a scratch directory holding `seeds/`,
//! `examples/` and a stand-in `corpus/` (the seeds again), so files they write land there.

use std::path::Path;
use std::process::Command;

#[test]
fn readme_command_lines_run() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_copydesk")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let scratch = tempfile::tempdir().unwrap();
    for (name, target) in [
        ("seeds", "seeds"),
        ("corpus", "seeds"),
        ("examples", "examples"),
    ] {
        std::os::unix::fs::symlink(root.join(target), scratch.path().join(name)).unwrap();
    }
    let mut ran = 0;
    let mut in_shell_block = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_shell_block = line == "```sh";
            continue;
        }
        let command = line.split("  #").next().unwrap_or_default().trim();
        // Lines that call the installed command, first or after a pipe (the Quick start's
        // cargo line and the `cargo run --example` lines are run by scripts/test).
        let calls_copydesk = command
            .split('|')
            .any(|part| part.trim_start().starts_with("copydesk "));
        if !in_shell_block || !calls_copydesk {
            continue;
        }
        let out = Command::new("bash")
            .args(["-c", &format!("set -o pipefail; {command} > /dev/null")])
            .env("PATH", &path)
            .current_dir(scratch.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "README line failed: {command}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        ran += 1;
    }
    assert!(ran >= 4, "only {ran} README command lines found");
}
