"""Speed of web-page parsing (HTML to article with metadata), on one core, against the peers.

One command, run from the repository root:

    python3 -m venv .venv-bench && .venv-bench/bin/pip install --upgrade pip
    .venv-bench/bin/pip install -r bench/requirements.txt
    VIRTUAL_ENV=$PWD/.venv-bench .venv-bench/bin/maturin develop --release
    .venv-bench/bin/python bench/pages.py

The pages are the trafilatura evaluation set (../shared/data/html/trafilatura-eval/html,
1,032 pages), decoded once beforehand (UTF-8, else Windows-1252) and given to each system as
`str`, one page at a time on the calling thread:

- copydesk: `copydesk.parse_html(page)`: the tree, the visible text, the metadata (JSON-LD,
  meta tags, microdata), every block's kind, quotes;
- trafilatura: `trafilatura.extract(page)` (main text, no metadata) and `bare_extraction`
  with metadata, its fast mode too;
- resiliparse: `extract_plain_text(HTMLTree.parse(page), main_content=True)`, the fastest
  main-text extractor there is (no metadata), and its parse alone;
- readability-lxml: `Document(page).summary()`.

Sizes grow (100 pages, 300, all 1,032); each figure is the best of three runs (the machine
is shared). Peak memory (max RSS) is measured for each system on the whole set, in a fresh
process of its own. The table goes to bench/results/pages.md with the machine, the command
and the date; ratios are against copydesk in the same run.
"""

from __future__ import annotations

import datetime
import json
import os
import pathlib
import platform
import resource
import subprocess
import sys
import time

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "eval"))
import datasets  # noqa: E402

RESULTS = REPO / "bench" / "results" / "pages.md"
REPEATS = 3
SIZES = [100, 300, None]


def pages():
    root = datasets.data_dir() / "html" / "trafilatura-eval" / "html"
    out = []
    for p in sorted(root.iterdir()):
        raw = p.read_bytes()
        try:
            out.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(raw.decode("cp1252", "replace"))
    return out


def systems():
    found = {}
    import copydesk

    found["copydesk parse_html"] = copydesk.parse_html
    try:
        import trafilatura

        found["trafilatura extract"] = lambda h: trafilatura.extract(h)
        found["trafilatura extract (fast)"] = lambda h: trafilatura.extract(h, fast=True)
        found["trafilatura bare_extraction (with metadata)"] = lambda h: trafilatura.bare_extraction(
            h, with_metadata=True)
    except ImportError:
        print("trafilatura not installed", file=sys.stderr)
    try:
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.html import HTMLTree

        found["resiliparse extract_plain_text (main content)"] = lambda h: extract_plain_text(
            HTMLTree.parse(h), main_content=True)
        found["resiliparse HTMLTree.parse only"] = HTMLTree.parse
    except ImportError:
        print("resiliparse not installed", file=sys.stderr)
    try:
        from readability import Document

        found["readability-lxml summary"] = lambda h: Document(h).summary()
    except ImportError:
        print("readability-lxml not installed", file=sys.stderr)
    return found


def run_one(name, docs):
    fn = systems()[name]
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for d in docs:
            try:
                fn(d)
            except Exception:  # noqa: BLE001 - a peer failing on a page is timed all the same
                pass
        best = min(best, time.perf_counter() - start)
    return best


def child(name):
    """In a fresh process: the whole set through one system once, and its peak memory."""
    docs = pages()
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    fn = systems()[name]
    for d in docs:
        try:
            fn(d)
        except Exception:  # noqa: BLE001
            pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"peak_kb": peak, "before_kb": base}))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(sys.argv[2])
        return
    os.environ.setdefault("RAYON_NUM_THREADS", "1")
    docs = pages()
    names = list(systems())
    rows = []
    for size in SIZES:
        sub = docs[:size] if size else docs
        times = {n: run_one(n, sub) for n in names}
        base = times["copydesk parse_html"]
        for n in names:
            rows.append((len(sub), n, times[n], 1000 * times[n] / len(sub), times[n] / base))
    mem = {}
    for n in names:
        out = subprocess.run([sys.executable, __file__, "--child", n], capture_output=True, text=True, check=True)
        mem[n] = json.loads(out.stdout.strip().splitlines()[-1])
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    lines = [
        "# Web pages: speed, HTML to article, one core",
        "",
        f"`python3 bench/pages.py` on {platform.machine()} ({os.cpu_count()} cores, shared), "
        f"{datetime.date.today()}, commit {commit()}. {len(docs)} pages ({mb:.1f} MB of markup) of the "
        "trafilatura evaluation set, decoded beforehand, one page at a time on one thread; best of "
        f"{REPEATS} runs. The ratio is the system's time over copydesk's in the same run (above 1: slower "
        "than copydesk).",
        "",
        "| pages | system | seconds | ms/page | time / copydesk's |",
        "|---|---|---|---|---|",
    ]
    for pages_n, n, secs, ms, ratio in rows:
        lines.append(f"| {pages_n} | {n} | {secs:.2f} | {ms:.2f} | {ratio:.2f} |")
    lines += ["", "Peak memory (max RSS) over the whole set, each system in a fresh process (the pages "
              "held decoded in memory are in both figures):", "", "| system | before | peak |", "|---|---|---|"]
    for n in names:
        lines.append(f"| {n} | {mem[n]['before_kb'] / 1024:.0f} MB | {mem[n]['peak_kb'] / 1024:.0f} MB |")
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


def commit():
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                             check=True)
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


if __name__ == "__main__":
    main()
