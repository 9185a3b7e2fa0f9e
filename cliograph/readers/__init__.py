"""Turn input files into :class:`~cliograph.model.SourceText`, whatever their format.

Readers only extract text and structure; they never clean it, because what they
return is the stored text that every offset in the database points into.
Any problem with an input file comes out as a one-line :class:`SourceError`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from cliograph.errors import SourceError
from cliograph.model import SourceText
from cliograph.readers.epub import read_epub
from cliograph.readers.html import read_html
from cliograph.readers.pdf import read_pdf
from cliograph.readers.text import read_text

__all__ = ["SUPPORTED", "iter_sources", "read"]

SUPPORTED = (".txt", ".md", ".html", ".htm", ".xhtml", ".epub", ".pdf")

_READERS: dict[str, Callable[[Path], SourceText]] = {
    ".txt": read_text,
    ".md": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".epub": read_epub,
    ".pdf": read_pdf,
}
_USE = ".txt, .md, .html, .epub or .pdf"


def read(path: str | Path) -> SourceText:
    """Read one file with the reader its suffix calls for."""
    path = Path(path)
    suffix = path.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        if suffix:
            raise SourceError(path, f"unsupported file type '{suffix}' (use {_USE})")
        raise SourceError(path, f"unsupported file type, no file extension (use {_USE})")
    if not path.exists():
        raise SourceError(path, "no such file or folder")
    if path.is_dir():
        raise SourceError(path, "is a folder, not a file (pass it to iter_sources)")
    return reader(path)


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _folder_files(folder: Path) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not _hidden(d)]
        for name in files:
            if not _hidden(name) and Path(name).suffix.lower() in _READERS:
                found.append(Path(root, name))
    return sorted(found)


def iter_sources(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files to read, in a stable order: named files as given, folders expanded.

    Folders are searched recursively for supported files, sorted, skipping hidden
    files and folders (editor backups, ``.git``). A file reached twice is yielded once.
    """
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise SourceError(path, "no such file or folder")
        if path.is_dir():
            files = _folder_files(path)
            if not files:
                raise SourceError(
                    path, "no readable files (.txt, .md, .html, .epub, .pdf) in this folder"
                )
        else:
            files = [path]
        for file in files:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                yield file
