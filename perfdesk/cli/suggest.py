"""``perfdesk suggest --from FOLDER [--from FOLDER2 …] [--common] [--level2 二级] TEXT [--json]``:
the indicator library's search from the command line.

The named folders only are read (into an index in memory; the window's own library is not
touched), ``--common`` adds the shipped 通用共性指标 after them. A readable list, or with
``--json`` a list of ``{"level1", "level2", "level3", "description", "value", "basis", "count",
"sources"}`` (plus ``"common"`` and the other ``"variants"``). Files that could not be read are
named on stderr. Exit status: 0 something found, 1 nothing, 2 an error.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

from perfdesk.errors import PerfdeskError
from perfdesk.library import LibraryIndex, search


def run_suggest(args: Any, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    folders = list(args.folders or [])
    missing = [folder for folder in folders if not Path(folder).exists()]
    if missing:
        raise PerfdeskError(f"找不到文件夹“{missing[0]}”。")
    if not folders and not args.common:
        raise PerfdeskError("请用 --from 指定存放往年文本的文件夹，或用 --common 查通用共性指标。")
    index = LibraryIndex(":memory:")
    try:
        report = index.update(folders)
        for path, reason in report.failed:
            print(f"perfdesk: 已跳过“{path}”：{reason}", file=sys.stderr)
        found = search(index, args.text, args.level2 or "", common=args.common, limit=args.limit, details=True)
    finally:
        index.close()
    if args.json:
        json.dump([item.to_json() for item in found], out, ensure_ascii=False, indent=2)
        print(file=out)
    else:
        for number, item in enumerate(found, 1):
            mark = "〔通用共性指标〕" if item.common else f"（{item.count} 次，{len(item.sources)} 个文件）"
            print(f"{number}. {item.level1} / {item.level2} / {item.level3} {mark}", file=out)
            print(f"   描述：{item.description}  指标值：{item.value}  依据：{item.basis}", file=out)
            if item.wordings > 1:
                print(f"   另有 {item.wordings - 1} 种写法", file=out)
            if not item.common:
                for source in item.sources:
                    print(f"   来源：{source}", file=out)
        if not found:
            print(f"指标库里没有含“{args.text}”的三级指标", file=out)
    return 0 if found else 1
