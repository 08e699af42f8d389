"""``cogsdk serve``: run the Google-compatible server (REST on uvicorn, gRPC on grpcio).

    cogsdk serve                                  # loopback, REST :8080, gRPC :8081
    cogsdk serve --host 0.0.0.0 --api-key SECRET  # reachable by others: use a key
"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import os
import socket
import sys
from typing import Any, Optional, Sequence

LOG = logging.getLogger("cogsdk.serve")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cogsdk serve", description="Run the Google-"
                                     "compatible server: REST on uvicorn, gRPC on grpcio.")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (loopback)")
    parser.add_argument("--port", type=int, default=8080, help="REST port (0: any free)")
    parser.add_argument("--grpc-port", type=int, default=8081,
                        help="gRPC port (0: any free, -1: no gRPC)")
    parser.add_argument("--api-key", default=os.environ.get("COGSDK_SERVE_API_KEY"),
                        help="require this key (?key=, x-goog-api-key or Bearer); "
                             "default $COGSDK_SERVE_API_KEY")
    parser.add_argument("--mode", choices=("local", "auto", "cloud"), default="local",
                        help="where Cog sends the work (default local)")
    parser.add_argument("--offline", action="store_true", help="never open a socket out")
    parser.add_argument("--device", choices=("auto", "cpu", "cuda"))
    parser.add_argument("--workers", type=int, default=min(4, os.cpu_count() or 1),
                        help="threads running model work")
    parser.add_argument("--queue", type=int, default=64,
                        help="requests that may wait for a worker; more get 429")
    parser.add_argument("--batch-wait-ms", type=float, default=0.0,
                        help="dynamic batching of label requests: longest wait, e.g. 5 "
                             "(default 0: off; on a 2-core CPU it loses to threads)")
    parser.add_argument("--batch-size", type=int, default=16, help="images per label batch")
    parser.add_argument("--drain-seconds", type=float, default=10.0,
                        help="on SIGINT/SIGTERM, how long in-flight requests may finish")
    parser.add_argument("--quiet", action="store_true", help="no access log")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Parse ``argv``, serve until SIGINT/SIGTERM, drain, and return the exit status."""
    args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    try:
        from . import runner
    except ImportError as error:
        print(f"cogsdk serve: {error.name} is missing; pip install 'cogsdk[server]'",
              file=sys.stderr)
        return 2
    _logging(args.quiet)
    state = _state(args)
    try:
        rest_socket = _bind(args.host, args.port)
        server = runner.Runner(state, rest_socket, args.host, args.grpc_port,
                               args.drain_seconds)
    except OSError as error:
        print(f"cogsdk serve: cannot listen on {args.host}: {error.strerror}", file=sys.stderr)
        return 2
    _banner(args, rest_socket.getsockname()[1], server.grpc_port)
    server.run()
    return 0


def _state(args: argparse.Namespace) -> Any:
    from .. import Cog
    from .batching import LabelBatcher
    from .state import ServerState

    cog = Cog(mode=args.mode, offline=args.offline or None, device=args.device)
    state = ServerState(cog, api_key=args.api_key or None, workers=max(1, args.workers),
                        queue=max(0, args.queue))
    if args.batch_wait_ms > 0 and args.batch_size > 1:
        state.batcher = LabelBatcher(cog, state.metrics, args.batch_size,
                                     args.batch_wait_ms / 1000)
    return state


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY on accepted sockets only when the
    # protocol says TCP, and without it delayed ACKs add ~40 ms to every answer.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _banner(args: argparse.Namespace, port: int, grpc_port: Optional[int]) -> None:
    host = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(args.host, args.host)  # a reachable one
    host = f"[{host}]" if ":" in host else host
    url = f"http://{host}:{port}"
    lines = [f"cogsdk serve (mode {args.mode}): REST {url}  demo page {url}/"]
    if grpc_port is not None:
        lines.append(f"  gRPC {host}:{grpc_port} (insecure)")
    key = ', "api_key": "YOUR_KEY"' if args.api_key else ""
    credentials = "" if args.api_key else "credentials=AnonymousCredentials(), "
    lines += ["Point Google's Python client at it:",
              "  from google.auth.credentials import AnonymousCredentials; "
              "from google.cloud import vision",
              f'  client = vision.ImageAnnotatorClient(transport="rest", {credentials}'
              f'client_options={{"api_endpoint": "{url}"{key}}})']
    if not _is_loopback(args.host) and not args.api_key:
        lines.append(f"WARNING: {args.host} is reachable from other machines and no "
                     "--api-key is set: anyone who can reach it can use it.")
    print("\n".join(lines), flush=True)


def _logging(quiet: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    access = logging.getLogger("cogsdk.serve.access")
    access.addHandler(handler)
    access.setLevel(logging.WARNING if quiet else logging.INFO)
    access.propagate = False
    LOG.addHandler(logging.StreamHandler(sys.stderr))
    LOG.setLevel(logging.WARNING)
