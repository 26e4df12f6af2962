"""The ``congdoan`` command: ``doctor``, ``ask`` and ``lab`` (Vietnamese; ``--lang en``).

Commands are thin: they parse, call the library and print. An expected error prints
one Vietnamese line to stderr and exits 1, never a traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click

from .cli_support import CongdoanClickError, LocalisedGroup, relocalise
from .config import PRICES_AS_OF, load_settings, vn_date
from .course.cli import course
from .errors import CongdoanError
from .i18n import LANGUAGES, catalogue, get_language, msg, set_language
from .labsetup import LAB_OVERRIDES, configure_lab, ensure_user_locale, write_lab_overrides
from .server.cli import server

__all__ = ["LAB_OVERRIDES", "cli", "main", "write_lab_overrides"]

START_NOTEBOOK = Path("modules") / "00_bat_dau" / "00_bat_dau.ipynb"


def _click_text(message: str) -> str:
    """Click's own words ("Usage:", "Options") in the current language, from the catalogue."""
    return catalogue(get_language()).get(f"click.text.{message}", message)


def _translate_click() -> None:
    """Route Click's gettext calls through the catalogue.

    Click marks its strings with ``gettext`` (bound as ``_`` in each of its modules) but
    ships no Vietnamese translation; rebinding ``_`` in this process makes help pages
    and usage errors speak the course's language, ``--lang en`` included.
    """
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.types

    for module in (click.core, click.decorators, click.exceptions, click.formatting,
                   click.parser, click.types):  # fmt: skip
        if hasattr(module, "_"):
            module._ = _click_text


_translate_click()


def _lang_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value:
        set_language(value)
        relocalise(ctx.find_root().command)  # help texts were read at import
    return value


@click.group(cls=LocalisedGroup, help=msg("cli.help.main"))
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    callback=_lang_callback,
    expose_value=False,
    is_eager=True,
    help=msg("cli.help.lang"),
)
@click.version_option(package_name="congdoan-ai")
def cli() -> None:
    pass


@cli.command(help=msg("cli.help.doctor"))
@click.option("--no-probe", is_flag=True, help=msg("cli.help.no_probe"))
def doctor(no_probe: bool) -> None:
    from .providers import overview

    settings = _settings()
    click.echo(msg("cli.doctor.heading"))
    env_file = str(settings.env_file) if settings.env_file else msg("cli.doctor.no_env_file")
    click.echo(msg("cli.doctor.env_file", path=env_file))
    try:
        click.echo(msg("cli.doctor.default", provider=settings.default_provider))
    except CongdoanError as exc:
        click.echo(f"{msg('cli.error_prefix')}: {exc}")
    click.echo("")
    click.echo(str(overview(probe=not no_probe, settings=settings, detailed=True)))
    click.echo("")
    click.echo(msg("models.prices_as_of", date=vn_date(PRICES_AS_OF)))


@cli.command(help=msg("cli.help.ask"))
@click.argument("prompt")
@click.option("-p", "--provider", default=None, help=msg("cli.help.provider"))
@click.option("-m", "--model", default=None, help=msg("cli.help.model"))
@click.option("-s", "--system", default=None, help=msg("cli.help.system"))
@click.option("--stream/--no-stream", default=False, help=msg("cli.help.stream"))
def ask(
    prompt: str, provider: str | None, model: str | None, system: str | None, stream: bool
) -> None:
    from .chat import ask as ask_provider

    try:
        reply = ask_provider(prompt, provider=provider, system=system, model=model, stream=stream)
    except CongdoanError as exc:
        raise CongdoanClickError(str(exc)) from None
    if stream:
        lines = [f"({note})" for note in reply.notes()] + [reply.summary_line()]
        click.echo(f"[{reply.badge}]\n" + "\n".join(lines))
    else:
        click.echo(reply.to_text())


@cli.command(help=msg("cli.help.lab"), context_settings={"ignore_unknown_options": True})
@click.option("--port", type=int, default=None, help=msg("cli.help.port"))
@click.option("--no-browser", is_flag=True, help=msg("cli.help.no_browser"))
@click.option("--dry-run", is_flag=True, help=msg("cli.help.dry_run"))
@click.argument("jupyter_args", nargs=-1, type=click.UNPROCESSED)
def lab(port: int | None, no_browser: bool, dry_run: bool, jupyter_args: tuple[str, ...]) -> None:
    root = course_root()
    overrides = configure_lab(Path(sys.prefix)).overrides
    command = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={root}"]
    if port:
        command.append(f"--port={port}")
    if no_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers and CI run as root
    command.extend(jupyter_args)
    start = root / START_NOTEBOOK
    if start.is_file():
        command.append(str(start.relative_to(root)))
    click.echo(msg("cli.lab.starting", root=root, overrides=overrides))
    if dry_run:
        click.echo(" ".join(command))
        return
    ensure_user_locale()  # the server translates schema menus in the user's locale only
    env = {**os.environ, "CONGDOAN_PROVIDER": os.environ.get("CONGDOAN_PROVIDER", "offline")}
    raise SystemExit(subprocess.call(command, cwd=root, env=env))


cli.add_command(course)
cli.add_command(server)


def course_root() -> Path:
    """The folder holding ``modules/``: the working directory or the repository checkout."""
    for candidate in (Path.cwd(), *Path.cwd().parents, Path(__file__).resolve().parents[2]):
        if (candidate / "modules").is_dir():
            return candidate
    return Path.cwd()


def _settings():
    try:
        return load_settings()
    except CongdoanError as exc:
        raise CongdoanClickError(str(exc)) from None


def main() -> None:
    """Entry point of the ``congdoan`` command."""
    cli(prog_name="congdoan")


if __name__ == "__main__":
    main()
