"""Type stubs for the compiled extension."""

import datetime
import os
from typing import Any, Callable, Dict, Iterable, List, Literal, Optional, Tuple, Union, final

__version__: str

_DateLike = Union[str, datetime.date, datetime.datetime]
_Progress = Callable[[int], object]

@final
class Block:
    """One block of an article: its kind, text and ``[start, end)`` str indices."""

    @property
    def kind(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def index(self) -> int: ...
    @property
    def reason(self) -> Optional[str]: ...
    @property
    def repeat_of(self) -> Optional[int]: ...
    @property
    def element(self) -> Optional[Tuple[int, str]]: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class Quote:
    """A quotation in a paragraph: the quoted words, ``[start, end)`` str indices, and the
    speaker and verb when the text names them."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def block(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def speaker(self) -> Optional[str]: ...
    @property
    def verb(self) -> Optional[str]: ...
    @property
    def speaker_span(self) -> Optional[Tuple[int, int]]: ...
    @property
    def speaker_mention(self) -> Optional[str]: ...
    @property
    def mention_span(self) -> Optional[Tuple[int, int]]: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class Sentence:
    """A sentence: its text, ``[start, end)`` str indices and block index."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def block(self) -> int: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class Article:
    """A parsed article: its text, where it came from, and its blocks in order."""

    @property
    def id(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def title(self) -> Optional[str]: ...
    @property
    def published(self) -> Optional[datetime.date]: ...
    @property
    def url(self) -> Optional[str]: ...
    @property
    def outlet(self) -> Optional[str]: ...
    @property
    def language(self) -> Optional[str]: ...
    @property
    def language_detected(self) -> bool: ...
    def infer_published(self, *, window: Optional[str] = None) -> Optional[Dict[str, Any]]: ...
    @property
    def crawled(self) -> Optional[datetime.date]: ...
    @property
    def metadata(self) -> Optional[Dict[str, Any]]: ...
    @property
    def warnings(self) -> List[str]: ...
    @property
    def blocks(self) -> List[Block]: ...
    @property
    def paragraphs(self) -> List[Block]: ...
    @property
    def quotes(self) -> List[Quote]: ...
    @property
    def sentences(self) -> List[Sentence]: ...
    def to_markdown(self) -> str: ...
    def to_dict(self, *, sentences: bool = False) -> Dict[str, Any]: ...
    def _repr_html_(self) -> str: ...

@final
class DateRange:
    """A range written as two expressions ("from 2017 to 2021")."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def interval(self) -> Optional[Tuple[datetime.date, datetime.date]]: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class TemporalExpression:
    """A temporal expression: text, ``[start, end)`` str indices, TIMEX3 type, value and mod,
    and the resolved interval ``(first day, day after the last)``."""

    @property
    def article(self) -> Optional[str]: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def type(self) -> Literal["DATE", "TIME", "DURATION", "SET"]: ...
    @property
    def value(self) -> str: ...
    @property
    def mod(self) -> Optional[str]: ...
    @property
    def quant(self) -> Optional[str]: ...
    @property
    def freq(self) -> Optional[str]: ...
    @property
    def interval(self) -> Optional[Tuple[datetime.date, datetime.date]]: ...
    @property
    def range(self) -> Optional[DateRange]: ...
    def to_dict(self) -> Dict[str, Any]: ...

def find_dates(
    text: str, reference: Optional[_DateLike] = None
) -> List[TemporalExpression]:
    """Find the temporal expressions of ``text``, resolved against ``reference``."""

def find_dates_many(
    texts: Iterable[Union[str, Article]],
    references: Union[None, _DateLike, Iterable[Optional[_DateLike]]] = None,
    *,
    progress: Optional[_Progress] = None,
) -> List[List[TemporalExpression]]:
    """Find the temporal expressions of many texts or Articles, in parallel; one list per item."""

def parse(
    text: str, published: Optional[_DateLike] = None, id: Optional[str] = None
) -> Article:
    """Parse one article from its text."""

def parse_html(
    html: str,
    *,
    url: Optional[str] = None,
    published: Optional[_DateLike] = None,
    id: Optional[str] = None,
) -> Article:
    """Parse one web page from its markup: the article found in it, its metadata read."""

def parse_many(
    texts: Iterable[str],
    published: Union[None, _DateLike, Iterable[Optional[_DateLike]]] = None,
    ids: Optional[Iterable[object]] = None,
    *,
    progress: Optional[_Progress] = None,
) -> List[Article]:
    """Parse many articles from their texts, in parallel, in order."""

def read(
    path: Union[str, os.PathLike[str]],
    *,
    published: Optional[_DateLike] = None,
    strict: bool = False,
    text_field: Optional[str] = None,
    id_field: Optional[str] = None,
    errors: Literal["raise", "warn"] = "raise",
    progress: Optional[_Progress] = None,
    format: Optional[str] = None,
    html_field: Optional[str] = None,
    max_document_size: Optional[int] = None,
) -> List[Article]:
    """Read and parse the articles of a file or directory (recursively)."""

def sentences(text: str) -> List[Tuple[int, int]]:
    """The ``(start, end)`` str indices of each sentence of ``text``."""

def paragraphs(text: str) -> List[Tuple[int, int]]:
    """The ``(start, end)`` str indices of each paragraph of ``text``."""

def normalize(text: str) -> str:
    """``text`` normalized for matching."""

_Item = Union[str, Article, Tuple[str, str]]

@final
class Passage:
    """A passage: its article, block, ``[start, end)`` str indices and text."""

    @property
    def index(self) -> int: ...
    @property
    def article(self) -> str: ...
    @property
    def article_index(self) -> int: ...
    @property
    def source(self) -> str: ...
    @property
    def published(self) -> Optional[datetime.date]: ...
    @property
    def block(self) -> Optional[int]: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class Member:
    """A cluster member and its similarity to the cluster's canonical passage."""

    @property
    def cluster(self) -> int: ...
    @property
    def canonical(self) -> bool: ...
    @property
    def similarity(self) -> float: ...
    @property
    def containment(self) -> float: ...
    @property
    def passage(self) -> Passage: ...
    @property
    def article(self) -> str: ...
    @property
    def text(self) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class Cluster:
    """Near-duplicate passages; ``members[0]`` is the canonical one."""

    @property
    def id(self) -> int: ...
    @property
    def size(self) -> int: ...
    @property
    def canonical(self) -> Passage: ...
    @property
    def members(self) -> List[Member]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def _repr_html_(self) -> str: ...
    def __len__(self) -> int: ...

@final
class Pair:
    """Two near-duplicate passages, ``a`` before ``b`` in input order."""

    @property
    def a(self) -> Passage: ...
    @property
    def b(self) -> Passage: ...
    @property
    def indices(self) -> Tuple[int, int]: ...
    @property
    def similarity(self) -> float: ...
    @property
    def containment(self) -> float: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class DedupResult:
    """What ``dedupe`` found."""

    @property
    def clusters(self) -> List[Cluster]: ...
    @property
    def pairs(self) -> List[Pair]: ...
    @property
    def duplicates(self) -> List[Member]: ...
    @property
    def stats(self) -> Dict[str, int]: ...
    def passage(self, index: int) -> Passage: ...
    def to_pandas(self) -> Any: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def _repr_html_(self) -> str: ...
    def __len__(self) -> int: ...

@final
class Match:
    """A passage held by a ``Deduper`` that a queried text duplicates."""

    @property
    def passage(self) -> Passage: ...
    @property
    def similarity(self) -> float: ...
    @property
    def containment(self) -> float: ...
    def to_dict(self) -> Dict[str, Any]: ...

_Level = Literal["paragraph", "sentence", "article"]

def dedupe(
    items: Iterable[_Item],
    level: _Level = "paragraph",
    threshold: float = 0.8,
    *,
    shingle: Literal["word", "char"] = "word",
    n: Optional[int] = None,
    containment: Union[None, bool, float] = None,
    cross_only: bool = False,
    kinds: Optional[List[str]] = None,
    min_words: int = 3,
    num_perm: int = 128,
    seed: Optional[int] = None,
    progress: Optional[_Progress] = None,
) -> DedupResult:
    """Find near-duplicate passages among texts, Articles or (id, text) pairs."""

@final
class Deduper:
    """Finds near-duplicates in a corpus that arrives in batches."""

    def __new__(
        cls,
        level: _Level = "paragraph",
        threshold: float = 0.8,
        *,
        shingle: Literal["word", "char"] = "word",
        n: Optional[int] = None,
        containment: Union[None, bool, float] = None,
        cross_only: bool = False,
        kinds: Optional[List[str]] = None,
        min_words: int = 3,
        num_perm: int = 128,
        seed: Optional[int] = None,
    ) -> Deduper: ...
    def add(self, items: Iterable[_Item], *, progress: Optional[_Progress] = None) -> None: ...
    def query(self, text: str) -> List[Match]: ...
    def is_duplicate(self, text: str) -> bool: ...
    def result(self) -> DedupResult: ...
    def __len__(self) -> int: ...

def shingles(text: str, shingle: Literal["word", "char"] = "word", n: Optional[int] = None) -> List[str]:
    """The shingles of ``text`` as strings, in order, with repeats."""

def exact_pairs(texts: List[str], threshold: float = 0.8, n: int = 3) -> List[Tuple[int, int, float]]:
    """Exact all-pairs search on word n-gram sets: the benchmark's reference."""

def main(argv: List[str]) -> int:
    """Run the copydesk command line; return its exit code."""
