"""Install Zensical into its own virtual environment (`make zensical`, run by `make test`).

Usage: python scripts/zensical_env.py VENV

Zensical gets a venv of its own (.venv-zensical, not under .cache/: `zensical build --clean`
deletes the whole .cache/ folder), not the project's: it builds the output of `briefing
render` and needs no MkDocs, so the venv proves that (nothing of MkDocs or Material is
importable there); it needs Python 3.11 or later where the project supports 3.10; and its
exact pin of its theme package cannot then hold back or move the versions the default MkDocs
build uses. The version range is the `zensical` extra of pyproject.toml.

Zensical pins its theme, `zensical-ui`. Where the package registry does not hold it (a
mirror that lags), Zensical is installed without it, with its other requirements, and the
test builds with the stand-in theme of tests/fixtures/zensical-theme-stand-in (it says so
in a warning). Everything else of Zensical runs as released.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
THEME = "zensical-ui"


def zensical_requirement() -> str:
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    (requirement,) = extras["zensical"]
    return requirement.split(";")[0].strip()  # the marker is for pip installing the extra


def pip(python: Path, *args: str) -> subprocess.CompletedProcess:
    command = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *args]
    return subprocess.run(command, capture_output=True, text=True)


def install(target: Path) -> int:
    if not target.joinpath("bin", "python").exists():
        venv.create(target, with_pip=True)
    python = target / "bin" / "python"
    requirement = zensical_requirement()
    full = pip(python, requirement)
    if full.returncode == 0:
        print(f"zensical: {requirement} installed in {target}")
        return 0
    if THEME not in full.stderr:
        sys.stderr.write(full.stderr)
        return 1
    bare = pip(python, "--no-deps", requirement)
    if bare.returncode != 0:
        sys.stderr.write(bare.stderr)
        return 1
    needs = subprocess.run(
        [str(python), "-c", "from importlib.metadata import requires; print('\\n'.join(requires('zensical') or ()))"],
        capture_output=True, text=True, check=True,
    ).stdout.split("\n")
    others = [r for r in needs if r.strip() and not r.replace("_", "-").startswith(THEME)]
    rest = pip(python, *others)
    if rest.returncode != 0:
        sys.stderr.write(rest.stderr)
        return 1
    print(f"zensical: {requirement} installed in {target} without its theme ({THEME} is not on the package index); the test uses a stand-in theme")
    return 0


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    return install(Path(argv[0]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
