"""Starting and stopping a real server for the system tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time


def reachable(host: str, port: int) -> bool:
    try:
        socket.create_connection((host, port), 1).close()
        return True
    except OSError:
        return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_serving(process: subprocess.Popen, port: int, seconds: float) -> None:
    """Wait until something answers on the port; fail early if the process has ended."""
    deadline = time.monotonic() + seconds
    while not reachable("127.0.0.1", port):
        if process.poll() is not None:
            raise AssertionError(f"the server process ended with exit code {process.returncode}")
        if time.monotonic() > deadline:
            raise AssertionError(f"nothing answered on port {port} within {seconds} s")
        time.sleep(0.2)


def stop(process: subprocess.Popen) -> None:
    """Stop the process and everything it started (it runs in a session of its own)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=20)
