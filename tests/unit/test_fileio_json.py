"""The JSON file is the model's own serialisation; its committed JSON Schema is current."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from benchmarks.generate import generate_document
from perfdesk.fileio import load_document, save_document
from perfdesk.fileio.json_io import SCHEMA_FILE, schema_text

ROOT = Path(__file__).resolve().parents[2]


def test_committed_schema_is_current():
    assert SCHEMA_FILE == ROOT / "docs" / "schema" / "document.schema.json"
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "docs/schema/document.schema.json is stale: run python docs/schema/make_schema.py")
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert {"department", "year", "units", "part1"} <= set(schema["properties"])


def test_json_keeps_amounts_exact_as_strings(tmp_path):
    document = generate_document(projects=3, seed=5, units=1)
    document.units[0].projects[0].budget_total = Decimal("0.10")
    save_document(document, tmp_path / "d.json")
    data = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert data["units"][0]["projects"][0]["budget_total"] == "0.10"
    assert data["department"] == "承德高新技术产业开发区科学技术局"  # Chinese written as such, not escaped
    assert load_document(tmp_path / "d.json") == document


def test_hand_written_json_with_numbers_reads_as_decimal(tmp_path):
    path = tmp_path / "hand.json"
    path.write_text(json.dumps({"department": "某局", "year": 2025, "units": [{"code": "112001", "name": "某局本级",
                    "projects": [{"name": "项目", "budget_total": 0.1, "spending_plan": {"checkpoints": [
                        {"label": "3月底", "value": 33.3}]}}]}]}, ensure_ascii=False), encoding="utf-8")
    project = load_document(path).units[0].projects[0]
    assert project.budget_total == Decimal("0.10")
    assert project.spending_plan.values == [Decimal("33.3")]
