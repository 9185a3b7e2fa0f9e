"""Read a PDF's text layer.

Only the text layer: a scanned PDF has none, and guessing at images is OCR's job,
so such files are refused with a pointer to an OCR tool rather than read as empty.
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

from cliograph.errors import SourceError
from cliograph.model import Chapter, SourceText
from cliograph.readers.text import normalise_newlines, title_from_filename

#: Pages are joined like paragraphs, so no sentence runs across a page break.
PAGE_SEPARATOR = "\n\n"


def _clean_meta(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.replace("\x00", "").split())
    return value or None


def _outline_chapters(reader: object, page_starts: list[int], length: int) -> tuple[Chapter, ...]:
    """Top-level bookmarks as chapters; a PDF without them simply has none."""
    try:
        outline = reader.outline  # type: ignore[attr-defined]
        marks = []
        for entry in outline:
            if isinstance(entry, list):  # nested bookmarks: only the top level
                continue
            page = reader.get_destination_page_number(entry)  # type: ignore[attr-defined]
            title = _clean_meta(getattr(entry, "title", None))
            if title and page is not None and 0 <= page < len(page_starts):
                marks.append((page_starts[page], title))
    except Exception:  # bookmarks are a nicety; a malformed outline must not lose the text
        return ()
    marks.sort()
    return tuple(
        Chapter(title, start, marks[i + 1][0] if i + 1 < len(marks) else length)
        for i, (start, title) in enumerate(marks)
    )


def read_pdf(path: Path) -> SourceText:
    """Read one .pdf file."""
    from pypdf import PdfReader

    # pypdf reports recoverable damage through logging and warnings; the outcome
    # (text or SourceError) is what the caller needs, not the chatter.
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR + 10)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _read(path, PdfReader)
    finally:
        logger.setLevel(level)


def _read(path: Path, reader_class: type) -> SourceText:
    try:
        with path.open("rb") as handle:
            reader = reader_class(handle)
            if reader.is_encrypted and not reader.decrypt(""):
                raise SourceError(
                    path, "PDF is password-protected; decrypt it first, e.g. qpdf --decrypt"
                )
            title = author = None
            try:
                meta = reader.metadata
                if meta is not None:
                    title = _clean_meta(meta.title)
                    author = _clean_meta(meta.author)
            except Exception:  # metadata is optional; damaged metadata is not a broken PDF
                pass
            pages: list[str] = []
            page_starts: list[int] = []
            offset = 0
            for page in reader.pages:
                text = normalise_newlines(page.extract_text() or "").replace("\x00", "").strip()
                if pages:
                    offset += len(PAGE_SEPARATOR)
                page_starts.append(offset)
                pages.append(text)
                offset += len(text)
            chapters = _outline_chapters(reader, page_starts, offset)
    except SourceError:
        raise
    except FileNotFoundError as exc:
        raise SourceError(path, "no such file or folder") from exc
    except OSError as exc:
        raise SourceError(path, f"cannot read file ({exc.strerror or exc})") from exc
    except Exception as exc:  # pypdf raises many kinds of error on damaged files
        reason = str(exc).splitlines()[0][:80] if str(exc) else type(exc).__name__
        raise SourceError(path, f"broken PDF ({reason})") from exc
    text = PAGE_SEPARATOR.join(pages)
    if not text.strip():
        raise SourceError(path, "PDF has no text layer (scanned?); run OCR first, e.g. ocrmypdf")
    return SourceText(
        path=str(path),
        text=text,
        title=title or title_from_filename(path),
        author=author,
        format="pdf",
        chapters=chapters,
    )
