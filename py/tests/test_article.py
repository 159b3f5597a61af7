import datetime
import json
import subprocess
import sys

import pytest

import copydesk


def test_parse_gives_blocks_whose_spans_slice_the_text():
    text = "Officials met on Monday.\n\n“We’ll see,” Kim said. Talks go on."
    a = copydesk.parse(text, published="2018-04-17", id="x")
    assert a.id == "x"
    assert a.published == datetime.date(2018, 4, 17)
    assert [b.kind for b in a.blocks] == ["paragraph", "paragraph"]
    for b in a.blocks:
        assert text[b.start : b.end] == b.text
    assert [s.text for s in a.sentences] == [
        "Officials met on Monday.",
        "“We’ll see,” Kim said.",
        "Talks go on.",
    ]
    assert all(text[s.start : s.end] == s.text for s in a.sentences)


def test_published_accepts_dates_and_datetimes():
    assert copydesk.parse("x", published=datetime.date(2018, 4, 7)).published == datetime.date(2018, 4, 7)
    when = datetime.datetime(2018, 4, 7, 10, 3, tzinfo=datetime.timezone.utc)
    assert copydesk.parse("x", published=when).published == when


def test_bad_date_raises_a_value_error_naming_it():
    with pytest.raises(copydesk.InvalidInputError, match="soonish") as info:
        copydesk.parse("x", published="soonish")
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, copydesk.CopydeskError)


def test_read_seeds_uses_the_manifest(seeds):
    articles = copydesk.read(seeds)
    assert [a.id for a in articles] == sorted(p.stem for p in seeds.glob("*.txt"))
    by_id = {a.id: a for a in articles}
    assert by_id["003_c7d247d605b5012d"].published == datetime.date(2018, 4, 18)
    assert by_id["001_ade9787c78681141"].outlet == "Vox"
    for a in articles:
        text = (seeds / f"{a.id}.txt").read_text(encoding="utf-8")
        assert a.text == text
        for b in a.blocks:
            assert text[b.start : b.end] == b.text


def test_to_dict_matches_the_cli(seeds):
    path = seeds / "003_c7d247d605b5012d.txt"
    [a] = copydesk.read(path)
    out = subprocess.run(
        [sys.executable, "-m", "copydesk", "parse", str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert json.loads(out) == a.to_dict()


def test_missing_path_raises_an_os_error(tmp_path):
    with pytest.raises(copydesk.InputFileError) as info:
        copydesk.read(tmp_path / "nope.txt")
    assert isinstance(info.value, OSError)
    assert "nope.txt" in str(info.value)


def test_bad_jsonl_line_is_named(tmp_path):
    path = tmp_path / "day.jsonl"
    path.write_text('{"text": "Fine."}\n{broken\n{"text": "Also fine."}\n', encoding="utf-8")
    with pytest.raises(copydesk.InvalidInputError, match=r"day\.jsonl:2"):
        copydesk.read(path)
    with pytest.warns(UserWarning, match=r"day\.jsonl:2"):
        articles = copydesk.read(path, errors="warn")
    assert [a.text for a in articles] == ["Fine.", "Also fine."]


def test_reprs_read_well():
    a = copydesk.parse("A title\n\nOfficials from both sides met on Monday, the ministry said.", id="a1")
    assert repr(a).startswith("Article(id=\"a1\", published=None")
    assert repr(a.blocks[1]) == 'Block(kind="paragraph", start=9, end=68, text="Officials from both sides met on Monday, the mini…")'


def test_infer_published_from_the_articles_own_dates():
    a = copydesk.parse("SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia cocoa zone.")
    guess = a.infer_published(window="1987")
    assert guess["date"] == "1987-02-26"
    assert guess["earliest"] <= "1987-02-26" <= guess["latest"]
    assert 0 < guess["confidence"] <= 1
    first = guess["evidence"][0]
    assert a.text[first["start"]:first["end"]] == first["text"] == "Feb 26"
    assert copydesk.parse("Sales in 1986 rose, the company said.").infer_published() is None
    with pytest.raises(copydesk.InvalidInputError, match="FIRST..LAST"):
        a.infer_published(window="spring")
