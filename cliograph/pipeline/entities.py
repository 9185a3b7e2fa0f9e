"""Decide each name's kind once per document, and who is who.

One sense per discourse: every mention of a name votes (the model's label, the kind its
head noun implies, and its context: a verb of speech or thought after it, a title or
kinship noun beside it, "in/at/to" before it), and the whole group takes the winning
kind. Groups are then merged by a sieve, most precise rule first: exact name, then
surname or first name inside a unique full name, then transliteration variants, then
acronyms the text defines.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.tokens import Doc

from ..model import Entity, Mention
from ..names import initials, norm, translit_key
from ..rules import lexicon
from .document import Document

RULE_WEIGHT = 3.0
MODEL_WEIGHT = 1.0
CONTEXT_WEIGHT = 1.5


def context_votes(doc: Doc, m: Mention) -> Counter[str]:
    """What a mention's surroundings say about its kind."""
    lex = lexicon()
    votes: Counter[str] = Counter()
    s, e = m.tokens
    span = doc[s:e]
    root = span.root
    prev = doc[s - 1] if s > 0 else None
    nxt = doc[e] if e < len(doc) else None
    head = root.head
    # 'Kamenev had...', 'Lenin wrote', 'Trotski insisted': subjects of person verbs
    if root.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in lex.person_verbs:
        votes["PERSON"] += CONTEXT_WEIGHT
    if root.dep_ == "nsubj" and head.lemma_.lower() in ("have", "suffer") and any(
        c.lower_ in lex.health_words for c in head.subtree
    ):
        votes["PERSON"] += CONTEXT_WEIGHT
    # 'Lenin’s wife', 'Stalin’s health': possessor of a kin, body or mind noun
    if nxt is not None and nxt.text in ("’s", "'s") and e + 1 < len(doc):
        owned = doc[e + 1].lower_
        if owned in lex.kin_roles or owned in lex.health_words or owned in (
            "life", "mind", "career", "behalf", "assistance", "request", "illness", "temper",
            "letter", "letters", "note", "notes", "speech", "views", "proposal", "attitude",
            "friend", "friends", "ally", "allies", "supporters", "position", "appointment",
        ):
            votes["PERSON"] += CONTEXT_WEIGHT
    # 'his wife Nadezhda Krupskaya' / 'Finance Commissar Sokolnikov'
    if prev is not None and (prev.lower_ in lex.kin_roles or prev.lower_ in lex.person_titles):
        votes["PERSON"] += CONTEXT_WEIGHT
    # 'in Moscow', 'to Georgia'
    if prev is not None and prev.lower_ in lex.place_preps and root.dep_ == "pobj" and not (
        nxt is not None and nxt.text in ("’s", "'s")
    ):
        votes["PLACE"] += 0.75
    # 'X said', 'said X'
    if head.lemma_.lower() in lex.speech_verbs and root.dep_ in ("nsubj", "dobj", "dative"):
        votes["PERSON"] += CONTEXT_WEIGHT
    # 'whom he teased', 'who were sympathisers': a 'who' relative clause on the name
    if any(c.lower_ in ("who", "whom") for c in root.children) or (
        nxt is not None and nxt.text == "," and e + 1 < len(doc) and doc[e + 1].lower_ in ("who", "whom")
    ):
        votes["PERSON"] += CONTEXT_WEIGHT
    return votes


def _group_key(m: Mention) -> str:
    return translit_key(m.text)


def _merge(groups: dict[str, list[int]], into: str, frm: str) -> None:
    groups[into].extend(groups.pop(frm))


def resolve(d: Document) -> None:
    """Fill ``d.entities`` and set ``Mention.entity``."""
    doc, mentions = d.doc, d.mentions
    groups: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        key = _group_key(m)
        if key:
            groups[key].append(i)

    kinds = {key: _decide_kind(doc, [mentions[i] for i in idx]) for key, idx in groups.items()}
    _merge_acronyms(d, groups, kinds)
    _merge_person_parts(groups, kinds, mentions)
    _merge_heads(groups, kinds, mentions)

    d.entities = []
    for key, idx in groups.items():
        kind = kinds.get(key)
        if not kind:
            continue
        ms = [mentions[i] for i in idx]
        ent = Entity(name=_canonical(ms, kind), kind=kind)
        ent_index = len(d.entities)
        for i in sorted(idx):
            m = mentions[i]
            m.entity = ent_index
            m.kind = kind
            ent.mentions.append(i)
            alias = _display(m.text)
            if alias and alias not in ent.aliases:
                ent.aliases[alias] = (m.start, m.end, m.source)
        d.entities.append(ent)


def _display(text: str) -> str:
    t = text.strip("‘’“”'\" ")
    t = re.sub(r"^(the|The)\s+", "", t)
    return re.sub(r"(’s|'s)$", "", t)


def _decide_kind(doc: Doc, ms: list[Mention]) -> str | None:
    votes: Counter[str] = Counter()
    for m in ms:
        if m.kind:
            weight = MODEL_WEIGHT if m.source.startswith("spacy.") else RULE_WEIGHT
            votes[m.kind] += weight
        votes.update(context_votes(doc, m))
    if not votes:
        # an unlabelled single capitalised word that acts like a name: leave it out
        return None
    # a person is never outvoted by the model's place/organisation guesses alone
    kind, score = votes.most_common(1)[0]
    return kind if score >= 1.0 else None


def _canonical(ms: list[Mention], kind: str) -> str:
    forms = Counter(_display(m.text) for m in ms)
    if kind == "PERSON":
        return max(forms, key=lambda f: (len(f.split()), forms[f], f))
    return max(forms, key=lambda f: (forms[f], len(f), f))


def _merge_person_parts(groups: dict[str, list[int]], kinds: dict[str, str | None],
                        mentions: list[Mention]) -> None:
    """Molotov -> Vyacheslav Molotov; Maria -> Maria Ulyanova when no other Maria."""
    full = [k for k in groups if kinds.get(k) == "PERSON" and len(k.split()) >= 2]
    for key in list(groups):
        if key not in groups or kinds.get(key) not in ("PERSON", None) or len(key.split()) != 1:
            continue
        last = [f for f in full if f in groups and f.split()[-1] == key]
        first = [f for f in full if f in groups and f.split()[0] == key]
        target = last if len(last) == 1 else ([] if last else first)
        if len(target) == 1:
            if kinds.get(key) is None or kinds.get(key) == "PERSON":
                _merge(groups, target[0], key)
                kinds.pop(key, None)


def _merge_heads(groups: dict[str, list[int]], kinds: dict[str, str | None],
                 mentions: list[Mention]) -> None:
    """'Secretariat' -> 'Central Committee Secretariat' when it is the only one."""
    for key in list(groups):
        kind = kinds.get(key)
        if key not in groups or kind not in ("BODY", "FACTION") or len(key.split()) != 1:
            continue
        longer = [k for k in groups if k != key and kinds.get(k) == kind
                  and k.split()[-1] == key and len(k.split()) <= 4]
        if len(longer) == 1:
            _merge(groups, longer[0], key)
            kinds.pop(key, None)


def _merge_acronyms(d: Document, groups: dict[str, list[int]], kinds: dict[str, str | None]) -> None:
    """'the New Economic Policy (or NEP)', 'Workers’ and Peasants’ Inspectorate (or Rabkrin)':
    a name in brackets right after another is the same entity."""
    text = d.doc.text
    key_of = {}
    for key, idx in groups.items():
        for i in idx:
            key_of[i] = key
    ms = d.mentions
    for i in range(len(ms) - 1):
        a, b = ms[i], ms[i + 1]
        between = text[a.end:b.start]
        if not re.fullmatch(r"\s*\(\s*(or\s+|i\.e\.\s+|known as\s+)?", between):
            continue
        if not text[b.end:b.end + 2].lstrip().startswith(")"):
            continue
        ka, kb = key_of.get(i), key_of.get(i + 1)
        if not ka or not kb or ka == kb or ka not in groups or kb not in groups:
            continue
        is_acronym = b.text.isupper() and initials(a.text).upper().startswith(b.text[:1])
        if is_acronym or "or" in between:
            kinds[ka] = kinds.get(ka) or kinds.get(kb)
            _merge(groups, ka, kb)
            kinds.pop(kb, None)
            for j in list(key_of):
                if key_of[j] == kb:
                    key_of[j] = ka

