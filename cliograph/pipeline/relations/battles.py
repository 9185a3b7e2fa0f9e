"""Events a text tells of without naming them, and the parties to every event.

Histories name most of their battles, wars, revolts and embassies only by a common noun
with its complements ("a great battle at sea off Gravelines", "war broke out between Venice
and Genoa", "a truce with the Scots") or by a verb ("Normandy revolted"). A careful
reader still counts each as an event that happened and lists who took part, so:

- a common event noun of one of the classes in ``rules/relations.json``
  (``event.noun_classes``: fights, wars, revolts, expeditions, missions, pacts, meetings)
  whose complements name a party or a place becomes an EVENT; its names follow the usual
  forms ("battle off Gravelines", "battle of Gravelines", "war between Venice and Genoa",
  "revolt of Ghent"), so that one event told twice is one entity;
- a verb of revolt on a people or a place ("Normandy had revolted") is "the revolt of Normandy";
- the parties of any event, named or described, are read from its complements ("between
  A and B", "against A", "with A", the doer in "of A" and "A's" for a revolt, an
  expedition or a mission) and from the clause it is the object of ("they made a truce",
  "A waged a war on B", "were defeated in battle").

Every party gets PARTICIPATES; every such event HAPPENED, once, at its place when the
complement names one. Plans, negations and quotations give nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ...model import Factoid
from ...rules import lexicon
from ...rules.words import extractor_words, words
from ..document import Document
from ..quotations import in_quotation
from .base import _demonym, conjuncts, entity_at, factoid
from .base import happened as _real
from .events import PART_WORDS, PLANNED, _denied, _happened, _planned, _sides, name_head
from .frames import frames
from .timing import fact_time

ACTORS = {"PERSON", "FACTION", "BODY", "PLACE"}
GROUPS = {"FACTION", "BODY", "PLACE"}
PLACE_PREPS = {"at", "off", "near", "in", "before", "outside"}

# Confidence = precision measured per rule on the six corpus chapters and the seed
# (bench/evaluate.py --rules-only, 2026-12-07); most errors are events the gold does not name.
CONF = {
    "battles.described.v1": 0.7,  # 41/57: a common event noun with a party or a place
    "battles.party.v1": 0.65,  # 2/3: 'between A and B', 'against A', 'the revolt of A'
    "battles.engaged.v1": 0.6,  # 2/3: the subject of 'made a truce', 'gave a banquet'
    "battles.revolted.v1": 0.4,  # 2/8: 'Normandy had revolted' (peoples the gold leaves unnamed)
}


def _class(n: Token) -> str | None:
    """The event class of a noun ('siege' is a fight), if any."""
    lemma, low = n.lemma_.lower(), n.lower_
    for name, nouns in words().event.noun_classes.items():
        if low in nouns or lemma in nouns:
            return name
    return None


def _party(d: Document, tok: Token, kinds: set[str] = ACTORS) -> int | None:
    """The actor a token names, even inside a longer event name ('the revolt of Ghent'
    is one mention, whose 'Ghent' is still the town)."""
    e = entity_at(d, tok, kinds)
    if e is not None:
        return e
    if tok.pos_ != "PROPN":
        return None
    mi = d.token_mention.get(tok.i)
    if mi is None or d.mentions[mi].entity is None or d.entities[d.mentions[mi].entity].kind != "EVENT":
        return None
    text = d.doc[tok.left_edge.i if tok.left_edge.pos_ == "PROPN" else tok.i : tok.i + 1].text
    for i, ent in enumerate(d.entities):
        if ent.kind in kinds and (ent.name == text or text in ent.aliases):
            return i
    e = _demonym(d, tok)
    return e if e is not None and d.entities[e].kind in kinds else None


def _complements(n: Token, cls: str) -> list[Token]:
    """The prepositions that belong to the event's name, in order: the noun's own of the
    class ('battle off Gravelines'), those on their objects ('at sea off Gravelines between A and
    B'), and the parties its verb names ('war broke out between A and B', 'made a truce
    with A')."""
    allowed = words().event.class_preps.get(cls, frozenset())
    has_obj = lambda c: c.dep_ == "prep" and any(o.dep_ == "pobj" for o in c.children)  # noqa: E731
    out = [c for c in n.children if has_obj(c) and c.i > n.i and c.lower_ in allowed]
    v = n.head
    if v.pos_ in ("VERB", "AUX") and v.i < n.i + 8:
        on_verb = {"between", "for"} & allowed if n.dep_ in ("nsubj", "nsubjpass") else set()
        if n.dep_ == "dobj" and v.lemma_.lower() in words().event.engage_verbs:
            on_verb = {"between", "with", "against", "for", "at", "in", "off", "near"} & allowed
        out += [c for c in v.children if has_obj(c) and c.i > n.i and c.lower_ in on_verb]
    todo = list(out)
    while todo:
        for obj in (x for o in todo.pop().children if o.dep_ == "pobj" for x in conjuncts(o)):
            for c in obj.children:
                if has_obj(c) and c.lower_ in allowed and c not in out:
                    out.append(c)
                    todo.append(c)
    return sorted(out, key=lambda t: t.i)


def _pobjs(prep: Token) -> list[Token]:
    return [x for o in prep.children if o.dep_ == "pobj" for x in conjuncts(o)]


def noun_parties(d: Document, n: Token, cls: str, preps: list[Token]) -> list[tuple[int, str]]:
    """(entity, role) of each party the event's own words name."""
    doer_of = cls in words().event.doer_of_classes
    out: list[tuple[int, str]] = []
    for c in preps:
        p = c.lower_
        if p == "between" or p == "with" and cls in ("war", "pact", "fight"):
            out += [(e, "party") for o in _pobjs(c) if (e := _party(d, o)) is not None]
        elif p == "against" and cls != "expedition" or p == "from" and cls == "revolt":
            # an expedition's target is where it went, not always a side ('against Cyprus');
            # a revolt 'from' a ruler is told of the land ruled
            kinds = GROUPS if p == "from" else ACTORS
            out += [(e, "opponent") for o in _pobjs(c) if (e := _party(d, o, kinds)) is not None]
        elif p in ("of", "by") and doer_of and c.head.i == n.i and (
                p == "by" or n.lemma_.lower() not in words().event.action_of_nouns):
            out += [(e, "party") for o in _pobjs(c) if (e := _party(d, o, GROUPS | {"PERSON"})) is not None]
    # 'his defeat at Waterloo', 'Nelson's victory', 'the Senate's meeting'
    out += [(e, "party") for c in n.children if c.dep_ == "poss"
            if (e := _party(d, c)) is not None]
    return out


def _names(d: Document, n: Token, cls: str, preps: list[Token]) -> list[str]:
    """The names a described event goes by, the usual first: '<noun> <first complement>'
    ('battle off Gravelines', 'war between Venice and Genoa'), then with its adjectives and its
    further complements, and 'battle of <place>' for a fight at a place."""
    noun = n.text.lower() if n.text[:1].isupper() and n.i == n.sent.start else n.text
    mods = [c for c in n.children if c.dep_ in ("amod", "compound") and c.i < n.i and c.is_alpha
            and (c.pos_ in ("ADJ", "NOUN", "PROPN") or c.tag_ == "VBN" and not list(c.children))  # 'drawn'
            and not c.is_stop and c.lower_ not in PLANNED
            and c.lower_ not in PART_WORDS]
    start = min((m.left_edge.i for m in mods), default=n.i)
    modded = d.doc[start:n.i + 1].text if mods else ""
    # ('the revolt of almost the whole of Egypt': the part's 'of' is inside the first phrase)
    preps = [p for p in preps if not (p.lower_ == "of" and p.head.lemma_.lower() in PART_WORDS)]
    phrases = [_phrase(p, preps) for p in preps]
    names: list[str] = []
    if phrases:
        names.append(f"{noun} {phrases[0]}")
        names += [f"{noun} {ph}" for ph in phrases[1:]]
        # 'the secession of the Helots and the Thuriats': also by its first party
        for p in preps[:1]:
            first = next((o for o in p.children if o.dep_ == "pobj"), None)
            if p.lower_ != "between" and first is not None and first.conjuncts:
                names.append(f"{noun} {p.text} {d.doc[first.left_edge.i:first.i + 1].text}")
        if modded:
            names.append(f"{modded} {phrases[0]}")
        for k in range(2, len(phrases) + 1):
            names.append(f"{noun} {' '.join(phrases[:k])}")
            if modded:
                names.append(f"{modded} {' '.join(phrases[:k])}")
    # 'Nelson's decisive victory at sea', 'Nelson's victory'
    for c in n.children:
        if c.dep_ == "poss" and c.pos_ == "PROPN":
            owner = d.doc[c.left_edge.i:c.i + 1].text + "".join(t.text for t in c.children if t.dep_ == "case")
            names += [f"{owner} {noun}"] + [f"{owner} {x}" for x in names if not x.startswith(owner)]
    if cls == "fight":
        sieged = n.lemma_.lower() in words().event.action_of_nouns
        for p in preps:  # ('laid siege to Calais': the siege of Calais)
            if p.lower_ in PLACE_PREPS | {"of"} or p.lower_ == "to" and sieged:
                for o in _pobjs(p):
                    pl = entity_at(d, o, {"PLACE"})
                    if pl is not None and o.pos_ == "PROPN":
                        # a fight is called a battle of its place ('his defeat at Waterloo')
                        head = noun if n.lemma_.lower() in words().event.action_of_nouns else "battle"
                        names += [f"{head} of {o.text}", f"{head} at {o.text}"]
    return list(dict.fromkeys(x for x in names if len(x) <= 80))


STOPS = {",", ";", ":", "(", "--", "—", "–", "which", "who", "where", "when", "that"}


def _phrase(p: Token, preps: list[Token]) -> str:
    """A complement's words, up to the next complement of the name or a comma or relative
    clause ('between the Venetians and Genoese' of '... Genoese about Chioggia')."""
    end = p.right_edge.i + 1
    for q in preps:
        if p.i < q.i < end:
            end = q.i
    toks = [t for t in p.doc[p.i:end]]
    cut = next((k for k, t in enumerate(toks) if k > 1 and t.text in STOPS), len(toks))
    text = p.doc[p.i:p.i + cut].text
    if text.count('"') % 2:
        text += '"'  # 'of the "Feast of Reason,"': the name closes its quotation
    if text.count("“") > text.count("”"):
        text += "”"
    return text


def _place_of(d: Document, preps: list[Token], which: set[str] = PLACE_PREPS) -> int | None:
    """The first place a complement names ('at Lepanto'; after 'of' only a proper name,
    'the siege of Calais', not 'the revolt of the province')."""
    for p in preps:
        if p.lower_ not in which and p.lower_ != "of":
            continue
        for o in _pobjs(p):
            if p.lower_ == "of" and o.pos_ != "PROPN":
                continue
            pl = entity_at(d, o, {"PLACE"})
            if pl is not None:
                return pl
    return None


def _hypothetical(n: Token) -> bool:
    """'hinted at a separate peace', 'a call for a meeting', 'the breaking of the blockade':
    an event wished for, or only the frame of another noun's story."""
    ew = words().event
    prep = n.head if n.dep_ == "pobj" else None
    if prep is not None and prep.lower_ == "for":
        return True
    if prep is not None and prep.lower_ == "of" and prep.head.pos_ == "NOUN":
        return True
    v = _clause_verb(n)
    return v.lemma_.lower() in ew.unreal_heads | lexicon().unreal_heads or v.lemma_.lower() in ew.wish_verbs


def clause_parties(d: Document, n: Token) -> list[tuple[int, str]]:
    """(entity, role) of those the clause makes take part in an event it names by its
    object: 'the English made a truce', 'A waged war on B', 'they were defeated in battle'."""
    ew = words().event
    v, role = n.head, None
    if n.dep_ == "dobj" and v.lemma_.lower() in ew.engage_verbs:
        role = ew.engage_verbs[v.lemma_.lower()]
    elif n.dep_ == "pobj" and v.dep_ == "prep" and v.lower_ in ("in", "into") and \
            v.head.lemma_.lower() in ew.engage_in_verbs:
        v = v.head
        role = ew.engage_in_verbs[v.lemma_.lower()]
    if role is None or v.pos_ not in ("VERB", "AUX") or not _real(v):
        return []
    f = next((f for f in frames(n.sent) if f.verb.i == v.i), None)
    if f is None:
        return []
    doers = f.objects if f.passive else f.subjects
    out = [(e, role) for t in doers if (e := entity_at(d, t, ACTORS)) is not None]
    if n.dep_ == "dobj" and v.lemma_.lower() in extractor_words().event.foe_to_verbs:
        # 'gave battle to seventy Genoese galleys': the other side
        out += [(e, "opponent") for o in f.preps.get("to", []) for x in conjuncts(o)
                if (e := entity_at(d, x, ACTORS) or _force_of(d, x)) is not None]
    return out + _sides(d, v)


def _force_of(d: Document, tok: Token) -> int | None:
    """The people whose ships or troops a force noun names by their adjective ('seventy
    Genoese galleys', 'the Swedish horse'): the people the text names ('the Genoese')."""
    if tok.lemma_.lower() not in extractor_words().passage.force_nouns \
            and tok.lower_ not in extractor_words().passage.force_nouns:
        return None
    for c in tok.children:
        if c.dep_ in ("amod", "compound") and c.text[:1].isupper():
            said = {c.text, f"{c.text}s"}
            found = [i for i, e in enumerate(d.entities) if e.kind in GROUPS and said & {e.name, *e.aliases}]
            if len(found) == 1:
                return found[0]
    return None


def _occurring(n: Token) -> bool:
    """'the procession of the guilds, which was held at Bruges': a relative clause tells
    that the event took place."""
    ew = words().event
    # (the parser may hang the clause on the complement: 'the pageant of the guilds, which')
    heads = [n, *(o for p in n.children if p.dep_ == "prep" and p.lower_ == "of" for o in _pobjs(p))]
    for c in (c for h in heads for c in h.children):
        if c.dep_ != "relcl" or not _real(c):
            continue
        for s in c.children:
            if s.lower_ in ("which", "that") and (
                    s.dep_ == "nsubjpass" and c.lemma_.lower() in ew.occur_passive
                    or s.dep_ == "nsubj" and c.lemma_.lower() in ew.occur_verbs):
                return True
    return False


def _revolts(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Normandy had revolted', 'the Flemings rebelled against France': the revolt of Normandy."""
    ew = words().event
    for f in frames(sent):
        v = f.verb
        noun = ew.revolt_verbs.get(v.lemma_.lower())
        if noun is None or f.passive or in_quotation(d, v) or not _real(v):
            continue
        if v.lemma_.lower() == "rise" and not (
                any(c.dep_ == "prt" and c.lower_ == "up" for c in v.children) or "against" in f.preps):
            continue  # 'rose to speak', 'prices rose'
        for t in f.subjects:
            actor = entity_at(d, t, GROUPS) if t.pos_ == "PROPN" else None  # not 'the allies, who'

            if actor is None:
                continue
            name = f"{noun} of {d.entities[actor].name}"
            ev = d.add_entity(name, "EVENT", t.idx, v.idx + len(v.text), "battles.revolted.v1",
                              same_as=(noun, actor))
            if t.text != d.entities[actor].name and t.pos_ == "PROPN":
                d.add_entity(f"{noun} of {t.text}", "EVENT", t.idx, v.idx + len(v.text),
                             "battles.revolted.v1", same_as=(noun, actor))
            yield from _once(d, si, ev, "battles.revolted.v1", v, None)
            when = fact_time(d, si, [v])
            yield factoid(d, si, "PARTICIPATES", actor, ev, "battles.revolted.v1",
                          CONF["battles.revolted.v1"], when=when, role="revolted")
            for p in ("from", "against"):
                for o in f.preps.get(p, []):
                    other = entity_at(d, o, ACTORS)
                    if other is not None and other != actor:
                        yield factoid(d, si, "PARTICIPATES", other, ev, "battles.revolted.v1",
                                      CONF["battles.revolted.v1"], when=when, role="opponent")


def _once(d: Document, si: int, ev: int, rule: str, v: Token, place: int | None) -> Iterator[Factoid]:
    """HAPPENED for an event the first time the text tells of it."""
    told = d.cache.told_happened
    if ev in told:
        return
    told.add(ev)
    yield _happened(d, si, ev, rule, fact_time(d, si, [v]), place)


def _lengthen(d: Document, n: Token, ev: int, cls: str, preps: list[Token]) -> None:
    """A named event whose mention stops short of its words ('the expedition of the
    Venetians' in 'the great expedition of the Venetians and their allies to Cyprus') is
    also called by its whole phrase, as a reader quoting it would: the names that contain
    the one it has become its aliases."""
    short = d.entities[ev].name
    end = max((p.right_edge for p in preps), key=lambda t: t.i)
    start = min([n.i, *(c.left_edge.i for c in n.children if c.dep_ in ("amod", "compound") and c.i < n.i)])
    whole = d.doc[start:end.i + 1]  # (the words as they run: the parser may hang a party on the noun)
    said = [whole.text] if len(whole) <= 14 and not any(t.text in STOPS for t in whole) else []
    longer = [x for x in dict.fromkeys(_names(d, n, cls, preps) + said) if short in x and x != short]
    if not longer:
        return
    key = ("named", ev)
    d.described.setdefault(key, ev)
    for name in longer:
        d.add_entity(name, "EVENT", d.doc[start].idx, end.idx + len(end.text), "battles.described.v1", same_as=key)


def _clause_verb(n: Token) -> Token:
    t = n
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def battles(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """Described events and the parties of every event in the sentence."""
    yield from _revolts(d, si, sent)
    for n in sent:
        if n.pos_ not in ("NOUN", "PROPN") or in_quotation(d, n):
            continue
        mi = d.token_mention.get(n.i)
        ev = d.mentions[mi].entity if mi is not None else None
        if ev is not None and d.entities[ev].kind != "EVENT":
            continue
        cls = _class(n)
        if cls is None:
            continue
        if ev is not None and d.mentions[mi].tokens != (0, 0) \
                and name_head(d.doc[slice(*d.mentions[mi].tokens)]).i != n.i:
            continue  # a word inside another event's name
        v = _clause_verb(n)
        if _planned(n) or _denied(n) or not _real(v):
            continue
        preps = _complements(n, cls)
        parties = noun_parties(d, n, cls, preps)
        rule = "battles.party.v1"
        if ev is None:
            if n.pos_ != "NOUN":
                continue
            place = _place_of(d, preps)
            target = _place_of(d, preps, PLACE_PREPS | {"to", "against", "upon", "on", "into"})
            hosted = clause_parties(d, n) if cls in words().event.hosted_classes else []
            told = cls in words().event.hosted_classes and _occurring(n)
            if not parties and target is None and not ((hosted or told) and preps) or _hypothetical(n):
                continue
            groups = [e for e, _ in parties if d.entities[e].kind != "PERSON"]
            if n.lemma_.lower() in words().event.figurative_nouns and not groups and target is None \
                    and not any(p.lower_ == "between" for p in preps):
                continue  # 'a campaign against Smith' is politics, not war
            met = n.dep_ == "pobj" and n.head.lower_ == "in" and n.head.head.lemma_.lower() == "meet" \
                and target is not None  # 'delegates met in a convention at Frankfurt'
            if cls == "meeting" and not parties and not hosted and not met:
                continue  # 'their final meeting in the Hall': who met is told elsewhere
            names = _names(d, n, cls, preps)
            if not names:
                continue
            key = ("described", cls, frozenset(e for e, _ in parties), target)
            end = max((p.right_edge for p in preps), key=lambda t: t.i, default=n)
            start = min([n.i, *(c.left_edge.i for c in n.children if c.dep_ in ("amod", "compound") and c.i < n.i)])
            ev = d.add_entity(names[0], "EVENT", d.doc[start].idx, end.idx + len(end.text),
                              "battles.described.v1", same_as=key, tokens=(start, n.i + 1))
            for other in names[1:]:
                d.add_entity(other, "EVENT", d.doc[start].idx, end.idx + len(end.text),
                             "battles.described.v1", same_as=key)
            yield from _once(d, si, ev, "battles.described.v1", v, place)
            rule = "battles.described.v1"
        elif preps:
            _lengthen(d, n, ev, cls, preps)
        # who the clause makes take part in a named event is for ``events.participates``
        engaged = clause_parties(d, n) if rule == "battles.described.v1" else []
        when = fact_time(d, si, [v])
        seen: set[int] = set()
        told = d.cache.event_parties
        for actor, role in [*parties, *engaged]:
            if actor == ev or actor in seen:
                continue
            seen.add(actor)
            told.add((actor, ev))
            r = rule if (actor, role) in parties else "battles.engaged.v1"
            yield factoid(d, si, "PARTICIPATES", actor, ev, r, CONF[r], when=when, role=role)
