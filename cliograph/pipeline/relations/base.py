"""What every relation extractor shares: finding entities in a sentence, checking that
a clause is asserted (not negated or hypothetical), and building a factoid whose
evidence is the sentence and whose time is the sentence's time."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache, wraps

from spacy.tokens import Span, Token

from ...errors import RuleError
from ...model import Factoid, When
from ...rules import lexicon, limits, load_json
from ...rules.words import extractor_words, stance_words
from ..document import Document
from .timing import clause_date, split_interval

Extractor = Callable[[Document, int, Span], Iterator[Factoid]]
TENURES = {"HOLDS_OFFICE", "MEMBER_OF"}  # an interval stated for these is a start and an end

MODALS = {"would", "could", "might", "should", "may", "must", "shall", "ought"}
NEGATORS = {"not", "n't", "never", "no", "neither", "nor", "nothing", "nobody"}
UNREAL_HEADS = lexicon().unreal_heads


def _once_per_token(test: Callable[[Token], bool]) -> Callable[[Token], bool]:
    """Answer a test of a token once per parse: every family of extractors (and the
    learned layer's features) asks it of the same verbs. Kept in the Doc's ``user_data``."""
    key = f"cliograph_{test.__name__}"

    @wraps(test)
    def once(tok: Token) -> bool:
        memo = tok.doc.user_data.setdefault(key, {})
        found = memo.get(tok.i)
        if found is None:
            found = memo[tok.i] = test(tok)
        return found
    return once


@_once_per_token
def asserted(verb: Token) -> bool:
    """False for a negated, modal, conditional or destined clause ("never had a chairman",
    "would have been resolved", "if he were appointed", "he was to be consul")."""
    for c in verb.children:
        if c.dep_ == "neg" or c.lower_ in NEGATORS and c.dep_ in ("advmod", "det", "neg", "preconj"):
            return False
        if c.dep_ == "aux" and c.lower_ in MODALS:
            return False
        if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
            return False
    # 'he was to be consul in the fourth year': a destiny, not yet a fact
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and any(c.lower_ == "to" for c in verb.children):
        return False
    # 'proposed to appoint X', 'tried to make X': the clause is only intended
    head = verb
    while head.dep_ in ("xcomp", "ccomp", "advcl") and head.head.i != head.i:
        if head.dep_ == "ccomp" and head.i < head.head.i and any(
                t.text == ";" for t in head.doc[head.i:head.head.i]):
            break  # 'X wanted a policy; Y wanted an assurance': two clauses the parser nested
        head = head.head
        if head.lemma_.lower() in UNREAL_HEADS:
            return False
        if any(c.dep_ == "neg" for c in head.children):
            return False
    return True


CONDITIONS = ("if", "unless", "lest")
PLAN_AUXILIARIES = ("to", "will", "shall")
HOPE_FORMS = ("hoped", "hopes", "hoping")  # the model lemmatises 'hoped' as 'hop'


def happened(verb: Token) -> bool:
    """The one test every extractor asks of a clause: does it report something that
    happened? Not if it is negated, modal, conditional or only intended (``asserted``);
    nor if a clause up to four steps above it is a condition or 'not yet' ('if they voted
    to abolish the excise', 'the chancellor resolved not yet to dissolve the diet'), a refusal ('declined
    to support the bill') or a hope ('who hoped to end the blockade'); nor if it is a
    plan ('the congress was to be held in May', 'the council will meet')."""
    if not asserted(verb):
        return False
    if any(c.dep_ == "aux" and c.lower_ in PLAN_AUXILIARIES for c in verb.children) and (
            verb.head.lemma_ == "be" or verb.dep_ == "ROOT"):
        return False
    head, hops = verb, 0
    while hops < 4:
        for c in head.children:
            if c.dep_ == "mark" and c.lower_ in CONDITIONS:
                return False
            if c.dep_ == "advmod" and any(g.dep_ == "neg" for g in c.children):
                return False
        if head.dep_ not in ("xcomp", "ccomp", "advcl", "conj") or head.head.i == head.i:
            break
        head, hops = head.head, hops + 1
        if head.lemma_.lower() in stance_words().refusal_verbs or head.lower_ in HOPE_FORMS:
            return False
    return True


def entities_in(d: Document, sent: Span, kinds: set[str] | None = None) -> list[tuple[int, int]]:
    """(mention index, entity index) for the resolved mentions inside a sentence."""
    out = []
    seen = set()
    for i in range(sent.start, sent.end):  # (indices: no Token object is made per word)
        mi = d.token_mention.get(i)
        if mi is None or mi in seen:
            continue
        seen.add(mi)
        m = d.mentions[mi]
        if m.entity is None:
            continue
        if kinds is None or d.entities[m.entity].kind in kinds:
            out.append((mi, m.entity))
    return out


# 'the faction', 'this scheme': a definite description of a kind of thing refers back
DEFINITE_KIND = lexicon().definite_kinds
DEFINITE_WINDOW = limits().sentences_back.definite_description


def definite_reference(d: Document, tok: Token, hops: int = 2) -> int | None:
    """'Stalin co-ordinated the faction' after 'the Leninists', 'to approve his scheme'
    after 'autonomisation': the most recent entity of the kind the noun names, within a
    few sentences, preferring one whose name ends in the same noun; an earlier 'the
    scheme' that refers carries its reference on ('pushed the scheme through')."""
    kind = DEFINITE_KIND.get(tok.lemma_.lower())
    if kind is None or not tok.text.islower() or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that")
            or c.dep_ == "poss" and c.lower_ in ("his", "her", "its", "their") and kind == "POLICY"
            for c in tok.children):
        return None
    first = d.sents[max(0, d.sent_index(tok) - DEFINITE_WINDOW)].start
    fallback = None
    for ti in range(tok.i - 1, first - 1, -1):
        mi = d.token_mention.get(ti)
        if mi is None and hops and d.doc[ti].lemma_ == tok.lemma_ and fallback is None:
            earlier = definite_reference(d, d.doc[ti], hops - 1)
            if earlier is not None:
                return earlier
        if mi is None or d.mentions[mi].entity is None or d.mentions[mi].tokens[1] - 1 != ti:
            continue
        ent = d.mentions[mi].entity
        if d.entities[ent].kind != kind:
            continue
        if d.doc[ti].lemma_.lower() == tok.lemma_.lower():
            return ent
        if fallback is None:
            fallback = ent
    return fallback


def entity_at(d: Document, tok: Token, kinds: set[str] | None = None) -> int | None:
    """The entity a token belongs to (a name, a resolved pronoun or a definite
    description), if of the kinds."""
    e = d.entity_of_token(tok)
    if e is None and tok.lower_ in ("it", "its") and kinds:
        return _it_reference(d, tok, kinds)
    if e is None and tok.tag_ in ("NNPS", "NNP") and tok.text[:1].isupper():
        e = _demonym(d, tok)
    if e is None and tok.pos_ == "NOUN":
        e = definite_reference(d, tok) if tok.lower_ not in LEADERS else _led_group(d, tok)
        e = _sub_body(d, tok) if e is None else e
        e = _kin_reference(d, tok) if e is None else e
    if e is None:
        return None
    if kinds is not None and d.entities[e].kind not in kinds:
        if "PERSON" in kinds and d.entities[e].kind == "OFFICE":
            return _titled(d, tok)
        return None
    return e


LEADERS = extractor_words().reference.leaders
DEMONYM_ENDINGS = ("etans", "ians", "eans", "ans", "ites", "ese", "ns")


def _demonym(d: Document, tok: Token) -> int | None:
    """'the Athenians' act for Athens, 'the Carthaginians' for Carthage: a people's name
    stands for the place the text names whose name it is built on (the stem before
    '-ians', '-ans', '-ites', at least four letters, one place only)."""
    cache = d.cache.demonyms
    word = tok.text
    if word in cache:
        return cache[word]
    found: int | None = None
    for ending in DEMONYM_ENDINGS:
        stem = word[:-len(ending)]
        if not word.endswith(ending) or len(stem) < 4:
            continue
        places = {i for i, e in enumerate(d.entities) if e.kind == "PLACE" and " " not in e.name
                  and e.name.startswith(stem) and len(e.name) - len(stem) <= 3}
        if places:
            found = places.pop() if len(places) == 1 else None
            break
    cache[word] = found
    return found


def _led_group(d: Document, tok: Token) -> int | None:
    """'the Georgian communist leaders', 'the Jacobin leaders': a group its leaders stand
    for, when the text names it ('Georgian communists', 'Jacobins')."""
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i]
    if not mods:
        return None
    words_ = [t.text for t in tok.doc[min(m.i for m in mods):tok.i]]
    wanted = {" ".join([*words_[:-1], words_[-1] + "s"]).casefold(), " ".join(words_).casefold()}
    for i, e in enumerate(d.entities):
        if e.kind in ("FACTION", "BODY") and e.name.casefold() in wanted:
            return i
    return None


def _it_reference(d: Document, tok: Token, kinds: set[str]) -> int | None:
    """'The Jacobin Club ... Robespierre emerged as its leader', 'the Convention created the
    Committee; Robespierre joined it': the nearest entity of the kinds the caller wants,
    named before in this sentence or the one before (not within the subject of its own
    verb: 'newspapers founded by the Soviet ... assailed it')."""
    own_subjects = {t.i for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    first = d.sents[max(0, d.sent_index(tok) - 1)].start
    for ti in range(tok.i - 1, first - 1, -1):
        mi = d.token_mention.get(ti)
        if mi is None or ti in own_subjects:
            continue
        e = d.mentions[mi].entity
        if e is not None and d.entities[e].kind in kinds:
            return e
    return None


def _kin_reference(d: Document, tok: Token) -> int | None:
    """'Her father died in January 1820' after 'the only child of Prince Edward': a
    relative the text has already named."""
    role = lexicon().kin_roles.get(tok.lower_)
    owners = [c for c in tok.children if c.dep_ == "poss"]
    if role is None or len(owners) != 1:
        return None
    owner_ = d.entity_of_token(owners[0])
    if owner_ is None:
        return None
    named = {f.subject for f in d.factoids if f.type == "KIN" and f.object == owner_ and f.role == role}
    return named.pop() if len(named) == 1 else None


def _sub_body(d: Document, tok: Token) -> int | None:
    """'a commission of the Party Orgburo' is the 'Orgburo commission' the text names
    elsewhere ('a committee of the Senate', the 'Senate committee')."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for o in c.children:
                whole = d.entity_of_token(o) if o.dep_ == "pobj" else None
                if whole is None or d.entities[whole].kind != "BODY":
                    continue
                wanted = f"{d.entities[whole].name.split()[-1]} {tok.lower_}".casefold()
                for i, e in enumerate(d.entities):
                    if e.kind == "BODY" and e.name.casefold().endswith(wanted):
                        return i
    return None


def _titled(d: Document, tok: Token) -> int | None:
    """The person a title names when the parser made the title the head: 'was the
    People’s Commissar for Foreign Trade Lev Krasin'."""
    m = d.mention_of_token(tok)
    if m is None or m.tokens[1] >= len(d.doc):
        return None
    e = d.entity_of_token(d.doc[m.tokens[1]])
    return e if e is not None and d.entities[e].kind == "PERSON" else None


Resolver = Callable[[Document, Token], int | None]


def owner(d: Document, noun: Token, resolve: Resolver) -> int | None:
    """Whose the noun is: its possessor ('Stalin’s attempt', 'his illness'), else the
    object of its 'of' ('the expulsion of Tomski'), as ``resolve`` reads that token."""
    for c in noun.children:
        if c.dep_ == "poss":
            return resolve(d, c)
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for o in c.children:
                if o.dep_ == "pobj":
                    return resolve(d, o)
    return None


def conjuncts(tok: Token) -> list[Token]:
    """A token and the tokens coordinated with it ('Molotov and Kuibyshev')."""
    return [tok, *tok.conjuncts]


@lru_cache(maxsize=1)
def calibrated() -> dict[str, float]:
    """Measured precision per rule (``bench/evaluate.py --calibrate``), if any."""
    try:
        data = load_json("confidence.json")
    except RuleError:
        return {}
    if not isinstance(data, dict) or not all(isinstance(v, int | float) and 0 <= v <= 1 for v in data.values()):
        raise RuleError("rule file cliograph/rules/confidence.json: values must be numbers from 0 to 1")
    return data


def factoid(d: Document, sent_index: int, type_: str, subject: int, obj: int | None,
            extractor: str, confidence: float, when: When | None = None,
            **fields: object) -> Factoid:
    """A factoid with the sentence as evidence and, unless given, the date of the clause
    that names its entities, else the sentence's time."""
    sent = d.sents[sent_index]
    if when is None:
        when = clause_date(d, sent_index, [subject] if obj is None else [subject, obj])
    if when is None and d.sentence_time:
        when = d.sentence_time[sent_index]
    confidence = calibrated().get(extractor, confidence)
    if type_ in TENURES and when is not None and not when.inferred and "/" in when.value \
            and "start_time" not in fields and "end_time" not in fields:
        # 'served as Secretary of the Treasury from 1789 to 1795': a tenure's start and end
        fields["start_time"], fields["end_time"] = split_interval(when)
        when = None
    return Factoid(type=type_, subject=subject, object=obj, start=sent.start_char,
                   end=sent.end_char, extractor=extractor, confidence=confidence,
                   when=when, **fields)  # type: ignore[arg-type]
