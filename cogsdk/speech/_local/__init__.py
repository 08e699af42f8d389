"""Engines of the local speech backend: decoding, Whisper, VAD, streaming."""
