"""What a fixed page leaves in a text: page numbers, running heads, and paragraphs cut where
a page ended. Shared by the readers of renderings made of pages: the PDF reader (which sees
the page's geometry) and the Word reader (a Word file made from a PDF keeps each page's end
as a break, its furniture as paragraphs).
"""

from __future__ import annotations

import re

#: a page number as printed: ``- 3 -``, ``—3—``, ``第3页``, ``第3页 共14页``, ``3/14``, ``3``
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|\d{1,4})\s*$"
)
_DIGITS = re.compile(r"\d+")


def page_shape(text: str) -> str:
    """A line's text with its numbers blanked and its spaces dropped: a running head with
    its page number is the same line on every page."""
    return _DIGITS.sub("#", text.replace(" ", ""))


def joiner(before: str, after: str) -> str:
    """What goes between two lines of one paragraph: nothing in Chinese, a space between
    two words of Latin script."""
    if (
        before
        and before[-1].isascii()
        and before[-1].isalpha()
        and after[:1].isascii()
        and after[:1].isalpha()
    ):
        return " "
    return ""
