"""Engines of the local language backend: spaCy pipelines (entities, syntax), a salience
heuristic, VADER sentiment (English, French; other languages through local translation)
and zero-shot classification with the MiniLM ONNX embedder.

Heavy libraries are imported inside these modules, on first use, once per process.
"""
