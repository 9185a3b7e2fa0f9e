"""The demo job: the shipped public-domain samples, plus the seed chapter when the
project's shared folder is beside the checkout (it is copyrighted and never shipped)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .store import Store

if TYPE_CHECKING:
    from .ingestion import IngestReport, Progress

EXAMPLES = Path("examples")
SEED = Path("../shared/seed/with-lenin.txt")


def demo_paths(examples: Path = EXAMPLES, seed: Path = SEED) -> list[Path]:
    paths = [examples] if examples.is_dir() else []
    if seed.is_file():
        paths.append(seed)
    return paths


def demo(db: str | Path | Store, examples: Path = EXAMPLES, seed: Path = SEED,
         progress: Progress | None = None) -> IngestReport:
    """Ingest the examples (and the seed, when present) into ``db``."""
    from .ingestion import ingest  # loads spaCy, which listing the demo's paths does not need

    return ingest(demo_paths(examples, seed), db=db, progress=progress)
