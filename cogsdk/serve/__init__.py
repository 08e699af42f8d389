"""``cogsdk serve``: a local server that speaks Google's Vision, Speech, Natural Language,
Translation and Video Intelligence wire protocols (REST and gRPC), answered by ``Cog``.

An app that uses Google's official clients, curl or another language's SDK changes only
its endpoint. Needs the ``server`` extra: ``pip install 'cogsdk[server]'``.

    from cogsdk.serve import ServerState, create_app
    app = create_app(ServerState(Cog(mode="local")))   # any ASGI server runs it
"""

from __future__ import annotations

from typing import Any

__all__ = ["ServerState", "create_app"]


def __getattr__(name: str) -> Any:  # starlette and the Google protos load on first use
    if name == "ServerState":
        from .state import ServerState

        return ServerState
    if name == "create_app":
        from .rest import create_app

        return create_app
    raise AttributeError(f"module 'cogsdk.serve' has no attribute {name!r}")
