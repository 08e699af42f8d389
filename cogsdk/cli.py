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

from . import Cog, CogError, InvalidInput
from ._client import FACADES

ENTRY_POINTS = {"serve": "cogsdk.serve.cli", "batch": "cogsdk.batch.cli",
                "train": "cogsdk.training.cli", "models": "cogsdk.training.cli_models"}
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


TEXT_SERVICES = ("language", "translation")


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(prog="cogsdk", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"cogsdk {__version__}")
    _client_options(parser, argparse.SUPPRESS)
    services = parser.add_subparsers(dest="service", required=True)
    for service, methods in commands().items():
        sub = services.add_parser(service, help=f"{service} methods").add_subparsers(
            dest="method", required=True)
        for method, function in methods.items():
            summary = (function.__doc__ or method).strip().split("\n")[0]
            command = sub.add_parser(method, help=summary, description=summary)
            _inputs(command, service)
            _client_options(command, argparse.SUPPRESS)  # global options after it too
            for parameter, hint in _options(function):
                _add_option(command, parameter, hint)
    return parser


def _client_options(parser: argparse.ArgumentParser, default: Any) -> None:
    parser.add_argument("--mode", choices=("auto", "cloud", "local"), default=default,
                        help="cloud, local models, or auto (cloud with local fallback)")
    parser.add_argument("--offline", action="store_true", default=default,
                        help="never open a socket (local models only)")
    parser.add_argument("--device", choices=("auto", "cpu", "cuda"), default=default,
                        help="where local models run")
    parser.add_argument("--endpoint", default=default,
                        help="base URL of a Google-compatible server")
    parser.add_argument("--project", default=default, help="Google Cloud project")
    parser.add_argument("--api-key", default=default, help="a Google API key")
    parser.add_argument("--credentials", default=default,
                        help="a service-account JSON file")


def _inputs(command: argparse.ArgumentParser, service: str) -> None:
    if service in TEXT_SERVICES:
        command.add_argument("inputs", nargs="*", help="texts")
        command.add_argument("--file", action="append", default=[], metavar="PATH",
                             help="read a text from this file (repeatable)")
    else:
        command.add_argument("inputs", nargs="+", help="files")
    if service == "vision":
        command.add_argument("--draw", metavar="DIR",
                             help="write each result drawn on its picture into DIR")


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
    kinds = [kind for kind in _alternatives(hint) if kind in (int, float)]
    return kinds[0] if kinds else str


def _alternatives(hint: Any) -> list[Any]:
    """The types an annotation allows: ``Optional[X]``/``X | None`` -> ``[X]``."""
    import types

    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return [arg for arg in typing.get_args(hint) if arg is not type(None)]
    return [hint]


def _is_sequence(hint: Any) -> bool:
    import collections.abc

    return any(typing.get_origin(kind) in (collections.abc.Sequence, collections.abc.Iterable,
                                           list, tuple) for kind in _alternatives(hint))


def _is_callable(hint: Any) -> bool:
    import collections.abc

    return any(typing.get_origin(kind) is collections.abc.Callable
               for kind in _alternatives(hint))


def _call(cog: Cog, args: argparse.Namespace, inputs: list[Any]) -> list[Any]:
    function = commands()[args.service][args.method]
    options = {p.name: getattr(args, p.name) for p, _ in _options(function)}
    return getattr(getattr(cog, args.service), args.method)(inputs, **options)


def _read_inputs(args: argparse.Namespace) -> tuple[list[str], list[Any]]:
    """``(names, values)``: what each result is named by, and what the method gets."""
    names, values = list(args.inputs), list(args.inputs)
    for path in getattr(args, "file", []):
        try:
            with open(path, encoding="utf-8") as handle:
                values.append(handle.read())
        except (OSError, UnicodeDecodeError) as error:
            raise InvalidInput(f"Cannot read the text file {path}: {error}") from error
        names.append(path)
    if not values:
        raise InvalidInput("Give at least one text, or --file PATH.")
    return names, values


def _plain(name: str, result: Any) -> dict[str, Any]:
    if isinstance(result, CogError):
        return {"input": name, "error": type(result).__name__, "message": _cli_hint(result)}
    data = {"input": name, **result.to_dict()}
    data.pop("raw", None)
    return data


def _draw_all(folder: str, names: list[str], results: list[Any]) -> None:
    from pathlib import Path

    from . import draw

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    for index, (name, result) in enumerate(zip(names, results)):
        if not isinstance(result, CogError):
            draw(name, result).save(target / f"{index:04d}-{Path(name).stem}.png")


def _cli_hint(error: BaseException) -> str:
    """Messages speak Python (``Cog(mode='local')``); on the command line, speak flags."""
    message = str(error)
    for python, flag in CLI_SPELLING:
        message = message.replace(python, flag)
    return message


CLI_SPELLING = (("Cog(mode='local')", "--mode local"), ("Cog(mode='cloud')", "--mode cloud"),
                ("mode='cloud'", "--mode cloud"), ("mode='local'", "--mode local"),
                ("Cog(api_key=...)", "--api-key KEY"),
                ("Cog(credentials='service-account.json')",
                 "--credentials service-account.json"), ("offline=True", "--offline"))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; 0 when every input succeeded, 1 when any failed, 2 when the
    call could not start (bad options, configuration)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in ENTRY_POINTS:
        import importlib

        return importlib.import_module(ENTRY_POINTS[argv[0]]).main(argv[1:])
    args = _parser().parse_args(argv)
    settings = {key: getattr(args, key, None) for key in
                ("mode", "device", "endpoint", "project", "api_key", "credentials")}
    try:
        names, values = _read_inputs(args)
        cog = Cog(offline=getattr(args, "offline", None) or None, **settings)
        results = _call(cog, args, values)
        if getattr(args, "draw", None):
            _draw_all(args.draw, names, results)
    except CogError as error:
        print(f"cogsdk: {type(error).__name__}: {_cli_hint(error)}", file=sys.stderr)
        return 2
    failed = [result for result in results if isinstance(result, CogError)]
    for name, result in zip(names, results):
        if isinstance(result, CogError):
            print(f"cogsdk: {name}: {type(result).__name__}: {_cli_hint(result)}",
                  file=sys.stderr)
    plain = [_plain(name, result) for name, result in zip(names, results)]
    json.dump(plain[0] if len(plain) == 1 else plain, sys.stdout, indent=2,
              ensure_ascii=False)
    print()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
