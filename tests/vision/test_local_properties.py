"""Local image properties: dominant colours with pixel fractions."""

from __future__ import annotations

import numpy as np


def test_dominant_colours_and_fractions_of_a_known_picture(local_cog):
    picture = np.zeros((200, 400, 3), np.uint8)
    picture[:, :300] = (220, 30, 30)   # 75 % red
    picture[:, 300:] = (20, 40, 200)   # 25 % blue
    colors = local_cog.vision.properties(picture).dominant_colors
    by_fraction = sorted(colors, key=lambda c: -c.pixel_fraction)
    red, blue = by_fraction[0], by_fraction[1]
    assert abs(red.red - 220) <= 8 and red.green < 50 and abs(red.pixel_fraction - 0.75) < 0.03
    assert abs(blue.blue - 200) <= 8 and abs(blue.pixel_fraction - 0.25) < 0.03
    assert colors[0].score == 1.0 and all(0 < c.score <= 1 for c in colors)
    assert abs(sum(c.pixel_fraction for c in colors) - 1.0) < 0.02


def test_max_colors_and_a_real_photo(local_cog, photos):
    result = local_cog.vision.properties(photos["coffee"], max_colors=3)
    assert len(result.dominant_colors) == 3 and result.backend == "local"
    assert all(c.hex.startswith("#") and len(c.hex) == 7 for c in result.dominant_colors)
