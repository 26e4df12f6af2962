"""The usage examples in the docstrings of congdoan.text run and give what they show."""

from __future__ import annotations

import doctest

import congdoan.text


def test_text_docstring_examples() -> None:
    result = doctest.testmod(congdoan.text, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 10
    assert result.failed == 0
