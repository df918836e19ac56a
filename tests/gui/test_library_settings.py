"""Settings ▸ 指标库…: folders chosen are remembered, indexed in the background, and files that
cannot be read are listed with their reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from library_docs import write_library
from main_window_support import settings_dir  # noqa: F401 - fixture
from perfdesk.ui.library_settings import LibraryService, LibrarySettingsDialog
from perfdesk.ui.settings import Settings


def test_folders_chosen_are_indexed_remembered_and_broken_files_listed(qtbot, settings_dir, tmp_path):
    folder = tmp_path / "往年文本"
    write_library(folder)
    (folder / "坏文件.xlsx").write_bytes(b"not a workbook")
    settings = Settings()
    assert settings.library_folders() == [] and settings.library_common()
    service = LibraryService.from_settings(settings)
    assert service.reader() is None and service.suggest("满意")[0].common  # only the shipped rows
    dialog = LibrarySettingsDialog(service, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.failed.isVisible()
    dialog.add_folder(str(folder))  # what 添加文件夹… does once the folder dialog answers
    qtbot.mouseClick(dialog.common, Qt.MouseButton.LeftButton, pos=dialog.common.rect().center())
    assert not dialog.common.isChecked()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(service.updated, timeout=30_000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert Settings().library_folders() == [str(folder)] and not Settings().library_common()
    assert [s.level3 for s in service.suggest("满意")] == ["特派员满意度"]
    assert [path for path, _ in service.last_report.failed] == [str((folder / "坏文件.xlsx").resolve())]
    # Opened again, the dialog says what the library holds and which file it skipped.
    again = LibrarySettingsDialog(service, settings)
    qtbot.addWidget(again)
    again.show()
    assert "11" in again.status.text() and "2" in again.status.text()
    assert again.failed.isVisible() and "坏文件.xlsx" in again.failed.toPlainText()
    assert service.index_path.parent.parent == tmp_path / "appdata"  # the app data folder, not the clerk's files
    service.stop()


def test_a_damaged_index_file_is_built_again(qtbot, tmp_path):
    write_library(tmp_path / "往年文本")
    path = tmp_path / "library" / "index.sqlite"
    path.parent.mkdir()
    path.write_bytes(b"this is not an SQLite database" * 100)
    service = LibraryService([str(tmp_path / "往年文本")], index_path=path)
    # Typing goes on meanwhile, with the shipped rows.
    assert "参训人员满意度" in [s.level3 for s in service.suggest("参训")]
    service.update()
    assert service.wait()
    assert [s.level3 for s in service.suggest("满意") if not s.common] == ["特派员满意度"]
    service.stop()
