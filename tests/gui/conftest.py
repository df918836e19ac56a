"""GUI test set-up: a small document typed from the 丰润 2022 sample and an undo stack.

Unit 0 (339003 唐山市丰润区科学技术局) holds project 1 (优秀科技特派员奖励（2021年借款）, 1.00,
the seven indicator rows exactly as printed) and project 2 (科技创新扶持资金, 300.00); unit 1
(339004 唐山市丰润区科学技术协会, made up for the tests) holds project 3 (科普活动经费, 12.50).
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from perfdesk.model import BudgetUnit, Document, Indicator, Project, SpendingPlan

AWARD_INDICATORS = [
    ("产出指标", "数量指标", "奖补数量", "优秀特派员奖励人数", "≥5人", "资金发放表"),
    ("产出指标", "质量指标", "奖补质量", "优秀特派员质量", "≥95百分比", "工作标准"),
    ("产出指标", "时效指标", "奖补时间", "优秀特派员奖励金发放时间", "年底之前", "工作计划"),
    ("产出指标", "成本指标", "奖补成本", "优秀特派员奖励金发放成本", "≤0.2万元", "历史标准"),
    ("效益指标", "社会效益指标", "社会影响", "优秀特派员的社会影响", "≥95百分比", "工作计划"),
    ("效益指标", "可持续影响指标", "服务企业的影响", "对科技企业的可持续性影响", "≥95百分比", "工作计划"),
    ("满意度指标", "服务对象满意度指标", "收益人员满意度", "符合奖励人员满意度", "≥95百分比", "问卷调查"),
]


def indicator(cells: tuple[str, ...]) -> Indicator:
    return Indicator(**dict(zip(("level1", "level2", "level3", "description", "value", "basis"), cells)))


def make_document() -> Document:
    award = Project(
        code="13020822P00871410001L", name="优秀科技特派员奖励（2021年借款）",
        budget_total="1.00", budget_fiscal="1.00", purpose="用于2021年度优秀科技特派员奖励资金",
        spending_plan=SpendingPlan.of(["100", None, None, None]), goals=["目标内容1"],
        indicators=[indicator(cells) for cells in AWARD_INDICATORS],
    )
    support = Project(
        code="13020822P00933810001D", name="科技创新扶持资金", budget_total="300.00", budget_fiscal="300.00",
        purpose="科技创新扶持资金", spending_plan=SpendingPlan.of(["30", "60", "90", "100"]),
        indicators=[indicator(("产出指标", "数量指标", "扶持企业数量", "扶持科技型企业数量", "≥10家", "工作计划"))],
    )
    outreach = Project(code="13020822P00999910001X", name="科普活动经费", budget_total="12.50")
    return Document(
        department="唐山市丰润区科学技术局", year=2022,
        units=[BudgetUnit(code="339003", name="唐山市丰润区科学技术局", projects=[award, support]),
               BudgetUnit(code="339004", name="唐山市丰润区科学技术协会", projects=[outreach])],
    )


@pytest.fixture(autouse=True, scope="session")
def _app_data_in_a_temporary_folder(tmp_path_factory):
    """No test writes recovery copies or an error log into the real app data folder
    (tests that need their own set PERFDESK_DATA_DIR again, see main_window_support)."""
    import os

    before = os.environ.get("PERFDESK_DATA_DIR")
    os.environ["PERFDESK_DATA_DIR"] = str(tmp_path_factory.mktemp("appdata"))
    yield
    if before is None:
        os.environ.pop("PERFDESK_DATA_DIR", None)
    else:
        os.environ["PERFDESK_DATA_DIR"] = before


@pytest.fixture
def document(qapp) -> Document:
    return make_document()


@pytest.fixture
def undo_stack(qtbot) -> QUndoStack:
    stack = QUndoStack()
    yield stack
    stack.clear()


@pytest.fixture
def type_text(qtbot):
    """Type text into a widget as a clerk does: ASCII keys one by one, Chinese through the
    input method (QTest cannot press keys for characters outside Latin-1)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    def type_into(widget, text: str) -> None:
        for char in text:
            if char.isascii():
                qtbot.keyClicks(widget, char)
            else:
                event = QInputMethodEvent("", [])
                event.setCommitString(char)
                QApplication.sendEvent(QApplication.focusWidget() or widget, event)

    return type_into


def show_grid(qtbot, document, undo_stack):
    """An indicator grid on the first project, shown and focused, as a clerk finds it."""
    from perfdesk.ui.indicator_grid import IndicatorGrid

    widget = IndicatorGrid(document, undo_stack)
    qtbot.addWidget(widget)
    widget.resize(1000, 360)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_project(0, 0)
    widget.view.setFocus()
    return widget


@pytest.fixture
def grid(qtbot, document, undo_stack):
    return show_grid(qtbot, document, undo_stack)


@pytest.fixture
def panel(qtbot):
    """The review dock's panel over the Funing example, with its own undo stack."""
    from expected_samples import funing_2024
    from perfdesk.ui.review_panel import ReviewPanel

    stack = QUndoStack()
    widget = ReviewPanel(funing_2024.build(), stack)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.stack = stack  # keep the stack alive with the widget
    return widget
