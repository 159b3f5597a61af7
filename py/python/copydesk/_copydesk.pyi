"""Type stubs for the compiled extension."""

import datetime
import os
from typing import Any, Dict, List, Literal, Optional, Tuple, Union, final

__version__: str

_DateLike = Union[str, datetime.date, datetime.datetime]

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
    def blocks(self) -> List[Block]: ...
    @property
    def paragraphs(self) -> List[Block]: ...
    @property
    def sentences(self) -> List[Sentence]: ...
    def to_dict(self, *, sentences: bool = False) -> Dict[str, Any]: ...

def parse(
    text: str, published: Optional[_DateLike] = None, id: Optional[str] = None
) -> Article:
    """Parse one article from its text."""

def read(
    path: Union[str, os.PathLike[str]],
    *,
    published: Optional[_DateLike] = None,
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
