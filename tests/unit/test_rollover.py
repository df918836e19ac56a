"""Rolling a document forward to next year's draft, and ``perfdesk rollover``."""

from __future__ import annotations

from pathlib import Path

import pytest

from expected_samples import fengrun_2022, funing_2024
from perfdesk.cli.main import main
from perfdesk.errors import PerfdeskError
from perfdesk.fileio import load_document, save_document
from perfdesk.importers import rollover
from perfdesk.model import BudgetUnit, Document, DocumentStatus, Project


def names(document: Document) -> list[str]:
    return [project.name for _, _, _, project in document.projects()]


def test_year_status_and_names_that_carry_the_documents_year() -> None:
    original = funing_2024.build()
    draft, changes = rollover(original, 2025)
    assert (draft.year, draft.status) == (2025, DocumentStatus.DRAFT)
    assert names(draft)[0] == "2025年改制企业相关费用"
    # A 提前下达… name is one grant's document: it keeps its year and is listed for the clerk.
    assert names(draft)[8] == "提前下达2024年省级中小企业发展专项资金"
    assert names(draft)[9] == "提前下达2024年支持市县科技创新和科学普及专项资金"
    assert any(c.startswith("请核对：项目 9 名称“提前下达2024年省级中小企业发展专项资金”") for c in changes)
    # A 2023 grant stays a 2023 grant.
    assert names(draft)[3] == "关于确认下达2023年支持市县科技创新和科学普及专项资金（高新技术企业认定奖补）预算的通知"
    assert names(draft)[6] == "提前下达2023年支持工业互联网创新发展等项目资金"
    assert "预算年度：2024 → 2025" in changes
    assert "项目 1 名称：“2024年改制企业相关费用” → “2025年改制企业相关费用”" in changes


def test_everything_else_is_kept_and_the_original_is_untouched() -> None:
    original = funing_2024.build()
    draft, _ = rollover(original, 2025)
    assert original == funing_2024.build()
    mine, theirs = draft.project(0, 4), original.project(0, 4)
    assert (mine.code, mine.budget_total, mine.spending_plan, mine.goals) == (
        theirs.code, theirs.budget_total, theirs.spending_plan, theirs.goals)
    # the rows are this year's, each with this year's 指标值 kept as next year's 上年指标值
    assert [row.cells() for row in mine.indicators] == [row.cells() for row in theirs.indicators]
    assert [row.previous_value for row in mine.indicators] == [row.value for row in theirs.indicators]
    assert draft.part1 == original.part1 and draft.department == original.department


def test_changes_point_at_codes_and_old_years_left_in_the_text() -> None:
    draft, changes = rollover(funing_2024.build(), 2025)
    assert any("项目 1 的项目编码 13030624P00530210007P 是 2024 年的编码" in c for c in changes)
    # Project 4's code is a 2023 one: not the document's year, nothing to say about it.
    assert not any("13030623P00578710007E" in c for c in changes)
    assert any(c.startswith("请核对：项目 10") and "资金用途" in c for c in changes)
    assert draft.project(0, 9).purpose == "用于2024年支持市县科技创新和科学普及专项资金"


def test_final_text_becomes_a_draft_and_file_numbers_stay() -> None:
    draft, changes = rollover(fengrun_2022.build(), 2023)
    assert "状态：正式 → 草案" in changes
    # A name with a file number names that grant, year and all: kept, and listed to check.
    assert names(draft)[2] == "唐财教（2021）42号 市级技术创新引导计划专项资金（2022年）"
    assert names(draft)[0] == "优秀科技特派员奖励（2021年借款）"
    assert names(draft)[8] == "唐财教（2021）98号 关于提前下达省级2022年技术创新引导专项资金（第一批）"
    assert not any("→" in c for c in changes if c.startswith("项目"))
    listed = [c for c in changes if "是一份拨款文件的标题" in c]
    assert [c.split(" 名称")[0] for c in listed] == [f"请核对：项目 {n}" for n in range(3, 11)]


def test_rolling_two_years_on() -> None:
    draft, _ = rollover(funing_2024.build(), 2026)
    assert names(draft)[0] == "2026年改制企业相关费用"


@pytest.mark.parametrize("year", [2024, 2023, 99, 30000])
def test_a_year_that_is_not_later_is_refused(year: int) -> None:
    with pytest.raises(PerfdeskError):
        rollover(funing_2024.build(), year)


def test_document_without_year() -> None:
    document = funing_2024.build()
    document.year = None
    draft, changes = rollover(document, 2025)
    assert draft.year == 2025 and names(draft)[0] == "2024年改制企业相关费用"
    assert any("没有预算年度" in c for c in changes)


def test_cli_rollover(tmp_path: Path, capsys) -> None:
    source, out = tmp_path / "2024.xlsx", tmp_path / "2025.xlsx"
    save_document(funing_2024.build(), source)
    before = source.read_bytes()
    assert main(["rollover", str(source), str(out), "--year", "2025"]) == 0
    printed = capsys.readouterr().out
    assert "预算年度：2024 → 2025" in printed
    loaded = load_document(out)
    assert (loaded.year, loaded.status, names(loaded)[0]) == (2025, DocumentStatus.DRAFT, "2025年改制企业相关费用")
    assert source.read_bytes() == before


def test_cli_rollover_to_an_earlier_year_writes_nothing(tmp_path: Path, capsys) -> None:
    source, out = tmp_path / "2024.xlsx", tmp_path / "2023.xlsx"
    save_document(funing_2024.build(), source)
    assert main(["rollover", str(source), str(out), "--year", "2023"]) == 2
    assert "应晚于" in capsys.readouterr().err
    assert not out.exists()


def test_names_of_one_grants_document_keep_their_year_and_are_listed() -> None:
    names_2024 = ["2024年改制企业相关费用", "冀财教〔2023〕5号 2024年科普专项资金", "唐财教(2023)12号2024年奖补",
                  "关于下达2024年省级专项资金的通知", "提前下达2024年中小企业发展资金", "科技创新专项资金（2024年）"]
    document = Document(year=2024, status=DocumentStatus.FINAL, units=[
        BudgetUnit(code="100101", name="某某局本级", projects=[Project(name=name) for name in names_2024])])
    draft, changes = rollover(document, 2025)
    assert names(draft) == ["2025年改制企业相关费用", "冀财教〔2023〕5号 2024年科普专项资金", "唐财教(2023)12号2024年奖补",
                            "关于下达2024年省级专项资金的通知", "提前下达2024年中小企业发展资金", "科技创新专项资金（2025年）"]
    assert [c for c in changes if c.startswith("项目")] == [
        "项目 1 名称：“2024年改制企业相关费用” → “2025年改制企业相关费用”",
        "项目 6 名称：“科技创新专项资金（2024年）” → “科技创新专项资金（2025年）”"]
    listed = [c for c in changes if "是一份拨款文件的标题" in c]
    assert [c.split(" 名称")[0] for c in listed] == [f"请核对：项目 {n}" for n in (2, 3, 4, 5)]
    assert all("2024 年没有改动" in c for c in listed)
