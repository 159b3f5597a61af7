"""Exceptions raised by copydesk."""


class CopydeskError(Exception):
    """Base class of every error copydesk raises."""


class InvalidInputError(CopydeskError, ValueError):
    """The input or an argument cannot be used: a malformed record, an unreadable date,
    a binary file, invalid UTF-8 under ``strict=True``. The message names the place."""


class InputFileError(CopydeskError, OSError):
    """A file or directory could not be read: missing, unreadable, or a link loop."""


class MissingTextWarning(UserWarning):
    """Rows of a DataFrame had no text (None or NaN) and so gave no results; the warning
    counts them and names their ids."""
