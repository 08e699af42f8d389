"""``cogsdk train``: train a custom model from the command line.

    cogsdk train vision shelf-products photos/          # one sub-folder per label
    cogsdk train vision shelf-products photos/ --replace --report report.png
    cogsdk train language tickets tickets.csv           # columns: text,label

It shows the progress of the embedding, then prints the evaluation.
"""

from __future__ import annotations

import argparse
import csv
import sys
from typing import Any, Sequence

from ..errors import CogError, InvalidInput


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cogsdk train", description=__doc__.splitlines()[0])
    kinds = parser.add_subparsers(dest="kind", required=True)
    vision = _command(kinds, "vision", "an image classifier from a folder", "FOLDER",
                      "one sub-folder of images per label")
    vision.add_argument("--no-augment", dest="augment", action="store_const", const=False,
                        default=None, help="never add mirrored and cropped views")
    _command(kinds, "language", "a text classifier from a CSV file", "FILE",
             "a CSV file with the columns text,label")
    return parser


def _command(kinds: Any, kind: str, summary: str, metavar: str,
             source_help: str) -> argparse.ArgumentParser:
    command = kinds.add_parser(kind, help=summary, description=summary)
    command.add_argument("name", help="the model's name in the user model store")
    command.add_argument("source", metavar=metavar, help=source_help)
    command.add_argument("--replace", action="store_true", help="overwrite a model of that name")
    command.add_argument("--validation-split", type=float, default=0.2,
                         help="share of each label held out for the evaluation")
    command.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto")
    command.add_argument("--report", metavar="PNG",
                         help="draw the confusion matrix and the worst mistakes")
    return command


def main(argv: Sequence[str] | None = None) -> int:
    """0 when the model was trained and saved, 2 when it could not be."""
    args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    try:
        model = _train(args)
        if args.report:
            model.report(args.report)
    except CogError as error:
        print(f"cogsdk: {type(error).__name__}: {error}", file=sys.stderr)
        return 2
    print(f"trained {model.name!r} ({len(model.labels)} labels) -> {model.path}")
    print(model.evaluation.summary())
    return 0


def _train(args: argparse.Namespace):
    from .. import Cog

    cog = Cog(mode="local", offline=True, device=args.device, progress=True)
    if args.kind == "vision":
        return cog.vision.train(args.name, args.source, replace=args.replace,
                                validation_split=args.validation_split, augment=args.augment)
    texts, labels = _read_csv(args.source)
    return cog.language.train(args.name, texts, labels, replace=args.replace,
                              validation_split=args.validation_split)


def _read_csv(path: str) -> tuple[list[str], list[str]]:
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise InvalidInput(f"Cannot read {path}: {error}") from error
    if not rows or not {"text", "label"} <= set(rows[0]):
        raise InvalidInput(f"{path} needs a header with the columns text,label.")
    return [row["text"] or "" for row in rows], [row["label"] or "" for row in rows]
