"""Resolve personal pronouns to the people (and groups) they stand for.

A salience model after Lappin and Leass (1994): each candidate mention earlier in the
sentence or in the two before it scores for being a subject, for recency and for
being the main topic of the paragraph; candidates that disagree in gender or number
are filtered out, and a pronoun is never resolved into or out of quoted speech.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..rules import lexicon
from .document import Document

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
WINDOW = 3  # sentences back
GROUP_KINDS = {"FACTION", "BODY", "PLACE"}


def _in_quote(doc_text: str, char: int, quote_spans: list[tuple[int, int]]) -> bool:
    return any(s <= char < e for s, e in quote_spans)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside double or typographic single quotation marks."""
    spans = []
    opened: dict[str, int] = {}
    pairs = {"“": "”", "‘": "’", '"': '"'}
    for i, ch in enumerate(text):
        if ch in ("”", "’", '"') and any(pairs[o] == ch for o in opened):
            o = next(o for o in opened if pairs[o] == ch)
            # a closing ’ inside a word is an apostrophe
            if ch == "’" and i + 1 < len(text) and text[i + 1].isalpha():
                continue
            spans.append((opened.pop(o), i))
        elif ch in pairs and (ch != '"' or '"' not in opened):
            if ch == "‘" and i > 0 and text[i - 1].isalpha():
                continue
            opened[ch] = i
    return spans


def entity_genders(d: Document) -> dict[int, str]:
    """Gender from the words next to an entity's mentions (titles, kin nouns)."""
    lex = lexicon()
    out = {}
    for ei, ent in enumerate(d.entities):
        if ent.kind != "PERSON":
            continue
        f = m = 0
        for mi in ent.mentions:
            s, e = d.mentions[mi].tokens
            # the word right before the name ('his wife Nadya', 'Queen Anne') or inside it
            words = [t.lower_ for t in d.doc[max(0, s - 1):e]]
            f += sum(w in lex.female_words and w not in FEMALE for w in words)
            m += sum(w in lex.male_words and w not in MALE for w in words)
        out[ei] = "female" if f > m else "male" if m > f else ""
    return out


def resolve(d: Document) -> None:
    """Fill ``d.pronoun_entity``."""
    doc = d.doc
    quotes = quote_spans(doc.text)
    genders = entity_genders(d)
    # count mentions per entity as a paragraph-independent salience prior
    freq: dict[int, int] = {}
    for m in d.mentions:
        if m.entity is not None:
            freq[m.entity] = freq.get(m.entity, 0) + 1
    for tok in doc:
        low = tok.lower_
        if low not in MALE | FEMALE | PLURAL or tok.pos_ != "PRON" and tok.tag_ not in ("PRP", "PRP$"):
            continue
        if _in_quote(doc.text, tok.idx, quotes):
            continue
        best = _best_candidate(d, tok, genders, freq, quotes)
        if best is not None:
            d.pronoun_entity[tok.i] = best


def _best_candidate(d: Document, pron: Token, genders: dict[int, str], freq: dict[int, int],
                    quotes: list[tuple[int, int]]) -> int | None:
    low = pron.lower_
    si = d.sent_index(pron)
    first_sent = max(0, si - WINDOW)
    start_tok = d.sents[first_sent].start
    scores: dict[int, float] = {}
    for ti in range(pron.i - 1, start_tok - 1, -1):
        mi = d.token_mention.get(ti)
        if mi is None:
            continue
        m = d.mentions[mi]
        if m.entity is None or m.tokens[1] - 1 != ti:
            continue  # score each mention once, at its last token
        ent = d.entities[m.entity]
        if low in PLURAL:
            if ent.kind not in GROUP_KINDS or ent.kind == "PLACE":
                continue
        else:
            if ent.kind != "PERSON":
                continue
            g = genders.get(m.entity, "")
            if (low in MALE and g == "female") or (low in FEMALE and g == "male"):
                continue
        if _in_quote(d.doc.text, m.start, quotes):
            continue
        root = d.doc[m.tokens[0]:m.tokens[1]].root
        same_sent = d.sent_index(root) == si
        # binding: 'him' is not the subject of its own clause
        if same_sent and low in ("him", "her", "them") and root.head == pron.head and root.dep_.startswith("nsubj"):
            continue
        score = 100.0 - 35.0 * (si - d.sent_index(root))
        if root.dep_ in ("nsubj", "nsubjpass"):
            score += 80
        elif root.dep_ in ("dobj", "dative"):
            score += 40
        elif root.dep_ == "poss":
            score += 20
        if same_sent and root.i < pron.i and root.dep_.startswith("nsubj") and pron.dep_ == "poss":
            score += 20  # 'Stalin ... his' in one clause
        score += min(freq.get(m.entity, 0), 20) * 1.0
        score -= 0.5 * (pron.i - ti) / 10
        scores[m.entity] = max(scores.get(m.entity, -1e9), score)
    if not scores:
        return None
    return max(scores, key=scores.get)
