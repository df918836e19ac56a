"""Print profiles: how the document is set on the page, as plain data both writers read.

A profile is a small JSON file in ``resources/profiles/`` (``compact`` is today's layout, the
default; ``gbt9704`` the 公文 format of GB/T 9704-2012); a bureau adds its own by dropping
another file there. It describes, in millimetres and points and without naming ReportLab or
Word: the page and its margins, fonts by role (a preference list of the usual Windows names
and font files for each role, and which role stands in when none is found), the paragraph
styles by role, the table's column widths and padding, and the page number's format and
place. No font is looked up here: the PDF writer hands the names to its font finder, the
Word writer writes the first name into the file.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from perfdesk.errors import PerfdeskError, describe_error
from perfdesk.resources import resource_path

MM = 72 / 25.4  # points per millimetre
DEFAULT_PROFILE = "compact"
FONT_ROLES = ("body", "heading", "kai", "title")
ALIGNMENTS = ("left", "center", "right", "justify")
STYLE_ROLES = (
    "cover_title", "cover_subtitle", "cover_line", "toc_title", "toc_part", "toc_entry", "part_title",
    "part2_title", "heading", "subheading", "body", "item", "table_title", "unit_left", "unit_right",
    "cell", "cell_left",
)


def profiles_dir() -> Path:
    return resource_path("profiles")


@dataclass(frozen=True)
class FontRole:
    """What a role's text is set in: ``names`` as Word and WPS know them (the first is written
    into a .docx), ``files`` to try for the PDF (a bare name is looked for in the Windows fonts
    folder), ``fallback`` the role that stands in when none of them is found."""

    names: tuple[str, ...]
    files: tuple[str, ...] = ()
    fallback: str | None = None

    @property
    def word_name(self) -> str:
        return self.names[0]


@dataclass(frozen=True)
class TextStyle:
    """One paragraph role: sizes and spacing in points."""

    font: str  # a font role
    size: float
    leading: float
    align: str = "left"
    indent: float = 0.0  # first line
    left_indent: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    keep_with_next: bool = False
    title: bool = False  # a title: keeps 绩效目标表 and bracket groups together when wrapping


@dataclass(frozen=True)
class PageNumber:
    """``format`` with ``{n}``; ``placement`` ``center`` or ``outer`` (odd pages right, even
    pages left, ``indent_chars`` characters in from the text block's edge). The number's
    baseline is ``baseline_mm`` above the page's bottom edge, or, with ``below_block_mm``, its
    top stands that far below the text block."""

    format: str
    font: str
    size: float
    placement: str = "center"
    baseline_mm: float | None = None
    below_block_mm: float | None = None
    indent_chars: float = 0.0

    def text(self, number: int) -> str:
        return self.format.replace("{n}", str(number))

    def baseline(self, margin_bottom: float) -> float:
        """Points above the bottom edge of the page."""
        if self.baseline_mm is not None:
            return self.baseline_mm * MM
        # The top of the figures is about 0.8 of the size above the baseline.
        return margin_bottom - (self.below_block_mm or 0.0) * MM - 0.8 * self.size


@dataclass(frozen=True)
class TableGeometry:
    columns_mm: tuple[float, ...]
    padding: float  # pt, each side of a cell's text
    min_row: float  # pt
    rule: float  # pt, the ruling lines

    @property
    def widths(self) -> list[float]:
        return [width * MM for width in self.columns_mm]


@dataclass(frozen=True)
class PrintProfile:
    name: str
    label: str
    description: str
    page_mm: tuple[float, float]
    margins_mm: dict[str, float]  # top, left, bottom, right
    fonts: dict[str, FontRole]
    styles: dict[str, TextStyle]
    table: TableGeometry
    page_number: PageNumber
    cover_space_mm: tuple[float, float, float] = (55.0, 10.0, 70.0)
    line_grid: float | None = None  # pt: every body line stands on this pitch
    chars_per_line: int | None = None
    lines_per_page: int | None = None
    source: str = field(default="", compare=False)

    # geometry in points
    @property
    def page_size(self) -> tuple[float, float]:
        return self.page_mm[0] * MM, self.page_mm[1] * MM

    def margin(self, side: str) -> float:
        return self.margins_mm[side] * MM

    @property
    def frame_width(self) -> float:
        return self.page_size[0] - self.margin("left") - self.margin("right")

    @property
    def frame_height(self) -> float:
        return self.page_size[1] - self.margin("top") - self.margin("bottom")

    def font_role(self, role: str) -> FontRole:
        """The role's fonts; a role the profile does not name takes its usual stand-in."""
        if role in self.fonts:
            return self.fonts[role]
        return self.fonts["heading" if role == "title" else "body"]


def _error(source: str, what: str) -> PerfdeskError:
    return PerfdeskError(f"版式文件“{source}”有误：{what}。")


def parse_profile(data: dict, source: str = "") -> PrintProfile:
    """A profile from its JSON form; a clear Chinese message naming the field if it is wrong."""
    try:
        page = data["page"]
        margins = {side: float(page["margins_mm"][side]) for side in ("top", "left", "bottom", "right")}
        fonts = {}
        for role, spec in data["fonts"].items():
            if role not in FONT_ROLES:
                raise _error(source, f"fonts 中的“{role}”不是已知的字体角色（{'、'.join(FONT_ROLES)}）")
            if not spec.get("names"):
                raise _error(source, f"fonts.{role}.names 不能为空")
            fonts[role] = FontRole(tuple(spec["names"]), tuple(spec.get("files", ())), spec.get("fallback"))
        for role in ("body", "heading"):
            if role not in fonts:
                raise _error(source, f"缺少 fonts.{role}")
        styles = {}
        for role in STYLE_ROLES:
            spec = dict(data["styles"][role])
            if spec.get("align", "left") not in ALIGNMENTS:
                raise _error(source, f"styles.{role}.align 应为 {'、'.join(ALIGNMENTS)} 之一")
            styles[role] = TextStyle(**spec)
        table = data["table"]
        number = data["page_number"]
        columns = tuple(float(width) for width in table["columns_mm"])
        if len(columns) != 7:
            raise _error(source, "table.columns_mm 应有 7 个列宽（A 至 G 列）")
        profile = PrintProfile(
            name=str(data["name"]), label=str(data.get("label", data["name"])),
            description=str(data.get("description", "")),
            page_mm=(float(page["width_mm"]), float(page["height_mm"])), margins_mm=margins,
            fonts=fonts, styles=styles,
            table=TableGeometry(columns, float(table["padding_pt"]), float(table["min_row_pt"]),
                                float(table.get("rule_pt", 0.6))),
            page_number=PageNumber(**number),
            cover_space_mm=tuple(float(v) for v in data.get("cover_space_mm", (55, 10, 70))),
            line_grid=data.get("line_grid_pt"), chars_per_line=data.get("chars_per_line"),
            lines_per_page=data.get("lines_per_page"), source=source,
        )
    except PerfdeskError:
        raise
    except KeyError as error:
        raise _error(source, f"缺少字段 {error.args[0]}") from None
    except (TypeError, ValueError, AttributeError) as error:
        raise _error(source, f"字段的值不对（{error}）") from None
    if sum(profile.table.columns_mm) > profile.frame_width / MM + 0.5:
        raise _error(source, f"表格列宽合计 {sum(profile.table.columns_mm):g} 毫米，超出版心宽度 "
                             f"{profile.frame_width / MM:.0f} 毫米")
    for role, style in profile.styles.items():
        if style.font not in FONT_ROLES:
            raise _error(source, f"styles.{role}.font 的“{style.font}”不是已知的字体角色")
    return profile


def available_profiles() -> list[str]:
    """The names of the profiles in resources/profiles, ``compact`` first."""
    names = sorted(path.stem for path in profiles_dir().glob("*.json"))
    return sorted(names, key=lambda name: name != DEFAULT_PROFILE)


def _load(path: str) -> PrintProfile:
    try:
        stamp = os.stat(path)
    except OSError as error:
        raise _error(path, f"无法读取：{describe_error(error).rstrip('。')}") from None
    # Read again when the file changed (a bureau editing its profile while the window is open).
    return _parse_file(path, stamp.st_mtime_ns, stamp.st_size)


@lru_cache(maxsize=32)
def _parse_file(path: str, _mtime: int, _size: int) -> PrintProfile:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise _error(path, f"无法读取（{error}）") from None
    return parse_profile(data, path)


def load_profile(name: str | None = None) -> PrintProfile:
    """A profile by its name (a file in resources/profiles) or by the path of a .json file."""
    name = name or DEFAULT_PROFILE
    candidate = Path(name)
    if candidate.suffix.lower() == ".json" and candidate.is_file():
        return _load(str(candidate.resolve()))
    path = profiles_dir() / f"{name}.json"
    if not path.is_file():
        raise PerfdeskError(f"没有名为“{name}”的版式。可用的版式：{'、'.join(available_profiles())}。")
    return _load(str(path))
