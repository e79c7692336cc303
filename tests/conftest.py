from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

from planlint import i18n

# CI runs the same examples every time (a red CI must be reproducible); a developer's run explores
# new ones, which is how boundary cases get found.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

# planlint's caches (serialized parser, results) go to a fresh folder for each test session,
# never the user's
os.environ["PLANLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="planlint-test-cache-")

# A message template that cannot be filled raises in tests instead of printing the raw template.
i18n.STRICT = True

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SEED_TRUTH = SHARED / "eval" / "seed_truth.json"
EXAMPLES = ROOT / "examples"


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@pytest.fixture
def seeds() -> list[Path]:
    files = seed_files()
    if not files:
        pytest.skip("../shared/seeds not present")
    return files


def seed_truth() -> list[dict]:
    return json.loads(SEED_TRUTH.read_text(encoding="utf-8")) if SEED_TRUTH.is_file() else []
