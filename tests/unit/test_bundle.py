"""The installer bundle: built from a clean copy of the work tree with installer/build.py, then
its executable run in a bare environment (only PATH and HOME) as on an office PC where
nothing but perfdesk is installed: it prints its version, exports the bundled example to a
PDF whose fonts are embedded, answers bad input with a Chinese message, and opens its window.

On Linux the same build also makes the .deb for the UOS/Kylin app stores (``--deb``): it is
unpacked with ``dpkg-deb -x``, its layout under /opt/apps/<appid>/ and the absence of
maintainer scripts are checked, and the unpacked program, started through its launcher,
exports the example under a bare environment and hands Qt the ibus input method when fcitx5 runs.

Slow (1–2 minutes on 2 cores): it runs PyInstaller and dpkg-deb. CI runs it; locally
``.venv/bin/python -m pytest -q -m slow tests/unit/test_bundle.py``.
"""

from __future__ import annotations

import configparser
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = sys.platform == "win32"
# The .deb is built and checked where Debian's tools are (CI, a UOS or Kylin build machine).
DEB = sys.platform == "linux" and shutil.which("dpkg-deb") is not None
APPID = "cn.perfdesk.editor"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BASE14 = {"Helvetica", "Times-Roman", "Courier", "Symbol", "ZapfDingbats"}  # need no embedding


def clean_copy(target: Path) -> Path:
    """The work tree as a fresh clone would have it: tracked and new files, nothing ignored
    (no .venv, dist/, build/, caches), so the build cannot lean on local leftovers."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout.decode("utf-8")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.fail("the bundle test needs a git checkout (it copies what a clone would hold)")
    scratch = tmp_path_factory.mktemp("bundle")
    clone = clean_copy(scratch / "clone")
    # One build for both: the .deb is packed from this bundle (adds ~25 s).
    package = ["--deb"] if DEB else []
    build = subprocess.run(
        [sys.executable, str(clone / "installer" / "build.py"), "--no-setup", *package,
         "--dist", str(scratch / "dist"), "--work", str(scratch / "work")],
        cwd=clone, capture_output=True, text=True, timeout=900,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    assert re.search(r"build: bundle .* is [\d.]+ MiB", build.stdout)
    (scratch / "build.log").write_text(build.stdout, "utf-8")
    # Only the bundle is needed from here on; the copy and PyInstaller's scratch are ~150 MB.
    shutil.rmtree(clone, ignore_errors=True)
    shutil.rmtree(scratch / "work", ignore_errors=True)
    return scratch / "dist" / "perfdesk"


def bare_env(home: Path, **extra: str) -> dict[str, str]:
    """No LANG, no DISPLAY, no QT_* nor PYTHON*: what a double-click on a fresh PC gives."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home)}
    if WINDOWS:
        env = {"PATH": os.environ["SYSTEMROOT"] + r"\system32", "SYSTEMROOT": os.environ["SYSTEMROOT"],
               "USERPROFILE": str(home)}
    env.update(extra)
    return env


def run(bundle: Path, *args: str, home: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    exe = bundle / ("perfdesk-cli.exe" if WINDOWS else "perfdesk")
    return subprocess.run([str(exe), *args], env=bare_env(home), capture_output=True, timeout=timeout)


def fonts_of(pdf: Path) -> dict[str, bool]:
    """Base font name -> whether the font program is embedded in the file."""
    found: dict[str, bool] = {}
    for page in PdfReader(pdf).pages:
        for font in (page["/Resources"].get_object().get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font["/BaseFont"]).lstrip("/")] = embedded
    return found


def test_bundled_executable_prints_the_project_version(bundle, tmp_path):
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    done = run(bundle, "--version", home=tmp_path)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert done.stdout.decode("utf-8").strip() == f"perfdesk {version}"


def test_bundled_executable_exports_the_example_with_embedded_fonts(bundle, tmp_path):
    example = bundle / "_internal" / "resources" / "examples" / "funing-2024.xlsx"
    assert example.is_file(), "the bundle lacks resources/examples/funing-2024.xlsx (tools/make_examples.py)"
    out = tmp_path / "抚宁 2024.pdf"  # a Chinese file name under a C locale
    done = run(bundle, "export", str(example), str(out), home=tmp_path)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    with pdfplumber.open(out) as pdf:
        text = re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in pdf.pages))
    # From tests/data/samples/funing-2024-pdf-extract.txt: the department and two table titles.
    assert "秦皇岛市抚宁区科技和工业信息化局" in text
    assert "2024年改制企业相关费用绩效目标表" in text
    assert "拨付邓庆久等人参照行政退休人员待遇资金绩效目标表" in text
    assert "564.00" in text  # 预算数 of table 1
    fonts = fonts_of(out)
    not_embedded = [name for name, embedded in fonts.items() if not embedded and name not in BASE14]
    assert not not_embedded, f"fonts not embedded: {not_embedded}"
    # The CJK text is set in the system's TrueType fonts (tools/setup.sh installs them).
    cjk = [name for name, embedded in fonts.items() if embedded]
    expected = ("SimSun", "SimHei", "FangSong") if WINDOWS else ("UMing", "WenQuanYi")
    assert any(family in name for name in cjk for family in expected), fonts


def test_bundled_executable_imports_a_word_printed_pdf(bundle, tmp_path):
    """The installed program reads last year's PDF (pdfplumber, pdfminer's CJK cmaps bundled)."""
    source = ROOT / "tests" / "data" / "import" / "word" / "funing_2024.pdf"
    out = tmp_path / "抚宁.xlsx"
    done = run(bundle, "import", str(source), str(out), home=tmp_path)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    listed = run(bundle, "info", str(out), home=tmp_path).stdout.decode("utf-8")
    assert "10 个项目" in listed and "564.00" in listed  # the Funing text: ten tables, the first 564.00


def test_bundled_executable_answers_bad_input_in_chinese(bundle, tmp_path):
    broken = tmp_path / "坏文件.xlsx"
    broken.write_bytes(b"this is not a workbook")
    done = run(bundle, "export", str(broken), str(tmp_path / "out.pdf"), home=tmp_path)
    message = done.stderr.decode("utf-8")
    assert done.returncode == 2
    assert "Traceback" not in message
    assert message.startswith("perfdesk: ") and "坏文件.xlsx" in message
    assert broken.read_bytes() == b"this is not a workbook"
    assert not (tmp_path / "out.pdf").exists()


def test_bundle_holds_only_what_perfdesk_uses(bundle):
    internal = bundle / "_internal"
    names = {p.relative_to(internal).as_posix() for p in internal.rglob("*")}
    for unwanted in ("QtQml", "QtQuick", "Qt6Qml", "Qt6Quick", "WebEngine", "Qt63D", "Multimedia",
                     "pytest", "hypothesis", "pypdf", "PyInstaller"):
        assert not [n for n in names if unwanted in n], unwanted
    translations = [n for n in names if "/Qt/translations/" in n]
    assert translations and all("zh_CN" in n for n in translations)
    for resource in ("frameworks/hebei.json", "review/hebei.json", "icons/perfdesk.png",
                     "translations/perfdesk_zh_CN.qm", "help/guide_zh_CN.html", "help/guide_en.html", "help/guide.css"):
        assert f"resources/{resource}" in names, resource
    assert "licenses/Qt-PySide6-LGPL-3.0.txt" in names
    if not WINDOWS:  # typing Chinese: ibus (which fcitx5 answers) and compose; no virtual keyboard
        contexts = {n.rsplit("/", 1)[1] for n in names if "/plugins/platforminputcontexts/" in n}
        assert contexts == {"libibusplatforminputcontextplugin.so", "libcomposeplatforminputcontextplugin.so"}


@pytest.mark.skipif(WINDOWS, reason="the offscreen window check is for the Linux bundle")
def test_bundled_window_starts(bundle, tmp_path):
    """The window comes up (Qt, its platform plugin and the UI modules are all in the bundle)
    and is still running after a few seconds; then it is closed by its process id."""
    process = subprocess.Popen([str(bundle / "perfdesk")], env=bare_env(tmp_path, QT_QPA_PLATFORM="offscreen"),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 8
        while time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.2)
        running = process.poll() is None
    finally:
        process.terminate()
        try:
            _, err = process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            _, err = process.communicate()
    assert running, err.decode("utf-8", "replace")[-2000:]
    assert b"Traceback" not in err and b"could not load the Qt platform plugin" not in err


def build_log(bundle: Path) -> str:
    return (bundle.parent.parent / "build.log").read_text("utf-8")


def objdump_glibc(path: Path) -> set[tuple[int, ...]]:
    """GLIBC_x.y versions in ``objdump -T`` (another tool than the build's own ELF reader)."""
    listing = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
    return {tuple(map(int, v.split("."))) for v in re.findall(r"\(GLIBC_(\d+\.\d+(?:\.\d+)?)\)", listing)}


@pytest.mark.skipif(WINDOWS or shutil.which("objdump") is None, reason="reads Linux ELF files with objdump")
def test_build_reports_the_highest_glibc_the_bundle_needs(bundle):
    reported = re.search(r"build: the bundle needs glibc >= (\d+\.\d+)", build_log(bundle))
    assert reported, build_log(bundle)[-2000:]
    needs = set()
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            needs |= objdump_glibc(path)
    highest = max(needs)
    assert reported.group(1) == ".".join(map(str, highest))
    # Qt 6.11's libraries alone (manylinux_2_34 wheels) need 2.34: never below that.
    assert highest >= (2, 34)


@pytest.fixture(scope="module")
def deb(bundle) -> Path:
    if not DEB:
        pytest.skip("the .deb is built on Linux with dpkg-deb")
    found = sorted(bundle.parent.glob("*.deb"))
    assert len(found) == 1, found
    return found[0]


@pytest.fixture(scope="module")
def unpacked(deb, tmp_path_factory) -> Path:
    """The package as dpkg would install it, under a scratch root instead of /."""
    root = tmp_path_factory.mktemp("deb-root")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True, timeout=300)
    return root


def test_deb_is_named_and_described_for_the_app_store(deb, bundle):
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    store_version = ".".join((version.split(".") + ["0"] * 4)[:4])  # 0.1.0 -> 0.1.0.0
    assert deb.name == f"{APPID}_{store_version}_{arch}.deb"

    def field(name: str) -> str:
        return subprocess.run(["dpkg-deb", "--field", str(deb), name], capture_output=True, text=True,
                              check=True).stdout.strip()

    assert field("Package") == APPID and field("Version") == store_version and field("Architecture") == arch
    glibc = re.search(r"needs glibc >= (\d+\.\d+)", build_log(bundle)).group(1)
    assert f"libc6 (>= {glibc})" in field("Depends")  # the loader refuses older systems anyway
    assert "部门预算绩效文本" in field("Description")


def test_deb_has_no_maintainer_scripts(deb, tmp_path):
    """The stores refuse packages with preinst/postinst/prerm/postrm: nothing runs as root."""
    control = tmp_path / "DEBIAN"
    subprocess.run(["dpkg-deb", "--control", str(deb), str(control)], check=True)
    assert sorted(p.name for p in control.iterdir()) == ["control", "md5sums"]


def test_deb_installs_only_under_opt_apps_in_the_store_layout(unpacked):
    everything = {p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*")}
    app = f"opt/apps/{APPID}"
    assert {p for p in everything if not p.startswith(app + "/")} == {"opt", "opt/apps", app}
    assert sorted(p.name for p in (unpacked / app).iterdir()) == ["entries", "files", "info"]
    for name in (f"entries/applications/{APPID}.desktop", f"entries/icons/hicolor/scalable/apps/{APPID}.svg",
                 f"entries/icons/hicolor/48x48/apps/{APPID}.png", f"entries/icons/hicolor/256x256/apps/{APPID}.png",
                 f"entries/mime/packages/{APPID}.xml", "files/perfdesk", "files/bin/perfdesk",
                 "files/_internal/resources/examples/funing-2024.xlsx"):
        assert f"{app}/{name}" in everything, name
    launcher = unpacked / app / "files" / "bin" / "perfdesk"
    assert launcher.stat().st_mode & 0o755 == 0o755 and launcher.read_bytes().startswith(b"#!/bin/sh")
    # Every file readable by every user of the PC, whoever built the package.
    assert all(p.stat().st_mode & 0o444 == 0o444 for p in (unpacked / app).rglob("*") if not p.is_symlink())
    # Only an "Open with" choice: nothing that would make perfdesk the default for .xlsx.
    assert not [p for p in everything if p.endswith("mimeapps.list") or p.endswith("defaults.list")]


def test_deb_info_file_describes_the_app(unpacked):
    info = json.loads((unpacked / "opt" / "apps" / APPID / "info").read_text("utf-8"))
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()
    assert info["appid"] == APPID and info["name"] == "perfdesk" and info["arch"] == [arch]
    assert re.fullmatch(r"\d+\.\d+\.\d+\.\d+", info["version"])
    assert info["permissions"] == {"autostart": False, "notification": False, "trayicon": False,
                                   "clipboard": True, "account": False, "bluetooth": False, "camera": False,
                                   "audio_record": False, "installed_apps": False}


def test_deb_desktop_entry_starts_the_launcher_and_offers_to_open_xlsx(unpacked):
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # Name[zh_CN] and Name are different keys
    app = unpacked / "opt" / "apps" / APPID
    parser.read(app / "entries" / "applications" / f"{APPID}.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Name[zh_CN]"] == "绩效文本编辑器"
    assert entry["Exec"] == f"/opt/apps/{APPID}/files/bin/perfdesk %f"
    assert entry["Icon"] == APPID and entry["Categories"] == "Office;" and entry["Terminal"] == "false"
    assert entry["MimeType"] == XLSX_TYPE + ";"
    mime = (app / "entries" / "mime" / "packages" / f"{APPID}.xml").read_text("utf-8")
    assert f'type="{XLSX_TYPE}"' in mime and 'pattern="*.xlsx"' in mime


def test_deb_md5sums_match_the_unpacked_files(deb, unpacked, tmp_path):
    control = tmp_path / "DEBIAN"
    subprocess.run(["dpkg-deb", "--control", str(deb), str(control)], check=True)
    listed = dict(reversed(line.split("  ", 1)) for line in (control / "md5sums").read_text("utf-8").splitlines())
    files = {p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*") if p.is_file() and not p.is_symlink()}
    assert set(listed) == files
    for name in (f"opt/apps/{APPID}/files/perfdesk", f"opt/apps/{APPID}/files/bin/perfdesk", f"opt/apps/{APPID}/info"):
        assert hashlib.md5((unpacked / name).read_bytes()).hexdigest() == listed[name]


def test_unpacked_deb_exports_the_example_under_a_bare_environment(unpacked, tmp_path):
    files = unpacked / "opt" / "apps" / APPID / "files"
    launcher = files / "bin" / "perfdesk"
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    done = subprocess.run([str(launcher), "--version"], env=bare_env(tmp_path), capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert done.stdout.decode("utf-8").strip() == f"perfdesk {version}"
    out = tmp_path / "抚宁 2024.pdf"
    example = files / "_internal" / "resources" / "examples" / "funing-2024.xlsx"
    done = subprocess.run([str(launcher), "export", str(example), str(out)], env=bare_env(tmp_path),
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    with pdfplumber.open(out) as pdf:
        text = re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in pdf.pages))
    assert "秦皇岛市抚宁区科技和工业信息化局" in text and "564.00" in text


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Xvfb (tools/setup.sh installs it)")
def test_unpacked_deb_gives_qt_the_ibus_input_method_when_fcitx5_runs(unpacked, tmp_path):
    """As on UOS/Kylin: fcitx5 runs and the session says QT_IM_MODULE=fcitx. Through the launcher
    the bundled Qt, on a real X display, loads its ibus plugin (which fcitx5 answers) instead of
    falling back to compose. The stand-in fcitx5 is a copy of sleep; processes are ended by id."""
    fake = tmp_path / "fcitx5"
    shutil.copyfile(shutil.which("sleep"), fake)
    fake.chmod(0o755)
    read_display, write_display = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_display), "-screen", "0", "1024x768x24",
                             "-nolisten", "tcp"], pass_fds=(write_display,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_display)
    input_method = subprocess.Popen([str(fake), "120"])
    window = None
    try:
        with os.fdopen(read_display) as pipe:
            display = pipe.readline().strip()
        assert display, "Xvfb did not start"
        log = tmp_path / "qt.log"
        env = bare_env(tmp_path, DISPLAY=f":{display}", QT_IM_MODULE="fcitx", QT_DEBUG_PLUGINS="1")
        with log.open("wb") as sink:
            window = subprocess.Popen([str(unpacked / "opt" / "apps" / APPID / "files" / "bin" / "perfdesk")],
                                      env=env, stdout=sink, stderr=subprocess.STDOUT)
        loaded = re.compile(r"platforminputcontexts/lib(\w+)platforminputcontextplugin\.so\S* loaded library")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and window.poll() is None and not loaded.search(log.read_text("utf-8", "replace")):
            time.sleep(0.2)
        text = log.read_text("utf-8", "replace")
        assert window.poll() is None, text[-2000:]
        assert loaded.search(text) and loaded.search(text).group(1) == "ibus", text[-3000:]
    finally:
        for process in (window, input_method, xvfb):
            if process is not None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
