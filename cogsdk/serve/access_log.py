"""One JSON line per request (method, path, status, ms) and the request metrics.

The path is logged without its query string, which may hold the API key; bodies are
never logged.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

LOG = logging.getLogger("cogsdk.serve.access")


class AccessLog:
    """ASGI middleware around the app."""

    def __init__(self, app: Any, metrics: Any) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = [500]  # what a crash before the first byte would be

        async def record(message: dict) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)
        try:
            await self.app(scope, receive, record)
        finally:
            seconds = time.perf_counter() - started
            route = scope.get("cogsdk.route") or _other(scope["path"])
            self.metrics.request("rest", route, status[0], seconds)
            LOG.info(json.dumps({"method": scope["method"], "path": scope["path"],
                                 "status": status[0], "ms": round(seconds * 1000, 1)}))


def _other(path: str) -> str:
    """A bounded label for requests that matched no Google method."""
    if path.startswith("/static/") or path == "/":
        return "static"
    return path if path in ("/healthz", "/readyz", "/metrics") else "unmatched"
