"""Interactive panels for the lessons, built from stock ipywidgets 8.

>>> from congdoan.widgets import ChatBox, CompareBoard, PromptBuilder, CheckPanel
>>> ChatBox()                 # chat with the configured provider (practice model by default)
>>> CompareBoard()            # one question, several providers, side by side
>>> PromptBuilder("notice")   # build a prompt part by part, score it live
>>> CheckPanel("notice")      # paste a text, get the checklist
>>> TableEditor("bang.csv", kind="bảng kế hoạch", year=2026)  # edit a table, check it

The panels only compose widgets and call the library (``congdoan.Chat``, ``compare``,
``check``, ``prompts``, ``privacy``); every label comes from the message catalogue
(``messages/<lang>/widgets.toml``). Errors a trainee can act on appear inside the panel
as a Vietnamese sentence, never as a traceback. They work headless, so notebooks that
use them run under nbclient and nbgrader.
"""

from ._builder import PromptBuilder
from ._chatbox import ChatBox
from ._checkpanel import CheckPanel
from ._compare import CompareBoard
from ._table import TableEditor

__all__ = ["ChatBox", "CheckPanel", "CompareBoard", "PromptBuilder", "TableEditor"]
