"""Benchmark: reading huge sheets is bounded, and ordinary workbooks read no slower.

Two parts, each against a baseline measured in the same run:

1. Ordinary workbook. Baseline (named ``baseline``): ``read_cells`` of perfdesk's cell reader
   as it was before reading was bounded (``perfdesk/fileio/xlsx_cells.py`` at ``--baseline``,
   default commit 99c3141, loaded from git beside the working tree's), on a generated
   300-project workbook. Runs alternate between the two readers in one process; medians and
   minima are compared. Target: the working tree within 5 % of the baseline (ratio ≤ 1.05).

2. Huge sheets (the files of tests/unit/test_fileio_huge_sheets.py): a number in column A of
   every row down to 1,048,576 or to 200,000 under a project table, and 100,000 rows of pasted
   text under it. Each reader reads each file alone in a fresh process: seconds and peak
   memory (``VmHWM``, the process's own peak: ``ru_maxrss`` would carry this script's across
   fork and exec). The baseline is skipped where it would run past ``--timeout``.

3. With ``--whole``: ``benchmarks/read_workbook.py`` (perfdesk's whole ``read_workbook``
   against bare ``openpyxl.load_workbook``) run twice, in fresh processes, once with the
   baseline cell reader put in place of ``perfdesk.fileio.xlsx_cells`` and once with the
   working tree's; each run's ratio to openpyxl (measured in that run) is compared.

    .venv/bin/python -m benchmarks.read_huge_sheets [--repeat 15] [--baseline REV] [--timeout 600]
        [--skip-huge] [--whole]

The builders below are shared with the tests: a minimal valid .xlsx written as XML straight
into a zip (openpyxl would take minutes for a million rows).
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import zipfile
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

from perfdesk.model.kept_sheet import cell_ref

ROOT = Path(__file__).resolve().parents[1]
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
LAST_ROW = 1_048_576  # Excel's last row
CODE, NAME = "13020822P00871410001L", "科技特派员奖补"

# A project table as a clerk types it (no merges, labels in their own words): rows 1 to 13,
# each holding text, 55 cells in all. Row 14 is left empty; what the clerk added starts on 15.
TABLE = [
    ["1.科技特派员奖补绩效目标表"],
    ["预算单位：339003唐山市丰润区科学技术局", None, None, None, None, "金额单位：万元"],
    ["项目编码", CODE, None, "项目名称", NAME],
    ["年度预算", 12.5, "财政拨款", 10, "其他资金", 2.5],
    ["资金用途", "用于优秀科技特派员奖励"],
    ["资金使用计划(%)", "3月底", "6月底", "10月底", "12月底"],
    [None, "30%", "60%", "90%", "100%"],
    ["年度目标", "1、奖励优秀科技特派员；2、带动农民增收"],
    ["一级指标", "二级指标", "三级指标", "指标解释", "指标值", "取值依据"],
    ["产出指标", "数量指标", "奖励人数", "优秀特派员奖励人数", "≥5人", "资金发放表"],
    [None, "时效指标", "发放时间", "奖励金发放时间", "年底前", "工作计划"],
    ["效果指标", "社会效益指标", "带动增收", "带动农民增收", "效果明显", "历史标准"],
    ["满意度指标", "服务对象满意度指标", "满意度", "特派员满意度", "≥95%", "问卷调查"],
]
FIRST_ADDED = 15


def _cell(row: int, col: int, value) -> str:
    ref = cell_ref(row, col)
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
    return f'<c r="{ref}"><v>{value}</v></c>'


def _table_xml() -> str:
    return "".join(f'<row r="{r}">' + "".join(_cell(r, c, v) for c, v in enumerate(cells, 1) if v is not None)
                   + "</row>" for r, cells in enumerate(TABLE, 1))


def write_xlsx(path: Path, rows: Iterable[str], shared: Iterable[str] = (), merges: Iterable[str] = ()) -> Path:
    """A minimal valid .xlsx ([Content_Types].xml, _rels/.rels, xl/workbook.xml and its rels,
    xl/sharedStrings.xml, xl/worksheets/sheet1.xml) with one sheet ``表``: :data:`TABLE` on top,
    then the ``<row>`` elements of ``rows``, written as they are produced."""
    shared = list(shared)
    merges = list(merges)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '</Types>'))
        archive.writestr("_rels/.rels", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PACKAGE_REL}">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'))
        archive.writestr("xl/workbook.xml", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
            '<sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>'))
        archive.writestr("xl/_rels/workbook.xml.rels", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PACKAGE_REL}">'
            f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'))
        archive.writestr("xl/sharedStrings.xml", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{MAIN}" count="{len(shared)}">'
            + "".join(f"<si><t>{escape(text)}</t></si>" for text in shared) + "</sst>"))
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{MAIN}">'
                        f'<dimension ref="A1:G{LAST_ROW}"/><sheetData>{_table_xml()}'.encode())
            batch: list[str] = []
            for row in rows:
                batch.append(row)
                if len(batch) == 20_000:
                    sheet.write("".join(batch).encode())
                    batch.clear()
            sheet.write("".join(batch).encode())
            sheet.write(b"</sheetData>")
            if merges:
                sheet.write(f'<mergeCells count="{len(merges)}">'.encode()
                            + "".join(f'<mergeCell ref="{ref}"/>' for ref in merges).encode() + b"</mergeCells>")
            sheet.write(b"</worksheet>")
    return path


def numbers_down_to(last: int) -> Iterable[str]:
    """A number (the row's own number) in column A of every row from FIRST_ADDED to ``last``."""
    return (f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(FIRST_ADDED, last + 1))


def pasted_text(first: int, count: int) -> Iterable[str]:
    """``count`` rows of text pasted from ``first`` on, as Excel saves them (shared string
    ``r - first`` in row ``r``); a row whose number ends in 0 was an empty line: a formatted
    cell without a value."""
    for r in range(first, first + count):
        if r % 10 == 0:
            yield f'<row r="{r}"><c r="A{r}" s="1"/></row>'
        else:
            yield f'<row r="{r}"><c r="A{r}" t="s"><v>{r - first}</v></c></row>'


def pasted_strings(first: int, count: int) -> list[str]:
    return [f"第{r}行：从网页复制来的说明文字，{r % 7}号附件" for r in range(first, first + count)]


# ---------------------------------------------------------------------------- measuring
def _baseline_source(revision: str) -> str:
    return subprocess.run(["git", "show", f"{revision}:perfdesk/fileio/xlsx_cells.py"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout


def _load_module(source: str, folder: Path, name: str):
    file = folder / f"{name}.py"
    file.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, file)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


_ALONE = textwrap.dedent("""
    import importlib.util, sys, time
    sys.path.insert(0, sys.argv[3])
    spec = importlib.util.spec_from_file_location("reader", sys.argv[1])
    reader = importlib.util.module_from_spec(spec)
    sys.modules["reader"] = reader
    spec.loader.exec_module(reader)
    start = time.perf_counter()
    workbook = reader.read_cells(sys.argv[2])
    seconds = time.perf_counter() - start
    sheet = workbook.sheets[0]
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))  # KiB
    print(seconds, peak, len(sheet.rows), sheet.max_row,
          getattr(sheet, "unread", None))
""")


def _alone(reader: Path, workbook: Path, timeout: float) -> str:
    try:
        done = subprocess.run([sys.executable, "-c", _ALONE, str(reader), str(workbook), str(ROOT)],
                              capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return f"more than {timeout:.0f} s (stopped)"
    seconds, peak, rows, max_row, unread = done.stdout.strip().split(maxsplit=4)
    return (f"{float(seconds):7.2f} s  peak {int(peak) / 1024:6.0f} MB  rows kept {int(rows):>9,}  "
            f"max_row {int(max_row):>9,}  unread {unread}")


_WHOLE = textwrap.dedent("""
    import importlib.util, sys
    sys.path.insert(0, sys.argv[2])
    name = "perfdesk.fileio.xlsx_cells"
    spec = importlib.util.spec_from_file_location(name, sys.argv[1])
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    for field in ("unread", "unread_cells"):  # the baseline's Sheet lacks them; nothing is left out there
        if not hasattr(module.Sheet, field):
            setattr(module.Sheet, field, None)
    from benchmarks.read_workbook import main
    main(["--repeat", sys.argv[3]])
""")


def _whole(reader: Path, repeat: int) -> str:
    done = subprocess.run([sys.executable, "-c", _WHOLE, str(reader), str(ROOT), str(repeat)], capture_output=True,
                          text=True, cwd=ROOT)
    return done.stdout + done.stderr


def _content(sheets) -> list:
    """What both readers must agree on: each sheet's name, cells (as text), rows and merges.
    Fields added to Sheet later (notes on what was cut or flagged) are left out."""
    return [(sheet.name, {key: str(value) for key, value in sheet.cells.items()}, sorted(sheet.rows),
             sorted(sheet.merges)) for sheet in sheets]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--baseline", default="99c3141", help="git revision of the reader before bounding")
    parser.add_argument("--timeout", type=float, default=600, help="seconds a huge read may take")
    parser.add_argument("--skip-huge", action="store_true")
    parser.add_argument("--whole", action="store_true", help="also run benchmarks.read_workbook with each reader")
    args = parser.parse_args(argv)
    from benchmarks.generate import generate_document
    from perfdesk.fileio import write_workbook

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        baseline = _load_module(_baseline_source(args.baseline), folder, "xlsx_cells_baseline")
        current = _load_module((ROOT / "perfdesk/fileio/xlsx_cells.py").read_text(encoding="utf-8"), folder,
                               "xlsx_cells_current")
        ordinary = folder / "generated.xlsx"
        write_workbook(generate_document(300), ordinary)
        assert _content(baseline.read_cells(str(ordinary)).sheets) == _content(current.read_cells(str(ordinary)).sheets), \
            "the readers differ on an ordinary workbook"
        times: dict[str, list[float]] = {"baseline": [], "working tree": []}
        for i in range(args.repeat):
            pair = [("baseline", baseline), ("working tree", current)]
            for label, module in pair if i % 2 else pair[::-1]:
                start = time.perf_counter()
                module.read_cells(str(ordinary))
                times[label].append(time.perf_counter() - start)
        print(f"300-project workbook ({ordinary.stat().st_size / 1024:.0f} KiB), read_cells, {args.repeat} runs each")
        for label, values in times.items():
            print(f"  {label:14s} median {statistics.median(values):.4f} s  min {min(values):.4f} s")
        median = statistics.median(times["working tree"]) / statistics.median(times["baseline"])
        minimum = min(times["working tree"]) / min(times["baseline"])
        print(f"  working tree / baseline: median {median:.3f}, min {minimum:.3f} (target ≤ 1.05)")
        if args.whole:
            for reader in ("baseline", "current"):
                print(f"benchmarks.read_workbook with the {reader} cell reader (fresh process)")
                print(textwrap.indent(_whole(folder / f"xlsx_cells_{reader}.py", 5).rstrip(), "  "))
        if args.skip_huge:
            return 0 if median <= 1.05 else 1
        files = {
            "numbers to row 1,048,576": (numbers_down_to(LAST_ROW), ()),
            "numbers to row 200,000": (numbers_down_to(200_000), ()),
            "100,000 rows of pasted text": (pasted_text(20, 100_000), pasted_strings(20, 100_000)),
        }
        for label, (rows, shared) in files.items():
            path = write_xlsx(folder / "huge.xlsx", rows, shared)
            print(f"{label} ({path.stat().st_size / 2**20:.1f} MB), read_cells alone in a fresh process")
            for reader in ("baseline", "current"):
                print(f"  {reader:9s} {_alone(folder / f'xlsx_cells_{reader}.py', path, args.timeout)}")
    return 0 if median <= 1.05 else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
