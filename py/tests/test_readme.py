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
        # The blocks run in order in one namespace, as a reader pastes them into a notebook.
        namespace = {}
        for block in blocks:
            exec(compile(block, "README.md", "exec"), namespace)
    finally:
        os.chdir(cwd)
    assert capsys.readouterr().out.strip(), "the examples print what they show"
