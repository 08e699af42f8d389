"""``cogsdk models``: the user model store.

    cogsdk models list            # name, task, labels, accuracy, trained at
    cogsdk models list --json
    cogsdk models remove NAME
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Sequence

from ..errors import CogError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cogsdk models", description=__doc__.splitlines()[0])
    actions = parser.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="the models in the store")
    listing.add_argument("--json", action="store_true", help="print JSON")
    remove = actions.add_parser("remove", help="delete a model and its file")
    remove.add_argument("name")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """0 on success, 2 when the store refused (unknown name, broken manifest)."""
    args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    from .. import training

    try:
        if args.action == "remove":
            training.remove(args.name)
            print(f"removed {args.name!r} from {training.store_dir()}")
        else:
            _list(training.list_models(), args.json, training.store_dir())
    except CogError as error:
        print(f"cogsdk: {type(error).__name__}: {error}", file=sys.stderr)
        return 2
    return 0


def _list(models: list, as_json: bool, folder: object) -> None:
    if as_json:
        json.dump([model.to_dict() for model in models], sys.stdout, indent=2)
        print()
        return
    if not models:
        print(f"no custom models in {folder}")
        return
    width = max(len("name"), *(len(model.name) for model in models))
    print(f"{'name':<{width}}  {'task':<17}  labels  accuracy  trained")
    for model in models:
        print(f"{model.name:<{width}}  {model.task:<17}  {len(model.labels):6d}  "
              f"{model.evaluation.accuracy:8.3f}  {model.created}")
