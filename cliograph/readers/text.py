"""Read plain text and Markdown files.

The decoded text with normalised line endings is the stored text: every offset the
pipeline writes points into it, so nothing else is altered here (cleaning happens
later, with a map back to these characters).
"""

from __future__ import annotations

import re
from pathlib import Path

from cliograph.errors import SourceError
from cliograph.model import Chapter, SourceText

#: Bytes that never occur in text files: C0 controls other than tab, LF, VT, FF, CR, ESC.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
#: More than this share of control bytes means the file is not text.
_CONTROL_LIMIT = 0.05
_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*(?:#+[ \t]*)?$", re.M)
_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.M)


def title_from_filename(path: Path) -> str:
    """``reed_ten_days_ch2.txt`` -> ``Reed Ten Days Ch2``: better than no title at all."""
    words = re.split(r"[\s_\-.]+", path.stem)
    return " ".join(w[:1].upper() + w[1:] for w in words if w) or path.name


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes: an image or archive given a text suffix."""
    if b"\x00" in data:
        return True
    sample = data[: 1 << 20]
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls > _CONTROL_LIMIT * len(sample)


_BOMS = (  # longest first: the UTF-32 little-endian mark begins with UTF-16's
    (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)


def _legacy(line: bytes) -> str:
    try:
        return line.decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return line.decode("latin-1")


def decode_text(path: Path, data: bytes, notes: list[str] | None = None) -> str:
    """UTF-8 first; legacy Windows and Latin-1 files still occur in old e-text collections.

    A file that is UTF-8 but for a few stray legacy bytes (a pasted quotation mark) is
    decoded line by line: the UTF-8 lines as UTF-8, the others as Windows-1252, and
    ``notes`` gets one line saying how many, instead of the whole file turning to
    mojibake. UTF-32 and UTF-16 are recognised by their byte-order marks.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise SourceError(
                    path, f"undecodable {encoding.upper()} text; re-save it as UTF-8") from exc
    if looks_binary(data):
        raise SourceError(path, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    out, legacy, utf8 = [], 0, 0
    for line in lines:
        try:
            out.append(line.decode("utf-8"))
            utf8 += not line.isascii()
        except UnicodeDecodeError:
            out.append(_legacy(line))
            legacy += 1
    if utf8 and notes is not None:  # mixed: say so; an all-legacy file is just legacy
        notes.append(f"{legacy} of {len(lines)} lines are not UTF-8; read them as"
                     " Windows-1252")
    return "\n".join(out).removeprefix("\ufeff")


def normalise_newlines(text: str) -> str:
    """One line-ending convention, so offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def markdown_headings(text: str) -> list[tuple[int, str, int]]:
    """``(level, title, offset)`` for ATX headings outside fenced code blocks."""
    fenced: list[tuple[int, int]] = []
    opened: int | None = None
    for m in _FENCE.finditer(text):
        if opened is None:
            opened = m.start()
        else:
            fenced.append((opened, m.end()))
            opened = None
    if opened is not None:
        fenced.append((opened, len(text)))
    result = []
    for m in _ATX.finditer(text):
        if any(a <= m.start() < b for a, b in fenced):
            continue
        title = m.group(2).strip()
        if title:
            result.append((len(m.group(1)), title, m.start()))
    return result


def _markdown_chapters(headings: list[tuple[int, str, int]], length: int) -> tuple[Chapter, ...]:
    major = [(title, start) for level, title, start in headings if level <= 2]
    return tuple(
        Chapter(title, start, major[i + 1][1] if i + 1 < len(major) else length)
        for i, (title, start) in enumerate(major)
    )


def read_text(path: Path) -> SourceText:
    """Read one .txt or .md file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(path, f"cannot read file ({exc.strerror or exc})") from exc
    notes: list[str] = []
    text = normalise_newlines(decode_text(path, data, notes))
    if not text.strip():
        raise SourceError(path, "empty file")
    is_markdown = path.suffix.lower() == ".md"
    title = title_from_filename(path)
    chapters: tuple[Chapter, ...] = ()
    if is_markdown:
        headings = markdown_headings(text)
        first = next((t for level, t, _ in headings if level == 1), None)
        if first:
            title = first
        chapters = _markdown_chapters(headings, len(text))
    return SourceText(
        path=str(path),
        text=text,
        title=title,
        author=None,
        format="md" if is_markdown else "txt",
        chapters=chapters,
        notes=tuple(notes),
    )
