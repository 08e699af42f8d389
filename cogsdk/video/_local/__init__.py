"""Engines of the local video backend: decoding, shot detection, frame labels."""
