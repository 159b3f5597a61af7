#!/usr/bin/env python3
"""Peak memory and throughput of the `copydesk` command on a corpus of about 1 GB.

    python3 bench/memory.py                    # ~1 GB, writes bench/results/memory.md
    python3 bench/memory.py --size-mb 200      # a quicker run

The corpus is generated OUTSIDE the repository, in $TMPDIR (default /tmp), from the
Reuters-21578 bodies (read through eval/datasets.py) repeated with light edits (each copy
has about one word in eight replaced, so copies of a story are related but mostly under
the 0.8 near-duplicate threshold), in two shapes: one JSONL file, and a directory of .txt
files (a subdirectory per copy, each with a manifest.jsonl of publication dates). It is
deleted at the end unless --keep.

Each run is `/usr/bin/time -v copydesk ... -q > /dev/null`: elapsed seconds and the peak
resident set (max RSS). parse and dates stream (a batch of 512 articles at a time), so
their memory should stay flat as the corpus grows; dedupe keeps every article and each
passage's shingles and index entries (see core/src/dedup/mod.rs, "Memory"), so its memory
grows with the passages; it runs at several sizes to show the growth.

The machine is shared with other work: read throughput as indicative, memory as exact.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import pathlib
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "eval"))

import datasets  # noqa: E402

MONTHS = {m: i for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1)}
REPLACEMENTS = ["officials", "company", "market", "said", "percent", "shares", "Monday",
                "billion", "government", "prices", "analysts", "quarter"]


def iso_date(reuters_date: str) -> str | None:
    m = re.match(r"\s*(\d{1,2})-([A-Z]{3})-(\d{4})", reuters_date)
    if not m or m.group(2) not in MONTHS:
        return None
    return f"{int(m.group(3)):04d}-{MONTHS[m.group(2)]:02d}-{int(m.group(1)):02d}"


def edit(text: str, rng: random.Random) -> str:
    """About one word in eight replaced; line structure (paragraphs) kept."""
    out = []
    for line in text.split("\n"):
        words = line.split(" ")
        for i in range(len(words)):
            if words[i] and rng.random() < 0.125:
                words[i] = rng.choice(REPLACEMENTS)
        out.append(" ".join(words))
    return "\n".join(out)


def generate(root: pathlib.Path, size_mb: float) -> list[dict]:
    """Writes corpus.jsonl and txt/NNN/*.txt; returns one entry per copy (its directory and
    the cumulative size in bytes of the text files up to it)."""
    stories = [(s.newid, s.text, iso_date(s.date)) for s in datasets.reuters_stories()]
    rng = random.Random(1987)
    target = size_mb * 1e6
    written = 0
    copies = []
    txt = root / "txt"
    with open(root / "corpus.jsonl", "w", encoding="utf-8") as jsonl:
        copy = 0
        while written < target:
            sub = txt / f"{copy:03d}"
            sub.mkdir(parents=True)
            with open(sub / "manifest.jsonl", "w", encoding="utf-8") as manifest:
                for newid, text, date in stories:
                    body = text if copy == 0 else edit(text, rng)
                    name = f"{newid}.txt"
                    data = body.encode("utf-8")
                    (sub / name).write_bytes(data)
                    written += len(data)
                    manifest.write(json.dumps({"file": name, "published": date}) + "\n")
                    jsonl.write(json.dumps({"id": f"{newid}-{copy}", "text": body, "published": date}) + "\n")
            copies.append({"dir": sub, "bytes": written, "articles": len(stories) * (copy + 1)})
            copy += 1
    return copies


def measure(binary: str, args: list[str], cwd: pathlib.Path) -> dict:
    cmd = ["/usr/bin/time", "-v", binary, *args, "-q"]
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{proc.stderr}")
    fields = {}
    for line in proc.stderr.splitlines():
        key, _, value = line.strip().rpartition(": ")
        fields[key] = value
    elapsed = fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"]
    seconds = 0.0
    for part in elapsed.split(":"):
        seconds = seconds * 60 + float(part)
    return {"seconds": seconds, "rss_mb": int(fields["Maximum resident set size (kbytes)"]) / 1024}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size-mb", type=float, default=1000, help="corpus size in MB of text (default 1000)")
    ap.add_argument("--dedupe-mb", default="50,100,200",
                    help="corpus sizes (MB) at which to run dedupe (default 50,100,200)")
    ap.add_argument("--bin", default=str(REPO / "target/release/copydesk"))
    ap.add_argument("--keep", action="store_true", help="keep the generated corpus")
    ap.add_argument("--out", default=str(REPO / "bench/results/memory.md"))
    args = ap.parse_args()
    if not os.path.exists(args.bin):
        raise SystemExit(f"no binary at {args.bin}: cargo build --release -p copydesk-cli")

    root = pathlib.Path(tempfile.mkdtemp(prefix="copydesk-memory-"))
    try:
        print(f"generating ~{args.size_mb:.0f} MB in {root} ...", file=sys.stderr)
        copies = generate(root, args.size_mb)
        total = copies[-1]
        jsonl_mb = (root / "corpus.jsonl").stat().st_size / 1e6

        def prefix(mb: float) -> dict:
            for c in copies:
                if c["bytes"] >= mb * 1e6:
                    return c
            return copies[-1]

        rows = []

        def run(command: str, shape: str, paths: list[str], text_bytes: int, articles: int, extra=()):
            print(f"{command} {shape} {text_bytes / 1e6:.0f} MB ...", file=sys.stderr)
            m = measure(args.bin, [command, *paths, *extra], root)
            rows.append({"command": command, "input": shape, "mb": text_bytes / 1e6, "articles": articles, **m})

        # parse and dates: several sizes of the directory of .txt, then the whole JSONL.
        growth = sorted({prefix(mb)["bytes"] for mb in (100, 300)} | {total["bytes"]})
        for command in ("parse", "dates"):
            for c in copies:
                if c["bytes"] in growth:
                    dirs = [str(x["dir"].relative_to(root)) for x in copies[: copies.index(c) + 1]]
                    run(command, ".txt files", dirs, c["bytes"], c["articles"])
            run(command, "one JSONL file", ["corpus.jsonl"], total["bytes"], total["articles"])
        # dedupe: several sizes, directories of .txt.
        for mb in [float(x) for x in args.dedupe_mb.split(",") if x]:
            c = prefix(mb)
            dirs = [str(x["dir"].relative_to(root)) for x in copies[: copies.index(c) + 1]]
            run("dedupe", ".txt files", dirs, c["bytes"], c["articles"])
            if c is copies[-1]:
                break
    finally:
        if args.keep:
            print(f"kept {root}", file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)

    version = subprocess.run([args.bin, "--version"], capture_output=True, text=True).stdout.strip()
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    lines = [
        "# Peak memory and throughput of the copydesk command",
        "",
        f"- Date: {datetime.date.today().isoformat()}",
        f"- Machine: {cpu}, {os.cpu_count()} cores, {mem_gib:.0f} GiB, {platform.system()} {platform.release()} "
        "(shared with other work while it ran: throughput is indicative, peak memory exact)",
        f"- Binary: {version} (release build), all cores",
        f"- Command: `python3 bench/memory.py --size-mb {args.size_mb:g} --dedupe-mb {args.dedupe_mb}`",
        f"- Corpus: Reuters-21578 bodies (19,043 stories with a body, via eval/datasets.py) repeated "
        f"{len(copies)} times, each copy after the first with about one word in eight replaced; "
        f"{total['bytes'] / 1e6:,.0f} MB of text in {total['articles']:,} articles, as .txt files "
        f"(a directory per copy with its manifest.jsonl) and as one JSONL file of {jsonl_mb:,.0f} MB. "
        "Generated in $TMPDIR, not kept.",
        "- Measure: `/usr/bin/time -v copydesk <command> <inputs> -q > /dev/null`; MB/s counts the articles' text.",
        "",
        "| command | input | MB of text | articles | seconds | MB/s | peak memory, MB |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['command']} | {r['input']} | {r['mb']:,.0f} | {r['articles']:,} | {r['seconds']:.1f} | "
            f"{r['mb'] / r['seconds']:.1f} | {r['rss_mb']:,.0f} |"
        )
    pathlib.Path(args.out).write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
