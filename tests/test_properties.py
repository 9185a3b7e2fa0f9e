"""Property tests (Hypothesis, bounded example counts).

The cleaner: whatever the text, every character it keeps maps back to the same character
of the original, the map only moves forward, and every span and footnote lies inside the
original text. The readers: whatever bytes a .txt, .md, .html, .epub or .pdf file holds,
reading it either returns text or raises SourceError, never anything else.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from badinput import STORIES, epub_bytes, pdf_bytes, png_bytes, script_html
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cliograph.clean import clean
from cliograph.errors import SourceError
from cliograph.model import SourceText
from cliograph.readers import read

# ------------------------------------------------------------------ the cleaner

#: Pieces that trigger every cleaning rule: footnote markers after punctuation and words,
#: bracketed and superscript notes, hyphenation across lines, invisible characters,
#: headings, furniture lines, URLs.
PIECES = [
    "Lenin", "spoke", "autonomisa", "tion", "one", "party", "co", "ordinated", "the", "a",
    " ", " ", "  ", "\n", "\n\n", "\t", ".", ",", ";", ":", "!", "?", "’", "”", "'", '"',
    ")", "(", "[", "]", "-", "-\n", "—", "1", "12", "123", "1921", "[3]", "(4)", "⁵", "¹²",
    "\u00ad", "\u200b", "\u2060", "\ufeff", "\u200a", "\u2028", "\f", "\r",
    "CHAPTER IV", "17. WITH LENIN", "IV. THE STORM", "Biographies & Memoirs",
    "http://example.org/x", "someone@example.org", "Thank you for reading.",
    "If you find an error please e-mail us", "No.", "p.", "x[2]", "f(1)", "é", "ß", "Œ",
]

texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from("ab1.- \n\u00ad\u200a[]()’⁵"), max_size=200),
)


def check_clean(raw: str) -> None:
    c = clean(raw)
    n = len(c.text)
    assert n <= len(raw)
    previous = -1
    for i, ch in enumerate(c.text):
        j = c.to_raw(i)
        assert 0 <= j < len(raw)
        assert j > previous, "the map must move forward"
        previous = j
        # a kept character is the same character; a swapped one only ever becomes a space
        assert raw[j] == ch or ch == " ", (i, j, ch, raw[j])
    assert c.to_raw(n) == len(raw) or n == 0 or c.to_raw(n) <= len(raw)
    for start in range(0, n + 1, max(1, n // 7)):
        for end in (start, min(n, start + 1), min(n, start + 5), n):
            if end < start:
                continue
            a, b = c.span_to_raw(start, end)
            assert 0 <= a <= b <= len(raw)
            if end > start:
                # the span's characters all come from inside the raw span
                assert all(a <= c.to_raw(k) < b for k in range(start, end))
    for note in c.footnotes:
        assert 0 <= note.start < note.end <= len(raw)
        assert note.label


@given(texts)
@settings(max_examples=400, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@example("it.10Lenin spoke in 1921.26 Although")
@example("autonomisa-\ntion and one-\nparty and co-\nordinated")
@example("Thank you\u200a for\u00ad reading\ufeff.[12] Stalin¹²")
@example("\n\nCHAPTER IV\n\nLenin spoke.\n\nhttp://example.org\n")
def test_clean_offsets_map_back_to_the_same_characters(raw):
    check_clean(raw)


def test_clean_offsets_on_the_stories_and_examples():
    root = Path(__file__).resolve().parent.parent
    for text in [*STORIES, *(p.read_text() for p in sorted((root / "examples").glob("*.txt")))]:
        check_clean(text)


# ------------------------------------------------------------------ the readers

SUFFIXES = [".txt", ".md", ".html", ".epub", ".pdf"]


def seeds() -> dict[str, bytes]:
    """Valid files of each format, for the mutating strategies to damage."""
    return {
        ".txt": STORIES[0].encode("utf-8"),
        ".md": ("# Title\n\n" + STORIES[1]).encode("cp1252", errors="replace"),
        ".html": script_html(with_prose=True).encode()[-3000:]
        + b"<p>Lenin spoke.</p><meta charset='idna'>",
        ".epub": epub_bytes(STORIES[:2]),
        ".pdf": pdf_bytes("In 1789 George Washington became President."),
    }


SEEDS = seeds()


@st.composite
def damaged(draw, suffix: str) -> bytes:
    """A valid file cut short, with bytes flipped, overwritten or inserted."""
    data = bytearray(SEEDS[suffix])
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    for _ in range(draw(st.integers(0, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "set", "insert", "delete"]))
        if action == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif action == "set":
            data[at] = draw(st.integers(0, 255))
        elif action == "insert":
            data[at:at] = draw(st.binary(max_size=16))
        else:
            del data[at: at + draw(st.integers(1, 64))]
    return bytes(data)


def zip_of(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


#: Zips that are not books, or books with the wrong insides.
ODD_ZIPS = [
    zip_of({}),
    zip_of({"mimetype": b"application/epub+zip"}),
    zip_of({"META-INF/container.xml": b"<container/>"}),
    zip_of({"META-INF/container.xml": b"not xml at all <<<"}),
    zip_of({"META-INF/container.xml":
            b'<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
            b'<rootfile full-path="../../etc/passwd"/></rootfiles></container>'}),
    zip_of({"META-INF/container.xml":
            b'<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
            b'<rootfile full-path="p.opf"/></rootfiles></container>',
            "p.opf": b'<package xmlns="http://www.idpf.org/2007/opf"><manifest><item id="a"'
                     b' href="../../../etc/passwd" media-type="text/html"/></manifest><spine>'
                     b'<itemref idref="a"/></spine></package>'}),
    zip_of({"META-INF/container.xml":
            b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><container>&c;</container>'}),
]


def check_read(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    try:
        src = read(path)
    except SourceError as exc:
        assert str(exc).startswith(f"{path}: ") and "\n" not in str(exc)
        return
    assert isinstance(src, SourceText) and src.text.strip()


@pytest.mark.parametrize("suffix", SUFFIXES)
@given(data=st.binary(max_size=2048))
@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_readers_on_arbitrary_bytes_raise_only_source_error(tmp_path, suffix, data):
    check_read(tmp_path / f"input{suffix}", data)


@pytest.mark.parametrize("suffix", SUFFIXES)
@given(data=st.data())
@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_readers_on_damaged_files_raise_only_source_error(tmp_path, suffix, data):
    check_read(tmp_path / f"input{suffix}", data.draw(damaged(suffix)))


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_readers_on_other_formats_raise_only_source_error(tmp_path, suffix):
    others = [png_bytes(), *SEEDS.values(), *ODD_ZIPS, b"\xff\xfe" + "Lenin".encode("utf-16-le"),
              b"\xfe\xff\xd8\x00", b"\xef\xbb\xbf", "Caf\u00e9".encode("utf-16")]
    for i, data in enumerate(others):
        check_read(tmp_path / f"input{i}{suffix}", data)
