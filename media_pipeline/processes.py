"""Starting ffmpeg and ffprobe so that they cannot outlive their job.

Each tool runs in a process group of its own, killed as a whole when the job gives up (timeout,
error, cancellation). On Linux the child also asks the kernel for SIGKILL when the worker that
started it dies (``prctl(PR_SET_PDEATHSIG)``): a worker killed with SIGKILL, or by the OOM
killer, runs no cleanup of its own, and an orphaned ffmpeg would otherwise keep encoding for
minutes. Elsewhere only the process-group kill applies.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import signal
import subprocess
import sys
from collections.abc import Callable

PR_SET_PDEATHSIG = 1


class ToolTimeout(Exception):
    """The tool ran past its time limit and was killed."""

    def __init__(self, seconds: float, stderr: str = ""):
        super().__init__(f"stopped after {seconds:g} s")
        self.seconds = seconds
        self.stderr = stderr


def _load_prctl() -> Callable | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True).prctl
    except (OSError, AttributeError):
        return None


_PRCTL = _load_prctl()


def _die_with(parent: int) -> Callable[[], None] | None:
    """The child's pre-exec hook: SIGKILL when ``parent`` dies."""
    if _PRCTL is None:
        return None

    def hook() -> None:
        _PRCTL(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        # The worker may have died between fork and the line above; then no signal would come.
        if os.getppid() != parent:
            os._exit(1)

    return hook


def start(command: list[str], **popen_kwargs) -> subprocess.Popen:
    """Popen in its own process group, tied to the life of this process (Linux)."""
    return subprocess.Popen(  # noqa: S603 (argv list, no shell)
        command,
        process_group=0,
        preexec_fn=_die_with(os.getpid()),  # noqa: PLW1509 (only prctl and getppid run there)
        **popen_kwargs,
    )


def kill_group_only(process: subprocess.Popen) -> None:
    """SIGKILL the tool's process group without reaping it (for a timer thread: the thread
    that started the tool reaps it)."""
    if process.returncode is None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)


def kill_group(process: subprocess.Popen) -> None:
    """Kill the tool and anything it started, then reap it."""
    # Not reaped yet (returncode unset), so the group id cannot belong to anyone else; the
    # leader may have exited already while what it started still runs in its group.
    kill_group_only(process)
    process.wait()


def run(command: list[str], timeout: float) -> subprocess.CompletedProcess:
    """Run a tool to completion with text output; ``ToolTimeout`` once ``timeout`` is over."""
    process = start(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        kill_group(process)
        raise ToolTimeout(timeout) from exc
    except BaseException:
        kill_group(process)
        raise
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
