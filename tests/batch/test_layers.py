"""The batch job calls ``Cog`` only: it imports no backend, engine, router or model
library (docs/architecture.md)."""

import ast
from pathlib import Path

import cogsdk.batch

FORBIDDEN = {"google", "local", "_local", "_local_text", "_router", "_registry", "models",
             "onnxruntime", "ctranslate2", "spacy"}


def _imported_parts(tree: ast.AST) -> set[str]:
    """Every dotted part of every module (and name) a file imports."""
    parts: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [alias.name for alias in node.names]
            if isinstance(node, ast.ImportFrom):
                names.append(node.module or "")
            parts |= {part for name in names for part in name.split(".")}
    return parts


def test_batch_imports_no_backend_or_engine():
    for path in Path(cogsdk.batch.__file__).parent.glob("*.py"):
        found = _imported_parts(ast.parse(path.read_text("utf-8"))) & FORBIDDEN
        assert not found, f"{path.name} imports {found}"
