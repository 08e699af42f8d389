"""The engines behind :class:`cogsdk.vision.local.LocalVision`, one small module each.

Every engine takes decoded upright RGB ``PIL`` images (a list: a batch) and returns one
typed result per image. They import onnxruntime, numpy and friends lazily, so that
``import cogsdk`` stays light.
"""
