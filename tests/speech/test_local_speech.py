"""Local speech-to-text on real human speech (LibriVox) and espeak-ng speech, offline."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from cogsdk import BackendError, InvalidInput, UnsupportedLanguage

from _speech_media import FORMATS, encode, read_samples, wer

SHORT = 4  # index of the 3.3 s sentence "he might even have been made amiable himself"


def test_librivox_sentences_wer_is_low(local_speech, librivox, no_sockets):
    results = local_speech.speech.transcribe([path for path, _ in librivox])
    reference = " ".join(text for _, text in librivox)
    hypothesis = " ".join(r.text for r in results)
    assert wer(reference, hypothesis) <= 0.10, hypothesis
    for result in results:
        assert result.backend == "local" and result.model == "whisper-tiny.en"
        assert result.language == "en-US" and result.is_final
        assert 0.4 < result.confidence <= 1.0


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_encoding_transcribes(local_speech, librivox, name):
    path, reference = librivox[SHORT]
    samples, rate = read_samples(path)
    data = encode(samples, rate, name)
    raw = name == "MULAW"  # headerless: the caller names the encoding and the rate
    result = local_speech.speech.transcribe(data, encoding="MULAW" if raw else None,
                                            sample_rate=8000 if raw else None)
    assert wer(reference, result.text) <= 0.15, (name, result.text)


def test_numpy_input_at_any_rate(local_speech, librivox):
    path, reference = librivox[SHORT]
    samples, rate = read_samples(path)
    at_44k = np.interp(np.arange(0, samples.size, rate / 44100), np.arange(samples.size),
                       samples).astype(np.float32)
    pcm16 = (at_44k * 32767).astype(np.int16)
    result = local_speech.speech.transcribe(pcm16, sample_rate=44100)
    assert wer(reference, result.text) <= 0.15, result.text
    stereo = np.stack([at_44k, at_44k], axis=1)
    result = local_speech.speech.transcribe(stereo, sample_rate=44100)
    assert wer(reference, result.text) <= 0.15, result.text


def test_word_timestamps_and_honest_confidence(local_speech, librivox):
    path, reference = librivox[0]
    samples, rate = read_samples(path)
    clean = local_speech.speech.transcribe(samples, sample_rate=rate, word_timestamps=True)
    words = clean.words
    assert len(words) >= len(reference.split()) - 2
    assert all(0.0 <= w.start <= w.end <= samples.size / rate + 0.05 for w in words)
    assert all(a.start <= b.start for a, b in zip(words, words[1:]))
    assert all(0.0 < w.confidence <= 1.0 for w in words)
    assert [w.word.strip(".,").lower() for w in words[-3:]] == ["do", "for", "them"]
    # the confidence is the model's own: it falls when the speech drowns in noise
    noise = np.random.default_rng(7).normal(0, samples.std(), samples.size)
    noisy = local_speech.speech.transcribe((samples + noise).astype(np.float32),
                                           sample_rate=rate)
    assert noisy.confidence < clean.confidence - 0.1


def test_silence_gives_an_empty_transcript(local_speech):
    result = local_speech.speech.transcribe(np.zeros(16000 * 4, np.float32), sample_rate=16000)
    assert result.text == "" and result.confidence is None and result.words == ()


@pytest.mark.parametrize("content,encoding", [
    (b"\x00" * 2000, "MP3"),
    (b"RIFF\x00\x00\x00\x00WAVEjunk", None),
    (bytes(range(256)) * 20, "AMR"),
])
def test_undecodable_audio_is_invalid_input(local_speech, content, encoding):
    with pytest.raises(InvalidInput):
        local_speech.speech.transcribe(content, encoding=encoding)


def test_truncated_audio_keeps_what_it_has(local_speech, librivox):
    path, _ = librivox[SHORT]
    samples, rate = read_samples(path)
    flac = encode(samples, rate, "FLAC")
    result = local_speech.speech.transcribe(flac[:len(flac) // 2])
    assert result.text.lower().startswith("he might")


def test_unsupported_language_raises(local_speech, librivox):
    path, _ = librivox[SHORT]
    with pytest.raises(UnsupportedLanguage) as info:
        local_speech.speech.transcribe(str(path), language="tlh")
    assert "en" in info.value.supported
    with pytest.raises(UnsupportedLanguage):
        local_speech.speech.transcribe(str(path), language="de-DE", model="tiny.en")


def test_other_languages_use_whisper_base(local_speech, espeak):
    german = espeak("Guten Morgen. Ich möchte heute mit dem Zug nach Berlin fahren.", "de")
    result = local_speech.speech.transcribe(german, language="de-DE")
    assert result.model == "whisper-base" and result.language == "de-DE"
    assert wer("guten morgen ich möchte heute mit dem zug nach berlin fahren",
               result.text) <= 0.2, result.text
    # one synthetic sentence is a near tie (en 0.41, de 0.39): detection needs two
    longer = espeak("Guten Morgen. Ich möchte heute mit dem Zug nach Berlin fahren. "
                    "Das Wetter ist schön, und die Sonne scheint über der Stadt.", "de")
    detected = local_speech.speech.transcribe(longer, language="auto")
    assert detected.language == "de"


def test_base_model_on_request_for_english(local_speech, librivox):
    path, reference = librivox[SHORT]
    result = local_speech.speech.transcribe(str(path), model="base")
    assert result.model == "whisper-base" and wer(reference, result.text) <= 0.15


def test_long_audio_is_split_and_reports_progress(local_speech, librivox):
    pieces, references = [], []
    for path, text in librivox * 3:  # ~85 s: five sentences three times, 1.5 s apart
        samples, rate = read_samples(path)
        pieces += [samples, np.zeros(int(rate * 1.5), np.float32)]
        references.append(text)
    audio = np.concatenate(pieces)
    seen = []
    result = local_speech.speech.transcribe(audio, sample_rate=16000,
                                            progress=lambda done, total: seen.append(
                                                (done, total)))
    assert wer(" ".join(references), result.text) <= 0.10
    assert len(result.raw["segments"]) >= 6
    assert seen and seen[-1][0] == pytest.approx(seen[-1][1]) and seen[-1][1] > 60
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_stream_yields_partials_then_a_final(local_speech, librivox):
    pieces, references = [], []
    for path, text in librivox[:3]:
        samples, _ = read_samples(path)
        pieces += [samples, np.zeros(8000, np.float32)]
        references.append(text)
    pcm = (np.concatenate(pieces) * 32767).astype("<i2").tobytes()
    chunks = (pcm[i:i + 16000] for i in range(0, len(pcm), 16000))  # 0.5 s each
    results = list(local_speech.speech.stream(chunks, sample_rate=16000, encoding="LINEAR16",
                                              word_timestamps=True))
    assert [r.is_final for r in results] == [False] * (len(results) - 1) + [True]
    assert len(results) >= 5
    assert len(results[2].text) < len(results[-1].text)
    final = results[-1]
    assert wer(" ".join(references), final.text) <= 0.10, final.text
    assert final.words and final.words[-1].end > 14


def test_stream_of_container_bytes(local_speech, librivox):
    path, reference = librivox[SHORT]
    samples, rate = read_samples(path)
    ogg = encode(samples, rate, "OGG_OPUS")
    results = list(local_speech.speech.stream(ogg[i:i + 3000]
                                              for i in range(0, len(ogg), 3000)))
    assert results[-1].is_final and wer(reference, results[-1].text) <= 0.15


def test_import_cogsdk_does_not_load_engines():
    code = ("import sys, cogsdk; c = cogsdk.Cog(offline=True); "
            "bad = [m for m in ('av', 'faster_whisper', 'ctranslate2', 'onnxruntime', "
            "'scenedetect') if m in sys.modules]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"


def test_whisper_base_is_joined_once_into_a_verified_cache(tmp_path, monkeypatch):
    pytest.importorskip("faster_whisper", reason="needs the speech extra")
    from cogsdk import models
    from cogsdk.speech._local import whisper

    monkeypatch.setenv("COGSDK_CACHE", str(tmp_path))
    folder = whisper.model_dir(whisper.BASE)
    weights = folder / "model.bin"
    assert folder.parent == tmp_path and weights.stat().st_size == 145_217_532
    assert {p.name for p in folder.iterdir()} == {"model.bin", "config.json",
                                                  "vocabulary.txt", "tokenizer.json"}
    stamp = weights.stat().st_mtime_ns
    assert whisper.model_dir(whisper.BASE) == folder and weights.stat().st_mtime_ns == stamp
    with weights.open("r+b") as handle:  # a damaged cache is rebuilt, never loaded
        handle.write(b"\0" * 16)
    models.forget_verified(weights)
    whisper.model_dir(whisper.BASE)
    models.verify(weights, models.spec("whisper-base").joined_sha256, "joined")


class _CrashingWhisper:
    """Stands in for a WhisperModel whose native code fails without a message."""

    def transcribe(self, *args, **kwargs):
        raise RuntimeError()


def test_an_engine_crash_is_a_backend_error_with_a_message(local_speech, librivox,
                                                           monkeypatch):
    from cogsdk.speech._local import whisper

    monkeypatch.setattr(whisper, "load", lambda model, device="auto": _CrashingWhisper())
    path, _ = librivox[SHORT]
    with pytest.raises(BackendError) as caught:
        local_speech.speech.transcribe(str(path))
    assert "Whisper transcription failed: RuntimeError" in str(caught.value)
    with pytest.raises(BackendError, match="RuntimeError"):
        list(local_speech.speech.stream([path.read_bytes()]))
