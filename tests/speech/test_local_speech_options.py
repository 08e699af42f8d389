"""Local speech options on espeak-ng and LibriVox speech: phrase hints, punctuation,
alternatives, diarization."""

from __future__ import annotations

import pytest

from cogsdk import UnsupportedFeature

from _speech_media import wer

NAME = "Siobhan Quigley"
SENTENCE = f"Please send the report to {NAME} tomorrow."


def test_a_phrase_hint_spells_a_rare_name_right(local_speech, espeak, no_sockets):
    audio = espeak(SENTENCE)
    without = local_speech.speech.transcribe(audio)
    hinted = local_speech.speech.transcribe(audio, phrases=[NAME])
    assert NAME not in without.text, without.text
    assert NAME in hinted.text, hinted.text
    streamed = list(local_speech.speech.stream([audio], phrases=[NAME]))[-1]
    assert NAME in streamed.text, streamed.text


def test_without_punctuation(local_speech, librivox):
    path, reference = librivox[0]
    plain = local_speech.speech.transcribe(path, punctuation=False, word_timestamps=True)
    punctuated = local_speech.speech.transcribe(path)
    assert any(c in punctuated.text for c in ".,")
    assert not any(c in plain.text for c in ".,!?;:")
    assert wer(reference, plain.text) <= 0.10
    assert all(w.word and w.word[-1] not in ".,!?" for w in plain.words)


def test_alternatives_locally_give_the_one_best_beam_and_say_so(local_speech, librivox):
    path, _ = librivox[4]
    result = local_speech.speech.transcribe(path, alternatives=3)
    assert [a.text for a in result.alternatives] == [result.text]
    assert result.alternatives[0].confidence == result.confidence
    assert "only the best" in result.raw["alternatives_note"]


def test_diarization_is_unsupported_locally(local_speech, librivox):
    with pytest.raises(UnsupportedFeature, match="diarization"):
        local_speech.speech.transcribe(librivox[4][0], diarization=(1, 2))
    with pytest.raises(UnsupportedFeature, match="diarization"):
        local_speech.speech.stream([b"RIFF"], diarization=(1, 2))
