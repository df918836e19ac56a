"""Rule data is data: another region's thresholds, word lists and framework load without code."""

from __future__ import annotations

import json

import pytest

from perfdesk.errors import FileFormatError
from perfdesk.model import Indicator, load_framework
from perfdesk.review import Severity, check_document, load_rules, load_rules_file

from unit.review_documents import clean_document, region_file




def test_satisfaction_floor_comes_from_the_data(tmp_path):
    document = clean_document()
    document.update_indicator(0, 0, 6, value="≥85%")
    assert not [f for f in check_document(document) if f.rule == "satisfaction-below-floor"]
    strict = load_rules_file(region_file(tmp_path, satisfaction_floor="90"))
    found = [f for f in check_document(document, rules=strict) if f.rule == "satisfaction-below-floor"]
    assert len(found) == 1 and "90" in found[0].message


def test_severity_override_and_switching_a_rule_off(tmp_path):
    document = clean_document()
    document.update_project(0, 0, code="13020821P00933810001D")
    assert [f.severity for f in check_document(document) if f.rule == "code-year"] == [Severity.WARNING]
    raised = load_rules_file(region_file(tmp_path, severity={"code-year": "error"}))
    assert [f.severity for f in check_document(document, rules=raised) if f.rule == "code-year"] == [Severity.ERROR]
    off = load_rules_file(region_file(tmp_path, disabled=["code-year"]))
    assert check_document(document, rules=off) == []


def test_placeholder_words_come_from_the_data(tmp_path):
    document = clean_document()
    document.update_project(0, 0, goals=["待补充"])
    assert check_document(document) == []
    region = load_rules_file(region_file(tmp_path, placeholder_exact=["待补充"]))
    assert [f.rule for f in check_document(document, rules=region)] == ["goal-placeholder"]


def test_another_code_shape(tmp_path):
    document = clean_document()
    document.update_project(0, 0, code="604002B16DX0021")
    region = load_rules_file(region_file(tmp_path, code_pattern="^[0-9]{6}B(?P<year>[0-9]{2})[0-9A-Z]{6}$",
                                         code_example="604002B16DX0021"))
    assert [f.rule for f in check_document(document, rules=region)] == ["code-year"]  # 16 ≠ 2022


def test_the_mof_framework_puts_cost_at_the_first_level():
    document = clean_document()
    mof = load_framework("mof2021")
    findings = check_document(document, framework=mof)
    # 成本指标 is a 一级 there, so the row is unknown and the project has no cost indicator.
    assert [(f.rule, f.row) for f in findings] == [("level2-unknown", 3), ("required-missing", None)]
    document.update_indicator(0, 0, 3, level1="成本指标", level2="经济成本指标")
    assert check_document(document, framework=mof) == []
    # …and the Hebei framework in turn does not know 经济成本指标: one finding says how to file it there.
    (finding,) = check_document(document)
    assert finding.rule == "level1-unknown" and finding.fix.label == "改为“产出指标”／“成本指标”"


def test_document_names_its_framework():
    document = clean_document()
    document.update_indicator(0, 0, 3, level1="成本指标", level2="经济成本指标")
    document.update(framework="mof2021")
    assert check_document(document) == []


@pytest.mark.parametrize("text, line", [("{\"id\": \"x\",\n  \"satisfaction_floor\": }", 2), ("[1, 2]", None)])
def test_broken_rule_file_is_a_clear_error(tmp_path, text, line):
    path = tmp_path / "broken.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        load_rules_file(path)
    assert "审核规则" in str(caught.value) and caught.value.line == line


def test_unknown_rule_set_is_a_clear_error():
    with pytest.raises(FileFormatError, match="未找到审核规则"):
        load_rules("atlantis")


def test_bundled_rules_load_and_know_the_words():
    rules = load_rules()
    assert rules.is_placeholder("目标内容1") and rules.is_placeholder("XXX财政局") and rules.is_placeholder(" 无 ")
    assert not rules.is_placeholder("无锡市同类项目标准")
    assert rules.is_vague("效果明显") and not rules.is_vague("≥90%") and not rules.is_vague("不出现通报现象")
    assert Indicator(value="≥95百分比").reading.is_percent


def test_missing_rule_file_is_named_in_chinese(tmp_path):
    missing = tmp_path / "没有的规则.json"
    with pytest.raises(FileFormatError) as caught:
        load_rules_file(missing)
    message = str(caught.value)
    assert f"审核规则文件“{missing}”不存在" in message
    assert "Errno" not in message and "No such file" not in message


def test_rule_file_that_is_a_folder(tmp_path):
    with pytest.raises(FileFormatError, match="是一个文件夹"):
        load_rules_file(tmp_path)


@pytest.mark.parametrize("changes, words", [
    ({"satisfaction_floor": "abc"}, "中 satisfaction_floor 的值不是数字"),
    ({"numeric_kinds": 5}, "中 numeric_kinds 的值应为对象"),
    ({"severity": {"code-year": "fatal"}}, "中 severity 里的 code-year 的值“fatal”不是允许的值，应为 error、warning、hint 之一"),
    ({"required": [{"label": "时效"}]}, "缺少 required 第 1 项的 any_of"),
    ({"year_range": [2000, "abc"]}, "中 year_range 第 2 项的值应为整数"),
    ({"code_pattern": "^(1302"}, "中 code_pattern 的值“^(1302”不是有效的正则表达式"),
    ({"placeholder_patterns": ["目标内容[0-9"]}, "中 placeholder_patterns 的值“目标内容[0-9”不是有效的正则表达式"),
])
def test_rule_file_with_a_wrong_value_names_the_file_and_the_field(tmp_path, changes, words):
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"id": "x", **changes}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        load_rules_file(path)
    message = str(caught.value)
    assert message.startswith(f"审核规则文件“{path}”") and words in message
    assert "validation error" not in message and "Input should" not in message and "errors.pydantic" not in message


def test_rule_file_not_an_object_or_without_id(tmp_path):
    path = tmp_path / "x.json"
    for text, words in (("[1, 2]", "的内容应为一个对象"), ("{}", "缺少 id")):
        path.write_text(text, encoding="utf-8")
        with pytest.raises(FileFormatError) as caught:
            load_rules_file(path)
        assert words in str(caught.value) and "validation" not in str(caught.value)


def test_rule_file_with_a_json_mistake_says_it_in_chinese(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"id": "x",\n  "satisfaction_floor": }', encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        load_rules_file(path)
    message = str(caught.value)
    assert "第 2 行不是有效的 JSON" in message and "缺少值" in message and "Expecting" not in message
    assert caught.value.line == 2
