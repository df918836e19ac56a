"""``perfdesk check``: the readable report, the JSON list, exit statuses, many files, bad files."""

from __future__ import annotations

import json

from expected_samples import fengrun_2022, funing_2024

from perfdesk.cli.main import main
from perfdesk.fileio import save_document
from perfdesk.resources import resource_path

from unit.review_documents import clean_document

KEYS = {"file", "rule", "severity", "message", "project_index", "project_code", "indicator_row", "field",
        "sheet", "cell", "project_name", "accepted", "accepted_reason"}
FIELDS = {"department", "year", "cover", "overall_goal", "sub_goals", "measures", "unit", "code", "name",
          "budget_total", "budget_fiscal", "budget_other", "purpose", "spending_plan", "goals", "indicators",
          "level1", "level2", "level3", "description", "value", "basis"}


def test_json_lists_every_finding_with_one_based_places(tmp_path, capsys):
    path = tmp_path / "抚宁2024.xlsx"
    save_document(funing_2024.build(), path)
    assert main(["check", str(path), "--json"]) == 2
    records = json.loads(capsys.readouterr().out)
    assert all(set(r) == KEYS and r["file"] == str(path) for r in records)
    assert all(r["severity"] in ("error", "warning", "hint") and r["field"] in FIELDS for r in records)
    cost = [r for r in records if r["rule"] == "cost-above-budget"]
    assert cost == [{"file": str(path), "rule": "cost-above-budget", "severity": "error",
                     "message": cost[0]["message"], "project_index": 2, "project_code": "13030624P000011100023",
                     "indicator_row": 7, "field": "value",
                     # the official layout: header on row 9, so indicator row 7 is row 16; 指标值 is column F
                     "sheet": "2.拨付邓庆久等人参照行政退休人员待遇资金", "cell": "F16",
                     "project_name": "拨付邓庆久等人参照行政退休人员待遇资金", "accepted": False, "accepted_reason": None}]
    assert "30.75" in cost[0]["message"] and "1.87" in cost[0]["message"]
    code = [r for r in records if r["rule"] == "code-year"]
    assert [(r["project_index"], r["indicator_row"], r["field"]) for r in code] == [(4, None, "code"), (7, None, "code"),
                                                                                      (8, None, "code")]


def test_exit_status_zero_one_two(tmp_path, capsys):
    clean = tmp_path / "clean.xlsx"
    save_document(clean_document(), clean)
    assert main(["check", str(clean)]) == 0
    assert "未发现问题" in capsys.readouterr().out
    hinted = clean_document()
    hinted.update_indicator(0, 0, 0, description="奖补数量")  # only a hint
    save_document(hinted, tmp_path / "hinted.xlsx")
    assert main(["check", str(tmp_path / "hinted.xlsx")]) == 1
    capsys.readouterr()
    assert main(["check", str(clean), str(tmp_path / "hinted.xlsx"), "--json"]) == 1
    records = json.loads(capsys.readouterr().out)
    assert [(r["rule"], r["severity"], r["file"]) for r in records] == [
        ("description-echo", "hint", str(tmp_path / "hinted.xlsx"))]


def test_many_files_give_a_summary_line_each(tmp_path, capsys):
    save_document(funing_2024.build(), tmp_path / "抚宁.xlsx")
    save_document(fengrun_2022.build(), tmp_path / "丰润.json")
    save_document(clean_document(), tmp_path / "干净.xlsx")
    files = [str(tmp_path / name) for name in ("抚宁.xlsx", "丰润.json", "干净.xlsx")]
    assert main(["check", *files]) == 2
    out = capsys.readouterr().out
    summary = out[out.index("共审核 3 个文件："):].splitlines()
    assert summary[1:] == [f"  {files[0]}：6 个错误，13 个警告，30 个提示",
                           f"  {files[1]}：4 个错误，0 个警告，4 个提示",
                           f"  {files[2]}：未发现问题"]
    assert "[错误] 第 1 个项目（13020822P00871410001L） 第 1 条 绩效目标：第 1 条绩效目标是模板中的占位文字“目标内容1”" in out


def test_unreadable_file_is_reported_and_left_untouched(tmp_path, capsys):
    broken = tmp_path / "损坏.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    before = broken.read_bytes()
    good = tmp_path / "干净.xlsx"
    save_document(clean_document(), good)
    assert main(["check", str(broken), str(good)]) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert f"  {broken}：无法读取" in captured.out and f"  {good}：未发现问题" in captured.out
    assert broken.read_bytes() == before
    assert main(["check", str(broken), "--json"]) == 2
    (record,) = json.loads(capsys.readouterr().out)
    assert record["rule"] == "file-unreadable" and record["severity"] == "error" and record["project_index"] is None
    assert record["message"]


def test_missing_file(tmp_path, capsys):
    assert main(["check", str(tmp_path / "没有.xlsx")]) == 2
    out = capsys.readouterr().out
    assert "没有.xlsx" in out and "无法读取" in out


def test_another_regions_rules_from_the_command_line(tmp_path, capsys):
    document = clean_document()
    document.update_indicator(0, 0, 6, value="≥85%")
    path = tmp_path / "dept.xlsx"
    save_document(document, path)
    assert main(["check", str(path)]) == 0
    region = json.loads(resource_path("review", "hebei.json").read_text(encoding="utf-8"))
    region["satisfaction_floor"] = "90"
    rules = tmp_path / "region.json"
    rules.write_text(json.dumps(region, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(path), "--rules", str(rules), "--json"]) == 1
    assert [r["rule"] for r in json.loads(capsys.readouterr().out)] == ["satisfaction-below-floor"]
    rules.write_text("{", encoding="utf-8")
    assert main(["check", str(path), "--rules", str(rules)]) == 2
    assert "审核规则" in capsys.readouterr().err


def _summary_names(out: str) -> list[str]:
    """The file names of the summary lines after “共审核 N 个文件：”."""
    lines = out.split("共审核", 1)[1].splitlines()[1:]
    return [line.strip().rsplit("：", 1)[0] for line in lines if line.strip()]


def _department_folder(tmp_path):
    """A bureau's folder as perfdesk leaves it: 甲局.xlsx saved twice (so its backup 甲局~.xlsx
    sits beside it), a macro workbook 丁局.xlsm, and the lock file of 甲局.xlsx open in Excel."""
    folder = tmp_path / "各部门"
    folder.mkdir()
    save_document(clean_document(), folder / "甲局.xlsx")
    save_document(clean_document(), folder / "甲局.xlsx")
    (folder / "丁局.xlsm").write_bytes((folder / "甲局.xlsx").read_bytes())
    (folder / "~$甲局.xlsx").write_bytes(b"\x06clerk " + b"\x00" * 100)
    assert sorted(p.name for p in folder.iterdir()) == ["~$甲局.xlsx", "丁局.xlsm", "甲局.xlsx", "甲局~.xlsx"]
    return folder


def test_a_folder_leaves_out_backups_and_checks_xlsm_workbooks(tmp_path, capsys):
    folder = _department_folder(tmp_path)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert main(["check", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "共审核 2 个文件" in out
    assert _summary_names(out) == [str(folder / "丁局.xlsm"), str(folder / "甲局.xlsx")]
    assert "甲局~.xlsx" not in out and "~$" not in out
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_a_pattern_leaves_out_backups_unless_it_asks_for_them(tmp_path, capsys, monkeypatch):
    folder = _department_folder(tmp_path)
    monkeypatch.chdir(folder)
    main(["check", "*.xlsx"])
    assert _summary_names(capsys.readouterr().out) == ["甲局.xlsx"]
    main(["check", "*.xls?"])
    assert _summary_names(capsys.readouterr().out) == ["丁局.xlsm", "甲局.xlsx"]
    main(["check", "*~.xlsx"])  # the clerk asks for the backups themselves
    assert _summary_names(capsys.readouterr().out) == ["甲局~.xlsx"]


def test_a_backup_named_explicitly_is_checked(tmp_path, capsys):
    folder = _department_folder(tmp_path)
    assert main(["check", str(folder / "甲局~.xlsx")]) == 0
    out = capsys.readouterr().out
    assert _summary_names(out) == [str(folder / "甲局~.xlsx")] and "未发现问题" in out


def test_a_missing_rules_file_is_named_in_chinese(tmp_path, capsys):
    path = tmp_path / "dept.xlsx"
    save_document(clean_document(), path)
    missing = tmp_path / "没有的规则.json"
    assert main(["check", str(path), "--rules", str(missing)]) == 2
    err = capsys.readouterr().err
    assert f"审核规则文件“{missing}”不存在" in err
    assert "Errno" not in err and "No such file" not in err and "Traceback" not in err


def test_a_rules_file_with_a_wrong_value_names_the_field(tmp_path, capsys):
    path = tmp_path / "dept.xlsx"
    save_document(clean_document(), path)
    rules = tmp_path / "x.json"
    rules.write_text('{"id": "x", "satisfaction_floor": "abc"}', encoding="utf-8")
    assert main(["check", str(path), "--rules", str(rules)]) == 2
    err = capsys.readouterr().err
    assert f"审核规则文件“{rules}”中 satisfaction_floor 的值不是数字" in err
    assert "validation error" not in err and "Input should" not in err and "pydantic" not in err
    assert len(err.strip().splitlines()) == 1
