"""README's screenshots: made by `make screenshots`, committed, small, and shown in README."""

from pathlib import Path

import pytest
from PIL import Image

from tools.screenshots import MAX_BYTES, MAX_HEIGHT, OUT, SCENES, VARIANTS

README = Path(__file__).resolve().parent.parent / "README.md"
SHOTS = [f"{scene}-{variant}.png" for scene in SCENES for variant in VARIANTS]


@pytest.mark.parametrize("name", SHOTS)
def test_each_screenshot_is_a_small_png_at_device_scale_1(name):
    path = OUT / name
    assert path.stat().st_size <= MAX_BYTES
    with Image.open(path) as picture:
        assert picture.format == "PNG"
        assert (
            picture.width
            == VARIANTS[name.rsplit("-", 1)[1].removesuffix(".png")]["viewport"]["width"]
        )
        assert picture.height <= MAX_HEIGHT


def test_readme_shows_every_screenshot_under_what_it_looks_like():
    readme = README.read_text()
    section = readme.split("## What it looks like", 1)[1].split("\n## ", 1)[0]
    for name in SHOTS:
        assert f'src="docs/screenshots/{name}"' in section
