"""TempEval-3 Task A scoring of ``copydesk dates`` on TBAQ (TimeBank 1.2 + AQUAINT).

Runs ``copydesk dates --format timeml --output-dir DIR`` over the 256 TBAQ documents (each
document's creation time is its reference date), then scores the TIMEX3 tags in the output's
TEXT against the gold ones, the way TempEval-3 Task A does:

- extent precision, recall and F1 under strict match (exact span) and relaxed match (any
  overlap);
- value F1 and type F1: the attribute's accuracy over the relaxed matches times relaxed F1.

The DCT TIMEX3 is metadata, not an expression to find: only tags inside TEXT count.
Development and held-out documents: TimeBank (183 documents) was the development half from the
start. AQUAINT was held out whole until stop 13; since then its documents from 1998 and 1999
(48 documents: the embassy bombings, the Slepian murder, Kosovo, Xinhua copy) are development
too, and its 25 documents from 2000 (mostly the Elian Gonzalez story) stay held out. The split
runs along stories and dates, so no story is on both sides. Each part is reported, AQUAINT as a
whole for comparison with earlier figures, and the whole. ``--errors`` writes the development
documents' errors only; the held-out documents' errors are counted, never written.

    python eval/tempeval.py                  # score, write eval/results/tempeval.md
    python eval/tempeval.py --errors FILE    # also write every miss, false alarm and wrong value
    python eval/tempeval.py --check          # CI: fail if a figure drops below its floor
    python eval/tempeval.py --set wikiwars   # the narrative set (eval/results/tempeval_wikiwars.md)
    python eval/tempeval.py --set tweets     # the colloquial set (eval/results/tempeval_tweets.md)
    python eval/tempeval.py --set all --check

``--bin`` names the copydesk binary (default: ``target/release/copydesk``, else
``target/debug/copydesk``, else ``cargo run``).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import pathlib
import platform
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import datasets  # noqa: E402

REPO = datasets.REPO
RESULTS = REPO / "eval" / "results" / "tempeval.md"
FLOORS = REPO / "eval" / "tempeval_floors.json"

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Timex:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass
class Doc:
    text: str
    timexes: List[Timex]


def parse(xml: str) -> Doc:
    """The TEXT of a TimeML document without tags, and its TIMEX3 tags as spans into it."""
    m = _TEXT.search(xml)
    if not m:
        raise ValueError("no <TEXT> element")
    body = m.group(1)
    out: List[str] = []
    pos = 0
    length = 0
    timexes: List[Timex] = []
    open_timex: Optional[Tuple[int, Dict[str, str]]] = None
    for tag in _TAG.finditer(body):
        piece = body[pos : tag.start()]
        out.append(piece)
        length += len(piece)
        pos = tag.end()
        closing, name = tag.group(1) == "/", tag.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            text = "".join(out)[start:length]
            timexes.append(Timex(start, length, attrs.get("type", ""), attrs.get("value", ""), text))
            open_timex = None
    out.append(body[pos:])
    return Doc("".join(out), timexes)


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed_gold: int = 0
    relaxed_system: int = 0
    matched: int = 0
    value_ok: int = 0
    type_ok: int = 0

    def add(self, other: "Counts") -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(other, k))

    @staticmethod
    def _f(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def figures(self) -> Dict[str, float]:
        sp = self.strict / self.system if self.system else 0.0
        sr = self.strict / self.gold if self.gold else 0.0
        rp = self.relaxed_system / self.system if self.system else 0.0
        rr = self.relaxed_gold / self.gold if self.gold else 0.0
        rf = self._f(rp, rr)
        return {
            "strict_p": 100 * sp,
            "strict_r": 100 * sr,
            "strict_f1": 100 * self._f(sp, sr),
            "relaxed_p": 100 * rp,
            "relaxed_r": 100 * rr,
            "relaxed_f1": 100 * rf,
            "value_f1": 100 * rf * (self.value_ok / self.matched if self.matched else 0.0),
            "type_f1": 100 * rf * (self.type_ok / self.matched if self.matched else 0.0),
        }


def score(gold: Doc, system: Doc, errors: Optional[List[str]] = None, name: str = "") -> Counts:
    if gold.text != system.text:
        raise SystemExit(f"{name}: the output's TEXT differs from the gold TEXT; the annotator must not change the text")
    c = Counts(gold=len(gold.timexes), system=len(system.timexes))
    gold_spans = {(g.start, g.end) for g in gold.timexes}
    c.strict = sum((s.start, s.end) in gold_spans for s in system.timexes)
    overlaps = lambda a, b: a.start < b.end and b.start < a.end  # noqa: E731
    c.relaxed_gold = sum(any(overlaps(g, s) for s in system.timexes) for g in gold.timexes)
    c.relaxed_system = sum(any(overlaps(g, s) for g in gold.timexes) for s in system.timexes)
    used = set()
    for g in gold.timexes:
        # One system expression per gold one: the exact span if there is one, else the first overlap.
        cands = [i for i, s in enumerate(system.timexes) if i not in used and overlaps(g, s)]
        exact = [i for i in cands if (system.timexes[i].start, system.timexes[i].end) == (g.start, g.end)]
        pick = (exact or cands or [None])[0]
        if pick is None:
            if errors is not None:
                errors.append(f"MISS\t{name}\t{g.type}\t{g.value}\t{g.text!r}\t{_context(gold.text, g)}")
            continue
        used.add(pick)
        s = system.timexes[pick]
        c.matched += 1
        c.value_ok += s.value == g.value
        c.type_ok += s.type == g.type
        if errors is not None:
            if (s.start, s.end) != (g.start, g.end):
                errors.append(f"EXTENT\t{name}\tgold {g.text!r}\tsys {s.text!r}\t{_context(gold.text, g)}")
            if s.value != g.value or s.type != g.type:
                errors.append(
                    f"VALUE\t{name}\t{g.text!r}\tgold {g.type} {g.value}\tsys {s.type} {s.value}\t{_context(gold.text, g)}"
                )
    if errors is not None:
        for s in system.timexes:
            if not any(overlaps(g, s) for g in gold.timexes):
                errors.append(f"FALSE\t{name}\t{s.type}\t{s.value}\t{s.text!r}\t{_context(system.text, s)}")
    return c


def _context(text: str, t: Timex) -> str:
    left = text[max(0, t.start - 60) : t.start].replace("\n", " ")
    right = text[t.end : t.end + 40].replace("\n", " ")
    return f"...{left}[{text[t.start:t.end]}]{right}..."


def binary(explicit: Optional[str]) -> List[str]:
    if explicit:
        return [explicit]
    for profile in ("release", "debug"):
        path = REPO / "target" / profile / "copydesk"
        if path.exists():
            return [str(path)]
    return ["cargo", "run", "--quiet", "--locked", "--manifest-path", str(REPO / "Cargo.toml"), "--"]


def run(files: List[pathlib.Path], out_dir: pathlib.Path, command: List[str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        command + ["dates", "--format", "timeml", "--output-dir", str(out_dir), *map(str, files)],
        check=True,
    )
    return time.perf_counter() - started


STANDARD = ", standard forms"


def evaluate(command: List[str], errors: Optional[List[str]] = None, which: str = "tbaq") -> Tuple[Dict[str, Counts], float]:
    """Scores one set; for a set whose gold has forms of its own (the tweets), each part is
    also scored with those forms mapped to standard TIMEX3 on both sides (`PART, standard
    forms`)."""
    files = SETS[which]["files"]()
    if len(files) == 0:
        raise SystemExit(f"no {which} documents found under the data folder")
    names = [f.name for f in files]
    if len(set(names)) != len(names):
        raise SystemExit(f"{which} file names are not unique; cannot collect the output by name")
    part_fn = SETS[which]["part"]
    roles = SETS[which]["roles"]
    with tempfile.TemporaryDirectory() as tmp:
        seconds = run(files, pathlib.Path(tmp), command)
        standard = SETS[which].get("standard", False)
        parts = {name: Counts() for name in roles}
        if standard:
            parts.update({name + STANDARD: Counts() for name in roles})
        for f in files:
            gold = parse(f.read_text(encoding="utf-8"))
            system = parse((pathlib.Path(tmp) / f.name).read_text(encoding="utf-8"))
            part = part_fn(f)
            found: List[str] = []
            c = score(gold, system, found, f"{f.parent.name}/{f.name}")
            if errors is not None:
                errors.extend(f"{e}\t{part}" for e in found)
            for name in dict.fromkeys((part, *SETS[which]["sums"](f))):
                parts[name].add(c)
            if standard:
                c = score(standardize(gold), standardize(system))
                for name in dict.fromkeys((part, *SETS[which]["sums"](f))):
                    parts[name + STANDARD].add(c)
    return parts, seconds


# The tweets' gold writes some values in forms of its own (tweets-train/PROVENANCE.md); with
# --standard they are rewritten to standard TIMEX3 on both sides (gold and output alike)
# before comparing. The resolver is never taught these forms. What is mapped:
#   YYYY-MM-DD-WXX-d[Tpod]  a weekday with its date     -> YYYY-MM-DD[Tpod]
#   YYYY-XX-XX              a written year              -> YYYY
#   YYYY-MM-Www             a week with its month       -> YYYY-Www
#   PnH, PXH                hours without the T         -> PTnH, PTXH
#   XXXX-WE                 weekends as a set           -> XXXX-WXX-WE
# Left as they are (no standard form): ordinals (P1D-#1), operators (... INTERSECT PT1S),
# unknown times of day (TXX).
_STANDARD = [
    (re.compile(r"^(\d{4}-\d{2}-\d{2})-WXX-\d(T\w+)?$"), r"\1\2"),
    (re.compile(r"^(\d{4})-XX-XX$"), r"\1"),
    (re.compile(r"^(\d{4})-\d{2}-(W\d{2})$"), r"\1-\2"),
    (re.compile(r"^P(\d+|X)H$"), r"PT\1H"),
    (re.compile(r"^XXXX-WE$"), "XXXX-WXX-WE"),
]


def standard_value(value: str) -> str:
    for pattern, repl in _STANDARD:
        if pattern.match(value):
            # re.sub leaves an unmatched optional group empty (Python >= 3.5).
            return pattern.sub(repl, value)
    return value


def standardize(doc: Doc) -> Doc:
    return Doc(doc.text, [Timex(t.start, t.end, t.type, standard_value(t.value), t.text) for t in doc.timexes])


# Each part of TBAQ and its role; "AQUAINT" and "TBAQ (all)" are sums of the others.
ROLES = {
    "TimeBank": "development",
    "AQUAINT 1998-99": "development (since stop 13)",
    "AQUAINT 2000": "held out",
    "AQUAINT": "both (as reported before stop 13)",
    "TBAQ (all)": "both",
}


def part_of(path: pathlib.Path) -> str:
    """TimeBank, or the AQUAINT half a document belongs to by the year in its name
    (APW20000107.0318.tml is from 2000)."""
    if path.parent.name != "AQUAINT":
        return path.parent.name
    year = re.search(r"\d{4}", path.name)
    return "AQUAINT 2000" if year and year.group(0) == "2000" else "AQUAINT 1998-99"


def _number(path: pathlib.Path) -> int:
    m = re.search(r"(\d+)", path.stem)
    return int(m.group(1)) if m else 0


# The off-domain sets are split like TBAQ: rules are written looking at the development part
# only, and the held-out part checks that they fit the language rather than the documents.
# WikiWars: the first six development documents (01 to 11) are development, the last five (13
# to 21) held out. Tweets: train_1 to train_371 are development, train_372 to train_742 held out.
SETS: Dict[str, Dict] = {
    "tbaq": {
        "files": datasets.tbaq_files,
        "part": lambda f: part_of(f),
        "sums": lambda f: (f.parent.name, "TBAQ (all)"),
        "roles": ROLES,
    },
    "wikiwars": {
        "files": lambda: sorted((datasets.data_dir() / "timeml" / "wikiwars-dev").glob("*.tml")),
        "part": lambda f: "WikiWars 01-11" if _number(f) <= 11 else "WikiWars 13-21",
        "sums": lambda f: ("WikiWars dev (all)",),
        "roles": {"WikiWars 01-11": "development", "WikiWars 13-21": "held out", "WikiWars dev (all)": "both"},
    },
    "tweets": {
        "files": lambda: sorted(
            (datasets.data_dir() / "timeml" / "tweets-train").glob("*.tml"), key=_number
        ),
        "part": lambda f: "tweets 1-371" if _number(f) <= 371 else "tweets 372-742",
        "sums": lambda f: ("tweets (all)",),
        "roles": {"tweets 1-371": "development", "tweets 372-742": "held out", "tweets (all)": "both"},
        "standard": True,
    },
}


ALL_ROLES = {k: v for spec in SETS.values() for k, v in spec["roles"].items()}


def role(part: str) -> str:
    return ALL_ROLES[part.removesuffix(STANDARD)]


def table(parts: Dict[str, Counts]) -> str:
    rows = [
        "| set | docs role | gold | found | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 | value F1 | type F1 |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, c in parts.items():
        f = c.figures()
        rows.append(
            f"| {name} | {role(name)} | {c.gold} | {c.system} | {f['strict_p']:.1f} | {f['strict_r']:.1f} | "
            f"{f['strict_f1']:.1f} | {f['relaxed_p']:.1f} | {f['relaxed_r']:.1f} | {f['relaxed_f1']:.1f} | "
            f"{f['value_f1']:.1f} | {f['type_f1']:.1f} |"
        )
    return "\n".join(rows)


def _shape(value: str) -> str:
    return re.sub(r"\d", "9", value)


def is_development(error: str) -> bool:
    return role(error.rsplit("\t", 1)[1]).startswith("development")


def error_analysis(errors: List[str]) -> str:
    """Counts of errors by kind for each part, and for the development documents the
    commonest classes: value errors by the shape of the gold and system values, and the
    expressions most often missed or found where the gold has none."""
    kinds = ["MISS", "FALSE", "EXTENT", "VALUE"]
    counts: Dict[str, Dict[str, int]] = {}
    for e in errors:
        kind, part = e.split("\t", 1)[0], e.rsplit("\t", 1)[1]
        counts.setdefault(part, {k: 0 for k in kinds})[kind] += 1
    lines = [
        "| part | missed | false alarms | extent differs | value or type differs |",
        "|---|---:|---:|---:|---:|",
    ]
    for part in [p for p in ALL_ROLES if p in counts]:
        c = counts.get(part, {k: 0 for k in kinds})
        lines.append(f"| {part} | {c['MISS']} | {c['FALSE']} | {c['EXTENT']} | {c['VALUE']} |")
    dev = [e.split("\t") for e in errors if is_development(e)]
    shapes: Dict[str, int] = {}
    for f in dev:
        if f[0] == "VALUE":
            g, s = f[3].split(" ", 2), f[4].split(" ", 2)
            key = f"{g[1]} {_shape(g[2])} -> {s[1]} {_shape(s[2])}"
            shapes[key] = shapes.get(key, 0) + 1
    lines += ["", "Development documents, value and type errors by class (gold -> system, digits as 9):", ""]
    lines += [f"- {n} x `{k}`" for k, n in sorted(shapes.items(), key=lambda kv: -kv[1])[:12]]
    for kind, label in (("MISS", "missed"), ("FALSE", "false alarms")):
        texts: Dict[str, int] = {}
        for f in dev:
            if f[0] == kind:
                t = f[4].lower()
                texts[t] = texts.get(t, 0) + 1
        top = sorted(texts.items(), key=lambda kv: -kv[1])[:12]
        lines += ["", f"Development documents, commonest {label}: " + ", ".join(f"{t} ({n})" for t, n in top) + "."]
    return "\n".join(lines)


TITLES = {
    "tbaq": "Date normalization on TBAQ (TempEval-3 Task A)",
    "wikiwars": "Date normalization on WikiWars dev (narrative; TempEval-3 Task A scoring)",
    "tweets": "Date normalization on the SynTime tweets (colloquial; TempEval-3 Task A scoring)",
}

ABOUT = {
    "tbaq": (
        "Each document's creation time (the DCT TIMEX3) is its reference date; only the TIMEX3 tags "
        "inside TEXT are scored. Strict: exact span; relaxed: any overlap; value and type F1: the "
        "attribute's accuracy over relaxed matches times relaxed F1. TimeBank is development data; "
        "AQUAINT was held out until stop 13, when its 1998-99 documents became development data "
        "and its 2000 documents stayed held out (split by story and date)."
    ),
    "wikiwars": (
        "The 11 development documents of WikiWars (TIMEX3 conversion, `timeml/wikiwars-dev/`), each "
        "run with its DCT (2009-12-19, the download date); the narratives are historical, so the "
        "genre chosen for them decides what year-less and relative dates are read against. Scored as "
        "TBAQ is. Types are all DATE in this gold (a converter's), so type F1 measures nothing. The "
        "first six documents (01-11) are development, the last five (13-21) held out."
    ),
    "tweets": (
        "The 742 SynTime training tweets (`timeml/tweets-train/`), each with its own DCT. Scored as TBAQ "
        "is, on the raw gold and again with the gold's own value forms mapped to standard TIMEX3 on both "
        "sides (`standard forms`; the mapping is `_STANDARD` in this script: weekday-suffixed dates, "
        "`YYYY-XX-XX` years, `YYYY-MM-Www` weeks, `PnH` hours, `XXXX-WE`). train_1-371 are development, "
        "train_372-742 held out."
    ),
}


def results_path(which: str) -> pathlib.Path:
    return RESULTS if which == "tbaq" else RESULTS.with_name(f"tempeval_{which}.md")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", help="the copydesk binary to run")
    ap.add_argument("--set", default="tbaq", choices=[*SETS, "all"], help="which gold set to score (default tbaq)")
    ap.add_argument("--check", action="store_true", help="fail when a figure is below its floor in eval/tempeval_floors.json")
    ap.add_argument("--errors", metavar="FILE", help="write every miss, false alarm and wrong value to FILE")
    ap.add_argument("--out", help="where to write the results table (default eval/results/tempeval[_SET].md)")
    args = ap.parse_args()

    command = binary(args.bin)
    failed: List[str] = []
    all_errors: List[str] = []
    for which in SETS if args.set == "all" else [args.set]:
        errors: List[str] = []
        parts, seconds = evaluate(command, errors, which)
        all_errors += errors
        print(table(parts))
        if args.check:
            floors = json.loads(FLOORS.read_text())
            for part, figs in floors.items():
                if part not in parts:
                    continue
                got = parts[part].figures()
                for key, floor in figs.items():
                    if got[key] + 1e-9 < floor:
                        failed.append(f"{part} {key}: {got[key]:.2f} < floor {floor:.2f}")
            continue
        out = pathlib.Path(args.out) if args.out and args.set != "all" else results_path(which)
        write_results(out, which, command, parts, errors, seconds)
    if args.errors:
        # Only the development documents' errors are written: the held-out ones stay unread.
        dev = sorted(e for e in all_errors if is_development(e))
        pathlib.Path(args.errors).write_text("\n".join(dev) + ("\n" if dev else ""), encoding="utf-8")
        kinds: Dict[str, int] = {}
        for e in dev:
            kinds[e.split("\t", 1)[0]] = kinds.get(e.split("\t", 1)[0], 0) + 1
        print("development errors:", ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    if args.check:
        if failed:
            print("TempEval regression:\n  " + "\n  ".join(failed), file=sys.stderr)
            sys.exit(1)
        print(f"TempEval figures at or above their floors ({FLOORS.relative_to(REPO)})")


def write_results(
    out: pathlib.Path, which: str, command: List[str], parts: Dict[str, Counts], errors: List[str], seconds: float
) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip() or "unknown"
    flag = "" if which == "tbaq" else f" --set {which}"
    reference = (
        "\n\nReference, HeidelTime on TBAQ in news mode with each document's DCT: strict 83.9, "
        "relaxed 92.0, value 77.3, type 87.8."
        if which == "tbaq"
        else ""
    )
    out.write_text(
        f"# {TITLES[which]}\n\n"
        f"Command: `python eval/tempeval.py{flag}` ({datetime.date.today().isoformat()}, commit {commit}, "
        f"{platform.machine()} {os.cpu_count()} cores, binary `{' '.join(command)}`).\n\n"
        + ABOUT[which]
        + "\n\n"
        + table(parts)
        + reference
        + "\n\n## Error analysis\n\n"
        f"`python eval/tempeval.py{flag} --errors FILE` lists every error of the development documents "
        "with its context; the held-out documents' errors are counted here, never written.\n\n" + error_analysis(errors) + "\n",
        encoding="utf-8",
    )
    n = len(SETS[which]["files"]())
    print(f"wrote {out.relative_to(REPO) if out.is_relative_to(REPO) else out} ({seconds:.2f} s for {n} documents)")


if __name__ == "__main__":
    main()
