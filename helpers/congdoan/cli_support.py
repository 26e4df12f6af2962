"""What every ``congdoan`` command group shares: one error class, help in two languages.

Click reads help texts when the commands are defined, at import, long before
``--lang en`` is parsed. Once the language is known, :func:`relocalise` finds each help
text of the command tree in the catalogue (in any language) and puts the same message
in the language now set, so ``congdoan --lang en --help`` is English throughout.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import click

from .i18n import LANGUAGES, catalogue, msg, set_language

__all__ = ["CongdoanClickError", "LocalisedGroup", "path_option", "relocalise"]


class CongdoanClickError(click.ClickException):
    """Shows ``Lỗi: <message>`` (translated) on stderr, exit code 1, never a traceback."""

    def show(self, file=None) -> None:
        click.echo(f"{msg('cli.error_prefix')}: {self.message}", err=True)


#: What a path option may name: anything, a folder only, or a file only.
_PATH_KINDS = {"any": {}, "folder": {"file_okay": False}, "file": {"dir_okay": False}}


def path_option(*names: str, help_key: str, kind: str = "any", **extra):
    """An optional path option (``None`` when not given, a ``Path`` when given).

    Every command group takes files and folders this way; one definition keeps them
    all refusing a folder where a file is wanted (and back) with Click's same message.
    ``kind`` is ``"any"``, ``"folder"`` or ``"file"``; ``extra`` goes to ``click.option``.
    """
    path = click.Path(path_type=Path, **_PATH_KINDS[kind])
    return click.option(*names, type=path, default=None, help=msg(help_key), **extra)


@cache
def _keys_by_text() -> dict[str, str]:
    """Catalogue key of every message text, in every language (first key wins)."""
    keys: dict[str, str] = {}
    for lang in LANGUAGES:
        for key, text in catalogue(lang).items():
            keys.setdefault(text, key)
    return keys


def _again(text: str | None) -> str | None:
    """The same catalogue message in the current language; other texts unchanged."""
    key = _keys_by_text().get(text) if text else None
    return msg(key) if key else text


def relocalise(command: click.Command) -> None:
    """Put every help text of ``command`` and its subcommands in the current language."""
    command.help = _again(command.help)
    for param in command.get_params(click.Context(command)):  # with the --help option
        if isinstance(param, click.Option):
            param.help = _again(param.help)
    for sub in getattr(command, "commands", {}).values():
        relocalise(sub)


class LocalisedGroup(click.Group):
    """A command group whose help speaks the language of each invocation.

    Every run starts from ``CONGDOAN_LANG`` (or Vietnamese); ``--lang`` (an eager
    option) sets the language and calls :func:`relocalise` again once it is parsed.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        set_language(None)
        relocalise(self)
        return super().parse_args(ctx, args)
