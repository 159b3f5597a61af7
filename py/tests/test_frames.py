"""DataFrames in and out (the [pandas] extra): to_pandas, dedupe_frame, dates_frame."""

import datetime
import sys

import pytest

import copydesk

pd = pytest.importorskip("pandas")

SUMMIT = "Officials are eyeing late May or June for the summit to take place, two sources said."
OTHER = "Argentine grain board figures show crop registrations of grains and oilseeds to February 11."


@pytest.fixture
def frame():
    return pd.DataFrame(
        {
            "story": [17, 4, 9],
            "body": [f"Lede of the late story.\n\n{SUMMIT}", OTHER, f"{SUMMIT}\n\nThey met on Monday."],
            "date": ["2018-04-18", None, pd.Timestamp("2018-04-16")],
        }
    )


def test_to_pandas_articles_one_row_per_block(seeds):
    articles = copydesk.read(seeds)
    df = copydesk.to_pandas(articles)
    assert list(df.columns) == [
        "article", "published", "block", "kind", "start", "end", "text", "reason", "repeat_of"
    ]
    assert len(df) == sum(len(a.blocks) for a in articles)
    first = df.iloc[0]
    assert (first["article"], first["block"], first["text"]) == (articles[0].id, 0, articles[0].blocks[0].text)
    residue = df[df["kind"] == "boilerplate"]
    assert len(residue) and residue["reason"].notna().all()
    assert df["repeat_of"].notna().sum() == sum(b.repeat_of is not None for a in articles for b in a.blocks) > 0


def test_to_pandas_temporal_expressions_flat_and_per_item():
    found = copydesk.find_dates("CNN reported Saturday that talks began 68 years ago.", "2018-04-17")
    df = copydesk.to_pandas(found)
    assert list(df["value"]) == ["2018-04-14", "1950"]
    assert list(df["interval_start"]) == [datetime.date(2018, 4, 14), datetime.date(1950, 1, 1)]
    many = copydesk.find_dates_many(["Nothing here.", "It happened on Monday.", "In May and June."], "2018-04-17")
    df = copydesk.to_pandas(many)
    assert list(df["item"]) == [1, 2, 2]
    assert list(df["text"]) == ["Monday", "May", "June"]
    assert copydesk.to_pandas([]).empty


def test_to_pandas_dedup_results_clusters_and_pairs(seeds):
    result = copydesk.dedupe(copydesk.read(seeds))
    by_result = copydesk.to_pandas(result)
    assert by_result.equals(result.to_pandas())
    assert copydesk.to_pandas(result.clusters).equals(by_result)
    pairs = copydesk.to_pandas(result.pairs)
    assert len(pairs) == 3 and {"a_article", "b_block", "similarity"} <= set(pairs.columns)
    with pytest.raises(TypeError, match="not int"):
        copydesk.to_pandas([1, 2])


def test_dedupe_frame_gives_members_with_the_rows_ids(frame):
    df = copydesk.dedupe_frame(frame, text="body", id="story")
    assert list(df.columns) == ["cluster", "canonical", "story", "block", "start", "end", "text", "similarity"]
    assert list(df["story"]) == [17, 9]  # the ids as they are in the frame, not strings
    assert list(df["canonical"]) == [True, False]  # no dates: input order decides
    for _, row in df.iterrows():
        body = frame.set_index("story").loc[row["story"], "body"]
        assert body[row["start"] : row["end"]] == row["text"] == SUMMIT


def test_dedupe_frame_published_decides_the_canonical_copy(frame):
    df = copydesk.dedupe_frame(frame, text="body", id="story", published="date")
    assert list(df["story"]) == [9, 17]  # 9 was published first (16 April)
    assert list(df["canonical"]) == [True, False]


def test_dedupe_frame_takes_dedupe_options_and_the_index(frame):
    df = copydesk.dedupe_frame(frame.set_index("story"), text="body", id=None, level="sentence", containment=True)
    assert "containment" in df.columns and df.index.name is None
    assert set(df["story"]) == {17, 9}
    empty = copydesk.dedupe_frame(frame, text="body", id="story", threshold=1.0, cross_only=True, min_words=50)
    assert empty.empty and "similarity" in empty.columns


def test_dates_frame_one_row_per_expression_resolved_per_row(frame):
    df = copydesk.dates_frame(frame, text="body", id="story", published="date")
    assert list(df.columns[:3]) == ["story", "text", "start"]
    rows = list(zip(df["story"], df["text"], df["value"]))
    assert rows == [
        (17, "late May", "2018-05"),
        (17, "June", "2018-06"),
        (4, "February 11", "XXXX-02-11"),  # no date for this row: left unresolved
        (9, "late May", "2018-05"),
        (9, "June", "2018-06"),
        (9, "Monday", "2018-04-16"),  # a Timestamp is a date like any other
    ]
    assert df.iloc[5]["interval_start"] == datetime.date(2018, 4, 16)
    undated = copydesk.dates_frame(frame, text="body", id="story", published=None)
    assert undated.iloc[-1]["value"] == "XXXX-WXX-1"


def test_missing_columns_and_texts(frame):
    with pytest.raises(KeyError, match="no column 'text' for the texts"):
        copydesk.dates_frame(frame)
    with pytest.raises(KeyError, match="pass published=None"):
        copydesk.dates_frame(frame, text="body", id="story")
    with pytest.raises(KeyError, match="id=None to use the index"):
        copydesk.dedupe_frame(frame, text="body")
    holes = pd.DataFrame({"id": ["a", "b", "c"], "text": [None, float("nan"), "On Monday."]})
    # Rows without text give no results, and the user is told which, never silently.
    with pytest.warns(copydesk.MissingTextWarning, match=r"2 of 3 rows have no text in column 'text'.*'a', 'b'"):
        df = copydesk.dates_frame(holes, published=None)
    assert df["id"].tolist() == ["c"]
    with pytest.warns(copydesk.MissingTextWarning, match="2 of 3 rows"):
        copydesk.dedupe_frame(holes)
    with pytest.raises(TypeError, match="row 0 \\(id 'a'\\) of column 'text' is int"):
        copydesk.dedupe_frame(pd.DataFrame({"id": ["a"], "text": [3]}))


def test_a_bad_date_names_its_column_row_and_id():
    df = pd.DataFrame({"id": ["x", "y"], "text": ["On Monday.", "On Friday."], "date": ["2018-04-16", "2018-02-30"]})
    with pytest.raises(copydesk.InvalidInputError) as caught:
        copydesk.dates_frame(df, published="date")
    message = str(caught.value)
    assert "column 'date'" in message and 'item 1 (id "y")' in message, message
    assert "February 2018 has 28 days" in message, message
    assert message.count("ISO 8601") == 1, message


def test_without_pandas_the_error_names_the_extra(monkeypatch, frame):
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` now raises ImportError
    for call in (
        lambda: copydesk.to_pandas([]),
        lambda: copydesk.dedupe_frame(frame),
        lambda: copydesk.dates_frame(frame),
        lambda: copydesk.dedupe(["x y z"]).to_pandas(),
    ):
        with pytest.raises(ImportError, match=r"copydesk\[pandas\]"):
            call()
