"""Long work out of the clerk's way: a :class:`Job` runs a function in a worker thread while
the window stays usable, and tells the GUI thread how it went.

    job = Job(work, parent=window)          # work(progress) -> result, in the worker
    job.progressed.connect(...)             # (done, total, text); total 0: not known
    job.succeeded.connect(...)              # (result), on the GUI thread
    job.failed.connect(...)                 # (exception), on the GUI thread
    job.start(); job.wait(); job.cancel()

``work`` receives a :class:`Progress`: ``progress(done, total, text)`` reports (at most every
50 ms reaches the GUI), ``progress.cancelled`` says the clerk asked to stop (work that cannot
stop halfway simply ignores it). The outcome is delivered exactly once, by the event loop or
by :meth:`Job.wait` (closing the window waits for a save, then handles its outcome at once).

Saving and opening use it (:mod:`perfdesk.ui.file_actions`); PDF export, preview and printing
can too. The work must not touch widgets or the live document: it gets what it needs as an
independent snapshot (e.g. the document's JSON) and its result is installed on the GUI thread.

A worker thread shares the GIL with the GUI: while it runs, the interpreter switches threads
every 1 ms instead of 5 ms. That is not enough for long pure-Python work (writing a workbook):
every Python call the GUI makes while painting then waits its turn, and a click can stall
for a quarter of a second. Such work runs in perfdesk's worker *process* instead:
:func:`in_process` (called from the job's work) hands a module-level function and picklable
arguments to one spawned process, kept for the next time, and waits for the answer without
holding the GIL (the installer's entry point calls ``multiprocessing.freeze_support``, as the
PDF importer's process pool already needs).
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Signal

# How often the interpreter lets the GUI thread in while a worker runs (Python's default: 5 ms).
SWITCH_INTERVAL = 0.001
_switch_lock = threading.Lock()
_running = 0
_default_interval = sys.getswitchinterval()


def _worker_started() -> None:
    global _running, _default_interval
    with _switch_lock:
        if _running == 0:
            _default_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(_default_interval, SWITCH_INTERVAL))
        _running += 1


def _worker_ended() -> None:
    global _running
    with _switch_lock:
        _running -= 1
        if _running == 0:
            sys.setswitchinterval(_default_interval)


class Progress:
    """What the work is given: call it to report, read ``cancelled`` to stop early."""

    def __init__(self, job: "Job") -> None:
        self._job = job
        self._last = 0.0

    def __call__(self, done: int, total: int = 0, text: str = "") -> None:
        now = time.monotonic()
        if now - self._last >= 0.05 or (total and done >= total):
            self._last = now
            self._job.progressed.emit(int(done), int(total), text)

    @property
    def cancelled(self) -> bool:
        return self._job.is_cancelled()


class _Worker(QThread):
    def __init__(self, job: "Job") -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        _worker_started()
        try:
            self.job._result = self.job._work(Progress(self.job))
        except BaseException as error:  # noqa: BLE001 - delivered to the GUI as a message
            self.job._error = error
        finally:
            _worker_ended()


class Job(QObject):
    """One piece of work run once in a worker thread (see the module's docstring)."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    ended = Signal()  # after succeeded or failed

    def __init__(self, work: Callable[[Progress], Any], name: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name or "backgroundJob")
        self._work = work
        self._result: Any = None
        self._error: BaseException | None = None
        self._cancel = threading.Event()
        self._delivered = False
        self._thread = _Worker(self)
        # Queued to this object's (the GUI) thread: the outcome is handled between events.
        self._thread.finished.connect(self._deliver)

    def start(self) -> "Job":
        self._thread.start()
        return self

    def is_running(self) -> bool:
        return not self._delivered

    def cancel(self) -> None:
        """Ask the work to stop (it decides whether it can)."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def wait(self, timeout_ms: int | None = None) -> bool:
        """Block until the work ends and deliver its outcome now; False if ``timeout_ms`` passed first."""
        if self._delivered:
            return True
        if self._thread.isRunning() or not self._thread.isFinished():
            done = self._thread.wait() if timeout_ms is None else self._thread.wait(timeout_ms)
            if not done:
                return False
        self._deliver()
        return True

    def _deliver(self) -> None:
        if self._delivered:
            return
        self._delivered = True
        try:
            if self._error is not None:
                self.failed.emit(self._error)
            else:
                self.succeeded.emit(self._result)
        finally:
            self.ended.emit()


# ------------------------------------------------------------------ the worker process
_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


def _process_pool() -> ProcessPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            import multiprocessing

            # spawn, never fork: a forked copy of a process running Qt threads can hang.
            _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_lower_priority)
        return _pool


_warm: Future | None = None


def start_process() -> None:
    """Start the worker process now, from a plain thread: starting it takes a fork and a second
    of imports, which the clerk should not wait for at the first Ctrl+S. Done once."""
    global _warm
    if _warm is not None:
        return
    _warm = Future()

    def start(ready: Future = _warm) -> None:
        global _answered, _unusable
        try:
            _process_pool().submit(int).result()
            _answered = True
            ready.set_result(True)
        except Exception as error:  # noqa: BLE001 - the work is then done in the thread (run_here_if_need_be)
            _unusable = True
            ready.set_exception(error)

    threading.Thread(target=start, name="perfdesk-process-start", daemon=True).start()


def process_ready() -> bool:
    """Whether the worker process is running and has answered once."""
    return _warm is not None and _warm.done() and _warm.exception() is None


# Whether the worker process ever answered, and whether it could not be started at all (a
# locked-down PC, a broken bundle): then the work runs in the worker thread instead.
_answered = False
_unusable = False


def in_process(function: Callable[..., Any], *args: Any) -> Any:
    """``function(*args)`` in the worker process; its exception is raised here, as it was or,
    if it cannot travel between processes, as the same text. Call it from a Job's work.

    When the process cannot be started at all, the work is done in the calling thread (slower
    for the window, but a save never fails for want of a process); when it dies during the work
    (killed, out of memory), the work is not repeated here: the clerk is told and tries again."""
    global _pool, _warm, _answered, _unusable
    if _unusable:
        return function(*args)
    try:
        future: Future = _process_pool().submit(_call, function, args)
        outcome, value = future.result()
    except (BrokenProcessPool, OSError) as error:
        with _pool_lock:
            _pool = None
        _warm = None
        if not _answered:  # it never ran anything: it cannot start here
            _unusable = True
            return function(*args)
        if isinstance(error, OSError):
            raise
        from perfdesk.errors import PerfdeskError

        raise PerfdeskError("后台处理进程意外退出，操作没有完成，请再试一次。") from None
    _answered = True
    if outcome == "failed":
        raise value
    return value


def _lower_priority() -> None:
    """In the worker process: give way to the window when both want the processor."""
    try:
        if hasattr(os, "nice"):
            os.nice(10)
        elif sys.platform == "win32":
            import ctypes

            below_normal = 0x4000
            ctypes.windll.kernel32.SetPriorityClass(ctypes.windll.kernel32.GetCurrentProcess(), below_normal)
    except Exception:  # noqa: BLE001 - only a courtesy
        pass


def _call(function: Callable[..., Any], args: tuple) -> tuple[str, Any]:
    """In the worker process: the result, or the exception in a form that survives pickling."""
    try:
        return "done", function(*args)
    except Exception as error:  # noqa: BLE001 - handed back to the window, which explains it
        return "failed", _portable(error)


def _portable(error: BaseException) -> BaseException:
    try:
        copy = pickle.loads(pickle.dumps(error))
        if str(copy) == str(error):
            return error
    except Exception:  # noqa: BLE001
        pass
    from perfdesk.errors import PerfdeskError

    if isinstance(error, PerfdeskError):
        return PerfdeskError(str(error))
    if isinstance(error, OSError):
        return OSError(error.errno, error.strerror, error.filename)
    return RuntimeError(f"{type(error).__name__}: {error}")
