"""Quotation extraction (``copydesk parse``'s ``quotes``) scored against a gold set of Reuters wire copy.

The gold set is ``eval/gold/quotes/``: ``reuters.jsonl`` (one quotation a line: ``newid``,
``start``, ``end``, ``text``, ``kind``, ``speaker``; offsets are ``str`` indices into
``ReutersStory.text`` from ``datasets.py``), ``stories.jsonl`` (the stories annotated
completely: every quotation in them is in the gold) and ``RULES.md`` (what counts, the
extent, the kinds, how the speaker is named, and how the stories were chosen: a seeded
sample, never looked at through copydesk).

Each annotated story is given to ``copydesk parse`` as a JSONL record (``id`` = NEWID,
``text`` = the story's text); its ``quotes`` (offsets in characters, copydesk's default)
are compared with the gold of that story:

- extent: precision, recall and F1 under exact match (same start and end) and relaxed match
  (any overlap; each gold and each system quotation matched at most once), overall and
  recall by gold kind. A system quotation in an annotated story that matches no gold one is
  a false positive.
- kind: accuracy over the relaxed matches and the confusion table (gold kind x system
  kind, with the missed and the false positives), so that "no term reported as direct" can
  be read off it.
- speaker: over the relaxed matches whose gold kind is direct or partial, strict (the
  normalised names are equal) and lenient (the same entity by the rule in ``same_entity``:
  equal; the same last word with the words of one contained in the other's; one the start
  of the other followed by a qualifier such as ``of`` or ``with``; or one the initials of
  the other; a parenthesis and company suffixes left out). Normalising lowercases, drops
  punctuation, a possessive ``'s``, a leading ``a``/``an``/``the``, honorifics and
  ``Jr``/``Sr``. A gold null speaker is right only when the system gives none.

The annotated stories are split in the order of ``stories.jsonl`` (the seeded order): the
first ``DEVELOPMENT`` (62) are the development stories, the rest (32) are held out. Every
figure is given for development, held out and all; ``--errors`` writes the development
stories' errors only. The held-out stories' errors are counted, never written: tune on
development, and only check that held out does not drop.

    python3 eval/quotes.py                     # score, write eval/results/quotes.md
    python3 eval/quotes.py --errors FILE       # also write every development error with its context
    python3 eval/quotes.py --check-gold        # the gold files are well formed (no copydesk run)
    python3 eval/quotes.py --sample 100        # the first 100 stories of the seeded sample order

``--bin`` names the copydesk binary (default: ``target/release/copydesk``, else
``target/debug/copydesk``, else ``cargo run``). Anything in the results file from the heading
``## Reading the errors`` on is written by hand and kept when the file is written again.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import json
import os
import pathlib
import platform
import random
import re
import subprocess
import sys
import tempfile
import unicodedata
from typing import Dict, List, Optional, Tuple

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import datasets  # noqa: E402

REPO = datasets.REPO
GOLD = REPO / "eval" / "gold" / "quotes"
RESULTS = REPO / "eval" / "results" / "quotes.md"
KINDS = ("direct", "partial", "term")
HAND = "## Reading the errors"
SEED = 19
# The first this many stories of stories.jsonl are development; the rest are held out.
DEVELOPMENT = 62


# --- the data -------------------------------------------------------------------------------


def sample_order() -> List[datasets.ReutersStory]:
    """The stories the gold is drawn from, in the seeded order (RULES.md, Which stories)."""
    eligible = [s for s in datasets.reuters_stories() if '"' in s.body and len(s.body.split()) > 150]
    random.Random(SEED).shuffle(eligible)
    return eligible


def read_jsonl(path: pathlib.Path) -> List[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise SystemExit(f"{path}:{n}: not JSON: {e}")
    return rows


def load_gold() -> Tuple[List[str], Dict[str, List[dict]]]:
    """(annotated NEWIDs in order, {newid: gold quotations in text order})."""
    stories = [r["newid"] for r in read_jsonl(GOLD / "stories.jsonl") if r.get("complete")]
    gold: Dict[str, List[dict]] = {n: [] for n in stories}
    for q in read_jsonl(GOLD / "reuters.jsonl"):
        gold.setdefault(q["newid"], []).append(q)
    for qs in gold.values():
        qs.sort(key=lambda q: q["start"])
    return stories, gold


def split(stories: List[str]) -> List[Tuple[str, List[str]]]:
    """The parts scored: (name, NEWIDs), development first, then held out, then all."""
    return [("development", stories[:DEVELOPMENT]), ("held out", stories[DEVELOPMENT:]), ("all", stories)]


def story_texts(newids) -> Dict[str, str]:
    wanted = set(newids)
    return {s.newid: s.text for s in datasets.reuters_stories() if s.newid in wanted}


def check_gold() -> int:
    """Every field and offset of the gold; the stories are the sample's first N. Exit status."""
    problems = []
    stories, gold = load_gold()
    texts = story_texts(stories)
    if len(set(stories)) != len(stories):
        problems.append("stories.jsonl lists a story twice")
    order = [s.newid for s in sample_order()]
    if stories != order[: len(stories)]:
        problems.append(f"stories.jsonl is not the first {len(stories)} stories of the seeded sample order")
    n = 0
    for newid, qs in gold.items():
        if newid not in stories:
            problems.append(f"{newid}: quotations of a story not in stories.jsonl")
            continue
        text = texts.get(newid)
        if text is None:
            problems.append(f"{newid}: no such Reuters story with a body")
            continue
        previous_end = -1
        for q in qs:
            n += 1
            where = f"{newid} {q.get('start')}-{q.get('end')}"
            if set(q) != {"newid", "start", "end", "text", "kind", "speaker"}:
                problems.append(f"{where}: fields {sorted(q)}")
            if not (isinstance(q.get("start"), int) and isinstance(q.get("end"), int)
                    and 0 <= q["start"] < q["end"] <= len(text)):
                problems.append(f"{where}: offsets out of the text")
                continue
            if text[q["start"]:q["end"]] != q.get("text"):
                problems.append(f"{where}: text {str(q.get('text'))[:60]!r} is not story.text[start:end] "
                                f"{text[q['start']:q['end']][:60]!r}")
            if q["start"] < previous_end:
                problems.append(f"{where}: overlaps the quotation before")
            previous_end = q["end"]
            if q.get("kind") not in KINDS:
                problems.append(f"{where}: kind {q.get('kind')!r}")
            sp = q.get("speaker")
            if sp is not None and (not isinstance(sp, str) or not sp.strip() or sp != sp.strip()):
                problems.append(f"{where}: speaker {sp!r}")
            if q.get("kind") == "term" and sp is not None:
                problems.append(f"{where}: a term with a speaker")
            body = q["text"]
            if body != body.strip() or body.endswith(","):
                problems.append(f"{where}: extent not trimmed as RULES.md says (whitespace, trailing comma)")
            # the extent lies inside double marks: a mark before it in its paragraph
            para_start = max(text.rfind("\n", 0, q["start"]), 0)
            if '"' not in text[para_start:q["start"]]:
                problems.append(f"{where}: no opening mark before it in its paragraph")
    for p in problems:
        print(p, file=sys.stderr)
    print(f"gold: {len(stories)} stories, {n} quotations, "
          f"{'OK' if not problems else str(len(problems)) + ' problems'}")
    return 1 if problems else 0


# --- running copydesk -----------------------------------------------------------------------


def binary(explicit: Optional[str]) -> List[str]:
    if explicit:
        return [explicit]
    for profile in ("release", "debug"):
        path = REPO / "target" / profile / "copydesk"
        if path.exists():
            return [str(path)]
    return ["cargo", "run", "--quiet", "--locked", "--manifest-path", str(REPO / "Cargo.toml"), "--"]


def run(command: List[str], texts: Dict[str, str]) -> Dict[str, List[dict]]:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for newid, text in texts.items():
            f.write(json.dumps({"id": newid, "text": text}) + "\n")
        path = f.name
    try:
        out = subprocess.run(command + ["-q", "parse", "--input-format", "jsonl", path],
                             capture_output=True, text=True, check=True).stdout
    finally:
        pathlib.Path(path).unlink()
    system: Dict[str, List[dict]] = {}
    for line in out.splitlines():
        a = json.loads(line)
        system[str(a["id"])] = sorted(a.get("quotes") or [], key=lambda q: q["start"])
    return system


# --- speakers -------------------------------------------------------------------------------

_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir"}
_SUFFIXES = {"jr", "sr", "ii", "iii"}
_COMPANY = {"inc", "corp", "corporation", "co", "ltd", "plc", "ag", "sa", "nv", "llc"}
_DETERMINERS = {"a", "an", "the"}
_SMALL = {"of", "for", "and", "the", "de", "du", "des", "la", "le"}
# Words after which a longer name only says more about the same one (``one analyst with a
# major oil company``, ``Robert Dole of Kansas``, ``a source who was briefed ...``).
_QUALIFIERS = {"of", "with", "who", "which", "in", "at", "from", "for", "on", "to", "close"}


def words(name: Optional[str], lenient: bool = False) -> List[str]:
    """The name's words, normalised: lowercase, punctuation and a possessive ``'s`` out, a
    leading determiner, honorifics and ``Jr``/``Sr`` out; leniently also a parenthesis (the
    party and state tag of ``Alan Cranston (D-Cal.)``, closed or not) and company suffixes
    (``Inc``, ``Corp``, ``Ltd``...)."""
    if not name:
        return []
    s = unicodedata.normalize("NFKC", name).lower().replace("\u2019", "'")
    if lenient:
        s = re.sub(r"\([^)]*(\)|$)", " ", s)
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^\w\s-]", " ", s).replace("-", " ")
    w = s.split()
    while w and w[0] in _DETERMINERS:
        w = w[1:]
    drop = _HONORIFICS | _SUFFIXES | (_COMPANY if lenient else set())
    return [x for x in w if x not in drop]


def same_strict(gold: Optional[str], system: Optional[str]) -> bool:
    if gold is None or system is None:
        return gold is None and system is None
    return words(gold) == words(system)


def _initials(w: List[str]) -> str:
    return "".join(x[0] for x in w if x not in _SMALL)


def same_entity(gold: Optional[str], system: Optional[str]) -> bool:
    """The lenient rule, on the lenient normalisation (``words(..., lenient=True)``): equal;
    or the same last word and the words of one contained in the other's (``Baker`` / ``James
    Baker``, ``Finance Ministry`` / ``Japan's Finance Ministry``, ``the spokesman`` / ``a UAL
    spokesman``); or one the start of the other with the rest a qualifier (``one analyst`` /
    ``one analyst with a major oil company``; not ``World Bank`` / ``World Bank sources``);
    or one written as the initials of the other (``OECD``)."""
    if gold is None or system is None:
        return gold is None and system is None
    g, s = words(gold, True), words(system, True)
    if not g or not s:
        return g == s
    if g == s:
        return True
    if g[-1] == s[-1] and (set(g) <= set(s) or set(s) <= set(g)):
        return True
    short, long_ = (g, s) if len(g) < len(s) else (s, g)
    if long_[: len(short)] == short and long_[len(short)] in _QUALIFIERS:
        return True
    for one, other in ((g, s), (s, g)):
        if len(one) == 1 and len(other) > 1 and one[0] == _initials(other):
            return True
    return False


# --- scoring --------------------------------------------------------------------------------


def overlap(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def match(gold: List[dict], system: List[dict]) -> List[Tuple[Optional[int], Optional[int]]]:
    """One-to-one relaxed matching of one story: exact pairs first, then the largest overlaps."""
    pairs: List[Tuple[Optional[int], Optional[int]]] = []
    used_g, used_s = set(), set()
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            if j not in used_s and g["start"] == s["start"] and g["end"] == s["end"]:
                pairs.append((i, j)); used_g.add(i); used_s.add(j)
                break
    candidates = sorted(((overlap(g, s), i, j) for i, g in enumerate(gold) for j, s in enumerate(system)
                         if i not in used_g and j not in used_s and overlap(g, s) > 0), reverse=True)
    for _, i, j in candidates:
        if i not in used_g and j not in used_s:
            pairs.append((i, j)); used_g.add(i); used_s.add(j)
    pairs += [(i, None) for i in range(len(gold)) if i not in used_g]
    pairs += [(None, j) for j in range(len(system)) if j not in used_s]
    return pairs


def context(text: str, start: int, end: int, width: int = 70) -> str:
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return re.sub(r"\s+", " ", f"...{left}[{text[start:end]}]{right}...")


def prf(tp: int, n_sys: int, n_gold: int) -> Tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(stories, gold, system, texts):
    c = collections.Counter()
    confusion = collections.Counter()  # (gold kind or "none", system kind or "none")
    recall_by_kind = collections.Counter()
    errors: List[Tuple[str, str]] = []  # (class, line)
    for newid in stories:
        gs, ss, text = gold.get(newid, []), system.get(newid, []), texts[newid]
        c["gold"] += len(gs)
        c["system"] += len(ss)
        for i, j in match(gs, ss):
            g = gs[i] if i is not None else None
            s = ss[j] if j is not None else None
            if g is None:
                confusion[("none", s["kind"])] += 1
                errors.append((f"false positive ({s['kind']})",
                               f"{newid} {context(text, s['start'], s['end'])} system speaker={s.get('speaker')!r}"))
                continue
            recall_by_kind[(g["kind"], "gold")] += 1
            if s is None:
                confusion[(g["kind"], "none")] += 1
                errors.append((f"missed ({g['kind']})",
                               f"{newid} {context(text, g['start'], g['end'])} gold speaker={g['speaker']!r}"))
                continue
            c["relaxed"] += 1
            recall_by_kind[(g["kind"], "relaxed")] += 1
            exact = g["start"] == s["start"] and g["end"] == s["end"]
            if exact:
                c["exact"] += 1
                recall_by_kind[(g["kind"], "exact")] += 1
            else:
                how = ("longer" if s["start"] <= g["start"] and s["end"] >= g["end"] else
                       "shorter" if s["start"] >= g["start"] and s["end"] <= g["end"] else "shifted")
                errors.append((f"extent: system {how}",
                               f"{newid} gold {context(text, g['start'], g['end'], 30)} "
                               f"system [{text[s['start']:s['end']]}]".replace("\n", " ")))
            confusion[(g["kind"], s["kind"])] += 1
            if g["kind"] == s["kind"]:
                c["kind_ok"] += 1
            else:
                errors.append((f"kind: gold {g['kind']}, system {s['kind']}",
                               f"{newid} {context(text, g['start'], g['end'])}"))
            if g["kind"] in ("direct", "partial"):
                c["speaker_n"] += 1
                strict = same_strict(g["speaker"], s.get("speaker"))
                lenient = same_entity(g["speaker"], s.get("speaker"))
                c["speaker_strict"] += strict
                c["speaker_lenient"] += lenient
                if not lenient:
                    if s.get("speaker") is None:
                        cls = "speaker: none given"
                    elif g["speaker"] is None:
                        cls = "speaker: given where the text does not say"
                    else:
                        cls = "speaker: another entity"
                    errors.append((cls, f"{newid} {context(text, g['start'], g['end'], 50)} gold={g['speaker']!r} "
                                        f"system={s.get('speaker')!r} mention={s.get('speaker_mention')!r}"))
                elif not strict:
                    errors.append(("speaker: same entity, another name (lenient only)",
                                   f"{newid} gold={g['speaker']!r} system={s.get('speaker')!r}"))
    return c, confusion, recall_by_kind, errors


def table(c, confusion, recall_by_kind, n_stories, name: str) -> str:
    lines = [f"### {name.capitalize()}", "",
             f"{n_stories} stories, {c['gold']} gold quotations, {c['system']} system quotations.", "",
             "| match | precision | recall | F1 | matched |", "|---|---|---|---|---|"]
    for name, tp in (("exact", c["exact"]), ("relaxed (overlap)", c["relaxed"])):
        p, r, f = prf(tp, c["system"], c["gold"])
        lines.append(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {tp} |")
    lines += ["", "Recall by gold kind:", "", "| gold kind | gold | exact | relaxed |", "|---|---|---|---|"]
    for k in KINDS:
        n = recall_by_kind[(k, "gold")]
        lines.append(f"| {k} | {n} | {recall_by_kind[(k, 'exact')]} ({100 * recall_by_kind[(k, 'exact')] / max(n, 1):.0f}%) "
                     f"| {recall_by_kind[(k, 'relaxed')]} ({100 * recall_by_kind[(k, 'relaxed')] / max(n, 1):.0f}%) |")
    kind_acc = c["kind_ok"] / max(c["relaxed"], 1)
    lines += ["", f"Kind accuracy over the {c['relaxed']} relaxed matches: {kind_acc:.3f} ({c['kind_ok']}).", "",
              "Confusion (rows: gold kind; columns: system kind; `none`: missed or not in the gold):", "",
              "| gold \\ system | direct | partial | term | none |", "|---|---|---|---|---|"]
    for g in KINDS + ("none",):
        cells = [str(confusion[(g, s)]) if not (g == "none" and s == "none") else "" for s in KINDS + ("none",)]
        lines.append(f"| {g} | " + " | ".join(cells) + " |")
    n = c["speaker_n"]
    lines += ["", f"Speaker, over the {n} relaxed matches whose gold kind is direct or partial: "
              f"strict {c['speaker_strict'] / max(n, 1):.3f} ({c['speaker_strict']}), "
              f"lenient (same entity) {c['speaker_lenient'] / max(n, 1):.3f} ({c['speaker_lenient']})."]
    return "\n".join(lines)


def summary(parts) -> str:
    """One line per part: the figures issue 19 sets targets for."""
    lines = ["| part | stories | extent F1 (exact) | kind accuracy | speaker strict | speaker lenient | term as direct |",
             "|---|---|---|---|---|---|---|"]
    for name, n_stories, (c, confusion, _, _) in parts:
        f = prf(c["exact"], c["system"], c["gold"])[2]
        n = max(c["speaker_n"], 1)
        lines.append(f"| {name} | {n_stories} | {f:.3f} | {c['kind_ok'] / max(c['relaxed'], 1):.3f} "
                     f"| {c['speaker_strict'] / n:.3f} | {c['speaker_lenient'] / n:.3f} "
                     f"| {confusion[('term', 'direct')]} |")
    return "\n".join(lines)


def error_counts(parts) -> str:
    """The errors by class, a column per part."""
    counts = [collections.Counter(cls for cls, _ in errors) for _, _, (_, _, _, errors) in parts]
    classes = sorted(set().union(*counts), key=lambda k: (-counts[-1][k], k))
    lines = ["| error | " + " | ".join(name for name, _, _ in parts) + " |",
             "|---|" + "---|" * len(parts)]
    for cls in classes:
        lines.append(f"| {cls} | " + " | ".join(str(c[cls]) for c in counts) + " |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", help="the copydesk binary")
    ap.add_argument("--out", default=str(RESULTS))
    ap.add_argument("--errors", metavar="FILE", help="write every development error, by class, with its context (held-out errors are never written)")
    ap.add_argument("--check-gold", action="store_true", help="check the gold files only (fast, no copydesk)")
    ap.add_argument("--sample", type=int, metavar="N", help="print the first N NEWIDs of the sample order")
    args = ap.parse_args()
    if args.check_gold:
        sys.exit(check_gold())
    if args.sample:
        for i, s in enumerate(sample_order()[: args.sample]):
            print(i, s.newid, s.title)
        return
    stories, gold = load_gold()
    texts = story_texts(stories)
    command = binary(args.bin)
    system = run(command, texts)
    parts = []
    for name, ids in split(stories):
        parts.append((name, len(ids), score(ids, gold, system, texts)))
    result = "\n\n".join([summary(parts)] + [table(*scored[:3], n, name) for name, n, scored in parts])
    print(result)
    if args.errors:
        # The development stories' errors only: the held-out ones are never written.
        name, _, (_, _, _, errors) = parts[0]
        assert name == "development"
        by_class = collections.defaultdict(list)
        for cls, line in errors:
            by_class[cls].append(line)
        with open(args.errors, "w", encoding="utf-8") as f:
            f.write(f"# Errors of the {DEVELOPMENT} development stories (the held-out ones are not written)\n\n")
            for cls in sorted(by_class, key=lambda k: (-len(by_class[k]), k)):
                f.write(f"## {cls} ({len(by_class[cls])})\n\n")
                for line in by_class[cls]:
                    f.write(f"- {line}\n")
                f.write("\n")
        print(f"wrote {len(errors)} development errors to {args.errors}")
    out = pathlib.Path(args.out)
    kept = ""
    if out.exists():
        old = out.read_text(encoding="utf-8")
        if HAND in old:
            kept = old[old.index(HAND):]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                            text=True).stdout.strip() or "unknown"
    flags = " ".join(a for a in sys.argv[1:])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        "# Quotations: copydesk parse against the Reuters gold set\n\n"
        f"Command: `python3 eval/quotes.py{' ' + flags if flags else ''}` ({datetime.date.today().isoformat()}, "
        f"commit {commit}, {platform.machine()} {os.cpu_count()} cores, binary `{' '.join(command)}`).\n\n"
        "The gold is `eval/gold/quotes/` (rules in its `RULES.md`): every quotation of the first stories of a "
        "seeded sample of Reuters-21578 wire stories that hold a double quotation mark, annotated by reading "
        "them, kind and speaker included. Exact match: the same start and end (a trailing comma inside the "
        "marks is not part of a quotation, a final period is); relaxed: any overlap, one to one. A system "
        "quotation in an annotated story that matches no gold one is a false positive. Kind and speaker are "
        "scored over the relaxed matches; speakers only where the gold kind is direct or partial, strict "
        "(same normalised name) and lenient (the same entity: the same last word and one name's words within "
        "the other's, or one the start of the other followed by a qualifier such as `of` or `with`, or one the "
        "initials of the other; party tags in parentheses and company suffixes left out; `same_entity` in the "
        "script).\n\n"
        f"The stories are split in the order of `stories.jsonl`: the first {DEVELOPMENT} are development, "
        f"the last {len(stories) - DEVELOPMENT} are held out (their errors are counted, never written or read); "
        "every figure is given for each part and for all.\n\n" + result + "\n\n## Errors by class\n\n"
        "`python3 eval/quotes.py --errors FILE` writes each development error with its context.\n\n"
        + error_counts(parts) + "\n\n" + (kept or f"{HAND}\n\n(not written yet)\n"),
        encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
