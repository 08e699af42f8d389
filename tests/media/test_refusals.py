"""Inputs refused up front with a message that says what to do (issue 10, items 4, 6, 7)."""

import io
import time

import numpy as np
import pytest
from PIL import Image

from cogsdk import InvalidInput
from cogsdk.media import load_audio, load_image, load_video


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), "red").save(buffer, format="JPEG")
    return buffer.getvalue()


@pytest.mark.parametrize("load", [load_image, load_audio, load_video])
def test_a_text_mode_file_is_refused_with_how_to_open_it(tmp_path, load):
    path = tmp_path / "x.jpg"
    path.write_bytes(_jpeg())
    with open(path, "r") as text_file, pytest.raises(InvalidInput, match="'rb'"):
        load(text_file)


def test_a_text_mode_wrapper_that_fails_to_decode_is_refused():
    class Wrapper:  # not an io.TextIOBase, but reads text all the same
        def read(self, size=-1):
            return _jpeg().decode("utf-8")
    with pytest.raises(InvalidInput, match="text mode"):
        load_image(Wrapper())


@pytest.mark.parametrize("load, phrase", [(load_image, "read an image from"),
                                           (load_audio, "read audio from"),
                                           (load_video, "read a video from")])
def test_messages_use_the_right_article(load, phrase):
    with pytest.raises(InvalidInput) as caught:
        load(object())
    assert phrase in str(caught.value)


@pytest.mark.parametrize("load, phrase", [(load_image, "folder, not an image file"),
                                           (load_audio, "folder, not an audio file")])
def test_a_folder_is_named_with_the_right_article(load, phrase, tmp_path):
    with pytest.raises(InvalidInput, match=phrase):
        load(tmp_path)


@pytest.mark.parametrize("value", [b"", "", 3])
def test_bad_videos_still_refused(value):
    with pytest.raises(InvalidInput):
        load_video(value)


@pytest.mark.parametrize("fmt", ["JPEG", "BMP", "TIFF", "WEBP"])
def test_a_still_image_is_not_a_video(fmt, tmp_path):
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16)).save(buffer, format=fmt)
    path = tmp_path / f"photo.{fmt.lower()}"
    path.write_bytes(buffer.getvalue())
    for value in (buffer.getvalue(), path, str(path)):
        with pytest.raises(InvalidInput, match=f"{fmt} image, not a video"):
            load_video(value)


@pytest.mark.parametrize("shape", [(100_000, 2, 3), (2, 100_000), (1, 101)])
def test_absurd_aspect_ratios_are_refused_quickly(shape):
    started = time.monotonic()
    with pytest.raises(InvalidInput, match="100 times"):
        load_image(np.zeros(shape, np.uint8))
    with pytest.raises(InvalidInput, match="100 times"):
        load_image(Image.new("L", shape[1::-1])).decode()
    assert time.monotonic() - started < 2


def test_an_absurd_png_header_is_refused_before_decoding():
    buffer = io.BytesIO()
    Image.new("L", (5000, 2)).save(buffer, format="PNG")
    with pytest.raises(InvalidInput, match="5000x2.*100 times"):
        load_image(buffer.getvalue())


def test_long_but_sane_images_are_kept():
    assert load_image(np.zeros((20, 2000), np.uint8)).decode().size == (2000, 20)  # a text line


@pytest.mark.parametrize("rate", [1, 7999, 48001, 0, -16000, 16000.5, True, "16000"])
def test_sample_rates_google_refuses_are_refused(rate):
    with pytest.raises(InvalidInput, match="8000-48000 Hz"):
        load_audio(np.zeros(16000, np.int16), sample_rate=rate)
    with pytest.raises(InvalidInput, match="8000-48000 Hz"):
        load_audio(bytes(1600), sample_rate=rate, encoding="LINEAR16")


def test_a_wav_header_with_a_rate_google_refuses_is_refused(make_wav):
    with pytest.raises(InvalidInput, match="header.*4000 Hz.*8000-48000"):
        load_audio(make_wav(0.5, 4000))


@pytest.mark.parametrize("rate", [8000, 16000, 44100, 48000, 16000.0, np.int64(22050)])
def test_rates_google_accepts_are_kept(rate):
    audio = load_audio(np.zeros(800, np.int16), sample_rate=rate)
    assert audio.sample_rate == int(rate) and isinstance(audio.sample_rate, int)
