"""What the Python batch functions buy: one call over many texts against a Python loop of
single calls, the cost of a progress callback, and the speed-up from a second thread.

One command, run from the repository root (a release build of the extension; no peers
needed):

    python3 -m venv .venv-bench && .venv-bench/bin/pip install -r bench/requirements.txt
    VIRTUAL_ENV=$PWD/.venv-bench .venv-bench/bin/maturin develop --release
    .venv-bench/bin/python bench/python_batch.py

On the bodies of the Reuters-21578 stories (each with its story's date as publication date
or reference), at a quarter and the whole of the corpus, it times, best of three:

- ``parse_many(texts, published=dates)`` against ``[parse(t, published=d) for ...]``;
- ``find_dates_many(texts, references=dates)`` against ``[find_dates(t, d) for ...]``;
- ``dedupe(texts)`` with ``progress=`` a counter's update against without;
- each batch function in a fresh process with ``RAYON_NUM_THREADS=1`` and ``=2``.

The table goes to bench/results/python_batch.md with the machine, the command, the date and
the commit. Timings on a shared machine are noisy: read the ratios, measured side by side.
"""

from __future__ import annotations

import datetime
import json
import os
import pathlib
import platform
import subprocess
import sys
import time
from typing import Callable, List, Tuple

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "eval"))
import datasets  # noqa: E402

import copydesk  # noqa: E402

REPO = datasets.REPO
RESULTS = REPO / "bench" / "results" / "python_batch.md"
REPEATS = 3


def reuters() -> Tuple[List[str], List[datetime.date]]:
    texts, dates = [], []
    for story in datasets.reuters_stories():
        try:
            d = datetime.datetime.strptime(story.date.split(".")[0], "%d-%b-%Y %H:%M:%S").date()
        except ValueError:
            d = datetime.date(1987, 3, 1)
        texts.append(story.text)
        dates.append(d)
    return texts, dates


def best(f: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times)


def in_process(texts: List[str], dates: List[datetime.date]) -> List[Tuple[str, float, float]]:
    """(what, seconds of the batch call, seconds of the other way)."""
    done: List[int] = []
    rows = [
        (
            "parse_many vs a loop of parse",
            best(lambda: copydesk.parse_many(texts, published=dates)),
            best(lambda: [copydesk.parse(t, published=d) for t, d in zip(texts, dates)]),
        ),
        (
            "find_dates_many vs a loop of find_dates",
            best(lambda: copydesk.find_dates_many(texts, references=dates)),
            best(lambda: [copydesk.find_dates(t, d) for t, d in zip(texts, dates)]),
        ),
        (
            "dedupe with progress= vs without",
            best(lambda: copydesk.dedupe(texts, progress=done.append)),
            best(lambda: copydesk.dedupe(texts)),
        ),
    ]
    assert sum(done) == REPEATS * len(texts)
    return rows


CHILD = """
import json, sys, time
sys.path.insert(0, "bench")
import python_batch as b
import copydesk
texts, dates = b.reuters()
texts, dates = texts[: int(sys.argv[1])], dates[: int(sys.argv[1])]
out = {
    "parse_many": b.best(lambda: copydesk.parse_many(texts, published=dates)),
    "find_dates_many": b.best(lambda: copydesk.find_dates_many(texts, references=dates)),
    "dedupe": b.best(lambda: copydesk.dedupe(texts)),
}
print(json.dumps(out))
"""


def threads(n: int, count: int) -> dict:
    env = {**os.environ, "RAYON_NUM_THREADS": str(n)}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(count)], cwd=REPO, env=env, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out)


def main() -> None:
    all_texts, all_dates = reuters()
    sizes = [len(all_texts) // 4, len(all_texts)]
    load = os.getloadavg()[0]
    lines = [
        "# Python batch functions: one call against a loop, progress, threads",
        "",
        f"- command: `.venv-bench/bin/python bench/python_batch.py` (release build, `maturin develop --release`)",
        f"- date: {datetime.date.today().isoformat()}",
        f"- commit: {subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], cwd=REPO, capture_output=True, text=True).stdout.strip()}",
        f"- machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}; shared with other builds, so read the ratios",
        "- corpus: Reuters-21578 story bodies (dateline + body), each with its story's date; best of "
        f"{REPEATS}",
        "",
        "| stories | MB | what | batch call s | other way s | batch MB/s | ratio (other / batch) |",
        "|---:|---:|---|---:|---:|---:|---:|",
    ]
    for n in sizes:
        texts, dates = all_texts[:n], all_dates[:n]
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        for what, batch, other in in_process(texts, dates):
            lines.append(f"| {n} | {mb:.1f} | {what} | {batch:.3f} | {other:.3f} | {mb / batch:.1f} | {other / batch:.2f} |")
    lines += [
        "",
        "Threads (each in a fresh process, `RAYON_NUM_THREADS`), the whole corpus:",
        "",
        "| function | 1 thread s | 2 threads s | speed-up |",
        "|---|---:|---:|---:|",
    ]
    one, two = threads(1, len(all_texts)), threads(2, len(all_texts))
    for name in one:
        lines.append(f"| {name} | {one[name]:.3f} | {two[name]:.3f} | {one[name] / two[name]:.2f} |")
    lines += [
        "",
        f"Load average (1 min) on this {os.cpu_count()}-core machine: {load:.2f} at the start, "
        f"{os.getloadavg()[0]:.2f} at the end. Above 1, the second thread competes with other work "
        "for the second core, and the speed-up says little. The conversion of results to Python "
        "objects holds the interpreter and runs on one thread.",
    ]
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
