"""Console entry point: runs the command line compiled into the extension, the same
program as the Rust ``copydesk`` binary."""

import sys
from typing import List, Optional

from copydesk._copydesk import main as _main


def main(argv: Optional[List[str]] = None) -> int:
    """Run ``copydesk`` with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    args = sys.argv[1:] if argv is None else list(argv)
    sys.stdout.flush()
    return _main(["copydesk", *args])
