"""The one list path of every facade method: a single item or a list in, results out.

A list keeps input order; an item that cannot be loaded, or that its backend could not
serve, holds its :class:`CogError` in its slot instead of stopping the others. Valid
items go to the backend in chunks of the backend's ``batch_size`` (16 images a request
with parallel requests in the cloud, one ONNX batch locally, one segment list for
translation), and a long list shows one progress bar, whichever backend serves it.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence, TypeVar

from .errors import BackendError, CogError

In = TypeVar("In")
Out = TypeVar("Out")
LONG_LIST = 10
"""Lists longer than this show a progress bar on a terminal (``Cog(progress=...)``)."""

Run = Callable[[Any, list], Sequence[Any]]
"""``run(backend, items) -> one result or CogError per item``."""


def is_many(value: Any) -> bool:
    return isinstance(value, (list, tuple))


def each(call: Callable[[Any, Any], Any]) -> Run:
    """Adapt a one-item backend method, ``call(backend, item)``, to the list path."""
    return lambda backend, items: [call(backend, item) for item in items]


def call_list(router: Any, service: str, method: str, value: Any,
              load: Callable[[Any], Any], run: Run) -> Any:
    """Load and route the items chunk by chunk (memory stays bounded by one chunk), and
    return the result (one item) or the list of results and errors (a list or tuple)."""
    load = router.loader(load)
    if not is_many(value):
        loaded = load_all([value], load)
        return single(loaded if isinstance(loaded[0], CogError) else
                      _route(router, service, method, run, loaded, False))
    items = list(value)
    results: list[Any] = []
    size = router.batch_size(service, method) if items else 1
    from ._progress import Progress

    with Progress(len(items), setting=router.settings.progress, unit="item",
                  desc=f"{service}.{method}", long_after=LONG_LIST) as bar:
        for start in range(0, len(items), size):
            loaded = load_all(items[start:start + size], load)
            results.extend(run_valid(loaded, lambda valid: _route(
                router, service, method, run, valid, True)))
            bar.update_to(len(results))
    return results


def _route(router: Any, service: str, method: str, run: Run, items: list,
           many: bool) -> list:
    try:
        return router.call(service, method, lambda backend: _whole(run(backend, items),
                                                                    len(items)))
    except CogError as error:
        if not many:
            raise
        return [error] * len(items)


def _whole(answers: Sequence[Any], expected: int) -> list:
    """Check the backend kept one answer per item; when every item failed in the
    backend itself, the backend failed: raise, so that the router can fall back."""
    answers = list(answers)
    if len(answers) != expected:
        raise BackendError(f"The backend answered {len(answers)} results for {expected} "
                           "inputs.")
    if answers and all(isinstance(answer, BackendError) for answer in answers):
        raise answers[0]
    return answers


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
    return [item if isinstance(item, CogError) else next(answers) for item in loaded]


def single(results: Sequence[Out | CogError]) -> Out:
    """Unwrap a one-item call: raise its error, or return its result."""
    (result,) = results
    if isinstance(result, CogError):
        raise result
    return result
