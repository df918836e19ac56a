"""Drawing the document's pieces on all the machine's cores (:mod:`perfdesk.pdf.pages`), in
order, with progress, a way to stop, and the first pages handed over as soon as they exist.

The segments (cover, 目录, Part 1, one per project) are grouped into pieces of about equal
work, the first one small so that a preview can show the first pages early. With one job the
pieces are drawn here, one after the other; with more, by a pool of worker processes kept for
the next export. Workers are forked where that is safe (Linux, a process without threads or Qt)
and started fresh elsewhere (Windows, the window's process). A pool that breaks (a worker killed)
is dropped and the rest is drawn here.
"""

from __future__ import annotations

import math
import os
import sys
import threading
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Callable

from perfdesk.errors import Cancelled, PerfdeskError
from perfdesk.pdf.pages import DrawnPage, PageStyle, Segment, Unprimed, draw_piece

# Fewer segments than this are drawn in one process: starting workers would cost more. Forked
# workers start at once; started fresh (Windows, the window's process) each first spends about a
# second importing and reading the fonts, unless the pool is already running (warm_up).
MIN_PARALLEL_SEGMENTS = 24
MIN_PARALLEL_SEGMENTS_COLD = 150
PIECES_PER_JOB = 4  # enough pieces that a slow one does not keep the other cores waiting
MAX_PIECE_SEGMENTS = 40  # … and small enough that progress moves and a stop is quick
POLL = 0.05  # seconds between looks at ``cancelled`` while the workers draw


def machine_cores() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def jobs_for(segment_count: int, jobs: int | None) -> int:
    """How many processes draw: ``jobs`` if given, else one per core for a large document."""
    if jobs is not None:
        return max(1, jobs)
    cold = _pool is None and _start_method() != "fork"
    return machine_cores() if segment_count >= (MIN_PARALLEL_SEGMENTS_COLD if cold else MIN_PARALLEL_SEGMENTS) else 1


def warm_up(jobs: int | None = None) -> None:
    """Start the workers now and have them read the usual fonts, so that the first large
    export does not wait for that (the window calls it when a large document is opened)."""
    count = jobs or machine_cores()
    if count < 2:
        return
    pool = _shared_pool(count)
    for future in [pool.submit(_get_ready) for _ in range(count)]:
        future.result()


def _get_ready() -> None:
    from perfdesk.layout.profile import load_profile
    from perfdesk.pdf.fonts import find_profile_fonts

    find_profile_fonts(load_profile(None).fonts)


def make_pieces(segments: list[Segment], jobs: int) -> list[list[Segment]]:
    """Consecutive segments grouped into pieces of about equal weight; the first one half as
    heavy, so that the first pages are ready early."""
    weights = [segment.weight for segment in segments]
    count = max(jobs * PIECES_PER_JOB, math.ceil(len(segments) / MAX_PIECE_SEGMENTS))
    target = sum(weights) / max(1, count)
    pieces: list[list[Segment]] = [[]]
    load = 0.0
    for segment, weight in zip(segments, weights):
        limit = target / 2 if len(pieces) == 1 else target
        if pieces[-1] and (load + weight / 2 > limit or len(pieces[-1]) >= MAX_PIECE_SEGMENTS):
            pieces.append([])
            load = 0.0
        pieces[-1].append(segment)
        load += weight
    return pieces


class Drawing:
    """Draws pieces in order; ``pages`` grows as the pieces in front are done."""

    def __init__(self, style: PageStyle, pieces: list[list[Segment]], jobs: int, *,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None,
                 first_pages: Callable[[list[DrawnPage], PageStyle], None] | None = None) -> None:
        self.style, self.pieces, self.jobs = style, pieces, jobs
        self.progress, self.cancelled, self.first_pages = progress, cancelled, first_pages
        self.weights = [sum(segment.weight for segment in piece) for piece in pieces]
        self.done: dict[int, list[DrawnPage]] = {}
        self.pages: list[DrawnPage] = []
        self._next = 0  # the first piece whose pages are not yet in self.pages
        self._first_shown = first_pages is None

    def run(self) -> tuple[list[DrawnPage], PageStyle]:
        """Every page in order, and the style they were drawn with (with any characters added)."""
        if self.jobs > 1 and len(self.pieces) > 1:
            try:
                self._in_pool()
            except (BrokenProcessPool, OSError):
                # A worker died (killed, out of memory), or the pool's pipes closed under it. An
                # error of the work itself would come again below, here, and be raised then.
                _drop_pool()
        for index in range(len(self.pieces)):  # what the pool did not draw (one job, a broken pool)
            if index not in self.done:
                self._stop_if_asked()
                self._finished(index, self._draw_here(index))
        return self.pages, self.style

    def _draw_here(self, index: int) -> list[DrawnPage]:
        while True:
            drawn_with = self.style
            try:
                return draw_piece(drawn_with, self.pieces[index])
            except Unprimed as more:
                self._prime_more(more, drawn_with)

    def _prime_more(self, more: Unprimed, drawn_with: PageStyle) -> None:
        """Add what a piece met to the priming, before it is drawn again."""
        extended = self.style.extended(more.chars)
        if extended.primed == drawn_with.primed:  # nothing new for it: drawing again would loop
            raise PerfdeskError("PDF 排版失败：各部分页面的字体编码无法一致，请把文档发给维护人员。")
        self.style = extended  # (a piece drawn with an older priming may find it all there now)

    def _in_pool(self) -> None:
        pool = _shared_pool(self.jobs)
        running: dict[Future, tuple[int, PageStyle]] = {
            pool.submit(draw_piece, self.style, piece): (index, self.style) for index, piece in enumerate(self.pieces)}
        try:
            while running:
                finished, _ = wait(running, timeout=POLL, return_when=FIRST_COMPLETED)
                self._stop_if_asked()
                for future in finished:
                    index, drawn_with = running.pop(future)
                    try:
                        pages = future.result()
                    except Unprimed as more:
                        self._prime_more(more, drawn_with)
                        running[pool.submit(draw_piece, self.style, self.pieces[index])] = (index, self.style)
                        continue
                    self._finished(index, pages)
        finally:
            for future in running:
                future.cancel()  # stopped or failed: what has not started need not run

    def _finished(self, index: int, pages: list[DrawnPage]) -> None:
        self.done[index] = pages
        while self._next in self.done:
            self.pages.extend(self.done[self._next])
            self._next += 1
        if self.progress is not None:
            # How many pages in all, guessed from the pages the work done so far gave.
            drawn = sum(len(pages) for pages in self.done.values())
            done_weight = sum(self.weights[i] for i in self.done) or 1
            if len(self.done) == len(self.pieces):
                self.progress(drawn, drawn)
            else:
                self.progress(drawn, max(drawn + 1, round(drawn * sum(self.weights) / done_weight)))
        if not self._first_shown and self._next and self._next < len(self.pieces) * 0.6:
            self._first_shown = True
            self.first_pages(list(self.pages), self.style)

    def _stop_if_asked(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled("已取消导出，没有写入任何文件。")


# ------------------------------------------------------------------ the pool
_pool: ProcessPoolExecutor | None = None
_pool_jobs = 0
_pool_lock = threading.Lock()


def _start_method() -> str:
    # fork is quick (the fonts are already read) but unsafe in a process running other threads
    # (Qt's among them): a forked copy can hang on a lock one of them held.
    if sys.platform.startswith("linux") and threading.active_count() == 1 and "PySide6.QtCore" not in sys.modules:
        return "fork"
    return "spawn"


def _shared_pool(jobs: int) -> ProcessPoolExecutor:
    global _pool, _pool_jobs
    with _pool_lock:
        if _pool is None or _pool_jobs != jobs:
            if _pool is not None:
                _pool.shutdown(wait=False, cancel_futures=True)
            import multiprocessing

            _pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(_start_method()))
            _pool_jobs = jobs
        return _pool


def shutdown() -> None:
    """End the workers and wait for them (a process that started them calls it before it ends)."""
    global _pool
    with _pool_lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


def _drop_pool() -> None:
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None
