"""The formula-injection guard: text a person typed is always written as text.

openpyxl writes a string that starts with "=" as a formula, and Excel (or LibreOffice)
evaluates a cell starting with "+", "-" or "@" as one once somebody edits it. A risky string
is therefore stored as a plain string cell (data type "s") with Excel's quote-prefix flag,
the flag an apostrophe typed by hand sets: the visible text is unchanged and stays text.
"""

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_risky(text):
    """Whether a spreadsheet could read this text as a formula."""
    return text.startswith(RISKY_STARTS)


def clean(text):
    """The text without the control characters an xlsx file cannot hold (pasted from elsewhere)."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def as_text(cell):
    """Make a cell holding a risky string a text cell; returns the cell."""
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell
