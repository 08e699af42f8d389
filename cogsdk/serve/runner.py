"""Running both sides in one process: uvicorn for REST, grpcio for gRPC, and the drain
on SIGINT/SIGTERM (new requests get 503, running ones finish within the bound)."""

from __future__ import annotations

import signal
import socket
import threading
from typing import Any, Optional

import uvicorn

from . import grpc_server
from .rest import create_app
from .state import ServerState

WARM_UP_SECONDS = 300
"""How long an exit waits for the model warm-up it interrupted."""


class _Server(uvicorn.Server):
    """uvicorn's server, which also tells the runner when a signal starts the drain."""

    def __init__(self, config: uvicorn.Config, on_exit: Any) -> None:
        super().__init__(config)
        self._on_exit = on_exit

    def handle_exit(self, sig: int, frame: Any) -> None:
        # Not in the signal handler itself: the drain takes locks the interrupted code
        # may hold.
        threading.Thread(target=self._on_exit, name="cogsdk-drain").start()
        super().handle_exit(sig, frame)


class Runner:
    """REST on ``rest_socket`` (already bound) and gRPC on ``grpc_port`` (-1: none)."""

    def __init__(self, state: ServerState, rest_socket: socket.socket, host: str,
                 grpc_port: int, drain_seconds: float) -> None:
        self.state = state
        self._socket = rest_socket
        self._drain = drain_seconds
        self._grpc: Optional[Any] = None
        self.grpc_port: Optional[int] = None
        if grpc_port >= 0:
            self._grpc, self.grpc_port = grpc_server.start(state, host, grpc_port)
        config = uvicorn.Config(create_app(state), log_level="warning", access_log=False,
                                timeout_graceful_shutdown=max(1, round(drain_seconds)),
                                lifespan="off")
        self._server = _Server(config, self.start_drain)

    def run(self) -> None:
        """Warm up, serve until a signal (or ``stop()``), then drain and release all."""
        warm_up = threading.Thread(target=self.state.capabilities, name="cogsdk-warm-up")
        warm_up.start()
        with _quiet_signals():
            self._server.run(sockets=[self._socket])
        self.start_drain()
        if self._grpc is not None:
            self._grpc.wait_for_termination(self._drain + 1)
        # Models still loading in native code would abort the process at exit.
        warm_up.join(timeout=WARM_UP_SECONDS)
        self.state.close()

    def stop(self) -> None:
        """Start the drain from another thread, as a signal would."""
        self.start_drain()
        self._server.should_exit = True

    def start_drain(self) -> None:
        """New requests get 503 from now on; gRPC lets running calls finish in time."""
        if not self.state.closing:
            self.state.closing = True
            self.state.work.refuse_waiting()
            if self._grpc is not None:
                self._grpc.stop(grace=self._drain)


class _quiet_signals:
    """uvicorn re-raises the signal it caught once it has drained; with these handlers
    that re-raise does nothing, so that ``main`` returns 0 instead of dying by signal."""

    def __enter__(self) -> None:
        self._saved: dict = {}
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self._saved[sig] = signal.signal(sig, lambda *args: None)

    def __exit__(self, *exc: Any) -> None:
        for sig, handler in self._saved.items():
            signal.signal(sig, handler)
