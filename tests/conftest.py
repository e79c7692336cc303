from __future__ import annotations

import json
from pathlib import Path

import pytest

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
