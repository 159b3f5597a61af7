import datetime
import pathlib

import pytest

import copydesk

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_find_dates_resolves_against_the_reference():
    text = "CNN reported Saturday that the summit could be in late May or early June."
    found = copydesk.find_dates(text, reference=datetime.date(2018, 4, 17))
    assert [(t.text, t.type, t.value, t.mod) for t in found] == [
        ("Saturday", "DATE", "2018-04-14", None),
        ("late May", "DATE", "2018-05", "END"),
        ("early June", "DATE", "2018-06", "START"),
    ]
    assert found[1].interval == (datetime.date(2018, 5, 21), datetime.date(2018, 6, 1))
    assert found[1].range is not None
    assert found[1].range.text == "late May or early June"
    assert found[1].range.interval == (datetime.date(2018, 5, 21), datetime.date(2018, 6, 11))
    for t in found:
        assert text[t.start : t.end] == t.text


def test_offsets_are_str_indices():
    text = "“Mike Pompeo met with Kim Jong Un last week,” Trump tweeted — on Wednesday."
    found = copydesk.find_dates(text, "2018-04-18")
    assert [t.text for t in found] == ["last week", "Wednesday"]
    for t in found:
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    "reference",
    [datetime.date(2018, 4, 18), datetime.datetime(2018, 4, 18, 9, 30), "2018-04-18", "2018-04-18T09:30:00Z"],
)
def test_reference_takes_date_datetime_or_iso_string(reference):
    (t,) = copydesk.find_dates("He met Kim during Easter.", reference=reference)
    assert t.value == "2018-04-01"
    assert t.interval == (datetime.date(2018, 4, 1), datetime.date(2018, 4, 2))


def test_without_reference_values_stay_underspecified():
    found = copydesk.find_dates("Talks resume in May; the war ended in July 1953.")
    assert [(t.value, t.interval) for t in found] == [
        ("XXXX-05", None),
        ("1953-07", (datetime.date(1953, 7, 1), datetime.date(1953, 8, 1))),
    ]


def test_durations_and_sets():
    found = copydesk.find_dates("For decades the board has met twice a week.", "2018-04-18")
    assert [(t.text, t.type, t.value, t.freq) for t in found] == [
        ("decades", "DURATION", "PXDE", None),
        ("twice a week", "SET", "P1W", "2X"),
    ]
    assert found[0].interval is None


def test_no_dates_from_non_dates():
    assert copydesk.find_dates("The Fed may march on; the Sunday Times said 2 to 1.", "2018-04-17") == []


def test_bad_reference_raises_a_value_error():
    with pytest.raises(ValueError, match="cannot read"):
        copydesk.find_dates("today", reference="next Tuesday-ish")
    with pytest.raises(copydesk.InvalidInputError):
        copydesk.find_dates("today", reference=3.5)


def test_repr_is_useful():
    (t,) = copydesk.find_dates("It happened 68 years ago.", "2018-04-18")
    assert repr(t) == (
        "TemporalExpression(text=\"68 years ago\", start=12, end=24, type=\"DATE\", value=\"1950\", "
        "mod=None, interval=(1950-01-01, 1951-01-01))"
    )


def test_seed_article_with_its_manifest_date():
    article = copydesk.read(ROOT / "seeds" / "003_c7d247d605b5012d.txt")[0]
    found = copydesk.find_dates(article.text, article.published)
    assert ("Easter", "2018-04-01") in [(t.text, t.value) for t in found]
    assert ("68 years ago", "1950") in [(t.text, t.value) for t in found]


HISTORY = (
    "The war began on June 25, 1950, and ended in 1953. The armistice talks ran from 1951 to "
    "1953. In March 1951, Seoul changed hands again. In July, the armies met at Kaesong."
)


def test_a_narrative_reads_year_less_dates_in_its_own_time():
    found = copydesk.find_dates(HISTORY, "2009-12-19")
    assert {t.genre for t in found} == {"narrative"}
    july = found[-1]
    assert (july.text, july.value) == ("July", "1951-07")
    assert july.to_dict()["genre"] == "narrative"
    as_news = copydesk.find_dates(HISTORY, "2009-12-19", genre="news")
    assert as_news[-1].value == "2009-07" and as_news[-1].genre == "news"
    [many] = copydesk.find_dates_many([HISTORY], "2009-12-19", genre="narrative")
    assert [t.value for t in many] == [t.value for t in found]
    with pytest.raises(ValueError, match="unknown genre"):
        copydesk.find_dates(HISTORY, genre="poetry")
