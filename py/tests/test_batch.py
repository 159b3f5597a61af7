"""Batch functions: any iterable in, results in input order, progress reported between
batches, and a callback that raises stops the work."""

import datetime
import json
import subprocess
import sys

import pytest

import copydesk

WIRE = [
    "Argentine grain board figures show crop registrations of grains, oilseeds and their products to February 11.",
    "Officials are eyeing late May or June for the summit to take place, two sources said on Monday.",
    "The Bank of England said it had provided the money market with assistance worth 120 mln stg.",
]


def corpus(n):
    """`n` texts: every tenth repeats a wire paragraph, the rest are different."""
    return [
        f"Story {i} opens here with its own words about item {i}.\n\n{WIRE[i % 3]}"
        if i % 10 == 0
        else f"Story {i} opens here with its own words about item {i}, number {i * 7}."
        for i in range(n)
    ]


class Counter:
    """What tqdm's `update` is to a callback."""

    def __init__(self):
        self.calls = []

    def update(self, n):
        self.calls.append(n)


def test_parse_many_parses_in_order_with_ids_and_dates():
    texts = ["One.\n\nTwo.", "Three."]
    articles = copydesk.parse_many(texts, published=["2018-04-17", None], ids=["a", "b"])
    assert [a.id for a in articles] == ["a", "b"]
    assert [a.published for a in articles] == [datetime.date(2018, 4, 17), None]
    assert [[b.text for b in a.blocks] for a in articles] == [["One.", "Two."], ["Three."]]
    same = copydesk.parse_many(iter(texts), published=datetime.date(2018, 4, 1))
    assert [a.id for a in same] == ["0", "1"]
    assert [a.published for a in same] == [datetime.date(2018, 4, 1)] * 2
    assert [a.to_dict() for a in copydesk.parse_many(texts, ids=["a", "b"])] == [
        copydesk.parse(t, id=i).to_dict() for t, i in zip(texts, "ab")
    ]


def test_parse_many_refuses_mismatched_arguments():
    with pytest.raises(copydesk.InvalidInputError, match="published has 1 values"):
        copydesk.parse_many(["a", "b"], published=["2018-04-17"])
    with pytest.raises(copydesk.InvalidInputError, match="ids has more values than the 1 items"):
        copydesk.parse_many(["a"], ids=["x", "y"])
    with pytest.raises(copydesk.InvalidInputError, match="not one string"):
        copydesk.parse_many("a text")
    with pytest.raises(copydesk.InvalidInputError, match="item 1 is int"):
        copydesk.parse_many(["a", 3])
    with pytest.raises(copydesk.InvalidInputError, match="progress must be a callable"):
        copydesk.parse_many(["a"], progress=3)


def test_progress_is_told_between_batches_and_sums_to_the_items():
    texts = corpus(2500)
    for call in (
        lambda p: copydesk.parse_many(texts, progress=p),
        lambda p: copydesk.find_dates_many(texts, progress=p),
        lambda p: copydesk.dedupe(texts, progress=p),
        lambda p: copydesk.Deduper().add(texts, progress=p),
    ):
        bar = Counter()
        call(bar.update)
        assert bar.calls == [1000, 1000, 500]


def test_a_callback_that_raises_stops_the_work():
    pulled = []

    def texts():
        for i, t in enumerate(corpus(5000)):
            pulled.append(i)
            yield t

    def stop(n):
        raise RuntimeError(f"stopped after {n}")

    with pytest.raises(RuntimeError, match="stopped after 1000"):
        copydesk.dedupe(texts(), progress=stop)
    assert len(pulled) == 1000  # the rest of the generator was never read
    for f in (copydesk.parse_many, copydesk.find_dates_many):
        with pytest.raises(RuntimeError, match="stopped after 1000"):
            f(corpus(1500), progress=stop)


def test_dedupe_in_batches_is_the_cli_on_the_same_corpus(tmp_path):
    texts = corpus(2500)
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "copydesk", "dedupe", str(path)], check=True, capture_output=True, text=True
    ).stdout
    expected = [json.loads(line) for line in out.splitlines()]
    result = copydesk.dedupe(iter(texts))
    got = [c.to_dict() for c in result.clusters]
    # The CLI's sources name the file and line; everything else is the same.
    for c in expected:
        for p in [c["canonical"], *c["members"]]:
            p["source"] = "<text>"
    assert got == expected
    assert len(got) == 3 and [c["size"] for c in got] == [84, 83, 83]


def test_find_dates_many_reads_texts_as_find_dates_and_articles_as_the_cli():
    texts = ["CNN reported Saturday that talks began.", "Nothing dated here.", "They met in July 1953."]
    ref = datetime.date(2018, 4, 17)
    many = copydesk.find_dates_many(texts, references=ref)
    assert [[t.to_dict() for t in ts] for ts in many] == [
        [t.to_dict() for t in copydesk.find_dates(text, ref)] for text in texts
    ]
    per_item = copydesk.find_dates_many(texts, references=[ref, None, None])
    assert per_item[0][0].value == "2018-04-14"
    # An Article is read against its own date, unless a reference is given.
    a = copydesk.parse(texts[0], published="2018-04-10", id="a1")
    [[t]] = copydesk.find_dates_many([a])
    assert (t.article, t.value) == ("a1", "2018-04-07")
    [[t]] = copydesk.find_dates_many([a], references="2018-04-17")
    assert t.value == "2018-04-14"
    with pytest.raises(copydesk.InvalidInputError, match="item 0 is bytes"):
        copydesk.find_dates_many([b"bytes"])


def test_read_reports_progress_per_batch(seeds):
    bar = Counter()
    articles = copydesk.read(seeds, progress=bar.update)
    assert bar.calls == [len(articles)] == [5]


def test_read_progress_that_raises_stops(seeds):
    def stop(n):
        raise ValueError("no more")

    with pytest.raises(ValueError, match="no more"):
        copydesk.read(seeds, progress=stop)
