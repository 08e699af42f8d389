"""Data package: the model manifest and the weights exported by our own scripts.

Installed as ``cogsdk.local_models``; see ``manifest.toml`` and ``README.md`` here.
"""
