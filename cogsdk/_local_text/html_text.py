"""Translate the text of an HTML fragment and keep its markup, with the stdlib parser.

Each text node is translated on its own (its surrounding whitespace kept); tags,
attributes, comments, and the insides of ``<script>``/``<style>`` pass through untouched.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from typing import Callable, Sequence

_RAW = {"script", "style"}


class _Pieces(HTMLParser):
    """The document as a list of pieces; ``texts`` indexes the translatable ones."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.texts: list[int] = []
        self._raw_depth = 0

    def handle_starttag(self, tag, attrs):
        self.pieces.append(self.get_starttag_text() or f"<{tag}>")
        self._raw_depth += tag in _RAW

    def handle_startendtag(self, tag, attrs):
        self.pieces.append(self.get_starttag_text() or f"<{tag}/>")

    def handle_endtag(self, tag):
        self.pieces.append(f"</{tag}>")
        self._raw_depth -= tag in _RAW and self._raw_depth > 0

    def handle_data(self, data):
        if self._raw_depth or not data.strip():
            self.pieces.append(data if self._raw_depth else html.escape(data, quote=False))
            return
        self.texts.append(len(self.pieces))
        self.pieces.append(data)

    def handle_comment(self, data):
        self.pieces.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.pieces.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.pieces.append(f"<?{data}>")


def translate_html(documents: Sequence[str],
                   translate: Callable[[list[str]], list[str]]) -> list[str]:
    """Each document with its text nodes translated by one ``translate(list)`` call."""
    parsed = []
    for document in documents:
        parser = _Pieces()
        parser.feed(document)
        parser.close()
        parsed.append(parser)
    nodes = [p.pieces[i] for p in parsed for i in p.texts]
    translated = iter(translate([n.strip() for n in nodes]) if nodes else [])
    for parser in parsed:
        for i in parser.texts:
            node = parser.pieces[i]
            inner = html.escape(next(translated), quote=False)
            parser.pieces[i] = node[:len(node) - len(node.lstrip())] + inner + \
                node[len(node.rstrip()):]
    return ["".join(p.pieces) for p in parsed]
