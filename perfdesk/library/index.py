"""The indicator library's index: every indicator row of the documents in the chosen folders,
in one SQLite file, with the file and project it came from.

A file is read again only when its size or modification time changed; files gone from the
folders leave the index with their rows. A file that fails to read is recorded with its
Chinese reason (shown in Settings ▸ 指标库 and by ``perfdesk suggest``) and skipped; it is
tried again once it changes. Each file's rows are committed on their own and the summaries
below rebuilt every few seconds of a long update, so a reader on another connection (the
window's completions) sees the library grow and is never blocked (WAL journal).

Rows with the same 二级 and 三级 (``key2``/``key3``: blanks removed, full-width forms folded,
lower case) form a group. After the files of an update are read, summary tables are rebuilt
from the rows in one transaction: ``groups`` (rows, files, wordings), ``variants`` (each
描述/指标值/依据 with its count), ``spellings`` (each 一级/二级/三级 as written) and ``sources``
(each file). A query then touches groups, not rows: an FTS5 trigram index over the groups'
``key3`` answers fragments of three characters or more; one or two characters (a trigram
cannot) are a phrase in a second FTS5 index holding each character as a word; ``instr``
checks every candidate, and SQLite ranks and cuts the list (docs/performance.md has the
figures).
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from perfdesk.errors import PerfdeskError, describe_error
from perfdesk.model import Document

SUFFIXES = (".xlsx", ".xlsm", ".json")
SCHEMA_VERSION = 2

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    error TEXT
);
CREATE TABLE IF NOT EXISTS rows (
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    project TEXT NOT NULL,
    level1 TEXT NOT NULL, level2 TEXT NOT NULL, level3 TEXT NOT NULL,
    description TEXT NOT NULL, value TEXT NOT NULL, basis TEXT NOT NULL,
    key2 TEXT NOT NULL, key3 TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS rows_by_key ON rows(key2, key3);
CREATE INDEX IF NOT EXISTS rows_by_file ON rows(file_id);
CREATE TABLE IF NOT EXISTS groups (
    id INTEGER PRIMARY KEY, key2 TEXT NOT NULL, key3 TEXT NOT NULL, count INTEGER NOT NULL,
    first INTEGER NOT NULL, files INTEGER NOT NULL, wordings INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS groups_by_key ON groups(key2, key3);
CREATE TABLE IF NOT EXISTS variants (
    key2 TEXT, key3 TEXT, description TEXT, value TEXT, basis TEXT, count INTEGER, first INTEGER
);
CREATE INDEX IF NOT EXISTS variants_by_key ON variants(key2, key3, count DESC, first);
CREATE TABLE IF NOT EXISTS spellings (
    key2 TEXT, key3 TEXT, level1 TEXT, level2 TEXT, level3 TEXT, count INTEGER, first INTEGER
);
CREATE INDEX IF NOT EXISTS spellings_by_key ON spellings(key2, key3);
CREATE TABLE IF NOT EXISTS sources (key2 TEXT, key3 TEXT, path TEXT, count INTEGER, first INTEGER);
CREATE INDEX IF NOT EXISTS sources_by_key ON sources(key2, key3);
"""

# The summaries, rebuilt from the rows after an update (well under a second for 20,000 rows).
_SUMMARIES = """
DELETE FROM groups; DELETE FROM variants; DELETE FROM spellings; DELETE FROM sources;
INSERT INTO groups(key2, key3, count, first, files, wordings)
    SELECT key2, key3, count(*), min(id), count(DISTINCT file_id),
           count(DISTINCT description || char(31) || value || char(31) || basis)
    FROM rows GROUP BY key2, key3;
INSERT INTO variants SELECT key2, key3, description, value, basis, count(*), min(id)
    FROM rows GROUP BY key2, key3, description, value, basis;
INSERT INTO spellings SELECT key2, key3, level1, level2, level3, count(*), min(id)
    FROM rows GROUP BY key2, key3, level1, level2, level3;
INSERT INTO sources SELECT r.key2, r.key3, f.path, count(*), min(r.id)
    FROM rows r JOIN files f ON f.id = r.file_id GROUP BY r.key2, r.key3, r.file_id;
"""
# Seconds of reading between two rebuilds of the summaries while a long update runs, so that
# the window's completions see the first files' rows before the last are read.
REBUILD_SECONDS = 5.0

_BLANKS = re.compile(r"\s+")


def normalize(text: str) -> str:
    """The form rows are grouped and searched by: NFKC (全角 Ａ１ → A1), blanks removed,
    lower case. The text shown is always the clerk's own."""
    return _BLANKS.sub("", unicodedata.normalize("NFKC", text or "")).lower()


def library_files(folders: Iterable[str | os.PathLike]) -> list[Path]:
    """The documents in and below ``folders``: .xlsx, .xlsm and .json, without Excel's ``~$``
    lock files and the ``name~.xlsx`` copies perfdesk keeps when saving (they would count
    every row twice)."""
    found: set[Path] = set()
    for folder in folders:
        root = Path(folder)
        if root.is_file():
            candidates: Iterable[Path] = [root]
        elif root.is_dir():
            candidates = root.rglob("*")
        else:
            continue
        for path in candidates:
            name = path.name
            if (path.suffix.lower() in SUFFIXES and not name.startswith("~$") and not path.stem.endswith("~")
                    and path.is_file()):
                found.add(path.resolve())
    return sorted(found)


@dataclass
class IndexReport:
    """What one update did; ``failed`` lists (file, Chinese reason) for every file of the
    folders that could not be read, including ones that failed before and did not change."""

    read: int = 0
    unchanged: int = 0
    removed: int = 0
    rows: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        text = f"读取 {self.read} 个文件，未变 {self.unchanged} 个，移除 {self.removed} 个，共 {self.rows} 行指标"
        if self.failed:
            text += f"；{len(self.failed)} 个文件无法读取"
        return text


def _reason(error: BaseException) -> str:
    if isinstance(error, PerfdeskError):
        return str(error)
    if isinstance(error, OSError):
        return f"无法打开文件：{describe_error(error)}"
    # Not a clerk's concern which Python error it was; the file is simply not a document.
    return "不是可以读取的预算绩效文本"


class LibraryIndex:
    """One connection to the index file (or ``":memory:"``). Use one per thread: the window
    reads with its own while a background thread updates with another."""

    def __init__(self, path: str | os.PathLike = ":memory:") -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.connection = sqlite3.connect(self.path, timeout=10)
        self.connection.create_function("spaced", 1, lambda text: " ".join(text or ""), deterministic=True)
        self.connection.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            self.connection.execute("PRAGMA journal_mode = WAL")
        if self.connection.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            # An index written by another version of perfdesk: it is only a cache of the
            # files, so it is emptied and read again rather than converted.
            for (name,) in self.connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                    "AND name NOT LIKE 'groups_fts_%' AND name NOT LIKE 'groups_chars_%'").fetchall():
                self.connection.execute(f'DROP TABLE IF EXISTS "{name}"')
            self.connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self.connection.commit()
        self.connection.executescript(_SCHEMA)
        self.fts = self._create_fts()
        self.connection.commit()

    _dirty = False

    def _create_fts(self) -> bool:
        try:
            self.connection.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS groups_fts USING fts5(key3, tokenize='trigram')")
            self.connection.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS groups_chars USING fts5(chars, tokenize='unicode61')")
            return True
        except sqlite3.OperationalError:  # an SQLite before 3.34: instr alone (slower, still correct)
            return False

    def close(self) -> None:
        self.connection.close()

    # ------------------------------------------------------------------ update
    def update(self, folders: Iterable[str | os.PathLike], progress: Callable[[int, int, str], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> IndexReport:
        """Bring the index in line with the documents in ``folders`` (and only those)."""
        report = IndexReport()
        self._dirty = False
        files = library_files(folders)
        known = {path: (file_id, size, mtime, error) for file_id, path, size, mtime, error
                 in self.connection.execute("SELECT id, path, size, mtime, error FROM files")}
        wanted = {str(path) for path in files}
        for path, (file_id, *_rest) in known.items():
            if path not in wanted:
                self._forget(file_id)
                report.removed += 1
                self._dirty = True
        self.connection.commit()
        last = time.monotonic()
        for number, path in enumerate(files, 1):
            if cancelled is not None and cancelled():
                break
            if progress is not None:
                progress(number, len(files), str(path))
            try:
                stat = path.stat()
            except OSError as error:
                report.failed.append((str(path), _reason(error)))
                continue
            before = known.get(str(path))
            if before is not None and (before[1], before[2]) == (stat.st_size, stat.st_mtime_ns):
                report.unchanged += 1
                if before[3]:
                    report.failed.append((str(path), before[3]))
                continue
            try:
                from perfdesk.fileio import load_document  # openpyxl only when a file is read

                document = load_document(path)
            except Exception as error:  # noqa: BLE001 - any unreadable file is noted and skipped
                self.add_document(str(path), None, stat.st_size, stat.st_mtime_ns, _reason(error), summarize=False)
                report.failed.append((str(path), _reason(error)))
                continue
            self.add_document(str(path), document, stat.st_size, stat.st_mtime_ns, summarize=False)
            report.read += 1
            if time.monotonic() - last >= REBUILD_SECONDS:
                self.summarize()
                last = time.monotonic()
        if self._dirty:
            self.summarize()
        report.rows = self.row_count()
        return report

    def summarize(self) -> None:
        """Rebuild the summary tables (and the search index over them) from the rows."""
        self.connection.executescript("BEGIN;" + _SUMMARIES + (
                "DELETE FROM groups_fts; INSERT INTO groups_fts(rowid, key3) SELECT id, key3 FROM groups;"
                "DELETE FROM groups_chars; INSERT INTO groups_chars(rowid, chars) SELECT id, spaced(key3) FROM groups;"
            if self.fts else "") + "COMMIT;")
        self._dirty = False

    def add_document(self, path: str, document: Document | None, size: int = 0, mtime: int = 0,
                     error: str | None = None, summarize: bool = True) -> None:
        """Replace what the index holds for ``path`` by ``document``'s rows (or by the error);
        ``summarize=False`` leaves the summaries to be rebuilt once after many files."""
        with self.connection:
            found = self.connection.execute("SELECT id FROM files WHERE path = ?", (path,)).fetchone()
            if found:
                self._forget(found[0], commit=False)
            cursor = self.connection.execute("INSERT INTO files(path, size, mtime, error) VALUES (?, ?, ?, ?)",
                                             (path, size, mtime, error))
            if document is not None:
                self._insert_rows(cursor.lastrowid, _rows(document))
        self._dirty = True
        if summarize:
            self.summarize()

    def _insert_rows(self, file_id: int, rows: Iterator[tuple[str, ...]]) -> None:
        self.connection.executemany(
            "INSERT INTO rows(file_id, project, level1, level2, level3, description, value, basis, key2, key3) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(file_id, project, l1, l2, l3, description, value, basis, normalize(l2), normalize(l3))
             for project, l1, l2, l3, description, value, basis in rows])

    def _forget(self, file_id: int, commit: bool = True) -> None:
        self.connection.execute("DELETE FROM rows WHERE file_id = ?", (file_id,))
        self.connection.execute("DELETE FROM files WHERE id = ?", (file_id,))
        if commit:
            self.connection.commit()

    # ------------------------------------------------------------------ reading
    def row_count(self) -> int:
        return self.connection.execute("SELECT count(*) FROM rows").fetchone()[0]

    def file_count(self) -> int:
        return self.connection.execute("SELECT count(*) FROM files WHERE error IS NULL").fetchone()[0]

    def failures(self) -> list[tuple[str, str]]:
        """(file, reason) for the files that could not be read at their last try."""
        return list(self.connection.execute("SELECT path, error FROM files WHERE error IS NOT NULL ORDER BY path"))

    def level2_names(self) -> list[str]:
        """The 二级指标 the library holds as written, most rows first (the dialog's filter)."""
        return [name for name, _ in self.connection.execute(
            "SELECT level2, sum(count) AS n FROM spellings WHERE key2 != '' GROUP BY key2 ORDER BY n DESC, level2")]

    def top_groups(self, key: str, prefer: str = "", only_level2: str = "",
                   limit: int | None = 20) -> list[tuple[str, str, int, int, int]]:
        """(key2, key3, rows, files, wordings) of the groups whose key3 contains ``key`` (all
        when empty), best first: the whole key3, then its start, then inside it; the ``prefer``
        二级 first among equals; then most rows. ``only_level2`` keeps that 二级 alone."""
        params: list[object] = [key, len(key), key, prefer]
        if key and self.fts and len(key) >= 3:
            sql = "SELECT g.key2, g.key3, g.count, g.files, g.wordings FROM groups_fts f JOIN groups g ON g.id = f.rowid " \
                  "WHERE groups_fts MATCH ?"
            where = ['"' + key.replace('"', '""') + '"']
        elif key and self.fts and all(char.isalnum() for char in key):
            # Each character is a word of groups_chars: the fragment is a phrase of them.
            sql = "SELECT g.key2, g.key3, g.count, g.files, g.wordings FROM groups_chars c JOIN groups g " \
                  "ON g.id = c.rowid WHERE groups_chars MATCH ? AND instr(g.key3, ?) > 0"
            where = ['"' + " ".join(key) + '"', key]
        elif key:
            sql = "SELECT g.key2, g.key3, g.count, g.files, g.wordings FROM groups g WHERE instr(g.key3, ?) > 0"
            where = [key]
        else:
            sql = "SELECT g.key2, g.key3, g.count, g.files, g.wordings FROM groups g WHERE 1"
            where = []
        if only_level2:
            sql += " AND g.key2 = ?"
            where.append(only_level2)
        sql += (" ORDER BY CASE WHEN g.key3 = ? THEN 0 WHEN substr(g.key3, 1, ?) = ? THEN 1 ELSE 2 END,"
                " CASE WHEN g.key2 = ? THEN 0 ELSE 1 END, g.count DESC, length(g.key3), g.key3, g.key2 LIMIT ?")
        return list(self.connection.execute(sql, where + params + [-1 if limit is None else limit]))

    def spellings(self, key2: str, key3: str) -> list[tuple[str, str, str, int, int]]:
        """(level1, level2, level3, rows, first row) of each way the group's names are written."""
        return list(self.connection.execute(
            "SELECT level1, level2, level3, count, first FROM spellings WHERE key2 = ? AND key3 = ?", (key2, key3)))

    def variants(self, key2: str, key3: str, limit: int | None = None) -> list[tuple[str, str, str, int]]:
        """(description, value, basis, rows) of the group, most rows first (ties: indexed first)."""
        return list(self.connection.execute(
            "SELECT description, value, basis, count FROM variants WHERE key2 = ? AND key3 = ? "
            "ORDER BY count DESC, first LIMIT ?", (key2, key3, -1 if limit is None else limit)))

    def sources(self, key2: str, key3: str) -> list[str]:
        """The files the group's rows come from, most rows first."""
        return [path for path, in self.connection.execute(
            "SELECT path FROM sources WHERE key2 = ? AND key3 = ? ORDER BY count DESC, first", (key2, key3))]

    def details(self, key2: str, key3: str) -> tuple[dict[tuple[str, str, str], list[str]], list[str]]:
        """The files of each wording of the group (most rows first), and its projects."""
        by_variant: dict[tuple[str, str, str], list[str]] = {}
        for description, value, basis, path in self.connection.execute(
                "SELECT r.description, r.value, r.basis, f.path FROM rows r JOIN files f ON f.id = r.file_id "
                "WHERE r.key2 = ? AND r.key3 = ? GROUP BY r.description, r.value, r.basis, r.file_id "
                "ORDER BY count(*) DESC, min(r.id)", (key2, key3)):
            by_variant.setdefault((description, value, basis), []).append(path)
        projects = [name for name, in self.connection.execute(
            "SELECT project FROM rows WHERE key2 = ? AND key3 = ? GROUP BY project ORDER BY count(*) DESC, min(id)",
            (key2, key3))]
        return by_variant, projects


def _rows(document: Document) -> Iterator[tuple[str, ...]]:
    """(project, 一级 … 依据) of every indicator row with a 三级指标; a row without one is no
    indicator a clerk could pick."""
    for _, _, _, project in document.projects():
        name = project.name or project.code
        for row in project.indicators:
            if row.level3.strip():
                yield (name, row.level1.strip(), row.level2.strip(), row.level3.strip(), row.description,
                       row.value, row.basis)
