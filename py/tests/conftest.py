import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture
def seeds() -> pathlib.Path:
    return ROOT / "seeds"
