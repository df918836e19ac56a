"""``perfdesk check FOLDER --summary OUT.xlsx``: the summary workbook a section chief opens.

A folder of four departments with faults planted by hand: 甲 (two empty 指标值, a budget that
does not add up, a project name that looks like a formula), 乙 clean with an amount in cents,
丙 garbage bytes named .xlsx, 丁 a JSON text with one open warning and one accepted hint. The
counts are checked against the plant and against the ``--json`` report of the same folder.
"""

from __future__ import annotations

import json
import re
import zipfile
from decimal import Decimal

import openpyxl
import pytest

from perfdesk.cli.main import main
from perfdesk.fileio import save_document
from perfdesk.review import check_document
from perfdesk.review.acceptance import acceptance_update

from unit.review_documents import clean_document, clean_project

SUMMARY_HEADERS = ["序号", "部门", "年度", "文件", "项目数", "预算数合计（万元）", "错误", "警告", "提示",
                   "已核实保留", "最常见的问题", "状态"]
FINDING_HEADERS = ["文件", "部门", "工作表", "单元格", "项目序号", "项目编码", "项目名称", "规则", "问题类别",
                   "严重程度", "问题", "已核实保留"]
LABELS = {"error": "错误", "warning": "警告", "hint": "提示"}
CODE_2 = "13020822P00933810002D"


def _department(name: str):
    document = clean_document()
    document.update(department=name, prepared_by=name)
    return document


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "各部门"
    folder.mkdir()
    # 甲: project 1 row 2 and project 2 row 5 without 指标值; project 2's funds do not add up.
    jia = _department("丰润区甲局")
    jia.units[0].projects.append(clean_project(CODE_2))
    jia.update_project(0, 1, name="=1+1 设备购置", budget_total="250.55", budget_fiscal="250.00")
    jia.update_indicator(0, 0, 1, value="")
    jia.update_indicator(0, 1, 4, value="")
    save_document(jia, folder / "a甲局.xlsx")
    # 乙: nothing to raise; an amount in cents, to see it reach the summary exactly.
    yi = _department("丰润区乙局")
    yi.update_project(0, 0, budget_total="1234567.89", budget_fiscal="1234567.89")
    save_document(yi, folder / "b乙局.xlsx")
    (folder / "c丙局.xlsx").write_bytes(b"\x00garbage, not a workbook at all")
    # 丁: an empty 确定依据 (warning) and an echoed description the bureau accepted (hint).
    ding = _department("丰润区丁局")
    ding.update_indicator(0, 0, 0, description="奖补数量")
    ding.update_indicator(0, 0, 2, basis="")
    echo = next(f for f in check_document(ding) if f.rule == "description-echo")
    ding.update_item(*acceptance_update(echo, ding, "县里统一口径"))
    save_document(ding, folder / "d丁局.json")
    return folder


@pytest.fixture
def summary(folder, tmp_path, capsys):
    out = tmp_path / "汇总.xlsx"
    assert main(["check", str(folder), "--summary", str(out)]) == 2
    assert f"已写出审核汇总：{out}（4 个文件）" in capsys.readouterr().out
    return out


def _json_records(folder, capsys) -> list[dict]:
    main(["check", str(folder), "--json"])
    return json.loads(capsys.readouterr().out)


def _rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def test_one_row_per_file_with_counts_as_in_the_json_report(folder, summary, capsys):
    records = _json_records(folder, capsys)
    files = list(dict.fromkeys(r["file"] for r in records))
    rows = _rows(openpyxl.load_workbook(summary)["汇总"])
    assert list(rows[0]) == SUMMARY_HEADERS
    body = rows[1:5]
    names = [str(folder / n) for n in ("a甲局.xlsx", "b乙局.xlsx", "c丙局.xlsx", "d丁局.json")]
    assert [row[3] for row in body] == names
    assert [row[0] for row in body] == [1, 2, 3, 4]
    for row in body:
        mine = [r for r in records if r["file"] == row[3]]
        for column, severity in ((6, "error"), (7, "warning"), (8, "hint")):
            assert row[column] == sum(1 for r in mine if r["severity"] == severity and not r["accepted"])
        assert row[9] == sum(1 for r in mine if r["accepted"])
    # and against the plant itself
    assert [row[6:10] for row in body] == [(3, 0, 0, 0), (0, 0, 0, 0), (1, 0, 0, 0), (0, 1, 0, 1)]
    assert [row[1:3] for row in body] == [("丰润区甲局", 2022), ("丰润区乙局", 2022), (None, None),
                                          ("丰润区丁局", 2022)]
    assert [row[4] for row in body] == [2, 1, None, 1]
    assert set(files) == {names[0], names[2], names[3]}  # 乙 has no record at all


def test_status_and_most_common_problems(summary):
    body = _rows(openpyxl.load_workbook(summary)["汇总"])[1:5]
    assert body[0][10] == "指标值为空（2）；财政资金与其他资金之和不等于预算数（1）"
    assert body[1][10] is None and body[1][11] == "未发现问题"
    assert body[3][10] == "指标描述或确定依据为空（1）"  # the accepted hint is not a problem left
    assert body[0][11].startswith("有错误")
    assert body[2][11].startswith("无法读取：") and "c丙局.xlsx" in body[2][11]


def test_total_row_below_the_filtered_files(summary):
    sheet = openpyxl.load_workbook(summary)["汇总"]
    assert sheet.max_row == 6  # header, four files, 合计
    total = [cell.value for cell in sheet[6]]
    assert total[0] == "合计"
    assert total[4:10] == [2 + 1 + 1, pytest.approx(float(Decimal("300.00") + Decimal("250.55")
                                                           + Decimal("1234567.89") + Decimal("300.00"))),
                           3 + 1, 1, 0, 1]
    assert all(cell.font.b for cell in sheet[6][:10])
    # the filter covers the header and the four files, not the 合计 row (sorting must not move it)
    assert sheet.auto_filter.ref == "A1:L5"
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.b for cell in sheet[1])


def test_budget_totals_are_exact_to_the_cent(summary):
    sheet = openpyxl.load_workbook(summary)["汇总"]
    assert {sheet.cell(row, 6).number_format for row in (2, 3, 5, 6)} == {"#,##0.00"}
    # The number as stored in the file, to the 15 digits Excel shows and sums with (a number
    # in a cell is a double: "%.16g" may write 9.21 as 9.210000000000001, the double Excel
    # keeps for a typed 9.21).
    with zipfile.ZipFile(summary) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    stored = {ref: Decimal("%.15g" % float(v)) for ref, v in re.findall(r'<c r="(F\d+)"[^>]*><v>([^<]*)</v>', xml)}
    assert stored == {"F2": Decimal("550.55"), "F3": Decimal("1234567.89"), "F5": Decimal("300.00"),
                      "F6": Decimal("1235418.44")}


def test_findings_sheet_has_a_row_per_finding_on_the_clerks_cell(folder, summary, capsys):
    records = _json_records(folder, capsys)
    sheet = openpyxl.load_workbook(summary)["全部问题"]
    rows = _rows(sheet)
    assert list(rows[0]) == FINDING_HEADERS
    assert len(rows) - 1 == len(records) == 3 + 1 + 2
    assert [(r[0], r[7], r[9]) for r in rows[1:]] == [(r["file"], r["rule"], LABELS[r["severity"]])
                                                       for r in records]
    jia = str(folder / "a甲局.xlsx")
    # official layout: header on row 9, indicator rows from row 10, 指标值 in F, 财政资金 in E4
    assert [(r[2], r[3], r[4], r[7]) for r in rows[1:] if r[0] == jia] == [
        ("1.科技创新扶持资金", "F11", 1, "value-empty"),
        ("2.=1+1 设备购置", "E4", 2, "budget-sum"),
        ("2.=1+1 设备购置", "F14", 2, "value-empty")]
    budget = next(r for r in rows[1:] if r[7] == "budget-sum")
    assert budget[1] == "丰润区甲局" and budget[5] == CODE_2 and budget[8] == "财政资金与其他资金之和不等于预算数"
    assert "250.55" in budget[10] and budget[11] is None
    assert budget[6] == "=1+1 设备购置"  # a name, not a formula
    bad = next(r for r in rows[1:] if r[0] == str(folder / "c丙局.xlsx"))
    assert bad[9] == "错误" and bad[10] and "c丙局.xlsx" in bad[10]
    accepted = next(r for r in rows[1:] if r[7] == "description-echo")
    assert accepted[9] == "提示" and accepted[11] == "县里统一口径"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:L{len(rows)}"
    assert sheet["K2"].alignment.wrap_text and sheet.column_dimensions["K"].width >= 40


def test_rule_sheet_counts_each_rule_over_the_files(summary):
    rows = _rows(openpyxl.load_workbook(summary)["按规则"])
    counted = {r[0]: r[1:] for r in rows[1:]}
    assert counted["value-empty"] == ("指标值为空", "错误", 2, 1, 0)
    assert counted["file-unreadable"][1:] == ("错误", 1, 1, 0)
    assert counted["description-echo"] == ("指标描述只是重复三级指标", "提示", 0, 0, 1)


def test_summary_must_be_an_xlsx_and_not_a_checked_file(folder, tmp_path, capsys):
    out = tmp_path / "汇总.csv"
    assert main(["check", str(folder), "--summary", str(out)]) == 2
    assert ".xlsx" in capsys.readouterr().err and not out.exists()
    victim = folder / "b乙局.xlsx"
    before = victim.read_bytes()
    assert main(["check", str(victim), "--summary", str(victim)]) == 2
    assert "被审核的文件" in capsys.readouterr().err
    assert victim.read_bytes() == before


def test_a_summary_in_the_folder_checked_is_replaced_next_time(folder, capsys):
    out = folder / "汇总.xlsx"
    for _ in range(2):
        main(["check", str(folder), "--summary", str(out)])
        assert "已写出审核汇总" in capsys.readouterr().out
    assert openpyxl.load_workbook(out).sheetnames == ["汇总", "全部问题", "按规则"]


def test_papers_kept_in_the_folder_are_not_checked_again(tmp_path, capsys):
    """A bureau keeps the summary and an annotated copy beside the departments' files: the next
    check of the folder reviews the departments only (a paper named explicitly is still checked)."""
    from perfdesk.cli.check import expand

    folder = tmp_path / "各部门"
    folder.mkdir()
    department = folder / "甲局.xlsx"
    save_document(clean_document(), department)
    assert main(["check", str(folder), "--summary", str(folder / "汇总.xlsx")]) == 0
    assert main(["check", str(department), "--annotate", str(folder / "甲局（批注）.xlsx")]) == 0
    capsys.readouterr()
    assert expand([str(folder)]) == [str(department)]
    assert expand([str(folder / "*.xlsx")]) == [str(department)]
    assert expand([str(folder / "甲局（批注）.xlsx")]) == [str(folder / "甲局（批注）.xlsx")]
