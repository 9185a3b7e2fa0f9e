"""Resolve personal pronouns to the people (and groups) they stand for.

A salience model after Lappin and Leass (1994). Every noun phrase that could be an
antecedent is weighed by its grammatical role (subject > object > oblique), by not
being embedded in another phrase or an adverbial, and by standing in a main clause;
the weight halves with each sentence back, and a pronoun's candidates are *classes*:
an entity gathers the weight of its names and of the pronouns already resolved to it.
Candidates that are not entities compete too (a plural common noun, 'a physician',
'his wife', 'X and some others'): when one of them wins, the pronoun stays unresolved,
so 'the people clapped their hands' gives 'their' to nobody rather than to the last
group named. Filters: gender (titles, kin nouns, earlier pronouns) and number (a
plural head or 'X and Y' for they/them/their; a singular-headed body only close by);
binding (an object pronoun is not its own verb's subject); quotations (never resolved
into or out of quoted speech). Preferences: the nearest subject above the pronoun in
the parse ('Pinckney, keen to defend his...', 'Washington knew ... that he could
see'), and a pronoun in the same role as the candidate's last mention (parallelism).

For 'they' standing for coordinated people ('Flavius and Marullus ... their office')
the pronoun takes the first person named, as one entity per pronoun is all the model
holds.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..rules import lexicon
from .document import Document

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
DEBUG: list | None = None
WINDOW = 3  # sentences back
C_COMMAND = 120  # for the nearest subject above the pronoun
GROUP_KINDS = {"FACTION", "BODY"}
SUBJ = ("nsubj", "nsubjpass")
OBJ = ("dobj", "dative", "attr", "oprd")
EMBEDDED = ("poss", "compound", "appos", "conj", "nmod", "npadvmod")
CLAUSES = ("advcl", "ccomp", "relcl", "acl", "csubj", "pcomp", "xcomp", "parataxis")
INDEFINITE = {"a", "an", "one", "another", "some", "any", "his", "her", "their", "my", "our"}
PERSON_NOUNS = {"man", "woman", "boy", "girl", "person", "child", "youth", "gentleman", "noble", "nobleman",
                "magistrate", "prelate", "bishop", "priest", "monk", "seer", "slave", "servant", "soldier",
                "officer", "general", "peasant", "workman", "worker", "labourer", "member", "delegate",
                "deputy", "leader", "minister", "senator", "tribune", "citizen", "friend", "enemy", "ally",
                "stranger", "messenger", "physician", "doctor", "conspirator", "courtier", "elector",
                "follower", "supporter", "colleague", "representative", "someone", "somebody", "anyone"}
GROUP_NOUNS = {"people", "crowd", "group", "faction", "class", "party", "multitude", "nation", "mob"}
ANIMATE_ENDINGS = ("ist", "ian", "ite", "ant", "eer", "ary", "ent")


@dataclass
class Ref:
    key: int | tuple[str, int]
    """Entity index, or ('n', token) for a candidate that is no entity."""
    i: int
    sent: int
    weight: float
    role: str
    plural: bool
    quote: int | None
    gender: str = ""
    person: bool = True
    member: bool = False
    """One of the people in 'X and Y': a weak antecedent for 'he', except in 'X and his Y'."""


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


def _role(t: Token) -> str:
    return "subj" if t.dep_ in SUBJ else "obj" if t.dep_ in OBJ else "obl" if t.dep_ == "pobj" else "other"


def _weight(t: Token) -> float:
    """Lappin-Leass salience of a phrase headed by ``t`` in its own sentence."""
    first = t
    while first.dep_ in ("conj", "appos"):
        first = first.head  # 'Flavius and Marullus', 'two of the tribunes, Flavius ...' weigh as their head
    dep, head = first.dep_, first.head
    w = 100.0 + {"nsubj": 80, "nsubjpass": 80, "dobj": 50, "attr": 50, "dative": 40}.get(dep, 0)
    if dep == "pobj" and head.dep_ == "agent":
        w += 70  # 'arrested by the Soldiers' Committees'
    if dep == "poss":
        w += 0.5 * {"nsubj": 80, "nsubjpass": 80, "dobj": 50}.get(head.dep_, 0)
    if dep not in EMBEDDED and not (dep == "pobj" and head.head.pos_ in ("NOUN", "PROPN", "PRON")):
        w += 80  # head noun emphasis
    if not (dep == "pobj" and head.head.pos_ in ("VERB", "AUX")):
        w += 50  # not in an adverbial phrase
    if not any(a.dep_ in CLAUSES for a in first.ancestors):
        w += 40  # main clause
    return w


def _plural_name(t: Token) -> bool:
    """'the Girondins', 'the Bolsheviki', 'Socialist Revolutionaries' (not 'Brutus', 'Congress')."""
    low = t.lower_
    the = t.i > 0 and t.nbor(-1).lower_ == "the"
    return t.tag_ in ("NNS", "NNPS") or the and low.endswith(("s", "i")) and not low.endswith(("ss", "us"))


def _subject(v: Token) -> Token | None:
    """The subject of a verb, through coordination ('did not approach him, but was kept'),
    control ('Stalin had to deal with him', 'persuaded Trotski to support him') and
    relative pronouns ('it was Stalin who...')."""
    while True:
        subj = next((c for c in v.children if c.dep_ in SUBJ), None)
        if subj is None and v.dep_ == "xcomp":
            subj = next((c for c in v.head.children if c.dep_ == "dobj"), None)
        if subj is None and v.dep_ in ("conj", "xcomp"):
            v = v.head
            continue
        if subj is not None and subj.lower_ in ("who", "which", "that") and subj.head.dep_ == "relcl":
            return subj.head.head
        return subj


def _candidates(d: Document, genders: dict[int, str], quotes: list[tuple[int, int]]) -> list[Ref]:
    """Named mentions, coordinations of them, and the phrases that are no entity."""
    doc, lex = d.doc, lexicon()
    quote = lambda t: next((k for k, (s, e) in enumerate(quotes) if s <= t.idx < e), None)  # noqa: E731
    refs, seen = [], set()
    for m in d.mentions:
        if m.entity is None or (m.tokens[0], m.entity) in seen:
            continue
        kind = d.entities[m.entity].kind
        if kind != "PERSON" and kind not in GROUP_KINDS:
            continue
        seen.add((m.tokens[0], m.entity))
        t = doc[m.tokens[0]:m.tokens[1]].root
        conj = [c for c in t.conjuncts if d.token_mention.get(c.i) is not None]
        coordinated = bool(t.conjuncts)
        if coordinated and t.dep_ != "conj" and len(conj) < len(t.conjuncts):
            # 'the Primate and four other bishops': a plural that is no entity
            refs.append(Ref(("n", t.i), t.i, d.sent_index(t), _weight(t), _role(t), True, quote(t)))
        if kind == "PERSON" and not _plural_name(t):
            # a person in 'X and Y' stands for neither 'he' nor 'they'; the first one stands for 'they'
            if coordinated and t.dep_ != "conj" and len(conj) == len(t.conjuncts):
                refs.append(Ref(m.entity, t.i, d.sent_index(t), _weight(t), _role(t), True, quote(t)))
            refs.append(Ref(m.entity, t.i, d.sent_index(t), _weight(t), _role(t), False, quote(t),
                            genders.get(m.entity, ""), member=coordinated))
        elif not coordinated or len(conj) == len(t.conjuncts):
            refs.append(Ref(m.entity, t.i, d.sent_index(t), _weight(t), _role(t), _plural_name(t), quote(t),
                            person=False))
    named = {i for r in refs if isinstance(r.key, int) for i in [r.i]} | {
        i for m in d.mentions if m.entity is not None and d.entities[m.entity].kind in (*GROUP_KINDS, "PERSON")
        for i in range(*m.tokens)}
    for t in doc:
        if t.i in named or t.dep_ in ("compound", "amod") or t.dep_ in ("conj", "appos", "attr") and (
                t.head.i in named or _subject(t.head) is not None and _subject(t.head).i in named):
            continue  # 'Kameniev, a little man', 'X and other cities', 'X was a man of parts' 
        low = t.lower_
        if t.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        in_coord = any(c.i in named for c in t.conjuncts) and t.dep_ != "conj"
        lemma = t.lemma_.lower()
        people = t.pos_ == "PROPN" and t.ent_type_ in ("NORP", "LANGUAGE") and t.i > 0 and t.nbor(-1).lower_ == "the"
        animate = t.pos_ == "PROPN" or lemma in PERSON_NOUNS or lemma in GROUP_NOUNS or lemma in lex.kin_roles or (
            lemma.endswith(ANIMATE_ENDINGS) and not lemma.endswith("ment"))
        if in_coord or people or t.tag_ in ("NNS", "NNPS") and t.dep_ in SUBJ and animate or low in ("those", "these"):
            # 'the members of the Convention' stand for the Convention
            of = [o for p in t.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
            m = d.token_mention.get(of[0].i) if of and not in_coord and low not in ("those", "these") else None
            key = d.mentions[m].entity if m is not None else None
            if key is None or d.entities[key].kind not in GROUP_KINDS:
                key = ("n", t.i)
            refs.append(Ref(key, t.i, d.sent_index(t), _weight(t), _role(t), True, quote(t), person=False))
        elif low in ("someone", "somebody", "anyone") or t.pos_ == "NOUN" and (
                low in PERSON_NOUNS or low in lex.kin_roles or low in lex.female_words or low in lex.male_words) and any(
                c.dep_ in ("det", "poss") and c.lower_ in INDEFINITE for c in t.children):
            g = "female" if low in lex.female_words else "male" if low in lex.male_words else ""
            refs.append(Ref(("n", t.i), t.i, d.sent_index(t), _weight(t), _role(t), False, quote(t), g))
    return sorted(refs, key=lambda r: r.i)


def resolve(d: Document) -> None:
    """Fill ``d.pronoun_entity``."""
    doc = d.doc
    quotes = quote_spans(doc.text)
    genders = entity_genders(d)
    refs = _candidates(d, genders, quotes)
    pending = list(refs)
    active: list[Ref] = []
    key_of: dict[int, int | tuple[str, int]] = {r.i: r.key for r in refs}
    for tok in doc:
        while pending and pending[0].i < tok.i:
            active.append(pending.pop(0))
        low = tok.lower_
        if low not in MALE | FEMALE | PLURAL or tok.pos_ != "PRON" and tok.tag_ not in ("PRP", "PRP$"):
            continue
        q = next((k for k, (s, e) in enumerate(quotes) if s <= tok.idx < e), None)
        # a reflexive is its own clause's subject: 'the English themselves', 'consulted among themselves'
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        bound = tok.head if verb.pos_ in ("NOUN", "PROPN", "PRON") else _subject(verb)
        if bound is not None and bound.lower_ in ("who", "which", "that") and bound.head.dep_ == "relcl":
            bound = bound.head.head  # 'the person who himself had argued'
        if not low.endswith(("self", "selves")) and tok.dep_ != "appos":
            bound = None
        key = key_of.get(bound.i) if bound not in (None, tok) else _best(d, tok, q, active, key_of, genders)
        gender = "male" if low in MALE else "female" if low in FEMALE else ""
        if key is None:
            key = ("n", tok.i)
        elif isinstance(key, int):
            d.pronoun_entity[tok.i] = key
            if gender and not genders.get(key):
                genders[key] = gender
        key_of[tok.i] = key
        active.append(Ref(key, tok.i, d.sent_index(tok), _weight(tok), _role(tok), low in PLURAL, q, gender))


def _agrees(r: Ref, plural: bool, gender: str, si: int) -> float:
    """How far a candidate agrees with the pronoun: 1 yes, 0 no, between for a singular body."""
    if not plural and not r.person:
        return 0.0
    if r.plural != plural:
        # a body named in the singular ('the Convention ... they voted'), only close by
        return 0.3 if plural and not r.person and r.role in ("subj", "obj") and si - r.sent <= 1 else 0.0
    if gender and r.gender and r.gender != gender:
        return 0.0
    return 0.0 if r.member and not plural else 1.0


def _best(d: Document, pron: Token, q: int | None, active: list[Ref],
          key_of: dict[int, int | tuple[str, int]], genders: dict[int, str]) -> int | tuple[str, int] | None:
    low = pron.lower_
    plural = low in PLURAL
    gender = "male" if low in MALE else "female" if low in FEMALE else ""
    si = d.sent_index(pron)
    by_i: dict[int, list[Ref]] = {}
    for r in active:
        by_i.setdefault(r.i, []).append(r)

    def fits(r: Ref) -> float:
        if isinstance(r.key, int) and gender:
            r.gender = genders.get(r.key, "") or r.gender
        return _agrees(r, plural, gender, si) if r.quote == q and si - r.sent <= WINDOW else 0.0

    def ref_at(i: int, member: bool = False) -> Ref | None:
        return next((r for r in by_i.get(i, ()) if r.key not in banned and (
            fits(r) == 1.0 or member and r.member and r.quote == q and not (gender and r.gender not in ("", gender)))), None)

    # binding: 'him', 'them', 'her' (as object) are not the subject of their own verb
    banned = set()
    if pron.dep_ != "poss" and pron.dep_ not in SUBJ:
        verb = pron.head.head if pron.dep_ == "pobj" else pron.head
        subj = _subject(verb) if verb.pos_ in ("VERB", "AUX") else None
        if subj is not None and subj.i in key_of:
            banned.add(key_of[subj.i])
    elif pron.dep_ in SUBJ and low in ("him", "her", "them") and pron.head.head.pos_ in ("VERB", "AUX"):
        subj = _subject(pron.head.head)  # 'Stalin arranged for him to become Chairman'
        if subj is not None and subj.i in key_of:
            banned.add(key_of[subj.i])
    # nor is a pronoun anyone named later in its own clause: 'He told Maria that Stalin was...'
    if pron.dep_ != "poss":
        for t in pron.head.subtree:
            m = d.token_mention.get(t.i) if t.i > pron.i else None
            if m is not None and d.mentions[m].entity is not None:
                banned.add(d.mentions[m].entity)
    # a class weighs its best phrase in each sentence, halved for every sentence back
    per_sent: dict[tuple[int | tuple[str, int], int], float] = {}
    last: dict[int | tuple[str, int], Ref] = {}
    for r in active:
        f = fits(r)
        if f and r.key not in banned:
            k = (r.key, r.sent)
            per_sent[k] = max(per_sent.get(k, 0.0), f * r.weight * 0.5 ** (si - r.sent))
            last[r.key] = r
    scores: dict[int | tuple[str, int], float] = {}
    for (key, _), w in per_sent.items():
        scores[key] = scores.get(key, 0.0) + w
    for key, r in last.items():
        if r.role == _role(pron):
            scores[key] += 35  # parallelism

    def boost(r: Ref | None, w: float) -> bool:
        if r is not None:
            scores[r.key] = scores.get(r.key, 0.0) + w
        return r is not None

    # inside an apposition to a name: 'Washington, the father of his country'
    t = pron.head
    while t.pos_ not in ("VERB", "AUX") and t.dep_ not in ("appos", "ROOT") and t.head is not t:
        t = t.head
    if t.dep_ == "appos" and boost(ref_at(t.head.i), 1000):
        pass
    # 'the Duchess of Portsmouth and her boy', 'Skobeliev and his nakaz'
    elif pron.dep_ == "poss" and pron.head.dep_ == "conj" and boost(ref_at(pron.head.head.i, member=True), 1000):
        pass
    else:
        # the nearest subject above the pronoun that agrees with it
        for v in [pron.head, *pron.head.ancestors] if pron.dep_ not in SUBJ else pron.head.ancestors:
            subj = _subject(v) if v.pos_ in ("VERB", "AUX") else None
            if subj is None or subj.i >= pron.i:
                continue
            if boost(ref_at(subj.i), C_COMMAND):
                break
    if DEBUG is not None:
        DEBUG.append((pron.i, pron.text, {(k if isinstance(k, tuple) else d.entities[k].name): round(v)
                                          for k, v in scores.items()}))
    if not scores:
        return None
    best = max(scores, key=lambda k: (scores[k], last[k].i if k in last else -1))
    return best if isinstance(best, int) else None
