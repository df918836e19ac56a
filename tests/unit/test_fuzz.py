"""Fuzzing the readers (issue 16): mutated workbooks, mutated JSON and mutated import texts must
each end in a document or a Chinese message with no Python exception name in it, within a time
and a memory limit. A document that opens must also save as .xlsx and open again (or the save
must say in Chinese why not): perfdesk never writes a file it will not open.

Hypothesis draws a fixed sequence (``derandomize``), so CI sees the same examples every run;
``PERFDESK_FUZZ_EXAMPLES=5000`` runs that many per reader by hand (docs/robustness.md).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import resource
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from expected_samples import funing_2024
from perfdesk.errors import PerfdeskError, SaveError
from perfdesk.fileio.api import document_json, new_template, open_document, save_document
from perfdesk.importers import import_file

DATA = Path(__file__).resolve().parents[1] / "data"
EXAMPLES = int(os.environ.get("PERFDESK_FUZZ_EXAMPLES", "0")) or None
FUZZ = settings(max_examples=EXAMPLES or 60, derandomize=True, deadline=None, database=None,
                suppress_health_check=list(HealthCheck), print_blob=True)
SECONDS = 10.0  # per example, on 2 shared cores: a reader that hangs fails, a slow run does not
MEGABYTES = 400  # growth of the process' peak memory in one example

# What a clerk must never read: an exception's class name or Python's English.
PYTHON_WORDS = re.compile(r"\b[A-Z][a-zA-Z]+(Error|Exception|Warning)\b|Traceback|InvalidOperation|Overflow"
                          r"|validation error|Input should|codec can't|Errno|NoneType|object has no attribute"
                          r"|invalid literal|index out of range|not subscriptable|unsupported operand")
CHINESE = re.compile("[\u4e00-\u9fff]")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def _ends_well(read, path: Path, roundtrip: Path | None = None) -> None:  # noqa: ANN001
    """``read(path)`` gives a result with a document, or a PerfdeskError in Chinese; then, when
    asked, the document saves as .xlsx (or SaveError in Chinese) and that file opens again.
    With PERFDESK_FUZZ_KEEP=FOLDER every failing input is copied there, for the record."""
    try:
        _check(read, path, roundtrip)
    except BaseException:
        keep = os.environ.get("PERFDESK_FUZZ_KEEP")
        if keep:
            content = path.read_bytes()
            name = f"{hashlib.sha1(content).hexdigest()[:12]}{path.suffix}"
            Path(keep).mkdir(parents=True, exist_ok=True)
            (Path(keep) / name).write_bytes(content)
        raise


def _check(read, path: Path, roundtrip: Path | None) -> None:  # noqa: ANN001
    start, peak = time.perf_counter(), _peak_mb()
    try:
        document = read(path).document
    except PerfdeskError as error:
        message = str(error)
        assert CHINESE.search(message) and not PYTHON_WORDS.search(message), message
        document = None
        event("refused with a message")  # --hypothesis-show-statistics counts the outcomes
    else:
        event("read as a document")
    if document is not None and roundtrip is not None:
        try:
            save_document(document, roundtrip)
        except SaveError as error:
            assert CHINESE.search(str(error)) and not PYTHON_WORDS.search(str(error)), str(error)
            event("document, save refused with a message")
        else:
            open_document(roundtrip)  # a file perfdesk wrote must open: any error fails the test
            roundtrip.unlink()
    elapsed = time.perf_counter() - start
    assert elapsed < SECONDS, f"{elapsed:.1f} s"
    assert _peak_mb() - peak < MEGABYTES


def _encoded(text: str, encoding: str) -> bytes:
    """Text as a file holds it; a lone surrogate stays in as the bytes a careless writer leaves."""
    return text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")


def _at(draw, data, minimum: int = 0) -> int:  # noqa: ANN001
    return draw(st.integers(min(minimum, len(data)), len(data)))


# ------------------------------------------------------------------ workbooks
SEED_WORKBOOKS = [DATA / "workbooks" / "writer-funing-2024.xlsx", DATA / "workbooks" / "writer-fengrun-2022.xlsx"]


def _parts(path: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(path) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


SEED_PARTS = [_parts(path) for path in SEED_WORKBOOKS]
HUGE_VALUES = [b"1e999", b"9" * 5000, b"-1E+400", b"NaN", b"inf", b"1.7976931348623157E+309", b"0x10", b"", b"1e-999"]
ODD_REFS = [b"A0", b"XFD1048577", b"", b"ZZZZ1", b"B-1", b"a1", b"A99999999999", b"A1:A1048576", b"$B$7"]
ODD_TEXT = [b"_xD800_", b"_xDFFF_x_", b"&#xD800;", b"&#0;", b"\x00", b"_x0000_", "\u202e".encode(), b"]]>",
            b"<t>", "𠀀".encode(), b"&amp;&lt;", b"\xff\xfe"]
_ROW = re.compile(rb"<row\b.*?</row>", re.S)
_VALUE = re.compile(rb"<v>[^<]*</v>")
_REF = re.compile(rb'\b(r|ref|sqref)="[^"]*"')
_TEXT = re.compile(rb"<t(?: [^>]*)?>")


def _replace_one(draw, data: bytes, pattern: re.Pattern, make) -> bytes:  # noqa: ANN001
    found = list(pattern.finditer(data))
    if not found:
        return data
    match = draw(st.sampled_from(found))
    return data[:match.start()] + make(match) + data[match.end():]


@st.composite
def mutated_workbooks(draw) -> bytes:  # noqa: ANN001
    parts = list(draw(st.sampled_from(SEED_PARTS)))
    xml = [i for i, (info, _) in enumerate(parts) if info.filename.endswith((".xml", ".rels"))]
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.sampled_from(xml))
        info, data = parts[index]
        kind = draw(st.sampled_from(["truncate", "flip", "row", "number", "ref", "text", "drop", "garbage"]))
        if kind == "truncate":
            data = data[:_at(draw, data)]
        elif kind == "flip":
            for _ in range(draw(st.integers(1, 8))):
                if data:
                    at = draw(st.integers(0, len(data) - 1))
                    data = data[:at] + bytes([data[at] ^ (1 << draw(st.integers(0, 7)))]) + data[at + 1:]
        elif kind == "row":
            times = draw(st.integers(1, 50))
            data = _replace_one(draw, data, _ROW, lambda m: m.group() * (times + 1))
        elif kind == "number":
            value = draw(st.sampled_from(HUGE_VALUES))
            data = _replace_one(draw, data, _VALUE, lambda m: b"<v>" + value + b"</v>")
        elif kind == "ref":
            ref = draw(st.sampled_from(ODD_REFS))
            data = _replace_one(draw, data, _REF, lambda m: m.group(1) + b'="' + ref + b'"')
        elif kind == "text":
            odd = draw(st.sampled_from(ODD_TEXT))
            data = _replace_one(draw, data, _TEXT, lambda m: m.group() + odd)
        elif kind == "drop":
            parts[index] = (info, b"")
            if draw(st.booleans()):
                parts.pop(index)
                xml = [i for i, (info, _) in enumerate(parts) if info.filename.endswith((".xml", ".rels"))]
            continue
        else:
            at = _at(draw, data)
            data = data[:at] + draw(st.binary(min_size=1, max_size=24)) + data[at:]
        parts[index] = (info, data)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts:
            archive.writestr(info.filename, data)
    return buffer.getvalue()


@FUZZ
@given(workbook=mutated_workbooks())
def test_mutated_workbooks_open_or_say_why(workbook, tmp_path_factory):
    folder = tmp_path_factory.mktemp("xlsx", numbered=True)
    path = folder / "变异.xlsx"
    path.write_bytes(workbook)
    _ends_well(open_document, path, folder / "另存.xlsx")


# ------------------------------------------------------------------ JSON
SEED_JSON = [document_json(new_template("财政局", 2026)).decode("utf-8"), document_json(funing_2024.build()).decode("utf-8")]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**30, 10**30) | st.text(max_size=12)
    | st.sampled_from(["1e999", "NaN", "12.345", "-0.00", "hebei", "mof2021", "产出指标", "\ud800", "=SUM(A1)", "3月底"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8)


def _places(value, path=()):  # noqa: ANN001, ANN202
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _places(item, (*path, index))


@st.composite
def mutated_json(draw) -> bytes:  # noqa: ANN001
    data = json.loads(draw(st.sampled_from(SEED_JSON)))
    for _ in range(draw(st.integers(1, 3))):
        place = draw(st.sampled_from(list(_places(data))[1:]))
        parent = data
        for step in place[:-1]:
            parent = parent[step]
        kind = draw(st.sampled_from(["value", "delete", "wrap", "duplicate", "unknown"]))
        if kind == "value":
            parent[place[-1]] = draw(json_values)
        elif kind == "delete":
            del parent[place[-1]]
        elif kind == "wrap":
            parent[place[-1]] = [parent[place[-1]]]
        elif kind == "duplicate" and isinstance(parent, list):
            parent.insert(place[-1], parent[place[-1]])
        elif isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=6))] = draw(json_values)
    text = json.dumps(data, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 1])))
    kind = draw(st.sampled_from(["none"] * 5 + ["truncate", "flip", "deep", "digits", "garbage"]))
    if kind == "truncate":
        text = text[:_at(draw, text)]
    elif kind == "flip":
        at = draw(st.integers(0, len(text) - 1))
        text = text[:at] + draw(st.sampled_from(list('{}[]",:0\\\ud800x中'))) + text[at + 1:]
    elif kind == "deep":
        at = _at(draw, text)
        depth = draw(st.integers(150, 50_000))
        text = text[:at] + draw(st.sampled_from(["[", "{\"a\":"])) * depth + text[at:]
    elif kind == "digits":
        at = _at(draw, text)
        text = text[:at] + "9" * draw(st.integers(50, 20_000)) + text[at:]
    elif kind == "garbage":
        at = _at(draw, text)
        text = text[:at] + draw(st.text(min_size=1, max_size=20)) + text[at:]
    return _encoded(text, draw(st.sampled_from(["utf-8", "utf-8", "utf-16", "gb18030"])))


@FUZZ
@given(content=mutated_json())
def test_mutated_json_opens_or_says_why(content, tmp_path_factory):
    folder = tmp_path_factory.mktemp("json", numbered=True)
    path = folder / "变异.json"
    path.write_bytes(content)
    _ends_well(open_document, path, folder / "另存.xlsx")


# ------------------------------------------------------------------ import texts
SEED_TEXTS = [(DATA / "samples" / name).read_text(encoding="utf-8").splitlines()
              for name in ("fengrun-2022-docx-extract.txt", "funing-2024-pdf-extract.txt")]
SEED_TEXTS.append((DATA / "import" / "word-no-cover-two-units.txt").read_text(encoding="utf-8").splitlines())
text_pieces = st.text(alphabet=st.sampled_from(list("产出指标数量质量时效成本效益满意度项目名称预算金额万元（）()、，。：:%≥≤0123456789.\t 一二三四五六七八九十第部分\x00\x0b\ud800")),
                      max_size=40)


@st.composite
def mutated_texts(draw) -> bytes:  # noqa: ANN001
    lines = list(draw(st.sampled_from(SEED_TEXTS)))
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            lines.append("")
        at = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "digits", "truncate", "tabs"]))
        if kind == "delete":
            del lines[at:at + draw(st.integers(1, 30))]
        elif kind == "duplicate":
            lines[at:at] = lines[at:at + draw(st.integers(1, 20))] * draw(st.integers(1, 20))
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == "insert":
            lines.insert(at, draw(text_pieces))
        elif kind == "digits":
            lines[at] = re.sub(r"\d+", "9" * draw(st.integers(20, 5000)), lines[at], count=1)
        elif kind == "truncate":
            lines[at] = lines[at][:draw(st.integers(0, len(lines[at])))]
        else:
            lines[at] = lines[at].replace(" ", "\t").replace("，", "\t")
    return _encoded("\n".join(lines), draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"])))


@FUZZ
@given(content=mutated_texts())
def test_mutated_import_texts_import_or_say_why(content, tmp_path_factory):
    folder = tmp_path_factory.mktemp("import", numbered=True)
    path = folder / "变异.txt"
    path.write_bytes(content)
    _ends_well(import_file, path, folder / "导入.xlsx")


@pytest.mark.parametrize("seed", SEED_WORKBOOKS)
def test_the_seeds_themselves_open(seed):
    assert open_document(seed).document.project_count() > 0
