"""Readers: every supported format in, a SourceText or a one-line SourceError out."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from conftest import need_shared

from cliograph.errors import SourceError
from cliograph.readers import SUPPORTED, iter_sources, read
from cliograph.readers.html import html_to_text

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_EPUB = REPO / "examples" / "reed_ten_days_ch2.epub"
#: Read-only shared corpus next to the repository (/work/shared), absent in a bare clone.
CORPUS = REPO.parent / "shared" / "corpus"


def _write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _error(path: Path) -> str:
    with pytest.raises(SourceError) as info:
        read(path)
    return str(info.value)


# ----------------------------------------------------------------------------- .txt / .md


def test_read_txt_title_comes_from_the_filename(tmp_path):
    path = _write(tmp_path, "reed_ten_days_ch2.txt", "In September General Kornilov marched.\n")
    source = read(path)
    assert source.title == "Reed Ten Days Ch2"
    assert source.format == "txt"
    assert source.path == str(tmp_path / "reed_ten_days_ch2.txt")
    assert source.chapters == ()


def test_read_txt_normalises_line_endings_and_strips_bom(tmp_path):
    path = _write(tmp_path, "a.txt", b"\xef\xbb\xbfOne line.\r\nTwo line.\rThree.\r\n")
    assert read(path).text == "One line.\nTwo line.\nThree.\n"


def test_read_txt_decodes_cp1252_when_not_utf8(tmp_path):
    path = _write(tmp_path, "old.txt", b"caf\xe9 \x93quoted\x94")
    assert read(path).text == "caf\u00e9 \u201cquoted\u201d"


def test_read_txt_falls_back_to_latin1_for_bytes_cp1252_lacks(tmp_path):
    path = _write(tmp_path, "odd.txt", b"caf\xe9 \x81 ok")
    assert read(path).text == "caf\u00e9 \x81 ok"


def test_read_txt_decodes_utf16_with_bom(tmp_path):
    path = _write(tmp_path, "wide.txt", "Stalin’s text\r\n".encode("utf-16"))
    assert read(path).text == "Stalin’s text\n"


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b" \n\t\r\n  \n", "empty file"),
        ("blank.md", b"\n\n", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00", "binary file, not text"),
        ("controls.txt", bytes(range(1, 9)) * 20 + b"some text", "binary file, not text"),
    ],
)
def test_read_txt_rejects_bad_input_with_exact_message(tmp_path, name, data, problem):
    path = _write(tmp_path, name, data)
    assert _error(path) == f"{path}: {problem}"


def test_read_md_title_from_first_h1_and_chapters_from_headings(tmp_path):
    text = (
        "Preface line.\n\n# The Book\n\nIntro.\n\n## One\n\nFirst.\n\n"
        "```\n# not a heading\n```\n\n### Minor\n\nStill one.\n\n## Two ##\n\nSecond.\n"
    )
    source = read(_write(tmp_path, "book.md", text))
    assert source.title == "The Book"
    assert source.format == "md"
    assert source.text == text
    assert [c.title for c in source.chapters] == ["The Book", "One", "Two"]
    for chapter, heading in zip(source.chapters, ["# The Book", "## One", "## Two"], strict=True):
        assert source.text[chapter.start :].startswith(heading)
    assert source.chapters[-1].end == len(text)
    assert source.chapters[0].end == source.chapters[1].start


def test_read_md_without_h1_uses_the_filename(tmp_path):
    assert read(_write(tmp_path, "with-lenin.md", "## Part\n\nText.\n")).title == "With Lenin"


# ----------------------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html>
<html><head><title>The Storm | Example Site</title>
<meta name="author" content="John  Reed">
<script>var tracking = "Trotsky";</script><style>p { color: red }</style></head>
<body>
<header><nav><a href="/">Home</a> <a href="/about">About us</a></nav></header>
<aside>Related: Lenin biography</aside>
<main>
<h1>The   Coming
 Storm</h1>
<p>In September   General <b>Kornilov</b>
marched on Petrograd.</p>
<p>Line one<br>Line two</p>
<h2>Part Two</h2>
<ul><li>first item</li><li>second item</li></ul>
<blockquote><p>A quotation.</p></blockquote>
<form>Search <input name="q"></form><noscript>Enable JavaScript</noscript>
</main>
<footer>Copyright 2024 Example Site</footer>
</body></html>
"""


def test_read_html_keeps_main_text_as_paragraphs(tmp_path):
    source = read(_write(tmp_path, "storm.html", PAGE))
    assert source.text == (
        "The Coming Storm\n\nIn September General Kornilov marched on Petrograd.\n\n"
        "Line one\n\nLine two\n\nPart Two\n\nfirst item\n\nsecond item\n\nA quotation."
    )
    furniture = "Home About Related tracking color Search JavaScript Copyright"
    for word in furniture.split():
        assert word not in source.text
    assert source.format == "html"
    assert source.title == "The Storm | Example Site"
    assert source.author == "John Reed"


def test_read_html_chapters_are_offsets_of_headings(tmp_path):
    source = read(_write(tmp_path, "storm.htm", PAGE))
    assert [c.title for c in source.chapters] == ["The Coming Storm", "Part Two"]
    assert source.text[source.chapters[0].start :].startswith("The Coming Storm")
    assert source.text[source.chapters[1].start :].startswith("Part Two")
    assert source.chapters[0].end == source.chapters[1].start
    assert source.chapters[1].end == len(source.text)


def test_read_html_title_falls_back_to_first_h1_and_dc_creator(tmp_path):
    page = (
        '<html><head><meta name="DC.creator" content="Robert Service"></head>'
        "<body><div><h1>With Lenin</h1><p>Text.</p></div></body></html>"
    )
    source = read(_write(tmp_path, "x.html", page))
    assert source.title == "With Lenin"
    assert source.author == "Robert Service"


def test_read_html_prefers_article_over_body_furniture(tmp_path):
    page = "<body><div>Menu Login Signup</div><article><p>The real text.</p></article></body>"
    assert read(_write(tmp_path, "a.html", page)).text == "The real text."


def test_read_html_mostly_script_is_an_error(tmp_path):
    page = "<html><head><title>App</title></head><body><script>render()</script>\n  </body></html>"
    path = _write(tmp_path, "app.html", page)
    assert _error(path) == f"{path}: no readable text in this HTML file"


@pytest.mark.parametrize(
    ("data", "problem"),
    [(b"", "empty file"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text")],
)
def test_read_html_empty_or_binary_is_an_error(tmp_path, data, problem):
    path = _write(tmp_path, "page.html", data)
    assert _error(path) == f"{path}: {problem}"


def test_read_xhtml_with_self_closed_tags_keeps_following_text(tmp_path):
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        '<head><title>T</title></head><body><p><a id="p1"/>First.</p><p>Second.</p></body></html>'
    )
    assert read(_write(tmp_path, "x.xhtml", page)).text == "First.\n\nSecond."


def test_html_to_text_brackets_note_references_and_numbers_ordered_lists():
    markup = (
        '<body><p>Mensheviki,<a href="n.xhtml#note-7" epub:type="noteref">7</a> and '
        'others.<a role="doc-noteref" href="#a">A2.1</a></p>'
        '<ol start="7"><li><p>See Notes. <a epub:type="backlink" href="#r">↩</a></p></li>'
        "<li>Members.</li></ol></body>"
    )
    text, headings = html_to_text(markup)
    assert text == "Mensheviki,[7] and others.[A2.1]\n\n7. See Notes.\n\n8. Members."
    assert headings == []


def test_html_to_text_hgroup_gives_one_heading_title():
    text, headings = html_to_text(
        "<body><section><hgroup><h2>II</h2><p>The Coming Storm</p></hgroup>"
        "<p>Text.</p></section></body>"
    )
    assert text == "II\n\nThe Coming Storm\n\nText."
    assert [(h.level, h.title, h.start) for h in headings] == [(2, "II: The Coming Storm", 0)]


# ----------------------------------------------------------------------------- EPUB

CONTAINER = """<?xml version="1.0"?>
<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0">
<rootfiles>
<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>"""

OPF = """<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="id">x</dc:identifier>
<dc:title>Ten  Days</dc:title>
<dc:creator>John Reed</dc:creator>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="c1" href="text/one.xhtml" media-type="application/xhtml+xml"/>
<item id="c2" href="text/two%20b.xhtml" media-type="application/xhtml+xml"/>
<item id="empty" href="text/empty.xhtml" media-type="application/xhtml+xml"/>
<item id="tp" href="text/titlepage.xhtml" media-type="application/xhtml+xml"/>
</manifest>
<spine>
<itemref idref="tp"/><itemref idref="nav"/><itemref idref="c2"/><itemref idref="empty"/>
<itemref idref="c1"/>
</spine>
</package>"""


def _xhtml(title: str, body: str, body_type: str = "bodymatter") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
        f'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>{title}</title></head>'
        f'<body epub:type="{body_type}">{body}</body></html>'
    )


def _epub(path: Path, files: dict[str, str], *, mimetype: bool = True) -> Path:
    with zipfile.ZipFile(path, "w") as book:
        if mimetype:
            book.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        for name, content in files.items():
            book.writestr(name, content)
    return path


def _good_epub(path: Path) -> Path:
    return _epub(
        path,
        {
            "META-INF/container.xml": CONTAINER,
            "OEBPS/content.opf": OPF,
            "OEBPS/nav.xhtml": _xhtml("Contents", "<nav><ol><li>One</li></ol></nav>"),
            "OEBPS/text/one.xhtml": _xhtml("Chapter One", "<h2>I</h2><p>Second in spine.</p>"),
            "OEBPS/text/two b.xhtml": _xhtml("Chapter Two", "<p>First in spine.</p>"),
            "OEBPS/text/empty.xhtml": _xhtml("Blank", "<div><img src='x.png' alt=''/></div>"),
            "OEBPS/text/titlepage.xhtml": _xhtml(
                "Titlepage",
                '<section epub:type="titlepage"><h1>Ten Days</h1></section>',
                "frontmatter",
            ),
        },
    )


def test_read_epub_follows_spine_order_with_one_chapter_per_item(tmp_path):
    source = read(_good_epub(tmp_path / "book.epub"))
    assert source.text == "First in spine.\n\nI\n\nSecond in spine."
    assert source.title == "Ten Days"
    assert source.author == "John Reed"
    assert source.format == "epub"
    # Title from the first heading, else the page's <title>; empty and titlepage items skipped.
    assert [(c.title, source.text[c.start : c.end]) for c in source.chapters] == [
        ("Chapter Two", "First in spine."),
        ("I", "I\n\nSecond in spine."),
    ]


@pytest.mark.parametrize(
    ("files", "reason"),
    [
        ({"OEBPS/content.opf": OPF}, "broken EPUB (missing META-INF/container.xml)"),
        ({"META-INF/container.xml": CONTAINER}, "broken EPUB (missing OEBPS/content.opf)"),
        (
            {"META-INF/container.xml": CONTAINER, "OEBPS/content.opf": "<package><spine>"},
            "broken EPUB (OEBPS/content.opf is not valid XML)",
        ),
        (
            {"META-INF/container.xml": "<container/>"},
            "broken EPUB (container.xml names no package file)",
        ),
    ],
)
def test_read_epub_broken_structure_is_reported(tmp_path, files, reason):
    path = _epub(tmp_path / "bad.epub", files)
    assert _error(path) == f"{path}: {reason}"


def test_read_epub_that_is_not_a_zip_is_broken(tmp_path):
    path = _write(tmp_path, "fake.epub", b"this is not a zip archive at all")
    assert _error(path) == f"{path}: broken EPUB (not a zip archive)"


def test_read_example_epub_chapters_in_reading_order():
    source = read(EXAMPLE_EPUB)
    assert source.author == "John Reed"
    assert source.title.startswith("Ten Days That Shook the World")
    assert [c.title for c in source.chapters] == [
        "II: The Coming Storm",
        "Appendix to Chapter II",
        "Endnotes",
    ]
    starts = [c.start for c in source.chapters]
    assert starts == sorted(starts)
    chapter_two = source.text[source.chapters[0].start : source.chapters[0].end]
    assert chapter_two.startswith("II\n\nThe Coming Storm\n\nIn September General Kornilov")
    assert "Mensheviki,[7] represented" in chapter_two
    endnotes = source.text[source.chapters[2].start :]
    assert "7. See Notes and Explanations." in endnotes
    assert "↩" not in source.text
    assert "Uncopyright" not in source.text and "Imprint" not in source.text


# ----------------------------------------------------------------------------- PDF


def _pdf(pages: list[list[str]], info: dict[str, str] | None = None) -> bytes:
    """A minimal valid PDF: one Helvetica text stream per page, exact xref offsets."""
    objects: list[bytes] = [b"", b""]  # catalog, pages: filled in below
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    kids = []
    for lines in pages:
        ops = [b"BT /F1 12 Tf 72 720 Td 14 TL"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(b"(" + escaped.encode("latin-1") + b") Tj T*")
        stream = b"\n".join(ops + [b"ET"]) if lines else b""
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % len(objects)
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    refs = b" ".join(b"%d 0 R" % k for k in kids)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (refs, len(kids))
    trailer = b"<< /Size %d /Root 1 0 R" % (len(objects) + 1 + (1 if info else 0))
    if info:
        entries = b" ".join(
            b"/%s (%s)" % (k.encode(), v.encode("latin-1")) for k, v in info.items()
        )
        objects.append(b"<< " + entries + b" >>")
        trailer += b" /Info %d 0 R" % len(objects)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def test_read_pdf_joins_pages_with_a_blank_line(tmp_path):
    data = _pdf(
        [["Lenin met Stalin.", "They argued (again)."], ["Page two."]],
        {"Title": "Notes", "Author": "R. Service"},
    )
    source = read(_write(tmp_path, "notes.pdf", data))
    assert source.text == "Lenin met Stalin.\nThey argued (again).\n\nPage two."
    assert source.title == "Notes"
    assert source.author == "R. Service"
    assert source.format == "pdf"


def test_read_pdf_without_metadata_titles_from_filename(tmp_path):
    source = read(_write(tmp_path, "scan_2_ocr.pdf", _pdf([["Text."]])))
    assert (source.title, source.author) == ("Scan 2 Ocr", None)


def test_read_pdf_without_text_layer_says_to_run_ocr(tmp_path):
    path = _write(tmp_path, "scan.pdf", _pdf([[], []]))
    assert _error(path) == f"{path}: PDF has no text layer (scanned?); run OCR first, e.g. ocrmypdf"


@pytest.mark.parametrize("data", [b"%PDF-1.4 truncated", b"GIF89a not a pdf", b""])
def test_read_pdf_unreadable_is_broken(tmp_path, data):
    path = _write(tmp_path, "bad.pdf", data)
    assert _error(path).startswith(f"{path}: broken PDF (")


# ----------------------------------------------------------------------------- dispatch


def test_supported_suffixes():
    assert SUPPORTED == (".txt", ".md", ".html", ".htm", ".xhtml", ".epub", ".pdf")


def test_read_unknown_suffix_names_the_supported_ones(tmp_path):
    path = _write(tmp_path, "notes.xyz", "text")
    expected = "unsupported file type '.xyz' (use .txt, .md, .html, .epub or .pdf)"
    assert _error(path) == f"{path}: {expected}"


def test_read_suffix_is_case_insensitive(tmp_path):
    assert read(_write(tmp_path, "LOUD.TXT", "Text.")).text == "Text."


def test_read_missing_file(tmp_path):
    path = tmp_path / "gone.txt"
    assert _error(path) == f"{path}: no such file or folder"


def test_iter_sources_expands_folders_sorted_recursive_skipping_hidden(tmp_path):
    names = ["b.txt", "a.md", "sub/c.html", "sub/z.pdf", "notes.xyz", ".hidden.txt", ".git/d.txt"]
    for name in [*names, "E.EPUB"]:
        _write(tmp_path, name, "x")
    extra = _write(tmp_path / "elsewhere", "single.txt", "x")
    got = list(iter_sources([tmp_path / "sub", extra, tmp_path]))
    assert got == [
        tmp_path / "sub" / "c.html",
        tmp_path / "sub" / "z.pdf",
        extra,
        tmp_path / "E.EPUB",
        tmp_path / "a.md",
        tmp_path / "b.txt",
    ]


def test_iter_sources_missing_path(tmp_path):
    with pytest.raises(SourceError) as info:
        list(iter_sources([tmp_path / "nope"]))
    assert str(info.value) == f"{tmp_path / 'nope'}: no such file or folder"


@pytest.mark.parametrize("contents", [[], ["image.png", ".hidden.txt"]])
def test_iter_sources_folder_without_readable_files(tmp_path, contents):
    folder = tmp_path / "empty"
    folder.mkdir()
    for name in contents:
        _write(folder, name, "x")
    with pytest.raises(SourceError) as info:
        list(iter_sources([folder]))
    expected = "no readable files (.txt, .md, .html, .epub, .pdf) in this folder"
    assert str(info.value) == f"{folder}: {expected}"


def test_every_corpus_file_reads_to_nonempty_text():
    need_shared(CORPUS, "the corpus")
    for path in iter_sources([CORPUS]):
        source = read(path)
        assert len(source.text) > 1000, path
        assert "\r" not in source.text
        for chapter in source.chapters:
            assert 0 <= chapter.start < chapter.end <= len(source.text)


def test_corpus_html_matches_its_txt_paragraph_for_paragraph():
    need_shared(CORPUS, "the corpus")
    html = read(CORPUS / "russell_bolshevism_p1_ch4.html")
    txt = read(CORPUS / "russell_bolshevism_p1_ch4.txt")
    paragraphs = html.text.split("\n\n")
    assert paragraphs[:2] == ["IV", "ART AND EDUCATION"]
    assert paragraphs[2:] == txt.text.rstrip("\n").split("\n\n")
    assert [c.title for c in html.chapters] == ["IV: ART AND EDUCATION"]
