"""The Python package on inputs as scrapers leave them: clear errors that name the place,
never a crash, and the readable rest still comes through."""

import datetime
import re
import warnings

import pytest

import copydesk


def write_files(directory, files):
    for name, data in files.items():
        (directory / name).write_bytes(data)
    return directory


def read_warned(path):
    """The articles read in warn mode, and the warnings' messages."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = copydesk.read(path, errors="warn")
    return articles, [str(w.message) for w in caught]


@pytest.fixture
def corpus(tmp_path):
    files = {
        "a_empty.txt": b"",
        "c_bom_crlf.txt": b"\xef\xbb\xbfFirst line.\r\n\r\nSecond paragraph.\r\n",
        "e_image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "f_latin1.txt": b"caf\xe9 au lait.",
        "g_records.jsonl": b'{"id": "r1", "text": "Fine."}\n{broken\n{"id": "r3", "body": "Last."}\n',
    }
    return write_files(tmp_path, files)


def test_errors_raise_by_default_naming_the_file(corpus):
    with pytest.raises(copydesk.InvalidInputError, match=r"e_image\.txt: binary file"):
        copydesk.read(corpus)


def test_warn_mode_keeps_every_readable_article(corpus):
    articles, messages = read_warned(corpus)
    assert any("e_image.txt: binary file" in m for m in messages)
    assert any("g_records.jsonl:2: not a valid JSON record" in m for m in messages)
    assert any("f_latin1.txt: invalid UTF-8 from byte 3" in m for m in messages)
    assert any("a_empty.txt: no text" in m for m in messages)
    assert [a.id for a in articles] == ["a_empty", "c_bom_crlf", "f_latin1", "r1", "r3"]
    bom = articles[1]
    assert [b.text for b in bom.blocks] == ["First line.", "Second paragraph."]
    assert all(bom.text[b.start : b.end] == b.text for b in bom.blocks)


def test_strict_refuses_invalid_utf8(corpus):
    with pytest.raises(copydesk.InvalidInputError, match="invalid text encoding at byte 3"):
        copydesk.read(corpus / "f_latin1.txt", strict=True)


def test_unknown_errors_mode_is_refused(corpus):
    with pytest.raises(ValueError, match="errors must be"):
        copydesk.read(corpus, errors="ignore")


def test_lone_surrogates_raise_a_value_error():
    with pytest.raises(ValueError):
        copydesk.parse("broken \ud800 text")


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n  ", "\u200b\u200b", "😀" * 1000, "\u05e9\u05dc\u05d5\u05dd. \u0645\u0631\u062d\u0628\u0627.", "e\u0301" * 500, "." * 100_000, "a\rb\r\nc\n"],
)
def test_odd_text_parses_with_spans_that_slice(text):
    a = copydesk.parse(text)
    for b in a.blocks:
        assert a.text[b.start : b.end] == b.text
    for s in a.sentences:
        assert a.text[s.start : s.end] == s.text


def test_bad_published_type_is_refused():
    with pytest.raises(copydesk.InvalidInputError, match="expected a date"):
        copydesk.parse("x", published=20180417)


# Twins of the CLI's cli/tests/bad_input.rs: the same bad inputs through the Python package.


@pytest.fixture
def more(tmp_path):
    files = {
        "b_blank.txt": b"  \n\t\n",
        "d_cr.txt": b"One.\rTwo.\r\rThree.",
        "h_utf16.txt": b"\xff\xfeH\x00i\x00.\x00",
        "g_records.jsonl": b'{"id": "r1", "text": "Fine."}\n{"title": "no text"}\n{"text": 5}\n'
        b'{"id": "r4", "text": "Huge.", "views": 1e400}\n{"id": "r5", "body": "Last."}\n',
    }
    return write_files(tmp_path, files)


def test_blank_lone_cr_utf16_and_bad_records_in_warn_mode(more):
    articles, messages = read_warned(more)
    assert any("b_blank.txt: no text" in m for m in messages)
    assert any("g_records.jsonl:2: record has no text" in m for m in messages)
    assert any("g_records.jsonl:3: field `text` should be a string" in m for m in messages)
    by_id = {a.id: a for a in articles}
    assert [b.text for b in by_id["d_cr"].blocks] == ["One.", "Two.", "Three."]
    assert [b.text for b in by_id["h_utf16"].blocks] == ["Hi."]
    assert by_id["r4"].text == "Huge."  # a huge number elsewhere in the record is no matter
    assert "r5" in by_id


def test_missing_path_is_an_oserror_naming_it(tmp_path):
    with pytest.raises(OSError, match="no/such/file.txt"):
        copydesk.read(tmp_path / "no" / "such" / "file.txt")


def test_a_path_through_a_file_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text("Text.")
    with pytest.raises(copydesk.CopydeskError, match="a.txt/inner.txt"):
        copydesk.read(tmp_path / "a.txt" / "inner.txt")


def test_unreadable_file_is_an_oserror(tmp_path):
    locked = tmp_path / "b.txt"
    locked.write_text("Locked.")
    locked.chmod(0)
    try:
        locked.read_bytes()
        pytest.skip("running as a user who reads any file (root)")
    except PermissionError:
        pass
    with pytest.raises(OSError, match="permission denied"):
        copydesk.read(locked)


def test_symlink_loop_is_reported_not_followed(tmp_path):
    (tmp_path / "a.txt").write_text("Text.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to("..")
    articles, messages = read_warned(tmp_path)
    assert any("symbolic link loop" in m for m in messages)
    assert [a.id for a in articles] == ["a"]


def test_a_50_mb_text_without_a_newline():
    sentence = "Officials met again in Geneva, sources said. "
    text = sentence * (50_000_000 // len(sentence) + 1)
    a = copydesk.parse(text)
    assert len(a.blocks) == 1
    assert (a.blocks[0].start, a.blocks[0].end) == (0, len(text.rstrip()))


def test_a_record_of_ten_million_characters_and_the_next_still_runs(tmp_path):
    import json

    long = "word é " * (10_000_000 // 7 + 1)
    lines = [
        json.dumps({"id": "long", "text": long, "published": "2018-04-17"}),
        json.dumps({"id": "next", "text": "Talks resume on Friday.", "published": "2018-04-17"}),
    ]
    (tmp_path / "r.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = copydesk.read(tmp_path / "r.jsonl")
    assert [a.id for a in articles] == ["long", "next"]
    assert articles[0].blocks[0].end == len(long.rstrip())
    found = copydesk.find_dates(articles[1].text, articles[1].published)
    assert [(t.text, t.value) for t in found] == [("Friday", "2018-04-20")]


ODD = [
    "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd. \u0627\u0644\u062e\u0645\u064a\u0633 5 \u0645\u0627\u0631\u0633.",
    "zero\u200bwidth \u200djoiner \ufeffinside, on Friday \U0001f1eb\U0001f1f7.",
    "Le sommet aura lieu fin mai \U0001f469\u200d\U0001f52c \u00e0 Gen\u00e8ve, disent les e\u0301lus.",
    "Talks on Monday, \U0001f642 said \u202ereversed\u202c officials.",
    "a" * 1_000_000,
    "\n" * 100_000 + "x",
]


@pytest.mark.parametrize("text", ODD, ids=["rtl", "zero-width", "emoji", "bidi", "repeated", "newlines"])
def test_odd_text_through_dates_and_dedupe(text):
    for t in copydesk.find_dates(text, "2018-04-17"):
        assert text[t.start : t.end] == t.text
    result = copydesk.dedupe([("a", text), ("b", text)], min_words=1)
    for cluster in result.clusters:
        for m in cluster.members:
            assert text[m.passage.start : m.passage.end] == m.passage.text


@pytest.mark.parametrize("value", ["2018-02-30", "yesterday", "10000-01-01", ""])
def test_nonsense_reference_dates_are_refused_naming_the_value(value):
    with pytest.raises(ValueError, match=f'"{re.escape(value)}"'):
        copydesk.find_dates("On Friday.", value)
    with pytest.raises(ValueError, match=f'"{re.escape(value)}"'):
        copydesk.parse("On Friday.", published=value)


def test_year_zero_resolves_without_intervals_before_year_one():
    # The CLI refuses --published 0000-01-01 as a usage error. The library takes the date:
    # "Friday" falls in year -1, which datetime.date cannot hold, so it keeps its value and
    # gets no interval; "next year" is year 1, with its interval.
    found = {t.text: t for t in copydesk.find_dates("On Friday and next year.", "0000-01-01")}
    assert found["Friday"].interval is None
    assert found["next year"].value == "0001"
    assert found["next year"].interval == (datetime.date(1, 1, 1), datetime.date(2, 1, 1))


def test_the_far_end_of_the_calendar_is_a_result_not_an_error():
    found = {t.text: t for t in copydesk.find_dates("On Friday and next year.", "9999-12-31")}
    assert found["next year"].value == "10000"
    assert found["next year"].interval is None


def test_read_takes_the_formats_of_the_cli(tmp_path):
    import gzip
    import json

    page = b"<html><head><title>Ferry services resume</title></head><body><article><h1>Ferry services resume</h1><p>Ferry services resumed on Saturday after the storm, the operator said in a statement.</p></article></body></html>"
    (tmp_path / "page.bin").write_bytes(page)
    (tmp_path / "pages.jsonl.gz").write_bytes(gzip.compress(json.dumps({"id": "p", "raw_html": page.decode()}).encode() + b"\n"))
    [a] = copydesk.read(tmp_path / "page.bin", format="html")
    assert a.title == "Ferry services resume"
    [b] = copydesk.read(tmp_path / "pages.jsonl.gz")
    assert b.id == "p" and b.title == "Ferry services resume"
    with pytest.raises(copydesk.InvalidInputError, match="warc"):
        copydesk.read(tmp_path / "page.bin", format="pdf")
    with pytest.raises(copydesk.InvalidInputError, match="size limit"):
        copydesk.read(tmp_path / "page.bin", format="html", max_document_size=100)
