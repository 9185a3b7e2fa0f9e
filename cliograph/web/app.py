"""The web app: server-rendered pages, each with a JSON twin at the same path + ``.json``.

    /                     home: documents, counts, search        /index.json
    /search?q=            names, aliases and sentences           /search.json
    /entities?kind=&q=    entities, filtered, sorted, a page     /entities.json
    /facts?type=&entity=  every fact in one table                /facts.json, /facts.csv
    /map?type=&entity=    the places of those facts              /map.json
    /entity/{id}?offset=  dossier, a page of claims              /entity/{id}.json
    /document/{id}?at=    source reader, opened at a span        /document/{id}.json
    /timeline             vis-timeline of dated facts            /timeline.json
    /network              cytoscape graph with a time window     /network.json
    /state?date=&inferred=  the system on a date (inferred=0: stated ends only)  /state.json

The app only reads: the connection is opened ``query_only`` and no route writes, unless
it was made with ``edit=True`` (``cliograph serve --edit``): then POST /correct and the
forms on the pages make corrections through ``cliograph.corrections`` on a connection of
their own, each POST checked against the session's CSRF token (``editing``). Errors
become one page (``error.html``) or ``{"ok": false, "error": ..., "status": ...}``.
What no request changes (every fact row, office tenures, the corpus's time span) is kept
in the store's memo (``query.Memo``) and thrown away when PRAGMA data_version says another
connection has committed since, so a page after an ingest reads the new state.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__, query
from ..errors import CliographError, UsageError
from ..model import KINDS, RELATION_TYPES
from ..store import Store
from . import editing, views
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
                       relation_types=RELATION_TYPES,
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
    "depth": "how many steps from the entity the network reaches (1 or 2)",
    "inferred": "1 (default): tenures last to their inferred ends (death, successor, last date"
                " attested); 0: only what the sources state",
    "offset": "the first claim or row to show (0 first)",
    "limit": f"how many claims or rows to show (at most {views.DOSSIER_MAX})",
    "sort": "the order of a list: mentions or name (entities); time, type, subject, confidence"
            " or document (facts)",
    "doc": "a document id",
    "min_confidence": "the least confidence a fact must have (0 to 1)",
    "rule": "the rule that extracted a fact, or a prefix of its name ('offices')",
    "dating": "inferred: only facts whose time the narrative gave; stated: only those the sentence gave",
    "review": "review status of facts: machine, confirmed, corrected, rejected, added, or all"
              " (the rejected are left out otherwise)",
    "per_claim": f"how many statements of each claim to show (default {views.DOSSIER_PER_CLAIM})",
}


def _query(*names: str) -> dict[str, Any]:
    return {"parameters": [
        {"name": n, "in": "query", "required": False, "description": QUERY_PARAMETERS[n],
         "schema": {"type": "string", "maxLength": 500}} for n in names]}


#: The names a server bound to this machine only answers to.
LOOPBACK = ("127.0.0.1", "localhost", "::1")
#: Hosts that mean "every interface": the names it answers to cannot be known.
ANY_INTERFACE = ("0.0.0.0", "::", "*")


def _host_name(header: str) -> str:
    """'127.0.0.1:8001' -> '127.0.0.1', '[::1]:8001' -> '::1', 'LocalHost.' -> 'localhost'."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0].rstrip(".") if header.count(":") == 1 else header.rstrip(".")


class GuardHost:
    """ASGI middleware: answer HEAD as GET without a body, and refuse requests whose Host
    header names a host the server was not bound to.

    A page on another site can point its own domain name at 127.0.0.1 (DNS rebinding)
    and read the local server's pages as its own; its requests carry that domain in
    the Host header, so checking it closes the hole. ``hosts`` None accepts any Host
    (a server bound to every interface, where the user chose to be reachable).
    """

    def __init__(self, app: Any, hosts: Iterable[str] | None) -> None:
        self.app = app
        self.hosts = None if hosts is None else {_host_name(h) for h in hosts}

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if self.hosts is not None:
            host = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
            if _host_name(host) not in self.hosts:
                return await _plain(send, 421, "unknown host name in the Host header:"
                                               " this server answers to "
                                               + ", ".join(sorted(self.hosts)))
        if scope["method"] != "HEAD":
            return await self.app(scope, receive, send)

        async def headers_only(message: dict) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body"):
                    return
                message = {"type": "http.response.body", "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


async def _plain(send: Callable, status: int, text: str) -> None:
    body = text.encode("utf-8")
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def allowed_hosts(host: str) -> tuple[str, ...] | None:
    """The Host names a server bound to ``host`` answers to (None: any)."""
    if host in ANY_INTERFACE:
        return None
    return tuple(dict.fromkeys((host, *LOOPBACK))) if _host_name(host) in LOOPBACK else (host,)


def _wants_json(request: Request) -> bool:
    return request.url.path.endswith(".json")


def make_app(db_path: str | Path, hosts: Iterable[str] | None = LOOPBACK,
             edit: bool = False) -> FastAPI:
    """A FastAPI app serving the cliograph database at ``db_path`` (read-only unless
    ``edit``), answering only requests whose Host header names one of ``hosts`` (None:
    any; the default is this machine's names).

    Raises StoreError when there is no database there.
    """
    store = Store(db_path, create=False)
    store.db.execute("PRAGMA query_only = ON")
    store.memo = query.Memo()
    version: int | None = None  # the data_version the memo was filled at
    lock = threading.Lock()  # one connection, used by one request at a time
    env = _environment()
    sessions = editing.Sessions() if edit else None
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
        token, new_session = (sessions.token(request.cookies.get(editing.COOKIE))
                              if sessions else (None, None))
        here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        html = env.get_template(template).render(request=request, path=request.url.path,
                                                 query_string=request.url.query, edit=edit,
                                                 csrf=token, here=here, **data)
        response = HTMLResponse(html)
        if new_session:
            response.set_cookie(editing.COOKIE, new_session, httponly=True, samesite="strict",
                                path="/")
        return response

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

    list_params = ("q", "kind", "doc", "sort", "offset", "limit")

    @app.get("/entities", response_class=HTMLResponse, openapi_extra=_query(*list_params))
    @app.get("/entities.json", openapi_extra=_query(*list_params))
    def entities(request: Request) -> Response:
        args = {k: param(request, k) for k in list_params}
        return render(request, "entities.html", lambda: views.entity_list(store, **args))

    fact_params = ("type", "entity", "doc", "from", "to", "min_confidence", "rule", "dating",
                   "review",
                   "sort", "offset", "limit")

    @app.get("/facts", response_class=HTMLResponse, openapi_extra=_query(*fact_params))
    @app.get("/facts.json", openapi_extra=_query(*fact_params))
    @app.get("/facts.csv", openapi_extra=_query(*fact_params))
    def facts(request: Request) -> Response:
        args = {k: param(request, k) for k in fact_params}
        args["type"] = ",".join(many(request, "type")) or None
        if request.url.path.endswith(".csv"):
            data = snapshot(lambda: views.facts_table(store, args))
            return Response(views.facts_csv(data), media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": 'attachment; filename="facts.csv"'})
        return render(request, "facts.html", lambda: views.facts_table(store, args))

    @app.get("/map", response_class=HTMLResponse, openapi_extra=_query(*fact_params[:-3]))
    @app.get("/map.json", openapi_extra=_query(*fact_params[:-3]))
    def place_map(request: Request) -> Response:
        args = {k: param(request, k) for k in fact_params[:-3]}
        args["type"] = ",".join(many(request, "type")) or None
        return render(request, "map.html", lambda: views.place_map(store, args))

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

    net_params = ("at", "from", "to", "entity", "depth")

    @app.get("/network", response_class=HTMLResponse, openapi_extra=_query(*net_params))
    @app.get("/network.json", openapi_extra=_query(*net_params))
    def network(request: Request) -> Response:
        args = [param(request, k) for k in net_params]
        return render(request, "network.html", lambda: views.network(store, *args))

    @app.get("/corrections", response_class=HTMLResponse)
    @app.get("/corrections.json")
    def corrections(request: Request) -> Response:
        return render(request, "corrections.html", lambda: views.corrections(store))

    if sessions is not None:
        @app.post("/correct")
        async def correct(request: Request) -> Response:
            form = editing.parse_form(await request.body())
            token = (form.get("csrf") or [None])[-1]
            if not sessions.check(request.cookies.get(editing.COOKIE), token):
                return error(request, 403, "this form's session token is missing or out of"
                                           " date: reload the page and try again")
            def write() -> dict[str, Any]:
                with lock:  # one correction at a time; the reader sees it once it commits
                    return editing.apply(db_path, form)

            done = await run_in_threadpool(write)  # a write may wait for an ingest's lock
            if _wants_json(request) or (form.get("reply") or [""])[-1] == "json":
                return JSONResponse({"ok": True, "correction": done})
            return Response(status_code=303, headers={"Location": editing.next_page(done, form)})

    @app.get("/state", response_class=HTMLResponse, openapi_extra=_query("date", "inferred"))
    @app.get("/state.json", openapi_extra=_query("date", "inferred"))
    def state(request: Request) -> Response:
        date, inferred = param(request, "date"), param(request, "inferred")
        return render(request, "state.html", lambda: views.state(store, date, inferred))

    app.add_middleware(GuardHost, hosts=hosts)
    return app
