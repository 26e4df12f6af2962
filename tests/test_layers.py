"""The library's floors: no module imports a higher floor; below the top, no part cycles.

The floors are written once, in the README's "The library's floors" table; this test
reads them from there and walks the syntax tree of every module under
``helpers/congdoan`` (imports inside functions included, ``if TYPE_CHECKING:`` blocks
left out since they never run). Importing ``a.b.c`` also runs the ``__init__`` of
``a.b``: that package counts as imported too, unless the importer lives inside it.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "helpers" / "congdoan"
README = ROOT / "README.md"
_ROW = re.compile(r"^\|\s*(\d+)\s+([^|]+?)\s*\|[^|]*\|(.+)\|\s*$")


@dataclass(frozen=True)
class Floor:
    number: int
    name: str
    prefixes: tuple[str, ...]


def read_floors(readme: str) -> list[Floor]:
    """The floor table of the README: number, name and the module names of each row."""
    section = readme.split("### The library's floors", 1)[1].split("\n#", 1)[0]
    floors = []
    for line in section.splitlines():
        if m := _ROW.match(line):
            names = tuple(re.findall(r"`(congdoan[\w.]*)`", m[3]))
            floors.append(Floor(int(m[1]), m[2], names))
    return floors


def module_files(package: Path) -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its ``__init__``)."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def imports_of(name: str, source: str, modules: Iterable[str], is_package: bool) -> set[str]:
    """The congdoan modules ``source`` (module ``name``) imports, parents included."""
    modules = set(modules)
    tree = ast.parse(source)
    skipped = _type_checking_lines(tree)
    here = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "congdoan")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = here.split(".")[: len(here.split(".")) - node.level + 1]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            else:
                base = node.module or ""
            if base.split(".")[0] != "congdoan":
                continue
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
    with_parents = set(found)
    for target in found:
        parts = target.split(".")
        for n in range(1, len(parts)):
            parent = ".".join(parts[:n])
            if not (name == parent or name.startswith(parent + ".")):
                with_parents.add(parent)
    with_parents.discard(name)
    return with_parents


def floor_of(module: str, floors: list[Floor]) -> Floor | None:
    """The floor whose most specific name covers ``module``."""
    part = _part(module, floors)
    return next((floor for floor in floors if part in floor.prefixes), None) if part else None


def wrong_way(graph: Mapping[str, set[str]], floors: list[Floor]) -> list[str]:
    """One line per import of a higher floor, or per module that has no floor."""
    problems = []
    for module in sorted(graph):
        floor = floor_of(module, floors)
        if floor is None:
            problems.append(
                f"{module} has no floor: add it to the README's table of floors "
                "(section 'The library's floors')"
            )
            continue
        for target in sorted(graph[module]):
            other = floor_of(target, floors)
            if other is not None and other.number > floor.number:
                problems.append(
                    f"{module} (floor {floor.number} {floor.name}) imports {target} "
                    f"(floor {other.number} {other.name})"
                )
    return problems


def _covers(prefix: str, module: str) -> bool:
    """``congdoan.media`` covers ``congdoan.media.poster``; the top package only itself."""
    return module == prefix or ("." in prefix and module.startswith(prefix + "."))


def _part(module: str, floors: list[Floor]) -> str:
    """The floor entry a module belongs to: its unit for the cycle check."""
    best = ""
    for floor in floors:
        for prefix in floor.prefixes:
            if _covers(prefix, module) and len(prefix) > len(best):
                best = prefix
    return best


def part_cycles(graph: Mapping[str, set[str]], floors: list[Floor]) -> list[str]:
    """Pairs of parts (README entries) below the top floor that import each other."""
    top = max(floor.number for floor in floors)
    edges: dict[str, set[str]] = {}
    for module, targets in graph.items():
        source = _part(module, floors)
        for target in targets:
            other = _part(target, floors)
            if source and other and source != other and not other.startswith(source + "."):
                edges.setdefault(source, set()).add(other)
    cycles = []
    for a, targets in sorted(edges.items()):
        for b in sorted(targets):
            floor = floor_of(a, floors)
            if a < b and a in edges.get(b, set()) and floor is not None and floor.number < top:
                cycles.append(f"{a} and {b} import each other")
    return cycles


def build_graph(package: Path) -> dict[str, set[str]]:
    files = module_files(package)
    return {
        name: imports_of(name, path.read_text(encoding="utf-8"), files, path.name == "__init__.py")
        for name, path in files.items()
    }


@pytest.fixture(scope="module")
def floors() -> list[Floor]:
    return read_floors(README.read_text(encoding="utf-8"))


def test_the_readme_names_six_floors_in_order(floors):
    assert [floor.number for floor in floors] == [1, 2, 3, 4, 5, 6]
    assert floor_of("congdoan.text", floors).number == 1
    assert floor_of("congdoan.chat", floors).number == 4


def test_no_module_imports_a_higher_floor(floors):
    assert wrong_way(build_graph(PACKAGE), floors) == []


def test_no_two_parts_below_the_top_floor_import_each_other(floors):
    assert part_cycles(build_graph(PACKAGE), floors) == []


# ------------------------------------------------------------------ the test can fail


def test_a_planted_wrong_way_import_fails(floors, tmp_path):
    """A copy of the package where ``documents.parse`` imports ``chat`` inside a function."""
    copy = tmp_path / "congdoan"
    for path in PACKAGE.rglob("*.py"):
        target = copy / path.relative_to(PACKAGE)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    before = wrong_way(build_graph(copy), floors)
    planted = copy / "documents" / "parse.py"
    planted.write_text(
        planted.read_text(encoding="utf-8") + "\n\ndef _late():\n    from ..chat import ask\n",
        encoding="utf-8",
    )
    after = wrong_way(build_graph(copy), floors)
    assert [line for line in after if line not in before] == [
        "congdoan.documents.parse (floor 2 checkers) imports congdoan.chat (floor 4 chat)"
    ]


def test_parents_type_checking_and_unknown_modules():
    floors = [Floor(1, "low", ("congdoan", "congdoan.a")), Floor(2, "high", ("congdoan.b",))]
    files = ["congdoan.a", "congdoan.b", "congdoan.b.sub", "congdoan.new"]
    source = "from __future__ import annotations\nfrom typing import TYPE_CHECKING\n"
    graph = {
        "congdoan.a": imports_of(
            "congdoan.a",
            source + "if TYPE_CHECKING:\n    from .b import x\n"
            "def f():\n    import congdoan.b.sub\n",
            files,
            is_package=False,
        ),
        "congdoan.new": set(),
    }
    assert graph["congdoan.a"] == {"congdoan.b", "congdoan.b.sub"}  # congdoan: its own parent
    assert wrong_way(graph, floors) == [
        "congdoan.a (floor 1 low) imports congdoan.b (floor 2 high)",
        "congdoan.a (floor 1 low) imports congdoan.b.sub (floor 2 high)",
        "congdoan.new has no floor: add it to the README's table of floors "
        "(section 'The library's floors')",
    ]


def test_a_cycle_between_parts_fails():
    floors = [Floor(1, "low", ("congdoan.a", "congdoan.b")), Floor(2, "top", ("congdoan.c",))]
    graph = {
        "congdoan.a.x": {"congdoan.b.y"},
        "congdoan.b.y": {"congdoan.a"},
        "congdoan.c": {"congdoan.a"},
    }
    assert part_cycles(graph, floors) == ["congdoan.a and congdoan.b import each other"]
