"""Vietnamese HTML feedback per trainee, without the hidden tests.

nbgrader's ``generate_feedback`` renders the *autograded* notebook, in which the test
cells were restored from the gradebook **with their hidden tests** (nbgrader#1363):
the feedback would show trainees the hidden checks. :class:`HideHiddenTests` removes
every ``### BEGIN HIDDEN TESTS`` ... ``### END HIDDEN TESTS`` region from the page and
shortens error tracebacks of those cells to their last line, which names the failed
check but not its code. The page labels come from the message catalogue (Vietnamese by
default) through a small template that extends nbgrader's own.

:func:`configure_feedback` is also called from the course's ``nbgrader_config.py``, so
feedback made from the formgrader's button is just as safe.
"""

from __future__ import annotations

import json
from pathlib import Path

from nbgrader.preprocessors import NbGraderPreprocessor

from ..i18n import msg

__all__ = ["HideHiddenTests", "configure_feedback", "generate_feedback", "hidden_test_lines"]

BEGIN_HIDDEN = "### BEGIN HIDDEN TESTS"
END_HIDDEN = "### END HIDDEN TESTS"
TEMPLATE_NAME = "feedback"  # nbgrader forces this name (NbGraderAPI.generate_feedback)
_LABELS = (
    "score",
    "top",
    "test_cell",
    "answer",
    "task",
    "written",
    "coding",
    "comment",
    "comments",
    "late_penalty",
    "hidden_removed",
)

# A child of nbgrader's feedback template: same page, labels from the catalogue.
_TEMPLATE = r"""{%- extends 'nbgrader_feedback.html.j2' -%}
{%- set L = resources.congdoan_labels -%}

{% block body %}
<body>
  <a name="top"></a>
  <div class="container">
    <div class="panel panel-default">
      <div class="panel-heading">
        <h4>{{ resources.nbgrader.notebook }} ({{ L.score }}: {{ resources.nbgrader.score | float | round(2) }} / {{ resources.nbgrader.max_score | float | round(2) }})</h4>
        <div id="toc">
          <ol>
          {% for cell in nb.cells %}
            {% if cell.metadata.nbgrader and cell.metadata.nbgrader.grade and not cell.metadata.nbgrader.solution %}
            <li><a href="#{{ cell.metadata.nbgrader.grade_id }}">{{ L.test_cell }} {{ cell.metadata.nbgrader.grade_id }}</a> ({{ L.score }}: {{ cell.metadata.nbgrader.score | float | round(2) }} / {{ cell.metadata.nbgrader.points | float | round(2) }})</li>
            {% elif cell.cell_type == "code" and cell.metadata.nbgrader and cell.metadata.nbgrader.grade %}
            <li><a href="#{{ cell.metadata.nbgrader.grade_id }}">{{ L.coding }}</a> ({{ L.score }}: {{ cell.metadata.nbgrader.score | float | round(2) }} / {{ cell.metadata.nbgrader.points | float | round(2) }})</li>
            {% elif cell.cell_type == "markdown" and cell.metadata.nbgrader and cell.metadata.nbgrader.grade %}
            <li><a href="#{{ cell.metadata.nbgrader.grade_id }}">{{ L.written }}</a> ({{ L.score }}: {{ cell.metadata.nbgrader.score | float | round(2) }} / {{ cell.metadata.nbgrader.points | float | round(2) }})</li>
            {% elif cell.cell_type == "markdown" and cell.metadata.nbgrader and cell.metadata.nbgrader.task %}
            <li><a href="#{{ cell.metadata.nbgrader.grade_id }}">{{ L.task }}</a> ({{ L.score }}: {{ cell.metadata.nbgrader.score | float | round(2) }} / {{ cell.metadata.nbgrader.points | float | round(2) }})</li>
            {% endif %}
            {% if cell.metadata.nbgrader and cell.metadata.nbgrader.comment %}
            <li><a href="#comment-{{ cell.metadata.nbgrader.grade_id }}">{{ L.comment }}</a></li>
            {% endif %}
          {% endfor %}
          {% if resources.nbgrader.late_penalty > 0 %}
            <li class="late-penalty">{{ L.late_penalty }} ({{ L.score }}: -{{ resources.nbgrader.late_penalty | float | round(2) }})</li>
          {% endif %}
          </ol>
        </div>
      </div>
      <div class="panel-body">
        <div id="notebook" class="border-box-sizing">
          <div class="container" id="notebook-container">
            {{ super.super() }}
          </div>
        </div>
      </div>
    </div>
  </div>
</body>
{%- endblock body %}

{% macro vi_score(cell) -%}
  <span class="pull-right">
      {{ L.score }}: {{ cell.metadata.nbgrader.score | float | round(2) }} / {{ cell.metadata.nbgrader.points | float | round(2) }} <a href="#top">({{ L.top }})</a>
  </span>
{%- endmacro %}

{% macro vi_heading(cell) -%}
{%- if cell.metadata.nbgrader.solution or cell.metadata.nbgrader.task -%}
<a name="comment-{{ cell.metadata.nbgrader.grade_id }}"></a>
{%- endif -%}
{%- if cell.metadata.nbgrader.grade -%}
<a name="{{ cell.metadata.nbgrader.grade_id }}"></a>
{%- endif -%}
<div class="panel-heading">
{%- if cell.metadata.nbgrader.solution -%}
  <span class="nbgrader-label">{{ L.answer }}</span>
  {%- if cell.metadata.nbgrader.grade -%}{{ vi_score(cell) }}{%- else -%}<span class="pull-right"><a href="#top">({{ L.top }})</a></span>{%- endif -%}
{%- elif cell.metadata.nbgrader.task -%}
  <span class="nbgrader-label">{{ L.task }}</span>{{ vi_score(cell) }}
{%- elif cell.metadata.nbgrader.grade -%}
  <span class="nbgrader-label">{{ L.test_cell }}: <code>{{ cell.metadata.nbgrader.grade_id }}</code></span>{{ vi_score(cell) }}
{%- endif -%}
</div>
{%- endmacro %}

{% macro vi_footer(cell) -%}
{%- if (cell.metadata.nbgrader.solution or cell.metadata.nbgrader.task) and cell.metadata.nbgrader.comment -%}
<div class="panel-footer"><div><b>{{ L.comments }}:</b> {{ cell.metadata.nbgrader.comment | markdown2html | strip_files_prefix }}</div></div>
{%- endif -%}
{%- endmacro %}

{% block markdowncell scoped %}
<div class="cell border-box-sizing text_cell rendered">
  {{ self.empty_in_prompt() }}
  {%- if 'nbgrader' in cell.metadata and (cell.metadata.nbgrader.solution or cell.metadata.nbgrader.grade or cell.metadata.nbgrader.task) -%}
  <div class="panel panel-primary nbgrader_cell">
    {{ vi_heading(cell) }}
    <div class="panel-body"><div class="text_cell_render border-box-sizing rendered_html">{{ cell.source | markdown2html | strip_files_prefix }}</div></div>
    {{ vi_footer(cell) }}
  </div>
  {%- else -%}
  <div class="inner_cell"><div class="text_cell_render border-box-sizing rendered_html">{{ cell.source | markdown2html | strip_files_prefix }}</div></div>
  {%- endif -%}
</div>
{% endblock markdowncell %}

{% block input %}
  {%- if 'nbgrader' in cell.metadata and (cell.metadata.nbgrader.solution or cell.metadata.nbgrader.grade) -%}
  <div class="panel panel-primary nbgrader_cell">
    {{ vi_heading(cell) }}
    <div class="panel-body"><div class="input_area">{{ cell.source | highlight_code(metadata=cell.metadata) }}</div></div>
    {{ vi_footer(cell) }}
  </div>
  {%- else -%}
  <div class="inner_cell"><div class="input_area">{{ cell.source | highlight_code(metadata=cell.metadata) }}</div></div>
  {%- endif -%}
{% endblock input %}
"""  # noqa: E501


class HideHiddenTests(NbGraderPreprocessor):
    """Remove hidden-test regions from feedback; shorten the tracebacks they caused."""

    def preprocess(self, nb, resources):
        resources["congdoan_labels"] = {name: msg(f"course.feedback.{name}") for name in _LABELS}
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        if BEGIN_HIDDEN not in cell.source:
            return cell, resources
        cell.source = strip_hidden(cell.source, msg("course.feedback.hidden_removed"))
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                output["traceback"] = [f"{output.get('ename', '')}: {output.get('evalue', '')}"]
        return cell, resources


def strip_hidden(source: str, note: str) -> str:
    """``source`` without its hidden-test regions (each replaced by a comment ``note``)."""
    kept, hiding = [], False
    for line in source.splitlines():
        if BEGIN_HIDDEN in line:
            hiding = True
            indent = line[: len(line) - len(line.lstrip())]
            kept.append(f"{indent}# {note}")
            continue
        if END_HIDDEN in line:
            hiding = False
            continue
        if not hiding:
            kept.append(line)
    return "\n".join(kept)


def configure_feedback(config, course_root: str | Path) -> None:
    """Set nbgrader's feedback pipeline and template in ``config`` (a traitlets Config)."""
    import nbgrader
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
    from nbgrader.preprocessors import GetGrades

    nbgrader_feedback = (
        Path(nbgrader.__file__).parent / "server_extensions" / "formgrader" / "templates"
    )
    folder = Path(course_root) / ".congdoan" / "templates" / TEMPLATE_NAME
    folder.mkdir(parents=True, exist_ok=True)
    # our "feedback" template shadows nbgrader's and extends a copy of it
    wanted = {
        "index.html.j2": _TEMPLATE,
        "nbgrader_feedback.html.j2": (nbgrader_feedback / "feedback" / "index.html.j2").read_text(
            encoding="utf-8"
        ),
        "conf.json": (nbgrader_feedback / "feedback" / "conf.json").read_text(encoding="utf-8"),
    }
    for name, text in wanted.items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    config.GenerateFeedback.preprocessors = [GetGrades, HideHiddenTests, CSSHTMLHeaderPreprocessor]
    # No HTMLExporter.template_name here: nbgrader picks "feedback" for feedback itself,
    # and a name set for every app would replace formgrader's own "formgrade" template.
    config.HTMLExporter.extra_template_basedirs = [str(folder.parent), str(nbgrader_feedback)]
    # What a submission printed or displayed reaches the trainer's browser (feedback,
    # formgrader) without scripts or active HTML.
    config.HTMLExporter.sanitize_html = True


def generate_feedback(course, assignment: str) -> list[Path]:
    """nbgrader's ``generate_feedback`` for every autograded trainee; returns the pages."""
    from ..config import load_settings, mask_secrets
    from ..errors import InputError

    course.require_assignment(assignment)
    api = course.api()
    configure_feedback(api.config, course.root)
    result = api.generate_feedback(assignment, force=True)
    pages = sorted(course.path("feedback").glob(f"*/{assignment}/*.html"))
    if not result.get("success") and not pages and not refusal_pages(course, assignment, dry=True):
        detail = (result.get("error") or result.get("log") or "").strip().splitlines()
        raise InputError(msg("course.feedback.failed", detail=detail[-1] if detail else ""))
    pages = sorted({*pages, *refusal_pages(course, assignment)})
    secrets = load_settings().secrets()
    for page in pages:  # belt and braces: no key ever leaves in a feedback page
        text = page.read_text(encoding="utf-8")
        masked = mask_secrets(text, secrets)
        if masked != text:
            page.chmod(0o644)
            page.write_text(masked, encoding="utf-8")
    return pages


#: statuses whose submission has no autograded notebook to show (or a broken one)
REFUSED = ("corrupt", "timeout", "grading_failed")


def refusal_pages(course, assignment: str, *, dry: bool = False) -> list[Path]:
    """A short Vietnamese page for each trainee whose work could not be graded.

    nbgrader makes feedback from autograded notebooks only; a submission it refused
    (edited grading cells, a broken file) or that was stopped would get nothing, and
    the trainee would not know why. Written only where nbgrader wrote no page.
    """
    import html

    from .autograde import load_outcomes

    written = []
    for student, outcome in sorted(load_outcomes(course, assignment).items()):
        if outcome.status not in REFUSED:
            continue
        folder = course.path("feedback", student, assignment)
        if any(folder.glob("*.html")):
            continue
        if dry:
            written.append(folder)
            continue
        names = course.notebooks(assignment) or [assignment]
        lines = [
            msg("sandbox.refused_status", status=outcome.label()),
            msg("sandbox.refused_reason", reason=outcome.detail) if outcome.detail else "",
            msg("sandbox.refused_next"),
        ]
        title = html.escape(msg("sandbox.refused_title", assignment=assignment))
        body = "".join(f"<p>{html.escape(line)}</p>" for line in lines if line)
        page = (
            f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>'
            f"</head><body><h3>{title}</h3>{body}</body></html>"
        )
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{names[0]}.html"
        path.write_text(page, encoding="utf-8")
        written.append(path)
    return written


def hidden_test_lines(source_notebook: Path) -> list[str]:
    """The non-trivial lines inside hidden-test regions of a source notebook (for checks)."""
    nb = json.loads(source_notebook.read_text(encoding="utf-8"))
    lines = []
    for cell in nb.get("cells", []):
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        hiding = False
        for line in source.splitlines():
            if BEGIN_HIDDEN in line:
                hiding = True
            elif END_HIDDEN in line:
                hiding = False
            elif hiding and len(line.strip()) > 8:
                lines.append(line.strip())
    return lines
