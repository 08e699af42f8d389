"""``cogsdk`` command line: run any method on files and print JSON or a short summary.

    cogsdk vision labels cat.jpg --mode local
    cogsdk vision annotate photo.jpg --features labels faces --draw out.png
    cogsdk speech transcribe talk.flac --language en-US --words
    cogsdk language sentiment "What a lovely day"
    cogsdk translation translate "Hello" --target es
    cogsdk video shots clip.mp4
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Sequence

from . import Cog, CogError

METHODS = {
    "vision": ("labels", "faces", "text", "safe_search", "properties", "logos", "landmarks",
               "annotate"),
    "speech": ("transcribe",),
    "language": ("entities", "sentiment", "syntax", "classify"),
    "translation": ("translate", "detect_language"),
    "video": ("labels", "shots"),
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cogsdk", description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("auto", "cloud", "local"))
    parser.add_argument("--offline", action="store_true", help="never open a socket")
    parser.add_argument("--endpoint", help="base URL of a Google-compatible server")
    parser.add_argument("--project", help="Google Cloud project (Translation v3)")
    services = parser.add_subparsers(dest="service", required=True)
    for service, methods in METHODS.items():
        sub = services.add_parser(service).add_subparsers(dest="method", required=True)
        for method in methods:
            command = sub.add_parser(method)
            command.add_argument("inputs", nargs="+", help="files (or texts for language)")
            _options(service, method, command)
    return parser


def _options(service: str, method: str, command: argparse.ArgumentParser) -> None:
    if service == "vision" and method == "annotate":
        command.add_argument("--features", nargs="+", default=["labels", "faces", "text"])
    if service == "vision":
        command.add_argument("--draw", metavar="PNG", help="save the first result drawn")
    if service == "speech":
        command.add_argument("--language", default="en-US")
        command.add_argument("--words", action="store_true", help="word timestamps")
    if method == "translate":
        command.add_argument("--target", required=True)
        command.add_argument("--source")


def _call(cog: Cog, args: argparse.Namespace) -> Any:
    inputs = args.inputs if len(args.inputs) > 1 else args.inputs[0]
    method = getattr(getattr(cog, args.service), args.method)
    if args.service == "vision" and args.method == "annotate":
        return method(inputs, features=args.features)
    if args.service == "speech":
        return method(inputs, language=args.language, word_timestamps=args.words)
    if args.method == "translate":
        return method(inputs, target=args.target, source=args.source)
    return method(inputs)


def _plain(result: Any) -> Any:
    if isinstance(result, list):
        return [_plain(item) for item in result]
    if isinstance(result, CogError):
        return {"error": type(result).__name__, "message": str(result)}
    data = result.to_dict()
    data.pop("raw", None)
    return data


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        cog = Cog(mode=args.mode, offline=args.offline or None, endpoint=args.endpoint,
                  project=args.project)
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
