"""Engines of the local translation backend: language ID (fastText lid.176), Apertium
(rule-based, Debian packages) and a runner for Marian/OPUS-MT models exported to ONNX.

Each module imports its third-party library lazily, so ``import cogsdk`` stays light.
"""
