"""Credentials: missing, API key, service-account file; secrets never leak."""

import json
import logging

import pytest
import responses

pytest.importorskip("google.cloud.vision_v1")

from cogsdk import Cog, ConfigurationError, MissingCredentials  # noqa: E402
from cogsdk.testing import _payloads  # noqa: E402

URL = "https://vision.googleapis.com/v1/images:annotate"


def test_cloud_mode_without_credentials_says_how_to_set_them(png_bytes):
    with pytest.raises(MissingCredentials) as caught:
        Cog(mode="cloud").vision.labels(png_bytes)
    message = str(caught.value)
    assert "GOOGLE_APPLICATION_CREDENTIALS" in message and "api_key" in message


def test_bad_service_account_file_is_missing_credentials(tmp_path, png_bytes):
    broken = tmp_path / "key.json"
    broken.write_text("{}")
    with pytest.raises(MissingCredentials, match="service-account"):
        Cog(mode="cloud", credentials=broken).vision.labels(png_bytes)


@responses.activate
def test_service_account_file_signs_requests_locally(tmp_path, png_bytes):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode()
    path = tmp_path / "sa.json"
    path.write_text(json.dumps({
        "type": "service_account", "project_id": "p", "private_key_id": "abc",
        "private_key": pem, "client_email": "sa@p.iam.gserviceaccount.com",
        "client_id": "1", "token_uri": "https://oauth2.googleapis.com/token"}))
    responses.post(URL, json={"responses": [_payloads._labels(1)]})
    responses.post("https://oauth2.googleapis.com/token",
                   json={"access_token": "tok", "expires_in": 3600})
    Cog(mode="cloud", credentials=str(path)).vision.labels(png_bytes)
    vision_call = [c for c in responses.calls if "images:annotate" in c.request.url][0]
    assert vision_call.request.headers["Authorization"].startswith("Bearer ")


@responses.activate
def test_api_key_is_sent_as_header_and_never_shown(png_bytes, caplog):
    secret = "AIzaSy-very-secret"
    responses.post(URL, status=403, json=_payloads.error(403, "API key not valid."))
    cog = Cog(mode="cloud", api_key=secret, max_retries=0)
    with caplog.at_level(logging.DEBUG):
        with pytest.raises(Exception) as caught:
            cog.vision.labels(png_bytes)
    assert responses.calls[0].request.headers["x-goog-api-key"] == secret
    for text in (repr(cog), repr(cog.settings), str(caught.value), caplog.text):
        assert secret not in text


def test_conflicting_options_are_configuration_errors():
    with pytest.raises(ConfigurationError):
        Cog(api_key="k", credentials="anonymous")
    with pytest.raises(ConfigurationError):
        Cog(mode="cloud", offline=True)
    with pytest.raises(ConfigurationError):
        Cog(mode="fast")
    with pytest.raises(ConfigurationError):
        Cog(endpoints={"vison": "http://x"})


def _google_adapters():
    from cogsdk.language.google import GoogleLanguage
    from cogsdk.speech.google import GoogleSpeech
    from cogsdk.translation.google import GoogleTranslation
    from cogsdk.video.google import GoogleVideo
    from cogsdk.vision.google import GoogleVision

    return [GoogleVision, GoogleSpeech, GoogleLanguage, GoogleTranslation, GoogleVideo]


@pytest.mark.parametrize("given, expected", [
    ({}, False),  # the conftest clears GOOGLE_APPLICATION_CREDENTIALS and gcloud's ADC
    ({"api_key": "AIza-key"}, True),
    ({"credentials": "anonymous"}, True),
    ({"endpoint": "http://127.0.0.1:9"}, True),  # a fake or emulator needs no credentials
    ({"endpoint": "https://eu-vision.googleapis.com"}, False),
    ({"api_key": "AIza-key", "offline": True}, False),
])
def test_google_adapters_say_whether_they_can_serve(given, expected, no_sockets):
    from cogsdk._config import Settings

    settings = Settings.resolve(**given)
    for adapter in _google_adapters():
        assert adapter.kind == "cloud"
        assert adapter.available(settings) is expected, adapter


def test_availability_is_probed_once_per_settings_object(monkeypatch):
    from cogsdk import _google
    from cogsdk._config import Settings

    probes = []
    monkeypatch.setattr(_google, "default_credentials_found",
                        lambda: probes.append(1) or False)
    first, second = Settings.resolve(), Settings.resolve()
    assert not any(adapter.available(first) for adapter in _google_adapters())
    assert not _google.available(second)
    assert len(probes) == 2
