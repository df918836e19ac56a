"""Write the bundled example documents into resources/examples/ from the hand transcriptions.

    .venv/bin/python tools/make_examples.py

The examples are the two published texts of tests/data/samples as typed by hand into
tests/expected_samples (never produced by an importer), so that what ships with the app is
exactly what the tests expect. Each is written as JSON (the document model's own dump) and,
once perfdesk.fileio offers ``save_document``, as the native .xlsx too; funing-2024.xlsx is
the file tools/run.sh opens. Run it again whenever a transcription changes.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from expected_samples import fengrun_2022, funing_2024  # noqa: E402

EXAMPLES = ROOT / "resources" / "examples"
SOURCES = {"funing-2024": funing_2024, "fengrun-2022": fengrun_2022}


def write_text(path: Path, text: str) -> None:
    """Replace ``path`` only once the new text is safely on disk."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, 0o644)  # mkstemp makes it private; a resource is for everyone
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def workbook_saver():
    """perfdesk.fileio.save_document if it exists yet, else None (JSON only)."""
    try:
        from perfdesk.fileio import save_document
    except ImportError:
        return None
    return save_document


def main() -> int:
    EXAMPLES.mkdir(parents=True, exist_ok=True)
    save_document = workbook_saver()
    for name, module in SOURCES.items():
        document = module.build()
        json_path = EXAMPLES / f"{name}.json"
        write_text(json_path, document.model_dump_json(indent=2) + "\n")
        print(f"wrote {json_path.relative_to(ROOT)}")
        if save_document is not None:
            xlsx_path = EXAMPLES / f"{name}.xlsx"
            save_document(document, xlsx_path)
            # save_document keeps the previous file as a backup; an example is regenerated,
            # never edited, so the backup is only clutter in the bundle.
            xlsx_path.with_name(f"{xlsx_path.stem}~{xlsx_path.suffix}").unlink(missing_ok=True)
            print(f"wrote {xlsx_path.relative_to(ROOT)}")
    if save_document is None:
        print("perfdesk.fileio.save_document does not exist yet: no .xlsx written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
