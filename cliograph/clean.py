"""Clean a stored text for the NLP pipeline without losing track of where things are.

spaCy reads better text when footnote markers, hyphenation breaks, invisible
characters and site furniture are gone, but every offset written to the store must
point at the *stored* text. So cleaning only ever deletes characters or swaps one
character for one other, and :class:`CleanText` remembers the mapping as a short
list of runs: within a run, clean and raw offsets differ by a constant.

Every rule is general (shapes of text, not strings from any one book) and
conservative: a line of real prose must never be removed.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable

from cliograph.model import Footnote

__all__ = ["CleanText", "clean"]

#: An edit of the text: delete ``text[start:end]`` (repl == "") or replace it
#: character for character (len(repl) == end - start).
Edit = tuple[int, int, str]


class CleanText:
    """Cleaned text plus the map back to the text it was cleaned from."""

    __slots__ = ("text", "footnotes", "_clean", "_raw")

    def __init__(self, text: str, footnotes: list[Footnote], runs: tuple[array, array]) -> None:
        self.text = text
        self.footnotes = footnotes
        # Run k starts at clean offset _clean[k], which is raw offset _raw[k].
        self._clean, self._raw = runs

    def __repr__(self) -> str:
        runs = len(self._clean)
        return f"CleanText({len(self.text)} chars, {len(self.footnotes)} footnotes, {runs} runs)"

    def to_raw(self, i: int) -> int:
        """Original offset of clean offset ``i``; ``len(text)`` maps to ``len(raw)``.

        Where characters were deleted just before ``i``, the result is the raw
        position after the deletion: right for a span's start (see span_to_raw
        for ends).
        """
        if i < 0 or i > len(self.text):
            raise IndexError(f"clean offset {i} outside 0..{len(self.text)}")
        k = bisect_right(self._clean, i) - 1
        return self._raw[k] + (i - self._clean[k])

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Original span of clean ``[start, end)``.

        The end is taken just after the span's last character, so a footnote marker
        deleted right after a word is not pulled into the word's span.
        """
        if end <= start:
            at = self.to_raw(start)
            return at, at
        return self.to_raw(start), self.to_raw(end - 1) + 1


# --------------------------------------------------------------------------- mapping


def _apply(text: str, edits: list[Edit]) -> tuple[str, tuple[array, array]]:
    """Apply sorted, non-overlapping edits; return the new text and its runs."""
    pieces: list[str] = []
    runs_c = array("q", [0])
    runs_r = array("q", [0])
    pos = 0
    cpos = 0
    for start, end, repl in edits:
        if start < pos:
            continue  # overlapping edit: the earlier one wins
        pieces.append(text[pos:start])
        cpos += start - pos
        if repl:
            pieces.append(repl)
            cpos += len(repl)
            pos = end
            continue
        pos = end
        if runs_c[-1] == cpos:
            runs_r[-1] = pos
        else:
            runs_c.append(cpos)
            runs_r.append(pos)
    pieces.append(text[pos:])
    return "".join(pieces), (runs_c, runs_r)


def _lookup(runs: tuple[array, array], i: int) -> int:
    clean, raw = runs
    k = bisect_right(clean, i) - 1
    return raw[k] + (i - clean[k])


def _compose(
    outer: tuple[array, array], inner: tuple[array, array], outer_len: int
) -> tuple[array, array]:
    """Runs mapping outer-clean offsets straight to raw, through the inner map."""
    oc, orr = outer
    ic, ir = inner
    runs_c = array("q")
    runs_r = array("q")
    for k in range(len(oc)):
        c2 = oc[k]
        c1 = orr[k]
        last = k + 1 == len(oc)
        length = (oc[k + 1] if not last else outer_len) - c2
        if length == 0 and not last:
            continue
        runs_c.append(c2)
        runs_r.append(_lookup(inner, c1))
        # Inner breakpoints inside this run start runs of their own.
        j = bisect_right(ic, c1)
        stop = c1 + length
        while j < len(ic) and (ic[j] < stop or (last and ic[j] == stop)):
            runs_c.append(c2 + ic[j] - c1)
            runs_r.append(ir[j])
            j += 1
    return runs_c, runs_r


# --------------------------------------------------------------------------- rule 4


_INVISIBLE_CHARS = "\u00ad\u200b\u2060\ufeff\u200a"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]+")
_DELETE = frozenset("\u00ad\u200b\u2060\ufeff")
_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212")


def _invisible_edits(text: str) -> list[Edit]:
    """Soft hyphens and zero-width characters split tokens; hair spaces pad dashes."""
    edits: list[Edit] = []
    if not any(c in text for c in _INVISIBLE_CHARS):
        return edits
    for m in _INVISIBLE.finditer(text):
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        tight = before in _DASHES or after in _DASHES or before.isspace() or after.isspace()
        spaced = False
        for i in range(m.start(), m.end()):
            ch = text[i]
            if ch in _DELETE or tight or spaced:
                edits.append((i, i + 1, ""))
            else:  # a hair space between words still separates them
                edits.append((i, i + 1, " "))
                spaced = True
    return edits


# --------------------------------------------------------------------------- rule 1

_CONTACT = re.compile(
    r"\bif you (?:find|spot|notice|see)\b.{0,40}\b(?:error|typo|mistake)s?\b.*"
    r"\b(?:e-?mail|contact|write to|let us know)\b",
    re.I,
)
_PLEASE_CONTACT = re.compile(r"^\W*please (?:e-?mail|contact|write to) us\b", re.I)
_URL_ONLY = re.compile(r"^\s*<?(?:(?:https?|ftp)://|www\.)\S+?>?\s*$", re.I)
_EMAIL_ONLY = re.compile(r"^\s*<?(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?\s*$", re.I)
_THANKS = re.compile(r"^\s*thank you(?: for (?:reading|your help))?\s*[.!]*\s*$", re.I)
#: "17. WITH LENIN", "IV. THE STORM", "CHAPTER XVII": a number, then capitals only.
_HEADING = re.compile(
    r"^[ \t]*(?:(?:\d{1,3}\.?|[IVXLC]{1,7}\.)[ \t]+(?=[^a-z]*[A-Z]{2})"
    r"|(?:CHAPTER|PART|BOOK)[ \t]+(?:\d{1,3}|[IVXLC]{1,7})\b[.:]?)[^a-z!?]{0,80}$"
)
_LABEL_CHARS = re.compile(r"^[A-Za-z][A-Za-z &'’\-]*$")
_MINOR = frozenset({"and", "of", "the", "in", "on", "for", "to", "a", "an", "with", "&"})
_MAX_BOILERPLATE = 300


def _is_furniture(line: str) -> bool:
    """Site furniture anywhere in the text: contact trailers, bare links."""
    if len(line) > _MAX_BOILERPLATE:
        return False
    return bool(
        _CONTACT.search(line)
        or _PLEASE_CONTACT.search(line)
        or _URL_ONLY.match(line)
        or _EMAIL_ONLY.match(line)
    )


def _is_category_label(line: str) -> bool:
    """"Biographies & Memoirs": a shelf label a web page puts above the text."""
    stripped = line.strip()
    if len(stripped) > 40 or not _LABEL_CHARS.match(stripped):
        return False
    words = stripped.split()
    if "&" in stripped:
        return True
    if len(words) < 2 or stripped.isupper():  # capitals alone make a heading, kept
        return False
    return all(w[0].isupper() or w.lower() in _MINOR for w in words) and words[0][0].isupper()


def _line_edits(text: str) -> list[Edit]:
    """Delete furniture lines, keeping paragraph breaks as they were around them."""
    # Only "\n" ends a line: readers normalise line endings, and other separators
    # (form feeds, U+2028) are content whose offsets must not move.
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    if not lines[-1]:
        lines.pop()
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line)
    blank = [not line.strip() for line in lines]

    def isolated(i: int) -> bool:
        return (i == 0 or blank[i - 1]) and (i + 1 == len(lines) or blank[i + 1])

    remove = [False] * len(lines)
    at_top = True
    for i, line in enumerate(lines):
        if blank[i]:
            continue
        body = line.rstrip("\n")
        if _is_furniture(body):
            remove[i] = True
        elif _HEADING.match(body) and isolated(i):
            remove[i] = True
        elif at_top and isolated(i) and _is_category_label(body) and _more_follows(i, blank):
            remove[i] = True
        elif _THANKS.match(body) and _previous_removed(i, blank, remove):
            remove[i] = True
        if not remove[i]:
            at_top = False
    if not any(remove):
        return []

    last_content = max((i for i in range(len(lines)) if not blank[i] and not remove[i]), default=-1)
    deleted = [False] * len(lines)
    content_before = False
    for i in range(len(lines)):
        if not remove[i]:
            content_before = content_before or not blank[i]
            continue
        deleted[i] = True
        if not content_before or (i > 0 and blank[i - 1]):
            # Top of text or its own paragraph: take the blank lines after it too.
            j = i + 1
            while j < len(lines) and blank[j]:
                deleted[j] = True
                j += 1
        if i > last_content:
            # Nothing but blanks left: drop the blank lines before it as well, but
            # keep the newline that ends the last real line.
            j = i - 1
            while j >= 0 and blank[j] and not deleted[j]:
                deleted[j] = True
                j -= 1
            for k in range(i + 1, len(lines)):
                deleted[k] = True
    edits: list[Edit] = [
        (starts[i], starts[i] + len(lines[i]), "") for i, gone in enumerate(deleted) if gone
    ]
    return _merge(edits)


def _more_follows(i: int, blank: list[bool]) -> bool:
    """A label sits above the text; a lone short line is the text."""
    return not all(blank[i + 1 :])


def _previous_removed(i: int, blank: list[bool], remove: list[bool]) -> bool:
    j = i - 1
    while j >= 0 and blank[j]:
        j -= 1
    return j >= 0 and remove[j]


def _merge(edits: list[Edit]) -> list[Edit]:
    """Join adjacent deletions so the map gets one run per removed block."""
    merged: list[Edit] = []
    for start, end, repl in edits:
        if merged and not repl and not merged[-1][2] and merged[-1][1] == start:
            merged[-1] = (merged[-1][0], end, "")
        else:
            merged.append((start, end, repl))
    return merged


# --------------------------------------------------------------------------- rule 3

#: Fragments that are never words on their own, so "autonomisa-tion" is one word.
_SUFFIXES = frozenset(
    """tion tions sion sions ment ments ness nesses ity ities ing ings ed ism isms ist
    ists ise ised ises ising ize ized izes izing isation isations ization izations ation
    ations ically ical ence ences ance ances ible ibly ous ious eous ive ives ative ably
    ency ancy ologist ology""".split()
)
#: Prefixes that make real hyphenated compounds (co-ordinated, non-European).
_PREFIXES = frozenset(
    """co non pre post anti pro re ex self semi multi mid sub inter counter quasi pseudo
    neo ultra over under vice extra de all half well ill one two three""".split()
)
#: Scanning starts at the hyphen (a literal the regex engine finds fast) and looks
#: left and right from there: texts can run to tens of megabytes.
_HYPHEN = re.compile(r"-(?:[ \t]*\n[ \t]*)?(?=[a-z])")
_LEFT_PART = re.compile(r"(?<![\w\-’'])[A-Za-z][a-z]*\Z")
# a closing quote after the word ends it; an apostrophe ("tion’s") does not
_RIGHT_PART = re.compile(r"[a-z]+(?![\w\-]|[’'][A-Za-z])")
_STANDALONE = re.compile(r"(?<![\w\-’'])[a-z]+(?![\w\-]|[’'][A-Za-z])")
_CHUNK = 1 << 20


class _Vocabulary:
    """Words that occur on their own (not inside a compound) in this text.

    Built only when a rule asks, in chunks so a large text never becomes one
    list of millions of tokens.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: set[str] | None = None

    def _build(self) -> set[str]:
        words: set[str] = set()
        text = self._text
        start = 0
        while start < len(text):
            end = min(len(text), start + _CHUNK)
            while end < len(text) and not text[end].isspace():
                end += 1
            words.update(_STANDALONE.findall(text[start:end].lower()))
            start = end
        return words

    def __contains__(self, word: str) -> bool:
        if self._words is None:
            self._words = self._build()
        return word.lower() in self._words


def _hyphen_edits(text: str, vocab: _Vocabulary) -> list[Edit]:
    edits: list[Edit] = []
    for m in _HYPHEN.finditer(text):
        hyphen = m.start()
        left_m = _LEFT_PART.search(text, max(0, hyphen - 40), hyphen)
        right_m = _RIGHT_PART.match(text, m.end())
        if left_m is None or right_m is None:
            continue
        left, right = left_m.group(), right_m.group()
        if m.end() - hyphen == 1:  # inside a line: "autonomisa-tion"
            if len(left) < 2 or len(right) < 2 or left.lower() in _PREFIXES or left in vocab:
                continue
            if right in _SUFFIXES or left + right in vocab:
                edits.append((hyphen, hyphen + 1, ""))
        elif left in vocab and right in vocab and left + right not in vocab:
            edits.append((hyphen + 1, m.end(), ""))  # "one-\nparty": keep the hyphen
        else:
            edits.append((hyphen, m.end(), ""))  # "autono-\nmisation"
    return edits


# --------------------------------------------------------------------------- rule 2

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPER_TO_ASCII = str.maketrans(_SUPERSCRIPTS, "0123456789")
_SUPER_RUN = re.compile(f"[{_SUPERSCRIPTS}]+")
_CLOSERS = "’”'\")]"
_SENTENCE = ".,;:!?"
#: Digits right after punctuation or a closing quote: "victory.1", "him:23", "sensible.’35".
_AFTER_PUNCT = re.compile(r"[.,;:!?’”'\")\]](\d{1,3})(?!\d)")
#: Digits glued to a word: "mutineers144".
_AFTER_LETTER = re.compile(r"[a-z](\d{1,3})(?!\d)")
_GLUED_WORD = re.compile(r"(?<![\w\-’'.])[A-Z]?[a-z]{3,}\Z")
_GLUED_TAIL = re.compile(r"(?=[\s,.;:!?)’”'\"]|\Z)(?![.,:]\d)(?!\s+\d)")
_BRACKET = re.compile(r"\[([A-Za-z]{0,3}\d{1,3}(?:\.[A-Za-z0-9]{1,3})?)\](?![a-z0-9])")
_PAREN = re.compile(r"\((\d{1,3})\)(?!\w)")
_PAREN_AFTER = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.,;’”'\"")
#: Words before a full stop that make the digits a reference, not a note: "p.12", "No.5".
_ABBREVIATIONS = frozenset(
    """no nos p pp vol vols ch chap art arts fig figs sect sec para paras vv col cols
    l ll op cf ed eds n nn c ca app pl ser bk pt fol fols jan feb mar apr jun jul aug
    sep sept oct nov dec""".split()
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\Z")
_YEAR_BEFORE = re.compile(r"(?<![\d.,])(1\d{3}|20\d{2})\Z")


def _punct_marker(text: str, m: re.Match[str]) -> bool:
    start, end = m.span(1)
    after = text[end] if end < len(text) else ""
    # Walk back over the punctuation/closing-quote cluster before the digits.
    i = start
    while i > 0 and text[i - 1] in _SENTENCE + _CLOSERS:
        i -= 1
    cluster = text[i:start]
    if not any(c in _SENTENCE or c in "’”'\"" for c in cluster):
        return False
    if cluster[-1] in "'\"’" and len(cluster) == 1 and i > 0 and not text[i - 1].isalpha():
        return False
    if i == 0:
        return False
    word_end = text[i - 1]
    ends_sentence = any(c in ".!?" for c in cluster)
    if after and not after.isspace():
        if not (after.isupper() and ends_sentence):
            return False
    if word_end.isdigit():
        # "1921.26 Although": a year, a full stop, then the note. "3.5", "10.30" stay.
        if cluster[0] != "." or not _YEAR_BEFORE.search(text, max(0, i - 5), i):
            return False
        rest = text[end : end + 3].lstrip(" ")
        return rest == "" or rest[:1] in "\n" or rest[:1].isupper() or rest[:1] in "‘“\"'("
    if not word_end.isalpha():
        return False
    word = _WORD_BEFORE.search(text, max(0, i - 20), i)
    if word is not None and cluster[0] == "." and word.end() == i:
        if len(word.group(1)) == 1 or word.group(1).lower() in _ABBREVIATIONS:
            return False
    return True


def _footnote_edits(text: str) -> list[tuple[int, int, int, int, str]]:
    """(delete_start, delete_end, marker_start, marker_end, label) for each marker."""
    found = []
    for m in _AFTER_PUNCT.finditer(text):
        if _punct_marker(text, m):
            found.append((m.start(1), m.end(1), m.start(1), m.end(1), m.group(1)))
    for m in _AFTER_LETTER.finditer(text):
        start, end = m.span(1)
        if _GLUED_WORD.search(text, max(0, start - 40), start) and _GLUED_TAIL.match(text, end):
            found.append((start, end, start, end, m.group(1)))
    for m in _BRACKET.finditer(text):
        start = m.start()
        line_start = text.rfind("\n", 0, start) + 1
        if not text[line_start:start].strip():
            continue  # "[1] Ford, xi, 31." opens a note's body or a list item
        before = text[start - 1]
        word = _WORD_BEFORE.search(text, max(0, start - 20), start)
        one_letter = word is not None and word.end() == start and len(word.group(1)) < 2
        if before.isdigit() or one_letter:
            continue  # "x[2]": an index, not a note
        delete_from = start
        if before in " \t":
            while delete_from > line_start and text[delete_from - 1] in " \t":
                delete_from -= 1
            if text[delete_from - 1 : delete_from] in ("(", "["):
                continue
        found.append((delete_from, m.end(), start, m.end(), m.group(1)))
    for m in _PAREN.finditer(text):
        if m.start() == 0 or text[m.start() - 1] not in _PAREN_AFTER:
            continue
        before = text[m.start() - 1]
        word = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
        if before.isalpha() and (word is None or len(word.group(1)) < 2):
            continue  # "f(1)"
        found.append((m.start(), m.end(), m.start(), m.end(), m.group(1)))
    supers = _SUPER_RUN.finditer(text) if any(c in text for c in _SUPERSCRIPTS) else ()
    for m in supers:
        found.append((m.start(), m.end(), m.start(), m.end(), m.group().translate(_SUPER_TO_ASCII)))
    found.sort()
    kept: list[tuple[int, int, int, int, str]] = []
    for item in found:
        if kept and item[0] < kept[-1][1]:
            continue
        kept.append(item)
    return kept


# --------------------------------------------------------------------------- entry


def _stage(
    text: str, edits: Iterable[Edit], runs: tuple[array, array] | None
) -> tuple[str, tuple[array, array] | None]:
    edits = sorted(edits)
    if not edits:
        return text, runs
    new_text, new_runs = _apply(text, edits)
    if runs is None:
        return new_text, new_runs
    return new_text, _compose(new_runs, runs, len(new_text))


def clean(text: str) -> CleanText:
    """Clean ``text`` for NLP; footnotes and the offset map point back into ``text``."""
    current, runs = _stage(text, _invisible_edits(text), None)
    current, runs = _stage(current, _line_edits(current), runs)

    markers = _footnote_edits(current)
    identity = (array("q", [0]), array("q", [0]))
    base = runs or identity
    footnotes = []
    for _, _, start, end, label in markers:
        raw_start = _lookup(base, start)
        raw_end = _lookup(base, end - 1) + 1
        footnotes.append(Footnote(label, raw_start, raw_end))

    # Markers and hyphen breaks never overlap by construction; _apply would keep
    # the first of any overlapping pair anyway.
    edits: list[Edit] = []
    for a, b, _, _, _ in markers:
        if b < len(current) and current[b].isalnum():
            # "it.10Lenin": the note stood where a space belongs; keep one there.
            edits.append((a, a + 1, " "))
            if b > a + 1:
                edits.append((a + 1, b, ""))
        else:
            edits.append((a, b, ""))
    edits.extend(_hyphen_edits(current, _Vocabulary(current)))
    current, runs = _stage(current, _merge(sorted(edits)), runs)
    return CleanText(current, footnotes, runs or identity)
