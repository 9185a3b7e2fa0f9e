"""Editing in the web app (`cliograph serve --edit`): sessions with a CSRF token, the
forms' fields read into calls of ``cliograph.corrections``.

A page served by an editing app carries a session cookie (HttpOnly, SameSite=Strict)
and, in each form, that session's token; a POST is refused (403) unless both are there
and agree. Another site's page cannot read the token, so it cannot make the browser of
the historian correct anything. The read-only app has none of this: it has no POST route.
"""

from __future__ import annotations

import hmac
import secrets
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .. import corrections as corr
from ..errors import UsageError

COOKIE = "cliograph_session"
#: The largest form body accepted: a correction is a few fields.
MAX_BODY = 64 * 1024


class Sessions:
    """Session id (the cookie) -> CSRF token, in memory: a restarted server starts new
    sessions, and a page opened before it asks to be reloaded."""

    def __init__(self) -> None:
        self._tokens: dict[str, str] = {}
        self._lock = threading.Lock()

    def token(self, sid: str | None) -> tuple[str, str | None]:
        """(token, new session id or None when ``sid`` is a session already)."""
        with self._lock:
            if sid and sid in self._tokens:
                return self._tokens[sid], None
            new = secrets.token_urlsafe(24)
            self._tokens[new] = secrets.token_urlsafe(32)
            return self._tokens[new], new

    def check(self, sid: str | None, token: str | None) -> bool:
        with self._lock:
            known = self._tokens.get(sid or "")
        return bool(known and token) and hmac.compare_digest(known, token or "")


def parse_form(body: bytes) -> dict[str, list[str]]:
    """An application/x-www-form-urlencoded body (the only kind the forms send)."""
    if len(body) > MAX_BODY:
        raise UsageError(f"the form is too large ({len(body)} bytes; {MAX_BODY} at most)")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError("the form is not UTF-8") from None
    return parse_qs(text, keep_blank_values=True, max_num_fields=2000)


def safe_next(value: str | None) -> str:
    """Where to go after a correction: a path of this site, never another site."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return "/"
    return value


def next_page(done: dict[str, Any], form: dict[str, list[str]]) -> str:
    """The page to show after a correction: the one it was made on, except that a merged
    entity's page is gone (its survivor's is shown) and a split shows the new entity."""
    from urllib.parse import quote

    if done["action"] == "merge_entities":
        return "/entity/" + quote(done["payload"]["into"], safe="")
    if done["action"] == "split_entity" and done.get("split_id"):
        return "/entity/" + quote(done["split_id"], safe="")
    return safe_next((form.get("next") or [None])[-1])


def _one(form: dict[str, list[str]], name: str, required: bool = False) -> str | None:
    values = form.get(name)
    value = values[-1].strip() if values else None
    if required and not value:
        raise UsageError(f"the form lacks '{name}'")
    return value


def _int(form: dict[str, list[str]], name: str) -> int:
    value = _one(form, name, required=True) or ""
    if not value.isdigit():
        raise UsageError(f"'{name}' must be a whole number, not '{value[:20]}'")
    return int(value)


def _mention(value: str) -> tuple[str, int, int]:
    doc, _, span = value.rpartition(":")
    a, _, b = span.partition("-")
    if not (doc and a.isdigit() and b.isdigit()):
        raise UsageError(f"'{value[:40]}' is not a mention (DOC:START-END)")
    return doc, int(a), int(b)


def _opt(form: dict[str, list[str]], name: str) -> str | None:
    """A field left empty means: not given."""
    return _one(form, name) or None


def _changed(form: dict[str, list[str]]) -> dict[str, str | None]:
    """The edit form's fields that differ from the values it was shown with (``X_was``):
    a field left as it was is not part of the correction."""
    out: dict[str, str | None] = {}
    for name in ("type", "subject", "object", "role", "time", "start", "end"):
        value = _one(form, name)
        if value is not None and value != (_one(form, f"{name}_was") or ""):
            out[name] = value
    return out


#: verb -> how its form becomes a call (db, form, note, author) -> correction row
ACTIONS: dict[str, Callable[..., dict[str, Any]]] = {
    "confirm": lambda db, f, **kw: corr.confirm(db, _one(f, "fact", True), **kw),
    "reject": lambda db, f, **kw: corr.reject(db, _one(f, "fact", True), **kw),
    "edit": lambda db, f, **kw: corr.edit(db, _one(f, "fact", True), **_changed(f), **kw),
    "add": lambda db, f, **kw: corr.add(
        db, _one(f, "doc", True), type=_one(f, "type", True) or "",
        subject=_one(f, "subject", True) or "", object=_opt(f, "object"),
        start=_int(f, "start"), end=_int(f, "end"), role=_opt(f, "role"),
        time=_opt(f, "time"), **kw),
    "merge": lambda db, f, **kw: corr.merge(db, _one(f, "entity", True),
                                            into=_one(f, "into", True) or "", **kw),
    "split": lambda db, f, **kw: corr.split(
        db, _one(f, "entity", True), name=_one(f, "name", True) or "", kind=_opt(f, "kind"),
        mentions=[_mention(m) for m in f.get("mention", [])], **kw),
    "rename": lambda db, f, **kw: corr.rename(db, _one(f, "entity", True),
                                              _one(f, "name", True), **kw),
    "kind": lambda db, f, **kw: corr.set_kind(db, _one(f, "entity", True),
                                              _one(f, "kind", True), **kw),
    "alias": lambda db, f, **kw: corr.add_alias(db, _one(f, "entity", True),
                                                _one(f, "alias", True), **kw),
    "unalias": lambda db, f, **kw: corr.remove_alias(db, _one(f, "entity", True),
                                                     _one(f, "alias", True), **kw),
    "undo": lambda db, f, **kw: corr.undo(db, _int(f, "correction"), **kw),
}


def apply(db: str | Path, form: dict[str, list[str]]) -> dict[str, Any]:
    """Make the correction a form describes (``action`` names it); its row."""
    action = _one(form, "action", required=True) or ""
    if action not in ACTIONS:
        raise UsageError(f"unknown correction '{action[:30]}': one of {', '.join(ACTIONS)}")
    return ACTIONS[action](db, form, note=_opt(form, "note"), author=_opt(form, "author"))
