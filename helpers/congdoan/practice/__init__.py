"""The offline practice model: drafts union documents, posts, scripts and summaries.

``congdoan.providers.offline`` calls :func:`respond`; lessons may use the parts too
(``extract`` to show what a prompt says, ``summarise`` for the summary lesson).
"""

from ..replies import without_tips
from .details import SLOTS, extract
from .model import TASKS, PracticeAnswer, respond
from .summary import split_sentences, summarise
from .tasks import detect_task

__all__ = [
    "SLOTS",
    "TASKS",
    "PracticeAnswer",
    "detect_task",
    "extract",
    "respond",
    "split_sentences",
    "summarise",
    "without_tips",
]
