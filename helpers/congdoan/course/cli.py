"""``congdoan course ...``: the trainer's commands for one class (an nbgrader course).

Thin commands: parse, call ``congdoan.course``, print. Heavy imports (nbgrader,
openpyxl) happen inside the commands, so ``congdoan --help`` stays fast. An expected
error prints one ``Lỗi: ...`` line (plus the list of bad rows for a roster) and exits 1.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..cli_support import CongdoanClickError, path_option
from ..errors import CongdoanError
from ..i18n import msg

__all__ = ["course"]


#: One error class for every command group (``Lỗi: ...``, exit 1, no traceback).
CourseClickError = CongdoanClickError


def _course(ctx: click.Context):
    from .coursedir import find_course
    from .integrity import verify

    chosen = ctx.find_root().meta.get("congdoan.course_dir")
    try:
        found = find_course(Path(chosen) if chosen is not None else None)
        verify(found.root)  # before anything loads nbgrader_config.py
        return found
    except CongdoanError as exc:
        raise CourseClickError(str(exc)) from None


def _run(function, *args, **kwargs):
    try:
        return function(*args, **kwargs)
    except CongdoanError as exc:
        raise CourseClickError(str(exc)) from None


def _remember_course(ctx: click.Context, _param, value):
    if value is not None:
        ctx.find_root().meta["congdoan.course_dir"] = value
    return value


@click.group(help=msg("course.help.group"))
@path_option(
    "-C",
    "--course",
    "course_dir",
    help_key="course.help.course_dir",
    kind="folder",
    callback=_remember_course,
    expose_value=False,
)
def course() -> None:
    pass


@course.command(help=msg("course.help.init"))
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--course-id", default=None, help=msg("course.help.course_id"))
@click.option(
    "--cell-timeout",
    type=click.IntRange(1),
    default=30,
    show_default=True,
    help=msg("course.help.cell_timeout"),
)
@path_option("--source", help_key="course.help.source", kind="folder")
def init(directory: Path, course_id: str | None, cell_timeout: int, source: Path | None) -> None:
    from .coursedir import init_course

    made, copied = _run(
        init_course, directory, course_id=course_id, source=source, cell_timeout=cell_timeout
    )
    click.echo(msg("course.init.done", path=made.root, course_id=made.course_id()))
    names = ", ".join(copied) if copied else msg("course.init.none_new")
    click.echo(msg("course.init.assignments", names=names))
    click.echo(msg("course.init.next", path=made.root))


@course.group(help=msg("course.help.roster"))
def roster() -> None:
    pass


@roster.command("import", help=msg("course.help.roster_import"))
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def roster_import(ctx: click.Context, file: Path) -> None:
    from .roster import import_roster

    target = _course(ctx)
    added, updated = _run(import_roster, target, file)
    click.echo(msg("course.roster.imported", added=added, updated=updated, path=target.roster_file))


@course.command(help=msg("course.help.release"))
@click.argument("name")
@click.option("--force", is_flag=True, help=msg("course.help.force_release"))
@click.pass_context
def release(ctx: click.Context, name: str, force: bool) -> None:
    from .release import release as release_assignment

    target = _course(ctx)
    count, exchanged = _run(release_assignment, target, name, force=force)
    click.echo(
        msg(
            "course.release.generated",
            name=name,
            count=count,
            path=target.path("release", ".", name),
        )
    )
    if exchanged:
        root = target.config().Exchange.root
        click.echo(msg("course.release.released", name=name, exchange=root))
    else:
        click.echo(msg("course.release.no_exchange"))


@course.command(help=msg("course.help.collect"))
@click.argument("name")
@path_option("--from", "source", help_key="course.help.collect_from")
@click.pass_context
def collect(ctx: click.Context, name: str, source: Path | None) -> None:
    from .collect import collect_exchange, collect_files

    target = _course(ctx)
    if source is None:
        students = _run(collect_exchange, target, name)
        click.echo(msg("course.collect.exchange_done", name=name, count=len(students)))
        return
    report = _run(collect_files, target, name, source)
    for line in report.lines():
        click.echo(line)


@course.command(help=msg("course.help.autograde"))
@click.argument("name")
@click.option(
    "-j", "--workers", type=click.IntRange(1, 64), default=None, help=msg("course.help.workers")
)
@click.option(
    "--timeout",
    type=click.FloatRange(1),
    default=None,
    help=msg("course.help.timeout"),
)
@click.option("--student", "students", multiple=True, help=msg("course.help.student"))
@click.pass_context
def autograde(
    ctx: click.Context, name: str, workers: int | None, timeout: float | None, students: tuple
) -> None:
    from .autograde import DEFAULT_TIMEOUT, STATUSES
    from .autograde import autograde as run

    target = _course(ctx)
    workers = workers or os.cpu_count() or 1
    timeout = timeout or DEFAULT_TIMEOUT
    started = []

    def progress(done: int, total: int, outcome) -> None:
        if not started:  # printed once there is something to grade
            started.append(True)
            click.echo(
                msg("course.autograde.start", name=name, workers=workers, timeout=f"{timeout:g}")
            )
        score = (
            f"{outcome.score:g}/{outcome.max_score:g}"
            if outcome.score is not None and outcome.max_score is not None
            else "-"
        )
        line = msg(
            "course.autograde.progress",
            done=done,
            total=total,
            student=outcome.student,
            status=outcome.label(),
            score=score,
        )
        if outcome.detail:
            line += f" ({outcome.detail})"
        click.echo(line)

    outcomes = _run(
        run,
        target,
        name,
        workers=workers,
        timeout=timeout,
        students=list(students) or None,
        on_result=progress,
        on_warning=click.echo,
    )
    counts = {}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    parts = [f"{msg(f'course.status.{s}')}: {counts[s]}" for s in STATUSES if s in counts]
    click.echo(msg("course.autograde.summary", total=len(outcomes), parts="; ".join(parts)))


@course.command(help=msg("course.help.feedback"))
@click.argument("name")
@click.pass_context
def feedback(ctx: click.Context, name: str) -> None:
    from .feedback import generate_feedback

    target = _course(ctx)
    pages = _run(generate_feedback, target, name)
    click.echo(
        msg("course.feedback.done", name=name, count=len(pages), path=target.path("feedback"))
    )


@course.command(help=msg("course.help.report"))
@path_option("--xlsx", help_key="course.help.xlsx", kind="file")
@path_option("--certificates", help_key="course.help.certificates", kind="folder")
@click.pass_context
def report(ctx: click.Context, xlsx: Path | None, certificates: Path | None) -> None:
    from .report import build_report, summary_lines, write_xlsx

    target = _course(ctx)
    data = _run(build_report, target)
    for line in summary_lines(data):
        click.echo(line)
    if xlsx is not None:
        written = _run(write_xlsx, data, xlsx)
        click.echo(msg("course.report.written", path=written))
    if certificates is not None:
        _write_certificates(data, certificates)


def _write_certificates(data, folder: Path) -> None:
    """One Word certificate per trainee who passed; the others listed with the reason."""
    from ..certificate import class_certificates

    written, missing = _run(class_certificates, data, folder)
    click.echo(msg("course.report.certificates", count=len(written), path=folder))
    for trainee, reasons in sorted(missing.items()):
        click.echo(msg("course.report.no_certificate", id=trainee, reasons="; ".join(reasons)))
