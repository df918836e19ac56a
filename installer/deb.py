"""Pack a built Linux bundle into a .deb laid out for the UOS (统信) and Kylin (麒麟) app stores.

    python installer/build.py --deb                      # bundle, then the .deb beside it
    python installer/build.py --deb --bundle dist/perfdesk   # the .deb of an existing bundle

The app-store layout puts everything under ``/opt/apps/<appid>/``::

    files/              the onedir bundle (perfdesk, _internal/) and bin/perfdesk, the launcher
    entries/applications/<appid>.desktop
    entries/icons/hicolor/<size>/apps/<appid>.png|svg
    entries/mime/packages/<appid>.xml
    info                JSON: appid, name, version, arch, permissions

and the package has no preinst/postinst/prerm/postrm scripts (the stores refuse packages that
change the system from scripts), only ``DEBIAN/control`` and ``DEBIAN/md5sums``. The files
are owned by root whoever builds it (``dpkg-deb --root-owner-group``, no fakeroot needed).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

INSTALLER = Path(__file__).resolve().parent
ROOT = INSTALLER.parent
LINUX = INSTALLER / "linux"
ICONS = ROOT / "resources" / "icons"

# Reverse domain name, as the stores require. A bureau publishing under its own domain changes
# it here (the .desktop, icon and mime file names and the install folder follow).
APPID = "cn.perfdesk.editor"
# What the store's info file lets the program do; perfdesk only copies and pastes text.
PERMISSIONS = {"autostart": False, "notification": False, "trayicon": False, "clipboard": True,
               "account": False, "bluetooth": False, "camera": False, "audio_record": False,
               "installed_apps": False}
DESCRIPTION = """部门预算绩效文本编辑器 (perfdesk)
 Offline editor in which county bureaus write, check and print their
 department's budget performance text (部门预算绩效文本): Excel workbooks in,
 PDF and Word out. The program and its own Qt are under /opt/apps/{appid}/files."""


class DebError(Exception):
    """The .deb cannot be made; the message says why."""


def store_version(version: str) -> str:
    """The stores want four numbers, MAJOR.MINOR.PATCH.BUILD: 0.1.0 becomes 0.1.0.0."""
    parts = version.split(".")
    if not all(part.isdigit() for part in parts) or len(parts) > 4:
        raise DebError(f"version {version!r} is not numbers only (the app stores want e.g. 1.2.0.0)")
    return ".".join(parts + ["0"] * (4 - len(parts)))


def debian_arch() -> str:
    try:
        done = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as error:
        raise DebError(f"dpkg --print-architecture failed ({error}): build the .deb on Debian, UOS or Kylin")
    return done.stdout.strip()


def system_dependencies(bundle: Path, glibc: str | None) -> list[str]:
    """The Debian packages of the libraries the bundle links but does not carry (glibc, GL, xcb).

    Looked up on the build system (``ldconfig -p``, ``dpkg -S``); building on the oldest target
    system, as the README asks, gives that system's package names."""
    carried = {path.name for path in bundle.rglob("*")}
    wanted: set[str] = set()
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink() and path.read_bytes()[:4] == b"\x7fELF":
            dynamic = subprocess.run(["readelf", "-d", "-W", str(path)], capture_output=True, text=True).stdout
            wanted.update(re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", dynamic))
    ldconfig = shutil.which("ldconfig", path="/sbin:/usr/sbin:" + os.environ.get("PATH", "")) or "ldconfig"
    known = subprocess.run([ldconfig, "-p"], capture_output=True, text=True).stdout
    packages: set[str] = set()
    for soname in sorted(wanted - carried):
        found = re.search(rf"^\s*{re.escape(soname)} \(.*\) => (\S+)$", known, re.MULTILINE)
        owner = None
        if found:
            library = found.group(1)
            for candidate in (library, os.path.realpath(library), library.replace("/lib/", "/usr/lib/", 1)):
                done = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
                if done.returncode == 0:
                    owner = done.stdout.split(":", 1)[0].split(",")[0].strip()
                    break
        if owner is None:
            print(f"build: {soname} is linked but neither bundled nor found in a package; not in Depends")
            continue
        packages.add(owner)
    depends = []
    for package in sorted(packages):
        if package == "libc6" and glibc:
            depends.append(f"libc6 (>= {glibc})")
        else:
            depends.append(package)
    return depends


def _fill(template: Path, **values: str) -> str:
    text = template.read_text("utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    return text


def _copy_bundle(bundle: Path, target: Path) -> None:
    """Hard links where the file system allows (the bundle is ~180 MiB), copies elsewhere."""
    try:
        shutil.copytree(bundle, target, symlinks=True, copy_function=os.link)
    except OSError:
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(bundle, target, symlinks=True)


def _normalise_modes(tree: Path) -> None:
    """Readable by every user of the PC whatever the builder's umask: directories and
    executables 0755, other files 0644. A hard-linked file is copied before its mode changes,
    so that the bundle it is linked to stays as it was."""
    for path in [tree, *tree.rglob("*")]:
        if path.is_symlink():
            continue
        status = path.stat()
        mode = 0o755 if path.is_dir() or status.st_mode & 0o111 else 0o644
        if status.st_mode & 0o7777 == mode:
            continue
        if path.is_file() and status.st_nlink > 1:
            copy = path.with_name(path.name + ".copy")
            shutil.copy2(path, copy)
            copy.replace(path)
        path.chmod(mode)


def stage(bundle: Path, staging: Path, version: str, arch: str, depends: list[str]) -> Path:
    """Lay out the package tree in ``staging``; returns the application folder in it."""
    app = staging / "opt" / "apps" / APPID
    files, entries = app / "files", app / "entries"
    _copy_bundle(bundle, files)
    launcher = files / "bin" / "perfdesk"
    launcher.parent.mkdir(parents=True)
    shutil.copyfile(LINUX / "perfdesk.sh", launcher)
    launcher.chmod(0o755)
    installed_launcher = f"/opt/apps/{APPID}/files/bin/perfdesk"

    applications = entries / "applications"
    applications.mkdir(parents=True)
    (applications / f"{APPID}.desktop").write_text(
        _fill(LINUX / "perfdesk.desktop", APPID=APPID, BIN=installed_launcher), "utf-8")
    hicolor = entries / "icons" / "hicolor"
    for png in sorted(ICONS.glob("perfdesk-*.png")):
        size = png.stem.split("-")[1]
        (hicolor / f"{size}x{size}" / "apps").mkdir(parents=True)
        shutil.copyfile(png, hicolor / f"{size}x{size}" / "apps" / f"{APPID}.png")
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copyfile(ICONS / "perfdesk.svg", hicolor / "scalable" / "apps" / f"{APPID}.svg")
    mime = entries / "mime" / "packages"
    mime.mkdir(parents=True)
    shutil.copyfile(LINUX / "perfdesk-mime.xml", mime / f"{APPID}.xml")

    info = {"appid": APPID, "name": "perfdesk", "version": version, "arch": [arch],
            "permissions": PERMISSIONS}
    (app / "info").write_text(json.dumps(info, ensure_ascii=False, indent=4) + "\n", "utf-8")
    _normalise_modes(staging)

    debian = staging / "DEBIAN"
    debian.mkdir(mode=0o755)
    sums = []
    size = 0
    for path in sorted(staging.rglob("*")):
        if path.is_file() and not path.is_symlink() and debian not in path.parents:
            size += path.stat().st_size
            digest = hashlib.md5(path.read_bytes()).hexdigest()
            sums.append(f"{digest}  {path.relative_to(staging).as_posix()}\n")
    (debian / "md5sums").write_text("".join(sums), "utf-8")
    control = {
        "Package": APPID, "Version": version, "Architecture": arch,
        "Maintainer": "perfdesk <perfdesk@localhost>", "Installed-Size": str(-(-size // 1024)),
        "Depends": ", ".join(depends), "Section": "office", "Priority": "optional",
        "Description": DESCRIPTION.format(appid=APPID),
    }
    (debian / "control").write_text(
        "".join(f"{key}: {value}\n" for key, value in control.items() if value), "utf-8")
    for name in ("md5sums", "control"):
        (debian / name).chmod(0o644)
    return app


def build_deb(bundle: Path, dist: Path, version: str, glibc: str | None) -> Path:
    """Make ``dist/<appid>_<version>_<arch>.deb`` from the onedir ``bundle``; returns its path."""
    for tool, package in (("dpkg-deb", "dpkg"), ("readelf", "binutils")):
        if shutil.which(tool) is None:
            raise DebError(f"{tool} not found: build the .deb on Debian, UOS or Kylin with {package} installed")
    if not (bundle / "perfdesk").is_file():
        raise DebError(f"{bundle} is not a Linux perfdesk bundle (no perfdesk executable in it)")
    version, arch = store_version(version), debian_arch()
    staging = dist / f"{APPID}.staging"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        stage(bundle, staging, version, arch, system_dependencies(bundle, glibc))
        deb = dist / f"{APPID}_{version}_{arch}.deb"
        # xz, as Debian's own packages. Level 2 rather than dpkg's default 6: measured on 2 cores,
        # 6 gives 58.8 MiB in 45 s, 2 gives 63.7 MiB in 19 s (gzip: 78 MiB in 9 s).
        done = subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "-z2", "--build",
                               str(staging), str(deb)], capture_output=True, text=True)
        if done.returncode != 0:
            raise DebError(f"dpkg-deb failed: {done.stderr.strip()}")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print(f"build: package {deb} is {deb.stat().st_size / 2**20:.1f} MiB "
          f"(installs to /opt/apps/{APPID}, run {f'/opt/apps/{APPID}/files/bin/perfdesk'})")
    return deb


if __name__ == "__main__":
    import sys

    sys.exit("use: python installer/build.py --deb [--bundle DIR]")
