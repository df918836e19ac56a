"""A Linux office PC whose only Chinese fonts are WPS Office's: the export finds them.

Run in a private mount namespace (``unshare -m``) so that nothing on the machine changes:
an empty tmpfs hides /usr/share/fonts (the Debian fonts) and fontconfig's system cache, two
TrueType CJK fonts are put at /usr/share/fonts/wps-office/FZFSK.TTF (方正仿宋_GBK) and
FZHTK.TTF (方正黑体_GBK) — copies of AR PL UMing and WenQuanYi Micro Hei under WPS's file
names — and a document is exported. Skipped, with the reason, where unshare is not permitted.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

UMING = "/usr/share/fonts/truetype/arphic/uming.ttc"
MICROHEI = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
REPO = Path(__file__).parents[2]

SCRIPT = textwrap.dedent(r'''
    import json, os, shutil, subprocess, sys
    from pathlib import Path

    source = Path(sys.argv[1])
    subprocess.run(["mount", "--make-rprivate", "/"], check=True)  # nothing leaks out of the namespace
    for folder in ("/usr/share/fonts", "/usr/local/share/fonts", "/var/cache/fontconfig"):
        if os.path.isdir(folder):
            subprocess.run(["mount", "-t", "tmpfs", "tmpfs", folder], check=True)
    wps = Path("/usr/share/fonts/wps-office")
    wps.mkdir(parents=True)
    shutil.copy(source / "FZFSK.TTF", wps / "FZFSK.TTF")
    shutil.copy(source / "FZHTK.TTF", wps / "FZHTK.TTF")
    subprocess.run(["fc-cache", "-f"], check=True, capture_output=True)

    import pdfplumber
    from perfdesk.model import BudgetUnit, Document, Indicator, Project
    from perfdesk.pdf import export_pdf, find_fonts

    project = Project(code="13082125P001", name="办公设备购置项目", purpose="购置办公设备",
                      indicators=[Indicator(level1="产出指标", level2="数量指标", level3="购置台数",
                                            description="完成购置", value="≥10台", basis="工作计划")])
    document = Document(department="测试局", year=2025, prepared_by="测试局",
                        units=[BudgetUnit(code="112001", name="本级", projects=[project])])
    document.part1.overall_goal = "保障机关正常运转。"
    fonts = find_fonts()
    result = export_pdf(document, source / "wps.pdf")
    with pdfplumber.open(source / "wps.pdf") as pdf:
        used = {}
        for page in pdf.pages:
            for char in page.chars:
                used.setdefault(char["text"], set()).add(char["fontname"].split("+")[-1])
    print(json.dumps({"body": fonts.body_path, "heading": fonts.heading_path, "notes": result.notes,
                      "visible": sorted(str(p) for p in Path("/usr/share/fonts").rglob("*") if p.is_file()),
                      "used": {k: sorted(v) for k, v in used.items()}}, ensure_ascii=False))
''')


def _unshare(probe: Path) -> list[str] | None:
    """The unshare command that gives a private mount namespace here (mounting a tmpfs on
    ``probe`` inside it works), or None."""
    if not shutil.which("unshare"):
        return None
    probe.mkdir()
    for command in (["unshare", "-m"], ["unshare", "-r", "-m"]):
        try:
            if subprocess.run([*command, "mount", "-t", "tmpfs", "tmpfs", str(probe)],
                              capture_output=True, timeout=20).returncode == 0:
                return command
        except (OSError, subprocess.SubprocessError):
            continue
    return None


def test_only_wps_fonts_installed_both_embedded_body_in_the_fangsong_one(tmp_path):
    command = _unshare(tmp_path / "probe")
    if command is None:
        pytest.skip("unshare -m (a private mount namespace) is not permitted here: the WPS-only PC cannot be simulated")
    if not (Path(UMING).is_file() and Path(MICROHEI).is_file()):
        pytest.skip("fonts-arphic-uming and fonts-wqy-microhei are needed to make the WPS fonts")
    shutil.copy(UMING, tmp_path / "FZFSK.TTF")
    shutil.copy(MICROHEI, tmp_path / "FZHTK.TTF")
    script = tmp_path / "wps_only.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "PYTHONPATH": str(REPO)}
    for name in ("PERFDESK_BODY_FONT", "PERFDESK_HEADING_FONT", "XDG_DATA_HOME", "FONTCONFIG_FILE"):
        env.pop(name, None)
    done = subprocess.run([*command, sys.executable, str(script), str(tmp_path)], capture_output=True, text=True,
                          env=env, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["visible"] == ["/usr/share/fonts/wps-office/FZFSK.TTF", "/usr/share/fonts/wps-office/FZHTK.TTF"]
    assert (found["body"], found["heading"]) == ("/usr/share/fonts/wps-office/FZFSK.TTF",
                                                 "/usr/share/fonts/wps-office/FZHTK.TTF")
    assert found["notes"] == []
    used = found["used"]
    # Body text (Part 1, the table's cells) in the 仿宋 file, headings in the 黑体 one: both embedded.
    assert used["转"] == ["UMingCN-0"] and used["台"] == ["UMingCN-0"]  # 保障机关正常运转, ≥10台
    assert "WenQuanYiMicroHei-0" in used["措"]  # 三、工作保障措施 (its 目录 line is body text)
    assert {font for fonts in used.values() for font in fonts} == {"UMingCN-0", "WenQuanYiMicroHei-0"}
    assert Path("/usr/share/fonts/truetype").is_dir()  # the machine's own fonts are still there
