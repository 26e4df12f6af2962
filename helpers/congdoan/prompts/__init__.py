"""Prompt writing for union work: a rubric that checks a prompt and suggests a better one.

>>> from congdoan import prompts
>>> prompts.check("Viết thông báo").ok
False
"""

from . import library
from .rubric import CODES, check, suggest

__all__ = ["CODES", "check", "library", "suggest"]
