"""Bad (and good) inputs made at test time, plus the database consistency check.

Nothing here is a committed binary: every PNG, PDF, EPUB and legacy-encoded text is
built from a few lines of Python when a test asks for it, and the 50 MB text is written
into the test's own tmp_path.
"""

from __future__ import annotations

import io
import sqlite3
import struct
import zipfile
import zlib
from pathlib import Path

# ------------------------------------------------------------------ good texts

#: Short English stories with disjoint casts, so no entity is shared between documents
#: and each document's row counts do not depend on what was ingested before it.
STORIES = [
    "In March 1921 the Tenth Party Congress met in Moscow. Finance Commissar Sokolnikov "
    "spoke for the New Economic Policy. Lenin's wife Nadezhda Krupskaya was there.\n",
    "In April 1922 Joseph Stalin was appointed General Secretary of the Central Committee. "
    "Trotsky opposed Stalin in the Politburo in 1923.\n",
    "In 49 BC Julius Caesar crossed the Rubicon and marched on Rome. Pompey fled to Greece. "
    "The Senate named Caesar dictator in 48 BC.\n",
    "George Washington was elected President of the United States in 1789. John Adams "
    "became Vice President. Thomas Jefferson was appointed Secretary of State in 1790.\n",
    "In 1685 King James II succeeded his brother Charles II. The Duke of Monmouth rebelled "
    "against James in June 1685 and was executed in July 1685.\n",
    "In 1804 Napoleon Bonaparte was crowned Emperor of the French in Paris. Talleyrand "
    "served as Minister of Foreign Affairs until 1807.\n",
    "In 1558 Elizabeth became Queen of England. She appointed William Cecil Secretary of "
    "State, and Cecil served her for forty years.\n",
    "Abraham Lincoln was elected President in 1860. William Seward became Secretary of State "
    "in March 1861, and Salmon Chase opposed Seward in the Cabinet.\n",
    "In 1862 King Wilhelm appointed Otto von Bismarck Minister President of Prussia. The "
    "liberals in the Landtag opposed Bismarck over the army budget.\n",
    "In 1653 Oliver Cromwell became Lord Protector. Thomas Fairfax had resigned as Lord "
    "General in 1650, and John Lambert drafted the Instrument of Government.\n",
]

FRENCH = (
    "Le 7 novembre 1917, les bolcheviks prirent le pouvoir à Petrograd. Lénine, qui était "
    "revenu de Finlande quelques semaines plus tôt, présida la première séance du Conseil des "
    "commissaires du peuple. Trotski fut nommé commissaire aux Affaires étrangères, et Staline "
    "reçut le commissariat aux Nationalités. Dans les mois qui suivirent, le nouveau "
    "gouvernement signa la paix avec l'Allemagne à Brest-Litovsk, malgré l'opposition des "
    "communistes de gauche. La guerre civile éclata au printemps de 1918 et dura jusqu'en 1921.\n"
)

GERMAN = (
    "Am 7. November 1917 übernahmen die Bolschewiki in Petrograd die Macht. Lenin, der einige "
    "Wochen zuvor aus Finnland zurückgekehrt war, leitete die erste Sitzung des Rates der "
    "Volkskommissare. Trotzki wurde zum Volkskommissar für Auswärtige Angelegenheiten ernannt, "
    "und Stalin erhielt das Kommissariat für Nationalitätenfragen. In den folgenden Monaten "
    "schloss die neue Regierung in Brest-Litowsk Frieden mit Deutschland, trotz des "
    "Widerstands der linken Kommunisten. Der Bürgerkrieg brach im Frühjahr 1918 aus.\n"
)

#: Characters that differ between cp1252, latin-1 and UTF-8.
CP1252_TEXT = (
    "In 1921 the “New Economic Policy” — Lenin’s retreat — cost 5 € a day, said Müller.\n"
    "Trotsky’s café in Zürich served crème brûlée.\n"
)
LATIN1_TEXT = (
    "In 1848 the Assemblée in Paris elected Lamartine; Müller of Köln wrote from Zürich.\n"
    "The señor paid 5 £ for the Ångström report, naïvely.\n"
)


# ------------------------------------------------------------------ binary formats

def png_bytes() -> bytes:
    """A real 1x1 PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def pdf_bytes(text: str | None) -> bytes:
    """A one-page PDF; with ``text`` None the page has no text layer (a drawn box only,
    as a scan's image would be)."""
    if text is None:
        content = b"0 0 1 rg 72 72 200 200 re f"
    else:
        safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        content = f"BT /F1 12 Tf 72 712 Td ({safe}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
              .encode())
    return out.getvalue()


_CONTAINER = (
    '<?xml version="1.0"?><container version="1.0" '
    'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
    '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
    "</rootfiles></container>"
)


def epub_bytes(paragraphs: list[str], title: str = "A Test Book") -> bytes:
    """A valid EPUB 3 with one chapter per paragraph (deflated, like real books)."""
    items = "".join(f'<item id="c{i}" href="c{i}.xhtml" media-type="application/xhtml+xml"/>'
                    for i in range(len(paragraphs)))
    spine = "".join(f'<itemref idref="c{i}"/>' for i in range(len(paragraphs)))
    opf = (
        '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
        f'<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title>'
        f"</metadata><manifest>{items}</manifest><spine>{spine}</spine></package>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/container.xml", _CONTAINER, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("OEBPS/content.opf", opf, compress_type=zipfile.ZIP_DEFLATED)
        for i, para in enumerate(paragraphs):
            page = ("<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><head>"
                    f"<title>Chapter {i + 1}</title></head><body><h1>Chapter {i + 1}</h1>"
                    f"<p>{para}</p></body></html>")
            z.writestr(f"OEBPS/c{i}.xhtml", page, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def write_zip_bomb(path: Path, member_mb: int = 250, copies: int = 8) -> None:
    """An EPUB of a few hundred KB whose one page expands to ``member_mb`` MB of
    ``<p>a</p>``, named ``copies`` times in the spine. Streamed: never held in memory."""
    items = '<item id="c0" href="c0.xhtml" media-type="application/xhtml+xml"/>'
    refs = '<itemref idref="c0"/>' * copies
    opf = ('<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
           f"<metadata/><manifest>{items}</manifest><spine>{refs}</spine></package>")
    block = b"<p>a</p>" * (1 << 17)  # 1 MB
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/container.xml", _CONTAINER)
        z.writestr("OEBPS/content.opf", opf)
        with z.open("OEBPS/c0.xhtml", "w", force_zip64=True) as fh:
            fh.write(b"<html xmlns='http://www.w3.org/1999/xhtml'><body>")
            for _ in range(member_mb):
                fh.write(block)
            fh.write(b"</body></html>")


def truncated_epub() -> bytes:
    """A book cut off in the middle of a download: no central directory."""
    data = epub_bytes(STORIES[:3])
    return data[: len(data) * 2 // 3]


def corrupt_epub() -> bytes:
    """Directory intact, but one chapter's deflate stream damaged (zlib.error on read)."""
    data = bytearray(epub_bytes([STORIES[0] * 20]))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("OEBPS/c0.xhtml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 4, start + 40):
        data[i] ^= 0x55
    return bytes(data)


def script_html(with_prose: bool) -> str:
    """A page that is almost all JavaScript, with or without one paragraph of prose."""
    js = "var x = 1;\n" * 4000
    prose = ("<p>In 1917 Lenin returned to Petrograd and denounced the Provisional "
             "Government.</p>") if with_prose else ""
    return (f"<html><head><title>App</title><script>{js}</script></head><body>"
            f"<script>{js}</script><noscript>Enable JavaScript</noscript>{prose}"
            f"<script>document.write('<p>injected</p>')</script></body></html>")


def mixed_line_endings() -> bytes:
    return (b"In March 1921 the Tenth Party Congress met in Moscow.\r\n"
            b"Finance Commissar Sokolnikov spoke for the New Economic Policy.\r"
            b"Lenin's wife Nadezhda Krupskaya was there.\n\r\n"
            b"In April 1922 Joseph Stalin was appointed General Secretary.\r\n")


def write_big_text(path: Path, size: int) -> int:
    """Write about ``size`` bytes of prose to ``path`` in chunks; returns the bytes written.

    Long paragraphs with a footnote marker and a broken hyphenation now and then, like a
    book-length e-text, so every cleaning rule has work to do.
    """
    plain = ("The delegates argued about the trade unions for three days, and many of them "
             "left before the vote was taken in the great hall of the Kremlin. ") * 6
    noted = ("In March 1921 the Tenth Party Congress met in Moscow; Finance Commissar "
             "Sokolnikov spoke for the New Economic Policy.1 The autonomisa-tion plan was "
             "shelved. ")
    para = ((plain + "\n\n") * 9 + plain + noted + "\n\n").encode()
    block = para * max(1, (1 << 20) // len(para))
    written = 0
    with path.open("wb") as fh:
        while written < size:
            piece = block[: size - written]
            fh.write(piece)
            written += len(piece)
    return written


def make_bad_corpus(folder: Path) -> dict[str, Path]:
    """Every bad input, one file each, plus good files; returns name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "whitespace.txt": b"  \n\t\n   \r\n",
        "image.txt": png_bytes(),
        "scanned.pdf": pdf_bytes(None),
        "truncated.epub": truncated_epub(),
        "corrupt.epub": corrupt_epub(),
        "app.html": script_html(with_prose=False).encode(),
        "good_cp1252.txt": CP1252_TEXT.encode("cp1252"),
        "good_latin1.txt": LATIN1_TEXT.encode("latin-1"),
        "good_mixed_endings.txt": mixed_line_endings(),
        "good_story.md": ("# The Secretariat\n\n" + STORIES[1]).encode(),
        "good_page.html": script_html(with_prose=True).encode(),
        "good_book.epub": epub_bytes(STORIES[2:4]),
        "good_text.pdf": pdf_bytes("In 1789 George Washington became President."),
    }
    out = {}
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        out[name] = path
    return out


#: file name -> the start of the one-line problem reported for it
EXPECTED_PROBLEMS = {
    "empty.txt": "empty file",
    "whitespace.txt": "empty file",
    "image.txt": "binary file, not text",
    "scanned.pdf": "PDF has no text layer",
    "truncated.epub": "broken EPUB",
    "corrupt.epub": "broken EPUB",
    "app.html": "no readable text in this HTML file",
}


# ------------------------------------------------------------------ consistency

DOC_TABLES = ("sentences", "footnotes", "mentions", "aliases", "facts")


def check_db(db: Path | str) -> dict[str, int]:
    """Assert the store is consistent; return its table counts.

    SQLite's own integrity and foreign-key checks, the FTS indexes against their
    tables, no row pointing at a missing document or entity, no entity left that
    nothing refers to, and every document with sentences.
    """
    con = sqlite3.connect(str(db))
    try:
        assert con.execute("pragma integrity_check").fetchall() == [("ok",)]
        assert con.execute("pragma foreign_key_check").fetchall() == []
        for fts in ("sentences_fts", "entities_fts", "aliases_fts"):
            con.execute(f"insert into {fts}({fts}) values('integrity-check')")
        for table in DOC_TABLES:
            orphans = con.execute(f"select count(*) from {table} where doc_id not in"
                                  " (select id from documents)").fetchone()[0]
            assert orphans == 0, f"{orphans} {table} rows of a missing document"
        refs = [("mentions", "entity_id"), ("aliases", "entity_id"), ("facts", "subject_id"),
                ("facts", "object_id"), ("facts", "place_id"), ("facts", "body_id")]
        for table, col in refs:
            dangling = con.execute(f"select count(*) from {table} where {col} is not null and"
                                   f" {col} not in (select id from entities)").fetchone()[0]
            assert dangling == 0, f"{dangling} {table}.{col} point at a missing entity"
        unused = con.execute(
            "select count(*) from entities where id not in (select entity_id from mentions)"
            " and id not in (select subject_id from facts)"
            " and id not in (select object_id from facts where object_id is not null)"
        ).fetchone()[0]
        assert unused == 0, f"{unused} entities nothing refers to"
        empty = con.execute("select count(*) from documents where id not in"
                            " (select doc_id from sentences)").fetchone()[0]
        assert empty == 0, f"{empty} documents without sentences"
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0]
                for t in ("documents", "entities", *DOC_TABLES)}
    finally:
        con.close()


def per_document(db: Path | str) -> dict[str, dict[str, int]]:
    """source file name -> its row count in each per-document table."""
    con = sqlite3.connect(str(db))
    try:
        out = {}
        for doc_id, source in con.execute("select id, source from documents"):
            out[Path(source).name] = {
                t: con.execute(f"select count(*) from {t} where doc_id = ?", [doc_id]).fetchone()[0]
                for t in DOC_TABLES}
        return out
    finally:
        con.close()


# ------------------------------------------------------------------ hostile surroundings

def make_special_folder(folder: Path) -> dict[str, Path]:
    """A folder with one good text and the entries that are not regular files: a named
    pipe (reading it waits for a writer forever), a link to /dev/zero (never ends), two
    links pointing at each other, and a link to nothing."""
    import os

    folder.mkdir(parents=True, exist_ok=True)
    good = folder / "good.txt"
    good.write_text(STORIES[3], encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "loop_a.txt").symlink_to(folder / "loop_b.txt")
    (folder / "loop_b.txt").symlink_to(folder / "loop_a.txt")
    (folder / "gone.txt").symlink_to(folder / "nothing-here.txt")
    return {p.name: p for p in folder.iterdir()}


#: special entry -> the start of its one-line problem
SPECIAL_PROBLEMS = {
    "pipe.txt": "a named pipe, not a regular file",
    "zero.txt": "a device, not a regular file",
    "loop_a.txt": "symbolic link loop",
    "loop_b.txt": "symbolic link loop",
    "gone.txt": "broken symbolic link",
}


def make_foreign_db(path: Path) -> bytes:
    """Another application's SQLite file (rollback journal, its own tables); its bytes."""
    con = sqlite3.connect(path)
    con.execute("create table notes (id integer primary key, body text)")
    con.executemany("insert into notes (body) values (?)", [(f"note {i}",) for i in range(50)])
    con.commit()
    con.close()
    return path.read_bytes()
