"""The README's Python examples run as written, from the repository root."""

import os
import re

from conftest import ROOT


def python_blocks():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", readme, flags=re.S)


def test_readme_python_examples_run(capsys):
    blocks = python_blocks()
    assert blocks, "the README has no Python example"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        # Each block runs on its own, in a fresh namespace: a reader may paste any one of
        # them into a new notebook.
        for block in blocks:
            exec(compile(block, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    assert capsys.readouterr().out.strip(), "the examples print what they show"
