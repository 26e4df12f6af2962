"""The usage examples in the docstrings of congdoan.documents run and give what they show."""

from __future__ import annotations

import doctest
import importlib

import pytest

import congdoan.documents

# importlib: the package re-exports a function named ``parse`` over the submodule's name.
MODULES = ["congdoan.documents", *(f"congdoan.documents.{n}" for n in ("checks", "docx", "parse"))]


@pytest.mark.parametrize("name", MODULES)
def test_documents_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    assert doctest.testmod(module, optionflags=doctest.ELLIPSIS).failed == 0


def test_public_api_is_exported() -> None:
    assert sorted(congdoan.documents.__all__) == sorted(
        [
            "KINDS",
            "REGISTRY",
            "TITLES",
            "Document",
            "check",
            "from_docx",
            "parse",
            "resolve_kind",
            "to_docx",
        ]
    )
    for name in congdoan.documents.__all__:
        assert hasattr(congdoan.documents, name)
