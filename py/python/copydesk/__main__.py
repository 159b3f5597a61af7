"""``python -m copydesk``: the copydesk command line."""

from copydesk._cli import main

raise SystemExit(main())
