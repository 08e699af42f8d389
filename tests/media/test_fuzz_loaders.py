"""Fuzzing the loaders: any bytes, arrays or strings give a result or a CogError, never
another exception."""

import io

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from cogsdk import CogError
from cogsdk.media import load_audio, load_image, load_text, load_video

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.linear_gradient("L").resize((32, 24)).save(buffer, format="PNG")
    return buffer.getvalue()


PNG = _png()


def _only_cog_errors(function, *args, **kwargs):
    try:
        return function(*args, **kwargs)
    except CogError:
        return None


@FAST
@given(st.binary(max_size=2048))
def test_random_bytes_as_image(data):
    image = _only_cog_errors(load_image, data)
    if image is not None:
        _only_cog_errors(image.decode)


@FAST
@given(st.integers(0, len(PNG)), st.binary(max_size=16))
def test_truncated_and_patched_png(cut, patch):
    data = PNG[:cut] + patch
    image = _only_cog_errors(load_image, data)
    if image is not None:
        _only_cog_errors(image.decode)


@FAST
@given(st.binary(max_size=4096), st.sampled_from([None, 8000, 16000]),
       st.sampled_from([None, "LINEAR16", "MULAW", "FLAC", "bogus"]))
def test_random_bytes_as_audio(data, rate, encoding):
    _only_cog_errors(load_audio, data, sample_rate=rate, encoding=encoding)


@FAST
@given(st.one_of(st.text(max_size=300), st.binary(max_size=300), st.none(), st.integers()))
def test_anything_as_text(value):
    _only_cog_errors(load_text, value)


@FAST
@given(st.lists(st.integers(0, 255), min_size=0, max_size=64),
       st.sampled_from(["uint8", "float32", "int16"]), st.integers(1, 4))
def test_arrays_as_image_and_audio(values, dtype, channels):
    array = np.array(values, dtype=dtype)
    if array.size and array.size % channels == 0:
        array = array.reshape(-1, channels)
    image = _only_cog_errors(load_image, array)
    if image is not None:
        _only_cog_errors(image.decode)
    _only_cog_errors(load_audio, array, sample_rate=16000)


@pytest.mark.parametrize("value", [b"", "", 3, None, "/no/such/file.mp4", "ftp://x/y.mp4"])
def test_bad_videos(value):
    _only_cog_errors(load_video, value)
