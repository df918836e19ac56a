"""Fonts are found as the system finds them: by family name in any language, in the user's
font folder without root, 仿宋 before 宋体; and when there is none the clerk is told which
files to copy where, without sudo."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from perfdesk.errors import FontMissingError
from perfdesk.model import Document
from perfdesk.pdf import export_pdf, find_fonts
from perfdesk.pdf import font_lookup
from perfdesk.pdf import fonts as pdf_fonts

DIGITLESS = str(Path(__file__).parents[1] / "data" / "fonts" / "digitless-hei.ttf")
UMING = "/usr/share/fonts/truetype/arphic/uming.ttc"
MICROHEI = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


@pytest.fixture
def fresh_lookup():
    """The installed fonts are read again (they are kept per process)."""
    font_lookup.installed_faces.cache_clear()
    font_lookup.faces_with.cache_clear()
    yield
    font_lookup.installed_faces.cache_clear()
    font_lookup.faces_with.cache_clear()
    pdf_fonts._fallback_for.cache_clear()


def test_a_font_file_tells_its_family_names_and_cff_or_text_is_no_font(tmp_path):
    assert font_lookup.read_faces(DIGITLESS) == [font_lookup.Face(DIGITLESS, 0, ("Digitless Hei",))]
    uming = font_lookup.read_faces(UMING)
    assert [face.index for face in uming] == [0, 1, 2, 3]
    assert uming[0].families == ("AR PL UMing CN",)
    microhei = font_lookup.read_faces(MICROHEI)[0]
    assert "WenQuanYi Micro Hei" in microhei.families and microhei.name == "文泉驿微米黑"  # as a clerk knows it
    text = tmp_path / "仿宋.ttf"
    text.write_text("不是字体")
    cff = tmp_path / "思源宋体.ttf"
    cff.write_bytes(b"OTTO" + bytes(60))  # CFF outlines: ReportLab cannot embed them
    assert font_lookup.read_faces(text) == [] and font_lookup.read_faces(cff) == []


def test_fonts_are_found_by_their_chinese_family_name(fresh_lookup):
    assert [(face.path, face.index) for face in font_lookup.find_family(["文泉驿微米黑"])] == [(MICROHEI, 0)]
    names = dict(pdf_fonts.available_fonts())
    assert names["AR PL UMing CN"] == UMING and names["文泉驿微米黑"] == MICROHEI
    assert not any(path.endswith("DejaVuSans.ttf") for path in names.values())  # Chinese fonts only


def test_fonts_copied_to_the_users_folder_are_used_fangsong_before_song(fresh_lookup, tmp_path, monkeypatch):
    # A clerk without root copies 仿宋 and 宋体 from a Windows PC into ~/.local/share/fonts.
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    folder = tmp_path / ".local" / "share" / "fonts"
    folder.mkdir(parents=True)
    shutil.copy(MICROHEI, folder / "simsun.ttc")
    shutil.copy(DIGITLESS, folder / "simfang.ttf")
    fonts = find_fonts()
    assert fonts.body_path == str(folder / "simfang.ttf")
    assert fonts.notes == []


def test_without_any_font_the_clerk_is_told_which_files_to_copy_where_without_root(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf_fonts, "BODY_CANDIDATES", ())
    monkeypatch.setattr(pdf_fonts, "HEADING_CANDIDATES", ())
    monkeypatch.setenv("HOME", str(tmp_path))
    with pytest.raises(FontMissingError) as caught:
        export_pdf(Document(department="测试局", year=2025), tmp_path / "out.pdf")
    message = str(caught.value)
    assert f"“{tmp_path}/.local/share/fonts”" in message and "不需要管理员权限" in message
    assert "simfang.ttf" in message and "simhei.ttf" in message
    assert "FZFSK.TTF" in message and "FZHTK.TTF" in message
    assert "sudo" not in message
    assert not (tmp_path / "out.pdf").exists()
