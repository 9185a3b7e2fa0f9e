"""Turn input files into :class:`~cliograph.model.SourceText`, whatever their format.

Readers only extract text and structure; they never clean it, because what they
return is the stored text that every offset in the database points into.
Any problem with an input file comes out as a one-line :class:`SourceError`.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from cliograph.errors import SourceError
from cliograph.model import SourceText
from cliograph.readers.epub import read_epub
from cliograph.readers.html import read_html
from cliograph.readers.pdf import read_pdf
from cliograph.readers.text import read_text

__all__ = ["SUPPORTED", "iter_sources", "not_a_file", "read"]

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
    problem = not_a_file(path)
    if problem:
        raise SourceError(path, problem)
    return reader(path)


_SPECIAL = {stat.S_IFIFO: "a named pipe", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device",
            stat.S_IFSOCK: "a socket"}


def not_a_file(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file, or None for a regular file (a symbolic link
    is followed, a loop of them detected).

    Reading a named pipe waits forever for a writer, a device such as /dev/zero never
    ends: only regular files are opened at all.
    """
    try:
        st = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop, not a file"
        if exc.errno == errno.ENOENT:
            return "broken symbolic link" if path.is_symlink() else "no such file or folder"
        return f"cannot read file ({exc.strerror or exc})"
    if stat.S_ISDIR(st.st_mode):
        return "is a folder, not a file (pass it to iter_sources)"
    if not stat.S_ISREG(st.st_mode):
        what = _SPECIAL.get(stat.S_IFMT(st.st_mode), "a special file")
        return f"{what}, not a regular file: only regular files are read"
    return None


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _folder_files(folder: Path, other: list[Path] | None = None) -> list[Path]:
    """The supported files under ``folder``, sorted; the other (not hidden) files go to
    ``other`` when a list is given."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not _hidden(d)]
        for name in files:
            if _hidden(name):
                continue
            if Path(name).suffix.lower() in _READERS:
                found.append(Path(root, name))
            elif other is not None:
                other.append(Path(root, name))
    if other is not None:
        other.sort()
    return sorted(found)


def iter_sources(paths: Iterable[str | Path], skipped: list[SourceError] | None = None,
                 ignored: list[Path] | None = None) -> Iterator[Path]:
    """Regular files to read, in a stable order: named files as given, folders expanded.

    Folders are searched recursively for supported files, sorted, skipping hidden
    files and folders (editor backups, ``.git``). A file reached twice is yielded once.
    A folder's entries that are not regular files (a named pipe, a link to a device, a
    loop of links) are not yielded; each is appended to ``skipped`` as a SourceError
    when a list is given, so that the caller can report them and go on with the rest;
    files of other types in a folder (a .docx beside the .txt) go to ``ignored``.
    """
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = _folder_files(path, ignored)
            if not files:
                raise SourceError(
                    path, "no readable files (.txt, .md, .html, .epub, .pdf) in this folder"
                )
        else:
            problem = not_a_file(path)
            if problem:
                raise SourceError(path, problem)
            files = [path]
        for file in files:
            problem = not_a_file(file)
            if problem:
                if skipped is not None:
                    skipped.append(SourceError(file, problem))
                continue
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                yield file
