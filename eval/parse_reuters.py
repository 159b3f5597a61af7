"""How article parsing holds on real wire copy: the Reuters-21578 bodies.

One command, run from the repository root (after ``maturin develop --release`` into the
virtualenv, as ``scripts/test`` does in debug):

    .venv/bin/python eval/parse_reuters.py

Each story is parsed as a plain-text article: its DATELINE field, then its BODY, as
``datasets.ReutersStory.text`` writes it (the title is not part of it). Measured:

- the dateline: the first block is a ``dateline`` whose text is the DATELINE field;
- the sign-off: a body that ends with ``Reuter`` ends with a ``source_tag`` block ``Reuter``;
- nothing lost: every non-whitespace character of the text is in exactly one block and
  every block's span slices the text to its text; and how much of the body (between the
  dateline and the sign-off) the parser set aside as something other than story text
  (paragraph, heading, title, dek, caption), with samples of what it set aside;
- the DATE field read by ``copydesk.parse(published=...)`` (``26-FEB-1987 15:01:01.79``);
- the distribution of block kinds and boilerplate reasons.

The table goes to eval/results/parse_reuters.md with the machine, the command, the date and
the commit.
"""

from __future__ import annotations

import collections
import datetime
import pathlib
import platform
import subprocess
import sys
from typing import Counter, Dict, List

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import datasets  # noqa: E402

import copydesk  # noqa: E402

RESULTS = datasets.REPO / "eval" / "results" / "parse_reuters.md"
STORY_KINDS = {"paragraph", "heading", "title", "dek", "caption"}


def commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=datasets.REPO, capture_output=True, text=True, check=True
        )
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=datasets.REPO, capture_output=True, text=True)
        return out.stdout.strip() + (" (with uncommitted changes)" if dirty.stdout.strip() else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def invariant_problem(a: copydesk.Article) -> str:
    """What breaks the block invariants of ``a``, or ``""``."""
    text = a.text
    covered = [0] * len(text)
    last = 0
    for b in a.blocks:
        if text[b.start : b.end] != b.text:
            return f"block {b.index} does not slice to its text"
        if b.start < last:
            return f"block {b.index} overlaps the one before"
        last = b.end
        for i in range(b.start, b.end):
            covered[i] += 1
    for i, c in enumerate(text):
        if not c.isspace() and covered[i] != 1:
            return f"character {i} ({c!r}) is in {covered[i]} blocks"
    return ""


def main() -> None:
    stories = list(datasets.reuters_stories())
    kinds: Counter[str] = collections.Counter()
    reasons: Counter[str] = collections.Counter()
    aside_samples: Dict[str, Counter[str]] = collections.defaultdict(collections.Counter)
    n_dateline = dateline_exact = dateline_other = 0
    dateline_missed: Counter[str] = collections.Counter()
    n_signoff = signoff_tag = 0
    broken: List[str] = []
    aside_stories = 0
    aside_chars = body_chars = 0
    date_ok = date_bad = 0
    date_errors: Counter[str] = collections.Counter()
    for story in stories:
        try:
            published = copydesk.parse("", published=story.date).published
            date_ok += 1
        except ValueError as e:
            published = None
            date_bad += 1
            date_errors[str(e)[:100]] += 1
        a = copydesk.parse(story.text, published=published, id=story.newid)
        problem = invariant_problem(a)
        if problem:
            broken.append(f"{story.newid}: {problem}")
        blocks = a.blocks
        for b in blocks:
            kinds[b.kind] += 1
            if b.reason:
                reasons[b.reason] += 1
        # The dateline.
        first = blocks[0] if blocks else None
        if story.dateline:
            n_dateline += 1
            field = " ".join(story.dateline.split())
            if first is not None and first.kind == "dateline" and " ".join(first.text.split()) == field:
                dateline_exact += 1
            elif any(b.kind == "dateline" for b in blocks[:2]):
                dateline_other += 1
            else:
                dateline_missed[field[:60]] += 1
        # The sign-off.
        tail = story.body.rstrip().split()
        signed = bool(tail) and tail[-1].rstrip(".").lower() == "reuter"
        if signed:
            n_signoff += 1
            content = [b for b in blocks if b.kind != "boilerplate"]
            if content and content[-1].kind == "source_tag" and content[-1].text.rstrip(".").lower() == "reuter":
                signoff_tag += 1
        # What was set aside from the body between the dateline and the sign-off.
        inner = [b for b in blocks]
        if inner and inner[0].kind == "dateline":
            inner = inner[1:]
        if signed and inner and inner[-1].kind == "source_tag":
            inner = inner[:-1]
        story_aside = False
        for b in inner:
            body_chars += len(b.text)
            if b.kind not in STORY_KINDS:
                story_aside = True
                aside_chars += len(b.text)
                label = b.kind + (f" ({b.reason})" if b.reason else "")
                aside_samples[label][" ".join(b.text.split())[:90]] += 1
        aside_stories += story_aside

    n = len(stories)
    mb = sum(len(s.text.encode()) for s in stories) / 1e6
    today = datetime.date.today().isoformat()
    lines = [
        "# Article parsing on the Reuters-21578 bodies",
        "",
        f"- Command: `.venv/bin/python eval/parse_reuters.py` (extension built with `maturin develop --release`)",
        f"- Date: {today}; commit {commit()}",
        f"- Machine: {platform.machine()}, {platform.system()} {platform.release()}, Python {platform.python_version()}",
        f"- Corpus: {n:,} stories with a body ({mb:.1f} MB), each parsed as DATELINE + BODY",
        "",
        "| measure | stories | rate |",
        "|---|---:|---:|",
        f"| dateline: first block is the DATELINE field exactly | {dateline_exact:,} of {n_dateline:,} | {dateline_exact / max(n_dateline, 1):.2%} |",
        f"| dateline: a dateline block found, but not the field's text (the field often runs into the body) | {dateline_other:,} of {n_dateline:,} | {dateline_other / max(n_dateline, 1):.2%} |",
        f"| `Reuter` sign-off is the last `source_tag` block | {signoff_tag:,} of {n_signoff:,} | {signoff_tag / max(n_signoff, 1):.2%} |",
        f"| invariants hold (spans slice, every non-space character in one block) | {n - len(broken):,} of {n:,} | {(n - len(broken)) / max(n, 1):.2%} |",
        f"| nothing set aside between dateline and sign-off | {n - aside_stories:,} of {n:,} | {(n - aside_stories) / max(n, 1):.2%} |",
        f"| DATE field read as the publication date | {date_ok:,} of {n:,} | {date_ok / max(n, 1):.2%} |",
        "",
        f"Characters of the body (between dateline and sign-off) set aside as something other than "
        f"story text: {aside_chars:,} of {body_chars:,} ({aside_chars / max(body_chars, 1):.2%}).",
        "",
        "## Block kinds",
        "",
        "| kind | blocks |",
        "|---|---:|",
    ]
    lines += [f"| {k} | {c:,} |" for k, c in kinds.most_common()]
    lines += ["", "| boilerplate reason | blocks |", "|---|---:|"]
    lines += [f"| {r} | {c:,} |" for r, c in reasons.most_common()]
    lines += [
        "",
        "## What was set aside from the bodies (most frequent texts per kind)",
        "",
        "Read these to judge the rules: wire framing and tables set aside are right; story "
        "text set aside is a loss.",
        "",
    ]
    for label, texts in sorted(aside_samples.items(), key=lambda kv: -sum(kv[1].values())):
        lines.append(f"**{label}**: {sum(texts.values()):,} blocks")
        lines.append("")
        for text, count in texts.most_common(12):
            shown = text.replace("`", "'")
            lines.append(f"- {count} × `{shown}`")
        lines.append("")
    lines += [
        "## DATELINE fields not found as a dateline (a sample)",
        "",
        "Many are not datelines at all: table rows and market-report headers that the SGML put "
        "in the DATELINE field.",
        "",
    ]
    lines += [f"- {c} × `{d}`" for d, c in dateline_missed.most_common(25)] + [""]
    if broken:
        lines += ["## Broken invariants", ""] + [f"- {b}" for b in broken[:50]] + [""]
    if date_errors:
        lines += ["## DATE fields not read", ""] + [f"- {c} × {e}" for e, c in date_errors.most_common(10)] + [""]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines))
    print("\n".join(lines[:20]))
    print(f"... written to {RESULTS.relative_to(datasets.REPO)}")


if __name__ == "__main__":
    main()
