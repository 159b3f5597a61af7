"""Near-duplicate passages on Reuters-21578: copydesk against datasketch, rensa and gaoya.

One command (it creates .venv-bench if needed): ``bench/dedup.sh``; or, with the peers and
copydesk installed in the running Python, ``python bench/dedup.py``. It writes
``bench/results/dedup.md``.

What is measured, for every system, in the same run and on the same passages:

- the passages: the paragraphs of the Reuters-21578 bodies (``eval/datasets.py``), split
  with ``copydesk.paragraphs``, keeping those of at least 8 whitespace-separated words;
  subsets are the first 10% and 30% in corpus order; a synthetic corpus of 1,000,000
  passages is made from them with seeded random edits (word swaps, insertions, typos,
  deletions, truncation);
- the shingles: word 3-grams after copydesk's normalization (``copydesk.shingles``), the
  same strings for every system; 128 permutations; Jaccard threshold 0.8;
- end to end from the raw passage texts to verified pairs (Jaccard >= 0.8 on the shingle
  sets): copydesk does it all in one call; each peer gets copydesk's shingles (the time to
  make them is counted), builds its MinHash signatures and LSH index, queries every
  passage, and verifies the candidates exactly on Python sets;
- recall and precision of the verified pairs against an exhaustive reference: every pair
  with Jaccard >= 0.8 found by an exact prefix-filtered all-pairs search
  (``copydesk.exact_pairs``; its exactness is tested against brute force in
  core/src/dedup/exact.rs);
- wall time on one core (``taskset -c 0``, one thread) and on two, and the peak resident
  memory of the process that ran the system (minus what holding the passages took).

Every system runs in a fresh process.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import pathlib
import platform
import random
import subprocess
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "eval"))

THRESHOLD = 0.8
NUM_PERM = 128
N = 3
SYSTEMS = ["copydesk", "rensa", "gaoya", "datasketch", "datasketch-update"]


# --- the systems, each from raw texts to verified pairs -------------------------------


def verify(candidates, sets):
    """Exact Jaccard on the shingle sets of every candidate pair; the pairs at or above the
    threshold, as (a, b) with a < b."""
    out = set()
    for a, b in candidates:
        if a == b:
            continue
        if a > b:
            a, b = b, a
        if (a, b) in out:
            continue
        x, y = sets[a], sets[b]
        shared = len(x & y)
        if shared and shared / (len(x) + len(y) - shared) >= THRESHOLD:
            out.add((a, b))
    return out


def verified(found, sets, stages):
    """The candidates each passage's query found, verified exactly (timed as `verify`)."""
    t = time.perf_counter()
    pairs = verify(((i, j) for i, js in enumerate(found) for j in js), sets)
    stages["verify"] = time.perf_counter() - t
    return pairs


def run_copydesk(texts, stages):
    import copydesk

    t = time.perf_counter()
    result = copydesk.dedupe(texts, level="article", threshold=THRESHOLD, n=N, min_words=1, num_perm=NUM_PERM)
    pairs = [p.indices for p in result.pairs]
    stages["all"] = time.perf_counter() - t
    return pairs


def shingle_all(texts, stages):
    import copydesk

    t = time.perf_counter()
    shingles = [copydesk.shingles(text, n=N) for text in texts]
    sets = [frozenset(s) for s in shingles]
    stages["shingles"] = time.perf_counter() - t
    return shingles, sets


def run_rensa(texts, stages):
    import rensa

    shingles, sets = shingle_all(texts, stages)
    t = time.perf_counter()
    minhashes = rensa.RMinHash.from_token_sets(shingles, NUM_PERM, 42)
    lsh = rensa.RMinHashLSH(THRESHOLD, NUM_PERM, 32)
    lsh.insert_many(minhashes, 0)
    found = lsh.query_all(minhashes)
    stages["minhash+lsh"] = time.perf_counter() - t
    return verified(found, sets, stages)


def run_gaoya(texts, stages):
    import gaoya

    shingles, sets = shingle_all(texts, stages)
    t = time.perf_counter()
    # gaoya tokenizes documents itself; a callable analyzer hands it copydesk's shingles.
    docs = ["\x1f".join(s) for s in shingles]
    index = gaoya.minhash.MinHashStringIndex(
        hash_size=32,
        jaccard_threshold=THRESHOLD,
        num_bands=32,
        band_size=4,
        analyzer=lambda d: d.split("\x1f"),
        id_container="vec",
    )
    index.par_bulk_insert_docs(list(range(len(docs))), docs)
    found = index.par_bulk_query(docs)
    stages["minhash+lsh"] = time.perf_counter() - t
    return verified(found, sets, stages)


def run_datasketch(texts, stages):
    from datasketch import MinHash, MinHashLSH

    shingles, sets = shingle_all(texts, stages)
    t = time.perf_counter()
    minhashes = MinHash.bulk([[s.encode() for s in sh] for sh in shingles], num_perm=NUM_PERM)
    # datasketch chooses its own banding for the threshold (9 bands of 13 rows at 0.8).
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    with lsh.insertion_session() as session:
        for i, m in enumerate(minhashes):
            session.insert(i, m)
    found = [lsh.query(m) for m in minhashes]
    stages["minhash+lsh"] = time.perf_counter() - t
    return verified(found, sets, stages)


def run_datasketch_update(texts, stages):
    """datasketch as its README shows it: one MinHash per document, updated token by token."""
    from datasketch import MinHash, MinHashLSH

    shingles, sets = shingle_all(texts, stages)
    t = time.perf_counter()
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    minhashes = []
    for i, sh in enumerate(shingles):
        m = MinHash(num_perm=NUM_PERM)
        for s in sh:
            m.update(s.encode("utf8"))
        lsh.insert(i, m)
        minhashes.append(m)
    found = [lsh.query(m) for m in minhashes]
    stages["minhash+lsh"] = time.perf_counter() - t
    return verified(found, sets, stages)


RUNNERS = {
    "copydesk": run_copydesk,
    "rensa": run_rensa,
    "gaoya": run_gaoya,
    "datasketch": run_datasketch,
    "datasketch-update": run_datasketch_update,
}


def memory_mb(field):
    for line in pathlib.Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def worker(system, data, out):
    texts = json.loads(pathlib.Path(data).read_text())
    base = memory_mb("VmRSS")
    stages = {}
    t = time.perf_counter()
    pairs = RUNNERS[system](texts, stages)
    seconds = time.perf_counter() - t
    peak = memory_mb("VmHWM")
    with open(out + ".pairs", "w") as f:
        for a, b in pairs:
            f.write(f"{a} {b}\n")
    pathlib.Path(out).write_text(
        json.dumps({"seconds": seconds, "stages": stages, "peak_mb": peak, "base_mb": base})
    )


# --- the corpora ----------------------------------------------------------------------


def reuters_passages():
    import copydesk
    import datasets

    stories = list(datasets.reuters_stories())
    passages = []
    for story in stories:
        for start, end in copydesk.paragraphs(story.text):
            p = story.text[start:end]
            if len(p.split()) >= 8:
                passages.append(p)
    return stories, passages


def synthetic(base, count, seed=4):
    """`count` passages, each a random Reuters paragraph with random edits."""
    rng = random.Random(seed)
    vocab = [w for p in base[:5000] for w in p.split()]
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = []
    for _ in range(count):
        words = rng.choice(base).split()
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3, 5, 8])):
            op = rng.random()
            i = rng.randrange(len(words))
            if op < 0.25 and len(words) > 1:  # swap two neighbours
                j = min(i + 1, len(words) - 1)
                words[i], words[j] = words[j], words[i]
            elif op < 0.5:  # insert a word
                words.insert(i, rng.choice(vocab))
            elif op < 0.8:  # a typo
                w = words[i]
                k = rng.randrange(len(w))
                words[i] = w[:k] + rng.choice(letters) + w[k + 1 :]
            elif len(words) > 8:  # delete a word
                del words[i]
        if rng.random() < 0.1 and len(words) > 10:  # truncated
            words = words[: max(8, int(len(words) * rng.uniform(0.7, 0.95)))]
        out.append(" ".join(words))
    return out


# --- the run --------------------------------------------------------------------------


def machine():
    cpu = "unknown CPU"
    for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = int(pathlib.Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    return f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB, Linux {platform.release()}, Python {platform.python_version()}"


def versions():
    from importlib.metadata import version

    out = []
    for name in ["copydesk", "datasketch", "rensa", "gaoya"]:
        try:
            out.append(f"{name} {version(name)}")
        except Exception:
            out.append(f"{name} (not installed)")
    return ", ".join(out)


def run_system(system, data, cores, tmp):
    out = str(pathlib.Path(tmp) / f"{system}-{cores}.json")
    env = dict(os.environ, RAYON_NUM_THREADS=str(cores), OMP_NUM_THREADS=str(cores))
    cpus = "0" if cores == 1 else ",".join(str(c) for c in range(cores))
    cmd = ["taskset", "-c", cpus, sys.executable, __file__, "--worker", system, data, out]
    subprocess.run(cmd, check=True, env=env)
    result = json.loads(pathlib.Path(out).read_text())
    pairs = set()
    with open(out + ".pairs") as f:
        for line in f:
            a, b = line.split()
            pairs.add((int(a), int(b)))
    result["pairs"] = pairs
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,30,100,1M", help="percentages of the corpus, and/or 1M for the synthetic corpus")
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--cores", default="1,2")
    ap.add_argument(
        "--skip",
        default="datasketch-update@1M",
        help="system@size pairs to leave out (default: datasketch-update@1M, which would take about an hour)",
    )
    ap.add_argument("--out", default=str(REPO / "bench" / "results" / "dedup.md"))
    ap.add_argument("--worker", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(*args.worker)
        return

    systems = args.systems.split(",")
    cores_list = [int(c) for c in args.cores.split(",")]
    skip = set(filter(None, args.skip.split(",")))
    import copydesk

    t = time.perf_counter()
    stories, passages = reuters_passages()
    corpus_mb = sum(len(p.encode()) for p in passages) / 1e6
    print(f"{len(stories)} stories, {len(passages)} passages of >= 8 words, {corpus_mb:.1f} MB ({time.perf_counter() - t:.1f} s)", flush=True)

    rows = []
    refs = []
    with tempfile.TemporaryDirectory(prefix="copydesk-bench-") as tmp:
        for size in args.sizes.split(","):
            if size == "1M":
                texts = synthetic(passages, 1_000_000)
                label = "1,000,000 synthetic"
            else:
                texts = passages[: len(passages) * int(size) // 100]
                label = f"{len(texts):,} ({size}%)"
            mb = sum(len(p.encode()) for p in texts) / 1e6
            data = str(pathlib.Path(tmp) / f"texts-{size}.json")
            pathlib.Path(data).write_text(json.dumps(texts))
            t = time.perf_counter()
            ref = {(a, b) for a, b, _ in copydesk.exact_pairs(texts, THRESHOLD, N)}
            ref_seconds = time.perf_counter() - t
            refs.append((label, mb, len(ref), ref_seconds))
            print(f"{label}: {mb:.1f} MB, {len(ref)} pairs at Jaccard >= {THRESHOLD} (reference, {ref_seconds:.1f} s)", flush=True)
            for cores in cores_list:
                results = {}
                for system in systems:
                    if f"{system}@{size}" in skip:
                        continue
                    r = run_system(system, data, cores, tmp)
                    found = r["pairs"]
                    hit = len(found & ref)
                    r["recall"] = hit / len(ref) if ref else 1.0
                    r["precision"] = hit / len(found) if found else 1.0
                    r["count"] = len(found)
                    results[system] = r
                    print(
                        f"  {cores} core(s) {system:10} {r['seconds']:8.2f} s  recall {r['recall']:.4f}  precision {r['precision']:.4f}  "
                        f"peak {r['peak_mb']:.0f} MB  {r['stages']}",
                        flush=True,
                    )
                for system, r in results.items():
                    rows.append((label, len(texts), mb, cores, system, r, results))

    write_table(args, rows, refs, stories, passages, corpus_mb)


def write_table(args, rows, refs, stories, passages, corpus_mb):
    lines = [
        "# Near-duplicate passages: copydesk against datasketch, rensa and gaoya",
        "",
        f"- Date: {datetime.date.today().isoformat()}",
        f"- Machine: {machine()} (shared with other work while it ran: compare ratios, not seconds)",
        f"- Versions: {versions()}",
        f"- Command: `bench/dedup.sh{' ' + ' '.join(sys.argv[1:]) if sys.argv[1:] else ''}`",
        f"- Corpus: {len(stories):,} Reuters-21578 stories with a body, split with `copydesk.paragraphs`; "
        f"{len(passages):,} paragraphs of at least 8 words, {corpus_mb:.1f} MB. The synthetic corpus: 1,000,000 of them with seeded random edits.",
        f"- Task: every pair with Jaccard >= {THRESHOLD} on word {N}-gram sets (copydesk's normalization and shingles for every system), "
        f"{NUM_PERM} permutations, end to end from raw text to verified pairs. Peers verify their candidates exactly on Python sets. "
        "copydesk, rensa and gaoya band the signature in 32 bands of 4 rows; datasketch chooses its own (9 of 13). "
        "`datasketch` makes its signatures with `MinHash.bulk` (its fastest path); `datasketch-update` as its README shows, one `update` per shingle.",
        "- Recall and precision: against the exhaustive reference (exact prefix-filtered all-pairs search).",
        "- Peak memory: the peak resident set of the process that ran the system, minus what it held before it started (the passages as Python strings).",
        "",
        "## Reference",
        "",
        "| passages | MB | pairs at Jaccard >= 0.8 | exact search, seconds (1 thread) |",
        "|---|---:|---:|---:|",
    ]
    for label, mb, count, seconds in refs:
        lines.append(f"| {label} | {mb:.1f} | {count:,} | {seconds:.2f} |")
    lines += [
        "",
        "## End to end",
        "",
        "| passages | cores | system | seconds | passages/s | MB/s | rensa ÷ this | datasketch ÷ this | datasketch-update ÷ this | recall | precision | peak memory, MB |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, count, mb, cores, system, r, results in rows:
        s = r["seconds"]
        def ratio(peer):
            return f"{results[peer]['seconds'] / s:.1f}x" if peer in results else "–"

        lines.append(
            f"| {label} | {cores} | {system} | {s:.2f} | {count / s:,.0f} | {mb / s:.1f} | {ratio('rensa')} | {ratio('datasketch')} | {ratio('datasketch-update')} | "
            f"{r['recall']:.4f} | {r['precision']:.4f} | {r['peak_mb'] - r['base_mb']:,.0f} |"
        )
    lines += ["", "Stages (seconds): copydesk is one call; peers: shingles, MinHash + LSH, verification.", ""]
    lines += ["| passages | cores | system | stages |", "|---|---:|---|---|"]
    for label, count, mb, cores, system, r, results in rows:
        stages = ", ".join(f"{k} {v:.2f}" for k, v in r["stages"].items())
        lines.append(f"| {label} | {cores} | {system} | {stages} |")
    pathlib.Path(args.out).write_text("\n".join(lines) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
