"""What `func azure functionapp publish` would upload: the files git would ship (tracked,
plus untracked files .gitignore does not exclude) minus what .funcignore excludes, matched
the gitignore way (pathspec's gitignore/gitwildmatch style)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pathspec

from tests.infra_fixtures import REPO_ROOT

APP_PACKAGES = (
    "core",
    "orchestrators",
    "activities",
    "triggers",
    "pipeline",
    "hubspot",
    "triage",
    "rag",
    "ledger",
    "kb_feedback",
)
APP_FILES = ("function_app.py", "host.json", "requirements.txt")
NEVER_SHIPPED = ("tests/", "bench/", "localdev/", "infra/", "samples/", "scripts/")


def git_files(root: Path = REPO_ROOT) -> list[str]:
    """Tracked files that still exist, plus untracked files that are not git-ignored."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return sorted({f for f in listed.split("\0") if f and (root / f).is_file()})


def funcignore(root: Path = REPO_ROOT) -> pathspec.PathSpec:
    lines = (root / ".funcignore").read_text().splitlines()
    # "gitignore" is pathspec 1.x's name for the gitwildmatch style (that name is deprecated).
    return pathspec.PathSpec.from_lines("gitignore", lines)


def package_files(root: Path = REPO_ROOT) -> list[str]:
    spec = funcignore(root)
    return [f for f in git_files(root) if not spec.match_file(f)]


def deployed_packages(files: list[str]) -> list[str]:
    """Top-level folders of the package that hold Python code."""
    return sorted({f.split("/")[0] for f in files if "/" in f and f.endswith(".py")})


def deployed_modules(files: list[str]) -> list[str]:
    """Dotted names of every module in the package (function_app included)."""
    modules = []
    for f in files:
        if not f.endswith(".py"):
            continue
        parts = f[: -len(".py")].split("/")
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts:
            modules.append(".".join(parts))
    return sorted(modules)
