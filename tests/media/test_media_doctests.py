"""The examples in the media modules' docstrings run as written."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["channels", "fonts", "image_prompt", "images", "poster", "slideshow", "srt", "video"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"congdoan.media.{name}")
    assert doctest.testmod(module, optionflags=doctest.ELLIPSIS).failed == 0


def test_public_names_are_exported():
    import congdoan.media as media

    assert all(hasattr(media, name) for name in media.__all__)
    assert {"poster", "generate_image", "slideshow", "check_image_prompt"} <= set(media.__all__)
