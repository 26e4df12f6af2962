"""Notebook integration: errors a trainee can act on show as a Vietnamese box, not a traceback.

A trainee who forgets a key or mistypes a provider should read what to do, not forty
lines of SDK internals. Besides ``CongdoanError``, the slips every beginner makes get a
Vietnamese box naming what to fix:

* a cell run before the set-up cell, or a misspelt name (``NameError``, or
  ``media.postr`` for ``media.poster``): which cell to run first, or the name it
  probably meant;
* a string left open (``\"\"\"`` never closed), a missing quote or bracket, text typed
  without quotes (``SyntaxError``): the line and what to add.

A set-up cell cannot help a cell run *before* it, so the kernel loads this module at
start as an IPython extension (``congdoan.labsetup`` writes the kernel configuration);
importing ``congdoan`` installs it too. Any other exception keeps its normal traceback:
a real bug must stay visible.
"""

from __future__ import annotations

import builtins
import difflib
import html
import re
import sys

from .i18n import msg

__all__ = ["install_error_display", "load_ipython_extension", "slip_message"]

#: Names the lessons' set-up cells import: a NameError on one means "run the set-up cell".
SETUP_NAMES = frozenset(
    {
        "ask", "check", "compare", "overview", "Chat", "suggest", "progress", "facts", "forms",
        "qr", "events", "media", "documents", "privacy", "prompts", "posts", "pd",
        "ChatBox", "CheckPanel", "CompareBoard", "PromptBuilder", "TableEditor",
        "PromptLibrary", "kiem_tra", "grade_part", "Path",
    }
)  # fmt: skip
_NON_ASCII_LETTER = re.compile(r"[^\x00-\x7f]")


def install_error_display() -> bool:
    """Register the handlers in a running IPython kernel; return whether they were installed."""
    if "IPython" not in sys.modules:
        return False
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None:
        return False
    _install(shell)
    return True


def load_ipython_extension(shell) -> None:
    """``%load_ext congdoan.notebook``; the course's kernel configuration loads it at start."""
    _install(shell)


def _install(shell) -> None:
    from .errors import CongdoanError

    shell.set_custom_exc((CongdoanError, NameError, AttributeError), _show_error)
    if not getattr(shell, "_congdoan_syntax", False):
        original = shell.showsyntaxerror

        def showsyntaxerror(filename=None, running_compiled_code=False, **kwargs):
            value = sys.exc_info()[1]
            if isinstance(value, SyntaxError):
                _display_box(slip_message(value))
                return None
            return original(filename, running_compiled_code, **kwargs)

        shell.showsyntaxerror = showsyntaxerror
        shell._congdoan_syntax = True


def _show_error(shell, etype, evalue, tb, tb_offset=None):
    """IPython custom exception handler: display the message box only."""
    from .errors import CongdoanError

    if isinstance(evalue, CongdoanError):
        from IPython.display import HTML, display

        display(HTML(evalue._repr_html_()))
        return None
    if isinstance(evalue, AttributeError) and not _module_typo(evalue):
        shell.showtraceback((etype, evalue, tb), tb_offset=tb_offset)  # a real bug: keep it
        return None
    _display_box(slip_message(evalue, namespace=shell.user_ns))
    return None


def _module_typo(error: AttributeError) -> bool:
    """``media.postr(...)``: a misspelt name inside a module (not a bug in an object)."""
    import types

    return isinstance(getattr(error, "obj", None), types.ModuleType) and bool(
        getattr(error, "name", None)
    )


def slip_message(error: BaseException, namespace: dict | None = None) -> tuple[str, str]:
    """``(what happened, what to do)`` in the course language for a beginner's slip."""
    if isinstance(error, NameError):
        return _name_message(error, namespace or {})
    if isinstance(error, SyntaxError):
        return _syntax_message(error)
    if isinstance(error, AttributeError) and _module_typo(error):
        return _attribute_message(error)
    return (str(error), "")


def _attribute_message(error: AttributeError) -> tuple[str, str]:
    module = error.obj.__name__.rsplit(".", 1)[-1]
    name = f"{module}.{error.name}"
    known = [n for n in dir(error.obj) if not n.startswith("_")]
    close = difflib.get_close_matches(error.name, known, n=1, cutoff=0.7)
    if close:
        return msg("notebook.name.title", name=name), msg(
            "notebook.name.typo", close=f"{module}.{close[0]}"
        )
    return msg("notebook.name.title", name=name), msg("notebook.name.unknown")


def _name_message(error: NameError, namespace: dict) -> tuple[str, str]:
    name = getattr(error, "name", None) or _quoted_name(str(error))
    if name in SETUP_NAMES:
        return msg("notebook.name.setup_title", name=name), msg("notebook.name.setup_fix")
    known = [n for n in namespace if not n.startswith("_")] + list(SETUP_NAMES)
    known += [n for n in dir(builtins) if not n.startswith("_")]
    close = difflib.get_close_matches(name or "", known, n=1, cutoff=0.75)
    if close:
        return msg("notebook.name.title", name=name), msg("notebook.name.typo", close=close[0])
    return msg("notebook.name.title", name=name), msg("notebook.name.unknown")


def _quoted_name(text: str) -> str:
    found = re.search(r"'([^']+)'", text)
    return found.group(1) if found else text


def _syntax_message(error: SyntaxError) -> tuple[str, str]:
    line = error.lineno or 1
    text = (error.text or "").strip()
    reason = str(error.msg or "")
    title = msg("notebook.syntax.title", line=line)
    if isinstance(error, IndentationError):
        return title, msg("notebook.syntax.indent")
    if "incomplete input" in reason or "triple-quoted" in reason:
        return msg("notebook.syntax.open_string_title"), msg("notebook.syntax.open_string")
    if "unterminated string" in reason or "EOL while scanning" in reason:
        return title, msg("notebook.syntax.missing_quote", text=text[:80])
    if "never closed" in reason or "unmatched" in reason or "does not match" in reason:
        return title, msg("notebook.syntax.bracket", text=text[:80])
    if _NON_ASCII_LETTER.search(_outside_quotes(text)):
        return title, msg("notebook.syntax.unquoted_text", text=text[:80])
    return title, msg("notebook.syntax.other", text=text[:80])


def _outside_quotes(line: str) -> str:
    return re.sub(r"(\"[^\"]*\"|'[^']*')", "", line)


def _display_box(message: tuple[str, str]) -> None:
    from IPython.display import display

    title, fix = message
    box = (
        '<div class="congdoan-error" role="alert" style="border-left:4px solid #c0392b;'
        'background:#fdecea;padding:8px 12px;margin:4px 0;color:#1a1a1a">'
        f"<strong>{html.escape(msg('notebook.heading'))}</strong> {html.escape(title)}"
        f"<br>{html.escape(fix)}</div>"
    )
    plain = f"{msg('notebook.heading')} {title}\n{fix}"  # a terminal IPython shows this
    display({"text/html": box, "text/plain": plain}, raw=True, metadata={"congdoan": "slip"})
