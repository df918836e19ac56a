"""The PDF work the window hands to its worker process (or, for a small document or where no
process can start, to a worker thread): lay out a snapshot of the document (its JSON) and write
the PDF, reporting the pages laid out, stopping when the clerk cancels, and sending the first
pages early so that the print preview can open before the rest is done.

No Qt widgets here: the worker process imports this module (see :mod:`perfdesk.ui.background`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from perfdesk.errors import Cancelled
from perfdesk.model import Document
from perfdesk.ui.background import in_worker_process, reporter, send


@dataclass
class FirstPages:
    """A complete small PDF of the document's first pages, sent while the rest is laid out."""

    pdf: bytes


@dataclass
class Exported:
    """What the export gave: the PDF's pages, and notes (e.g. a chosen font was not usable)."""

    pages: int
    notes: list[str] = field(default_factory=list)


def export_snapshot(json: str, target: str, project_codes: list[str] | None, fonts, profile: str | None,  # noqa: ANN001
                    jobs: int | None = None) -> Exported:
    """Write the document of ``json`` as a PDF to ``target`` (``perfdesk.pdf.export_pdf``: the
    old file stays as it was until the new one is complete, and a cancelled export writes
    nothing). ``fonts``: a ``FontPaths`` or None; ``jobs``: processes laying out pages (None:
    the export's choice in the worker process, one in a thread of the window, where it runs
    only for a small document or when no process could be started)."""
    from perfdesk.pdf import export_pdf

    if jobs is None and not in_worker_process():
        jobs = 1

    report, cancelled = reporter()
    if cancelled():  # cancelled while waiting behind another piece of work
        raise Cancelled()
    document = Document.model_validate_json(json)
    result = export_pdf(document, Path(target), project_codes, fonts=fonts, profile=profile, jobs=jobs,
                        progress=lambda done, total: report(done, total), cancelled=cancelled,
                        first_pages=lambda pdf: send(FirstPages(bytes(pdf))))
    return Exported(result.pages, list(result.notes))


def warm_up() -> None:
    """Start the parallel export's own worker processes now (in the worker process, where the
    export runs) and have them read the fonts, so that the first large export does not wait
    for that (``perfdesk.pdf.parallel.warm_up``)."""
    from perfdesk.pdf import parallel

    parallel.warm_up()
