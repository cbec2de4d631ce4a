"""The shape of the code: apps import one way only, none is too big, no import hides in a function.

Read from the source with ``ast`` (imports inside functions count), so a newcomer's guess of the
folder for a rule holds, and a circle can never come back unnoticed.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOT_APP_CODE = {"tests", "bench", "tools"}  # tools: make screenshots, like bench
PACKAGES = sorted(
    p.name
    for p in ROOT.iterdir()
    if (p / "__init__.py").exists() and p.name not in NOT_APP_CODE and not p.name.startswith(".")
)
# Each package may import only the ones listed (README "Where things live").
ALLOWED = {
    "pagecache": set(),
    "blog": {"pagecache"},
    "support": {"pagecache"},
    "comments": {"blog", "support", "pagecache"},
    "moderation": {"comments", "blog", "support", "pagecache"},
    "privacy": {"moderation", "comments", "blog", "support", "pagecache"},
    "transfer": {"moderation", "comments", "blog", "support", "pagecache"},
    "ops": {"moderation", "comments", "blog", "support", "pagecache"},
    "config": set(PACKAGES) - {"config"},
}
MAX_SHARE = 0.40


def _python_files(package):
    return sorted((ROOT / package).rglob("*.py"))


def _imports(path, root=ROOT):
    """(line, top-level package imported, inside a function?) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = path.relative_to(root).parts[0]
    found = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            local = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.Import):
                found.extend((child.lineno, a.name.split(".")[0], in_function) for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                target = package if child.level else (child.module or "").split(".")[0]
                found.append((child.lineno, target, in_function))
            visit(child, local)

    visit(tree, False)
    return [(line, target, local) for line, target, local in found if target in PACKAGES]


def _graph():
    graph = {package: set() for package in PACKAGES}
    for package in PACKAGES:
        for path in _python_files(package):
            graph[package] |= {target for _l, target, _f in _imports(path)} - {package}
    return graph


def _cycle(graph):
    """One import circle between packages, as a list of names, or None."""
    state = {}

    def walk(node, trail):
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                return trail[trail.index(nxt) :] + [nxt]
            if nxt not in state and (found := walk(nxt, [*trail, nxt])):
                return found
        state[node] = "done"
        return None

    for start in sorted(graph):
        if start not in state and (found := walk(start, [start])):
            return found
    return None


def test_every_app_of_the_target_layout_exists():
    assert set(ALLOWED) == set(PACKAGES)


def test_no_two_packages_import_each_other_even_inside_functions():
    assert _cycle(_graph()) is None


def test_the_cycle_finder_finds_a_circle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


@pytest.mark.parametrize("package", PACKAGES)
def test_each_package_imports_only_the_ones_below_it(package):
    assert _graph()[package] <= ALLOWED[package]


def _code_lines(package):
    return sum(
        1
        for path in _python_files(package)
        if "migrations" not in path.parts
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.strip().startswith("#")
    )


def test_no_package_holds_more_than_forty_percent_of_the_code():
    lines = {package: _code_lines(package) for package in PACKAGES}
    total = sum(lines.values())
    too_big = {p: f"{n / total:.0%}" for p, n in lines.items() if n / total > MAX_SHARE}
    assert not too_big, too_big


def _unexplained_local_imports(path, root=ROOT):
    source = path.read_text(encoding="utf-8").splitlines()
    bad = []
    for line, target, local in _imports(path, root):
        above = line - 2  # the line before, skipping the rest of its block of imports
        while above >= 0 and (
            not source[above].strip() or source[above].lstrip().startswith(("from ", "import "))
        ):
            above -= 1
        if local and not (above >= 0 and source[above].strip().startswith("#")):
            bad.append(f"{path.relative_to(root).as_posix()}:{line} imports {target}")
    return bad


def test_a_function_imports_the_projects_own_modules_only_with_a_comment_saying_why():
    bad = [
        message
        for package in PACKAGES
        for path in _python_files(package)
        for message in _unexplained_local_imports(path)
    ]
    assert not bad, bad


def test_the_local_import_check_sees_an_unexplained_import_inside_a_function(tmp_path):
    module = tmp_path / "comments" / "probe.py"
    module.parent.mkdir()
    module.write_text(
        "from blog import urls\n\n\ndef f():\n    from blog import models\n\n\n"
        "def g():\n    # blog must not be read at import time\n    from . import views\n"
    )
    assert _unexplained_local_imports(module, tmp_path) == ["comments/probe.py:5 imports blog"]
