"""A JSON file edited by hand in Notepad: Chinese messages naming the line or the field, amounts
never rounded, a file saved as “ANSI” (GBK) still read."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from benchmarks.generate import generate_document
from perfdesk.errors import FileFormatError
from perfdesk.fileio import load_document, save_document


@pytest.fixture
def data(tmp_path):
    path = tmp_path / "doc.json"
    document = generate_document(projects=2, units=1)
    document.department = "某县科学技术局"
    save_document(document, path)
    return json.loads(path.read_text(encoding="utf-8"))


def write(tmp_path, data, name="edited.json", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(json.dumps(data, ensure_ascii=False, indent=2).encode(encoding))
    return path


def refused(path, *words):
    before = path.read_bytes()
    with pytest.raises(FileFormatError) as caught:
        load_document(path)
    for word in words:
        assert word in str(caught.value), str(caught.value)
    assert path.read_bytes() == before
    return str(caught.value)


@pytest.mark.parametrize("typed", ["1.235", 1.235])
def test_an_amount_with_three_decimals_is_refused(tmp_path, data, typed):
    data["units"][0]["projects"][1]["budget_fiscal"] = typed
    refused(write(tmp_path, data), "units.0.projects.1.budget_fiscal", "超过两位小数", "1.235")


def test_amounts_with_two_decimals_written_as_numbers_are_exact(tmp_path, data):
    data["units"][0]["projects"][0]["budget_total"] = 1234.5
    assert load_document(write(tmp_path, data)).units[0].projects[0].budget_total == Decimal("1234.50")


def test_a_misspelt_field_is_named_in_chinese(tmp_path, data):
    data["units"][0]["projects"][0]["budjet_total"] = "1.00"
    message = refused(write(tmp_path, data), "units.0.projects.0.budjet_total", "拼错")
    assert "Extra inputs" not in message


def test_a_trailing_comma_names_the_line_in_chinese(tmp_path, data):
    text = json.dumps(data, ensure_ascii=False, indent=2).splitlines()
    text.insert(3, "  ,")  # line 4 of the file
    path = tmp_path / "comma.json"
    path.write_text("\n".join(text), encoding="utf-8")
    message = refused(path, "第 4 行", "JSON 格式错误")
    assert "Expecting" not in message


def test_chinese_quotes_instead_of_ascii_ones(tmp_path):
    path = tmp_path / "quotes.json"
    path.write_text('{\n  "department": “某县科学技术局”\n}', encoding="utf-8")
    message = refused(path, "第 2 行", "中文引号")
    assert "Expecting" not in message


def test_a_file_saved_as_gbk_by_notepad_is_read(tmp_path, data):
    path = write(tmp_path, data, encoding="gbk")
    assert load_document(path).department == "某县科学技术局"


def test_a_percentage_typed_in_words_names_its_field(tmp_path, data):
    data["units"][0]["projects"][0]["spending_plan"]["checkpoints"][1]["value"] = "六成"
    message = refused(write(tmp_path, data), "units.0.projects.0.spending_plan.checkpoints.1.value", "“六成”不是数字")
    assert "InvalidOperation" not in message
