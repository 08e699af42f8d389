"""One call shape for single items and lists: a list keeps order and per-item errors."""

from __future__ import annotations

from typing import Any, Callable, Sequence, TypeVar

from .errors import CogError

In = TypeVar("In")
Out = TypeVar("Out")


def is_many(value: Any) -> bool:
    return isinstance(value, (list, tuple))


def load_all(values: Sequence[Any], load: Callable[[Any], In]) -> list[In | CogError]:
    """Load each value; an unusable one becomes its CogError instead of stopping the rest."""
    loaded: list[In | CogError] = []
    for value in values:
        try:
            loaded.append(load(value))
        except CogError as error:
            loaded.append(error)
    return loaded


def run_valid(loaded: Sequence[In | CogError],
              run: Callable[[list[In]], Sequence[Out | CogError]]) -> list[Out | CogError]:
    """Run ``run`` on the valid items only, then put results back in their input slots."""
    valid = [item for item in loaded if not isinstance(item, CogError)]
    answers = iter(run(valid) if valid else ())
    merged = [item if isinstance(item, CogError) else next(answers) for item in loaded]
    return merged


def single(results: Sequence[Out | CogError]) -> Out:
    """Unwrap a one-item call: raise its error, or return its result."""
    (result,) = results
    if isinstance(result, CogError):
        raise result
    return result
