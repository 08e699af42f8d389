"""Routing: which backend serves a call in each mode, and the fallback of ``auto``."""

import logging

import pytest

from cogsdk import Cog, ConfigurationError, InvalidInput
from cogsdk import _registry
from cogsdk.errors import ServiceUnavailable, UnsupportedFeature
from cogsdk.translation.base import TranslationBackend
from cogsdk.translation.types import DetectedLanguage, Translation


class Recorder(TranslationBackend):
    """An in-memory translation backend: upper-cases text, or fails as told."""

    calls: list = []
    fail_with: Exception | None = None

    def __init__(self, settings):
        self.settings = settings

    def translate(self, texts, target, source):
        type(self).calls.append((self.name, list(texts)))
        if self.fail_with is not None:
            raise self.fail_with
        return [Translation(text=t.upper(), source_language=source or "en",
                            target_language=target, input=t, backend=self.name)
                for t in texts]

    def detect(self, texts):
        return [DetectedLanguage(language="en", confidence=1.0, backend=self.name)
                for _ in texts]


class Cloud(Recorder):
    name = "google"


class Local(Recorder):
    name = "local"


@pytest.fixture(autouse=True)
def fake_backends(monkeypatch):
    monkeypatch.setitem(_registry.BACKENDS, "translation", {
        "google": _registry.BackendSpec(Cloud, "cloud"),
        "local": _registry.BackendSpec(Local, "language")})
    Recorder.calls = []
    Cloud.fail_with = Local.fail_with = None
    yield


def test_local_and_cloud_modes_pick_one_backend():
    assert Cog(mode="local").translation.translate("hi", "es").backend == "local"
    assert Cog(mode="cloud", api_key="k").translation.translate("hi", "es").backend == "google"


def test_auto_uses_cloud_when_credentials_exist_else_local():
    assert Cog(api_key="k").translation.translate("hi", "es").backend == "google"
    assert Cog().translation.translate("hi", "es").backend == "local"  # no ADC in tests


def test_auto_falls_back_on_outage_and_says_so(caplog):
    Cloud.fail_with = ServiceUnavailable("Google answered 503")
    with caplog.at_level(logging.WARNING, logger="cogsdk"):
        results = Cog(api_key="secret-key-123").translation.translate(["a", "b"], "es")
    assert [r.backend for r in results] == ["local", "local"]
    assert "ServiceUnavailable" in results[0].fallback_reason
    assert "falls back to local" in caplog.text
    assert "secret-key-123" not in caplog.text


def test_auto_goes_to_cloud_when_local_cannot_serve():
    Local.fail_with = UnsupportedFeature("no such pair")
    assert Cog(api_key="k").translation.translate("hi", "xx").backend == "google"
    result = Cog().translation.translate("hi", "xx")  # no credentials: local first
    assert result.backend == "google" and "no such pair" in result.fallback_reason


def test_bad_input_never_falls_back():
    Cloud.fail_with = InvalidInput("bad")
    with pytest.raises(InvalidInput):
        Cog(api_key="k").translation.translate("hi", "es")
    assert [name for name, _ in Recorder.calls] == ["google"]


def test_offline_never_touches_the_cloud_backend(no_sockets):
    cog = Cog(offline=True, api_key="k")
    assert cog.translation.translate("hi", "es").backend == "local"
    assert all(name == "local" for name, _ in Recorder.calls)
    with pytest.raises(ConfigurationError):
        Cog(offline=True, routes={"translation.translate": "cloud"}).translation.translate(
            "hi", "es")


def test_per_method_routes():
    cog = Cog(api_key="k", routes={"translation.translate": "local"})
    assert cog.translation.translate("hi", "es").backend == "local"
    assert cog.translation.detect_language("hi").backend == "google"


def test_env_selects_mode(monkeypatch):
    monkeypatch.setenv("COGSDK_MODE", "local")
    assert Cog(api_key="k").translation.translate("hi", "es").backend == "local"
    monkeypatch.setenv("COGSDK_OFFLINE", "1")
    assert Cog(mode="auto").settings.offline is True


def test_backend_instances_are_shared():
    cog = Cog(mode="local")
    first = cog._router.backend("translation", "local")
    assert cog._router.backend("translation", "local") is first


def test_missing_service_backend_is_explained(monkeypatch):
    monkeypatch.setitem(_registry.BACKENDS, "translation",
                        {"google": _registry.BackendSpec(Cloud, "cloud")})
    with pytest.raises(UnsupportedFeature, match="no 'local' backend"):
        Cog(mode="local").translation.translate("hi", "es")


def test_missing_extra_names_the_extra(monkeypatch):
    from cogsdk import MissingDependency

    monkeypatch.setitem(_registry.BACKENDS, "translation", {
        "google": _registry.BackendSpec("not_installed_pkg.mod:Thing", "cloud")})
    with pytest.raises(MissingDependency, match=r"cogsdk\[cloud\]"):
        Cog(mode="cloud").translation.translate("hi", "es")


def test_circuit_breaker_skips_the_cloud_then_tries_again(monkeypatch):
    from cogsdk import _breaker

    now = [0.0]
    monkeypatch.setattr(_breaker.time, "monotonic", lambda: now[0])
    Cloud.fail_with = ServiceUnavailable("503")
    cog = Cog(api_key="k", breaker_threshold=3, breaker_cooldown=30)
    for _ in range(5):
        assert cog.translation.translate("hi", "es").backend == "local"
    assert [name for name, _ in Recorder.calls].count("google") == 3  # then skipped
    now[0] = 31.0
    Cloud.fail_with = None
    assert cog.translation.translate("hi", "es").backend == "google"  # half-open: healed


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


def test_capabilities_are_read_off_the_backends(monkeypatch):
    class Pairs(Local):
        def pairs(self):
            return [("en", "es")]

    monkeypatch.setitem(_registry.BACKENDS, "translation", {
        "google": _registry.BackendSpec(Cloud, "cloud"),
        "local": _registry.BackendSpec(Pairs, "language")})
    for service in ("vision", "speech", "language", "video"):
        monkeypatch.setitem(_registry.BACKENDS, service, {
            "google": _registry.BackendSpec("not_installed_pkg.mod:Thing", "cloud")})
    offline = Cog(offline=True).capabilities()
    local = offline["translation"]["local"]
    assert local["available"] and local["pairs"] == [["en", "es"]]
    assert local["methods"] == ["translate", "detect_language"]
    assert offline["translation"]["google"] == {
        "methods": ["translate", "detect_language"], "available": False, "reason": "offline"}
    assert offline["vision"]["google"]["available"] is False
    assert "cogsdk[cloud]" in offline["vision"]["google"]["reason"]
    assert Cog(api_key="k").capabilities()["translation"]["google"]["available"] is True
