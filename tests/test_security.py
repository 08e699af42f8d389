"""Nothing in the package unpickles, and no secret reaches a log line or an error."""

import ast
import logging
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "cogsdk"
UNSAFE_CALLS = {("pickle", "load"), ("pickle", "loads"), ("torch", "load"),
                ("joblib", "load"), ("dill", "load"), ("dill", "loads")}


def _calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                isinstance(node.func.value, ast.Name):
            yield node.func.value.id, node.func.attr, node


def test_no_pickle_is_ever_loaded():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for module, attribute, node in _calls(tree):
            if (module, attribute) in UNSAFE_CALLS:
                offenders.append(f"{path.name}:{node.lineno} {module}.{attribute}")
            if attribute == "load" and module in ("np", "numpy") and any(
                    k.arg == "allow_pickle" and getattr(k.value, "value", False)
                    for k in node.keywords):
                offenders.append(f"{path.name}:{node.lineno} np.load(allow_pickle=True)")
    assert offenders == []


def test_secrets_stay_out_of_logs_and_errors(fake_google, png_bytes, caplog):
    pytest.importorskip("google.cloud.vision_v1")
    from cogsdk import Cog, CogError
    from cogsdk.testing import Fault

    secret = "AIza-super-secret-key"
    fake_google.fail("images:annotate", Fault(status=503), times=2)
    fake_google.fail("images:annotate", Fault(status=403, reason="API_KEY_INVALID"))
    cog = Cog(mode="cloud", endpoint=fake_google.url, api_key=secret)
    with caplog.at_level(logging.DEBUG):
        with pytest.raises(CogError) as caught:
            cog.vision.labels(png_bytes)
    assert "retry" in caplog.text  # the retries were logged...
    for text in (caplog.text, str(caught.value), repr(caught.value), repr(cog),
                 repr(cog.settings)):
        assert secret not in text  # ...without the key
