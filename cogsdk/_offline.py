"""The offline guarantee: inside an offline call, any socket connect or name lookup
raises OfflineViolation.

It uses a Python audit hook (installed once, never removed) and a context variable, so it
guards only the calling thread's offline calls: other threads of the app keep their
network. Work cogsdk hands to its own thread pools carries the context along.
"""

from __future__ import annotations

import contextlib
import contextvars
import sys
import threading
from typing import Any, Iterator

from .errors import OfflineViolation

_offline = contextvars.ContextVar("cogsdk_offline", default=False)
_EVENTS = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
           "socket.gethostbyname_ex", "socket.sendto", "socket.sendmsg"}
_installed = False
_lock = threading.Lock()


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if event in _EVENTS and _offline.get():
        target = args[1] if event == "socket.connect" and len(args) > 1 else args[:2]
        if event == "socket.connect" and isinstance(target, (str, bytes)):
            return  # an AF_UNIX socket is local IPC, not the network
        raise OfflineViolation(f"cogsdk is offline but something tried {event} to "
                               f"{target!r}; nothing was sent.")


def _install() -> None:
    global _installed
    with _lock:
        if not _installed:
            sys.addaudithook(_hook)
            _installed = True


@contextlib.contextmanager
def guard(active: bool = True) -> Iterator[None]:
    """Within this block (this thread and context), connecting raises OfflineViolation."""
    if not active:
        yield
        return
    _install()
    token = _offline.set(True)
    try:
        yield
    finally:
        _offline.reset(token)
