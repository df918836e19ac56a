"""Choosing and registering the CJK fonts the PDF is printed in.

The body wants a Song-style font, headings a Hei-style one, and both must be TrueType so
that ReportLab can embed them (it cannot embed CFF/OpenType outlines). The order of choice:
the files named in the user's settings, the Windows system fonts, then the TrueType CJK fonts
the README's set-up installs on Linux. A font that lacks a glyph (≥ ≤ ＞ ＜ ㎡ …) gets the
character from the next font that has it, so nothing prints as an empty box.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from perfdesk.errors import FontMissingError

# Characters a budget text must be able to print; checked in tests and used to pick fallbacks.
REQUIRED_SYMBOLS = "≥≤＞＜㎡"

_WINDOWS_FONTS = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"

# (path, subfont index in a .ttc); the first existing, usable one wins.
BODY_CANDIDATES: tuple[tuple[Path, int], ...] = (
    (_WINDOWS_FONTS / "simsun.ttc", 0),
    (_WINDOWS_FONTS / "simfang.ttf", 0),
    (Path("/usr/share/fonts/truetype/arphic/uming.ttc"), 0),  # AR PL UMing CN
    (Path("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"), 0),
    (Path("/usr/share/fonts/truetype/arphic/ukai.ttc"), 0),
)
HEADING_CANDIDATES: tuple[tuple[Path, int], ...] = (
    (_WINDOWS_FONTS / "simhei.ttf", 0),
    (Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), 0),
    (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), 0),
)

HOW_TO_GET = (
    "请在“设置”中选择一个 TrueType 中文字体（.ttf 或 .ttc，例如 Windows 自带的宋体 simsun.ttc、"
    "黑体 simhei.ttf），或在 Linux 上安装 fonts-arphic-uming 与 fonts-wqy-microhei"
    "（sudo apt-get install fonts-arphic-uming fonts-wqy-microhei）。"
)


@dataclass(frozen=True)
class FontPaths:
    """The user's choice from the settings: a body and/or heading font file (optional)."""

    body: str | None = None
    heading: str | None = None


@dataclass
class FontSet:
    """Registered ReportLab font names for the body and headings, and per-character fallbacks."""

    body: str
    heading: str
    body_path: str
    heading_path: str
    notes: list[str] = field(default_factory=list)  # Chinese remarks, e.g. a setting not usable
    _faces: dict[str, TTFont] = field(default_factory=dict, repr=False)
    # A print profile's further roles ("kai", "title"): role -> registered font name.
    roles: dict[str, str] = field(default_factory=dict)

    def role(self, name: str) -> str:
        """The registered font of a profile's font role."""
        if name == "body":
            return self.body
        if name == "heading":
            return self.heading
        return self.roles.get(name) or (self.heading if name == "title" else self.body)

    def has_glyph(self, font: str, char: str) -> bool:
        return ord(char) in self._faces[font].face.charToGlyph

    def markup(self, text: str, font: str | None = None) -> str:
        """Escape ``text`` for a Paragraph, line breaks as <br/>, runs of spaces kept, and wrap
        characters the chosen font lacks in a <font> tag naming a font that has them."""
        return _markup(self, font or self.body, text)


def _markup(fonts: FontSet, font: str, text: str) -> str:
    others = [name for name in (fonts.body, fonts.heading, *fonts._faces) if name != font]
    others = list(dict.fromkeys(others))
    out: list[str] = []
    previous = ""
    for char in text:
        code = ord(char)
        if char == " " and previous == " ":
            # ReportLab's parser turns a run of spaces into one; "99号  关于" has two, as typed.
            # The line breaker prints the no-break space as an ordinary one.
            out.append("&nbsp;")
        elif char == "&":
            out.append("&amp;")
        elif char == "<":
            out.append("&lt;")
        elif char == ">":
            out.append("&gt;")
        elif char in "\n\x0b\x0c":  # \x0b: a line break pasted from Word
            out.append("<br/>")
        elif code < 32 and char != "\t":  # other control characters print as nothing
            continue
        elif code < 128 or fonts.has_glyph(font, char):
            out.append(char)
        else:
            other = next((name for name in others if fonts.has_glyph(name, char)), None)
            out.append(f'<font face="{other}">{char}</font>' if other else char)
        previous = char
    return "".join(out)


@lru_cache(maxsize=None)
def _register(path: str, index: int) -> tuple[str, TTFont]:
    """Register a TrueType font once per process; raises TTFError/OSError if unusable."""
    digest = hashlib.sha1(f"{path}#{index}".encode()).hexdigest()[:10]
    name = f"perfdesk-{digest}"
    font = TTFont(name, path, subfontIndex=index) if path.lower().endswith(".ttc") else TTFont(name, path)
    if ord("中") not in font.face.charToGlyph:
        raise TTFError("no CJK glyphs")
    pdfmetrics.registerFont(font)
    return name, font


def _try(path: str | os.PathLike | None, index: int = 0) -> tuple[str, TTFont] | None:
    if not path or not Path(path).is_file():
        return None
    try:
        return _register(str(path), index)
    except (TTFError, OSError, ValueError, KeyError, IndexError):
        return None


def _pick(preferred: str | None, candidates: tuple[tuple[Path, int], ...], role: str,
          notes: list[str]) -> tuple[str, TTFont, str] | None:
    if preferred:
        found = _try(preferred)
        if found:
            return found[0], found[1], str(preferred)
        reason = "找不到该文件" if not Path(preferred).is_file() else "不是可嵌入的 TrueType 中文字体"
        notes.append(f"设置中的{role}字体“{preferred}”无法使用（{reason}），已改用系统字体。")
    for path, index in candidates:
        found = _try(path, index)
        if found:
            return found[0], found[1], str(path)
    return None


def find_fonts(preferred: FontPaths | None = None, body_first: tuple[tuple[Path, int], ...] = (),
               heading_first: tuple[tuple[Path, int], ...] = ()) -> FontSet:
    """Choose, register and return the body and heading fonts.

    If only one of the two kinds is available it is used for both (the text still prints);
    if there is no usable CJK TrueType font at all, raises FontMissingError saying how to get one.
    """
    preferred = preferred or FontPaths()
    notes: list[str] = []
    body = _pick(preferred.body, (*body_first, *BODY_CANDIDATES), "正文", notes)
    heading = _pick(preferred.heading, (*heading_first, *HEADING_CANDIDATES), "标题", notes)
    if body is None and heading is None:
        raise FontMissingError(
            "找不到可嵌入 PDF 的中文字体：正文需要宋体类字体（如 simsun.ttc 或 AR PL UMing），"
            "标题需要黑体类字体（如 simhei.ttf 或 文泉驿微米黑）。" + HOW_TO_GET
        )
    if body is None:
        notes.append("没有找到宋体类正文字体，正文改用标题字体打印。")
        body = heading
    if heading is None:
        notes.append("没有找到黑体类标题字体，标题改用正文字体打印。")
        heading = body
    fonts = FontSet(body=body[0], heading=heading[0], body_path=body[2], heading_path=heading[2], notes=notes)
    fonts._faces = {body[0]: body[1], heading[0]: heading[1]}
    return fonts


def font_file(name: str) -> tuple[Path, int]:
    """A profile's font file: a bare name is looked for in the Windows fonts folder."""
    path = Path(name)
    return (path if path.is_absolute() else _WINDOWS_FONTS / name), 0


def find_profile_fonts(roles: dict, preferred: FontPaths | None = None) -> FontSet:
    """The fonts of a print profile's roles (``role -> FontRole`` with ``names``, ``files``,
    ``fallback``): the profile's files first, then the usual candidates. A role whose own
    fonts are missing says so in the notes, naming what stands in."""
    preferred = preferred or FontPaths()

    def files(role: str) -> tuple[tuple[Path, int], ...]:
        spec = roles.get(role)
        return tuple(font_file(name) for name in spec.files) if spec is not None else ()

    body_files, heading_files = files("body"), files("heading")
    fonts = find_fonts(preferred, body_first=body_files, heading_first=heading_files)
    chosen = {"body": (fonts.body_path, body_files, preferred.body),
              "heading": (fonts.heading_path, heading_files, preferred.heading)}
    for role, (path, wanted, from_settings) in chosen.items():
        if wanted and not from_settings and path not in {str(candidate) for candidate, _ in wanted}:
            fonts.notes.append(f"版式要求的{_ROLE_NAMES[role]}字体（{roles[role].names[0]}）本机没有，"
                               f"已改用“{Path(path).name}”。")
    for role, spec in roles.items():
        if role in ("body", "heading"):
            continue
        found = next((hit for hit in (_try(path, index) for path, index in files(role)) if hit), None)
        if found is not None:
            fonts.roles[role] = found[0]
            fonts._faces[found[0]] = found[1]
            continue
        stand_in = spec.fallback or "body"
        fonts.roles[role] = fonts.role(stand_in)
        fonts.notes.append(f"版式要求的{_ROLE_NAMES.get(role, role)}字体（{spec.names[0]}）本机没有，"
                           f"已改用{_ROLE_NAMES.get(stand_in, stand_in)}字体。")
    return fonts


_ROLE_NAMES = {"body": "正文", "heading": "标题", "kai": "楷体", "title": "大标题"}
