"""``python -m copydesk``: the copydesk command line."""

from copydesk._cli import main

if __name__ == "__main__":
    raise SystemExit(main())
