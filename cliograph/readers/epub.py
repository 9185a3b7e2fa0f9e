"""Read an EPUB (2 or 3) as its spine documents in reading order.

An EPUB is a zip of XHTML pages plus a package file (OPF) that says which pages
make up the book and in what order. Each spine page goes through the HTML reader,
so an EPUB and the same text as a web page come out alike.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
import zipfile
import zlib
from pathlib import Path
from urllib.parse import unquote

from cliograph.errors import SourceError
from cliograph.model import Chapter, SourceText
from cliograph.readers.html import decode_markup, parse_html
from cliograph.readers.text import title_from_filename

_CONTAINER_NS = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF_NS = "{http://www.idpf.org/2007/opf}"
_DC_NS = "{http://purl.org/dc/elements/1.1/}"
_HTML_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/xml"})
#: EPUB structural semantics for pages that are packaging, not the book's text.
_NOT_TEXT = frozenset(
    {
        "cover", "titlepage", "halftitlepage", "imprint", "copyright-page", "colophon",
        "toc", "landmarks", "loi", "lot", "page-list", "seriespage",
    }
)
#: What unpacking a damaged member can raise: bad headers, corrupt deflate data,
#: an encrypted member (RuntimeError), data cut short (EOFError).
_UNPACK_ERRORS = (
    zipfile.BadZipFile, zlib.error, OSError, ValueError, NotImplementedError, RuntimeError,
    EOFError,
)
#: What the book's pages may expand to, counted while unpacking (a zip's own size
#: fields can lie) and before any page is parsed: one page, and all the spine's pages.
#: Far above any real book (whose text spaCy takes in one piece anyway only up to
#: ``nlp.max_length``, a million characters), far below what a zip bomb expands to.
MAX_MEMBER = 16 * 1024 * 1024
MAX_TOTAL = 32 * 1024 * 1024
#: Markup tags in all the spine's pages: parsing costs time and memory per element,
#: and a page of a million empty paragraphs is a bomb too, even a small one.
MAX_TAGS = 400_000
_CHUNK = 1 << 20


def _broken(path: Path, reason: str) -> SourceError:
    return SourceError(path, f"broken EPUB ({reason})")


def _bomb(path: Path, what: str, limit: int) -> SourceError:
    return SourceError(path, f"EPUB refused: {what} expands past {limit // (1 << 20)} MB"
                             " (a zip bomb?)")


def _member(path: Path, book: zipfile.ZipFile, name: str, budget: list[int] | None = None
            ) -> bytes:
    """One member's bytes, unpacked a chunk at a time and never past ``MAX_MEMBER`` or
    the ``budget`` left for the whole book (a one-item list, decreased); KeyError when
    the member is missing, SourceError when it is damaged or too big."""
    info = book.getinfo(name)
    limit = MAX_MEMBER if budget is None else min(MAX_MEMBER, budget[0])
    chunks, size = [], 0
    try:
        with book.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    if limit < MAX_MEMBER:
                        raise _bomb(path, "the book", MAX_TOTAL)
                    raise _bomb(path, name, MAX_MEMBER)
                chunks.append(chunk)
    except _UNPACK_ERRORS as exc:
        raise _broken(path, f"cannot unpack {name}") from exc
    if budget is not None:
        budget[0] -= size
    return b"".join(chunks)


def _parse_xml(path: Path, book: zipfile.ZipFile, name: str) -> ET.Element:
    try:
        data = _member(path, book, name)
    except KeyError as exc:
        raise _broken(path, f"missing {name}") from exc
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise _broken(path, f"{name} is not valid XML") from exc


def _opf_name(path: Path, book: zipfile.ZipFile) -> str:
    container = _parse_xml(path, book, "META-INF/container.xml")
    for rootfile in container.iter(f"{_CONTAINER_NS}rootfile"):
        full_path = rootfile.get("full-path")
        if full_path:
            return unquote(full_path)
    raise _broken(path, "container.xml names no package file")


def _text_of(element: ET.Element | None) -> str | None:
    if element is None:
        return None
    text = " ".join("".join(element.itertext()).split())
    return text or None


def read_epub(path: Path) -> SourceText:
    """Read one .epub file."""
    try:
        book = zipfile.ZipFile(path)
    except FileNotFoundError as exc:
        raise SourceError(path, "no such file or folder") from exc
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _broken(path, "not a zip archive") from exc
    with book:
        opf_name = _opf_name(path, book)
        package = _parse_xml(path, book, opf_name)
        base = posixpath.dirname(opf_name)
        metadata = package.find(f"{_OPF_NS}metadata")
        title = _text_of(metadata.find(f"{_DC_NS}title")) if metadata is not None else None
        author = _text_of(metadata.find(f"{_DC_NS}creator")) if metadata is not None else None
        manifest = {}
        for item in package.iter(f"{_OPF_NS}item"):
            href = item.get("href")
            if item.get("id") and href:
                manifest[item.get("id")] = (
                    posixpath.normpath(posixpath.join(base, unquote(href.split("#")[0]))),
                    item.get("media-type", ""),
                    set((item.get("properties") or "").split()),
                )
        spine = package.find(f"{_OPF_NS}spine")
        if spine is None:
            raise _broken(path, "package file has no spine")
        pages = []
        for itemref in spine.iter(f"{_OPF_NS}itemref"):
            entry = manifest.get(itemref.get("idref", ""))
            if entry is None:
                continue
            name, media_type, properties = entry
            if media_type not in _HTML_TYPES or "nav" in properties:
                continue
            pages.append(name)
        # every page unpacked (within the limits) before any is parsed
        budget, tags, raw = [MAX_TOTAL], 0, []
        for name in pages:
            try:
                data = _member(path, book, name, budget)
            except KeyError as exc:
                raise _broken(path, f"spine names missing file {name}") from exc
            tags += data.count(b"<")
            if tags > MAX_TAGS:
                raise SourceError(path, f"EPUB refused: its pages hold over {MAX_TAGS:,}"
                                        " markup tags (a zip bomb?)")
            raw.append((name, data))
    parts: list[str] = []
    chapters: list[Chapter] = []
    offset = 0
    while raw:
        name, data = raw.pop(0)
        markup = decode_markup(data)
        del data
        try:
            doc = parse_html(markup)
        except Exception as exc:  # the parser is C code; never let its surprises escape
            raise _broken(path, f"cannot parse {name}") from exc
        if not doc.text.strip() or doc.semantics & _NOT_TEXT:
            continue
        if parts:
            offset += 2
        chapter_title = (
            doc.headings[0].title if doc.headings else doc.title
        ) or posixpath.basename(name)
        chapters.append(Chapter(chapter_title, offset, offset + len(doc.text)))
        parts.append(doc.text)
        offset += len(doc.text)
    if not parts:
        raise SourceError(path, "no readable text in this EPUB (DRM-protected or images only?)")
    return SourceText(
        path=str(path),
        text="\n\n".join(parts),
        title=title or title_from_filename(path),
        author=author,
        format="epub",
        chapters=tuple(chapters),
    )
