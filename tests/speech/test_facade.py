"""The speech facade refuses what cannot be audio before any backend runs."""

import pytest

from cogsdk import Cog, InvalidInput


@pytest.mark.parametrize("chunks", [42, b"\x00\x01", "talk.wav", None])
def test_stream_refuses_what_is_not_an_iterable_of_chunks(chunks):
    with pytest.raises(InvalidInput, match="iterable of audio chunks"):
        list(Cog(offline=True).speech.stream(chunks, sample_rate=16000))
