"""The installer bundle: built from a clean copy of the work tree with installer/build.py, then
its executable run in a bare environment (only PATH and HOME) as on an office PC where
nothing but perfdesk is installed: it prints its version, exports the bundled example to a
PDF whose fonts are embedded, answers bad input with a Chinese message, and opens its window.

Slow (about a minute on 2 cores): it runs PyInstaller. CI runs it; locally
``.venv/bin/python -m pytest -q -m slow tests/unit/test_bundle.py``.
"""

from __future__ import annotations

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
    build = subprocess.run(
        [sys.executable, str(clone / "installer" / "build.py"), "--no-setup",
         "--dist", str(scratch / "dist"), "--work", str(scratch / "work")],
        cwd=clone, capture_output=True, text=True, timeout=900,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    assert re.search(r"build: bundle .* is [\d.]+ MiB", build.stdout)
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
