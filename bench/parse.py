"""Throughput of article parsing on the Reuters-21578 bodies, on one core.

One command, run from the repository root:

    python3 -m venv .venv-bench && .venv-bench/bin/pip install --upgrade pip
    .venv-bench/bin/pip install -r bench/requirements.txt
    VIRTUAL_ENV=$PWD/.venv-bench .venv-bench/bin/maturin develop --release
    .venv-bench/bin/python bench/parse.py

Each story (DATELINE + BODY, as ``datasets.ReutersStory.text`` writes it) goes through
``copydesk.parse(text)`` one at a time, on the calling thread: line classification, the
lexicons, datelines, credits, quotes and speakers, everything ``copydesk parse`` does.
No peer parses plain-text news (trafilatura and newspaper need HTML), so the yardstick in
the same run is copydesk's own paragraph splitter (``copydesk.paragraphs``), which every
parse starts with: the ratio shows what the classification costs on top, and survives the
noise of a shared machine better than the absolute figures.

Sizes grow (1,000 stories, 5,000, all 19,043) so the growth is visible; each figure is the
best of seven runs (the machine is shared: the best run is the least disturbed). The table
goes to bench/results/parse.md with the machine, the command and the date.
"""

from __future__ import annotations

import datetime
import os
import pathlib
import platform
import subprocess
import sys
import time
from typing import Callable, List

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "eval"))
import datasets  # noqa: E402

import copydesk  # noqa: E402

RESULTS = datasets.REPO / "bench" / "results" / "parse.md"
REPEATS = 7


def best_time(fn: Callable[[str], object], texts: List[str]) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - start)
    return best


def commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=datasets.REPO, capture_output=True, text=True, check=True
        )
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def cpu_name() -> str:
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main() -> None:
    load_start = os.getloadavg()[0]
    texts = [s.text for s in datasets.reuters_stories()]
    # Warm up: the lexicon is read on first use.
    for t in texts[:200]:
        copydesk.parse(t)
    rows = []
    for n in (1000, 5000, len(texts)):
        sample = texts[:n]
        mb = sum(len(t.encode()) for t in sample) / 1e6
        t_parse = best_time(copydesk.parse, sample)
        t_para = best_time(copydesk.paragraphs, sample)
        rows.append((n, mb, t_parse, t_para))
        print(f"{n:>6} stories {mb:6.2f} MB  parse {mb / t_parse:7.1f} MB/s  paragraphs {mb / t_para:7.1f} MB/s")
    lines = [
        "# Article parsing throughput (Reuters-21578 bodies, one core)",
        "",
        "- Command: `.venv-bench/bin/python bench/parse.py` (extension built with `maturin develop --release`)",
        f"- Date: {datetime.date.today().isoformat()}; commit {commit()}",
        f"- Machine: {cpu_name()}, {os.cpu_count()} cores (shared with other jobs: compare the ratios), "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}",
        f"- Each figure is the best of {REPEATS} runs; one story per call, on the calling thread.",
        f"- Load average (1 min): {load_start:.2f} at the start, {os.getloadavg()[0]:.2f} at the end. This "
        "machine's speed also swings by about 1.5x with its host's load (see `copydesk.paragraphs`, "
        "which does the same work in every run): read the rows with their paragraphs figure.",
        "",
        "| stories | MB | `copydesk.parse` MB/s | stories/s | `copydesk.paragraphs` MB/s | parse time / paragraphs time |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for n, mb, t_parse, t_para in rows:
        lines.append(
            f"| {n:,} | {mb:.2f} | {mb / t_parse:.1f} | {n / t_parse:,.0f} | {mb / t_para:.1f} | {t_parse / t_para:.2f} |"
        )
    whole = rows[-1]
    rate = whole[1] / whole[2]
    verdict = "reached" if rate >= 50 else "NOT reached"
    lines += [
        "",
        f"Target: at least 50 MB/s on one core for `copydesk.parse`: {verdict} ({rate:.1f} MB/s on the whole corpus).",
        "",
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines))
    print(f"written to {RESULTS.relative_to(datasets.REPO)}")


if __name__ == "__main__":
    main()
