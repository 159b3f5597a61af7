"""The Python package on inputs as scrapers leave them: clear errors that name the place,
never a crash, and the readable rest still comes through."""

import warnings

import pytest

import copydesk


@pytest.fixture
def corpus(tmp_path):
    files = {
        "a_empty.txt": b"",
        "c_bom_crlf.txt": b"\xef\xbb\xbfFirst line.\r\n\r\nSecond paragraph.\r\n",
        "e_image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "f_latin1.txt": b"caf\xe9 au lait.",
        "g_records.jsonl": b'{"id": "r1", "text": "Fine."}\n{broken\n{"id": "r3", "body": "Last."}\n',
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


def test_errors_raise_by_default_naming_the_file(corpus):
    with pytest.raises(copydesk.InvalidInputError, match=r"e_image\.txt: binary file"):
        copydesk.read(corpus)


def test_warn_mode_keeps_every_readable_article(corpus):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = copydesk.read(corpus, errors="warn")
    messages = [str(w.message) for w in caught]
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
