"""Notebook integration: congdoan errors show as a Vietnamese box, not a traceback.

A trainee who forgets a key or mistypes a provider should read what to do, not forty
lines of SDK internals. Only ``CongdoanError`` is handled this way; a real bug still
shows its traceback.
"""

from __future__ import annotations

import sys

__all__ = ["install_error_display"]


def install_error_display() -> bool:
    """Register the handler in a running IPython kernel; return whether it was installed."""
    if "IPython" not in sys.modules:
        return False
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None:
        return False
    from .errors import CongdoanError

    shell.set_custom_exc((CongdoanError,), _show_error)
    return True


def _show_error(shell, etype, evalue, tb, tb_offset=None):
    """IPython custom exception handler: display the message box only."""
    from IPython.display import HTML, display

    display(HTML(evalue._repr_html_()))
    return None
