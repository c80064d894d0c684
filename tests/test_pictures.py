"""Every picture the README shows is made by scripts/make_pictures.py from the tool itself (issue 20: pictures that
cannot go stale); the recipes that need no browser run here and give a PNG."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _script():
    spec = importlib.util.spec_from_file_location("make_pictures", ROOT / "scripts" / "make_pictures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_readme_picture_has_a_recipe():
    shown = set(re.findall(r"\]\(docs/([\w-]+)\.png\)", (ROOT / "README.md").read_text(encoding="utf-8")))
    assert shown and shown <= set(_script().RECIPES), shown - set(_script().RECIPES)


@pytest.mark.parametrize("name", ["map-dream-heights", "own-list-map"])
def test_the_recipes_without_a_browser_make_a_png(tmp_path, name):
    module = _script()
    assert name in module.WITHOUT_BROWSER
    out = tmp_path / f"{name}.png"
    module.RECIPES[name](out)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 20_000
