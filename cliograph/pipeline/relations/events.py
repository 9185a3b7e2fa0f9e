"""HAPPENED, PARTICIPATES and DECIDES: events, who took part in them, what was decided.

HAPPENED      an event named with its date or place ("the Eleventh Party Congress in
              March–April 1922" -> start 1922-03, end 1922-04; "the Anglo-Soviet Treaty of
              March 1921"), an event that occurs ("the rising broke out", "the Congress,
              starting on 8 March", "the treaty was signed at Rapallo in April 1922"), or
              one that somebody starts ("the garrison had started a mutiny").
PARTICIPATES  an actor (person, faction, body, polity) in an event: as what a verb of
              taking part does to it ("Trotski led the offensive", "took part in the war",
              "spoke at the Congress"), as somebody doing something at it ("at the
              Congress X won the debate"), or by a role noun ("the leader of the revolt").
DECIDES       a body or a congress deciding a policy or an event ("the Politburo decided on
              X", "the Congress approved the NEP", "X was adopted by the Convention").

The date is the one the event's words govern, else the nearest in the sentence, else
the sentence's narrative time (inferred). A span ("March–April 1922") gives start and
end. Negated and hypothetical clauses give nothing, nor do a quotation's words.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from ...model import Factoid, When
from ...rules import lexicon, limits
from ...rules.words import extractor_words, words
from ..document import Document
from ..quotations import in_quotation
from ..timeline import clause_verb
from .base import NEGATORS, asserted, conjuncts, entities_in, entity_at, factoid
from .base import happened as _real
from .frames import agents, frames, subject_tokens
from .timing import fact_time, split_interval, stated_date

ACTORS = {"PERSON", "FACTION", "BODY", "PLACE"}
EVENT = {"EVENT"}
PLACE = {"PLACE"}
TOWNS = {"PLACE", "BODY"}
SIEGED = {"PLACE", "BODY", "PERSON"}  # 'laid siege to Sestos': only a place is besieged
DECIDERS = {"BODY", "EVENT"}
DECIDED = {"POLICY", "EVENT"}
DATE_LINKS = {"in", "of", "on", "during", "from", ",", "(", "–", "-", "since", "at"}
CO_TEMPORAL = {"at", "during", "in", "on", "throughout", "amid", "amidst"}
PLANNED = extractor_words().event.planned
PART_WORDS = extractor_words().event.part_words
IDLE_VERBS = extractor_words().event.idle_verbs

# Confidence = precision measured per rule on the seed gold (with-lenin.txt, scored with
# shared/tools/score.py) and on a reading of the corpus texts' facts; rules with few
# cases are set below their measured value.
CONF = {
    "events.dated_mention.v1": 0.85,  # seed 6/6 ('the Brest-Litovsk dispute in 1918')
    "events.occurred.v1": 0.75,  # seed 1/1 ('The Party Congress, starting on 8 March'); corpus 1/1
    "events.started.v1": 0.7,  # seed 0/0 (no EVENT entity for 'a mutiny'); tests only
    "events.acted.v1": 0.7,  # seed 1/1 ('The revolt ... brought'); corpus 3/3, no dates
    "events.took_part.v1": 0.75,  # seed 3/3 ('spent most of the Civil War'); corpus 1/1
    "events.at_event.v1": 0.6,  # seed 1/1; corpus 0/1 before 'during' and councils were dropped
    "events.role_noun.v1": 0.65,  # seed 0/0; tests only
    "events.decided.v1": 0.75,  # seed 0/0 (no POLICY object in the seed's decisions); tests
    "events.decided_passive.v1": 0.6,  # seed 1/1 ('NEP ... was approved' after the Congress)
    "events.described.v1": 0.6,  # seed: a stroke, an attempt on a life, talks, a rising
    "events.armed_action.v1": 0.6,  # corpus: sieges and captures of towns
    "events.took_place.v1": 0.6,  # an event somebody took part in
    "events.placed_mention.v1": 0.65,  # 'the Congress in Vienna'
    "events.bare_siege.v1": 0.6,  # 'landed and commenced a siege' after a battle off a town
    "events.instigated.v1": 0.6,  # 'caused a revolt of Sicily from the Angevins'
    "events.secession.v1": 0.6,  # 'Rhodes left the confederacy'
    "events.delegation.v1": 0.6,  # 'Virginia sent Madison and Mason' to the congress just named
    "events.personal.v1": 0.6,  # 'his accession', 'the exile of X': the person's own event
    "events.war_service.v1": 0.6,  # 'served in the Navy during the war', 'saw service in the Boer War'
    "events.performed_at.v1": 0.6,  # 'the entry in the Song Contest 1962, performed by X'
    "events.assault_on_event.v1": 0.6,  # 'led the offensive on Kronstadt' after the Kronstadt mutiny
    "events.harangue.v1": 0.6,  # 'addressed the people', 'harangued the troops': a speech
    "events.oath.v1": 0.6,  # 'X administered the oath of office'; 1 case in the corpus
    "events.narrated.v1": 0.6,  # an event a passage narrates and never says happened
    "events.share.v1": 0.6,  # 'his complicity in the plot'; tests only, 1 case in the corpus
}


def _first(*xs: int | None) -> int | None:
    """The first that is not None (entity index 0 is a real entity)."""
    return next((x for x in xs if x is not None), None)


def _mention_roots(
    d: Document, sent: Span, kinds: set[str]
) -> list[tuple[Token, int, tuple[int, int]]]:
    """(root token, entity, token span) of each mention of the kinds in the sentence."""
    return [(name_head(d.doc[slice(*d.mentions[mi].tokens)]), ent, d.mentions[mi].tokens)
            for mi, ent in entities_in(d, sent, kinds)]


def name_head(span: Span) -> Token:
    """The noun a name is built on. The parser may hang a name's complement on the verb
    ('defeated them in battle at Crécy': 'at' on 'defeated'), which makes the
    preposition the span's root; the name's own noun is what the clause is about."""
    root = span.root
    if root.pos_ in ("NOUN", "PROPN"):
        return root
    tops = [t for t in span if (t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i)
            and t.pos_ in ("NOUN", "PROPN")]
    return tops[0] if tops else root


def _session(d: Document, e: int) -> bool:
    """A body whose name is a meeting ('Party Congress', 'Central Committee plenum')."""
    ent = d.entities[e]
    words_ = ent.name.lower().replace("’", "'").split()
    head = words_[:words_.index("of")] if "of" in words_ else words_  # 'Congress of Soviets'
    return bool(head) and head[-1] in words().event.session_heads


def _event_at(d: Document, tok: Token, allow_session: bool = True) -> int | None:
    e = entity_at(d, tok, EVENT)
    if e is not None:
        return e
    if allow_session:
        b = entity_at(d, tok, {"BODY"})
        if b is not None and _session(d, b):
            return b
    return None


def _denied(n: Token) -> bool:
    """'there was no opening of the Congress': a 'no' on a noun between it and its verb."""
    if any(c.dep_ == "relcl" and not asserted(c) for c in n.children):
        return True  # 'a battle of Blenheim that never took place'
    t = n
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        if any(c.dep_ in ("det", "neg") and c.lower_ in NEGATORS for c in t.children):
            return True
        t = t.head
    return False


def _planned(n: Token) -> bool:
    return any(c.dep_ in ("amod", "compound") and c.lower_ in PLANNED for c in n.children)


def _adjacent_date(d: Document, si: int, span: tuple[int, int], root: Token) -> When | None:
    """A date right after the event's name ('the Congress in March–April 1922', 'the
    Treaty of March 1921') or hanging on its head word."""
    if not d.sentence_dates or si >= len(d.sentence_dates):
        return None
    s, e = span
    for dsp, w in d.sentence_dates[si]:
        r = dsp.root
        link = r.head if r.head.dep_ == "prep" and r.head.lower_ in DATE_LINKS else None
        if link is not None and link.head.i == root.i:
            return w  # 'the Anglo-Soviet Treaty of March 1921'
        gap = [t for t in d.doc[e : dsp.start]]
        if not (
            dsp.start >= e
            and len(gap) <= 2
            and all(t.lower_ in DATE_LINKS or t.lower_ == "the" for t in gap)
        ):
            continue
        # 'canvassed at the Eleventh Party Congress in March–April 1922': the date hangs on
        # the verb, which happened at (not after or before) the event
        gov = root.head if root.dep_ == "pobj" else None
        if (
            gov is not None
            and gov.lower_ in CO_TEMPORAL
            and (link is None or link.head.i in {gov.head.i, gov.head.head.i})
        ):
            return w  # (also 'when X was discussed at the plenum, on 3 April, ...')
        if root.dep_ in ("nsubj", "nsubjpass", "dobj") and (
            link is None or link.head.i == root.head.i
        ):
            return w
    return None


def _place(d: Document, *toks: Token) -> int | None:
    for tok in toks:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "outside", "off"):
                for o in c.children:
                    if o.dep_ == "pobj":
                        p = entity_at(d, o, PLACE)
                        if p is not None:
                            return p
    return None


def _place_in_name(d: Document, span: tuple[int, int]) -> int | None:
    """'the revolt of the Tambov province peasantry': a place named inside the event's name
    is not a separate mention, so only a PLACE entity whose name is in it counts."""
    text = d.doc[span[0] : span[1]].text
    best = None
    for ei, ent in enumerate(d.entities):
        if ent.kind == "PLACE" and len(ent.name) > 3 and f" {ent.name} " in f" {text} ":
            if best is None or len(ent.name) > len(d.entities[best].name):
                best = ei
    return best


SUFFERED = extractor_words().event.suffered  # in a passive, what the subject underwent
ENGAGED = extractor_words().event.engaged  # in a passive, the subject took part ('was engaged in')
ENDING = extractor_words().event.ending


def _fought_at(d: Document, ev: int) -> bool:
    """'the battle of Pharsalus', 'the siege of Tyre': a fight the text names by where it
    was fought has happened, even when that place is named nowhere else."""
    words_ = d.entities[ev].name.split()
    return len(words_) >= 3 and words_[0].lower() in words().event.fight_heads \
        and words_[1] in ("of", "at", "off") and words_[2][:1].isupper()


def _happened(
    d: Document, si: int, ev: int, rule: str, when: When | None, place: int | None, ended: bool = False
) -> Factoid:
    """``ended``: the date is the event's end ('the Peace ended the Thirty Years War in 1648')."""
    start, end = (None, when) if ended and when is not None and "/" not in when.value else split_interval(when)
    f = factoid(d, si, "HAPPENED", ev, None, rule, CONF.get(rule, 0.6), when=None, place=place)
    return replace(f, when=None, start_time=start, end_time=end)


def _described_name(d: Document, n: Token, v: Token) -> tuple[int, int, str] | None:
    """Token span and name of an event the text describes instead of naming: its
    modifiers and complement ('a massive stroke', 'an armed rising against the German
    government', 'the attempt on his life'), else the place-like name modifying who
    started it ('the Kronstadt naval garrison had started a mutiny' -> 'Kronstadt mutiny')."""
    ew, lex = words().event, lexicon()
    low = n.lower_
    preps = [c for c in n.children if c.dep_ == "prep" and c.lower_ in
             (ew.complement_heads.get(low) or ew.complement_preps)]
    if low in ew.complement_heads and not preps:
        return None
    if low not in ew.complement_heads and low not in lex.event_heads:
        return None
    mods = [c for c in n.children if c.dep_ in ("amod", "compound") and c.i < n.i and c.is_alpha
            and not c.is_stop and c.lower_ not in PLANNED and c.lower_ not in PART_WORDS]
    start = min([m.left_edge.i for m in mods], default=n.i)
    end = max([p.right_edge.i + 1 for p in preps], default=n.i + 1)
    if mods or preps:
        if low in lex.event_need_modifier and not (preps or any(m.dep_ == "amod" for m in mods)):
            return None
        return start, end, d.doc[start:end].text
    # 'the Kronstadt naval garrison had started a mutiny'
    for subj in (c for c in v.children if c.dep_ == "nsubj"):
        proper = [c for c in subj.children if c.dep_ in ("nmod", "compound", "amod") and c.pos_ == "PROPN"]
        if proper and n.dep_ == "dobj":
            return n.i, n.i + 1, f"{proper[0].text} {n.text}"
    return None


def described_events(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """Events introduced by description become entities, with HAPPENED when the sentence
    dates or places them: 'On 25 May 1922 he suffered a massive stroke', 'the attempt on
    his life in August 1918', 'Talks among the European powers had been convened at
    Genoa'; undated when somebody took part in them ('the conspiracy against Caesar')."""
    ew = words().event
    for n in sent:
        nominal = n.pos_ == "NOUN" or n.tag_ == "VBG" and n.dep_ in ("dobj", "nsubjpass", "pobj")  # 'a rising'
        if not nominal or d.token_mention.get(n.i) is not None or in_quotation(d, n) or _planned(n):
            continue
        v = n.head
        introduced = (n.dep_ == "dobj" and v.lemma_.lower() in ew.described_object_verbs
                      or n.dep_ == "nsubjpass" and v.lemma_.lower() in ew.occur_passive
                      or n.dep_ == "pobj")
        if not introduced or not _real(v if n.dep_ != "pobj" else v.head):
            continue
        if any(c.lower_ == "the" for c in n.children) and n.dep_ != "pobj":
            continue  # 'the mutiny': one already told of
        described = _described_name(d, n, v)
        if described is None:
            continue
        s, e, name = described
        when = stated_date(d, si, [n] if n.dep_ == "pobj" else [n, v], only_governed=n.dep_ == "pobj")
        place = _place(d, n) or (_place(d, v) if n.dep_ != "pobj" else None)
        if when is None and place is None and not _taken_part_in(n):
            continue
        toks = d.doc[s:e]
        ev = d.add_entity(name, "EVENT", toks.start_char, toks.end_char, "events.described.v1", tokens=(s, e))
        if n.dep_ == "pobj" and any(c.dep_ == "det" and c.lower_ == "the" for c in n.children) \
                and name != n.text:
            # 'engaged in the plot with Catesby': the text calls it 'the conspiracy'
            d.described.setdefault(("described", ev), ev)
            d.add_entity(f"the {n.text}", "EVENT", toks.start_char, toks.end_char, "events.described.v1",
                         same_as=("described", ev))
        if when is not None or place is not None:
            yield _happened(d, si, ev, "events.described.v1", when or fact_time(d, si, [v]), place)


def personal_events(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """What befalls one person, said to be his, is an event he takes part in: 'the news of
    his accession', 'during her exile', 'she had shared the exile of the Stuart court' (the
    sharer then takes part too, through ``participates``). Every mention of the same noun
    for the same person is one event; an occurrence ('accession', 'coronation') happened,
    a state ('exile') only lasted. A person's illness the text has already made an event
    of ('suffered a massive stroke') is that event."""
    ew = words().event
    xw = extractor_words().event
    nouns = ew.personal_occurrences | ew.personal_states | xw.personal_experiences | xw.personal_proceedings
    for n in sent:
        low = n.lower_
        if low not in nouns or n.pos_ != "NOUN" or d.token_mention.get(n.i) is not None \
                or in_quotation(d, n) or _planned(n) or not _real(clause_verb(n)):
            continue
        poss = next((c for c in n.children if c.dep_ == "poss"), None)
        of = next((o for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
                   for o in c.children if o.dep_ == "pobj"), None)
        holder = poss if poss is not None else of
        if holder is not None and holder.lower_ == "their":
            continue  # 'their long banishment': several people's, not one person's
        person = entity_at(d, holder, {"PERSON"}) if holder is not None else None
        if person is None:
            continue
        start = min([c.left_edge.i for c in n.children if c.dep_ in ("poss", "det", "amod")], default=n.i)
        end = of.right_edge.i + 1 if poss is None else n.i + 1
        span = d.doc[start:end]
        key = (f"personal:{n.lemma_.lower()}", person)
        earlier = own_illness(d, person) if low == "illness" else None
        if earlier is not None:
            d.described.setdefault(key, earlier)
        if low in xw.personal_proceedings and poss is not None and poss.pos_ == "PRON" and key not in d.described:
            # ('his recall': the recall of the one it stands for, as a reader names it)
            d.add_entity(f"{low} of {d.entities[person].name}", "EVENT", span.start_char, span.end_char,
                         "events.personal.v1", same_as=key)
        ev = d.add_entity(span.text, "EVENT", span.start_char, span.end_char, "events.personal.v1",
                          same_as=key, tokens=(start, end))
        if earlier is not None:
            continue  # a new name for an illness the HEALTH facts already tell of
        yield factoid(d, si, "PARTICIPATES", person, ev, "events.personal.v1", CONF["events.personal.v1"],
                      role=n.lemma_.lower())
        cv = clause_verb(n)
        if low in ew.personal_states:
            d.cache.told_happened.add(ev)  # a state lasted: no moment at which it happened
        elif cv.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in cv.children):
            continue  # 'the trial of X was coming on': still ahead
        elif ev not in d.cache.told_happened:
            d.cache.told_happened.add(ev)
            yield _happened(d, si, ev, "events.personal.v1",
                            stated_date(d, si, [n], only_governed=True) or fact_time(d, si, [n]), None)


def proceedings(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'The Whigs recalled Peterborough', 'the Commons impeached Danby': a proceeding
    against one person is his own event ('recall of Peterborough', which 'his recall'
    later joins), which happened and which both he and those who took it took part in."""
    verbs = extractor_words().event.proceeding_verbs
    rule = "events.personal.v1"
    for f in frames(sent):
        v = f.verb
        noun = verbs.get(v.lemma_.lower())
        if noun is None or in_quotation(d, v) or not _real(v):
            continue
        objects = f.subjects if f.passive else [o for o in f.objects if o.dep_ == "dobj"]
        doers = f.objects if f.passive else f.subjects
        for o in objects:
            person = entity_at(d, o, {"PERSON"})
            if person is None:
                continue
            key = (f"personal:{noun}", person)
            ev = d.add_entity(f"{noun} of {d.entities[person].name}", "EVENT", v.idx, o.idx + len(o.text),
                              rule, same_as=key)
            when = fact_time(d, si, [v])
            if ev not in d.cache.told_happened:
                d.cache.told_happened.add(ev)
                yield _happened(d, si, ev, rule, when, None)
            yield factoid(d, si, "PARTICIPATES", person, ev, rule, CONF[rule], when=when, role=noun)
            for t in doers:
                actor = entity_at(d, t, ACTORS)
                if actor is not None and actor != person:
                    yield factoid(d, si, "PARTICIPATES", actor, ev, rule, CONF[rule], when=when,
                                  role=v.lemma_.lower() + "ed")


def oaths(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Chancellor Kent administered the oath of office to X', 'the barons took the oath of
    allegiance': a swearing is an event named by its oath, which happened, and which the
    one who administered it and those who swore took part in."""
    xw = extractor_words().event
    rule = "events.oath.v1"
    for f in frames(sent):
        v = f.verb
        role = xw.oath_verbs.get(v.lemma_.lower())
        if role is None or f.passive or in_quotation(d, v) or not _real(v):
            continue
        for o in f.objects:
            of = [c for c in o.children if c.dep_ == "prep" and c.lower_ == "of"]
            if o.lemma_.lower() not in xw.oath_nouns or not of or _planned(o):
                continue
            end = of[0].right_edge
            ev = d.add_entity(d.doc[o.i:end.i + 1].text, "EVENT", o.idx, end.idx + len(end.text), rule,
                              tokens=(o.i, end.i + 1))
            when = fact_time(d, si, [v])
            if ev not in d.cache.told_happened:
                d.cache.told_happened.add(ev)
                yield _happened(d, si, ev, rule, when, _place(d, v))
            sworn = [(t, "took the oath") for t in f.preps.get("to", [])]
            for t, r in [(t, role) for t in f.subjects] + sworn:
                actor = entity_at(d, t, {"PERSON", "BODY", "FACTION"})
                if actor is not None and actor != ev:
                    d.cache.event_parties.add((actor, ev))
                    yield factoid(d, si, "PARTICIPATES", actor, ev, rule, CONF[rule], when=when, role=r)


def harangues(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Brutus came down and addressed the people', 'the consul harangued the troops': a
    speech to a gathered audience is an event the text does not name, 'the address to the
    people' (also 'the speech of X'), which happened and which the speaker took part in."""
    xw = extractor_words().event
    rule = "events.harangue.v1"
    for f in frames(sent):
        v = f.verb
        if f.passive or v.lemma_.lower() not in xw.harangue_verbs or in_quotation(d, v) or not _real(v):
            continue
        audience = [o for o in f.objects if o.dep_ == "dobj" and o.pos_ == "NOUN"
                    and (o.lemma_.lower() in xw.audience_nouns or o.lower_ in xw.audience_nouns)]
        speakers = [e for t in f.subjects if (e := entity_at(d, t, {"PERSON"})) is not None]
        if not audience or not speakers:
            continue
        o = audience[0]
        for person in speakers:
            name = d.entities[person].name
            ev = d.add_entity(f"address to the {o.text}", "EVENT", v.idx, o.idx + len(o.text), rule,
                              same_as=("harangue", person))
            d.add_entity(f"speech of {name}", "EVENT", v.idx, o.idx + len(o.text), rule, same_as=("harangue", person))
            when = fact_time(d, si, [v])
            if ev not in d.cache.told_happened:
                d.cache.told_happened.add(ev)
                yield _happened(d, si, ev, rule, when, None)
            yield factoid(d, si, "PARTICIPATES", person, ev, rule, CONF[rule], when=when, role="speaker")


ASSAULT_WINDOW = limits().sentences_back.assaulted_event  # back to the event an assault is part of


def assault_on_event(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Trotski led the military offensive on Kronstadt' after 'the Kronstadt mutiny': who
    leads or makes an armed action on the place an event just told is named after takes
    part in that event ('Grant led the assault on Vicksburg' in a passage on the siege of
    Vicksburg)."""
    ew = words().event
    for n in sent:
        if n.lemma_.lower() not in ew.assault_nouns or n.dep_ != "dobj" or in_quotation(d, n) \
                or not _real(n.head):
            continue
        targets = [o for c in [*n.children, *n.head.children]  # (the parser may hang 'on X' on the verb)
                   if c.dep_ == "prep" and c.lower_ in ("on", "upon", "against")
                   for o in c.children if o.dep_ == "pobj" and o.tag_ == "NNP"]
        ev = next((e for o in targets if (e := _event_named_after(d, si, o.text)) is not None), None)
        if ev is None:
            continue
        for actor in _actors(d, n.head):
            if actor != ev and (actor, ev) not in d.cache.event_parties:
                yield factoid(d, si, "PARTICIPATES", actor, ev, "events.assault_on_event.v1",
                              CONF["events.assault_on_event.v1"], when=fact_time(d, si, [n.head]),
                              role=f"{n.head.text} the {n.text}")


def _event_named_after(d: Document, si: int, place: str) -> int | None:
    """The event named after a place ('Kronstadt mutiny', 'siege of Vicksburg') whose name
    the text used within ``ASSAULT_WINDOW`` sentences before."""
    floor = d.sents[max(0, si - ASSAULT_WINDOW)].start_char
    here = d.sents[si].start_char
    for m in reversed(d.mentions):
        if m.entity is None or not floor <= m.start < here:
            continue
        e = d.entities[m.entity]
        if e.kind == "EVENT" and place in e.name.replace("’", " ").split():
            return m.entity
    return None


def own_illness(d: Document, person: int) -> int | None:
    """The event the text made of a person's illness before ('a massive stroke'): an
    EVENT the person has a HEALTH fact about, named by the condition."""
    conditions = {c.strip() for f in d.factoids if f.type == "HEALTH" and f.subject == person
                  and f.condition for c in f.condition.split(";")}
    return next((i for i, e in enumerate(d.entities) if e.kind == "EVENT" and e.name in conditions), None)


def _taken_part_in(n: Token) -> bool:
    """'took part in the conspiracy against Caesar': the participation makes it an event
    (``participates`` then says who took part)."""
    prep = n.head
    if n.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    return prep.head.lemma_.lower() in words().event.participate_preps.get(prep.lower_, ())


def happened(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    ew = words().event
    yield from described_events(d, si, sent)
    yield from proceedings(d, si, sent)
    yield from personal_events(d, si, sent)
    for n, ev, span in _mention_roots(d, sent, {"EVENT", "BODY"}):
        if in_quotation(d, n) or _planned(n):
            continue
        session_body = d.entities[ev].kind == "BODY"
        if session_body and not _session(d, ev):
            continue
        # 'the Eleventh Party Congress in March–April 1922'
        w = _adjacent_date(d, si, span, n)
        if w is not None and not session_body:
            ended = n.dep_ == "dobj" and n.head.lemma_.lower() in ENDING
            yield _happened(d, si, ev, "events.dated_mention.v1", w, _place(d, n), ended=ended)
            continue
        # 'the opening of the Congress in Vienna': an event named with its place; 'the
        # battle of Tanagra' names its own (once per event)
        place = _place(d, n)
        named_at = None
        if place is None and not session_body and ev not in d.cache.told_happened:
            named_at = _place_in_name(d, span)
        fought = named_at is None and place is None and not session_body \
            and ev not in d.cache.told_happened and _fought_at(d, ev)
        if (place is not None or named_at is not None or fought) and not session_body and _real(clause_verb(n)) \
                and not _denied(n):
            d.cache.told_happened.add(ev)
            yield _happened(d, si, ev, "events.placed_mention.v1", fact_time(d, si, [n]),
                            _first(place, named_at))
            continue
        v = n.head
        # 'the rising broke out', 'the treaty was signed at Rapallo in April 1922', 'the
        # pageant, which was performed at the opening', 'the Charter was sealed and signed'
        rel = next((c for c in n.children if c.dep_ == "relcl" and any(
            s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in ("which", "that") for s in c.children)), None)
        if rel is not None and n.dep_ not in ("nsubj", "nsubjpass"):
            occ, dep = rel, next(s.dep_ for s in rel.children if s.dep_ in ("nsubj", "nsubjpass"))
        else:
            occ, dep = v, n.dep_
        verbs = [occ] + ([c for c in occ.children if c.dep_ == "conj" and c.pos_ == "VERB"]
                         if dep == "nsubjpass" else [])
        if (
            dep == "nsubj"
            and occ.lemma_.lower() in ew.occur_verbs
            or dep == "nsubjpass"
            and any(x.lemma_.lower() in ew.occur_passive for x in verbs)
        ) and _real(occ):
            w = stated_date(d, si, [occ])
            if w is None and session_body:
                continue
            yield _happened(
                d, si, ev, "events.occurred.v1", w or fact_time(d, si, [occ]), _place(d, occ, n)
            )
            continue
        # 'The revolt of the Tambov peasantry ... brought the Politburo to its senses':
        # an event that acts has happened (its date only when the sentence states one)
        if (
            n.dep_ == "nsubj"
            and v.pos_ == "VERB"
            and v.tag_ in ("VBD", "VBN")
            and not session_body
            and v.lemma_.lower() not in ew.occur_verbs
            and _real(v)
            and v.dep_ in ("ROOT", "conj")
        ):
            yield _happened(
                d,
                si,
                ev,
                "events.acted.v1",
                stated_date(d, si, [v], only_governed=True),
                _first(_place(d, v, n), _place_in_name(d, span)),
            )
            continue
        # 'the garrison had started a mutiny', 'they convened a conference'
        if (
            n.dep_ == "dobj"
            and v.lemma_.lower() in ew.start_object_verbs
            and _real(v)
            and not session_body
        ):
            yield _happened(d, si, ev, "events.started.v1", fact_time(d, si, [v]), _place(d, v, n))
            continue
        # 'The Party Congress, starting on 8 March, ...'
        for c in [*n.children, *(v.children if n.dep_ in ("nsubj", "nsubjpass") else [])]:
            if (
                c.dep_ in ("acl", "advcl")
                and c.tag_ in ("VBG", "VBN")
                and (c.lemma_.lower() in ew.occur_verbs or c.lemma_.lower() in ew.occur_passive)
            ):
                w = stated_date(d, si, [c], only_governed=True)
                if w is not None:
                    yield _happened(d, si, ev, "events.occurred.v1", w, _place(d, c, n))
                    break


# --------------------------------------------------------------------------- PARTICIPATES


def _actors(d: Document, v: Token) -> list[int]:
    """Subjects of a verb (and their conjuncts), climbing from an infinitive or a
    participle to the clause that has one ('managed to stir the Congress'); the agent
    of a passive ('the function discharged by Sverdlov in the dispute')."""
    if any(c.dep_ == "agent" for c in v.children):
        return [e for x in agents(v) if (e := entity_at(d, x, ACTORS)) is not None]
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children):
        if v.lemma_.lower() in SUFFERED | ENGAGED:  # 'Nelson was killed at the Battle of Trafalgar'
            return [e for c in v.children if c.dep_ == "nsubjpass" for x in conjuncts(c)
                    if (e := entity_at(d, x, ACTORS)) is not None]
        return []  # a passive without its agent names no actor
    subjects = subject_tokens(v, ("nsubj",), verbal_heads=True)
    found = [entity_at(d, t, ACTORS) for t in subjects] + [e for t in subjects for e in _sent_from(d, t)]
    return list(dict.fromkeys(e for e in found if e is not None))


def _sent_from(d: Document, t: Token) -> list[int]:
    """The lands whose men a common noun of allies or troops names by where they came from:
    'the allies from Kent and Essex' took part as Kent and Essex did."""
    xw = extractor_words()
    if t.pos_ != "NOUN" or t.lower_ not in xw.event.ally_nouns and t.lower_ not in xw.passage.force_nouns:
        return []
    return [e for c in t.children if c.dep_ == "prep" and c.lower_ == "from"
            for o in c.children if o.dep_ == "pobj" for x in conjuncts(o)
            if x.pos_ == "PROPN" and (e := entity_at(d, x, ACTORS)) is not None]


def _role(v: Token, prep: str | None = None) -> str:
    ew = words().event
    word = ew.participate.get(v.lemma_.lower(), v.text)
    prt = " ".join(c.text for c in v.children if c.dep_ == "prt")
    role = f"{word} {prt}".strip()
    if prep and not role.endswith(prep):
        role = f"{role} {prep}"
    for c in v.children:  # 'spent the war as a political commissar'
        if c.dep_ == "prep" and c.lower_ == "as":
            obj = [t for t in c.subtree if t.dep_ not in ("det",) and t.i != c.i]
            if 0 < len(obj) <= 5:
                role += " as " + " ".join(t.text for t in obj)
    return role


def participates(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    ew = words().event
    for n, ev, _span in _mention_roots(d, sent, {"EVENT", "BODY"}):
        if in_quotation(d, n):
            continue
        if d.entities[ev].kind == "BODY" and not _session(d, ev):
            continue
        session_body = d.entities[ev].kind == "BODY"
        v = n.head
        prep = None
        dobj = n.dep_ == "dobj"
        present = stretch = False  # stretch: 'spent most of the war' tells of a life, not of the war
        if n.dep_ == "pobj" and v.dep_ == "prep":
            prep, v = v.lower_, v.head
            if v.dep_ == "dobj" and v.head.lemma_.lower() in ("take", "play"):  # 'took part in'
                v = v.head
            elif v.lower_ == "present" and v.dep_ == "acomp" and prep == "at":  # 'was present at'
                present, v = True, v.head
            elif prep == "at" and any(c.dep_ == "acomp" and c.lower_ == "present" for c in v.children):
                present = True  # (the 'at' hung on the verb)
            elif (
                prep == "of" and v.dep_ == "dobj" and v.lower_ in PART_WORDS
            ):  # 'spent most of the war'
                prep, v, dobj, stretch = None, v.head, True, True
        if v.pos_ not in ("VERB", "AUX") or not _real(v):
            continue
        lemma = v.lemma_.lower()
        rule = None
        if present:
            rule, role = "events.took_part.v1", "present"
        elif prep is None and dobj and lemma in ew.participate:
            if session_body and lemma not in (
                "address",
                "stir",
                "attend",
                "open",
                "dominate",
                "boycott",
                "chair",
                "convene",
                "summon",
                "call",
            ):
                continue
            rule, role = "events.took_part.v1", _role(v)
        elif prep is not None and lemma in ew.participate_preps.get(prep, ()):
            rule, role = "events.took_part.v1", _role(v, prep)
        elif (
            (prep == "at" or prep == "in" and not session_body)
            and lemma not in IDLE_VERBS
            and v.pos_ == "VERB"
        ):
            obj = next((c for c in v.children if c.dep_ == "dobj"), None)
            rule = "events.at_event.v1"
            role = " ".join(
                x
                for x in (
                    v.text,
                    " ".join(c.text for c in v.children if c.dep_ == "prt"),
                    " ".join(t.text for t in obj.subtree)
                    if obj is not None and len(list(obj.subtree)) <= 4
                    else "",
                )
                if x
            )
        if rule is None:
            continue
        sides = [(actor, role) for actor in _actors(d, v)] + _sides(d, v)
        if rule == "events.took_part.v1":
            # 'engaged in the plot with Cassius and Brutus': those it was made with took part too
            sides += [(e, "party") for c in n.children if c.dep_ == "prep" and c.lower_ in ("with", "among")
                      for o in c.children if o.dep_ == "pobj" for x in conjuncts(o)
                      if (e := entity_at(d, x, {"PERSON", "FACTION"})) is not None]
        told = d.cache.told_happened
        if sides and not stretch and not session_body and ev not in told and d.entities[ev].kind == "EVENT":
            # an event somebody fought at, spoke at or took part in has taken place
            told.add(ev)
            yield _happened(d, si, ev, "events.took_place.v1", fact_time(d, si, [v]),
                            _first(_place(d, n), _place_in_name(d, _span)))
        for actor, role_ in sides:
            if actor == ev or (actor, ev) in d.cache.event_parties:
                continue  # (battles.py told it already)
            yield factoid(
                d,
                si,
                "PARTICIPATES",
                actor,
                ev,
                rule,
                CONF[rule],
                when=fact_time(d, si, [v]),
                role=role_,
            )
    yield from _shares(d, si, sent)
    # 'X, the leader of the revolt', 'X was the organiser of the rising'
    for t in sent:
        role = ew.participate_nouns.get(t.lower_)
        if role is None or t.pos_ != "NOUN" or in_quotation(d, t):
            continue
        ev = None
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "in", "at", "to"):
                for o in c.children:
                    if o.dep_ == "pobj":  # 'a delegate to the Convention', 'the speaker at the Congress'
                        ev = _first(_event_at(d, o, allow_session=c.lower_ in ("at", "to")), ev)
        if ev is None:
            continue
        actor = None
        if t.dep_ == "appos":
            actor = entity_at(d, t.head, ACTORS)
        elif t.dep_ == "attr" and _real(t.head):
            subs = [c for c in t.head.children if c.dep_ == "nsubj"]
            actor = entity_at(d, subs[0], ACTORS) if subs else None
        else:
            for c in t.children:
                if c.dep_ == "appos":
                    actor = entity_at(d, c, ACTORS)
        if actor is not None and actor != ev:
            yield factoid(
                d,
                si,
                "PARTICIPATES",
                actor,
                ev,
                "events.role_noun.v1",
                CONF["events.role_noun.v1"],
                role=role,
            )


def _shares(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'his complicity in the Gunpowder Plot', 'Danton's part in the September massacres':
    whose share in an event the text speaks of took part in it."""
    rule = "events.share.v1"
    for t in sent:
        if t.pos_ != "NOUN" or t.lower_ not in extractor_words().event.share_nouns or in_quotation(d, t):
            continue
        poss = next((c for c in t.children if c.dep_ == "poss"), None)
        actor = entity_at(d, poss, ACTORS) if poss is not None else None
        evs = [e for c in t.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
               for o in c.children if o.dep_ == "pobj" if (e := _event_at(d, o, allow_session=False)) is not None]
        if actor is None or not evs or _denied(t):
            continue
        for ev in evs:
            if actor != ev and (actor, ev) not in d.cache.event_parties:
                d.cache.event_parties.add((actor, ev))
                yield factoid(d, si, "PARTICIPATES", actor, ev, rule, CONF[rule],
                              when=fact_time(d, si, [clause_verb(t)]), role=t.lower_)


# --------------------------------------------------------------------------- DECIDES


def _decider(d: Document, tok: Token) -> int | None:
    """A body or a congress: 'the Politburo', 'its members' (the members of a body)."""
    e = entity_at(d, tok, DECIDERS)
    if e is not None and (
        d.entities[e].kind == "BODY"
        or _session(d, e)
        or d.entities[e].name.lower().split()[-1] in words().event.session_heads
    ):
        return e
    if tok.lemma_.lower() in ("member", "delegate", "majority", "delegation"):
        for c in tok.children:
            if c.dep_ == "poss":
                return entity_at(d, c, {"BODY"})
            if c.dep_ == "prep" and c.lower_ == "of":
                for o in c.children:
                    if o.dep_ == "pobj":
                        return entity_at(d, o, {"BODY"})
    return None


def decides(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    ew = words().event
    for v in sent:
        lemma = v.lemma_.lower()
        if v.pos_ != "VERB" or lemma not in ew.decide_verbs or in_quotation(d, v) or not _real(v):
            continue
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children)
        objects: list[Token] = []
        if passive:
            objects = [x for c in v.children if c.dep_ == "nsubjpass" for x in conjuncts(c)]
        else:
            objects = [x for c in v.children if c.dep_ == "dobj" for x in conjuncts(c)]
            for c in v.children:
                if c.dep_ in ("prep",) and c.lower_ in ew.decide_preps.get(lemma, ()):
                    objects += [x for o in c.children if o.dep_ == "pobj" for x in conjuncts(o)]
        decided = [e for o in objects if (e := entity_at(d, o, DECIDED)) is not None]
        if not decided:
            continue
        deciders: list[int] = []
        rule = "events.decided.v1"
        if passive:
            for c in v.children:
                if c.dep_ in ("agent",) or c.dep_ == "prep" and c.lower_ in ("at", "by"):
                    for o in c.children:
                        e = _decider(d, o) if o.dep_ == "pobj" else None
                        if e is not None:
                            deciders.append(e)
            if not deciders:
                e = _setting(d, si)
                if e is not None:
                    deciders, rule = [e], "events.decided_passive.v1"
        else:
            deciders = [
                e
                for c in v.children
                if c.dep_ == "nsubj"
                for x in conjuncts(c)
                if (e := _decider(d, x)) is not None
            ]
        for body in deciders:
            for pol in decided:
                if body != pol:
                    yield factoid(
                        d, si, "DECIDES", body, pol, rule, CONF[rule], when=fact_time(d, si, [v])
                    )


def _setting(d: Document, si: int) -> int | None:
    """The congress a passage is set at: the subject of this or the previous sentence."""
    for k in (si, si - 1):
        if k < 0:
            continue
        for n, e, _span in _mention_roots(d, d.sents[k], {"EVENT", "BODY"}):
            if n.dep_ in ("nsubj", "nsubjpass") and (
                _session(d, e)
                or d.entities[e].kind == "EVENT"
                and d.entities[e].name.lower().split()[-1] in words().event.session_heads
            ):
                return e
    return None


# --------------------------------------------------------------------------- armed actions

COMMAND_NOUNS = extractor_words().event.command_nouns
LED = {"PERSON", "BODY", "PLACE"}  # a commander's name may have voted for another kind


def _chain(v: Token) -> list[Token]:
    """The verbs coordinated with ``v`` ('besieged and captured X, and sold ...'), in order."""
    top = v
    while top.dep_ == "conj" and top.head.pos_ in ("VERB", "AUX"):
        top = top.head
    out, todo = [], [top]
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    return sorted(out, key=lambda t: t.i)


def _sides(d: Document, v: Token) -> list[tuple[int, str]]:
    """Who else an action names as taking part: the commander of those who do it ('under
    the command of Agrippa', 'under Agrippa') and, for a verb of fighting, the other side
    ('defeated the Saxons at Hastings'). Read on the verb and on the verb it is coordinated
    with ('marched into Gaul under Caesar and defeated ...')."""
    out: list[tuple[int, str]] = []
    verbs = [v, v.head] if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX") else [v]
    # ('took the town, and burnt it, being under the command of X': on any verb of the chain)
    verbs += [c for x in _chain(v) for c in x.children if c.dep_ == "advcl" and c.lemma_ == "be"]
    for verb in verbs:
        for c in verb.children:
            if c.dep_ != "prep" or c.lower_ != "under":
                continue
            for o in (o for o in c.children if o.dep_ == "pobj"):
                if o.lemma_.lower() in COMMAND_NOUNS:
                    people = [x for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                              for x in conjuncts(next((y for y in p.children if y.dep_ == "pobj"), p))]
                    kinds = LED
                else:
                    people, kinds = conjuncts(o), {"PERSON"}
                out += [(e, "commander") for x in people if (e := entity_at(d, x, kinds)) is not None]
    combat = words().event.combat_verbs.get(v.lemma_.lower())
    if combat and not any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children):
        # 'defeated the Saxons', 'engaged with Lee and Longstreet', 'fought against Prussia'
        out += [(e, combat) for c in v.children
                for o in ([c] if c.dep_ == "dobj" else [g for g in c.children if g.dep_ == "pobj"]
                          if c.dep_ == "prep" and c.lower_ in ("with", "against") else [])
                for x in conjuncts(o) if (e := entity_at(d, x, ACTORS)) is not None]
    return out


def _targets(d: Document, toks: list[Token], kinds: set[str] = TOWNS) -> list[tuple[Token, int]]:
    """The places an action is on; a bare proper name counts whatever of ``kinds`` it
    voted for ('besieged Vicksburg', a town the model took for a body)."""
    return [(x, e) for t in toks for x in conjuncts(t)
            if (e := entity_at(d, x, PLACE if x.pos_ != "PROPN" or any(
                c.dep_ == "det" for c in x.children) else kinds)) is not None]


PLACE_NOUNS = extractor_words().event.siege_place_nouns


def _besieged_in(d: Document, v: Token) -> list[tuple[Token, int]]:
    """Where those besieged were: 'besieged the rebels in Numantia', 'shut them up in the
    island of Lesbos, where he besieged them' (the place of a 'where' clause)."""
    objs = [o for o in v.children if o.dep_ == "dobj"]
    toks = [o for t in (v, *objs) for c in t.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
            for o in c.children if o.dep_ == "pobj"]
    if v.dep_ == "relcl" and any(c.lower_ == "where" for c in v.children):
        toks.append(v.head)
    # ('the island of Lesbos': the name in the place noun's complement)
    toks += [o for t in toks if t.lemma_.lower() in PLACE_NOUNS for c in t.children
             if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    return [(t, e) for t in toks if t.pos_ == "PROPN" and (e := entity_at(d, t, PLACE)) is not None]


def bare_sieges(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'won the battle off Chios, landed, and commenced a siege': a siege named with no town
    is the siege of the place the sentence's battle was fought at (read after ``battles``,
    whose described battles are then mentions)."""
    ew = words().event
    rule = "events.bare_siege.v1"
    for f in frames(sent):
        v = f.verb
        if f.passive or v.lemma_.lower() not in ew.siege_start_verbs or in_quotation(d, v) or not _real(v):
            continue
        for n in f.objects:
            if n.lemma_.lower() not in ("siege", "blockade") or _planned(n) or any(
                    c.dep_ == "prep" and c.lower_ in ew.action_target_preps for c in (*n.children, *v.children)):
                continue
            for tok, place in _battle_place(d, sent, v):
                noun = n.lemma_.lower()
                ev = d.add_entity(f"{noun} of {d.entities[place].name}", "EVENT", n.idx, n.idx + len(n.text), rule,
                                  same_as=(noun, place))
                if tok.text != d.entities[place].name:
                    d.add_entity(f"{noun} of {tok.text}", "EVENT", n.idx, n.idx + len(n.text), rule,
                                 same_as=(noun, place))
                when = fact_time(d, si, [v])
                if ev not in d.cache.told_happened:
                    d.cache.told_happened.add(ev)
                    yield _happened(d, si, ev, rule, when, place)
                doers = [(e, _role(v)) for t in f.subjects if (e := entity_at(d, t, ACTORS)) is not None]
                for actor, role in doers + _sides(d, v):
                    if actor != place and (actor, ev) not in d.cache.event_parties:
                        d.cache.event_parties.add((actor, ev))
                        yield factoid(d, si, "PARTICIPATES", actor, ev, rule, CONF[rule], when=when, role=role)


def _battle_place(d: Document, sent: Span, v: Token) -> list[tuple[Token, int]]:
    """The place of the last battle the sentence names before ``v`` ('a battle at sea off
    Chios'), as (its token, the place)."""
    fights = sorted((m.start, m.end) for m in d.mentions if sent.start_char <= m.start < v.idx
                    and m.entity is not None and d.entities[m.entity].kind == "EVENT"
                    and d.entities[m.entity].name.split()[0].lower() in words().event.fight_heads)
    if not fights:
        return []
    span = d.doc.char_span(*fights[-1], alignment_mode="expand")
    places = [(t, e) for t in span or [] if t.pos_ == "PROPN" and t.head.lower_ in ("at", "off", "near", "of")
              and (e := entity_at(d, t, PLACE)) is not None]
    return places[:1]


HOLD_VERBS = extractor_words().event.hold_verbs


def _holders(d: Document, town: Token, place: int) -> list[tuple[int, str]]:
    """Who held a town an action is on: 'Calais, which was still held by the English', 'which
    was in the hands of the English' (they took part in its siege or capture); for 'it', the
    clause on the town's name earlier in the sentence."""
    out: list[tuple[int, str]] = []
    names = [town] if town.pos_ != "PRON" else [t for t in town.sent if t.i < town.i and t.pos_ == "PROPN"
                                                 and d.entity_of_token(t) == place]
    for rel in (c for n in names for c in n.children if c.dep_ == "relcl"):
        if rel.lemma_.lower() in HOLD_VERBS:
            out += [(e, "held the place") for x in agents(rel) if (e := entity_at(d, x, ACTORS)) is not None]
        elif rel.lemma_ == "be":
            out += [(e, "held the place") for p in rel.children if p.dep_ == "prep" and p.lower_ == "in"
                    for h in p.children if h.dep_ == "pobj" and h.lower_ == "hands"
                    for q in h.children if q.dep_ == "prep" and q.lower_ == "of"
                    for o in q.children if o.dep_ == "pobj" for x in conjuncts(o)
                    if (e := entity_at(d, x, ACTORS)) is not None]
    return out


def _participle_places(v: Token, prep: str) -> list[Token]:
    """Where a participle before a verb of combat puts its doers: 'Sailing off Ushant, they
    fought with the French' (the parser may read 'off' as the participle's particle)."""
    out: list[Token] = []
    for c in v.children:
        if c.dep_ != "advcl" or c.tag_ != "VBG" or c.i > v.i:
            continue
        out += [g for p in c.children if p.dep_ == "prep" and p.lower_ == prep
                for g in p.children if g.dep_ == "pobj"]
        if any(p.dep_ == "prt" and p.lower_ == prep for p in c.children):
            out += [g for g in c.children if g.dep_ == "dobj"]
    return out


def action_events(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """A verb of armed action on a place names an event the text does not name: 'the
    Venetians besieged Zara' is the siege of Zara, 'laid siege to Saguntum' too, 'made an
    expedition against Argos' the expedition against Argos. The event happened (at the
    place, at the clause's time) and the doers took part in it; one event per action and
    place however often the text tells of it."""
    ew = words().event
    for f in frames(sent):
        v = f.verb
        lemma = v.lemma_.lower()
        if in_quotation(d, v) or not _real(v):
            continue
        found: list[tuple[str, Token, list[tuple[Token, int]]]] = []
        subjects = f.subjects
        passive_head = [c for c in v.head.children if c.dep_ == "nsubjpass"] if v.dep_ == "advcl" else []
        if v.tag_ == "VBG" and passive_head:
            subjects = passive_head  # (not the agent of the passive: 'were engaged by a force')
        elif not subjects and v.tag_ == "VBG" and v.dep_ in ("advcl", "acl"):
            # 'the Danes, making a descent upon Kent, were met by ...': the participle's doer
            # is its clause's subject, active or passive (or the noun it hangs on)
            subjects = [v.head] if v.head.pos_ in ("NOUN", "PROPN") else \
                [c for c in v.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        army = not f.passive and any((e := entity_at(d, t, ACTORS)) is not None and d.entities[e].kind != "PERSON"
                                     for t in subjects)
        actions = {**ew.action_verbs, **ew.conquest_verbs}
        if lemma in ew.army_actions and "with" in f.preps and any(o.pos_ == "PRON" for o in f.preps["with"]):
            pass  # 'taking with them the Aetolians': a people taken along, not a town taken
        elif lemma in actions and (lemma not in ew.army_actions or army):
            # ('took Arras': taking a town is its capture when a people or an army takes it)
            targets = _targets(d, f.objects)
            if lemma in ew.army_actions:
                targets = [(t, e) for t, e in targets if t.pos_ == "PROPN" and d.entities[e].kind == "PLACE"
                           and t.text in d.entities[e].aliases]  # the town, not its people
            if lemma in ew.conquest_verbs:  # (a land named, not 'after subduing them' in a plan)
                targets = [(t, e) for t, e in targets if t.pos_ == "PROPN"]
            if actions[lemma] in ("siege", "blockade") and not any(
                    t.pos_ == "PROPN" and d.entities[e].kind == "PLACE" and t.text in d.entities[e].aliases
                    and not t.text.endswith(("ians", "ans", "ites", "ese")) for t, e in targets):
                # ('besieged them in Lesbos': a people besieged where they were)
                targets = _besieged_in(d, v) or targets
            found.append((actions[lemma], v, targets))
        if lemma in ew.compel_verbs and not f.passive and any(
                c.dep_ == "xcomp" and c.lemma_.lower() in ew.surrender_verbs for c in v.children):
            # 'compelled it to surrender': the town's capture
            # (a town, not a people a pronoun was taken for)
            found.append(("capture", v, [(t, e) for t, e in _targets(d, f.objects) if d.entities[e].kind == "PLACE"
                                          and not d.entities[e].name.endswith(("ians", "ans", "ites", "ese"))]))
        if lemma in ew.move_verbs and army:
            # 'the French marched into Artois', 'the fleet sailed round Jutland' (an army's
            # movement against a land, not a traveller's journey)
            for p, noun in ew.move_verbs[lemma].items():
                # ('sailed round Istria' may be parsed with 'round' on the place as an object)
                toks = f.preps.get(p, []) + [o for o in f.objects if any(c.lower_ == p for c in o.children)]
                found.append((noun, v, [(t, e) for t, e in _targets(d, toks, PLACE) if t.pos_ == "PROPN"]))
        for n in f.objects if not f.passive else []:
            if n.lemma_.lower() not in ew.action_light_verbs.get(lemma, ()) or _planned(n):
                continue
            # 'laid siege to Sestos' (the 'to' on the verb or on the noun)
            preps = [c for c in (*n.children, *v.children)
                     if c.dep_ in ("prep", "dative") and c.lower_ in ew.action_target_preps]
            noun = n.lemma_.lower()
            for p in preps:
                found.append((noun if noun in ew.action_of_nouns else f"{noun} {p.lower_}",
                              n, _targets(d, [o for o in p.children if o.dep_ == "pobj"], SIEGED)))
        if lemma in ew.combat_verbs:
            # 'engaged the Persian fleet off Mycale', 'defeated the Saxons at Hastings', 'they
            # were attacked at Coronea', 'the battle was fought at Tanagra': the battle there
            # ('engaged with Lee at Spotsylvania': the place may hang on the foe)
            foes = [o for p in ("with", "against") for o in f.preps.get(p, [])]
            for prep in ("at", "off", "near"):
                where = f.preps.get(prep, []) + [g for o in foes for c in o.children
                                                  if c.dep_ == "prep" and c.lower_ == prep
                                                  for g in c.children if g.dep_ == "pobj"]
                where += _participle_places(v, prep)
                found += [("battle " + prep, v, [(t, e) for t, e in _targets(d, where)
                                                 if d.entities[e].kind == "PLACE"])]
        doers = [e for t in subjects if (e := entity_at(d, t, ACTORS)) is not None]
        doers += [e for t in subjects for e in _sent_from(d, t)]
        if f.passive and lemma in ew.combat_verbs:  # the attacked took part too
            doers += [e for t in f.objects if (e := entity_at(d, t, ACTORS)) is not None]
        # 'took Calais from the English': who held the place took part in its capture
        losers = [(e, "lost") for o in (f.preps.get("from", []) if lemma in actions and not f.passive else [])
                  if (e := entity_at(d, o, ACTORS)) is not None]
        for noun, anchor, targets in found:
            for tok, place in targets:
                name = f"{noun} of {d.entities[place].name}" if noun in ew.action_of_nouns \
                    else f"{noun} {d.entities[place].name}"
                ev = d.add_entity(name, "EVENT", anchor.idx, tok.idx + len(tok.text), "events.armed_action.v1",
                                  same_as=(noun, place))
                # the place as the text spells it ('Carthage' for the Carthaginians' town), and a
                # fight at a place is also 'the battle of' it
                if tok.pos_ == "PRON":  # ('compelled it to surrender': as the sentence spelled it)
                    tok = next((t for t in tok.sent if t.i < tok.i and t.pos_ == "PROPN"
                                and d.entity_of_token(t) == place), tok)
                said = d.doc[min(tok.left_edge.i, tok.i) if tok.left_edge.pos_ == "PROPN" else tok.i:tok.i + 1].text
                if tok.pos_ == "PROPN":
                    # ('off Paphos in Cyprus': a place told apart by its land)
                    land = next((g.text for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
                                 for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
                    for alias in (f"{noun} of {said}" if noun in ew.action_of_nouns else f"{noun} {said}",
                                  f"battle of {said}" if noun.startswith("battle ") else None,
                                  f"{noun} {said} in {land}" if land and noun.startswith("battle ") else None,
                                  f"battle of {said} in {land}" if land and noun.startswith("battle ") else None):
                        if alias and alias != name:
                            d.add_entity(alias, "EVENT", anchor.idx, tok.idx + len(tok.text),
                                         "events.armed_action.v1", same_as=(noun, place))
                when = fact_time(d, si, [v])
                yield _happened(d, si, ev, "events.armed_action.v1", when, place)
                for actor, role in [(a, _role(v)) for a in doers] + _sides(d, v) + losers + _holders(d, tok, place):
                    if actor != place:
                        yield factoid(d, si, "PARTICIPATES", actor, ev, "events.armed_action.v1",
                                      CONF["events.armed_action.v1"], when=when, role=role)


SESSION_WINDOW = limits().sentences_back.session  # back to the congress a delegation goes to


def _recent_session(d: Document, si: int, before: int) -> int | None:
    """The congress or convention the text last named before token ``before``, within a
    few sentences (the meeting a passage on delegations is about)."""
    first = d.sents[max(0, si - SESSION_WINDOW)].start
    for ti in range(before - 1, first - 1, -1):
        mi = d.token_mention.get(ti)
        e = d.mentions[mi].entity if mi is not None else None
        if e is None:
            continue
        ent = d.entities[e]
        if ent.kind == "BODY" and _session(d, e) or ent.kind == "EVENT" and ent.name.lower().split()[-1] in \
                words().event.session_heads:
            return e
    return None


def _list_end(d: Document, v: Token, sent: Span, verbs: frozenset[str]) -> int:
    """Where the names a delegation verb lists end: at a semicolon or colon, unless what
    follows only goes on listing ('had two besides Metternich; Wessenberg and
    Gentz', 'in addition to these two: Hardenberg, the Chancellor; Humboldt')."""
    cuts = [t.i for t in d.doc[v.i:sent.end] if t.text in (";", ":")] + [sent.end]
    for a, b in zip(cuts, cuts[1:], strict=False):
        if any(t.pos_ == "VERB" and t.tag_ not in ("VBG", "VBN") and t.lemma_.lower() not in verbs
               for t in d.doc[a + 1:b]):
            return a
    return sent.end


def delegations(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """A state sending its delegates to the congress the passage is about: 'Prussia sent
    Hardenberg and Humboldt', 'From Austria went two envoys, Metternich and Gentz', 'with
    them went Nesselrode': each delegate takes part in that congress."""
    ew = words().event
    for f in frames(sent):
        v = f.verb
        lemma = v.lemma_.lower()
        if lemma not in ew.delegate_verbs or in_quotation(d, v) or not _real(v):
            continue
        if lemma in ew.delegate_verbs_inverted:
            # 'From Lower Saxony went ...', 'with them went ...': the subject after the verb
            fro = [o for o in f.preps.get("from", []) if entity_at(d, o, TOWNS) is not None]
            comitative = [o for o in f.preps.get("with", []) if o.pos_ == "PRON"]
            if not (fro or comitative) or any(t.i < v.i for t in f.subjects):
                continue
        elif not any(entity_at(d, t, TOWNS) is not None or t.lower_ in ("she", "it", "they") for t in f.subjects):
            continue
        last = d.cache.delegation_session
        session = _recent_session(d, si, v.i)
        if session is None and last is not None and si - last[0] <= 2:
            session = last[1]  # a list of delegations goes on about the congress it began with
        if session is None:
            continue
        d.cache.delegation_session = (si, session)
        end = _list_end(d, v, sent, ew.delegate_verbs)
        senders = {e for t in f.subjects if (e := entity_at(d, t, TOWNS)) is not None}
        people = [e for mi, e in entities_in(d, d.doc[v.i + 1:end], {"PERSON"}) if e not in senders]
        for person in dict.fromkeys(people):
            yield factoid(d, si, "PARTICIPATES", person, session, "events.delegation.v1",
                          CONF["events.delegation.v1"], role="delegate")


def secessions(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Rhodes left the confederacy': a people or a town leaving a league is its secession,
    an event it took part in (what the league did about it is told by other rules)."""
    from .stance import league_left

    for v in sent:
        found = league_left(d, v)
        if found is None:
            continue
        f, league, _ = found
        for t in f.subjects:
            actor = entity_at(d, t, {"PLACE", "FACTION"}) if t.pos_ == "PROPN" else None
            if actor is None or actor == league:
                continue
            rule = "events.secession.v1"
            ev = d.add_entity(f"secession of {d.entities[actor].name}", "EVENT", t.idx, v.idx + len(v.text),
                              rule, same_as=("secession", actor))
            when = fact_time(d, si, [v])
            if ev not in d.cache.told_happened:
                d.cache.told_happened.add(ev)
                yield _happened(d, si, ev, rule, when, None)
            d.cache.event_parties.add((actor, ev))
            yield factoid(d, si, "PARTICIPATES", actor, ev, rule, CONF[rule], when=when, role="seceded")


def instigated(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Procida caused a revolt of Sicily from the Angevins': who causes, raises or heads a
    revolt takes part in it and stands against the power it is made from."""
    ew = words().event
    revolts = ew.noun_classes.get("revolt", frozenset())
    for f in frames(sent):
        v = f.verb
        role = ew.instigate_verbs.get(v.lemma_.lower())
        if role is None or f.passive or in_quotation(d, v) or not _real(v):
            continue
        for n in f.objects:
            if n.lower_ not in revolts and n.lemma_.lower() not in revolts or _planned(n) or _denied(n):
                continue
            ev = entity_at(d, n, EVENT)
            # ('a revolt of the whole of Sicily from X': the 'from' wherever the parser hung it)
            whom = [x for c in n.subtree if c.dep_ == "prep" and c.lower_ in ("from", "against")
                    for o in c.children if o.dep_ == "pobj" for x in conjuncts(o)]
            whom += [x for p in ("from", "against") for x in f.preps.get(p, [])]
            foes = [e for x in whom if (e := entity_at(d, x, ACTORS)) is not None]
            when = fact_time(d, si, [v])
            rule = "events.instigated.v1"
            for t in f.subjects:
                actor = entity_at(d, t, ACTORS)
                if actor is None:
                    continue
                if ev is not None and actor != ev and (actor, ev) not in d.cache.event_parties:
                    d.cache.event_parties.add((actor, ev))
                    yield factoid(d, si, "PARTICIPATES", actor, ev, rule, CONF[rule], when=when, role=role)
                for foe in foes:
                    if foe != actor:
                        yield factoid(d, si, "OPPOSES", actor, foe, rule, CONF[rule], when=when)


# --------------------------------------------------------------------------- service in a war

# how a life's war service is told: 'served with the Navy during the war', 'saw service in
# the Boer War', 'enlisted in the army in World War I', 'was an officer in the Navy during
# the war', 'after serving in the Korean War, X ...', 'the war, during which he served'
SERVICE_VERBS = extractor_words().event.service_verbs
SERVICE_SEEN = extractor_words().event.service_seen  # 'saw service in'
SERVICE_NOUNS = extractor_words().event.service_nouns
SERVICE_PREPS = extractor_words().event.service_preps
SERVICE_RULE = "events.war_service.v1"


def _service_verb(v: Token) -> bool:
    low = v.lemma_.lower()
    return low in SERVICE_VERBS or low == "see" and any(
        c.dep_ == "dobj" and c.lower_ in SERVICE_SEEN for c in v.children)


def _units(d: Document, tok: Token) -> list[int]:
    """The bodies one served in or with: 'in the Royal Navy', 'with the Air Force'."""
    return [e for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "with")
            for o in c.children if o.dep_ == "pobj" for x in conjuncts(o)
            if x.i in d.token_mention and (e := entity_at(d, x, {"BODY"})) is not None]  # (named: not 'the army')


def _served(d: Document, prep: Token) -> tuple[list[int], Token] | None:
    """Who served in the war a preposition ('during', 'in') introduces, and the verb that
    says so: a verb of service and its subject (a participle's: the clause it opens), the
    units named with it, or a serviceman's noun after 'was'."""
    g = prep.head
    noun = None
    if g.pos_ == "NOUN" and g.lower_ in SERVICE_SEEN | {"army", "navy"} and g.head.pos_ == "VERB":
        g = g.head  # 'saw service in the war', 'enlisted in the army in 1914'
    elif g.pos_ in ("NOUN", "PROPN") and g.dep_ == "pobj":
        # 'served with the Navy during the war' (the 'during' on 'Navy'); 'served as a
        # general and as a member of the Council in the war'
        p = g.head
        while p.dep_ == "conj" and p.head.i != p.i:
            p = p.head
        if p.dep_ == "prep" and p.head.pos_ == "VERB":
            g = p.head
    if g.pos_ == "NOUN" and g.lower_ in SERVICE_NOUNS and g.dep_ == "attr":
        noun, g = g, g.head  # 'was an officer in the Navy during the war'
    elif g.lemma_ == "be":  # (the 'during' on 'was')
        noun = next((c for c in g.children if c.dep_ == "attr" and c.lower_ in SERVICE_NOUNS), None)
    if g.pos_ not in ("VERB", "AUX") or not _real(g):
        return None
    if noun is None and not _service_verb(g):
        return None
    actors = _actors(d, g)
    if not actors and g.dep_ == "pcomp" and g.head.dep_ == "prep":
        actors = _actors(d, g.head.head)  # 'After serving in the war, Miller took a job'
    if noun is not None:
        actors = [e for e in actors if d.entities[e].kind == "PERSON"]
    units = _units(d, g) + (_units(d, noun) if noun is not None else [])
    units += [u for c in g.children if c.dep_ == "prep" and c.lower_ == "as"  # 'as a commander in the Navy'
              for o in c.children if o.dep_ == "pobj" for u in _units(d, o)]
    return list(dict.fromkeys(actors + units)), g


def war_service(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """People and the units they served in as parties to the war they served in."""
    for n, ev, _span in _mention_roots(d, sent, EVENT):
        if in_quotation(d, n):
            continue
        found = None
        if n.dep_ == "pobj" and n.head.lower_ in SERVICE_PREPS:
            found = _served(d, n.head)
        elif n.dep_ == "conj" and n.head.dep_ == "pobj" and n.head.head.lower_ in SERVICE_PREPS:
            found = _served(d, n.head.head)  # 'during the Quasi-War and the First Barbary War'
        for c in n.children:  # 'the Korean War, during which he served in the Marines'
            if found is None and c.dep_ == "relcl" and any(
                    p.dep_ == "prep" and p.lower_ == "during" and any(o.lower_ == "which" for o in p.children)
                    for p in c.children):
                found = _served(d, next(p for p in c.children if p.dep_ == "prep" and p.lower_ == "during")) \
                    if _service_verb(c) else None
        if found is None:
            continue
        actors, verb = found
        said = {f.subject for f in d.factoids if f.type == "PARTICIPATES" and f.object == ev
                and sent.start_char <= f.start < sent.end_char}
        for actor in actors:
            if actor != ev and actor not in said:
                yield factoid(d, si, "PARTICIPATES", actor, ev, SERVICE_RULE, CONF[SERVICE_RULE],
                              when=fact_time(d, si, [verb]), role="served")


# a contest's entries and their performers: 'X was the Danish entry in the Song Contest
# 1962, performed by Y'; 'a song that was performed in the Song Contest 1956 by Y'
PERFORM_VERBS = extractor_words().event.perform_verbs
ENTRY_NOUNS = extractor_words().event.entry_nouns
PERFORMED_RULE = "events.performed_at.v1"


def performed_at(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """Who performed at a contest: the agent of a verb of performing said in or at it, or
    said of the contest's entry."""
    for n, ev, _span in _mention_roots(d, sent, EVENT):
        if in_quotation(d, n) or n.dep_ != "pobj" or n.head.lower_ not in ("in", "at", "to"):
            continue
        h = n.head.head
        verbs = [h] if h.pos_ == "VERB" and h.lemma_.lower() in PERFORM_VERBS else []
        if h.pos_ == "NOUN" and h.lower_ in ENTRY_NOUNS:
            verbs = [c for c in h.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in PERFORM_VERBS]
        for v in verbs:
            if not _real(v):
                continue
            for x in agents(v):
                actor = entity_at(d, x, {"PERSON", "BODY", "FACTION"})
                if actor is not None and actor != ev:
                    yield factoid(d, si, "PARTICIPATES", actor, ev, PERFORMED_RULE, CONF[PERFORMED_RULE],
                                  when=fact_time(d, si, [v]), role="performed")


def events(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    from .battles import battles  # (battles and passage read this module's helpers)
    from .passage import passage

    yield from action_events(d, si, sent)
    yield from secessions(d, si, sent)
    yield from delegations(d, si, sent)
    yield from battles(d, si, sent)  # first: the events it describes are mentions for the rest
    yield from instigated(d, si, sent)
    yield from bare_sieges(d, si, sent)
    yield from happened(d, si, sent)
    yield from participates(d, si, sent)
    yield from assault_on_event(d, si, sent)
    yield from decides(d, si, sent)
    yield from passage(d, si, sent)  # last: the parties the clauses above told are known
    yield from war_service(d, si, sent)
    yield from performed_at(d, si, sent)
    yield from harangues(d, si, sent)
    yield from oaths(d, si, sent)
    if si == len(d.sents) - 1:
        yield from narrated(d)


NARRATING = ("passage.", "battles.", "descriptions.", "programmes.")
"""Rules whose parties are told in a narration of the event (its victors, commanders,
speakers, those who convened it), not only named beside it."""


def narrated(d: Document) -> Iterator[Factoid]:
    """At the text's end: an event the text narrates (the fight whose commanders a passage
    names, the meeting somebody convened, the killing whose blows it tells) but never says
    took place has taken place, in the sentence and at the time of the first part told in it."""
    said = {f.subject for f in d.factoids if f.type == "HAPPENED"} | d.cache.told_happened
    first: dict[int, Factoid] = {}
    for f in d.factoids:
        if f.type == "PARTICIPATES" and f.object is not None and d.entities[f.object].kind == "EVENT" \
                and f.extractor.startswith(NARRATING):
            first.setdefault(f.object, f)
    rule = "events.narrated.v1"
    for ev, f in first.items():
        if ev in said:
            continue
        start, end = split_interval(f.when)
        yield replace(f, type="HAPPENED", subject=ev, object=None, role=None, extractor=rule,
                      confidence=CONF[rule], when=None, start_time=start, end_time=end, place=None)
