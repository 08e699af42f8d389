"""``cogsdk batch SERVICE METHOD INPUTS... --out results.jsonl [options]``.

    cogsdk batch vision labels photos/ --out labels.jsonl --max-results 5
    cogsdk batch vision faces 'shots/**/*.jpg' --out faces.jsonl --draw drawn/
    find . -name '*.png' | cogsdk batch vision labels - --out labels.jsonl --resume
    cogsdk batch speech transcribe calls.csv --out calls.jsonl --dask tcp://sched:8786

The method options are those of the single-call CLI (read off the facade signatures).
Exit code: 0 when every input got a result, 1 when any failed, 2 for a usage or setup
error, 130 when stopped by Ctrl-C (the lines written are whole; --resume goes on).
"""

from __future__ import annotations

import argparse
import shlex
import sys
from typing import Any, Sequence

from ..cli import _add_option, _options, commands
from ..errors import CogError
from .inputs import InputError, expand, media_of
from .job import run_batch


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cogsdk batch", description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    services = parser.add_subparsers(dest="service", required=True)
    for service, methods in commands().items():
        sub = services.add_parser(service).add_subparsers(dest="method", required=True)
        for method, function in methods.items():
            command = sub.add_parser(method, help=(function.__doc__ or "").split("\n")[0])
            command.add_argument("inputs", nargs="+", help="files, folders, quoted globs, "
                                 "- (paths on stdin), manifests (.txt, .csv, .jsonl)")
            _add_job_options(command, service)
            for parameter, hint in _options(function):
                _add_option(command, parameter, hint)
    return parser


def _add_job_options(command: argparse.ArgumentParser, service: str) -> None:
    job = command.add_argument_group("job")
    job.add_argument("--out", required=True, metavar="JSONL", help="the results file")
    job.add_argument("--resume", action="store_true",
                     help="skip the inputs the output already holds for this job")
    job.add_argument("--overwrite", action="store_true", help="start the output afresh")
    job.add_argument("--dask", metavar="ADDRESS",
                     help="local, local:N (N worker processes) or tcp://HOST:8786")
    job.add_argument("--chunk-size", type=int, metavar="N", help="inputs per chunk")
    job.add_argument("--no-progress", action="store_true", help="no progress bar")
    if service == "vision":
        job.add_argument("--draw", metavar="DIR", help="an annotated picture per input")
        job.add_argument("--contact-sheet", metavar="PNG", help="one grid of thumbnails")
    client = command.add_argument_group("client")
    client.add_argument("--mode", choices=("auto", "cloud", "local"))
    client.add_argument("--offline", action="store_true", help="never open a socket")
    client.add_argument("--device", choices=("auto", "cpu", "cuda"))
    client.add_argument("--endpoint", help="base URL of a Google-compatible server")
    client.add_argument("--project", help="Google Cloud project (Translation v3)")


def _settings(args: argparse.Namespace) -> dict[str, Any]:
    found = {"mode": args.mode, "offline": args.offline or None, "device": args.device,
             "endpoint": args.endpoint, "project": args.project}
    return {key: value for key, value in found.items() if value is not None}


def _executor(args: argparse.Namespace) -> Any:
    from .executors import Dask, InProcess

    if args.dask:
        return Dask(args.dask, **({"chunk_size": args.chunk_size} if args.chunk_size else {}))
    return InProcess(args.chunk_size)


def resume_command(argv: Sequence[str]) -> str:
    """The command line that goes on with an interrupted job."""
    kept = [arg for arg in argv if arg != "--overwrite"]
    return shlex.join(["cogsdk", "batch", *kept, *([] if "--resume" in kept else
                                                    ["--resume"])])


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``cogsdk batch``; return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = _parser().parse_args(argv)
    function = commands()[args.service][args.method]
    options = {p.name: getattr(args, p.name) for p, _ in _options(function)}
    try:
        inputs = expand(args.inputs, media_of(function))
        summary = run_batch(f"{args.service}.{args.method}", inputs, args.out,
                            options=options, settings=_settings(args), resume=args.resume,
                            overwrite=args.overwrite, executor=_executor(args),
                            draw_dir=getattr(args, "draw", None),
                            contact_sheet=getattr(args, "contact_sheet", None),
                            progress=not args.no_progress)
    except (CogError, InputError, OSError, ValueError) as error:
        print(f"cogsdk batch: {type(error).__name__}: {error}", file=sys.stderr)
        return 2
    for line in summary.lines():
        print(line, file=sys.stderr)
    if summary.interrupted:
        print(f"Stopped. To go on: {resume_command(argv)}" +
              ("  (with the same paths on stdin)" if "-" in args.inputs else ""),
              file=sys.stderr)
        return 130
    return 1 if summary.failures else 0
