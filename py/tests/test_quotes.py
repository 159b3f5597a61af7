"""copydesk.quotes: remarks followed across articles, as a notebook user calls it."""

import datetime

import pytest

import copydesk

KIM = "“We will not give up our weapons before the talks begin,” Kim Jong Un said."
KIM_SHORT = "“We will not give up our weapons before the talks begin,” Kim said on Monday."


def test_the_seeds_share_one_remark_between_two_outlets(seeds):
    result = copydesk.quotes(copydesk.read(seeds))
    assert result.stats["compared"] == 25
    assert len(result) == result.stats["remarks"] == 24
    assert sum(r.size for r in result.clusters) == 25  # every quotation in exactly one remark
    [shared] = result.shared
    assert shared.speaker == "Donald Trump"
    assert shared.outlets[0] == "Vox" and len(shared.articles) == 2
    first, other = shared.members
    assert first is not other and first.canonical and not other.canonical
    assert shared.canonical.article == first.article
    assert "extremely high levels" in other.quote.text
    assert other.containment == 1.0
    for m in shared.members:
        text = (seeds / f"{m.article}.txt").read_text(encoding="utf-8")
        q = m.quote
        assert text[q.start : q.end] == q.text  # str indices into the article's text
        assert q.speaker == "Donald Trump"


def test_the_earliest_published_is_the_first_appearance():
    late = copydesk.parse(KIM, published="2018-04-20", id="late")
    early = copydesk.parse(KIM_SHORT, published="2018-04-19", id="early")
    [remark] = copydesk.quotes([late, early]).shared
    assert remark.articles == ["early", "late"]
    assert remark.speaker == "Kim Jong Un"  # the fullest name of the members
    d = remark.to_dict()
    assert d["cluster"] == remark.id and d["size"] == 2
    assert d["canonical"]["article"] == "early"
    assert d["canonical"]["published"] == "2018-04-19"


def test_two_speakers_saying_the_same_words_are_two_remarks():
    trump = "“We are very pleased with the progress of the talks,” Donald Trump said."
    moon = "“We are very pleased with the progress of the talks,” Moon Jae-in said."
    result = copydesk.quotes([trump, moon])
    assert result.shared == []
    assert [r.speaker for r in result.clusters] == ["Donald Trump", "Moon Jae-in"]


def test_options_and_pairs_of_ids_and_texts():
    items = [("a", KIM), ("b", KIM_SHORT.replace("the talks begin", "the talks even begin"))]
    assert len(copydesk.quotes(items).shared) == 1
    assert copydesk.quotes(items, threshold=0.95, containment=0.95).shared == []
    assert copydesk.quotes(items, min_words=20).stats["compared"] == 0
    term = ["He starred in “Once Upon A Time in Hollywood” last year."] * 2
    assert copydesk.quotes(term).stats["compared"] == 0
    assert copydesk.quotes(term, kinds=["term"]).stats["compared"] == 2
    assert copydesk.quotes([KIM + "\n\n" + KIM], cross_only=True).shared == []


def test_to_pandas_has_a_row_per_quotation(seeds):
    pytest.importorskip("pandas")
    frame = copydesk.quotes(copydesk.read(seeds)).to_pandas()
    assert len(frame) == 25
    assert frame["canonical"].sum() == 24
    assert {"cluster", "speaker", "outlet", "published", "start", "end", "text"} <= set(frame.columns)
    assert isinstance(frame["published"].dropna().iloc[0], datetime.date)


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: copydesk.quotes(KIM), copydesk.InvalidInputError, "quotes takes a list"),
        (lambda: copydesk.quotes([1]), copydesk.InvalidInputError, "item 0 is int"),
        (lambda: copydesk.quotes([KIM], kinds=["terms"]), ValueError, "unknown kind of quotation"),
        (lambda: copydesk.quotes([KIM], threshold=0), ValueError, "threshold"),
    ],
)
def test_bad_arguments_say_what_is_accepted(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_progress_is_told_of_every_item():
    seen = []
    copydesk.quotes(iter([KIM, KIM_SHORT, "No quotation here."]), progress=seen.append)
    assert sum(seen) == 3
