"""The deployment package holds the app and nothing else: .funcignore keeps tests, bench,
local tooling, infra and local settings out, and the app code imports none of them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.infra_fixtures import REPO_ROOT
from tests.package_fixtures import (
    APP_FILES,
    APP_PACKAGES,
    NEVER_SHIPPED,
    deployed_modules,
    deployed_packages,
    funcignore,
    git_files,
    package_files,
)


@pytest.fixture(scope="module")
def files() -> list[str]:
    return package_files()


def test_the_app_is_in_the_package(files: list[str]) -> None:
    for name in APP_FILES:
        assert name in files
    for package in APP_PACKAGES:
        assert f"{package}/__init__.py" in files, package


def test_development_material_is_left_out(files: list[str]) -> None:
    leaked = [f for f in files if f.startswith(NEVER_SHIPPED)]
    assert leaked == []
    assert not [f for f in files if f.split("/")[-1].startswith("local.settings")]
    assert not [f for f in files if f.startswith((".venv", "node_modules/", ".git"))]
    assert "Makefile" not in files and "constraints.txt" not in files


def test_funcignore_matching_is_gitignore_style(tmp_path: Path) -> None:
    # The same rules over a made-up tree: directory patterns cover nested files, and
    # local.settings.json is excluded while function_app.py is not.
    (tmp_path / ".funcignore").write_text((REPO_ROOT / ".funcignore").read_text())
    spec = funcignore(tmp_path)
    assert spec.match_file("tests/unit/test_x.py")
    assert spec.match_file("localdev/commands/run.py")
    assert spec.match_file("local.settings.json")
    assert spec.match_file("core/__pycache__/settings.cpython-311.pyc")
    assert not spec.match_file("function_app.py")
    assert not spec.match_file("rag/prompts/draft.md")


def test_git_listing_sees_untracked_files_but_not_ignored_ones() -> None:
    listed = set(git_files())
    assert "tests/package_fixtures.py" in listed  # new files count before they are committed
    assert not [f for f in listed if "__pycache__" in f or f.startswith(".venv/")]


def test_every_deployed_package_is_expected(files: list[str]) -> None:
    # A new top-level package ships only if it is meant to: keep this list in step.
    extra = set(deployed_packages(files)) - set(APP_PACKAGES)
    assert extra == set(), f"unexpected folders in the package: {sorted(extra)}"


def _imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_deployed_code_imports_nothing_left_out(files: list[str]) -> None:
    left_out = {p.rstrip("/") for p in NEVER_SHIPPED}
    offenders = {
        f: sorted(_imported_roots(REPO_ROOT / f) & left_out) for f in files if f.endswith(".py")
    }
    assert {f: roots for f, roots in offenders.items() if roots} == {}
    assert "function_app" in deployed_modules(files)
