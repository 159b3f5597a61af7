"""copydesk: clean up news corpora.

Parse scraped articles into structure, find passages printed twice, and resolve dates
against the publication date. Spans are ``str`` indices: ``article.text[b.start:b.end]``
is always ``b.text``.

>>> import copydesk
>>> a = copydesk.parse("Talks are under way.\\n\\nOfficials are targeting May.", published="2018-04-08")
>>> [b.kind for b in a.blocks]
['paragraph', 'paragraph']
"""

from copydesk._copydesk import (
    Article,
    Block,
    Cluster,
    DateRange,
    DedupResult,
    Deduper,
    Match,
    Member,
    Pair,
    Passage,
    Quote,
    Remark,
    RemarkMember,
    RemarkResult,
    Sentence,
    TemporalExpression,
    __version__,
    dedupe,
    exact_pairs,
    find_dates,
    find_dates_many,
    normalize,
    paragraphs,
    parse,
    parse_html,
    parse_many,
    quotes,
    read,
    sentences,
    shingles,
)
from copydesk._errors import CopydeskError, InputFileError, InvalidInputError, MissingTextWarning
from copydesk._frames import dates_frame, dedupe_frame, to_pandas

__all__ = [
    "Article",
    "Block",
    "Cluster",
    "CopydeskError",
    "DateRange",
    "DedupResult",
    "Deduper",
    "InputFileError",
    "InvalidInputError",
    "Match",
    "Member",
    "MissingTextWarning",
    "Pair",
    "Passage",
    "Quote",
    "Remark",
    "RemarkMember",
    "RemarkResult",
    "Sentence",
    "TemporalExpression",
    "__version__",
    "dates_frame",
    "dedupe",
    "dedupe_frame",
    "exact_pairs",
    "find_dates",
    "find_dates_many",
    "normalize",
    "paragraphs",
    "parse",
    "parse_html",
    "parse_many",
    "quotes",
    "read",
    "sentences",
    "shingles",
    "to_pandas",
]
