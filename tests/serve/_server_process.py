"""A real ``cogsdk serve`` process for the tests: free loopback ports, wait until ready,
stop with SIGTERM."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerProcess:
    """``python -m cogsdk serve`` in a child process, on free loopback ports."""

    def __init__(self, *extra: str, ready: str = "/readyz") -> None:
        self.port, self.grpc_port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, PYTHONPATH=str(ROOT), NO_GCE_CHECK="true")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "cogsdk", "serve", "--port", str(self.port),
             "--grpc-port", str(self.grpc_port), "--mode", "local", "--offline", *extra],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self._wait(ready)

    def _wait(self, path: str, timeout: float = 180.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"cogsdk serve exited: {self.process.stderr.read()}")
            try:
                with urllib.request.urlopen(self.url + path, timeout=5) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.25)
        raise RuntimeError(f"cogsdk serve not ready on {path} in {timeout} s")

    def stop(self, timeout: float = 30.0) -> tuple[int, str, str]:
        """SIGTERM, wait, and return (exit status, stdout, stderr)."""
        if self.process.poll() is None:
            self.process.terminate()
        try:
            out, err = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, err = self.process.communicate()
        return self.process.returncode, out, err
