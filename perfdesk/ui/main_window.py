"""The main window: the department tree on the left, the editor of the selected node in the
centre, review findings in a dock at the bottom, totals in the status bar, and the menus.

The window owns one document and its undo stack at a time. Opening, creating or importing
reads the new document whole first and only then swaps it in with a fresh, clean stack; the
title's ``*`` and the "save changes?" question come from the stack's clean state. File work
(save, export, print, import) lives in :mod:`perfdesk.ui.file_actions`; errors for
the clerk appear in a message box, never as a traceback.

What the reader saw in an opened workbook but could not place is listed in the 打开说明 dock
(:mod:`perfdesk.ui.open_notes`) for as long as that document is open; :meth:`MainWindow.install`
is the one place a document enters the window, and it replaces (or empties) that list.

While a workbook is open the window holds its owner file (``~$name.xlsx``, see
:meth:`MainWindow.hold`) and remembers its fingerprint; a read-only window (someone else holds
the file) says so in the title. Nothing in the keystroke path visits the whole document: the
status bar's sums are recomputed only after changes to amounts or to the list of projects, and
its review count comes from the review dock's own signal once typing pauses.
"""

from __future__ import annotations

import gc
import re
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QUndoGroup,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from perfdesk.fileio.safe_save import same_file
from perfdesk.model import INDICATOR_FIELDS, Document, format_amount
from perfdesk.resources import resource_path
from perfdesk.ui.app import DEFAULT_LANGUAGE, LANGUAGES
from perfdesk.ui.compare_panel import ComparePanel
from perfdesk.ui.cover_editor import CoverEditor, document_totals
from perfdesk.ui.department_tree import DepartmentTree
from perfdesk.ui.file_actions import FileActions
from perfdesk.ui.open_notes import OpenNotesPanel
from perfdesk.ui.part1_editor import Part1Editor
from perfdesk.ui.project_editor import ProjectEditor
from perfdesk.ui.project_search import ProjectSearchPane
from perfdesk.ui.recovery import AutoSaver
from perfdesk.ui.review_panel import ReviewPanel
from perfdesk.ui.review_papers import ReviewPapers
from perfdesk.ui.settings import Settings
from perfdesk.ui.unit_editor import UnitEditor
from perfdesk.ui.word_export import export_word

if TYPE_CHECKING:
    from perfdesk.fileio.read_result import ReadNote

# From this many projects, the document's objects are kept out of the collector's full passes.
_FREEZE_FROM = 100
# The project fields the status bar's sums are made of.
_BUDGET_FIELDS = {"budget_total", "budget_fiscal", "budget_other"}


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings or Settings()
        self.path: Path | None = None
        self.document = Document()
        self.undo_group = QUndoGroup(self)
        self.undo_stack = QUndoStack(self)
        self.undo_group.addStack(self.undo_stack)
        self.undo_group.setActiveStack(self.undo_stack)
        self.node: tuple[str, int, int] = ("document", -1, -1)
        self.read_notes: list[ReadNote] = []  # what opening self.path did not place (打开说明)
        self.origins = None  # where each field of self.path came from (findings name those cells)
        self.read_from: Path | None = None  # the file those notes are about
        self.losses_confirmed = False  # the clerk agreed once to save over it without them
        self.read_only = False  # opened while someone else held it: Save goes to Save As
        self.owner = None  # fileio.owner_file.OwnerFile: the ~$name.xlsx this window wrote
        self.fingerprint = None  # fileio.disk_state.Fingerprint of self.path as read or saved
        self._node_item: object = None
        self._watch_totals(self.document)
        icon = resource_path("icons", "perfdesk.png")
        if icon.is_file():
            self.setWindowIcon(QIcon(str(icon)))

        self.tree = DepartmentTree(self.document, self.undo_stack, self)
        self.tree.setMinimumWidth(220)
        self.tree.nodeSelected.connect(self._on_node)
        self.editors = QStackedWidget()
        self.editors.setObjectName("editorStack")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.tree_pane = ProjectSearchPane(self.tree)  # the "查找项目" field above the tree
        self.search = self.tree_pane.field
        self.splitter.addWidget(self.tree_pane)
        self.splitter.addWidget(self.editors)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 1030])
        self.setCentralWidget(self.splitter)

        self.review = ReviewPanel(self.document, self.undo_stack, self)
        self.review.findingActivated.connect(self.show_finding)
        # The dock follows the tree: a project's findings, or the document's for the other nodes.
        self.tree.nodeSelected.connect(
            lambda kind, unit, project: self.review.follow(unit, project) if kind == "project"
            else self.review.follow(-1, -1))
        # Review rule data chosen in the panel (another region's) is remembered between runs.
        if self.settings.review_rules():
            self.review.set_rules_file(self.settings.review_rules(), ask=False)
        self.review.rulesChanged.connect(self.settings.set_review_rules)
        self.review.countsChanged.connect(lambda *_: self._update_review_count())
        self.review_dock = QDockWidget(self.tr("Review"), self)
        self.review_dock.setObjectName("reviewDock")
        self.review_dock.setWidget(self.review)
        self.review_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                                     | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.review_dock)
        self.open_notes = OpenNotesPanel(self)
        self.open_notes_dock = QDockWidget(self.tr("Opening notes"), self)
        self.open_notes_dock.setObjectName("openNotesDock")
        self.open_notes_dock.setWidget(self.open_notes)
        self.open_notes_dock.setFeatures(self.review_dock.features())
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.open_notes_dock)
        self.tabifyDockWidget(self.review_dock, self.open_notes_dock)
        self.compare_panel = ComparePanel(self)
        self.compare_panel.changeActivated.connect(self.show_finding)
        self.compare_dock = QDockWidget(self.tr("Comparison"), self)
        self.compare_dock.setObjectName("compareDock")
        self.compare_dock.setWidget(self.compare_panel)
        self.compare_dock.setFeatures(self.review_dock.features())
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.compare_dock)
        self.tabifyDockWidget(self.review_dock, self.compare_dock)
        self.compare_dock.hide()  # until File ▸ Compare with another version…

        self.totals = QLabel()
        self.totals.setObjectName("totals")
        self.errors_label = QLabel()
        self.errors_label.setObjectName("reviewCount")
        self.statusBar().addPermanentWidget(self.errors_label)
        divider = QFrame()  # the two read as one run of text without it
        divider.setFrameShape(QFrame.Shape.VLine)
        divider.setFrameShadow(QFrame.Shadow.Sunken)
        self.statusBar().addPermanentWidget(divider)
        self.statusBar().addPermanentWidget(self.totals)

        self.files = FileActions(self)
        self.papers = ReviewPapers(self)
        self.recovery = AutoSaver(self)  # recovery copies while there are unsaved changes
        self._build_editors()
        self._build_menus()
        self._connect_stack()
        self.setAcceptDrops(True)
        self.resize(1280, 720)
        geometry, state = self.settings.geometry(), self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        else:
            self.resizeDocks([self.review_dock], [170], Qt.Orientation.Vertical)
        self.set_read_notes([], None)  # a dock left open at the last close has nothing to show yet
        self._update_title()
        self._update_status()
        self.select("document")

    # ----------------------------------------------------------- the document
    def install(self, document: Document, path: Path | None, saved: bool = True,
                notes: Sequence[ReadNote] = (), origins=None,  # noqa: ANN001 - fileio.Origins
                read_only: bool = False) -> None:
        """Show ``document`` (already read whole) with a fresh undo stack; ``saved`` False marks it
        unsaved. ``notes``: what reading ``path`` did not place, listed in the 打开说明 dock;
        ``origins``: where its fields came from, so that findings name the workbook's cells;
        ``read_only``: someone else holds ``path`` (no owner file is taken, Save asks for a name)."""
        self.files.finish()  # a save still being written belongs to the document being replaced
        gc.unfreeze()  # the document being replaced may be collected again (see the end)
        self.recovery.discard()  # the clerk has decided about the document being replaced
        old_stack = self.undo_stack
        for editor in (self.cover_editor, self.part1_editor, self.unit_editor, self.project_editor):
            editor.detach()
            self.editors.removeWidget(editor)
            editor.deleteLater()
        self.document, self.path = document, (Path(path) if path else None)
        self.hold(self.path, read_only)
        self.undo_stack = QUndoStack(self)
        self.undo_group.addStack(self.undo_stack)
        self.undo_group.setActiveStack(self.undo_stack)
        self.undo_group.removeStack(old_stack)
        old_stack.deleteLater()
        self._watch_totals(document)
        self.tree.set_document(document, self.undo_stack)
        self.review.set_document(document, self.undo_stack)
        self.compare_panel.set_document(document)
        self.set_origins(origins)
        self._build_editors()
        self._fill_indicator_menu()
        self._connect_stack()
        if not saved:
            self.undo_stack.resetClean()  # a new import is not on disk yet: closing must ask
        self.set_read_notes(notes, self.path)
        self._update_title()
        self._update_status()
        self.select("document")
        self.files.prepare()
        # A large document's objects (2,000 projects: about a million) live as long as it is
        # open. Out of the collector's full passes, they no longer stop typing or the end of a
        # save for 0.1–0.2 s each time many objects come and go.
        if document.project_count() >= _FREEZE_FROM:
            gc.collect()
            gc.freeze()

    def hold(self, path: Path | None, read_only: bool = False) -> None:
        """``path`` is now this window's file: the owner file beside a workbook says so to Excel,
        WPS and other perfdesk windows (the previous file's is removed), and its fingerprint is
        what a later save compares the file on disk with."""
        from perfdesk.fileio import disk_state, owner_file

        if self.owner is not None:
            self.owner.release()
            self.owner = None
        self.read_only = bool(read_only and path)
        if path is not None and not self.read_only and path.suffix.lower() == ".xlsx":
            self.owner = owner_file.take(path)
        self.fingerprint = disk_state.Fingerprint.of(path) if path is not None and path.is_file() else None

    def set_origins(self, origins) -> None:  # noqa: ANN001 - perfdesk.fileio.Origins or None
        """Where the fields of the file now on disk came from (after opening or saving it)."""
        self.origins = origins
        self.review.set_origins(origins)

    def set_read_notes(self, notes: Sequence[ReadNote], source: Path | None) -> None:
        """List what reading ``source`` did not place (nothing: the dock goes and its View entry is off)."""
        self.read_notes, self.read_from = list(notes), (Path(source) if notes and source else None)
        self.losses_confirmed = False
        self.open_notes.set_notes(self.read_notes, self.read_from)
        self.open_notes_dock.toggleViewAction().setEnabled(bool(self.read_notes))
        if self.read_notes:
            self.open_notes_dock.show()
            self.open_notes_dock.raise_()
        else:
            self.open_notes_dock.hide()

    def losses_on_saving_to(self, path: Path) -> int:
        """How many noted items of the opened file saving over it with ``path`` would drop
        without the clerk having agreed to it (0: nothing to ask)."""
        if self.losses_confirmed or self.read_from is None or not same_file(path, self.read_from):
            return 0
        return sum(1 for note in self.read_notes if not note.kept)

    def _build_editors(self) -> None:
        self.cover_editor = CoverEditor(self.document, self.undo_stack)
        self.part1_editor = Part1Editor(self.document, self.undo_stack)
        self.unit_editor = UnitEditor(self.document, self.undo_stack)
        self.unit_editor.projectChosen.connect(lambda unit, project: self.select("project", unit, project))
        self.project_editor = ProjectEditor(self.document, self.undo_stack)
        for editor in (self.cover_editor, self.part1_editor, self.unit_editor, self.project_editor):
            self.editors.addWidget(editor)
        self.grid = self.project_editor.grid
        # The indicator library (指标库) outlives the editors; its index is brought up to date in
        # a background thread once the window is up.
        if getattr(self, "library", None) is None:
            from perfdesk.ui.library_settings import LibraryService

            self.library = LibraryService.from_settings(self.settings, self)
            QTimer.singleShot(0, self.library.update)
        self.grid.set_library(self.library)

    def _connect_stack(self) -> None:
        self.undo_stack.cleanChanged.connect(self._update_title)
        self.undo_stack.indexChanged.connect(self._after_command)
        self.recovery.watch(self.undo_stack)

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    # -------------------------------------------------------------- selection
    def select(self, kind: str, unit: int = -1, project: int = -1) -> None:
        """Select a node in the tree and show its editor."""
        self._shown = False
        self.tree.select_node(kind, unit, project)  # shows the editor through nodeSelected ...
        if not self._shown:  # ... unless the tree's current row did not change
            self._on_node(kind, unit, project)

    def _on_node(self, kind: str, unit: int, project: int) -> None:
        self._shown = True
        if kind == "project" and self._exists(unit, project):
            self.project_editor.set_project(unit, project)
            editor, item = self.project_editor, self.document.project(unit, project)
        elif kind == "unit" and 0 <= unit < len(self.document.units):
            self.unit_editor.set_unit(unit)
            editor, item = self.unit_editor, self.document.units[unit]
        elif kind == "part1":
            editor, item = self.part1_editor, self.document.part1
        else:
            kind, unit, project = "document", -1, -1
            editor, item = self.cover_editor, self.document
        self.node, self._node_item = (kind, unit, project), item
        self.editors.setCurrentWidget(editor)
        editor.refresh()

    def _exists(self, unit: int, project: int) -> bool:
        return 0 <= unit < len(self.document.units) and 0 <= project < len(self.document.units[unit].projects)

    def _after_command(self, *_: object) -> None:
        self._follow()
        if self._totals_stale:  # a name or an indicator typed: the sums are as they were
            self._update_totals()

    def _watch_totals(self, document: Document) -> None:
        """Mark the status bar's sums stale only on changes that can alter them: summing 2,000
        projects after every keystroke costs more than the keystroke itself."""
        previous = getattr(self, "_totals_document", None)
        if previous is not None:
            previous.unsubscribe(self._totals_changed)
        self._totals_document = document
        self._totals_stale = True
        document.subscribe(self._totals_changed)

    def _totals_changed(self, change) -> None:  # noqa: ANN001 - perfdesk.model.Change
        if (change.target in ("document", "unit") and change.action != "updated"
                or change.target == "project" and (change.action != "updated" or _BUDGET_FIELDS & set(change.fields))):
            self._totals_stale = True

    def _follow(self) -> None:
        """Keep showing the same unit or project after a command moved it (or go to the cover)."""
        kind, unit, project = self.node
        if kind == "project":
            if self._exists(unit, project) and self.document.project(unit, project) is self._node_item:
                return
            for u, p, _, found in self.document.projects():
                if found is self._node_item:
                    self.select("project", u, p)
                    return
            if self._exists(unit, project):  # the whole document was replaced: stay at the place
                self.select("project", unit, project)
            else:
                self.select("document")
        elif kind == "unit":
            units = self.document.units
            if 0 <= unit < len(units) and units[unit] is self._node_item:
                return
            for u, found in enumerate(units):
                if found is self._node_item:
                    self.select("unit", u)
                    return
            self.select("unit", unit) if 0 <= unit < len(units) else self.select("document")

    def find_and_replace(self) -> None:
        """Edit ▸ 查找和替换 (Ctrl+H): across every project, 全部替换 as one undo step."""
        from perfdesk.ui.find_replace import open_find_replace

        open_find_replace(self)

    def show_finding(self, unit: int, project: int, row: int, field: str) -> None:
        """Go to the cell or field a review finding points at."""
        if unit >= 0 and project >= 0 and self._exists(unit, project):
            self.select("project", unit, project)
            if row >= 0:
                self.grid.select_cell(row, field if field in INDICATOR_FIELDS else "level3")
                self.grid.view.setFocus()
            else:
                self.project_editor.focus_field(field)
        elif unit >= 0 and 0 <= unit < len(self.document.units):
            self.select("unit", unit)
        elif field in ("overall_goal", "sub_goals", "measures"):
            self.select("part1")
            self.part1_editor.tabs.setCurrentIndex(("overall_goal", "sub_goals", "measures").index(field))
        else:
            self.select("document")
            widget = {"department": self.cover_editor.department, "year": self.cover_editor.year,
                      "cover": self.cover_editor.prepared_by}.get(field)
            if widget is not None:
                widget.setFocus()

    # ----------------------------------------------------------------- status
    def _update_title(self, *_: object) -> None:
        name = self.path.name if self.path else self.tr("Untitled")
        if self.read_only:
            name += " " + self.tr("(read-only)")
        suffix = self.tr("perfdesk budget performance text")
        self.setWindowTitle(f"{name}[*] — {suffix}")
        self.setWindowModified(self.is_modified())

    def _update_status(self) -> None:
        self._update_totals()
        self._update_review_count()

    def _update_totals(self) -> None:
        self._totals_stale = False
        count, total, fiscal, other = document_totals(self.document)
        self.totals.setText(self.tr("%n project(s)", "", count) + "    "
                            + self.tr("Budget %1  fiscal %2  other %3 (10,000 yuan)")
                            .replace("%1", format_amount(total)).replace("%2", format_amount(fiscal))
                            .replace("%3", format_amount(other)))

    def _update_review_count(self) -> None:
        # The count of the last check, never a check of its own: the review dock re-checks once
        # typing pauses and then says so through countsChanged.
        if self.review.checking():
            self.errors_label.setText(self.tr("Review: checking…"))
            return
        errors = self.review.checked_error_count()
        self.errors_label.setText(self.tr("Review: %n error(s)", "", errors) if errors
                                  else self.tr("Review: no errors"))

    # ------------------------------------------------------------------ menus
    def _build_menus(self) -> None:
        f = self.files
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_action = self._action(file_menu, self.tr("&New"), f.new, QKeySequence.StandardKey.New)
        self.open_action = self._action(file_menu, self.tr("&Open…"), f.open, QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.save_action = self._action(file_menu, self.tr("&Save"), f.save, QKeySequence.StandardKey.Save)
        self.save_as_action = self._action(file_menu, self.tr("Save &as…"), f.save_as,
                                           QKeySequence.StandardKey.SaveAs)
        file_menu.addSeparator()
        self.import_action = self._action(file_menu, self.tr("&Import last year's text…"), f.import_text)
        self.rollover_action = self._action(file_menu, self.tr("Make next year's &draft…"), f.rollover)
        self.compare_action = self._action(file_menu, self.tr("&Compare with another version…"), f.compare_with)
        file_menu.addSeparator()
        self.export_action = self._action(file_menu, self.tr("&Export PDF…"), f.export_pdf, "Ctrl+E")
        self.export_word_action = self._action(file_menu, self.tr("Export &Word…"), lambda: export_word(self))
        self.preview_action = self._action(file_menu, self.tr("Print pre&view…"), f.print_preview, "Ctrl+Shift+P")
        self.print_action = self._action(file_menu, self.tr("&Print…"), f.print, QKeySequence.StandardKey.Print)
        file_menu.addSeparator()
        self.fonts_action = self._action(file_menu, self.tr("PDF &fonts…"), f.choose_fonts)
        self.library_settings_action = self._action(file_menu, self.tr("Indicator &library…"), self.library_settings)
        file_menu.addSeparator()
        self.quit_action = self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts(_redo_shortcuts())
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.find_action = self._action(edit_menu, self.tr("&Find project…"), self.tree_pane.focus_field,
                                        QKeySequence.StandardKey.Find)
        self.replace_action = self._action(edit_menu, self.tr("Find and rep&lace…"), self.find_and_replace, "Ctrl+H")
        edit_menu.addSeparator()
        for action in _public_actions(self.tree):
            edit_menu.addAction(action)
        if isinstance(getattr(self.tree, "move_to_unit_menu", None), QMenu):
            edit_menu.addMenu(self.tree.move_to_unit_menu)
        edit_menu.addSeparator()
        self.indicator_menu = edit_menu.addMenu(self.tr("&Indicators"))
        self._fill_indicator_menu()

        review_menu = self.menuBar().addMenu(self.tr("&Review"))
        self.annotate_action = self._action(review_menu, self.tr("Export &annotated copy…"),
                                            self.papers.export_annotated)
        self.report_action = self._action(review_menu, self.tr("Export review &report (PDF)…"),
                                          self.papers.export_report)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        toggle = self.review_dock.toggleViewAction()
        toggle.setText(self.tr("&Review findings"))
        view_menu.addAction(toggle)
        self.open_notes_action = self.open_notes_dock.toggleViewAction()
        self.open_notes_action.setText(self.tr("&Opening notes"))
        view_menu.addAction(self.open_notes_action)
        self.compare_view_action = self.compare_dock.toggleViewAction()
        self.compare_view_action.setText(self.tr("&Comparison"))
        view_menu.addAction(self.compare_view_action)
        view_menu.addSeparator()
        self.language_menu = view_menu.addMenu(self.tr("&Language"))
        self.language_actions = QActionGroup(self)
        chosen = self.settings.language() or DEFAULT_LANGUAGE
        for code, name in LANGUAGES:  # each language named in itself, as language lists are
            action = self.language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.setData(code)
            self.language_actions.addAction(action)
        self.language_actions.triggered.connect(self._language_chosen)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.guide_action = self._action(help_menu, self.tr("&User guide"), self.user_guide,
                                         QKeySequence.StandardKey.HelpContents)
        help_menu.addSeparator()
        self.about_action = self._action(help_menu, self.tr("&About perfdesk"), self.about)

        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.setMovable(False)
        for action in (self.new_action, self.open_action, self.save_action, None, self.undo_action,
                       self.redo_action, None, self.export_action, self.preview_action, self.print_action):
            toolbar.addSeparator() if action is None else toolbar.addAction(action)
        # Buttons read "保存", not "保存(S)…"; Undo and Redo keep their short name so that the
        # buttons after them stay put while the command names change (the tooltip tells).
        for action in (self.new_action, self.open_action, self.save_action, self.export_action,
                       self.preview_action, self.print_action):
            action.setIconText(_button_text(action.text()))
        self.undo_action.setIconText(_button_text(self.tr("&Undo")))
        self.redo_action.setIconText(_button_text(self.tr("&Redo")))
        self.toolbar = toolbar

    def _fill_indicator_menu(self) -> None:
        # The grid is rebuilt with each document, and its actions with it.
        self.indicator_menu.clear()
        for action in _public_actions(self.grid):
            self.indicator_menu.addAction(action)

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files()
        self.recent_menu.setToolTipsVisible(True)
        for number, path in enumerate(files, 1):
            # "&1 抚宁2024.xlsx  —  …/科室/2024": an accelerator for the first nine, the name,
            # the last two folders; the whole path is the tooltip, status tip and data.
            # An "&" in a name is doubled so that it shows instead of making a mnemonic.
            where = Path(path).parent
            if len(where.parts) > 3:
                where = Path("…", *where.parts[-2:])
            text = f"{Path(path).name}  —  {where}".replace("&", "&&")
            action = self.recent_menu.addAction(f"&{number} {text}" if number <= 9 else text)
            action.setData(path)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.files.open(p))
        if not files:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear list"), self.settings.clear_recent)

    def _language_chosen(self, action: QAction) -> None:
        code = action.data()
        if code == (self.settings.language() or DEFAULT_LANGUAGE):
            return
        self.settings.set_language(code)
        # Rebuilding every open widget in the other language is not worth it for a choice made once.
        QMessageBox.information(self, self.tr("Language"),
                                self.tr("The interface language changes the next time perfdesk starts."))

    def user_guide(self) -> None:
        """Help ▸ 使用说明 (F1): the guide in the interface's language, beside the window (not modal)."""
        from perfdesk.ui.user_guide import show_user_guide

        show_user_guide(self)

    def about(self) -> None:
        from perfdesk.ui.about import show_about

        show_about(self)

    # ------------------------------------------------------------ window events
    def library_settings(self) -> None:
        """Settings ▸ 指标库…: the folders the indicator library is built from."""
        from perfdesk.ui.library_settings import LibrarySettingsDialog

        LibrarySettingsDialog(self.library, self.settings, self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.files.finish()  # a save being written ends first (and may leave nothing to ask)
        if not self.files.maybe_save():
            event.ignore()
            return
        self.files.printing.stop()  # a PDF still being made is cancelled (nothing is written)
        self.recovery.finish()  # saved or deliberately not: no recovery copy is left behind
        if self.owner is not None:  # the workbook is free again for Excel, WPS or another window
            self.owner.release()
            self.owner = None
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.library.stop()  # after the file being indexed; the rest waits for the next start
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if _dropped_workbook(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = _dropped_workbook(event)
        if path is not None:
            event.acceptProposedAction()
            self.files.open(path)


def _public_actions(widget: QObject) -> list[QAction]:
    """The QActions a widget keeps as attributes (``insert_row_action`` …), in definition order."""
    return [value for name, value in vars(widget).items() if isinstance(value, QAction) and not name.startswith("_")]


def _button_text(text: str) -> str:
    """A menu text without its access key and ellipsis: "打印预览(&V)…" → "打印预览"."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "").rstrip("…").rstrip(".").strip()


def _redo_shortcuts() -> list[QKeySequence]:
    """Ctrl+Y first (what Excel and WPS users press), then the platform's own redo keys.

    The platform list already holds Ctrl+Y on Windows and most Linux desktops: listing it
    twice makes Qt call the shortcut ambiguous, and then Ctrl+Y does nothing at all.
    """
    keys = [QKeySequence("Ctrl+Y")]
    for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo):
        if not key.isEmpty() and key not in keys:
            keys.append(key)
    return keys




def _dropped_workbook(event) -> str | None:
    for url in event.mimeData().urls():
        if url.isLocalFile() and url.toLocalFile().lower().endswith(".xlsx"):
            return url.toLocalFile()
    return None
