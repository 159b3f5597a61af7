#!/usr/bin/env python3
"""Scores copydesk's web-page parsing on the two HTML development sets, against the peers.

Sets (../shared/data/html, or $COPYDESK_DATA/html; scored as its README says):
- trafilatura-eval: 990 labelled pages; body = the `with`/`without` segments found in the output
  (micro-averaged precision, recall, F1), plus title, author and date accuracy where labelled.
- readability-test-pages: 130 cases; body = 4-word-shingle P/R/F1 against the rendered
  expected.html, plus title, byline, excerpt, siteName and publishedTime accuracy.

copydesk's body is its article blocks (dek, headings, paragraphs, captions) joined by newlines.

    python3 eval/pages.py                       # copydesk only, HTML path, both sets
    python3 eval/pages.py --text                # also the text path (the pages' visible text)
    python3 eval/pages.py --peers --out eval/results/pages.md   # with trafilatura & co, a table
    python3 eval/pages.py --check               # fail when below eval/pages_floors.json
    python3 eval/pages.py --errors 20           # print the missed and leaked segments of 20 pages

Peers are imported when installed (pip install trafilatura readability-lxml newspaper4k htmldate).
"""
import argparse
import collections
import html as htmllib
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "eval"))
from datasets import data_dir  # noqa: E402

# The article's running text. Captions are left out: the trafilatura set's annotators count
# them as not the article's text (`--with-captions` scores them in, as Readability keeps
# figures).
BODY_KINDS = {"dek", "heading", "paragraph"}
norm = lambda s: re.sub(r"\s+", " ", s).strip()  # noqa: E731


def html_dir():
    return data_dir() / "html"


def render_tool():
    sys.path.insert(0, str(REPO.parent / "shared" / "tools"))
    sys.path.insert(0, str(data_dir().parent / "tools"))
    import render_visible_text  # noqa: E402
    return render_visible_text


def trafilatura_set():
    root = html_dir() / "trafilatura-eval"
    evaldata = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    return root, evaldata


def readability_cases():
    root = html_dir() / "readability-test-pages"
    return sorted(p for p in root.iterdir() if (p / "source.html").exists())


def run_copydesk(files, binary, text=False):
    """{file: parsed json line} for each file, with the parse time."""
    out = {}
    with tempfile.NamedTemporaryFile("w", delete=False, suffix=".lst") as f:
        lst = f.name
    args = [binary] + (["--text"] if text else [])
    started = time.perf_counter()
    # in batches: the command line has a length limit
    for i in range(0, len(files), 400):
        chunk = [str(p) for p in files[i:i + 400]]
        res = subprocess.run(args + chunk, capture_output=True, text=True, check=True)
        for line in res.stdout.split("\n"):
            if not line:
                continue
            d = json.loads(line)
            out[d["file"]] = d
    os.unlink(lst)
    return out, time.perf_counter() - started


def declared_language(path):
    """The primary subtag of a page's <html lang="..."> (`en` of `en-GB`), or None."""
    head = pathlib.Path(path).read_bytes()[:20000].decode("utf-8", "replace")
    m = re.search(r"<html[^>]*?\slang\s*=\s*[\"']?([A-Za-z]{2,3})\b", head, re.I)
    return m.group(1).lower() if m else None


def body_of(d):
    return "\n".join(b["text"] for b in d["blocks"] if b["kind"] in BODY_KINDS)


def score_segments(evaldata, outputs):
    tp = fp = fn = tn = 0
    for url, e in evaldata.items():
        out = outputs.get(url)
        o = norm(out) if isinstance(out, str) else None
        a = sum(norm(w) in o for w in e["with"]) if o is not None else 0
        b = sum(norm(w) in o for w in e["without"]) if o is not None else 0
        tp += a; fn += len(e["with"]) - a; fp += b; tn += len(e["without"]) - b
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return dict(precision=p, recall=r, f1=2 * tp / (2 * tp + fp + fn) if tp else 0.0)


def shingles(text):
    toks = re.findall(r"\w+", text)
    if len(toks) < 4:
        return collections.Counter([tuple(toks)])
    return collections.Counter(tuple(toks[i:i + 4]) for i in range(len(toks) - 3))


def score_shingles(pairs):
    ps, rs = [], []
    for got, want in pairs:
        g, w = shingles(got or ""), shingles(want)
        tp = sum((g & w).values()); fp = sum((g - w).values()); fn = sum((w - g).values())
        ps.append(1.0 if fp == 0 and fn == 0 else (tp / (tp + fp) if tp + fp else 0.0))
        rs.append(1.0 if fp == 0 and fn == 0 else (tp / (tp + fn) if tp + fn else 0.0))
    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    return dict(precision=p, recall=r, f1=2 * p * r / (p + r) if p + r else 0.0)


def same_date(got, want):
    return bool(got) and bool(want) and str(got)[:10] == str(want)[:10]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", help="the pages example binary (default: build it)")
    ap.add_argument("--text", action="store_true", help="also score the text path on the rendered pages")
    ap.add_argument("--peers", action="store_true", help="also score trafilatura, readability-lxml, newspaper4k")
    ap.add_argument("--out", help="write the table (markdown) here")
    ap.add_argument("--check", action="store_true", help="fail when below eval/pages_floors.json")
    ap.add_argument("--errors", type=int, default=0, help="print the errors of this many pages")
    ap.add_argument("--with-captions", action="store_true", help="count captions as body text")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N pages of each set")
    args = ap.parse_args()
    if args.with_captions:
        BODY_KINDS.add("caption")
    binary = args.bin
    if not binary:
        subprocess.run(["cargo", "build", "--release", "--quiet", "-p", "copydesk", "--example", "pages"],
                       cwd=REPO, check=True)
        binary = str(REPO / "target" / "release" / "examples" / "pages")

    root, evaldata = trafilatura_set()
    entries = list(evaldata.items())
    if args.limit:
        entries = entries[:args.limit]
        evaldata = dict(entries)
    files = [root / "html" / e["file"] for _, e in entries]
    cases = readability_cases()
    if args.limit:
        cases = cases[:args.limit]
    rvt = render_tool()
    expected = {c: rvt.render(rvt.read_page(str(c / "expected.html"))) for c in cases}

    rows = []  # (system, set, metrics...)
    results = {}

    def add_copydesk(label, text_mode):
        tfiles = [root / "text" / (pathlib.Path(e["file"]).stem + ".txt") for _, e in entries] if text_mode else files
        out, secs = run_copydesk(tfiles, binary, text_mode)
        by_url = {url: out[str(f)] for (url, _), f in zip(entries, tfiles)}
        outputs = {url: body_of(d) for url, d in by_url.items()}
        seg = score_segments(evaldata, outputs)
        meta = dict(title=0, author=0, date=0)
        counts = dict(title=0, author=0, date=0)
        for url, e in entries:
            d = by_url[url]
            if e.get("title"):
                counts["title"] += 1; meta["title"] += norm(d.get("title") or "") == norm(e["title"])
            if e.get("author"):
                counts["author"] += 1
                want = e["author"] if isinstance(e["author"], str) else "; ".join(e["author"])
                meta["author"] += norm("; ".join(d.get("authors") or [])) == norm(want)
            if e.get("date"):
                counts["date"] += 1; meta["date"] += same_date(d.get("published"), e["date"])
        # The language: in text mode copydesk has only the text and tells it from there,
        # scored against the page's own <html lang> (the pages that declare one).
        lang = collections.Counter()
        if text_mode:
            for (url, e), f in zip(entries, files):
                declared = declared_language(f)
                if declared:
                    lang["pages"] += 1
                    got = by_url[url].get("language")
                    lang["right"] += got == declared
                    lang["none"] += got is None
        cfiles = [c / ("source.txt" if text_mode else "source.html") for c in cases]
        if text_mode:
            tmp = pathlib.Path(tempfile.mkdtemp())
            cfiles = []
            for c in cases:
                p = tmp / (c.name + ".txt")
                p.write_text(rvt.render(rvt.read_page(str(c / "source.html"))), encoding="utf-8")
                cfiles.append(p)
        cout, csecs = run_copydesk(cfiles, binary, text_mode)
        pairs, rmeta, rcounts = [], collections.Counter(), collections.Counter()
        for c, f in zip(cases, cfiles):
            d = cout[str(f)]
            pairs.append((body_of(d), expected[c]))
            m = json.loads((c / "expected-metadata.json").read_text(encoding="utf-8"))
            for field, got in (("title", d.get("title")), ("byline", "; ".join(d.get("authors") or []) or None),
                               ("excerpt", d.get("description")), ("siteName", d.get("site_name"))):
                if m.get(field):
                    rcounts[field] += 1; rmeta[field] += norm(got or "") == norm(m[field])
            if m.get("publishedTime"):
                rcounts["date"] += 1; rmeta["date"] += same_date(d.get("published"), m["publishedTime"])
        sh = score_shingles(pairs)
        results[label] = dict(trafilatura=seg, meta=meta, counts=counts, readability=sh, rmeta=rmeta,
                              rcounts=rcounts, seconds=secs + csecs, pages=len(tfiles) + len(cfiles),
                              by_url=by_url, outputs=outputs, language=lang)

    add_copydesk("copydesk", False)
    if args.text:
        add_copydesk("copydesk (text path)", True)
    if args.peers:
        peers(results, files, entries, evaldata, cases, expected)

    lines = ["| system | trafilatura set P / R / F1 | title | author | date | readability set P / R / F1 "
             "| title | byline | excerpt | siteName | date | ms/page |", "|" + "---|" * 12]
    for label, r in results.items():
        t, m, c, s, rm, rc = r["trafilatura"], r["meta"], r["counts"], r["readability"], r["rmeta"], r["rcounts"]
        frac = lambda a, b: f"{a}/{b}" if b else "-"  # noqa: E731
        lines.append(
            f"| {label} | {t['precision']:.3f} / {t['recall']:.3f} / **{t['f1']:.3f}** | "
            f"{frac(m.get('title', 0), c.get('title', 0))} | {frac(m.get('author', 0), c.get('author', 0))} | "
            f"{frac(m.get('date', 0), c.get('date', 0))} | "
            f"{s['precision']:.3f} / {s['recall']:.3f} / **{s['f1']:.3f}** | "
            + " | ".join(frac(rm.get(k, 0), rc.get(k, 0)) for k in ("title", "byline", "excerpt", "siteName", "date"))
            + f" | {1000 * r['seconds'] / max(r['pages'], 1):.1f} |")
    table = "\n".join(lines)
    for label, r in results.items():
        lang = r.get("language")
        if lang and lang["pages"]:
            table += (f"\n\n{label}: language told from the text agrees with the page's <html lang> on "
                      f"{lang['right']}/{lang['pages']} pages ({lang['none']} left unknown as unreliable)")
    print(table)
    if args.out:
        pathlib.Path(args.out).write_text(
            "# Web pages: copydesk against the peers\n\n"
            f"`python3 eval/pages.py {' '.join(sys.argv[1:])}` on {len(entries)} trafilatura-eval pages and "
            f"{len(cases)} readability test pages (scoring: ../shared/data/html/README.md). "
            "ms/page is wall time per page including process start and file reading, one process, "
            "on a shared machine: compare ratios, not absolutes.\n\n" + table + "\n", encoding="utf-8")
    if args.errors:
        r = results["copydesk"]
        shown = 0
        for url, e in entries:
            o = norm(r["outputs"][url])
            miss = [w for w in e["with"] if norm(w) not in o]
            leak = [w for w in e["without"] if norm(w) in o]
            if miss or leak:
                print(f"\n== {e['file']}")
                for w in miss:
                    print("  MISSED", w[:100])
                for w in leak:
                    print("  LEAKED", w[:100])
                shown += 1
                if shown >= args.errors:
                    break
    if args.check:
        floors = json.loads((REPO / "eval" / "pages_floors.json").read_text())
        r = results["copydesk"]
        got = {"trafilatura_f1": r["trafilatura"]["f1"], "readability_f1": r["readability"]["f1"],
               "title": r["meta"]["title"] / max(r["counts"]["title"], 1),
               "date": r["meta"]["date"] / max(r["counts"]["date"], 1)}
        bad = [f"{k} {got[k]:.3f} < floor {v}" for k, v in floors.items() if got[k] < v]
        if bad:
            sys.exit("below the floors: " + "; ".join(bad))
        print("floors met:", ", ".join(f"{k} {got[k]:.3f} >= {v}" for k, v in floors.items()))


def peers(results, files, entries, evaldata, cases, expected):
    systems = {}
    try:
        import trafilatura
        systems["trafilatura"] = lambda raw: _traf(trafilatura, raw, False)
        systems["trafilatura (fast)"] = lambda raw: _traf(trafilatura, raw, True)
    except ImportError:
        print("trafilatura not installed", file=sys.stderr)
    try:
        from readability import Document as RDoc
        import lxml.html

        def rl(raw):
            doc = RDoc(raw)
            text = lxml.html.fromstring(doc.summary()).text_content()
            return dict(body=text, title=doc.short_title(), authors=None, date=None)
        systems["readability-lxml"] = rl
    except ImportError:
        print("readability-lxml not installed", file=sys.stderr)
    try:
        import newspaper

        def np4k(raw):
            a = newspaper.Article("https://example.com/")
            a.download(input_html=raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw)
            a.parse()
            return dict(body=a.text, title=a.title, authors="; ".join(a.authors) or None,
                        date=a.publish_date.isoformat() if a.publish_date else None)
        systems["newspaper4k"] = np4k
    except ImportError:
        print("newspaper4k not installed", file=sys.stderr)
    try:
        import htmldate
        hd = lambda raw: dict(body=None, title=None, authors=None,  # noqa: E731
                              date=htmldate.find_date(raw, extensive_search=True))
        systems["htmldate (dates only)"] = hd
    except ImportError:
        pass
    for name, fn in systems.items():
        started = time.perf_counter()
        outputs, meta, counts = {}, collections.Counter(), collections.Counter()
        for (url, e), f in zip(entries, files):
            raw = f.read_bytes()
            try:
                d = fn(raw)
            except Exception:  # noqa: BLE001 - a peer's failure counts as no output
                d = dict(body=None, title=None, authors=None, date=None)
            outputs[url] = d["body"]
            for field, want in (("title", e.get("title")), ("author", e.get("author")), ("date", e.get("date"))):
                if want:
                    counts[field] += 1
                    got = d["title"] if field == "title" else d["authors"] if field == "author" else d["date"]
                    if field == "author" and not isinstance(want, str):
                        want = "; ".join(want)
                    meta[field] += same_date(got, want) if field == "date" else norm(got or "") == norm(want)
        pairs, rmeta, rcounts = [], collections.Counter(), collections.Counter()
        for c in cases:
            raw = (c / "source.html").read_bytes()
            try:
                d = fn(raw)
            except Exception:  # noqa: BLE001
                d = dict(body=None, title=None, authors=None, date=None)
            pairs.append((d["body"], expected[c]))
            m = json.loads((c / "expected-metadata.json").read_text(encoding="utf-8"))
            for field, got in (("title", d["title"]), ("byline", d["authors"])):
                if m.get(field):
                    rcounts[field] += 1; rmeta[field] += norm(got or "") == norm(m[field])
            if m.get("publishedTime"):
                rcounts["date"] += 1; rmeta["date"] += same_date(d["date"], m["publishedTime"])
        secs = time.perf_counter() - started
        body = any(v is not None for v in outputs.values())
        results[name] = dict(
            trafilatura=score_segments(evaldata, outputs) if body else dict(precision=0, recall=0, f1=0),
            meta=meta, counts=counts,
            readability=score_shingles(pairs) if body else dict(precision=0, recall=0, f1=0),
            rmeta=rmeta, rcounts=rcounts, seconds=secs, pages=len(files) + len(cases))


def _traf(trafilatura, raw, fast):
    body = trafilatura.extract(raw, fast=fast, include_comments=False, include_tables=True,
                               include_formatting=False)
    meta = trafilatura.extract_metadata(raw)
    return dict(body=body, title=meta.title if meta else None,
                authors=meta.author if meta else None, date=meta.date if meta else None)


if __name__ == "__main__":
    main()
