"""The layout shows the pipeline (issue 8): stages import only the stages before them, no
import cycle anywhere, and only the Prefect layer (and the CLI's wiring) imports Prefect.

The import graph is read from the source with ``ast``, so this test needs nothing installed
and sees imports inside functions too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from thidua.settings import REPO_ROOT

#: Rank of each part, in the order data flows; a module may import only parts of a rank
#: at most its own (its own part included).
RANKS = {
    "thidua": 0, "thidua.settings": 0, "thidua.text": 0,
    "schemas": 1,
    "thidua.ingest": 2,
    "thidua.report": 3,
    "thidua.publish": 4,
    "thidua.deliver": 5,
    "thidua.schedule": 6, "thidua.progress": 6, "thidua.pipeline": 6, "thidua.check": 6,
    "thidua.planning": 6, "thidua.filecache": 6, "thidua.yearlock": 6,
    "thidua.diff_view": 6, "thidua.executors": 6, "thidua.reading": 6, "thidua.runner": 7,
    "flows": 8,
    "thidua.cli": 9, "thidua.cli_run": 9, "thidua.cli_cache": 9, "thidua.cli_registry": 9,
    "thidua.cli_history": 9, "thidua.cli_sign": 9, "thidua.cli_common": 9, "thidua.cli_serve": 9,
    "thidua.cli_validate": 9, "thidua.cli_versions": 9,
}
PACKAGES = ("thidua", "schemas", "flows")
#: The modules outside flows/ allowed to import Prefect: the CLI's wiring.
PREFECT_OUTSIDE_FLOWS = {"thidua.cli"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO_ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at any depth of the file (functions included)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def import_graph(root: Path = REPO_ROOT) -> dict[str, set[str]]:
    """Module → the project's modules it imports (``thidua``, ``schemas``, ``flows``)."""
    modules = {_module_name(p): p for package in PACKAGES for p in (root / package).rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        graph[name] = {target for target in _imports(path) if target in modules and target != name}
    return graph


def part_of(module: str) -> str:
    """The longest key of :data:`RANKS` that ``module`` lies in."""
    best = max((p for p in RANKS if module == p or module.startswith(p + ".")), key=len)
    return best


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` as a list of modules, or ``None``."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return stack[stack.index(target):] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    """``a -> b`` for each import of a later stage by an earlier one."""
    return sorted(f"{a} -> {b}" for a, targets in graph.items() for b in targets
                  if RANKS[part_of(b)] > RANKS[part_of(a)])


def test_the_project_has_no_import_cycle():
    assert find_cycle(import_graph()) is None


def test_no_stage_imports_a_later_stage():
    assert upward_imports(import_graph()) == []


def test_every_module_belongs_to_a_stage():
    assert all(part_of(module) for module in import_graph())


def test_only_the_prefect_layer_and_the_cli_import_prefect():
    modules = {_module_name(p): p for package in PACKAGES for p in (REPO_ROOT / package).rglob("*.py")}
    users = {name for name, path in modules.items()
             if any(i == "prefect" or i.startswith("prefect.") for i in _imports(path))}
    flows = {name for name in modules if name.startswith("flows.")}
    assert users - flows == PREFECT_OUTSIDE_FLOWS
    assert flows <= users  # every module of the Prefect layer is Prefect code


def test_the_checks_catch_a_cycle_and_an_upward_import():
    """The two checks above, on a made-up graph, so that they cannot pass by being blind."""
    graph = {"thidua.ingest.read": {"thidua.report.render"},
             "thidua.report.render": {"thidua.ingest.read"}}
    assert find_cycle(graph) == ["thidua.ingest.read", "thidua.report.render", "thidua.ingest.read"]
    assert upward_imports(graph) == ["thidua.ingest.read -> thidua.report.render"]


@pytest.mark.parametrize("package", ["thidua/ingest", "thidua/report", "thidua/publish",
                                     "thidua/deliver", "flows"])
def test_each_stage_says_what_it_holds_and_may_import(package):
    doc = ast.get_docstring(ast.parse((REPO_ROOT / package / "__init__.py").read_text()))
    assert doc and ("May import" in doc or "imports Prefect" in doc)
