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
#: A page of a book is never this big; a member claiming more is a zip bomb or garbage.
_MAX_MEMBER = 256 * 1024 * 1024


def _broken(path: Path, reason: str) -> SourceError:
    return SourceError(path, f"broken EPUB ({reason})")


def _member(path: Path, book: zipfile.ZipFile, name: str) -> bytes:
    """One member's bytes; KeyError when it is missing, SourceError when it is damaged."""
    info = book.getinfo(name)
    if info.file_size > _MAX_MEMBER:
        raise _broken(path, f"{name} claims {info.file_size:,} bytes")
    try:
        return book.read(info)
    except _UNPACK_ERRORS as exc:
        raise _broken(path, f"cannot unpack {name}") from exc


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
        parts: list[str] = []
        chapters: list[Chapter] = []
        offset = 0
        for itemref in spine.iter(f"{_OPF_NS}itemref"):
            entry = manifest.get(itemref.get("idref", ""))
            if entry is None:
                continue
            name, media_type, properties = entry
            if media_type not in _HTML_TYPES or "nav" in properties:
                continue
            try:
                markup = decode_markup(_member(path, book, name))
            except KeyError as exc:
                raise _broken(path, f"spine names missing file {name}") from exc
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
