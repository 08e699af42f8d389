"""Audio sniffing (the cloud needs encoding and rate) and text checks."""

import numpy as np
import pytest

from cogsdk import InvalidInput
from cogsdk.media import check_language_code, load_audio, load_text


def test_wav_header_gives_rate_channels_and_duration(make_wav):
    audio = load_audio(make_wav(1.5, 8000, 2))
    assert (audio.encoding, audio.sample_rate, audio.channels) == ("LINEAR16", 8000, 2)
    assert audio.duration == pytest.approx(1.5)


def test_flac_streaminfo_is_read():
    # fLaC + STREAMINFO header: 44.1 kHz, 2 channels, 16 bit, 441000 samples (10 s)
    packed = (44100 << 44) | (1 << 41) | (15 << 36) | 441000
    header = b"fLaC" + b"\x80\x00\x00\x22" + bytes(10) + packed.to_bytes(8, "big") + bytes(16)
    audio = load_audio(header)
    assert (audio.encoding, audio.sample_rate, audio.channels) == ("FLAC", 44100, 2)
    assert audio.duration == pytest.approx(10.0)


@pytest.mark.parametrize("head, encoding", [(b"OggS\x00\x02" + bytes(22) + b"OpusHead", "OGG_OPUS"),
                                            (b"#!AMR\n", "AMR"), (b"ID3\x04", "MP3"),
                                            (b"\x00\x00\x00\x20ftypM4A ", "M4A")])
def test_containers_are_recognised(head, encoding):
    assert load_audio(head + bytes(100)).encoding == encoding


def test_raw_audio_with_declared_encoding_gets_a_duration():
    audio = load_audio(bytes(8000), sample_rate=8000, encoding="mulaw")
    assert (audio.encoding, audio.duration) == ("MULAW", 1.0)


def test_numpy_audio_is_mixed_to_mono_pcm():
    tone = (np.sin(np.linspace(0, 2000, 16000)) * 16000).astype(np.int16)
    stereo = np.stack([tone, tone], axis=1)
    audio = load_audio(stereo, sample_rate=16000)
    assert audio.channels == 1 and audio.duration == 1.0 and len(audio.content) == 32000
    assert np.allclose(audio.samples, tone / 32767, atol=1e-4)  # scaled, not clipped


@pytest.mark.parametrize("bad", [b"", b"just some text, not audio", np.zeros(0)])
def test_bad_audio_is_invalid_input(bad):
    with pytest.raises(InvalidInput):
        load_audio(bad, sample_rate=16000 if isinstance(bad, np.ndarray) else None)


def test_truncated_wav_is_invalid_input(make_wav):
    with pytest.raises(InvalidInput):
        load_audio(make_wav(1.0)[:30])


def test_text_rules():
    assert load_text("héllo".encode()) == "héllo"
    for bad in ("", "   \n", b"\xff\xfe\xfa", "a\ud800b", None, 3.5):
        with pytest.raises(InvalidInput):
            load_text(bad)
    assert len(load_text("é" * 500_000)) == 500_000  # exactly 1,000,000 bytes
    with pytest.raises(InvalidInput):
        load_text("é" * 500_001)
    assert check_language_code("en_US") == "en-US"
    with pytest.raises(InvalidInput):
        check_language_code("en US")
