"""``congdoan server ...``: set up and run the classroom hub (thin commands, Vietnamese output)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import click

from ..cli_support import CongdoanClickError, path_option
from ..errors import CongdoanError
from ..i18n import msg

__all__ = ["server"]


#: One error class for every command group (``Lỗi: ...``, exit 1, no traceback).
ServerClickError = CongdoanClickError


def _settings(ctx: click.Context):
    from .settings import load_server_settings

    try:
        return load_server_settings(ctx.obj)
    except CongdoanError as exc:
        raise ServerClickError(str(exc)) from None


def _need_root() -> None:
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        raise ServerClickError(msg("server.cli.not_root"))


@click.group(help=msg("server.cli.group"))
@path_option("--dir", "state_dir", help_key="server.cli.dir")
@click.pass_context
def server(ctx: click.Context, state_dir: Path | None) -> None:
    ctx.obj = state_dir


@server.command(help=msg("server.cli.setup"))
@click.option("--course-id", default=None, help=msg("server.cli.course_id"))
@click.option("--port", type=int, default=None, help=msg("server.cli.port"))
@path_option("--lessons", help_key="server.cli.lessons", kind="folder")
@click.option("--postgres", is_flag=True, help=msg("server.cli.postgres"))
@click.pass_context
def setup(
    ctx: click.Context,
    course_id: str | None,
    port: int | None,
    lessons: Path | None,
    postgres: bool,
):
    from .hub import prepare
    from .settings import DEFAULT_STATE_DIR, SETTINGS_FILE, load_server_settings

    _need_root()
    state = Path(ctx.obj or os.environ.get("CONGDOAN_SERVER_DIR") or DEFAULT_STATE_DIR)
    state.mkdir(parents=True, exist_ok=True)
    settings_file = state / SETTINGS_FILE
    if not settings_file.exists():
        hub = [f"course_id = {course_id or 'lop-hoc'!r}", f"port = {port or 8000}"]
        if postgres:
            from .postgres import ensure_cluster

            hub.append(f"db_url = {ensure_cluster(state / 'postgres')!r}")
        settings_file.write_text("[hub]\n" + "\n".join(hub) + "\n\n[gateway]\n", encoding="utf-8")
    keys = state / "keys.env"
    if not keys.exists():
        fd = os.open(keys, os.O_WRONLY | os.O_CREAT, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(msg("server.cli.keys_template"))
    try:
        settings = load_server_settings(state)
        prepare(settings, lessons or _default_lessons())
    except CongdoanError as exc:
        raise ServerClickError(str(exc)) from None
    click.echo(msg("server.cli.ready", path=settings.state_dir, keys=keys))


@server.command(help=msg("server.cli.users"))
@click.argument("roster", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--trainer", is_flag=True, help=msg("server.cli.trainer"))
@path_option("--sheet", help_key="server.cli.sheet", kind="file")
@click.pass_context
def users(ctx: click.Context, roster: Path, trainer: bool, sheet: Path | None) -> None:
    from ..course.roster import read_roster
    from .accounts import create_accounts, write_password_sheet
    from .hub import register_accounts

    _need_root()
    settings = _settings(ctx)
    try:
        people = [(t.ma_hoc_vien, t.ho_ten) for t in read_roster(roster)]
        accounts = create_accounts(
            people,
            Path(settings.hub.home_root),
            trainer=trainer,
            trainers_group=settings.hub.trainers_group,
        )
    except CongdoanError as exc:
        raise ServerClickError(str(exc)) from None
    register_accounts(settings, accounts)
    sheet = write_password_sheet(accounts, sheet or settings.state_dir / "mat_khau_lan_dau.csv")
    new = sum(a.password is not None for a in accounts)
    click.echo(msg("server.cli.created", new=new, kept=len(accounts) - new, sheet=sheet))


@server.command(help=msg("server.cli.run"))
@click.pass_context
def run(ctx: click.Context) -> None:
    settings = _settings(ctx)
    hub = Path(sys.executable).with_name("jupyterhub")
    if not hub.exists() or not shutil.which("configurable-http-proxy"):
        raise ServerClickError(msg("server.cli.no_hub"))
    config = settings.state_dir / "jupyterhub_config.py"
    if "postgresql" in settings.hub.db_url and (settings.state_dir / "postgres").is_dir():
        from .postgres import ensure_cluster

        ensure_cluster(settings.state_dir / "postgres")  # after a reboot: start it again
    os.chdir(settings.state_dir)
    os.execv(str(hub), [str(hub), "-f", str(config)])


@server.command(help=msg("server.cli.usage"))
@click.pass_context
def usage(ctx: click.Context) -> None:
    from ..text import format_money
    from .usage import read_ledger

    rows = read_ledger(_settings(ctx).ledger_file)
    if not rows:
        click.echo(msg("server.cli.usage_empty"))
        return
    for row in rows:
        click.echo(msg("server.cli.usage_row", **row, money=format_money(round(row["cost_vnd"]))))
    total = round(sum(row["cost_vnd"] for row in rows))
    click.echo(msg("server.cli.usage_total", money=format_money(total)))


def _default_lessons() -> Path | None:
    from ..cli import course_root

    lessons = course_root() / "modules"
    return lessons if lessons.is_dir() else None
