"""``cogsdk`` command line: run any method on files and print JSON.

    cogsdk vision labels cat.jpg --mode local
    cogsdk vision annotate photo.jpg --features labels faces --draw out.png
    cogsdk speech transcribe talk.flac --language en-US --words
    cogsdk language sentiment "What a lovely day"
    cogsdk translation translate "Hello" --target es
    cogsdk video shots clip.mp4

The commands and their options are read off the facades' method signatures, so a new
method appears here without any change to this file.
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
import typing
from typing import Any, Callable, Sequence

from . import Cog, CogError
from ._client import FACADES

ENTRY_POINTS = {"serve": "cogsdk.serve.cli", "batch": "cogsdk.batch.cli"}
"""Commands with their own parser, in their own package: ``cogsdk serve ...``."""
ALIASES = {"word_timestamps": ["--words"]}
"""Short spellings kept for options that the README has always shown."""


def commands() -> dict[str, dict[str, Callable[..., Any]]]:
    """``{service: {method: function}}`` for every facade method that takes inputs."""
    found: dict[str, dict[str, Callable[..., Any]]] = {}
    for service, facade in FACADES.items():
        for name in facade.methods():
            function = getattr(facade, name)
            first = list(inspect.signature(function).parameters)[1]
            if first != "chunks":  # streams take an iterable of chunks, not files
                found.setdefault(service, {})[name] = function
    return found


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cogsdk", description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("auto", "cloud", "local"))
    parser.add_argument("--offline", action="store_true", help="never open a socket")
    parser.add_argument("--device", choices=("auto", "cpu", "cuda"))
    parser.add_argument("--endpoint", help="base URL of a Google-compatible server")
    parser.add_argument("--project", help="Google Cloud project (Translation v3)")
    services = parser.add_subparsers(dest="service", required=True)
    for service, methods in commands().items():
        sub = services.add_parser(service).add_subparsers(dest="method", required=True)
        for method, function in methods.items():
            command = sub.add_parser(method, help=(function.__doc__ or "").split("\n")[0])
            command.add_argument("inputs", nargs="+", help="files (or texts for language)")
            if service == "vision":
                command.add_argument("--draw", metavar="PNG", help="save the first result drawn")
            for parameter, hint in _options(function):
                _add_option(command, parameter, hint)
    return parser


def _options(function: Callable[..., Any]) -> list[tuple[inspect.Parameter, Any]]:
    hints = typing.get_type_hints(function)
    parameters = list(inspect.signature(function).parameters.values())[2:]
    return [(p, hints.get(p.name)) for p in parameters if not _is_callable(hints.get(p.name))]


def _add_option(command: argparse.ArgumentParser, parameter: inspect.Parameter,
                hint: Any) -> None:
    flags = [f"--{parameter.name.replace('_', '-')}", *ALIASES.get(parameter.name, [])]
    default = parameter.default
    if default is inspect.Parameter.empty:
        command.add_argument(*flags, dest=parameter.name, required=True)
    elif isinstance(default, bool):
        command.add_argument(*flags, dest=parameter.name, action="store_true")
    elif _is_sequence(hint):
        command.add_argument(*flags, dest=parameter.name, nargs="+",
                             default=list(default) if default else None)
    else:
        command.add_argument(*flags, dest=parameter.name, default=default,
                             type=_scalar(hint, default))


def _scalar(hint: Any, default: Any) -> Callable[[str], Any]:
    if default is not None:
        return type(default)
    args = [a for a in typing.get_args(hint) if a is not type(None)] or [str]
    return args[0] if args[0] in (int, float) else str


def _is_sequence(hint: Any) -> bool:
    import collections.abc

    args = [a for a in typing.get_args(hint) if a is not type(None)] or [hint]
    return any(typing.get_origin(a) in (collections.abc.Sequence, collections.abc.Iterable,
                                        list) for a in args)


def _is_callable(hint: Any) -> bool:
    import collections.abc

    args = typing.get_args(hint) or (hint,)
    return any(typing.get_origin(a) is collections.abc.Callable for a in args)


def _call(cog: Cog, args: argparse.Namespace) -> Any:
    inputs = args.inputs if len(args.inputs) > 1 else args.inputs[0]
    function = commands()[args.service][args.method]
    options = {p.name: getattr(args, p.name) for p, _ in _options(function)}
    return getattr(getattr(cog, args.service), args.method)(inputs, **options)


def _plain(result: Any) -> Any:
    if isinstance(result, list):
        return [_plain(item) for item in result]
    if isinstance(result, CogError):
        return {"error": type(result).__name__, "message": str(result)}
    data = result.to_dict()
    data.pop("raw", None)
    return data


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in ENTRY_POINTS:
        import importlib

        return importlib.import_module(ENTRY_POINTS[argv[0]]).main(argv[1:])
    args = _parser().parse_args(argv)
    try:
        cog = Cog(mode=args.mode, offline=args.offline or None, endpoint=args.endpoint,
                  project=args.project, device=args.device)
        result = _call(cog, args)
        if getattr(args, "draw", None):
            from . import draw

            first = result[0] if isinstance(result, list) else result
            draw(args.inputs[0], first).save(args.draw)
    except CogError as error:
        print(f"cogsdk: {type(error).__name__}: {error}", file=sys.stderr)
        return 2
    json.dump(_plain(result), sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
