"""Read an HTML or XHTML page down to its main text.

The point is to hand the pipeline prose and nothing else: site navigation, scripts
and page furniture would otherwise turn into "sentences" and then into bogus
entities. Every block element becomes its own paragraph, separated by one blank
line, so sentence splitting never runs a heading into the paragraph below it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cliograph.errors import SourceError
from cliograph.model import Chapter, SourceText
from cliograph.readers.text import looks_binary, title_from_filename

#: Never reading text: code, styling, navigation and page furniture.
_DROP = frozenset(
    {
        "script", "style", "nav", "header", "footer", "aside", "form", "noscript",
        "template", "head", "svg", "math", "iframe", "object", "canvas", "button",
        "select", "textarea", "input", "audio", "video", "map", "dialog",
    }
)
_BLOCKS = frozenset(
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "br", "tr",
        "section", "article", "main", "hgroup", "figure", "figcaption", "dd", "dt", "dl",
        "ul", "ol", "table", "tbody", "thead", "tfoot", "caption", "pre", "address",
        "hr", "body", "details", "summary", "fieldset", "center",
    }
)
_CELLS = frozenset({"td", "th"})
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
#: HTML collapses only ASCII whitespace; no-break and hair spaces are content.
_WS = re.compile(r"[ \t\n\r\f]+")
_SECTIONING = frozenset({"article", "section", "main"})
_VOID = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr",
    }
)
_SELF_CLOSED = re.compile(r"<([A-Za-z][\w:.-]*)((?:\s[^<>]*?)?)\s*/>")
_NOTE_LABEL = re.compile(r"[A-Za-z]{0,3}\d{1,3}(?:\.[A-Za-z0-9]{1,3})?|[*†‡§]")


@dataclass(frozen=True)
class Heading:
    """A heading as it landed in the produced text (offsets of the heading itself)."""

    level: int
    title: str
    start: int
    end: int


@dataclass(frozen=True)
class HtmlDoc:
    """Everything one parse of a page yields, so callers need not parse twice."""

    text: str
    headings: tuple[Heading, ...]
    title: str | None
    author: str | None
    semantics: frozenset[str] = frozenset()
    """``epub:type``/``role`` tokens of the body and its top-level sections: what the page is."""
    date: str | None = None
    """The page's own date from its metadata (``2013-03-20``), when it gives one."""


def _xhtml_to_html(markup: str) -> str:
    """Expand ``<a id="x"/>``: an HTML parser reads it as an open tag, swallowing the page."""

    def expand(m: re.Match[str]) -> str:
        tag = m.group(1)
        if tag.lower() in _VOID:
            return m.group(0)
        return f"<{tag}{m.group(2)}></{tag}>"

    return _SELF_CLOSED.sub(expand, markup)


def _attr(node: LexborNode, name: str) -> str:
    value = node.attributes.get(name)
    return value or ""


def _semantics(node: LexborNode) -> set[str]:
    """EPUB ``epub:type`` and ARIA ``role`` tokens: the markup's own statement of purpose."""
    return set(_attr(node, "epub:type").split()) | set(_attr(node, "role").split())


def _is_noteref(node: LexborNode) -> bool:
    sem = _semantics(node)
    if "noteref" in sem or "doc-noteref" in sem:
        return True
    if node.tag == "sup":
        child = node.child
        links = 0
        while child is not None:
            if child.tag == "a" and _attr(child, "href").startswith("#"):
                links += 1
            elif child.tag == "-text" and (child.text_content or "").strip():
                return False
            elif child.tag not in ("-text", "-comment"):
                return False
            child = child.next
        return links == 1
    return False


def _is_dropped(node: LexborNode) -> bool:
    tag = node.tag
    sem = _semantics(node)
    if sem & {"backlink", "doc-backlink", "navigation", "banner", "contentinfo", "search"}:
        return True
    if "hidden" in node.attributes or _attr(node, "aria-hidden") == "true":
        return True
    if tag == "header":
        # A header inside an article or section is that section's title block.
        return not (_has_ancestor(node, _SECTIONING) and _has_heading(node))
    return tag in _DROP


def _has_ancestor(node: LexborNode, tags: frozenset[str]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


def _has_heading(node: LexborNode) -> bool:
    return node.css_first("h1, h2, h3, h4, h5, h6") is not None


class _Builder:
    """Accumulates paragraphs and remembers where each heading landed."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.length = 0
        self.current: list[str] = []
        self.headings: list[Heading] = []
        self.prefix = ""

    def add(self, text: str) -> None:
        self.current.append(text)

    def set_prefix(self, prefix: str) -> None:
        """A list number: it belongs to the item's first paragraph, not a line of its own."""
        self.prefix = prefix

    def end_item(self) -> None:
        self.flush()
        self.prefix = ""

    def flush(self) -> tuple[int, int] | None:
        """Close the open paragraph; return its span in the produced text, if any."""
        para = _WS.sub(" ", "".join(self.current)).strip(" ")
        self.current = []
        if not para:
            return None
        if self.prefix:
            para = self.prefix + para
            self.prefix = ""
        start = self.length + (2 if self.paragraphs else 0)
        self.paragraphs.append(para)
        self.length = start + len(para)
        return start, self.length

    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def _walk(root: LexborNode, out: _Builder) -> None:
    """Depth-first walk with an explicit stack: deep pages must not hit the recursion limit."""
    # Stack items: nodes still to visit, or a callable to run on leaving a node.
    stack: list[object] = [root]
    counters: dict[int, int] = {}  # ordered list -> number of its next item
    while stack:
        item = stack.pop()
        if callable(item):
            item()
            continue
        node = item  # type: ignore[assignment]
        assert isinstance(node, LexborNode)
        tag = node.tag
        if tag == "-text":
            out.add(node.text_content or "")
            continue
        if tag is None or tag.startswith("-") or tag.startswith("_"):
            continue
        if _is_dropped(node):
            continue
        if _is_noteref(node):
            label = _WS.sub("", node.text() or "")
            if label.startswith("[") or not _NOTE_LABEL.fullmatch(label):
                out.add(label)
            else:
                out.add(f"[{label}]")
            continue
        if tag == "hgroup" or tag in _HEADINGS:
            level = _heading_level(node)
            out.flush()
            # Emit the heading's own text as paragraphs, then record where it went.
            sub = _Builder()
            _walk_children(node, sub)
            sub.flush()
            # An hgroup's parts ("II", "The Coming Storm") read as "II: The Coming Storm".
            title = (": " if tag == "hgroup" else " ").join(sub.paragraphs)
            first = None
            last = None
            for para in sub.paragraphs:
                out.add(para)
                span = out.flush()
                if span is not None:
                    first = span[0] if first is None else first
                    last = span[1]
            if first is not None and last is not None and title:
                out.headings.append(Heading(level, title, first, last))
            continue
        if tag == "br":
            out.flush()
            continue
        if tag in _CELLS:
            out.add(" ")
        if tag == "li":
            out.end_item()
            stack.append(out.end_item)
            number = _list_number(node, counters)
            if number is not None:
                out.set_prefix(f"{number}. ")
        elif tag in _BLOCKS:
            out.flush()
            stack.append(out.flush)
        children = _children(node)
        stack.extend(reversed(children))


def _walk_children(node: LexborNode, out: _Builder) -> None:
    for child in _children(node):
        _walk(child, out)


def _children(node: LexborNode) -> list[LexborNode]:
    result = []
    child = node.child
    while child is not None:
        result.append(child)
        child = child.next
    return result


def _heading_level(node: LexborNode) -> int:
    if node.tag in _HEADINGS:
        return _HEADINGS[node.tag]
    levels = [_HEADINGS[h.tag] for h in node.css("h1, h2, h3, h4, h5, h6")]
    return min(levels) if levels else 6


def _list_number(li: LexborNode, counters: dict[int, int]) -> int | None:
    """Ordered-list numbers are part of what a reader sees (endnote 7 is '7.')."""
    parent = li.parent
    if parent is None or parent.tag != "ol":
        return None
    key = parent.mem_id
    if key not in counters:
        counters[key] = _int(_attr(parent, "start"), 1)
    number = _int(_attr(li, "value"), counters[key])
    counters[key] = number + 1
    return number


def _int(value: str, default: int) -> int:
    try:
        return int(value.strip())
    except ValueError:
        return default


def _main_roots(tree: LexborHTMLParser) -> list[LexborNode]:
    """The page's main content, by the markup's own landmarks, else the whole body."""
    for selector in ("main", "[role=main]"):
        node = tree.css_first(selector)
        if node is not None:
            return [node]
    articles = [a for a in tree.css("article") if not _has_ancestor(a, frozenset({"article"}))]
    if articles:
        return articles
    body = tree.body
    return [body] if body is not None else ([tree.root] if tree.root is not None else [])


def _meta(tree: LexborHTMLParser) -> tuple[str | None, str | None]:
    head = tree.head
    title = None
    author = None
    if head is not None:
        node = head.css_first("title")
        if node is not None:
            title = _WS.sub(" ", node.text() or "").strip() or None
        for meta in head.css("meta"):
            name = _attr(meta, "name").strip().lower()
            if name in ("author", "dc.creator", "dcterms.creator", "dc.creator.personalname"):
                content = _WS.sub(" ", _attr(meta, "content")).strip()
                if content:
                    author = content
                    break
    return title, author


#: Metadata that dates a page itself (when it was written or published, not its subject).
_DATE_META = ("date", "dc.date", "dcterms.date", "dcterms.created", "dc.date.created",
              "article:published_time", "og:published_time", "pubdate", "publishdate")
_ISO_DATE = re.compile(r"(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _meta_date(tree: LexborHTMLParser) -> str | None:
    """The page's own date, as ``YYYY[-MM[-DD]]``, from its ``<meta>`` (name or property)."""
    head = tree.head
    for meta in head.css("meta") if head is not None else []:
        name = (_attr(meta, "name") or _attr(meta, "property")).strip().lower()
        if name in _DATE_META:
            m = _ISO_DATE.match(_attr(meta, "content").strip())
            if m:
                return "-".join(g for g in m.groups() if g)
    return None


def parse_html(markup: str) -> HtmlDoc:
    """Parse once and return text, headings and metadata together."""
    if markup.lstrip().startswith("<?xml") or "xmlns=" in markup[:2000]:
        markup = _xhtml_to_html(markup)
    tree = LexborHTMLParser(markup)
    title, author = _meta(tree)
    out = _Builder()
    roots = _main_roots(tree)
    for root in roots:
        _walk(root, out)
        out.flush()
    body = tree.body
    if not out.paragraphs and body is not None and [r.mem_id for r in roots] != [body.mem_id]:
        # The landmark was empty (a JS shell, say): fall back to the whole body.
        out = _Builder()
        _walk(body, out)
        out.flush()
    if title is None:
        first_h1 = next((h for h in out.headings if h.level == 1), None)
        if first_h1 is not None:
            title = first_h1.title
    return HtmlDoc(out.text(), tuple(out.headings), title, author, _page_semantics(body),
                   _meta_date(tree))


def _page_semantics(body: LexborNode | None) -> frozenset[str]:
    if body is None:
        return frozenset()
    tokens = _semantics(body)
    for child in _children(body):
        if child.tag in ("section", "article", "div"):
            tokens |= _semantics(child)
    return frozenset(tokens)


def html_to_text(markup: str) -> tuple[str, list[Heading]]:
    """Main text of a page as paragraphs joined by blank lines, plus its headings."""
    doc = parse_html(markup)
    return doc.text, list(doc.headings)


def chapters_from_headings(
    headings: tuple[Heading, ...] | list[Heading], length: int
) -> tuple[Chapter, ...]:
    """h1-h3 start chapters; headings with no text between them title one chapter."""
    major = [h for h in headings if h.level <= 3]
    groups: list[list[Heading]] = []
    for h in major:
        if groups and h.start - groups[-1][-1].end <= 2:
            groups[-1].append(h)
        else:
            groups.append([h])
    chapters = []
    for i, group in enumerate(groups):
        end = groups[i + 1][0].start if i + 1 < len(groups) else length
        title = ": ".join(h.title for h in group)
        chapters.append(Chapter(title, group[0].start, end))
    return tuple(chapters)


def decode_markup(data: bytes) -> str:
    """Honour a BOM or a declared charset; otherwise UTF-8, then Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = re.search(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", data[:4096])
    if declared is None:
        declared = re.search(rb"""encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", data[:200])
    if declared is not None:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except (LookupError, UnicodeError):  # unknown, or a codec such as idna that
            pass  # cannot replace errors: fall back like an undeclared page
    return data.decode("cp1252", errors="replace")


def read_html(path: Path) -> SourceText:
    """Read one .html/.htm/.xhtml file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(path, f"cannot read file ({exc.strerror or exc})") from exc
    if not data.strip():
        raise SourceError(path, "empty file")
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")) and looks_binary(data):
        raise SourceError(path, "binary file, not text")
    try:
        doc = parse_html(decode_markup(data))
    except Exception as exc:  # the parser is C code; never let its surprises escape
        raise SourceError(path, f"broken HTML ({type(exc).__name__})") from exc
    if not doc.text.strip():
        raise SourceError(path, "no readable text in this HTML file")
    title = doc.title or title_from_filename(path)
    return SourceText(
        path=str(path),
        text=doc.text,
        title=title,
        author=doc.author,
        format="html",
        chapters=chapters_from_headings(doc.headings, len(doc.text)),
        date=doc.date,
    )

