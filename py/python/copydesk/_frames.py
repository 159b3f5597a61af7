"""pandas glue: results as DataFrames, and DataFrames in. Thin on purpose: every function
here converts arguments and results; the work is done by the compiled core."""

import warnings
from typing import Any, Callable, Dict, List, Optional

from copydesk._copydesk import (
    Article,
    Block,
    Cluster,
    DateRange,
    DedupResult,
    Match,
    Member,
    Pair,
    Passage,
    Quote,
    Sentence,
    TemporalExpression,
    dedupe,
    find_dates_many,
    parse_many,
)
from copydesk._errors import InvalidInputError, MissingTextWarning

_EXTRA = "pip install 'copydesk[pandas]' (or pip install pandas)"


def _pandas(what: str) -> Any:
    try:
        import pandas  # type: ignore[import-untyped, unused-ignore]
    except ImportError as e:
        raise ImportError(f"{what} needs pandas, an optional extra: {_EXTRA}") from e
    return pandas


def _interval(row: Dict[str, Any], interval: Any, prefix: str = "") -> None:
    start, end = (None, None) if interval is None else interval
    row[f"{prefix}interval_start"] = start
    row[f"{prefix}interval_end"] = end


def _member_row(m: Member) -> Dict[str, Any]:
    p = m.passage
    return {
        "cluster": m.cluster,
        "canonical": m.canonical,
        "article": p.article,
        "published": p.published,
        "block": p.block,
        "start": p.start,
        "end": p.end,
        "similarity": m.similarity,
        "containment": m.containment,
        "text": p.text,
    }


def _passage_row(p: Passage, prefix: str = "") -> Dict[str, Any]:
    return {
        f"{prefix}index": p.index,
        f"{prefix}article": p.article,
        f"{prefix}published": p.published,
        f"{prefix}block": p.block,
        f"{prefix}start": p.start,
        f"{prefix}end": p.end,
        f"{prefix}text": p.text,
    }


def _expression_row(t: TemporalExpression) -> Dict[str, Any]:
    row: Dict[str, Any] = {
        "article": t.article,
        "text": t.text,
        "start": t.start,
        "end": t.end,
        "type": t.type,
        "value": t.value,
        "mod": t.mod,
        "quant": t.quant,
        "freq": t.freq,
    }
    _interval(row, t.interval)
    r = t.range
    row["range_text"] = None if r is None else r.text
    row["range_start"] = None if r is None else r.start
    row["range_end"] = None if r is None else r.end
    row["genre"] = t.genre
    return row


def _rows(item: Any) -> List[Dict[str, Any]]:
    """The rows of one result."""
    if isinstance(item, Article):
        return [
            {
                "article": item.id,
                "published": item.published,
                "block": b.index,
                "kind": b.kind,
                "start": b.start,
                "end": b.end,
                "text": b.text,
                "reason": b.reason,
                "repeat_of": b.repeat_of,
            }
            for b in item.blocks
        ]
    if isinstance(item, TemporalExpression):
        return [_expression_row(item)]
    if isinstance(item, Cluster):
        return [_member_row(m) for m in item.members]
    if isinstance(item, Member):
        return [_member_row(item)]
    if isinstance(item, Block):
        return [{"block": item.index, "kind": item.kind, "start": item.start, "end": item.end, "text": item.text,
                 "reason": item.reason, "repeat_of": item.repeat_of}]
    if isinstance(item, Quote):
        return [item.to_dict()]
    if isinstance(item, Sentence):
        return [{"block": item.block, "start": item.start, "end": item.end, "text": item.text}]
    if isinstance(item, Passage):
        return [_passage_row(item)]
    if isinstance(item, Pair):
        row = {**_passage_row(item.a, "a_"), **_passage_row(item.b, "b_")}
        row["similarity"] = item.similarity
        row["containment"] = item.containment
        return [row]
    if isinstance(item, Match):
        row = _passage_row(item.passage)
        row["similarity"] = item.similarity
        row["containment"] = item.containment
        return [row]
    if isinstance(item, DateRange):
        row = {"text": item.text, "start": item.start, "end": item.end}
        _interval(row, item.interval)
        return [row]
    raise TypeError(
        f"to_pandas takes copydesk results (Articles, clusters, pairs, temporal expressions...), not {type(item).__name__}"
    )


def to_pandas(results: Any) -> Any:
    """A DataFrame of copydesk results, one row per smallest piece.

    - Articles (from ``read``, ``parse_many``): one row per block: ``article``, ``published``,
      ``block``, ``kind``, ``start``, ``end``, ``text``, ``reason``, ``repeat_of``.
    - Quotes (``Article.quotes``): one row per quote, the columns of ``Quote.to_dict``.
    - Temporal expressions (from ``find_dates``), or one list of them per item (from
      ``find_dates_many``, which adds an ``item`` column, the item's position): one row per
      expression: ``article``, ``text``, ``start``, ``end``, ``type``, ``value``, ``mod``,
      ``quant``, ``freq``, ``interval_start``, ``interval_end`` (``datetime.date``),
      ``range_text``, ``range_start``, ``range_end``.
    - A ``DedupResult``, clusters or members: one row per member (as
      ``DedupResult.to_pandas``); pairs: one row per pair (``a_*``, ``b_*``, ``similarity``,
      ``containment``); blocks, sentences, passages, matches, ranges: one row each.

    Needs pandas (``pip install 'copydesk[pandas]'``).
    """
    pd = _pandas("to_pandas")
    if isinstance(results, DedupResult):
        return results.to_pandas()
    if isinstance(results, (Article, Cluster)):
        results = [results]
    rows: List[Dict[str, Any]] = []
    for i, item in enumerate(results):
        if isinstance(item, (list, tuple)):
            for inner in item:
                rows.extend({"item": i, **row} for row in _rows(inner))
        else:
            rows.extend(_rows(item))
    return pd.DataFrame(rows)


def _column(df: Any, name: str, what: str, hint: str) -> Any:
    if name not in df.columns:
        columns = ", ".join(repr(c) for c in df.columns)
        raise KeyError(f"no column {name!r} for {what} (the columns are {columns}); {hint}")
    return df[name]


def _inputs(df: Any, text: str, id: Optional[str], published: Optional[str]) -> Any:
    """The articles of a DataFrame's rows (parsed in Rust), and the rows' ids."""
    pd = _pandas("copydesk's DataFrame functions")
    values = _column(df, text, "the texts", "name it with text=").tolist()
    if id is None:
        ids = df.index.tolist()
    else:
        ids = _column(df, id, "the ids", "name it with id=, or pass id=None to use the index").tolist()
    texts = []
    missing = []
    for i, v in enumerate(values):
        if v is None or (not isinstance(v, str) and pd.isna(v)):
            missing.append(ids[i])
            v = ""
        elif not isinstance(v, str):
            raise TypeError(
                f"row {i} (id {ids[i]!r}) of column {text!r} is {type(v).__name__}, not a text (str)"
            )
        texts.append(v)
    if missing:
        shown = ", ".join(repr(m) for m in missing[:5]) + (", ..." if len(missing) > 5 else "")
        warnings.warn(
            f"{len(missing)} of {len(texts)} rows have no text in column {text!r} and give no "
            f"results (ids {shown}); fill or drop them to silence this",
            MissingTextWarning,
            stacklevel=3,
        )
    dates = None
    if published is not None:
        dates = [
            None if v is None or pd.isna(v) else v
            for v in _column(
                df, published, "the publication dates", "name it with published=, or pass published=None"
            ).tolist()
        ]
    try:
        articles = parse_many(texts, published=dates, ids=[str(i) for i in ids])
    except InvalidInputError as e:
        # The message names the item and its id; say which column it came from.
        raise InvalidInputError(f"column {published!r}: {e}") from e
    return articles, ids


def _id_name(df: Any, id: Optional[str]) -> str:
    return id if id is not None else (df.index.name or "index")


def dedupe_frame(
    df: Any,
    text: str = "text",
    id: Optional[str] = "id",
    published: Optional[str] = None,
    *,
    progress: Optional[Callable[[int], Any]] = None,
    **options: Any,
) -> Any:
    """The near-duplicate passages of a DataFrame's texts, as a DataFrame.

    Each row of ``df`` is an article: its text in column ``text``, its id in column ``id``
    (``id=None``: the index), and, with ``published=`` naming a column, its publication date
    (which decides each cluster's canonical passage). ``options`` are those of ``dedupe``
    (``level``, ``threshold``, ``containment``, ``cross_only``...). Returns one row per
    cluster member: ``cluster``, ``canonical`` (True for the passage the others repeat), the
    row's id (under the name of the ``id`` column), ``block``, ``start``, ``end`` (str
    indices into the row's text), ``text`` and ``similarity`` (to the canonical passage),
    and ``containment`` when asked for. Rows with no text (None or NaN) give no rows; a
    ``MissingTextWarning`` counts them and names their ids.
    """
    pd = _pandas("dedupe_frame")
    articles, ids = _inputs(df, text, id, published)
    result = dedupe(articles, progress=progress, **options)
    with_containment = options.get("containment") not in (None, False)
    name = _id_name(df, id)
    columns = ["cluster", "canonical", name, "block", "start", "end", "text", "similarity"]
    if with_containment:
        columns.append("containment")
    rows = []
    for cluster in result.clusters:
        for m in cluster.members:
            p = m.passage
            row = [cluster.id, m.canonical, ids[p.article_index], p.block, p.start, p.end, p.text, m.similarity]
            if with_containment:
                row.append(m.containment)
            rows.append(row)
    return pd.DataFrame(rows, columns=columns)


_DATE_COLUMNS = [
    "text",
    "start",
    "end",
    "type",
    "value",
    "mod",
    "interval_start",
    "interval_end",
    "quant",
    "freq",
    "range_text",
]


def dates_frame(
    df: Any,
    text: str = "text",
    id: Optional[str] = "id",
    published: Optional[str] = "published",
    *,
    progress: Optional[Callable[[int], Any]] = None,
) -> Any:
    """The temporal expressions of a DataFrame's texts, as a DataFrame.

    Each row of ``df`` is an article: its text in column ``text``, its id in column ``id``
    (``id=None``: the index) and its publication date in column ``published`` (dates,
    datetimes, pandas Timestamps or ISO 8601 strings; missing values and
    ``published=None`` leave relative expressions unresolved). Texts are read as
    ``copydesk dates`` reads articles: parsed, block by block, page residue skipped.
    Returns one row per expression: the row's id (under the name of the ``id`` column),
    ``text``, ``start``, ``end`` (str indices into the row's text), ``type``, ``value``,
    ``mod``, ``interval_start``, ``interval_end`` (``datetime.date``: the first day and the
    day after the last), ``quant``, ``freq``, ``range_text`` and ``genre`` (what the row's
    year-less dates were read against: ``news`` or ``narrative``). Rows with no text (None or
    NaN) give no rows; a ``MissingTextWarning`` counts them and names their ids. A date that
    cannot be read is an ``InvalidInputError`` naming the column, the row and its id.
    """
    pd = _pandas("dates_frame")
    articles, ids = _inputs(df, text, id, published)
    found = find_dates_many(articles, progress=progress)
    name = _id_name(df, id)
    rows = []
    for row_id, expressions in zip(ids, found):
        for t in expressions:
            row = _expression_row(t)
            row[name] = row_id
            rows.append(row)
    return pd.DataFrame(rows, columns=[name, *_DATE_COLUMNS])
