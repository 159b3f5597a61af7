"""Throughput of date normalization: copydesk against dateparser and recognizers-text-date-time.

One command, run from the repository root:

    python3 -m venv .venv-bench && .venv-bench/bin/pip install --upgrade pip
    .venv-bench/bin/pip install -r bench/requirements.txt
    VIRTUAL_ENV=$PWD/.venv-bench .venv-bench/bin/maturin develop --release
    .venv-bench/bin/python bench/dates.py

Every library gets the same texts in the same run, one document at a time on one core, each
with its reference date (the TimeML creation time, or the Reuters story's date):

- ``copydesk.find_dates(text, reference)``;
- dateparser's ``search_dates(text, settings={"RELATIVE_BASE": reference})``;
- recognizers-text-date-time's ``DateTimeRecognizer(Culture.English).get_datetime_model()
  .parse(text, reference)``.

Corpora: the TEXT of the 256 TBAQ documents, and the bodies of the Reuters-21578 stories at
growing sizes (the peers are slow, so they get the smaller samples only; the whole corpus is
copydesk's alone). The table goes to bench/results/dates.md with the machine, the command and
the date. Timings on a shared machine are noisy: compare the ratios, measured side by side.
"""

from __future__ import annotations

import argparse
import datetime
import os
import pathlib
import platform
import re
import subprocess
import sys
import time
from typing import Callable, List, Optional, Tuple

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "eval"))
import datasets  # noqa: E402
import tempeval  # noqa: E402

import copydesk  # noqa: E402

REPO = datasets.REPO
RESULTS = REPO / "bench" / "results" / "dates.md"

Doc = Tuple[str, datetime.datetime]


def tbaq_docs() -> List[Doc]:
    docs = []
    for path in datasets.tbaq_files():
        xml = path.read_text(encoding="utf-8")
        dct = re.search(r'functionInDocument="CREATION_TIME"', xml) and re.search(
            r'<TIMEX3[^>]*value="(\d{4}-\d{2}-\d{2})[^"]*"[^>]*functionInDocument="CREATION_TIME"', xml
        )
        ref = datetime.datetime.fromisoformat(dct.group(1)) if dct else datetime.datetime(2000, 1, 1)
        docs.append((tempeval.parse(xml).text, ref))
    return docs


def reuters_docs() -> List[Doc]:
    docs = []
    for story in datasets.reuters_stories():
        try:
            ref = datetime.datetime.strptime(story.date.split(".")[0], "%d-%b-%Y %H:%M:%S")
        except ValueError:
            ref = datetime.datetime(1987, 3, 1)
        docs.append((story.text, ref))
    return docs


def prefix(docs: List[Doc], nbytes: int) -> List[Doc]:
    out, total = [], 0
    for d in docs:
        if total >= nbytes:
            break
        out.append(d)
        total += len(d[0].encode("utf-8"))
    return out


def size(docs: List[Doc]) -> int:
    return sum(len(t.encode("utf-8")) for t, _ in docs)


def run_copydesk(docs: List[Doc]) -> int:
    n = 0
    for text, ref in docs:
        n += len(copydesk.find_dates(text, ref.date()))
    return n


def run_dateparser(docs: List[Doc]) -> int:
    from dateparser.search import search_dates

    n = 0
    for text, ref in docs:
        found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": ref})
        n += len(found or [])
    return n


_RECOGNIZER = None


def run_recognizers(docs: List[Doc]) -> int:
    global _RECOGNIZER
    from recognizers_date_time import DateTimeRecognizer
    from recognizers_text import Culture

    if _RECOGNIZER is None:
        _RECOGNIZER = DateTimeRecognizer(Culture.English).get_datetime_model()
    n = 0
    for text, ref in docs:
        n += len(_RECOGNIZER.parse(text, ref))
    return n


def measure(fn: Callable[[List[Doc]], int], docs: List[Doc], repeat: int) -> Tuple[float, int]:
    """Best of at least `repeat` runs, and of as many as fit in two seconds (seconds per
    run), and the number of expressions found."""
    best = float("inf")
    found = 0
    runs = 0
    began = time.perf_counter()
    while runs < repeat or (time.perf_counter() - began < 2.0 and repeat > 1):
        start = time.perf_counter()
        found = fn(docs)
        best = min(best, time.perf_counter() - start)
        runs += 1
    return best, found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--peer-bytes", type=int, default=300_000, help="Reuters bytes the peers get (default 300 KB)")
    ap.add_argument("--out", default=str(RESULTS))
    args = ap.parse_args()

    tbaq = tbaq_docs()
    reuters = reuters_docs()
    corpora = [
        ("TBAQ TEXT (256 docs)", tbaq, True),
        (f"Reuters bodies, first {args.peer_bytes // 1000} KB", prefix(reuters, args.peer_bytes), True),
        ("Reuters bodies, first 3 MB", prefix(reuters, 3_000_000), False),
        (f"Reuters bodies, all {len(reuters)} stories", reuters, False),
    ]
    libs = [
        ("copydesk", run_copydesk),
        ("dateparser 1.5.0 search_dates", run_dateparser),
        ("recognizers-text-date-time 1.0.2a2", run_recognizers),
    ]
    rows = []
    for name, docs, peers in corpora:
        nbytes = size(docs)
        base: Optional[float] = None
        results = []
        for lib, fn in libs:
            if lib != "copydesk" and not peers:
                continue
            repeat = 3 if lib == "copydesk" else 1
            seconds, found = measure(fn, docs, repeat)
            mbs = nbytes / seconds / 1e6
            results.append((lib, seconds, mbs, found))
            print(f"{name:40} {lib:38} {seconds:8.2f} s {mbs:9.3f} MB/s {found:7} found", flush=True)
        base = results[0][2]
        for lib, seconds, mbs, found in results:
            ratio = "1" if lib == "copydesk" else f"copydesk is {base / mbs:,.0f}x faster"
            rows.append(f"| {name} | {nbytes / 1e6:.2f} | {lib} | {seconds:.3f} | {mbs:.3f} | {found} | {ratio} |")

    cpu = platform.processor() or platform.machine()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip() or "unknown"
    out = pathlib.Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        "# Date normalization throughput\n\n"
        f"Command: `.venv-bench/bin/python bench/dates.py` (see its docstring for the setup), at commit {commit}. "
        f"Run {datetime.date.today().isoformat()} on {platform.system()} {cpu}, {os.cpu_count()} cores "
        "(shared with other work, so absolute timings are noisy; the ratios are measured side by side "
        "in the same run), Python " + platform.python_version() + ".\n\n"
        "One document at a time on one core, each with its reference date. MB/s counts the UTF-8 bytes "
        "of the texts. copydesk is timed through its Python API (`copydesk.find_dates`, a release "
        "build), best of at least 3 runs (as many as fit in two seconds); the peers once. \"found\" counts what each library reports, which is not "
        "comparable across libraries (dateparser and recognizers report other units).\n\n"
        "| corpus | MB | library | seconds | MB/s | found | ratio |\n|---|---:|---|---:|---:|---:|---|\n"
        + "\n".join(rows)
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
