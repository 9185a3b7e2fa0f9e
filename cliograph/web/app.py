"""The web app: server-rendered pages, each with a JSON twin at the same path + ``.json``.

    /                     home: documents, counts, search        /index.json
    /search?q=            names, aliases and sentences           /search.json
    /entities?kind=       entities of one kind                   /entities.json
    /entity/{id}?offset=  dossier, a page of claims              /entity/{id}.json
    /document/{id}?at=    source reader, opened at a span        /document/{id}.json
    /timeline             vis-timeline of dated facts            /timeline.json
    /network              cytoscape graph with a time window     /network.json
    /state?date=&inferred=  the system on a date (inferred=0: stated ends only)  /state.json

The app only reads: the connection is opened ``query_only`` and no route writes. Errors
become one page (``error.html``) or ``{"ok": false, "error": ..., "status": ...}``.
What no request changes (every fact row, office tenures, the corpus's time span) is kept
in the store's memo (``query.Memo``) and thrown away when PRAGMA data_version says another
connection has committed since, so a page after an ingest reads the new state.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__, query
from ..errors import CliographError, UsageError
from ..model import KINDS
from ..store import Store
from . import views
from .views import NotFound

HERE = Path(__file__).resolve().parent
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(version=__version__, kinds=KINDS, kind_labels=views.KIND_LABELS,
                       type_labels=views.TYPE_LABELS)
    env.filters["date_label"] = query.date_label
    env.filters["at_href"] = views._href_at
    return env


#: The query parameters the routes read from the request, for the OpenAPI schema
#: (``app.openapi()``; the app does not serve it) and the tools that test against it.
QUERY_PARAMETERS = {
    "q": "search words",
    "kind": "entity kind(s), e.g. PERSON; comma-separated or repeated where several apply",
    "type": "relation type(s), e.g. HOLDS_OFFICE; comma-separated or repeated",
    "entity": "an entity id, name or alias",
    "at": "a date (YYYY, YYYY-MM, YYYY-MM-DD; -0044 for 44 BC), or in the reader START-END",
    "from": "start of a time window (a date)",
    "to": "end of a time window (a date)",
    "date": "the date to show the system on",
    "inferred": "1 (default): tenures last to their inferred ends (death, successor, last date"
                " attested); 0: only what the sources state",
    "offset": "the dossier's first claim to show (0 first)",
    "limit": f"how many claims to show (default {views.DOSSIER_LIMIT}, at most {views.DOSSIER_MAX})",
    "per_claim": f"how many statements of each claim to show (default {views.DOSSIER_PER_CLAIM})",
}


def _query(*names: str) -> dict[str, Any]:
    return {"parameters": [
        {"name": n, "in": "query", "required": False, "description": QUERY_PARAMETERS[n],
         "schema": {"type": "string", "maxLength": 500}} for n in names]}


def _wants_json(request: Request) -> bool:
    return request.url.path.endswith(".json")


def make_app(db_path: str | Path) -> FastAPI:
    """A FastAPI app serving the cliograph database at ``db_path`` (read-only).

    Raises StoreError when there is no database there.
    """
    store = Store(db_path, create=False)
    store.db.execute("PRAGMA query_only = ON")
    store.memo = query.Memo()
    version: int | None = None  # the data_version the memo was filled at
    lock = threading.Lock()  # one connection, used by one request at a time
    env = _environment()
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="cliograph", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url=None, lifespan=lifespan)
    app.state.store = store
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def snapshot(build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """Run a page's queries in one read transaction: an ingest committing meanwhile
        (WAL lets it) is either wholly in the page or not at all."""
        nonlocal version
        with lock:
            store.db.execute("BEGIN")
            try:
                # read in the transaction, so it is the version of the snapshot it reads;
                # it changes whenever another connection commits (this one never writes)
                now = store.db.execute("PRAGMA data_version").fetchone()[0]
                if now != version:
                    store.memo.clear()
                    version = now
                return build()
            finally:
                store.db.execute("COMMIT")

    def render(request: Request, template: str, build: Callable[[], dict[str, Any]]) -> Response:
        data = snapshot(build)
        if _wants_json(request):
            return JSONResponse(views.public(data))
        html = env.get_template(template).render(request=request, path=request.url.path,
                                                 query_string=request.url.query, **data)
        return HTMLResponse(html)

    def error(request: Request, status: int, message: str) -> Response:
        if _wants_json(request):
            return JSONResponse({"ok": False, "error": message, "status": status},
                                status_code=status)
        html = env.get_template("error.html").render(
            request=request, path=request.url.path, status=status, message=message)
        return HTMLResponse(html, status_code=status)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[..., Any]) -> Response:
        response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            message = f"no page at {request.url.path}"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed here: the cliograph web app only reads"
        else:
            message = str(exc.detail)
        return error(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()))
        return error(request, 400, f"bad parameter {where}: {first.get('msg', 'invalid')}")

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return error(request, 404, str(exc))

    @app.exception_handler(UsageError)
    async def usage_error(request: Request, exc: UsageError) -> Response:
        return error(request, 400, str(exc))

    @app.exception_handler(CliographError)
    async def cliograph_error(request: Request, exc: CliographError) -> Response:
        return error(request, 500, str(exc))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        return error(request, 500, f"internal error ({type(exc).__name__}); please report it")

    def param(request: Request, name: str) -> str | None:
        value = request.query_params.get(name)
        if value is not None and len(value) > 500:
            raise UsageError(f"parameter '{name}' is too long (500 characters at most)")
        return value

    def many(request: Request, name: str) -> list[str]:
        return [v for raw in request.query_params.getlist(name) for v in raw.split(",") if v]

    def strip_json(value: str) -> str:
        return value[:-5] if value.endswith(".json") else value

    @app.get("/", response_class=HTMLResponse)
    @app.get("/index.json")
    @app.get("/.json", include_in_schema=False)
    def home(request: Request) -> Response:
        return render(request, "index.html", lambda: views.home(store))

    @app.get("/search", response_class=HTMLResponse, openapi_extra=_query("q"))
    @app.get("/search.json", openapi_extra=_query("q"))
    def search(request: Request) -> Response:
        q = param(request, "q") or ""
        return render(request, "search.html", lambda: views.search(store, q))

    @app.get("/entities", response_class=HTMLResponse, openapi_extra=_query("kind"))
    @app.get("/entities.json", openapi_extra=_query("kind"))
    def entities(request: Request) -> Response:
        kind = param(request, "kind")
        return render(request, "entities.html", lambda: views.entity_list(store, kind))

    @app.get("/entity/{entity_id}", response_class=HTMLResponse,
             openapi_extra=_query("offset", "limit", "per_claim"))
    def entity(request: Request, entity_id: str) -> Response:
        eid = strip_json(entity_id)
        page = {k: param(request, k) for k in ("offset", "limit", "per_claim")}
        return render(request, "entity.html",
                      lambda: views.entity(store, eid, **page, parts=not _wants_json(request)))

    @app.get("/document/{doc_id}", response_class=HTMLResponse, openapi_extra=_query("at"))
    def document(request: Request, doc_id: str) -> Response:
        did = strip_json(doc_id)
        at = param(request, "at")
        return render(request, "document.html", lambda: views.document(store, did, at))

    @app.get("/timeline", response_class=HTMLResponse,
             openapi_extra=_query("entity", "kind", "type"))
    @app.get("/timeline.json", openapi_extra=_query("entity", "kind", "type"))
    def timeline(request: Request) -> Response:
        ent = param(request, "entity")
        kinds, types = many(request, "kind"), many(request, "type")
        return render(request, "timeline.html", lambda: views.timeline(store, ent, kinds, types))

    @app.get("/network", response_class=HTMLResponse, openapi_extra=_query("at", "from", "to"))
    @app.get("/network.json", openapi_extra=_query("at", "from", "to"))
    def network(request: Request) -> Response:
        at, start, end = param(request, "at"), param(request, "from"), param(request, "to")
        return render(request, "network.html", lambda: views.network(store, at, start, end))

    @app.get("/state", response_class=HTMLResponse, openapi_extra=_query("date", "inferred"))
    @app.get("/state.json", openapi_extra=_query("date", "inferred"))
    def state(request: Request) -> Response:
        date, inferred = param(request, "date"), param(request, "inferred")
        return render(request, "state.html", lambda: views.state(store, date, inferred))

    return app
