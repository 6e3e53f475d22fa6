"""The code's shape: dependencies point one way, and modules stay readable."""

import ast

import pytest

from tests.utils import ROOT

# The packages from the leaf up: each may import only those of the tiers below it.
TIERS = [
    {"core"},
    # Hardening that knows no content: headers, busy page, stale forms, backups.
    {"safeguards"},
    {"anatomy"},
    {"catalogue"},
    {"articles"},
    {"curation", "discussion", "training", "api"},
    {"website"},
]
LAYERS = {
    package: set().union(*TIERS[:level])
    for level, tier in enumerate(TIERS)
    for package in tier
}
MAX_LINES = 400


def python_files(package):
    return [
        path
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts
    ]


def imported_packages(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            yield name.split(".")[0]


@pytest.mark.parametrize("package", sorted(LAYERS))
def test_each_package_imports_only_the_layers_below_it(package):
    ours = set(LAYERS)
    allowed = LAYERS[package] | {package}
    wrong = {
        f"{path.relative_to(ROOT)} imports {name}"
        for path in python_files(package)
        for name in imported_packages(path)
        if name in ours and name not in allowed
    }
    assert not wrong, sorted(wrong)


def test_no_module_outside_migrations_is_longer_than_400_lines():
    long = {
        str(path.relative_to(ROOT)): length
        for folder in (*LAYERS, "config", "bench", "tests")
        for path in (ROOT / folder).rglob("*.py")
        if "migrations" not in path.parts
        and (length := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert not long, long
