"""Choosing and registering the CJK fonts the PDF is printed in, and never losing a character.

The body wants a 仿宋 font, else a 宋体 one; headings a 黑体 one; all TrueType, so that ReportLab
can embed them (it cannot embed CFF outlines). The order of choice: the files named in the
user's settings, the print profile's, then the installed fonts found as the system finds them
(:mod:`perfdesk.pdf.font_lookup`: fontconfig, the Windows, WPS and user font folders) by family
and file name, then fixed paths. A character the chosen font lacks (digits in Droid Sans
Fallback, ≥ ≤ ㎡, a rare hanzi) is drawn from another chosen font that has it, else from any
installed font that has it (:meth:`FontSet.cover`); a character no installed font has is
refused before anything is drawn, never printed as a hole.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from struct import error as struct_error

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.platypus.paragraph import _wsc  # the spaces ReportLab's cleaner strips

from perfdesk.errors import FontMissingError
from perfdesk.pdf import font_lookup

# Characters a budget text must be able to print; checked in tests and used to pick fallbacks.
REQUIRED_SYMBOLS = "≥≤＞＜㎡"

_WINDOWS_FONTS = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"

# (family names in any language, file names) per kind, best first: 仿宋 before 宋体 for the
# body, as the official texts are set; WPS Office's 方正 fonts where Windows' are missing.
BODY_FAMILIES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("仿宋", "FangSong", "仿宋_GB2312", "FangSong_GB2312", "方正仿宋_GBK", "FZFangSong-Z02", "FZFangSong-Z02S",
      "方正仿宋简体"), ("simfang.ttf", "FZFSK.TTF", "FZFSJW.TTF", "FZFSJT.TTF")),
    (("宋体", "SimSun", "新宋体", "NSimSun", "方正书宋_GBK", "FZShuSong-Z01", "方正宋体_GBK"),
     ("simsun.ttc", "FZSSK.TTF", "FZSSJW.TTF")),
    (("AR PL UMing CN", "AR PL SungtiL GB", "AR PL UKai CN"), ()),
)
HEADING_FAMILIES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("黑体", "SimHei", "方正黑体_GBK", "FZHei-B01", "FZHei-B01S", "方正黑体简体"), ("simhei.ttf", "FZHTK.TTF", "FZHTJW.TTF")),
    (("微软雅黑", "Microsoft YaHei", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei"), ("msyh.ttc",)),
)
# Last resorts for both kinds: they print Chinese, whatever their style.
ANY_CJK_FAMILIES = ("Droid Sans Fallback", "AR PL UMing TW", "AR PL UKai TW")

# (path, subfont index in a .ttc) at fixed places, after what the system lists.
FIXED_BODY: tuple[tuple[Path, int], ...] = (
    (_WINDOWS_FONTS / "simfang.ttf", 0),
    (_WINDOWS_FONTS / "simsun.ttc", 0),
    (Path("/usr/share/fonts/truetype/arphic/uming.ttc"), 0),  # AR PL UMing CN
    (Path("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"), 0),
    (Path("/usr/share/fonts/truetype/arphic/ukai.ttc"), 0),
)
FIXED_HEADING: tuple[tuple[Path, int], ...] = (
    (_WINDOWS_FONTS / "simhei.ttf", 0),
    (Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), 0),
    (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), 0),
)


class SystemCandidates:
    """The installed fonts of one kind, best first, looked up only when first iterated
    (fontconfig is asked once per process)."""

    def __init__(self, families, fixed: tuple[tuple[Path, int], ...]) -> None:
        self.families, self.fixed = families, fixed

    def __iter__(self):
        seen = set()
        for names, files in (*self.families, (ANY_CJK_FAMILIES, ())):
            for face in font_lookup.find_family(names, files):
                key = (face.path, face.index)
                if key not in seen:
                    seen.add(key)
                    yield Path(face.path), face.index
        for path, index in self.fixed:
            if (str(path), index) not in seen:
                yield path, index


BODY_CANDIDATES = SystemCandidates(BODY_FAMILIES, FIXED_BODY)
HEADING_CANDIDATES = SystemCandidates(HEADING_FAMILIES, FIXED_HEADING)


def how_to_get() -> str:
    """What a clerk without administrator rights can do when no font is found."""
    folder = font_lookup.user_font_folder()
    if sys.platform == "win32":
        where = f"用户字体文件夹“{folder}”（在字体文件上点右键选“安装”也会放到这里）"
    else:
        where = f"个人字体文件夹“{folder}”（没有这个文件夹就新建一个）"
    return ("不需要管理员权限：把 TrueType 中文字体文件——正文用仿宋 simfang.ttf（或宋体 simsun.ttc），"
            "标题用黑体 simhei.ttf（可从任一台 Windows 电脑的 C:\\Windows\\Fonts 复制），"
            "或 WPS Office 的 FZFSK.TTF（方正仿宋_GBK）与 FZHTK.TTF（方正黑体_GBK）——"
            f"复制到{where}，然后重新导出；也可以在“设置 → PDF 字体”中直接选择字体文件。"
            "（管理员也可安装 fonts-arphic-uming 与 fonts-wqy-microhei 软件包。）")



@dataclass(frozen=True)
class FontPaths:
    """The user's choice from the settings: a body and/or heading font file (optional).
    A face of a .ttc other than the first is written ``file.ttc#2``."""

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
    # Installed fonts brought in for characters none of the chosen fonts has: name -> file.
    fallbacks: dict[str, str] = field(default_factory=dict)
    # Characters no installed font has, met while marking text up (papers check it before drawing).
    missing: set[str] = field(default_factory=set)

    def __getstate__(self) -> dict:
        # The pages may be drawn in other processes: they get the fonts by file, and register
        # them under the same names (a name is made from the file's path).
        state = self.__dict__.copy()
        state["_faces"] = {name: _SOURCES[name] for name in self._faces}
        return state

    def __setstate__(self, state: dict) -> None:
        sources = state.pop("_faces")
        self.__dict__.update(state)
        self._faces = {}
        for name, (path, index) in sources.items():
            registered, font = _register(path, index, cjk=False)
            self._faces[registered] = font

    def role(self, name: str) -> str:
        """The registered font of a profile's font role."""
        if name == "body":
            return self.body
        if name == "heading":
            return self.heading
        return self.roles.get(name) or (self.heading if name == "title" else self.body)

    def has_glyph(self, font: str, char: str) -> bool:
        return ord(char) in self._faces[font].face.charToGlyph

    def has_anywhere(self, char: str) -> bool:
        return any(ord(char) in face.face.charToGlyph for face in self._faces.values())

    def cover(self, chars) -> list[str]:
        """Make every character of ``chars`` printable: one that none of the chosen fonts has is
        drawn from an installed font that has it (registered here). Returns, sorted, those
        no installed font has. Cheap when nothing is missing: one look per distinct character."""
        lacking = sorted({c for c in chars if not _invisible(c) and not self.has_anywhere(c)})
        unfound = []
        for char in lacking:
            if self.has_anywhere(char):  # a font brought in for an earlier character has it
                continue
            found = _fallback_for(char)
            if found is None:
                unfound.append(char)
                continue
            name, font, path = found
            self._faces.setdefault(name, font)
            self.fallbacks.setdefault(name, path)
        self.missing.update(unfound)
        return unfound

    def font_with(self, text: str, preferred: str | None = None) -> str:
        """A chosen font that has every character of ``text`` (page numbers, 第 页 共): the
        ``preferred`` one if it does; the characters are brought in from installed fonts if need be."""
        preferred = preferred or self.body
        needed = {c for c in text if not c.isspace()}
        self.cover(needed)
        for name in (preferred, self.body, self.heading, *self._faces):
            if all(self.has_glyph(name, c) for c in needed):
                return name
        return preferred

    def markup(self, text: str, font: str | None = None) -> str:
        """Escape ``text`` for a Paragraph, line breaks as <br/>, runs of spaces kept, and wrap
        characters the chosen font lacks in a <font> tag naming a font that has them."""
        return _markup(self, font or self.body, text)

    def runs(self, text: str, font: str | None = None) -> list[tuple[str | None, str]]:
        """``text`` as (font, text) runs, ``(None, "")`` for a line break: what a Paragraph of
        :meth:`markup` holds, for the table cells that are drawn without one."""
        return runs(self, font or self.body, text)


# How a character of a text prints (see how_printed): in a font, as a kept space of a run of
# spaces, or as a line break.
CHAR, KEPT_SPACE, LINE_BREAK = 0, 1, 2
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def how_printed(fonts: FontSet, font: str, text: str) -> list[tuple[int, str | None, str]]:
    """The one place that decides how each character of ``text`` prints in ``font``, for the
    Paragraph markup and for the table cells alike: ``(CHAR, None, c)`` in ``font`` itself,
    ``(CHAR, other, c)`` from another font that has it, ``(KEPT_SPACE, None, " ")`` for the
    second and later spaces of a run, ``(LINE_BREAK, None, "")``; control characters and
    invisible characters no font has are left out."""
    others = [name for name in (fonts.body, fonts.heading, *fonts._faces) if name != font]
    others = list(dict.fromkeys(others))
    glyphs = fonts._faces[font].face.charToGlyph
    out: list[tuple[int, str | None, str]] = []
    previous = ""
    for char in text:
        code = ord(char)
        if char == " " and previous == " ":
            # ReportLab's parser turns a run of spaces into one; "99号  关于" has two, as typed.
            out.append((KEPT_SPACE, None, " "))
        elif char in "\n\x0b\x0c":  # \x0b: a line break pasted from Word
            out.append((LINE_BREAK, None, ""))
        elif code < 32 and char != "\t":  # other control characters print as nothing
            continue
        elif code in glyphs or char == "\t":
            out.append((CHAR, None, char))
        else:  # digits and ASCII too: Droid Sans Fallback, for one, has none
            other = _borrowed(fonts, others, char)
            if other != "":
                out.append((CHAR, other, char))
        previous = char
    return out


# Characters a font prints as they are, with nothing to decide (has the glyph; not a control
# character, a space other than " ", "&<>" or a no-break space): font name -> characters.
_PLAIN: dict[str, set[str]] = {}


def _plain(fonts: FontSet, font: str, text: str) -> bool:
    """True if every character of ``text`` is plain in ``font`` and no two spaces meet: then the
    markup is the text itself, and its runs the text alone (the common case, made cheap)."""
    plain = _PLAIN.get(font)
    if plain is None:
        plain = _PLAIN[font] = set()
    chars = set(text)
    if not chars <= plain:
        glyphs = fonts._faces[font].face.charToGlyph
        for char in chars - plain:
            if (ord(char) in glyphs and ord(char) >= 32 and char not in "&<>\xa0"
                    and (char == " " or not char.isspace())):
                plain.add(char)
        if not chars <= plain:
            return False
    return "  " not in text


def _markup(fonts: FontSet, font: str, text: str) -> str:
    if _plain(fonts, font, text):
        return text
    out: list[str] = []
    for kind, other, char in how_printed(fonts, font, text):
        if kind == CHAR:
            escaped = _ESCAPES.get(char, char)
            out.append(escaped if other is None else f'<font face="{other}">{escaped}</font>')
        elif kind == KEPT_SPACE:
            out.append("&nbsp;")  # the line breaker prints the no-break space as an ordinary one
        else:
            out.append("<br/>")
    return "".join(out)


# ReportLab's cleaner (paragraph.cleanBlockQuotedText) strips its _wsc spaces from the ends of
# the markup and makes every other run of spaces one space: Python's spaces, or _wsc's when the
# markup holds a raw no-break space (then that one is kept).
_RL_SPACE_RUNS = re.compile("[%s]+" % re.escape(_wsc))
_PY_SPACE_RUNS = re.compile(r"\s+")
_KEPT = "\x00"  # a kept space while cleaning: no control character reaches a piece


def runs(fonts: FontSet, font: str, text: str) -> list[tuple[str | None, str]]:
    """What a Paragraph of ``font`` holds after parsing ``_markup(text)``, without the parsing:
    ReportLab's fragments as (font, text) runs, ``(None, "")`` for a line break; spaces as ReportLab's cleaner leaves them, and no-break spaces as the ordinary
    spaces they print as (linebreak.py)."""
    if _plain(fonts, font, text):
        text = text.strip(_wsc)
        return [(font, text)] if text else []
    areas: list[list] = []  # [font, characters]: the text between two tags of the markup
    raw_no_break = False
    for kind, other, char in how_printed(fonts, font, text):
        if kind == LINE_BREAK:
            areas.append([None, []])
            continue
        if kind == KEPT_SPACE:
            char = _KEPT
        elif char == "\xa0":
            raw_no_break = True
        # A borrowed character has a <font> tag of its own, and ReportLab's parser makes a
        # fragment of each entity (&nbsp; &amp; &lt; &gt;): what follows is a new run.
        alone = other is not None or kind == KEPT_SPACE or char in _ESCAPES
        if not alone and areas and areas[-1][0] == font:
            areas[-1][1].append(char)
        else:
            areas.append([other or font, [char]])
            if alone:
                areas.append([None, None])
    texts = [(name, "".join(chars)) for name, chars in areas if chars is not None]
    if texts and texts[0][0] == font:  # the markup starts with text, not with a tag
        texts[0] = (font, texts[0][1].lstrip(_wsc))
    if texts and areas[-1][0] == font:
        texts[-1] = (font, texts[-1][1].rstrip(_wsc))
    spaces = _RL_SPACE_RUNS if raw_no_break else _PY_SPACE_RUNS
    out: list[tuple[str | None, str]] = []
    for name, chars in texts:
        if name is None:
            out.append((None, ""))
        elif chars:
            out.append((name, spaces.sub(" ", chars).replace(_KEPT, " ").replace("\xa0", " ")))
    return out


def _borrowed(fonts: FontSet, others: list[str], char: str) -> str | None:
    """The font a character the chosen font lacks is drawn from: None, printed as it is (no
    installed font has it: papers refuse it before drawing), "" printed as nothing."""
    other = next((name for name in others if fonts.has_glyph(name, char)), None)
    if other is None and _invisible(char) and not char.isspace():
        return ""  # a zero-width space or a variation selector pasted from Word: nothing to print
    if other is None and fonts.cover(char) == []:  # not yet looked for: an installed font has it
        other = next((name for name in fonts._faces if fonts.has_glyph(name, char)), None)
    return other


def _invisible(char: str) -> bool:
    """Characters that print as nothing or as a blank (control and format characters, spaces,
    variation selectors): never a reason to refuse a document."""
    category = unicodedata.category(char)
    return (category in ("Cc", "Cf", "Zs", "Zl", "Zp") or char.isspace()
            or "\ufe00" <= char <= "\ufe0f" or "\U000e0100" <= char <= "\U000e01ef")


_SOURCES: dict[str, tuple[str, int]] = {}  # registered name -> (file, face index)


def _register(path: str, index: int, cjk: bool = True) -> tuple[str, TTFont]:
    """Register a TrueType font once per process; raises TTFError/OSError if unusable
    (``cjk``: also if it has no Chinese)."""
    name, font = _load(path, index)
    if cjk and ord("中") not in font.face.charToGlyph:
        raise TTFError("no CJK glyphs")
    return name, font


@lru_cache(maxsize=None)
def _load(path: str, index: int) -> tuple[str, TTFont]:
    # Once per file and face: registering a second font object under the same name would
    # leave the FontSet and ReportLab holding different ones.
    digest = hashlib.sha1(f"{path}#{index}".encode()).hexdigest()[:10]
    name = f"perfdesk-{digest}"
    font = TTFont(name, path, subfontIndex=index) if path.lower().endswith(".ttc") or index else TTFont(name, path)
    pdfmetrics.registerFont(font)
    _SOURCES[name] = (path, index)
    return name, font


@lru_cache(maxsize=None)
def _fallback_for(char: str) -> tuple[str, TTFont, str] | None:
    """The first installed TrueType font that has ``char`` and can be embedded, CJK fonts first
    (their digits and signs sit better in Chinese text)."""
    faces = font_lookup.faces_with(char)
    cjk = {(f.path, f.index) for f in font_lookup.faces_with("中")} if faces else set()
    for face in sorted(faces, key=lambda f: ((f.path, f.index) not in cjk, f.path, f.index)):
        try:
            name, font = _register(face.path, face.index, cjk=False)
        except (TTFError, OSError, ValueError, KeyError, IndexError, AssertionError, struct_error):
            continue
        if ord(char) in font.face.charToGlyph:
            return name, font, face.path
    return None


def _split(path: str | os.PathLike) -> tuple[str, int]:
    text = str(path)
    base, hash_, index = text.rpartition("#")
    if hash_ and index.isdigit() and not Path(text).is_file():
        return base, int(index)
    return text, 0


def _try(path: str | os.PathLike | None, index: int = 0) -> tuple[str, TTFont] | None:
    if not path:
        return None
    path, embedded = _split(path)
    index = index or embedded
    if not Path(path).is_file():
        return None
    try:
        return _register(str(path), index)
    except (TTFError, OSError, ValueError, KeyError, IndexError, AssertionError, struct_error):
        return None


def _pick(preferred: str | None, candidates, role: str, notes: list[str]) -> tuple[str, TTFont, str] | None:
    if preferred:
        found = _try(preferred)
        if found:
            return found[0], found[1], str(preferred)
        reason = "找不到该文件" if not Path(_split(preferred)[0]).is_file() else "不是可嵌入的 TrueType 中文字体"
        notes.append(f"设置中的{role}字体“{preferred}”无法使用（{reason}），已改用系统字体。")
    for path, index in candidates:
        found = _try(path, index)
        if found:
            return found[0], found[1], str(path) if not index else f"{path}#{index}"
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
            "找不到可嵌入 PDF 的中文字体：正文需要仿宋或宋体类字体（如 simfang.ttf、simsun.ttc，"
            "或 WPS 的方正仿宋_GBK），标题需要黑体类字体（如 simhei.ttf，或 WPS 的方正黑体_GBK）。" + how_to_get()
        )
    if body is None:
        notes.append("没有找到仿宋或宋体类正文字体，正文改用标题字体打印。")
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


def _role_candidates(spec, by_family: bool) -> tuple[tuple[Path, int], ...]:
    """A profile role's fonts: its files at the Windows place, then files of those names
    wherever the system has them installed (WPS's folder, the user's); ``by_family``: then its
    families. The body and headings are not looked up by the profile's family names: their own
    order (仿宋 before 宋体) follows, and a profile naming 宋体 only would put 宋体 first."""
    found = [font_file(name) for name in spec.files]
    found += [(Path(face.path), face.index) for face in font_lookup.find_family(
        tuple(spec.names) if by_family else (), tuple(Path(name).name for name in spec.files))]
    return tuple(dict.fromkeys(found))


def find_profile_fonts(roles: dict, preferred: FontPaths | None = None) -> FontSet:
    """The fonts of a print profile's roles (``role -> FontRole`` with ``names``, ``files``,
    ``fallback``): the profile's fonts first, then the usual candidates. A role whose own
    fonts are missing says so in the notes, naming what stands in."""
    preferred = preferred or FontPaths()

    def files(role: str) -> tuple[tuple[Path, int], ...]:
        spec = roles.get(role)
        return _role_candidates(spec, role not in ("body", "heading")) if spec is not None else ()

    body_files, heading_files = files("body"), files("heading")
    fonts = find_fonts(preferred, body_first=body_files, heading_first=heading_files)
    chosen = {"body": (fonts.body_path, body_files, preferred.body),
              "heading": (fonts.heading_path, heading_files, preferred.heading)}
    for role, (path, wanted, from_settings) in chosen.items():
        wanted_paths = {str(c) if not i else f"{c}#{i}" for c, i in wanted}
        if wanted and not from_settings and path not in wanted_paths:
            fonts.notes.append(f"版式要求的{_ROLE_NAMES[role]}字体（{roles[role].names[0]}）本机没有，"
                               f"已改用“{Path(_split(path)[0]).name}”。")
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


def available_fonts() -> list[tuple[str, str]]:
    """(name, file) of every installed TrueType CJK font, for the fonts dialog: the clerk
    chooses by the name she knows (方正仿宋_GBK, 黑体), not by a file path."""
    cjk = {(face.path, face.index) for face in font_lookup.faces_with("中")}
    found = []
    for face in font_lookup.installed_faces():
        if (face.path, face.index) in cjk:
            found.append((face.name, face.path if not face.index else f"{face.path}#{face.index}"))
    return sorted(set(found))


_ROLE_NAMES = {"body": "正文", "heading": "标题", "kai": "楷体", "title": "大标题"}
