"""The Word styles of a print profile: each style role of the profile becomes a paragraph style.

Part titles are Word's ``heading 1``, 一、 headings and the project titles ``heading 2``,
（一） headings ``heading 3`` (so the navigation pane and the TOC field find them), the 目录
lines ``toc 1`` / ``toc 2``, the rest styles of their own (封面标题, 表格文字 …). Every style
names its font for Latin *and* East Asian text (``w:eastAsia``): WPS and Word pick the Chinese
font from the latter. Sizes, leading (exact, as in the PDF), indents and spacing are the
profile's; the styles' theme fonts, colours and bold of the default template are dropped.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from docx.oxml import parse_xml

from perfdesk.layout.profile import PrintProfile, TextStyle

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W_NS}"'

# profile role -> (styleId, name as Word knows it, outline level or None)
STYLE_OF_ROLE: dict[str, tuple[str, str, int | None]] = {
    "part_title": ("Heading1", "heading 1", 0),
    "part2_title": ("Heading1", "heading 1", 0),
    "heading": ("Heading2", "heading 2", 1),
    "table_title": ("Heading2", "heading 2", 1),
    "subheading": ("Heading3", "heading 3", 2),
    "body": ("Normal", "Normal", None),
    "item": ("Normal", "Normal", None),
    "toc_part": ("TOC1", "toc 1", None),
    "toc_entry": ("TOC2", "toc 2", None),
    "cover_title": ("perfdeskCoverTitle", "封面标题", None),
    "cover_subtitle": ("perfdeskCoverSubtitle", "封面副标题", None),
    "cover_line": ("perfdeskCoverLine", "封面署名", None),
    "toc_title": ("perfdeskTocTitle", "目录标题", None),
    "unit_left": ("perfdeskUnitLine", "单位行", None),
    "cell": ("perfdeskCell", "表格文字", None),
    "cell_left": ("perfdeskCellLeft", "表格文字居左", None),
}
# Word's jc values for the profile's alignments ("both": justified)
JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def twips(points: float) -> int:
    return round(points * 20)


def half_points(points: float) -> int:
    return round(points * 2)


def run_fonts(name: str) -> str:
    value = quoteattr(name)
    return f'<w:rFonts w:ascii={value} w:hAnsi={value} w:eastAsia={value} w:cs={value} w:hint="eastAsia"/>'


def run_properties(profile: PrintProfile, style: TextStyle, bold: bool = False) -> str:
    font = profile.font_role(style.font).word_name
    size = half_points(style.size)
    weight = "<w:b/><w:bCs/>" if bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
    return (f"<w:rPr>{run_fonts(font)}{weight}<w:i w:val=\"0\"/><w:iCs w:val=\"0\"/>"
            f'<w:color w:val="000000"/><w:kern w:val="0"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
            '<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>')


def paragraph_properties(profile: PrintProfile, style: TextStyle, outline: int | None,
                         tabs: str = "") -> str:
    keep = "<w:keepNext/><w:keepLines/>" if style.keep_with_next or outline is not None else ""
    # Always written: a style based on Normal would otherwise inherit the body's indent.
    indent = f'<w:ind w:left="{twips(style.left_indent)}" w:right="0" w:firstLine="{twips(style.indent)}"/>'
    level = f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""
    # Exact leading: the text sits on the profile's line pitch as in the PDF (GB/T 9704's grid).
    spacing = (f'<w:spacing w:before="{twips(style.space_before)}" w:after="{twips(style.space_after)}" '
               f'w:line="{twips(style.leading)}" w:lineRule="exact"/>')
    # Not snapped to the document grid: the leading is exact already, and a table cell's
    # smaller lines would otherwise each take a whole grid line (LibreOffice does so). No extra
    # space between Chinese and digits (2024年), as in the PDF and the published texts.
    return (f"<w:pPr>{keep}<w:widowControl w:val=\"0\"/>{tabs}<w:autoSpaceDE w:val=\"0\"/><w:autoSpaceDN w:val=\"0\"/><w:snapToGrid w:val=\"0\"/>{spacing}{indent}"
            f'<w:jc w:val="{JC[style.align]}"/>{level}</w:pPr>')


def _style_xml(style_id: str, name: str, ppr: str, rpr: str, based_on: str | None) -> str:
    base = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    default = ' w:default="1"' if style_id == "Normal" else ""
    return (f'<w:style {NSDECL} w:type="paragraph"{default} w:customStyle="{0 if name.isascii() else 1}" '
            f'w:styleId="{style_id}"><w:name w:val={quoteattr(name)}/>{base}'
            f'<w:next w:val="Normal"/><w:qFormat/>{ppr}{rpr}</w:style>')


def apply_styles(document, profile: PrintProfile) -> None:
    """Define (or redefine) the profile's paragraph styles in a python-docx Document."""
    styles_element = document.styles.element
    # Defaults for anything not styled (empty paragraphs, the footer): the body font.
    body = profile.styles["body"]
    defaults = styles_element.find(f"{{{W_NS}}}docDefaults")
    if defaults is not None:
        styles_element.remove(defaults)
    styles_element.insert(0, parse_xml(
        f'<w:docDefaults {NSDECL}><w:rPrDefault>{run_properties(profile, body)}</w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
        '</w:docDefaults>'))
    width = twips(profile.frame_width)
    done: set[str] = set()
    for role, (style_id, name, outline) in STYLE_OF_ROLE.items():
        if style_id in done:
            continue
        done.add(style_id)
        spec = profile.styles[role]
        tabs = ""
        if style_id in ("TOC1", "TOC2"):  # the page number at the right, dots leading to it
            tabs = f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{width}"/></w:tabs>'
        elif style_id == "perfdeskUnitLine":  # 单位：万元 at the right margin
            tabs = f'<w:tabs><w:tab w:val="right" w:pos="{width}"/></w:tabs>'
        ppr = paragraph_properties(profile, spec, outline, tabs)
        rpr = run_properties(profile, spec)
        for old in styles_element.findall(f"{{{W_NS}}}style"):
            if old.get(f"{{{W_NS}}}styleId") == style_id:
                styles_element.remove(old)
        styles_element.append(parse_xml(_style_xml(style_id, name, ppr, rpr,
                                                   None if style_id == "Normal" else "Normal")))
