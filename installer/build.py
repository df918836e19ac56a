"""Build perfdesk's onedir bundle on this system and, on Windows with Inno Setup, the setup .exe.

    python installer/build.py [--dist DIR] [--work DIR] [--no-setup] [--deb [--bundle DIR]]

The bundle lands in ``DIR/perfdesk`` (default ``dist/perfdesk`` at the repository root); its
size and, on Linux, the highest glibc version it needs are printed at the end. On Windows, when
``ISCC.exe`` (Inno Setup 6) is on PATH or in its usual place, ``installer/perfdesk.iss`` is
compiled into ``DIR/perfdesk-<version>-setup.exe``. On Linux ``--deb`` also packs the bundle
into ``DIR/<appid>_<version>_<arch>.deb`` for the UOS and Kylin app stores (``deb.py``);
with ``--bundle DIR`` it packs that already-built bundle instead of running PyInstaller.
The version comes from pyproject.toml and must agree with ``perfdesk.__version__``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
sys.path.insert(0, str(INSTALLER))  # deb.py, glibc_versions.py


def project_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def check_version(version: str) -> None:
    """Stop before a long build when the code and pyproject.toml disagree on the version."""
    init = (ROOT / "perfdesk" / "__init__.py").read_text("utf-8")
    if f'__version__ = "{version}"' not in init:
        sys.exit(f"build: pyproject.toml says {version} but perfdesk/__init__.py disagrees")


# PyInstaller only warns about these, but each means a subcommand or module would be missing
# from the bundle and fail in the clerk's hands, so the build stops instead.
FATAL_WARNINGS = ("Failed to collect submodules for 'perfdesk", "Hidden import 'perfdesk")


def build_bundle(dist: Path, work: Path) -> Path:
    command = [sys.executable, "-m", "PyInstaller", str(INSTALLER / "perfdesk.spec"),
               "--noconfirm", "--clean", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    log = done.stdout + done.stderr
    print(log, end="")
    if done.returncode != 0:
        sys.exit(f"build: PyInstaller failed (status {done.returncode})")
    fatal = [line for line in log.splitlines() if any(w in line for w in FATAL_WARNINGS)]
    if fatal:
        sys.exit("build: part of perfdesk could not be bundled:\n" + "\n".join(fatal))
    return dist / "perfdesk"


def tree_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def report_size(bundle: Path) -> None:
    total = tree_size(bundle)
    print(f"build: bundle {bundle} is {total / 2**20:.1f} MiB")
    internal = bundle / "_internal"
    # Top-level links to libraries inside PySide6/ take no space of their own.
    parts = sorted(((tree_size(p) if p.is_dir() else p.lstat().st_size, p.name)
                    for p in internal.iterdir() if not p.is_symlink()), reverse=True)
    for size, name in parts[:8]:
        print(f"build:   {size / 2**20:7.1f} MiB  _internal/{name}")


def find_iscc() -> str | None:
    found = shutil.which("ISCC") or shutil.which("iscc")
    if found:
        return found
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles"),
                 os.environ.get("LOCALAPPDATA", "") + r"\Programs"):
        if base:
            candidate = Path(base) / "Inno Setup 6" / "ISCC.exe"
            if candidate.exists():
                return str(candidate)
    return None


def build_setup(bundle: Path, dist: Path, version: str) -> Path | None:
    iscc = find_iscc()
    if iscc is None:
        print("build: Inno Setup 6 (ISCC.exe) not found; no setup .exe made")
        return None
    subprocess.run([iscc, f"/DAppVersion={version}", f"/DBundleDir={bundle}",
                    f"/DRepoDir={ROOT}", f"/O{dist}", str(INSTALLER / "perfdesk.iss")],
                   check=True)
    setup = dist / f"perfdesk-{version}-setup.exe"
    print(f"build: setup {setup} is {setup.stat().st_size / 2**20:.1f} MiB")
    return setup


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle goes")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's scratch")
    parser.add_argument("--no-setup", action="store_true", help="bundle only, even on Windows")
    parser.add_argument("--deb", action="store_true", help="also a .deb for the UOS/Kylin app stores")
    parser.add_argument("--bundle", type=Path, help="with --deb: pack this built bundle, build nothing")
    args = parser.parse_args(argv)
    if args.bundle and not args.deb:
        parser.error("--bundle only goes with --deb")
    if args.deb and sys.platform != "linux":
        parser.error("--deb builds a Linux package: run it on Linux (the oldest target system)")
    version = project_version()
    check_version(version)
    if args.bundle:
        bundle = args.bundle.resolve()
        if not (bundle / "perfdesk").is_file() or not (bundle / "_internal").is_dir():
            sys.exit(f"build: {bundle} is not a built Linux bundle (no perfdesk and _internal/ in it)")
    else:
        bundle = build_bundle(args.dist.resolve(), args.work.resolve())
    report_size(bundle)
    glibc = None
    if sys.platform == "linux":
        from glibc_versions import report_glibc

        glibc = report_glibc(bundle)
    if args.deb:
        from deb import DebError, build_deb

        try:
            build_deb(bundle, args.dist.resolve(), version, glibc)
        except DebError as error:
            sys.exit(f"build: {error}")
    if sys.platform == "win32" and not args.no_setup:
        build_setup(bundle, args.dist.resolve(), version)
    return 0


if __name__ == "__main__":
    sys.exit(main())
