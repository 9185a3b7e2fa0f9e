"""Quotations: the stretches of a text that are someone's words, found once for every
stage that must tell narration from speech (``coref`` never resolves across their
edges; ``relations.quotes`` attributes them; extractors skip what they say).

Marked quotations are the top-level spans between quotation marks (typographic,
straight or guillemets; nested quotes stay inside their outer quote; a quotation may run
over several paragraphs when each opens with a mark). Unmarked block quotations are the
paragraphs that follow a paragraph ending in a colon, as historians print letters: the
block runs on while the text keeps the writer's voice and no footnote marker closes it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Token

from ..rules import lexicon
from ..rules.words import words
from .document import Document

OPEN_CLOSE = {"“": "”", "‘": "’", '"': '"', "«": "»"}
OPENERS = set(OPEN_CLOSE)
ENUMERATOR = re.compile(r"^\s*(\d+(st|nd|rd|th|d)\b|\d+[.)]|\([a-z0-9]+\)|[a-z]\))", re.I)
NOTE_TAIL = 3  # a footnote marker this close after a paragraph's end closes a block quotation


@dataclass
class Quote:
    open: int
    """Offset of the opening mark, or of a block quotation's first character."""
    close: int
    """Offset just after the closing mark, or the block's end."""
    start: int
    end: int
    """The quoted words (marks excluded)."""
    block: bool = False
    intro: int | None = None
    """For a block quotation, the index of the paragraph that introduces it."""




def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blank-line separated, else one per line."""
    sep = re.compile(r"\n[ \t]*\n\s*") if re.search(r"\n[ \t]*\n", text) else re.compile(r"\n\s*")
    out, pos = [], 0
    for m in sep.finditer(text):
        if text[pos : m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text.rstrip())))
    return out


def _closing_apostrophe(text: str, i: int, pe: int) -> bool:
    """Is the ’ at i a closing single quote rather than an apostrophe?"""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < pe else " "
    if prev.isspace():
        return False  # ’tis, ’80s
    if prev.isalnum() and nxt.isalpha():
        return False  # don’t, Russia’s
    if prev in "sS" and nxt == " " and i + 2 < pe and text[i + 2].isalpha():
        # 'the workers’ demands': a plural possessive when another close follows
        # before any new opening mark
        for j in range(i + 1, pe):
            if text[j] == "‘" and not text[j - 1].isalnum():
                return True
            if text[j] == "’" and not (
                text[j - 1].isalnum() and j + 1 < pe and text[j + 1].isalpha()
            ):
                return False
    return True


def find_marked(text: str, paras: list[tuple[int, int]]) -> list[Quote]:
    """Top-level quotations between marks; a quotation left open at a paragraph's end
    continues when the next paragraph opens with the same mark."""
    quotes: list[Quote] = []
    carry: tuple[str, int] | None = None
    for pi, (ps, pe) in enumerate(paras):
        stack: list[tuple[str, int]] = []
        i = ps
        if carry is not None:
            stack = [carry]
            if text[ps] == carry[0]:
                i = ps + 1
            carry = None
        while i < pe:
            ch = text[i]
            prev = text[i - 1] if i > ps else " "
            nxt = text[i + 1] if i + 1 < pe else " "
            opener = None
            if ch in ("“", "«"):
                stack.append((ch, i))
            elif ch == "‘":
                if not prev.isalnum() and not nxt.isspace():
                    stack.append((ch, i))
            elif ch in ("”", "»"):
                opener = "“" if ch == "”" else "«"
            elif ch == "’":
                if any(o == "‘" for o, _ in stack) and _closing_apostrophe(text, i, pe):
                    opener = "‘"
            elif ch == '"':
                if any(o == '"' for o, _ in stack) and not (prev.isspace() and nxt.isalnum()):
                    opener = '"'
                elif not nxt.isspace():
                    stack.append((ch, i))
            if opener is not None and any(o == opener for o, _ in stack):
                while stack:
                    o, pos = stack.pop()
                    if o == opener:
                        break
                if not stack:
                    quotes.append(Quote(pos, i + 1, pos + 1, i))
            i += 1
        if stack:
            o, pos = stack[0]
            at_start = not text[ps:pos].strip(" .…")
            if at_start and pi + 1 < len(paras) and text[paras[pi + 1][0]] == o:
                carry = (o, pos)
            elif at_start:
                quotes.append(Quote(pos, pe, pos + 1, pe))
    quotes.sort(key=lambda q: q.open)
    return quotes


def _ends_with_note(d: Document, pe: int) -> bool:
    """A footnote marker right after a paragraph's last character (in the stored text)."""
    if pe <= 0:
        return False
    raw_end = d.clean.to_raw(pe - 1) + 1
    return any(raw_end <= f.start <= raw_end + NOTE_TAIL for f in d.clean.footnotes)


def has_voice(text: str) -> bool:
    vw = words().quote.voice_words
    return any(w.lower() in vw for w in re.findall(r"[A-Za-z]+", text))


def find_blocks(d: Document, paras: list[tuple[int, int]]) -> list[tuple[int, Quote]]:
    """Unmarked block quotations: (index of the introducing paragraph, quote)."""
    text = d.text
    out = []
    for pi in range(len(paras) - 1):
        ps, pe = paras[pi]
        if not text[ps:pe].rstrip().endswith(":"):
            continue
        bs, be = paras[pi + 1]
        if text[bs] in OPENERS:
            continue  # a marked quotation: found by find_marked
        end = be
        k = pi + 1
        while k + 1 < len(paras) and k - pi < 6 and not _ends_with_note(d, paras[k][1]):
            ns, ne = paras[k + 1]
            prev_text, nxt_text = text[paras[k][0] : paras[k][1]].rstrip(), text[ns:ne]
            if nxt_text[:1] in OPENERS or nxt_text.rstrip().endswith(":"):
                break
            if _reports_in_third_person(d, ns, ne):
                break
            if (
                has_voice(nxt_text)
                or prev_text[-1:] in (",", ";")
                or ENUMERATOR.match(nxt_text)
                or nxt_text[:1].islower()
                or nxt_text.startswith(("...", "…"))
            ):
                end = ne
                k += 1
                continue
            break
        out.append((pi, Quote(bs, end, bs, end, block=True)))
    return out


def _reports_in_third_person(d: Document, s: int, e: int) -> bool:
    """'The other class, he said, would ...': narration about the writer, not his words."""
    span = d.doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return False
    speech = lexicon().speech_verbs
    for t in span:
        if t.pos_ == "VERB" and t.lemma_.lower() in speech:
            subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
            if (
                subj
                and subj[0].lower_ in ("he", "she", "they")
                or subj
                and d.entity_of_token(subj[0]) is not None
                and d.entities[d.entity_of_token(subj[0])].kind == "PERSON"
            ):
                return True
    return False


def find(d: Document) -> None:
    """Fill ``d.paragraphs`` and ``d.quotations``: every quotation, marked or block,
    attributed later or never."""
    d.paragraphs = paragraphs(d.text)
    marked = find_marked(d.text, d.paragraphs)
    blocks = [replace(q, intro=pi) for pi, q in find_blocks(d, d.paragraphs)]
    d.quotations = sorted(marked + blocks, key=lambda q: q.open)


def in_quotation(d: Document, tok: Token) -> bool:
    """True for a token inside quoted words: what a quotation says is not narration."""
    if d.cache.quoted_chars is None:
        merged: list[list[int]] = []  # quotations may nest: their union, in order
        for q in d.quotations:
            if merged and q.open <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], q.close)
            else:
                merged.append([q.open, q.close])
        d.cache.quoted_chars = ([s for s, _ in merged], [e for _, e in merged])
    starts, ends = d.cache.quoted_chars
    i = bisect_right(starts, tok.idx) - 1
    return i >= 0 and tok.idx < ends[i]
