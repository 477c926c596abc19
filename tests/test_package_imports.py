"""The package runs on requirements.txt alone: a clean virtualenv gets what the Functions
remote build (Oryx) runs, `pip install --prefer-binary -r requirements.txt` with no
constraints file, ends up with exactly the pinned versions and nothing else, and then every
deployed module is imported from a copy of the package file list, in a separate process."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.infra_fixtures import REPO_ROOT
from tests.package_fixtures import deployed_modules, package_files

IMPORT_ALL = textwrap.dedent(
    """\
    import importlib, json, sys, traceback
    results = {}
    for name in sys.argv[1:]:
        try:
            importlib.import_module(name)
            results[name] = None
        except BaseException as exc:  # report every module, not just the first failure
            missing = getattr(exc, "name", None) if isinstance(exc, ImportError) else None
            results[name] = {"error": repr(exc), "missing": missing,
                             "trace": traceback.format_exc(limit=3)}
    print(json.dumps(results))
    """
)


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_every_deployed_module_imports_in_a_clean_venv(tmp_path: Path) -> None:
    files = package_files()
    app = tmp_path / "package"
    for f in files:
        (app / f).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO_ROOT / f, app / f)

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    install = subprocess.run(
        [*pip, "--prefer-binary", "-r", str(app / "requirements.txt")],
        capture_output=True,
        text=True,
        timeout=840,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    frozen = subprocess.run(
        [str(python), "-m", "pip", "freeze"], capture_output=True, text=True, check=True
    ).stdout
    pinned = [line for line in (app / "requirements.txt").read_text().splitlines() if "==" in line]
    installed = [line for line in frozen.splitlines() if "==" in line]
    norm = lambda lines: sorted(line.lower().replace("_", "-") for line in lines)  # noqa: E731
    assert norm(installed) == norm(pinned)  # the resolver added or changed nothing

    modules = deployed_modules(files)
    assert "function_app" in modules and len(modules) > 10
    # -I: isolated mode, so nothing from this repo or .venv leaks onto sys.path; the
    # script itself puts the package copy first, as the Functions host does with wwwroot.
    script = f"import sys; sys.path.insert(0, {str(app)!r})\n" + IMPORT_ALL
    done = subprocess.run(
        [str(python), "-I", "-c", script, *modules],
        cwd=app,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(done.stdout.strip().splitlines()[-1])
    failures = {name: r for name, r in results.items() if r is not None}
    missing = {r["missing"] for r in failures.values() if r["missing"]}
    local_roots = {m.split(".")[0] for m in modules}
    in_package = sorted(m for m in missing if m.split(".")[0] in local_roots)
    requirements = sorted(missing - set(in_package))
    assert not failures, (
        f"modules that do not import from the package: {sorted(failures)}\n"
        f"missing requirements (add to requirements.txt): {requirements}\n"
        f"app modules imported but absent from the package: {in_package}\n"
        + "\n".join(r["trace"] for r in failures.values())
    )
