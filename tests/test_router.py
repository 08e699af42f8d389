"""Routing: which backend serves a call in each mode, and the fallback of ``auto``.

The backends are fakes passed in with ``Cog(backends=[...])``; nothing is patched."""

import logging

import pytest

from cogsdk import Cog, ConfigurationError, InvalidInput, register_backend, registered_backends
from cogsdk.errors import ServiceUnavailable, UnsupportedFeature
from cogsdk.translation.base import TranslationBackend
from cogsdk.translation.types import DetectedLanguage, Translation


class Recorder(TranslationBackend):
    """An in-memory translation backend: upper-cases text, or fails as told."""

    def __init__(self, name, kind, log, needs_key=False):
        self.name, self.kind, self.log, self.needs_key = name, kind, log, needs_key
        self.fail_with = None

    def available(self, settings):
        return bool(settings.api_key) or not self.needs_key

    def translate(self, texts, target, source):
        self.log.append((self.name, list(texts)))
        if self.fail_with is not None:
            raise self.fail_with
        return [Translation(text=t.upper(), source_language=source or "en",
                            target_language=target, input=t, backend=self.name)
                for t in texts]

    def detect(self, texts):
        return [DetectedLanguage(language="en", confidence=1.0, backend=self.name)
                for _ in texts]


@pytest.fixture
def calls():
    return []


@pytest.fixture
def cloud(calls):
    """Stands in for Google: a cloud backend that is available with an API key."""
    return Recorder("google", "cloud", calls, needs_key=True)


@pytest.fixture
def local(calls):
    return Recorder("local", "local", calls)


@pytest.fixture
def make(cloud, local):
    return lambda **kw: Cog(backends=[cloud, local], **kw)


def test_local_and_cloud_modes_pick_one_backend(make):
    assert make(mode="local").translation.translate("hi", "es").backend == "local"
    assert make(mode="cloud", api_key="k").translation.translate("hi", "es").backend == "google"


def test_auto_uses_cloud_when_it_is_available_else_local(make):
    assert make(api_key="k").translation.translate("hi", "es").backend == "google"
    assert make().translation.translate("hi", "es").backend == "local"  # no key: unavailable


def test_auto_falls_back_on_outage_and_says_so(make, cloud, caplog):
    cloud.fail_with = ServiceUnavailable("Google answered 503")
    with caplog.at_level(logging.WARNING, logger="cogsdk"):
        results = make(api_key="secret-key-123").translation.translate(["a", "b"], "es")
    assert [r.backend for r in results] == ["local", "local"]
    assert "ServiceUnavailable" in results[0].fallback_reason
    assert "falls back to local" in caplog.text
    assert "secret-key-123" not in caplog.text


def test_auto_goes_to_cloud_when_local_cannot_serve(make, local):
    local.fail_with = UnsupportedFeature("no such pair")
    assert make(api_key="k").translation.translate("hi", "xx").backend == "google"
    result = make().translation.translate("hi", "xx")  # cloud unavailable: local first
    assert result.backend == "google" and "no such pair" in result.fallback_reason


def test_bad_input_never_falls_back(make, cloud, calls):
    cloud.fail_with = InvalidInput("bad")
    with pytest.raises(InvalidInput):
        make(api_key="k").translation.translate("hi", "es")
    assert [name for name, _ in calls] == ["google"]


def test_offline_never_touches_the_cloud_backend(make, calls, no_sockets):
    cog = make(offline=True, api_key="k")
    assert cog.translation.translate("hi", "es").backend == "local"
    assert all(name == "local" for name, _ in calls)
    with pytest.raises(ConfigurationError):
        make(offline=True, routes={"translation.translate": "cloud"}).translation.translate(
            "hi", "es")


def test_per_method_routes_by_mode_or_by_name(make, calls):
    cog = make(api_key="k", routes={"translation.translate": "local"})
    assert cog.translation.translate("hi", "es").backend == "local"
    assert cog.translation.detect_language("hi").backend == "google"
    mine = Recorder("mine", "local", calls)
    picked = Cog(backends=[mine], routes={"translation.translate": "mine"})
    assert picked.translation.translate("hi", "es").backend == "mine"


def test_a_second_cloud_provider_is_routed_like_google(calls, local):
    other = Recorder("othercloud", "cloud", calls)  # always available
    cog = Cog(backends=[other, local])
    assert cog.translation.translate("hi", "es").backend == "othercloud"
    other.fail_with = ServiceUnavailable("down")
    assert cog.translation.translate("hi", "es").backend == "local"


def test_env_selects_mode(make, monkeypatch):
    monkeypatch.setenv("COGSDK_MODE", "local")
    assert make(api_key="k").translation.translate("hi", "es").backend == "local"
    monkeypatch.setenv("COGSDK_OFFLINE", "1")
    assert make(mode="auto").settings.offline is True


def test_backend_instances_are_shared():
    cog = Cog(mode="local")
    first = cog._router.backend("translation", "local")
    assert cog._router.backend("translation", "local") is first


@pytest.mark.parametrize("routes, says", [
    ({"vision.labels": "locall"}, "auto, cloud, local, google"),
    ({"vision.labels": "mars"}, "use one of"),
    ({"vision.label": "local"}, "vision.labels"),
    ({"mars.labels": "local"}, "translation.translate"),
])
def test_bad_routes_are_refused_when_the_client_is_built(routes, says):
    with pytest.raises(ConfigurationError, match=says):
        Cog(routes=routes)


@pytest.mark.parametrize("settings, says", [
    ({"max_retries": -1}, "max_retries"), ({"credentials": 42}, "credentials"),
    ({"timeout": 0}, "timeout"), ({"deadline": "soon"}, "deadline"),
    ({"breaker_threshold": 0}, "breaker_threshold"), ({"progress": "yes"}, "progress"),
])
def test_bad_settings_are_refused_when_the_client_is_built(settings, says):
    with pytest.raises(ConfigurationError, match=says):
        Cog(**settings)


def test_backends_must_be_instances_with_service_name_and_kind(local):
    with pytest.raises(ConfigurationError, match="instances"):
        Cog(backends=[Recorder])
    with pytest.raises(ConfigurationError, match="Two translation backends"):
        Cog(backends=[local, local])


def test_the_registry_is_read_only_and_refuses_a_taken_name():
    view = registered_backends()
    assert view["vision"]["local"].kind == "local"
    assert view["vision"]["google"].kind == "cloud"
    with pytest.raises(TypeError):
        view["vision"]["mine"] = view["vision"]["local"]  # type: ignore[index]
    with pytest.raises(ConfigurationError, match="replace=True"):
        register_backend("vision", "local", "pkg.mod:Thing")


def test_missing_service_backend_is_explained():
    with pytest.raises(UnsupportedFeature, match="no 'nothere' backend for translation"):
        Cog()._router.backend("translation", "nothere")


def test_missing_extra_names_the_extra():
    from cogsdk import MissingDependency, _registry

    register_backend("translation", "ghost", "not_installed_pkg.mod:Thing", extra="cloud",
                     kind="cloud")
    try:
        with pytest.raises(MissingDependency, match=r"cogsdk\[cloud\]"):
            Cog(routes={"translation.translate": "ghost"}).translation.translate("hi", "es")
    finally:
        _registry.unregister("translation", "ghost")
    assert "ghost" not in registered_backends()["translation"]


def test_circuit_breaker_skips_the_cloud_then_tries_again(make, cloud, calls, monkeypatch):
    from cogsdk import _breaker

    now = [0.0]
    monkeypatch.setattr(_breaker.time, "monotonic", lambda: now[0])
    cloud.fail_with = ServiceUnavailable("503")
    cog = make(api_key="k", breaker_threshold=3, breaker_cooldown=30)
    for _ in range(5):
        assert cog.translation.translate("hi", "es").backend == "local"
    assert [name for name, _ in calls].count("google") == 3  # then skipped
    now[0] = 31.0
    cloud.fail_with = None
    assert cog.translation.translate("hi", "es").backend == "google"  # half-open: healed


def test_breakers_are_kept_per_service_and_backend(make, cloud):
    cloud.fail_with = ServiceUnavailable("503")
    cog = make(api_key="k", breaker_threshold=1)
    cog.translation.translate("hi", "es")
    assert cog._router.breaker("translation", "google").is_open
    assert not cog._router.breaker("vision", "google").is_open


def test_breaker_unit():
    from cogsdk._breaker import CircuitBreaker

    now = [0.0]
    breaker = CircuitBreaker(threshold=2, cooldown=10, clock=lambda: now[0])
    breaker.record_failure()
    assert not breaker.is_open
    breaker.record_failure()
    assert breaker.is_open
    now[0] = 10.0
    assert not breaker.is_open  # half-open
    breaker.record_failure()
    assert breaker.is_open  # one more failure re-opens at once
    breaker.record_success()
    assert not breaker.is_open


def test_capabilities_are_read_off_the_backends(cloud, calls):
    class Pairs(Recorder):
        def pairs(self):
            return [("en", "es")]

    cog = Cog(offline=True, backends=[cloud, Pairs("local", "local", calls)])
    offline = cog.capabilities()
    local = offline["translation"]["local"]
    assert local["available"] and local["pairs"] == [["en", "es"]]
    assert local["methods"] == ["translate", "detect_language"]
    assert offline["translation"]["google"] == {
        "kind": "cloud", "methods": ["translate", "detect_language"], "available": False,
        "reason": "offline"}
    online = Cog(api_key="k", backends=[cloud]).capabilities()
    assert online["translation"]["google"]["available"] is True


def test_a_cloud_only_call_without_credentials_does_not_suggest_local_mode(make, local):
    from cogsdk import MissingCredentials

    class NoCredentials(Recorder):
        def translate(self, texts, target, source):
            raise MissingCredentials()

    local.fail_with = UnsupportedFeature("no local pair en-fr")
    cog = Cog(backends=[NoCredentials("google", "cloud", []), local])
    with pytest.raises(MissingCredentials) as caught:
        cog.translation.translate("hi", "fr")
    message = str(caught.value)
    assert "no local pair en-fr" in message and "api_key" in message
    assert "mode='local'" not in message
