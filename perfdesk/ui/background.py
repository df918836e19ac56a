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

Work in the process can report and be stopped too: ``in_process(function, *args,
progress=progress)`` (the job's :class:`Progress`) lets ``function`` call :func:`reporter`,
which gives it ``(report, cancelled)``: ``report(done, total, text)`` reaches
``progress(done, total, text)`` in the window, ``cancelled()`` turns true once the clerk
cancelled the job; :func:`send` hands a picklable value to ``progress.send`` (the job's
``received`` signal), e.g. the first pages of a PDF for a preview. The same calls work when the
function runs in the worker thread instead (no process could start, or
:func:`in_this_thread` for small work), and do nothing when there is no job.
The reports travel through a queue made with the pool and handed to the process by the pool's
initializer; the cancel requests through a shared number (the call to stop), so that a stop
asked for one call never stops a later one queued behind it.
"""

from __future__ import annotations

import itertools
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

    def send(self, value: Any) -> None:
        """Hand ``value`` to the GUI thread now (the job's ``received`` signal), never dropped."""
        self._job.received.emit(value)

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
    received = Signal(object)  # a value the work sent on its way (Progress.send), in order
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


class _Channel:
    """The window's end of what travels besides the calls and their answers: the reports and
    values the process sends (one queue, read by one thread here and routed to the call's
    Progress by call number), and the number of the call the clerk cancelled."""

    def __init__(self, context) -> None:  # noqa: ANN001 - a multiprocessing context
        self.messages = context.SimpleQueue()  # put() writes at once: nothing waits in a feeder thread
        self.stop = context.Value("q", 0)  # the call to stop; call numbers start at 1
        self._listeners: dict[int, _Listener] = {}
        self._lock = threading.Lock()
        threading.Thread(target=self._route, name="perfdesk-process-reports", daemon=True).start()

    def listen(self, number: int, listener: "_Listener") -> None:
        with self._lock:
            self._listeners[number] = listener

    def forget(self, number: int) -> None:
        with self._lock:
            self._listeners.pop(number, None)

    def cancel(self, number: int) -> None:
        self.stop.value = number

    def _route(self) -> None:
        while True:
            try:
                number, kind, value = self.messages.get()
            except (EOFError, OSError):  # the pipe is gone (the interpreter is ending)
                return
            except Exception:  # noqa: BLE001 - one message that cannot be read: skip it
                continue
            with self._lock:
                listener = self._listeners.get(number)
            if listener is not None:  # else: a call that no longer waits (or never asked)
                try:
                    listener.take(kind, value)
                except Exception:  # noqa: BLE001 - a report must never end the routing
                    pass


class _Listener:
    """One call's receiver: reports to its Progress, and an event set once the process says
    the call ended (so its last values reach the window before its answer)."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.ended = threading.Event()

    def take(self, kind: str, value: Any) -> None:
        if kind == "end":
            self.ended.set()
        elif self.progress is None:
            return
        elif kind == "report":
            self.progress(*value)
        elif kind == "value":
            self.progress.send(value)


def _process_pool() -> ProcessPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            import multiprocessing

            # spawn, never fork: a forked copy of a process running Qt threads can hang.
            context = multiprocessing.get_context("spawn")
            channel = _Channel(context)
            pool = ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_start_worker,
                                       initargs=(channel.messages, channel.stop))
            pool.perfdesk_channel = channel  # with its pool: a pool replaced takes its channel along
            _pool = pool
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
_numbers = itertools.count(1)  # each call's number (the reports and a cancel name it)
# How long the answer waits for the call's last reports (they are sent before it, so at once).
_LAST_REPORTS_S = 5.0


def in_process(function: Callable[..., Any], *args: Any, progress: Progress | None = None) -> Any:
    """``function(*args)`` in the worker process; its exception is raised here, as it was or,
    if it cannot travel between processes, as the same text. Call it from a Job's work.

    With ``progress`` (the job's), what ``function`` reports through :func:`reporter` and
    :func:`send` reaches it, and cancelling the job makes ``reporter()``'s ``cancelled()`` true
    there; every value sent arrives before this returns.

    When the process cannot be started at all, the work is done in the calling thread (slower
    for the window, but a save never fails for want of a process); when it dies during the work
    (killed, out of memory), the work is not repeated here: the clerk is told and tries again."""
    global _pool, _warm, _answered, _unusable
    if _unusable:
        return in_this_thread(function, *args, progress=progress)
    number = next(_numbers)
    listener = _Listener(progress)
    channel: _Channel | None = None
    try:
        pool = _process_pool()
        channel = pool.perfdesk_channel
        channel.listen(number, listener)
        future: Future = pool.submit(_call, function, args, number)
        while True:
            try:
                outcome, value = future.result(timeout=0.05)
                break
            except TimeoutError:  # still working: pass a cancel on (_call catches the function's own)
                if progress is not None and progress.cancelled and channel.stop.value != number:
                    channel.cancel(number)
        if progress is not None:
            listener.ended.wait(_LAST_REPORTS_S)
    except (BrokenProcessPool, OSError) as error:
        with _pool_lock:
            _pool = None
        _warm = None
        if not _answered:  # it never ran anything: it cannot start here
            _unusable = True
            return in_this_thread(function, *args, progress=progress)
        if isinstance(error, OSError):
            raise
        from perfdesk.errors import PerfdeskError

        raise PerfdeskError("后台处理进程意外退出，操作没有完成，请再试一次。") from None
    finally:
        if channel is not None:
            channel.forget(number)
    _answered = True
    if outcome == "failed":
        raise value
    return value


_here = threading.local()  # the Progress of the function running in this thread (in_this_thread)


def in_this_thread(function: Callable[..., Any], *args: Any, progress: Progress | None = None) -> Any:
    """``function(*args)`` here, in the calling (worker) thread, with :func:`reporter` and
    :func:`send` reaching ``progress`` as they would from the process: for small work, and
    where no process can start."""
    before = getattr(_here, "progress", None)
    _here.progress = progress
    try:
        return function(*args)
    finally:
        _here.progress = before


# ------------------------------------------------------------- inside the worker process
_messages = None  # the queue to the window (set by _start_worker)
_stop = None  # the number of the call to stop
_current = 0  # the call running now
_REPORT_EVERY_S = 0.05  # the window shows at most this often anyway


def _start_worker(messages, stop) -> None:  # noqa: ANN001 - a SimpleQueue and a shared Value
    """In the worker process, once: keep the channel to the window, give way to the window."""
    global _messages, _stop
    _messages, _stop = messages, stop
    _lower_priority()
    from multiprocessing import util

    # At this process's exit multiprocessing waits for its children before the interpreter's
    # atexit work would tell a process pool started here (the parallel PDF export's) to end:
    # without this the worker, and the window's exit with it, would wait for ever.
    util.Finalize(None, _end_children, exitpriority=100)
    threading.Thread(target=_end_with_the_window, name="perfdesk-parent-watch", daemon=True).start()


def _end_with_the_window() -> None:
    """In the worker process: end when the window's process has ended (killed, crashed), rather
    than stay behind, with the processes of its own, doing nothing."""
    import multiprocessing
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is not None:
        wait([parent.sentinel])
        for child in multiprocessing.active_children():
            child.terminate()
        os._exit(0)


def _end_children() -> None:
    """What the interpreter's exit would do, before multiprocessing waits for the children: the
    parallel export's pool told to end and joined; anything else left stopped the hard way."""
    import multiprocessing

    try:
        from perfdesk.pdf import parallel

        parallel.shutdown()
    except Exception:  # noqa: BLE001 - never keep the worker from ending
        pass
    for child in multiprocessing.active_children():
        child.terminate()


def in_worker_process() -> bool:
    """Whether this is perfdesk's worker process (there, work may start processes of its own;
    in a worker thread of the window, where none could start, it should not try)."""
    return _messages is not None


def _nothing(*_args: Any) -> None:
    return None


def reporter() -> tuple[Callable[..., None], Callable[[], bool]]:
    """``(report, cancelled)`` for the function running now: ``report(done, total=0, text="")``
    reaches the job's progress, ``cancelled()`` says the clerk asked to stop. Usable in the
    worker process, in a worker thread (:func:`in_this_thread`), and elsewhere (doing nothing)."""
    progress = getattr(_here, "progress", None)
    if progress is not None:
        return progress, lambda: progress.cancelled
    if _messages is None or not _current:
        return _nothing, lambda: False
    number, messages, stop = _current, _messages, _stop
    last = [0.0]

    def report(done: int, total: int = 0, text: str = "") -> None:
        now = time.monotonic()
        if now - last[0] >= _REPORT_EVERY_S or (total and done >= total):
            last[0] = now
            messages.put((number, "report", (int(done), int(total), str(text))))

    return report, lambda: stop.value == number


def send(value: Any) -> None:
    """Hand a picklable ``value`` to the job's ``progress.send`` (its ``received`` signal)."""
    progress = getattr(_here, "progress", None)
    if progress is not None:
        progress.send(value)
    elif _messages is not None and _current:
        _messages.put((_current, "value", value))


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


def _call(function: Callable[..., Any], args: tuple, number: int = 0) -> tuple[str, Any]:
    """In the worker process: the result, or the exception in a form that survives pickling;
    the window is told the call ended after its last report, before the answer."""
    global _current
    _current = number
    try:
        return "done", function(*args)
    except Exception as error:  # noqa: BLE001 - handed back to the window, which explains it
        return "failed", _portable(error)
    finally:
        _current = 0
        if _messages is not None and number:
            try:
                _messages.put((number, "end", None))
            except Exception:  # noqa: BLE001 - the window then waits a moment longer
                pass


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
