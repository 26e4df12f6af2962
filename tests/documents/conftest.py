"""Fixtures for the document tests."""

from __future__ import annotations

import pytest
from document_cases import read


@pytest.fixture
def notice_text() -> str:
    """A correct notice (Tháng Công nhân 2026) to break or export in a test."""
    return read("notice_thang_cong_nhan.txt")
