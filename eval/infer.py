"""Publication-date inference (``copydesk parse --infer-published``) on articles whose date is
known and hidden from copydesk.

Sets (read from ``../shared/data`` through ``datasets.py``, or ``$COPYDESK_DATA``):

- TBAQ: the 256 TimeML documents, their TEXT only; the truth is the creation time (DCT).
  TimeBank (183) was the set the likelihoods were set on; AQUAINT (73) is reported apart.
- Reuters-21578: the 19,043 stories with a body, as wired: title, dateline (``SALVADOR,
  Feb 26 -``) and body; the truth is the DATE field. Never tuned on.
- The seeds, without their manifest; the truth is the manifest's date.

For each set: the share of articles with a guess, and of those the share whose guess is the
exact day, within 1 day, within 7 days, and whose interval (``earliest..latest``) holds the
true date. The baseline is the simple rule: the latest full date (with a year) the text
names.

    python eval/infer.py                 # all sets, table to eval/results/infer.md
    python eval/infer.py --limit 2000    # the first 2,000 Reuters stories only
"""

from __future__ import annotations

import argparse
import datetime
import html
import json
import pathlib
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import datasets  # noqa: E402

REPO = datasets.REPO
RESULTS = REPO / "eval" / "results" / "infer.md"
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<[^>]+>")
_DCT = re.compile(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', re.S)
_VALUE = re.compile(r'value="(\d{4}-\d{2}-\d{2})')
_FULL = re.compile(r"^(\d{4}-\d{2}-\d{2})")


# The period each collection was gathered in, as its user knows it (--published-window).
WINDOWS = {"TBAQ": "1989-01-01..2000-12-31", "Reuters-21578": "1987", "seeds": "2018"}


def tbaq():
    for path in datasets.tbaq_files():
        raw = path.read_text(encoding="utf-8")
        dct = _DCT.search(raw)
        text = _TEXT.search(raw)
        if not dct or not text or not _VALUE.search(dct.group(0)):
            continue
        part = "TimeBank" if "imebank" in str(path.parent.name).lower() else "AQUAINT"
        yield (part, path.stem, html.unescape(_TAG.sub("", text.group(1))).strip(),
               _VALUE.search(dct.group(0)).group(1))


def reuters(limit):
    for i, s in enumerate(datasets.reuters_stories()):
        if limit and i >= limit:
            break
        date = datetime.datetime.strptime(s.date.split()[0], "%d-%b-%Y").date().isoformat()
        head = f"{s.dateline} - " if s.dateline else ""
        yield "Reuters", s.newid, f"{s.title}\n\n{head}{s.body}", date


def seeds():
    folder = REPO / "seeds"
    manifest = {}
    for line in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            manifest[r["file"]] = r["published"][:10]
    for name, date in sorted(manifest.items()):
        yield "seeds", name, (folder / name).read_text(encoding="utf-8"), date


def run(binary, docs, window=None):
    """{id: (published_inferred or None, latest full date named)} for the docs."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for _, i, text, _ in docs:
            f.write(json.dumps({"id": i, "text": text}) + "\n")
        path = f.name
    extra = ["--published-window", window] if window else []
    out = subprocess.run([binary, "-q", "parse", path, "--infer-published", *extra], capture_output=True,
                         text=True, check=True).stdout
    inferred = {}
    for line in out.splitlines():
        a = json.loads(line)
        inferred[a["id"]] = a.get("published_inferred")
    out = subprocess.run([binary, "-q", "dates", path], capture_output=True, text=True, check=True).stdout
    latest = {}
    for line in out.splitlines():
        t = json.loads(line)
        m = _FULL.match(t["value"] or "")
        if m and t["type"] in ("DATE", "TIME"):
            latest[t["article"]] = max(latest.get(t["article"], ""), m.group(1))
    pathlib.Path(path).unlink()
    return {i: (inferred.get(i), latest.get(i)) for _, i, _, _ in docs}


def score(docs, got, which):
    n = len(docs)
    c = dict(guess=0, exact=0, day1=0, day7=0, inside=0, narrow=0, narrow_exact=0)
    widths = []
    for _, i, _, truth in docs:
        inferred, latest = got[i]
        t = datetime.date.fromisoformat(truth)
        if which == "baseline":
            if not latest:
                continue
            d = datetime.date.fromisoformat(latest)
            lo = hi = d
        else:
            if not inferred:
                continue
            d = datetime.date.fromisoformat(inferred["date"])
            lo = datetime.date.fromisoformat(inferred["earliest"])
            hi = datetime.date.fromisoformat(inferred["latest"])
        c["guess"] += 1
        off = abs((d - t).days)
        c["exact"] += off == 0
        c["day1"] += off <= 1
        c["day7"] += off <= 7
        c["inside"] += lo <= t <= hi
        widths.append((hi - lo).days + 1)
        if widths[-1] <= 31:
            c["narrow"] += 1
            c["narrow_exact"] += off == 0
    g = max(c["guess"], 1)
    widths.sort()
    median = widths[len(widths) // 2] if widths else 0
    return (f"{c['guess']}/{n} ({100 * c['guess'] / max(n, 1):.0f}%) | {100 * c['exact'] / g:.1f} | "
            f"{100 * c['day1'] / g:.1f} | {100 * c['day7'] / g:.1f} | {100 * c['inside'] / g:.1f} | {median} | "
            f"{c['narrow']} ({100 * c['narrow_exact'] / max(c['narrow'], 1):.1f})")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=str(REPO / "target" / "release" / "copydesk"))
    ap.add_argument("--limit", type=int, default=0, help="score only the first N Reuters stories")
    ap.add_argument("--out", default=str(RESULTS))
    args = ap.parse_args()
    sets = {}
    for part, i, text, truth in tbaq():
        sets.setdefault(f"TBAQ {part}", []).append((part, i, text, truth))
    sets["Reuters-21578"] = list(reuters(args.limit))
    sets["seeds"] = list(seeds())
    lines = ["| set | method | with a guess | exact day % | within 1 day % | within 7 days % | in interval % "
             "| median interval, days | interval of 31 days or less: articles (exact %) |",
             "|---|---|---|---|---|---|---|---|---|"]
    for name, docs in sets.items():
        got = run(args.bin, docs)
        for which in ("copydesk", "baseline"):
            lines.append(f"| {name} | {which} | {score(docs, got, which)} |")
        window = WINDOWS[name.split()[0]]
        got = run(args.bin, docs, window)
        lines.append(f"| {name} | copydesk, window {window} | {score(docs, got, 'copydesk')} |")
        if name.startswith("TBAQ"):
            # Each document told its own year: the setting the day-level likelihoods were
            # set in (Reuters, told only its collection's year, was not looked at).
            got = {}
            for year in sorted({d[3][:4] for d in docs}):
                part = [d for d in docs if d[3][:4] == year]
                got.update(run(args.bin, part, year))
            lines.append(f"| {name} | copydesk, its year given | {score(docs, got, 'copydesk')} |")
    table = "\n".join(lines)
    print(table)
    pathlib.Path(args.out).write_text(
        "# Publication-date inference\n\n"
        f"`python3 eval/infer.py {' '.join(sys.argv[1:])}`: each article's date hidden, inferred from its "
        "own temporal expressions (`copydesk parse --infer-published`). Percentages are of the articles "
        "with a guess. The baseline is the latest full date the text names (its interval is that day). "
        "With a window, copydesk is told the period the collection was gathered in "
        "(`--published-window`: TBAQ 1989-2000, Reuters 1987, the seeds 2018). "
        "The likelihoods were set looking at TBAQ TimeBank only.\n\n" + table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
