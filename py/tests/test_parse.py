"""Article parsing as a Python user calls it: blocks with kinds, reasons and repeats,
quotes with speakers, the clean Markdown, and dates found in the page."""

import datetime

import copydesk

PAGE = (
    "Skip to content\n"
    "World\n"
    "Talks to resume in Singapore next month\n"
    "Both sides say the summit is on\n"
    "By Jane Doe\n"
    "Updated 3:41 PM ET, Sat April 7, 2018\n"
    "SEOUL (Reuters) — Officials from both countries met on Monday in a neutral country, the ministry said.\n"
    "“We will see what happens,” said Jenny Town, a researcher in Washington.\n"
    "Share this article\n"
    "© 2018 Example News. All rights reserved.\n"
)


def test_blocks_have_kinds_reasons_and_char_spans():
    a = copydesk.parse(PAGE)
    kinds = [b.kind for b in a.blocks]
    assert kinds == [
        "boilerplate",
        "kicker",
        "title",
        "dek",
        "byline",
        "dateline",
        "dateline",
        "paragraph",
        "paragraph",
        "boilerplate",
        "boilerplate",
    ]
    assert a.title == "Talks to resume in Singapore next month"
    assert [b.reason for b in a.blocks if b.kind == "boilerplate"] == ["ui", "share", "copyright"]
    assert all(b.reason is None for b in a.blocks if b.kind != "boilerplate")
    for b in a.blocks:
        assert a.text[b.start : b.end] == b.text
    assert [b.kind for b in a.paragraphs] == ["paragraph", "paragraph"]
    assert a.blocks[6].text == "SEOUL (Reuters) —"


def test_the_date_in_the_page_is_the_publication_date_unless_one_is_given():
    a = copydesk.parse(PAGE)
    assert a.published == datetime.datetime(
        2018, 4, 7, 15, 41, tzinfo=datetime.timezone(datetime.timedelta(hours=-4))
    )
    assert copydesk.parse(PAGE, published="2018-04-08").published == datetime.date(2018, 4, 8)


def test_quotes_with_speaker_verb_and_spans():
    a = copydesk.parse(PAGE)
    (q,) = a.quotes
    assert (q.text, q.speaker, q.verb) == ("We will see what happens", "Jenny Town", "said")
    assert a.text[q.start : q.end] == q.text
    assert q.speaker_span is not None
    start, end = q.speaker_span
    assert a.text[start:end] == "Jenny Town"
    assert a.blocks[q.block].kind == "paragraph"
    assert "Jenny Town" in repr(q)


def test_repeats_point_at_the_first_copy(seeds):
    a = copydesk.read(seeds / "001_ade9787c78681141.txt")[0]
    captions = [b for b in a.blocks if b.kind == "caption"]
    assert len(captions) == 2
    assert captions[0].repeat_of is None
    assert captions[1].repeat_of == captions[0].index
    assert "repeat_of=" in repr(captions[1])


def test_to_dict_has_the_documented_fields():
    d = copydesk.parse(PAGE, id="p").to_dict()
    assert {"id", "source", "published", "title", "blocks", "quotes"} <= d.keys()
    share = next(b for b in d["blocks"] if b["text"] == "Share this article")
    assert (share["kind"], share["reason"]) == ("boilerplate", "share")
    assert d["quotes"][0]["speaker"] == "Jenny Town"
    assert d["published"] == "2018-04-07T15:41:00-04:00"


def test_markdown_leaves_the_residue_out():
    md = copydesk.parse(PAGE).to_markdown()
    assert "# Talks to resume in Singapore next month" in md
    assert "Skip to content" not in md and "Share this article" not in md
    assert "© 2018" not in md
    assert "Officials from both countries met on Monday" in md


def test_sentences_stay_inside_their_blocks():
    a = copydesk.parse(PAGE)
    for s in a.sentences:
        b = a.blocks[s.block]
        assert b.start <= s.start < s.end <= b.end
        assert a.text[s.start : s.end] == s.text
