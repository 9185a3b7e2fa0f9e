"""The local web app: ``make_app(db_path)`` returns a FastAPI app (``cliograph serve``)."""

from __future__ import annotations

from .app import make_app

__all__ = ["make_app"]
