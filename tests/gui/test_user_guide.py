"""Help ▸ 使用说明 (F1): the user guide in Chinese (English with --lang en), non-modal, read from
resources/help through resource_path; its contents links lead somewhere and every shortcut it
lists is a shortcut of the window."""

from __future__ import annotations

import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtWidgets import QApplication

from main_window_support import answers, settings_dir, window  # noqa: F401 - fixtures
from perfdesk.resources import resource_path, resources_dir
from perfdesk.ui.app import set_language
from perfdesk.ui.user_guide import CONTENTS_ANCHOR, GUIDE_FILES, UserGuideDialog, guide_path

ROOT = Path(__file__).resolve().parents[2]
PORTABLE = QKeySequence.SequenceFormat.PortableText


@pytest.fixture
def chinese_ui(qapp):
    """The default interface language (set before the window is made: list it before ``window``)."""
    set_language(qapp, None)
    yield
    set_language(qapp, "en")


@pytest.fixture
def english_ui(qapp):
    set_language(qapp, "en")
    yield


@pytest.fixture(params=["zh_CN", "en"])
def ui_language(request, qapp):
    """Each interface language in turn (list it before ``window``, which is then made in it)."""
    set_language(qapp, None if request.param == "zh_CN" else "en")
    yield request.param
    set_language(qapp, "en")


def open_guide(qtbot, window) -> UserGuideDialog:
    qtbot.keyClick(window.tree, Qt.Key.Key_F1)
    dialog = window.findChild(UserGuideDialog, "userGuide")
    assert dialog is not None, "F1 opened no user guide"
    qtbot.waitExposed(dialog)
    return dialog


# ------------------------------------------------------------- reading the HTML
class GuideParser(HTMLParser):
    """Anchors, links, the links of the contents table and the rows of the shortcut tables."""

    def __init__(self) -> None:
        super().__init__()
        self.anchors: list[str] = []  # in the order of the text
        self.links: list[str] = []
        self.contents_links: list[str] = []
        self.shortcut_tables: list[list[list[str]]] = []  # table → rows → cell texts
        self.scripts = 0
        self._after_contents = False
        self._in_contents_table = False
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._shortcuts = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("name", "id"):
            if attrs.get(key) and (key == "id" or tag == "a"):
                self.anchors.append(attrs[key])
        if attrs.get("name") == CONTENTS_ANCHOR:
            self._after_contents = True
        if tag == "script":
            self.scripts += 1
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
            if self._in_contents_table:
                self.contents_links.append(attrs["href"])
        if tag == "table":
            self._in_contents_table = self._after_contents and "contents" in (attrs.get("class") or "")
            self._after_contents = False
            self._shortcuts = "shortcuts" in (attrs.get("class") or "")
            if self._shortcuts:
                self.shortcut_tables.append([])
        elif tag == "tr" and self._shortcuts:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = [] if tag == "td" else None

    def handle_endtag(self, tag):
        if tag == "table":
            self._in_contents_table = self._shortcuts = False
        elif tag in ("td", "th") and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._row:  # header rows (th only) leave no cells
                self.shortcut_tables[-1].append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def parse(path: Path) -> GuideParser:
    parser = GuideParser()
    parser.feed(path.read_text("utf-8"))
    return parser


def listed_shortcuts(table: list[list[str]]) -> list[tuple[str, str]]:
    """(key, command) pairs of a table laid out as key | command | key | command; a cell
    "Ctrl+↑ / Ctrl+↓" with "上移 / 下移" gives two pairs."""
    pairs = []
    for row in table:
        for key_cell, command in zip(row[0::2], row[1::2]):
            if not key_cell:
                continue
            keys, names = key_cell.split(" / "), command.split(" / ")
            for n, key in enumerate(keys):
                pairs.append((key, names[n] if len(names) == len(keys) else command))
    return pairs


def key_text(listed: str) -> str:
    sequence = QKeySequence.fromString(listed.replace("↑", "Up").replace("↓", "Down"), PORTABLE)
    assert sequence.count() == 1 and not sequence.isEmpty(), f"the guide lists {listed!r}, not a key"
    return sequence.toString(PORTABLE)


def command_name(action: QAction) -> str:
    """"撤销(&U)" → "撤销", "Delete…" → "Delete", "导出 PDF(&E)…" → "导出 PDF"."""
    return re.sub(r"\(&\w\)", "", action.text()).replace("&", "").rstrip("…").rstrip(".").strip()


def qt_anchor_names(document: QTextDocument) -> set[str]:
    names: set[str] = set()
    block = document.begin()
    while block.isValid():
        for fragment in block:
            names.update(fragment.fragment().charFormat().anchorNames())
        block = block.next()
    return names


# ---------------------------------------------------------------------- tests
def test_f1_opens_the_guide_beside_the_window_without_blocking_it(qtbot, window):
    assert window.guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    assert window.guide_action.shortcut().toString(PORTABLE) == "F1"
    dialog = open_guide(qtbot, window)
    assert dialog.isVisible() and not dialog.isModal()
    assert QApplication.activeModalWidget() is None
    assert dialog.parent() is window
    assert dialog.size().width() >= 700 and dialog.size().height() >= 600
    dialog.close()
    window.guide_action.trigger()  # Help ▸ User guide: the same dialog again
    assert dialog.isVisible()
    assert window.findChildren(UserGuideDialog) == [dialog]


def test_the_help_menu_offers_the_guide_before_about(window):
    help_menu = next(action.menu() for action in window.menuBar().actions() if action.text() == "&Help")
    entries = [action for action in help_menu.actions() if not action.isSeparator()]
    assert entries == [window.guide_action, window.about_action]


def test_the_chinese_guide_is_shown_by_default(qtbot, chinese_ui, window):
    assert window.guide_action.text() == "使用说明(&U)"
    dialog = open_guide(qtbot, window)
    assert dialog.windowTitle() == "使用说明"
    assert dialog.path == resource_path("help", "guide_zh_CN.html")
    browser = dialog.browser
    assert browser.source().toLocalFile() == str(dialog.path)
    assert browser.documentTitle() == "perfdesk 使用说明"
    assert "#1f4e79" in browser.document().defaultStyleSheet()  # resources/help/guide.css: the headings' blue
    text = browser.toPlainText()
    for heading in ("1. 打开与新建", "4. 项目表", "5. 绩效指标表格", "6. 审核", "7. 撤销、保存与恢复副本",
                    "8. 导出 PDF 与打印", "9. 快捷键", "10. 常见问题"):
        assert heading in text, heading
    for fact in ("万元", "累计", "≥95%", "文件名~.xlsx", "恢复／丢弃／以后再说", "不阻止保存和打印"):
        assert fact in text, fact


def test_the_english_interface_shows_the_english_guide(qtbot, english_ui, window):
    dialog = open_guide(qtbot, window)
    assert dialog.windowTitle() == "User guide"
    assert dialog.path == resource_path("help", "guide_en.html")
    assert dialog.browser.documentTitle() == "perfdesk user guide"
    text = dialog.browser.toPlainText()
    for heading in ("1. Opening and creating", "4. Review", "7. Keyboard shortcuts", "8. Common problems"):
        assert heading in text, heading


@pytest.mark.parametrize("language", sorted(GUIDE_FILES))
def test_every_link_leads_to_an_anchor_of_the_guide(qtbot, language):
    path = guide_path(language)
    guide = parse(path)
    assert len(guide.contents_links) >= 8, "the contents list at the top"
    assert guide.scripts == 0
    for link in guide.links:
        assert link.startswith("#"), f"{path.name}: {link} leaves the guide"
        assert link[1:] in guide.anchors, f"{path.name}: {link} leads nowhere"
    # Qt sees the same anchors, and scrolling to the sections in order goes down the text.
    dialog = UserGuideDialog(language=language)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert {link[1:] for link in guide.contents_links} <= qt_anchor_names(dialog.browser.document())
    bar, positions = dialog.browser.verticalScrollBar(), []
    for name in sorted((link[1:] for link in guide.contents_links), key=guide.anchors.index):
        dialog.browser.scrollToAnchor(name)
        positions.append(bar.value())
    assert positions == sorted(positions) and positions[-1] > 0
    dialog.show_contents()
    assert bar.value() == 0


def test_each_shortcut_the_guide_lists_is_on_that_action_of_the_window(ui_language, window):
    tables = parse(guide_path(ui_language)).shortcut_tables
    # The whole window, then the department tree, then the indicator grid.
    assert len(tables) == 3
    listed: set[str] = set()
    for table, scope in zip(tables, (window, window.tree, window.grid)):
        actions = scope.findChildren(QAction)
        for key, command in listed_shortcuts(table):
            wanted = key_text(key)
            listed.add(wanted)
            owners = [action for action in actions if wanted in [s.toString(PORTABLE) for s in action.shortcuts()]]
            assert owners, f"{ui_language}: {key} ({command}) is no shortcut of {type(scope).__name__}"
            assert any(command_name(action) in command for action in owners), (
                f"{ui_language}: {key} is {[command_name(a) for a in owners]}, the guide says {command}")
    # And the other way: every menu command with a key is in the guide (Quit has none with
    # the Windows key bindings, which the offscreen platform uses too).
    for action in _menu_actions(window):
        for sequence in action.shortcuts()[:1]:
            key = sequence.toString(PORTABLE)
            assert key in listed, f"{command_name(action)}: {key} is not in the guide"


def _menu_actions(window) -> list[QAction]:
    found, menus = [], [action.menu() for action in window.menuBar().actions() if action.menu()]
    while menus:
        menu = menus.pop()
        for action in menu.actions():
            if action.menu():
                menus.append(action.menu())
            elif not action.isSeparator():
                found.append(action)
    return found


def test_the_guides_are_resources_that_the_bundle_carries(monkeypatch, tmp_path):
    for language, name in GUIDE_FILES.items():
        path = guide_path(language)
        assert path == resources_dir() / "help" / name and path.is_file()
    assert guide_path("fr") == guide_path("zh_CN")  # an unknown language gets the Chinese guide
    # installer/perfdesk.spec collects the whole resources folder, help/ included ...
    spec = (ROOT / "installer" / "perfdesk.spec").read_text("utf-8")
    assert '(str(ROOT / "resources"), "resources")' in spec
    # ... and in the bundle the guide is read from there (sys._MEIPASS), not from the checkout.
    bundle = tmp_path / "bundle"
    shutil.copytree(resources_dir() / "help", bundle / "resources" / "help")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert guide_path("zh_CN") == bundle / "resources" / "help" / "guide_zh_CN.html"
    assert guide_path("zh_CN").is_file()


def test_a_missing_guide_says_so(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)  # a bundle without resources/help
    dialog = UserGuideDialog(language="zh_CN")
    qtbot.addWidget(dialog)
    assert "guide_zh_CN.html" in dialog.browser.toPlainText()
