"""What the browser tests share besides Chromium (tests/conftest.py): the pinned axe-core."""

from __future__ import annotations

import pytest

from ..helpers import AXE, IN_CI


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        message = "axe-core missing: run `npm ci` (make test does it) to install the pinned tools"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")
