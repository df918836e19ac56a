"""``perfdesk suggest`` in a subprocess, as a clerk or a script runs it."""

from __future__ import annotations

import json
import subprocess
import sys

from library_docs import write_library


def _suggest(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "perfdesk", "suggest", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, timeout=60)


def test_suggest_json_lists_the_rows_with_their_count_and_files(tmp_path):
    first, second = write_library(tmp_path / "往年")
    (tmp_path / "往年" / "坏文件.json").write_text("{不是 JSON", encoding="utf-8")
    done = _suggest("--from", str(tmp_path / "往年"), "特派", "--json")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert [item["level3"] for item in found] == ["特派员满意度", "补助特派员人数"]
    assert {key: found[0][key] for key in ("level1", "level2", "level3", "description", "value", "basis",
                                           "count", "sources")} == {
        "level1": "满意度指标", "level2": "服务对象满意度指标", "level3": "特派员满意度",
        "description": "科技特派员对补助的满意程度", "value": "≥95%", "basis": "问卷调查", "count": 3,
        "sources": [str(first), str(second)]}
    assert "坏文件.json" in done.stderr and "已跳过" in done.stderr


def test_suggest_level2_ranks_and_common_comes_after(tmp_path):
    write_library(tmp_path / "往年")
    done = _suggest("--from", str(tmp_path / "往年"), "--level2", "社会效益指标", "--common", "完成率", "--json")
    found = json.loads(done.stdout)
    assert [item["level3"] for item in found[:2]] == ["宣传任务完成率", "任务完成率"]
    assert not found[0]["common"] and found[2:] and all(item["common"] for item in found[2:])
    assert all(item["sources"] == ["通用共性指标"] for item in found[2:])


def test_suggest_text_output_nothing_found_and_a_missing_folder(tmp_path):
    write_library(tmp_path / "往年")
    done = _suggest("--from", str(tmp_path / "往年"), "满意")
    assert done.returncode == 0 and "特派员满意度" in done.stdout and "3 次" in done.stdout
    nothing = _suggest("--from", str(tmp_path / "往年"), "差旅费")
    assert nothing.returncode == 1 and "没有" in nothing.stdout
    missing = _suggest("--from", str(tmp_path / "不存在"), "满意")
    assert missing.returncode == 2 and "找不到文件夹" in missing.stderr and "Traceback" not in missing.stderr
