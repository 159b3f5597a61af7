import datetime

import pytest

import copydesk

SUMMIT = "Officials are eyeing late May or June for the summit to take place."


def test_dedupe_seeds_finds_the_captions_printed_twice(seeds):
    result = copydesk.dedupe(copydesk.read(seeds))
    assert len(result) == 3
    assert len(result.clusters) == 3
    for cluster in result.clusters:
        assert cluster.size == 2
        assert cluster.members[0].canonical and not cluster.members[1].canonical
        assert cluster.canonical.text == cluster.members[0].passage.text
        for m in cluster.members:
            p = m.passage
            text = (seeds / f"{p.article}.txt").read_text(encoding="utf-8")
            assert text[p.start : p.end] == p.text  # str indices
            assert m.similarity == 1.0
    assert len(result.duplicates) == 3
    assert result.stats["clusters"] == 3 and result.stats["passages"] == 81  # residue, credits and source tags are not passages


def test_strings_and_pairs_with_similarities():
    result = copydesk.dedupe([SUMMIT, "Nothing alike at all, really.", SUMMIT + " Reuters said."])
    [pair] = result.pairs
    assert pair.indices == (0, 2)
    assert (pair.a.article, pair.b.article) == ("0", "2")
    assert pair.similarity == pytest.approx(11 / 13)
    [cluster] = result.clusters
    assert [m.article for m in cluster.members] == ["0", "2"]


def test_id_text_pairs_and_articles_mix():
    early = copydesk.parse(SUMMIT, published="2018-04-06", id="early")
    result = copydesk.dedupe([("late", SUMMIT), early])
    [cluster] = result.clusters
    assert cluster.canonical.article == "early"  # earliest published wins over input order
    assert [m.article for m in cluster.members] == ["early", "late"]


def test_non_ascii_offsets_are_str_indices():
    text = "“Déjà vu,” Kim’s aide said — again.\n\n“Déjà vu,” Kim’s aide said — again."
    [cluster] = copydesk.dedupe([text]).clusters
    for m in cluster.members:
        assert text[m.passage.start : m.passage.end] == m.passage.text


def test_levels_thresholds_and_containment():
    long = (
        "Washington and Pyongyang already communicate with each other at times through the "
        "New York Channel, where US officials speak with North Korean officials posted at the "
        "United Nations."
    )
    short = "Washington and Pyongyang already communicate with each other at times through the New York Channel."
    assert copydesk.dedupe([long, short]).pairs == []
    [pair] = copydesk.dedupe([long, short], containment=True).pairs
    assert pair.containment == 1.0 and pair.similarity < 0.8
    assert len(copydesk.dedupe([long, short], containment=0.9).pairs) == 1
    # Sentence level finds the shared sentence inside different paragraphs.
    a = "First thing. " + SUMMIT
    b = SUMMIT + " Something else entirely here."
    assert copydesk.dedupe([a, b]).pairs == []
    assert len(copydesk.dedupe([a, b], level="sentence").pairs) == 1
    assert len(copydesk.dedupe([a, b], level="article", threshold=0.5).pairs) == 1


def test_cross_only():
    text = f"{SUMMIT}\n\n{SUMMIT}"
    assert len(copydesk.dedupe([text]).clusters) == 1
    assert copydesk.dedupe([text], cross_only=True).clusters == []


def test_bad_arguments_raise_value_errors():
    with pytest.raises(copydesk.InvalidInputError, match="threshold"):
        copydesk.dedupe(["x"], threshold=0)
    with pytest.raises(ValueError, match="level must be paragraph, sentence or article"):
        copydesk.dedupe(["x"], level="page")
    with pytest.raises(ValueError, match="item 1 is int"):
        copydesk.dedupe(["x", 3])
    with pytest.raises(ValueError, match="not one string"):
        copydesk.dedupe("just a string")
    with pytest.raises(ValueError, match="unknown block kind"):
        copydesk.dedupe(["x"], kinds=["sidebar"])


def test_deduper_takes_batches_and_answers_queries():
    d = copydesk.Deduper()
    d.add([("a", SUMMIT), ("b", "Unrelated story about grain exports from Argentina.")])
    assert len(d) == 2
    [match] = d.query(SUMMIT + " Reuters said.")
    assert match.passage.article == "a"
    assert match.similarity == pytest.approx(11 / 13)
    assert d.is_duplicate(SUMMIT)
    assert not d.is_duplicate("Something nobody has ever written before today.")
    d.add([("c", SUMMIT)])
    [cluster] = d.result().clusters
    assert [m.article for m in cluster.members] == ["a", "c"]
    # Batches give what one call gives.
    once = copydesk.dedupe([("a", SUMMIT), ("b", "Unrelated story about grain exports from Argentina."), ("c", SUMMIT)])
    assert [(p.indices, p.similarity) for p in once.pairs] == [(p.indices, p.similarity) for p in d.result().pairs]


def test_shingles_are_what_is_compared():
    assert copydesk.shingles("Kim’s “letters”, again!", n=2) == ["kim's letters", "letters again"]
    assert copydesk.shingles("Ab, c", shingle="char", n=3) == ["ab ", "b c"]


def test_to_pandas(seeds):
    pd = pytest.importorskip("pandas")
    df = copydesk.dedupe(copydesk.read(seeds)).to_pandas()
    assert isinstance(df, pd.DataFrame)
    assert len(df) == 6
    assert list(df.columns[:3]) == ["cluster", "canonical", "article"]
    assert df["published"].iloc[0] == datetime.date(2018, 4, 17)


def test_reprs():
    result = copydesk.dedupe([SUMMIT, SUMMIT])
    assert repr(result) == "DedupResult(articles=2, passages=2, clusters=1, duplicates=1)"
    assert repr(result.clusters[0]).startswith("Cluster(id=0, size=2, canonical=")
    assert "similarity=1.000" in repr(result.pairs[0])
