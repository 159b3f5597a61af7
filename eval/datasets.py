"""Readers for the evaluation corpora in ``../shared/data`` (never copied into the repo).

Every benchmark and evaluation script reads the shared data through this module, so there
is one reader per corpus. The data folder is ``$COPYDESK_DATA`` when set, else
``<repo>/../shared/data``.
"""

from __future__ import annotations

import html
import os
import pathlib
import re
from dataclasses import dataclass
from typing import Iterator, List

REPO = pathlib.Path(__file__).resolve().parents[1]


def data_dir() -> pathlib.Path:
    """The folder that holds ``reuters21578/`` and ``timeml/``."""
    path = pathlib.Path(os.environ.get("COPYDESK_DATA", REPO.parent / "shared" / "data"))
    if not path.is_dir():
        raise SystemExit(
            f"no evaluation data at {path}: set COPYDESK_DATA to the folder holding reuters21578/ and timeml/"
        )
    return path


@dataclass(frozen=True)
class ReutersStory:
    """One <REUTERS> document of Reuters-21578."""

    newid: str
    date: str  # as written, e.g. "26-FEB-1987 15:01:01.79"
    title: str
    dateline: str  # e.g. "SALVADOR, Feb 26 -", stripped
    body: str  # the body as wired, hard-wrapped, ending with the " Reuter" sign-off

    @property
    def text(self) -> str:
        """The story as a plain-text article: dateline, then body (title left out)."""
        return f"{self.dateline} {self.body}" if self.dateline else self.body


_DOC = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
_FIELD = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.S) for name in ("DATE", "TITLE", "DATELINE", "BODY")}
# Control characters the wire used for framing (&#1; &#2; &#3; &#5; &#22; &#31; &#127;).
_CONTROL = re.compile(r"&#(?:[0-9]|[12][0-9]|3[01]|127);")


def _field(name: str, doc: str) -> str:
    m = _FIELD[name].search(doc)
    if not m:
        return ""
    return html.unescape(_CONTROL.sub("", m.group(1)))


def reuters_stories() -> Iterator[ReutersStory]:
    """Every Reuters-21578 story that has a body, in file and NEWID order (19,043 of 21,578)."""
    folder = data_dir() / "reuters21578"
    for path in sorted(folder.glob("reut2-*.sgm")):
        # One file holds a stray Latin-1 byte; Latin-1 decodes every byte.
        raw = path.read_bytes().decode("latin-1")
        for m in _DOC.finditer(raw):
            doc = m.group(2)
            body = _field("BODY", doc)
            if not body.strip():
                continue
            yield ReutersStory(
                newid=m.group(1),
                date=_field("DATE", doc).strip(),
                title=_field("TITLE", doc).strip(),
                dateline=_field("DATELINE", doc).strip(),
                body=body.rstrip(),
            )


def tbaq_files() -> List[pathlib.Path]:
    """The 256 TimeML documents of TBAQ-cleaned (TimeBank 1.2 + AQUAINT), sorted."""
    folder = data_dir() / "timeml" / "tbaq"
    return sorted(folder.glob("*/*.tml"))


if __name__ == "__main__":
    stories = list(reuters_stories())
    print(f"{len(stories)} Reuters stories with a body, {sum(len(s.text) for s in stories) / 1e6:.1f} MB of text")
    print(f"{len(tbaq_files())} TimeML documents")
