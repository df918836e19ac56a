"""The background job helper: work runs in another thread, its outcome arrives once on the
GUI thread (by the event loop or by wait()), progress and cancelling reach across."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThread

from perfdesk.ui.background import Job


def test_the_result_arrives_on_the_gui_thread_once(qtbot):
    ran_in: list = []
    delivered: list = []

    def work(progress):
        ran_in.append(threading.get_ident())
        progress(1, 2, "一半")
        return 42

    job = Job(work)
    job.succeeded.connect(lambda result: delivered.append((result, QThread.currentThread())))
    with qtbot.waitSignal(job.ended, timeout=5000):
        job.start()
    assert ran_in and ran_in[0] != threading.get_ident()
    assert delivered == [(42, job.thread())]  # the job's (GUI) thread
    job.wait()
    assert len(delivered) == 1 and not job.is_running()


def test_a_failure_is_delivered_as_the_exception(qtbot):
    def work(progress):
        raise OSError(28, "磁盘已满")

    job = Job(work)
    failed: list = []
    job.failed.connect(failed.append)
    job.succeeded.connect(lambda _: pytest.fail("must not succeed"))
    job.start()
    assert job.wait()  # no event loop needed: wait() delivers
    assert len(failed) == 1 and isinstance(failed[0], OSError) and failed[0].strerror == "磁盘已满"


def test_cancel_reaches_the_work_and_progress_reaches_the_gui(qtbot):
    started = threading.Event()
    steps: list = []

    def work(progress):
        started.set()
        done = 0
        while not progress.cancelled:
            done += 1
            progress(done, 0, "")
            time.sleep(0.01)
        return done

    job = Job(work)
    job.progressed.connect(lambda done, total, text: steps.append(done))
    result: list = []
    job.succeeded.connect(result.append)
    job.start()
    assert started.wait(5)
    qtbot.waitUntil(lambda: len(steps) >= 2, timeout=5000)  # reported about every 50 ms
    job.cancel()
    assert job.wait(5000)
    assert result and result[0] >= steps[-1] >= 2


def test_work_handed_to_the_worker_process_runs_there_and_its_errors_come_back_in_chinese(qtbot, tmp_path):
    import os

    from perfdesk.errors import PerfdeskError
    from perfdesk.ui.background import in_process
    from perfdesk.ui.snapshot import read_file

    job = Job(lambda progress: in_process(os.getpid))
    pids: list = []
    job.succeeded.connect(pids.append)
    job.start()
    assert job.wait(60_000)
    assert pids and pids[0] != os.getpid()

    missing = tmp_path / "不存在.xlsx"
    job = Job(lambda progress: in_process(read_file, str(missing)))
    errors: list = []
    job.failed.connect(errors.append)
    job.start()
    assert job.wait(60_000)
    assert isinstance(errors[0], PerfdeskError)
    assert str(errors[0]) == f"无法打开“{missing}”。找不到这个文件。"


def test_where_no_worker_process_can_start_the_work_runs_in_the_thread(qtbot, monkeypatch):
    """A PC where starting a second process fails (a locked-down desktop, a damaged bundle):
    the work still gets done, in the worker thread, instead of every save failing."""
    import multiprocessing.spawn
    import os

    from perfdesk.ui import background

    for name, value in (("_pool", None), ("_warm", None), ("_answered", False), ("_unusable", False)):
        monkeypatch.setattr(background, name, value)  # a fresh start, as in a new window
    python = multiprocessing.spawn.get_executable()
    multiprocessing.spawn.set_executable("/nonexistent/python")  # starting a process fails
    try:
        job = Job(lambda progress: background.in_process(os.getpid))
        pids: list = []
        job.succeeded.connect(pids.append)
        job.start()
        assert job.wait(60_000)
        assert pids == [os.getpid()]  # done here, in this process
        assert background._unusable  # and the next job does not try again
    finally:
        multiprocessing.spawn.set_executable(python)
        if background._pool is not None:
            background._pool.shutdown(wait=False, cancel_futures=True)


def count_in_the_process(limit: int) -> int:
    """Work handed to the worker process: says where it runs, counts (reporting each step)
    until ``limit`` or until the clerk cancels."""
    import os

    from perfdesk.ui.background import reporter, send

    report, cancelled = reporter()
    send(("pid", os.getpid()))
    done = 0
    while done < limit and not cancelled():
        done += 1
        report(done, 0, f"第 {done} 步")
        time.sleep(0.01)
    return done


def test_reports_values_and_a_cancel_cross_into_the_worker_process(qtbot):
    import os

    from perfdesk.ui.background import in_process

    def run(limit: int):  # noqa: ANN202
        steps: list = []
        values: list = []
        results: list = []
        job = Job(lambda progress: in_process(count_in_the_process, limit, progress=progress))
        job.progressed.connect(lambda done, total, text: steps.append((done, text)))
        job.received.connect(values.append)
        job.succeeded.connect(lambda result: results.append((result, list(values))))
        job.start()
        return job, steps, values, results

    job, steps, values, results = run(100_000)
    qtbot.waitUntil(lambda: len(steps) >= 2, timeout=60_000)
    job.cancel()
    assert job.wait(10_000)
    (counted, values_then), = results
    assert values_then == [("pid", values_then[0][1])] and values_then[0][1] != os.getpid()  # sent before the answer
    assert steps[-1][0] <= counted < 100_000 and steps[-1][1] == f"第 {steps[-1][0]} 步"

    # That cancel was for that call only: the next one counts to its end.
    job, steps, values, results = run(20)
    with qtbot.waitSignal(job.ended, timeout=60_000):
        pass
    assert results[0][0] == 20 and len(results[0][1]) == 1
