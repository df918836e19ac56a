"""`perfdesk new`, `perfdesk convert`, `perfdesk info` through the real command-line entry point."""

from __future__ import annotations

from decimal import Decimal

import openpyxl

from benchmarks.generate import generate_document
from perfdesk.cli.main import main
from perfdesk.fileio import load_document, new_template, save_document
from perfdesk.model import BudgetUnit, Document, Project


def test_new_writes_a_blank_template_and_refuses_to_overwrite(tmp_path, capsys):
    path = tmp_path / "模板.xlsx"
    assert main(["new", str(path), "--department", "某县科学技术局", "--year", "2026"]) == 0
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames[:2] == ["第一部分", "目录"]
    project_sheet = workbook.worksheets[2]
    assert project_sheet["A3"].value == "项目编码" and project_sheet["A9"].value == "一级指标"
    assert [project_sheet[f"B{r}"].value for r in range(10, 19)] == [
        "数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标",
        "可持续影响指标", "服务对象满意度指标"]
    assert load_document(path) == new_template("某县科学技术局", 2026)
    before = path.read_bytes()
    assert main(["new", str(path)]) == 2
    assert "已存在" in capsys.readouterr().err and path.read_bytes() == before


def test_convert_between_xlsx_and_json_both_ways(tmp_path, capsys):
    document = generate_document(projects=4, seed=9, units=2)
    save_document(document, tmp_path / "a.xlsx")
    assert main(["convert", str(tmp_path / "a.xlsx"), str(tmp_path / "b.json")]) == 0
    assert main(["convert", str(tmp_path / "b.json"), str(tmp_path / "c.xlsx")]) == 0
    assert load_document(tmp_path / "b.json") == document
    assert load_document(tmp_path / "c.xlsx") == document
    assert "4 个项目" in capsys.readouterr().out


def test_info_lists_units_projects_and_totals(tmp_path, capsys):
    document = Document(department="某县科学技术局", year=2025, units=[
        BudgetUnit(code="112001", name="某县科学技术局本级", projects=[
            Project(code="13020825P00000000001L", name="科普经费", budget_total=Decimal("1.5"),
                    budget_fiscal=Decimal("1.5")),
            Project(code="13020825P00000000002L", name="专利资助", budget_total=Decimal("10"),
                    budget_fiscal=Decimal("8"), budget_other=Decimal("2"))]),
        BudgetUnit(code="112002", name="某县科学技术协会")])
    save_document(document, tmp_path / "d.xlsx")
    assert main(["info", str(tmp_path / "d.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "部门：某县科学技术局" in out and "年度：2025" in out
    assert "预算单位：112001某县科学技术局本级    项目 2 个    预算数合计 11.50 万元" in out
    assert "1. 13020825P00000000001L  科普经费  预算数 1.50" in out
    assert "2. 13020825P00000000002L  专利资助  预算数 10.00" in out
    assert "预算单位：112002某县科学技术协会    项目 0 个" in out
    assert "合计：2 个预算单位，2 个项目；预算数 11.50 万元（财政资金 9.50，其他资金 2.00）" in out


def test_errors_go_to_stderr_with_status_2(tmp_path, capsys):
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"not a workbook at all")
    assert main(["info", str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "不是 Excel 工作簿" in captured.err and "Traceback" not in captured.err
    assert main(["convert", str(bad), str(tmp_path / "out.json")]) == 2
    assert not (tmp_path / "out.json").exists()
    assert main(["convert", str(tmp_path / "missing.xlsx"), str(tmp_path / "out.json")]) == 2
    assert "找不到" in capsys.readouterr().err
