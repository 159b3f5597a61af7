"""Type stubs for the compiled extension."""

import datetime
import os
from typing import Any, Dict, List, Literal, Optional, Tuple, Union

__version__: str

DateLike = Union[str, datetime.date, datetime.datetime]

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
    def blocks(self) -> List[Block]: ...
    @property
    def paragraphs(self) -> List[Block]: ...
    @property
    def sentences(self) -> List[Sentence]: ...
    def to_dict(self, *, sentences: bool = False) -> Dict[str, Any]: ...

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

class TemporalExpression:
    """A temporal expression: text, ``[start, end)`` str indices, TIMEX3 type, value and mod,
    and the resolved interval ``(first day, day after the last)``."""

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

def find_dates(
    text: str, reference: Optional[DateLike] = None
) -> List[TemporalExpression]:
    """Find the temporal expressions of ``text``, resolved against ``reference``."""

def parse(
    text: str, published: Optional[DateLike] = None, id: Optional[str] = None
) -> Article:
    """Parse one article from its text."""

def read(
    path: Union[str, os.PathLike[str]],
    *,
    published: Optional[DateLike] = None,
    strict: bool = False,
    text_field: Optional[str] = None,
    id_field: Optional[str] = None,
    errors: Literal["raise", "warn"] = "raise",
) -> List[Article]:
    """Read and parse the articles of a file or directory (recursively)."""

def sentences(text: str) -> List[Tuple[int, int]]:
    """The ``(start, end)`` str indices of each sentence of ``text``."""

def paragraphs(text: str) -> List[Tuple[int, int]]:
    """The ``(start, end)`` str indices of each paragraph of ``text``."""

def normalize(text: str) -> str:
    """``text`` normalized for matching."""

def main(argv: List[str]) -> int:
    """Run the copydesk command line; return its exit code."""
