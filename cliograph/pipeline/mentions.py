"""Find the stretches of text that name an entity of one of the seven kinds.

The statistical model's entities are one source among several: it misses offices,
factions and policies entirely and mislabels rare names, so names are also found as
runs of capitalised words, and kind-bearing head nouns ("Committee", "mutiny",
"Commissar") give each run a first guess. The final kind is decided per document in
``entities``; here a mention only carries this first guess and where it came from.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..model import Mention
from ..rules import lexicon
from .document import Document

# spaCy label -> our kind (a first guess only)
SPACY_KIND = {
    "PERSON": "PERSON",
    "ORG": "BODY",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "EVENT": "EVENT",
    "LAW": "POLICY",
    "NORP": "FACTION",
}
NON_NAME_ENTS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
POSSESSIVE = {"’s", "'s", "’", "'"}
QUOTES_OPEN = {"‘", "“", "'", '"', "``"}
QUOTES_CLOSE = {"’", "”", "'", '"', "''"}
ORDINAL_WORDS = re.compile(
    r"^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"\d+(st|nd|rd|th|d))$",
    re.I,
)
ISATION = re.compile(r"(is|iz)ation$|ism$", re.I)
GROUP_PLURAL = re.compile(r"^[A-Z][a-z]+(ists|ites|ins|ards|ians|ans)$")


def is_cap(tok: Token) -> bool:
    """A token that can be part of a proper name."""
    t = tok.text
    if not t[:1].isupper() or tok.ent_type_ in NON_NAME_ENTS and not ORDINAL_WORDS.match(t):
        return False
    if tok.is_sent_start or _after_open_quote(tok):
        low = tok.lower_
        if low in lexicon().not_names or (tok.pos_ not in ("PROPN",) and not tok.ent_type_):
            return tok.pos_ == "PROPN" and low not in lexicon().not_names
    return tok.lower_ not in lexicon().not_names or tok.pos_ == "PROPN" and len(t) > 1 and t != "I"


def _after_open_quote(tok: Token) -> bool:
    return tok.i > 0 and tok.nbor(-1).text in QUOTES_OPEN


def _possessive_joins(doc: Doc, i: int) -> bool:
    """'People’s Commissariat', 'Workers’ Opposition': a plural possessor inside a name."""
    if i + 1 >= len(doc) or doc[i].text not in POSSESSIVE or i == 0:
        return False
    owner = doc[i - 1].text
    nxt = doc[i + 1]
    return (owner.endswith("s") or owner in ("People", "Men", "Women", "Children")) and (
        nxt.text[:1].isupper() or nxt.lower_ == "and"
    ) and doc[i - 1].ent_type_ != "PERSON"


def name_runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens, joined across 'of', 'for', 'the', plural
    possessives and 'and' where the result is one institution's name."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    while i < n:
        if not is_cap(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < n:
            t = doc[j]
            if t.is_sent_start:
                break
            if is_cap(t) or (t.text in ("-", "–") and j + 1 < n and is_cap(doc[j + 1])
                             and not t.whitespace_):
                j += 1
                continue
            if _possessive_joins(doc, j):
                j += 1
                continue
            if t.lower_ in ("of", "for") and j + 1 < n:
                k = j + 1
                if doc[k].lower_ == "the" and k + 1 < n:
                    k += 1
                if is_cap(doc[k]) and not doc[k].is_sent_start and doc[k].ent_type_ not in NON_NAME_ENTS:
                    j = k + 1
                    continue
            if t.lower_ == "and" and j + 1 < n and is_cap(doc[j + 1]):
                # 'Workers’ and Peasants’ Inspectorate', 'Department of Agitation and Propaganda'
                prev = doc[j - 1]
                inside_of = any(doc[x].lower_ in ("of", "for") for x in range(i, j))
                if prev.text in POSSESSIVE or (inside_of and doc[j + 1].ent_type_ != "PERSON"
                                               and (j + 2 >= n or not is_cap(doc[j + 2]))):
                    j += 1
                    continue
            break
        # trim trailing connectors and possessive marks
        while j > i and (doc[j - 1].lower_ in ("of", "for", "the", "and", "-", "–")
                         or doc[j - 1].text in POSSESSIVE):
            j -= 1
        if j > i:
            runs.append((i, j))
        i = max(j, i + 1)
    return runs


def head_word(span: Span) -> str:
    """The head noun of a name: the last word before an 'of'/'for' complement."""
    words = [t for t in span if t.text not in POSSESSIVE and t.text not in ("-", "–")]
    for k, t in enumerate(words):
        if t.lower_ in ("of", "for") and k > 0:
            return words[k - 1].lower_
    return words[-1].lower_ if words else ""


def guess_kind(span: Span) -> str | None:
    """First guess at a capitalised name's kind from its own words."""
    lex = lexicon()
    words = [t.lower_ for t in span]
    first, head = words[0], head_word(span)
    last = words[-1]
    if ORDINAL_WORDS.match(span[0].text) and head in ("congress", "conference", "plenum",
                                                      "council", "assembly", "session"):
        return "EVENT"
    if first in ("treaty", "battle", "siege", "peace", "sack", "fall", "massacre", "war",
                 "revolt", "conference") and "of" in words:
        return "EVENT"
    if head in lex.office_heads and head not in lex.person_titles or (
        head in ("secretary", "secretaries", "commissar", "commissars")
    ):
        return "OFFICE"
    if head in ("union",) and "soviet" in words and len(words) <= 3:
        return "PLACE"
    if head in lex.body_heads:
        return "BODY"
    if head in lex.event_heads and head not in ("death", "stroke", "affair"):
        return "EVENT"
    if head in lex.policy_heads:
        return "POLICY"
    if head in lex.faction_heads and head not in ("group", "circle", "camp", "platform", "wing"):
        return "FACTION"
    if len(span) == 1 and GROUP_PLURAL.match(span.text) and span[0].tag_ in ("NNPS", "NNS"):
        return "FACTION"
    if re.fullmatch(r"[A-Z]+SSR|[A-Z]*SFSR|[A-Z]*SR", span.text):
        return "PLACE"
    return None


def split_title(doc: Doc, start: int, end: int) -> list[tuple[int, int, str | None]]:
    """'Finance Commissar Sokolnikov' -> the office, then the person it stands before."""
    lex = lexicon()
    for k in range(end - 1, start, -1):
        low = doc[k - 1].lower_
        if low in lex.office_heads and low not in lex.person_titles and doc[k].lower_ not in (
            "of", "for") and doc[k].text[:1].isupper() and head_word(doc[k:end]) not in (
            lex.body_heads | lex.office_heads | lex.event_heads | lex.policy_heads):
            return [(start, k, "OFFICE"), (k, end, "PERSON")]
    return [(start, end, None)]


def lower_patterns(doc: Doc) -> list[tuple[int, int, str, str]]:
    """Lower-case names: 'head of Agitprop', 'grain requisitioning', ‘autonomisation’,
    'the Kronstadt mutiny', 'Lenin’s stroke'."""
    lex = lexicon()
    out: list[tuple[int, int, str, str]] = []
    n = len(doc)
    for tok in doc:
        low = tok.lower_
        # office: '(deputy) head/leader/editor of (the) X'
        if low in lex.office_lower_heads and tok.i + 2 < n and doc[tok.i + 1].lower_ == "of":
            k = tok.i + 2
            if doc[k].lower_ == "the":
                k += 1
            if k < n and doc[k].text[:1].isupper():
                e = k + 1
                while e < n and (is_cap(doc[e]) or doc[e].lower_ in ("of", "for", "and")
                                 and e + 1 < n and is_cap(doc[e + 1]) or doc[e].text in POSSESSIVE
                                 and e + 1 < n and is_cap(doc[e + 1])):
                    e += 1
                s = tok.i - 1 if tok.i > 0 and doc[tok.i - 1].lower_ in ("deputy", "assistant") else tok.i
                out.append((s, e, "OFFICE", "mentions.office_of.v1"))
        # policy: a quoted coinage in -isation/-ism
        if tok.pos_ in ("NOUN", "PROPN") and ISATION.search(low) and tok.text.islower() and (
            tok.i > 0 and doc[tok.i - 1].text in QUOTES_OPEN
        ):
            out.append((tok.i, tok.i + 1, "POLICY", "mentions.quoted_coinage.v1"))
        # policy: a noun phrase headed by a policy noun with a modifier
        if low in lex.policy_heads and tok.pos_ == "NOUN" and tok.text.islower():
            mods = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i
                    and c.pos_ in ("NOUN", "ADJ", "PROPN") and c.lower_ not in (
                        "new", "old", "other", "same", "such", "own", "first", "last", "whole")]
            if mods:
                s = min(m.i for m in mods)
                e = tok.i + 1
                # 'tax in kind', 'monopoly of foreign trade'
                if e + 1 < n and doc[e].lower_ in ("of", "in", "on") and doc[e + 1].pos_ == "NOUN":
                    e += 2
                elif e + 2 < n and doc[e].lower_ in ("of", "on") and doc[e + 1].pos_ == "ADJ" and doc[e + 2].pos_ == "NOUN":
                    e += 3
                out.append((s, e, "POLICY", "mentions.policy_np.v1"))
        # event: 'the Kronstadt mutiny', 'peasant uprisings', 'trade union dispute'
        if low in lex.event_heads and tok.pos_ == "NOUN" and tok.text.islower():
            mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod")
                    and c.i < tok.i and (c.text[:1].isupper() or c.dep_ == "compound")
                    and c.pos_ in ("PROPN", "NOUN", "ADJ")]
            if mods and low not in ("death",) or any(m.dep_ == "poss" and m.text[:1].isupper() for m in mods):
                s = min(min(m.left_edge.i for m in mods), tok.i)
                while s < tok.i and (doc[s].is_stop or doc[s].is_punct):
                    s += 1
                if s < tok.i:
                    out.append((s, tok.i + 1, "EVENT", "mentions.event_np.v1"))
    return out


def find(d: Document) -> None:
    """Fill ``d.mentions`` and ``d.token_mention``."""
    doc = d.doc
    cands: list[tuple[int, int, str | None, str]] = []
    ent_at: dict[int, Span] = {}
    for ent in doc.ents:
        for t in ent:
            ent_at[t.i] = ent
    for s, e in name_runs(doc):
        for ss, ee, forced in split_title(doc, s, e):
            span = doc[ss:ee]
            kind = forced or guess_kind(span)
            source = "mentions.name_run.v1"
            if kind is None:
                labels = [ent_at[t.i].label_ for t in span if t.i in ent_at]
                lab = max(set(labels), key=labels.count) if labels else None
                kind = SPACY_KIND.get(lab) if lab else None
                source = f"spacy.ner.{lab}" if lab else source
            cands.append((ss, ee, kind, source))
    for s, e, kind, rule in lower_patterns(doc):
        cands.append((s, e, kind, rule))
    # longest first; rule-found spans over name runs of the same extent
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: set[int] = set()
    chosen: list[tuple[int, int, str | None, str]] = []
    for s, e, kind, source in cands:
        if any(i in taken for i in range(s, e)):
            continue
        span = doc[s:e]
        text = span.text.strip("‘’“”'\"")
        if not text or not any(c.isalpha() for c in text):
            continue
        if len(span) == 1 and span[0].tag_ == "JJ" and kind == "FACTION":
            continue  # 'Georgian' as an adjective names no group
        taken.update(range(s, e))
        chosen.append((s, e, kind, source))
    chosen.sort()
    d.mentions = []
    d.token_mention = {}
    for s, e, kind, source in chosen:
        span = doc[s:e]
        # strip enclosing quotes from the span itself
        while s < e and doc[s].text in QUOTES_OPEN:
            s += 1
        while e > s and doc[e - 1].text in QUOTES_CLOSE and doc[e - 1].text not in ("’",):
            e -= 1
        span = doc[s:e]
        if not len(span):
            continue
        idx = len(d.mentions)
        d.mentions.append(
            Mention(span.start_char, span.end_char, span.text, kind or "", source, tokens=(s, e))
        )
        for t in span:
            d.token_mention[t.i] = idx
