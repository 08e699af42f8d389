"""The shared engine helpers: build once under threads, missing extras, engine crashes."""

import threading
import time

import pytest

from cogsdk import BackendError, InvalidInput, MissingDependency
from cogsdk._engines import Once, Shared, engine_errors, needs, optional_import


def test_shared_builds_each_key_once_across_threads():
    built = []

    def build(key):
        built.append(key)
        time.sleep(0.01)  # widen the race window
        return object()

    cache = Shared(build)
    answers = []
    threads = [threading.Thread(target=lambda: answers.append(cache.get(("m", "cpu"))))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert built == [("m", "cpu")] and len({id(a) for a in answers}) == 1
    cache.drop()
    assert ("m", "cpu") not in cache and cache.get(("m", "cpu")) is not answers[0]


def test_once_builds_one_value_until_reset():
    counter = iter(range(10))
    value = Once(lambda: next(counter))
    assert value.get() == value.get() == 0
    value.reset()
    assert value.get() == 1


def test_a_missing_library_names_the_extra():
    with pytest.raises(MissingDependency, match=r"cogsdk\[vision\]"):
        optional_import("no_such_library_xyz", "vision", "local labels")
    with pytest.raises(MissingDependency, match="no_such_library_xyz"):
        with needs("speech", "local speech"):
            import no_such_library_xyz  # noqa: F401


def test_an_import_error_of_cogsdk_itself_is_a_bug_not_a_missing_extra():
    with pytest.raises(ImportError) as caught:
        optional_import("cogsdk.no_such_module", "vision")
    assert not isinstance(caught.value, MissingDependency)


def test_an_engine_crash_becomes_a_backend_error_that_says_something():
    class SilentCrash(Exception):
        pass

    with pytest.raises(BackendError, match="local text failed: SilentCrash: the engine gave "
                                           "no message") as caught:
        with engine_errors("local text"):
            raise SilentCrash()
    assert str(caught.value).strip() and caught.value.backend == "local"
    with pytest.raises(InvalidInput):  # cogsdk's own errors pass through unchanged
        with engine_errors("local text"):
            raise InvalidInput("bad image")


def test_a_build_may_ask_the_cache_for_another_key():
    cache = Shared(lambda key: "leaf" if key == "b" else cache.get("b") + "+root")
    assert cache.get("a") == "leaf+root"
