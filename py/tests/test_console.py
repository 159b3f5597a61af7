"""The `copydesk` command that `pip install .` puts in the environment's bin directory: the
same program as the Rust binary, giving what the library gives."""

import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

import copydesk
from conftest import ROOT

COMMANDS = [
    ["dedupe", "seeds/"],
    ["dates", "seeds/"],
    ["parse", "seeds/", "--format", "jsonl"],
]


def installed_command():
    bin_dir = pathlib.Path(sys.prefix) / ("Scripts" if os.name == "nt" else "bin")
    found = shutil.which("copydesk", path=str(bin_dir))
    assert found, f"pip install . put no copydesk command in {bin_dir}"
    return found


def run(program, args):
    done = subprocess.run([program, *args], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def library(args):
    """What the library gives for the same command, as JSON lines."""
    articles = copydesk.read("seeds/")
    if args[0] == "dedupe":
        return [c.to_dict() for c in copydesk.dedupe(articles).clusters]
    if args[0] == "dates":
        return [t.to_dict() for ts in copydesk.find_dates_many(articles) for t in ts]
    return [a.to_dict() for a in articles]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_installed_command_gives_what_the_library_gives(args, monkeypatch):
    out = run(installed_command(), args)
    monkeypatch.chdir(ROOT)
    assert [json.loads(line) for line in out.splitlines()] == library(args)


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_installed_command_is_the_rust_binary(args):
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    binaries = [p for p in (target / "debug" / "copydesk", target / "release" / "copydesk") if p.exists()]
    if not binaries:
        pytest.skip("no Rust binary built (cargo build -p copydesk-cli builds one)")
    expected = run(str(binaries[0]), args)
    assert run(installed_command(), args) == expected


def test_installed_command_answers_version_and_usage_errors():
    program = installed_command()
    version = subprocess.run([program, "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and copydesk.__version__ in version.stdout
    usage = subprocess.run([program, "dedupe", "--no-such-flag"], capture_output=True, text=True)
    assert usage.returncode == 2 and "--no-such-flag" in usage.stderr
