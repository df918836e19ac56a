"""The PDF fonts dialog lists the installed Chinese fonts by name; choosing one stores its file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QLineEdit

from perfdesk.ui.settings import FontSettingsDialog, Settings

UMING = "/usr/share/fonts/truetype/arphic/uming.ttc"
MICROHEI = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


@pytest.fixture
def settings(tmp_path):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(tmp_path))
    return Settings()


def _choose(qtbot, combo: QComboBox, text: str) -> None:
    """Open the list and pick ``text`` with the keyboard, as a clerk would."""
    combo.setFocus()
    index = combo.findText(text)
    assert index >= 0, [combo.itemText(i) for i in range(combo.count())]
    while combo.currentIndex() != index:
        QTest.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up)


def test_fonts_are_listed_by_name_and_the_chosen_files_are_stored(qtbot, settings, tmp_path):
    settings.set_pdf_fonts("", "")
    dialog = FontSettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    body = dialog.findChild(QComboBox, "bodyFontChoice")
    heading = dialog.findChild(QComboBox, "headingFontChoice")
    names = [body.itemText(i) for i in range(body.count())]
    assert "AR PL UMing CN（uming.ttc）" in names and "文泉驿微米黑（wqy-microhei.ttc）" in names
    assert not any("DejaVu" in name for name in names)  # only fonts that print Chinese
    assert body.currentIndex() == 0  # automatic
    assert ": 6." in dialog.findChild(QLabel, "fontsFoundNote").text()  # UMing's 4 faces, Micro Hei's 2
    _choose(qtbot, body, "AR PL UMing CN（uming.ttc）")
    _choose(qtbot, heading, "文泉驿微米黑（wqy-microhei.ttc）")
    assert dialog.findChild(QLineEdit, "bodyFontFile").text() == UMING
    # A file typed in (or browsed to) that is not listed shows as another font file.
    other = dialog.findChild(QLineEdit, "headingFontFile")
    other.clear()
    QTest.keyClicks(other, str(tmp_path / "simhei.ttf"))
    assert heading.currentText() != "文泉驿微米黑（wqy-microhei.ttc）" and heading.currentIndex() == heading.count() - 1
    other.clear()
    QTest.keyClicks(other, MICROHEI)
    assert heading.currentText() == "文泉驿微米黑（wqy-microhei.ttc）"
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert settings.pdf_fonts() == (UMING, MICROHEI)
