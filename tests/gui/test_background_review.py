"""The review waits until typing pauses and then re-checks only what changed: the status bar's
count and the dock follow from the review's own signal after the debounce, and an edit in one
project of 300 re-checks that project and the document's rules, and touches only their groups
in the dock. A large document's first check runs in slices after it comes in."""

from __future__ import annotations

from PySide6.QtCore import Qt

from benchmarks.generate import generate_document
from main_window_support import answers, settings_dir, window  # noqa: F401 - fixtures
from perfdesk.qtmodels.findings_model import GroupKeyRole


def test_an_edit_rechecks_one_project_after_the_pause_and_the_count_follows(qtbot, window):
    window.install(generate_document(projects=300), None)
    # A large document's first check runs in slices after it comes in; the count says so.
    assert window.review.checking() and window.errors_label.text() == "Review: checking…"
    qtbot.waitUntil(lambda: not window.review.checking(), timeout=10_000)
    assert window.errors_label.text().startswith("Review: ")
    window.select("project", 0, 5)
    before = window.errors_label.text()
    model = window.review.model
    touched: list = []
    model.dataChanged.connect(lambda first, last, roles=(): touched.append(
        (first.parent().data(GroupKeyRole) if first.parent().isValid() else first.data(GroupKeyRole))))
    model.rowsInserted.connect(lambda parent, a, b: touched.append(parent.data(GroupKeyRole) if parent.isValid() else "top"))
    model.rowsRemoved.connect(lambda parent, a, b: touched.append(parent.data(GroupKeyRole) if parent.isValid() else "top"))

    name = window.project_editor.name
    name.setFocus()
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Delete)  # 项目名称 emptied: one more error
    assert window.document.project(0, 5).name == ""
    assert window.errors_label.text() == before  # not re-checked on the keystroke itself
    with qtbot.waitSignal(window.review.countsChanged, timeout=2000) as counted:
        pass
    errors = int(before.split()[1])
    assert counted.args[0] == errors + 1
    assert window.errors_label.text() == f"Review: {errors + 1} error(s)"
    live = window.review._live
    assert live.checked_last == 1 and live.changed == {(-1, -1), (0, 5)}
    assert set(touched) <= {(-1, -1), (0, 5)} and touched  # only those groups in the dock
    group = model.group_index((0, 5))
    messages = [model.index(r, 0, group).data() for r in range(model.rowCount(group))]
    assert any("项目名称" in text for text in messages)

    qtbot.keyClick(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo: back again
    qtbot.waitUntil(lambda: window.errors_label.text() == before, timeout=2000)
    assert window.review._live.checked_last == 1


def test_a_check_in_slices_with_edits_meanwhile_finds_what_a_check_at_once_finds():
    from perfdesk.review.live import LiveReview

    document = generate_document(projects=60)
    live = LiveReview(document)
    document.subscribe(live.note)
    assert live.warm(25) is False
    document.update_project(0, 3, name="")  # already checked: checked again
    document.update_project(0, 15, budget_total=None)  # not yet checked
    assert live.warm(25) is False
    document.remove_project(0, 0)  # every number shifts: slicing stops, refresh() does the rest
    assert live.warm(25) is True
    found = [f.key() for f in live.refresh()]
    assert found == [f.key() for f in LiveReview(document).refresh()]
    assert ("name-missing", "name", 0, 2) in [(f[0], f[3], f[4], f[5]) for f in found]  # moved up one
