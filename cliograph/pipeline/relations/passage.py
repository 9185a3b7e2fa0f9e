"""Who took part in a fight the passage is about, told in sentences that do not name it.

A history names a battle, a siege or a campaign once and then narrates it: 'The battle
was fought at Lützen. After a long day, victory declared for the Swedes', 'the French were
beaten and withdrew', 'they landed under the command of Villars'. A careful reader lists
the victors, the beaten and the commanders of those sentences among the event's parties.
So:

- the side a verdict names ('victory remained with X', 'victory declared for X', 'X were
  victorious', 'X gained the victory') and the beaten ('X were defeated', 'routed X', 'after
  the rout of X'),
- who surrendered and to whom ('the surrender of X to Y', 'X capitulated'), in the siege of
  the surrendering town when the text told of one,
- both sides of a verb of combat ('the Swedes routed them'),
- the commander of those who act ('under the command of X', 'under the conduct of X'),
  and those who act under him,
- those who strike the blows of a killing the paragraph tells ('X was the first to strike
  him', 'X gave him a blow', 'each of them drew his sword'), and the one struck (in the
  killing the paragraph named last, else, where it speaks of 'that murder', the one the
  text names nearest),
- those who speak, vote, preside or take the floor a sentence or two after a meeting is
  named in their paragraph ('X took the floor', 'X won the debate'), who 'were there in
  force', and who was a spectator, a guest or a witness of a gathering just named,
- leaders who came with ships ('forty galleys from Venice with Zeno; ten with Pisani'),

take part in the fight their clause names, else the passage's: the last one named before
them in the sentence, else in the sentence before (same paragraph); a commander whose
sentence names none before him led his men to the fight it names after him (not one told
in news or a side clause), else to the fights of the first of the next two sentences that
names any. Plans, negations and quotations give nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ...model import Factoid
from ...rules import limits
from ...rules.words import extractor_words, words
from ..document import Document
from ..quotations import in_quotation
from .base import asserted, conjuncts, entity_at, factoid
from .base import happened as _real
from .events import COMMAND_NOUNS, LED, own_illness
from .frames import frame_of, frames
from .timing import fact_time

ACTORS = {"PERSON", "FACTION", "BODY", "PLACE"}
GROUPS = {"FACTION", "BODY", "PLACE"}
FIGHTS = {"fight", "war", "revolt", "expedition"}
"""Event classes whose narration goes on after their name (not pacts, missions, meetings)."""
VERDICT_NOUNS = extractor_words().passage.verdict_nouns
VERDICT_VERBS = extractor_words().passage.verdict_verbs
VERDICT_PREPS = {"with", "for", "to"}
WIN_VERBS = extractor_words().passage.win_verbs
VICTOR_ADJECTIVES = extractor_words().passage.victor_adjectives
BEATEN = extractor_words().passage.beaten
BEATEN_NOUNS = extractor_words().passage.beaten_nouns
SURRENDER_NOUNS = extractor_words().passage.surrender_nouns
BACK = 1  # sentences before this one the passage's fight may have been named in
AHEAD = 2  # sentences after a march the fight it led to may be named in
LEADING = ("passage.commander.v1", "passage.group_commander.v1", "passage.with_forces.v1")

CONF = {
    "passage.verdict.v1": 0.7,  # 'victory remained with X', 'X were victorious', 'X were defeated'
    "passage.commander.v1": 0.65,  # 'under the command of X' in a sentence that narrates the fight
    "passage.group_commander.v1": 0.6,  # 'the Danes under Guthrum came ...' (the 'under' on the group)
    "passage.with_forces.v1": 0.6,  # 'X had crossed over with an army', 'forty galleys with X'
    "passage.blow.v1": 0.65,  # 'X struck him', 'X gave him a blow' in a paragraph that names a murder
    "passage.blow_victim.v1": 0.6,  # 'X struck him' in the paragraph of Y's murder: X opposes Y
    "passage.session.v1": 0.6,  # 'X took the floor', 'X voted' a sentence or two after a congress
    "passage.attendance.v1": 0.6,  # 'X was in attendance', 'never left his bedside' during an illness
    "passage.surrender.v1": 0.6,  # 'the surrender of the Saxons to Charles' after the siege of their town
    "passage.onlooker.v1": 0.6,  # 'X was a spectator' a sentence or two after a festival
    "passage.present.v1": 0.6,  # 'X were there in force' a sentence or two after a meeting
}
PATIENT_WINDOW = limits().sentences_back.patient  # back to the one a sickroom passage tells was ill
KILLINGS = extractor_words().passage.killings
"""Nouns naming a killing whose blows a paragraph goes on to tell, one by one."""
BLOW_VERBS = extractor_words().passage.blow_verbs
BLOW_NOUNS = extractor_words().passage.blow_nouns
BLADES = extractor_words().passage.blades
BLADE_VERBS = extractor_words().passage.blade_verbs  # (the tagger reads 'bared' as 'bar')


def _event_class(d: Document, ev: int) -> str | None:
    """The class of an event by its name's first noun ('battle of Lützen' is a fight; so is
    'capture of Calais', an armed action on a town, which the troops marched to)."""
    for w in d.entities[ev].name.lower().replace("’", "'").split():
        for cls, nouns in words().event.noun_classes.items():
            if w in nouns:
                return cls
        if w in words().event.action_of_nouns:
            return "fight"
    return None


def _fights_in(d: Document, sent: Span, before: int | None = None) -> list[tuple[int, int]]:
    """(start offset, event) of each fight told of in a sentence, before a token if given,
    in text order: named ones and those an extractor derived from a verb ('besieged X')."""
    end = d.doc[before].idx if before is not None else sent.end_char
    out = {(m.start, m.entity) for m in d.mentions
           if sent.start_char <= m.start < end and m.entity is not None
           and d.entities[m.entity].kind == "EVENT" and _event_class(d, m.entity) in FIGHTS}
    return sorted(out)


def _same_paragraph(d: Document, a: Span, b: Span) -> bool:
    para = d.paragraph_at(a.start_char)
    return para is not None and para[0] <= b.start_char < para[1]


def passage_fight(d: Document, si: int, tok: Token) -> int | None:
    """The fight a token's clause narrates: the last named before it in its sentence,
    else the last named in the sentence before, in the same paragraph."""
    here = _fights_in(d, d.sents[si], before=tok.i)
    if here:
        return here[-1][1]
    for k in range(si - 1, max(-1, si - 1 - BACK), -1):
        if not _same_paragraph(d, d.sents[k], d.sents[si]):
            break
        found = _fights_in(d, d.sents[k])
        if found:
            return found[-1][1]
    return None


CLAUSES = {"conj", "advcl", "relcl", "ccomp", "acl", "parataxis", "xcomp", "csubj"}


def own_clause(v: Token) -> list[Token]:
    """The verb's own words: its subtree without the clauses hung on it."""
    out, todo = [], [v]
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if not (c.dep_ in CLAUSES and c.pos_ in ("VERB", "AUX"))]
    return out


def _clause_fight(d: Document, v: Token) -> int | None:
    """The fight the verb's own clause tells of, the nearest to the verb ('defeated the
    Saxons in a battle near the river under the command of X')."""
    starts = {t.idx for t in own_clause(v)}
    found = [(abs(m.start - v.idx), m.entity) for m in d.mentions
             if m.start in starts and m.entity is not None and d.entities[m.entity].kind == "EVENT"
             and _event_class(d, m.entity) in FIGHTS]
    return min(found)[1] if found else None


def _verdicts(sent: Span) -> Iterator[tuple[Token, list[Token], str]]:
    """(verb, the tokens naming a side, role) for each verdict of a fight in the sentence."""
    for f in frames(sent):
        v = f.verb
        lemma = v.lemma_.lower()
        # 'victory remained with the Athenians', 'victory declared for Sparta'
        if lemma in VERDICT_VERBS and any(s.lower_ in VERDICT_NOUNS for s in f.subjects):
            sides = [o for p in VERDICT_PREPS for o in f.preps.get(p, [])]
            if sides:
                yield v, sides, "victor"
        # 'the Spartans gained the victory', 'carried the day'
        if lemma in WIN_VERBS and not f.passive and any(o.lower_ in VERDICT_NOUNS for o in f.objects):
            yield v, f.subjects, "victor"
        # 'the Spartans were defeated', 'the Saxons were routed'
        if lemma in BEATEN and f.passive and f.objects:
            yield v, f.objects, "beaten"
            if f.subjects:
                yield v, f.subjects, "victor"
        # 'the Athenians defeated them at sea': both sides of a combat the passage narrates
        combat = words().event.combat_verbs.get(lemma)
        if combat and not f.passive and f.subjects and f.objects:
            yield v, f.subjects, combat
            yield v, f.objects, "beaten" if lemma in BEATEN else combat
    for t in sent:
        # 'at the battle of Nancy, after the rout of the Burgundians'
        if t.pos_ == "NOUN" and t.lemma_.lower() in BEATEN_NOUNS:
            sides = [o for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj"]
            if sides:
                yield t, sides, "beaten"
        # 'the Genoese were victorious', 'being victorious on both elements'
        if t.lower_ in VICTOR_ADJECTIVES and t.dep_ == "acomp" and t.head.lemma_ == "be":
            role = "victor" if t.lower_ in ("victorious", "successful", "triumphant") else "beaten"
            subs = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subs:
                yield t.head, subs, role


def _commanders(d: Document, sent: Span) -> Iterator[tuple[Token, int]]:
    """(the verb commanded, the commander) for 'under the command of X' and 'under X'."""
    for prep in sent:
        if prep.lower_ != "under" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
            continue
        for o in (o for o in prep.children if o.dep_ == "pobj"):
            if o.lemma_.lower() in COMMAND_NOUNS:
                people = [x for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                          for y in p.children if y.dep_ == "pobj" for x in conjuncts(y)]
                kinds = LED
            else:
                people, kinds = conjuncts(o), {"PERSON"}
            for x in people:
                e = entity_at(d, x, kinds)
                if e is not None:
                    yield prep.head, e


FORCE_NOUNS = extractor_words().passage.force_nouns


def _group_commanders(d: Document, sent: Span) -> Iterator[tuple[Token, int, int | None]]:
    """(the verb the group does, its commander, the group) for 'the Danes under Guthrum
    came to the aid of ...', where the parser hangs 'under X' on the group, not on the
    verb: the commander and his troops take part in what the group does."""
    for prep in sent:
        group = prep.head
        if prep.lower_ != "under" or prep.dep_ != "prep" or group.pos_ not in ("PROPN", "NOUN"):
            continue
        g = entity_at(d, group, GROUPS)
        v = group.head
        while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
            v = v.head
        if g is None and group.lemma_.lower() not in FORCE_NOUNS and group.lower_ not in FORCE_NOUNS:
            continue
        # ('went to Caria; but forty ships under X gave battle': the parser may join the ships
        # to the verb before as a conjunct)
        conj = group.dep_ == "conj" and g is None and group.head.pos_ in ("VERB", "AUX")
        if v.pos_ not in ("VERB", "AUX") or group.dep_ not in ("nsubj", "nsubjpass", "appos") and not conj:
            continue
        for o in (o for o in prep.children if o.dep_ == "pobj"):
            if o.lemma_.lower() in COMMAND_NOUNS:
                people = [x for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                          for y in p.children if y.dep_ == "pobj" for x in conjuncts(y)]
            else:
                people = conjuncts(o)
            for x in people:
                e = entity_at(d, x, {"PERSON"})
                if e is not None and e != g:
                    yield v, e, g


def _person(d: Document, tok: Token) -> int | None:
    """The person a token names, also a capitalised word the tagger took for a common noun
    ('Themistocles' read as a plural) that spells a person the text names elsewhere."""
    e = entity_at(d, tok, {"PERSON"})
    if e is not None or not tok.text[:1].isupper() or tok.pos_ not in ("NOUN", "PROPN"):
        return e
    found = [i for i, ent in enumerate(d.entities) if ent.kind == "PERSON" and tok.text in (ent.name, *ent.aliases)]
    return found[0] if len(found) == 1 else None


def _is_force(t: Token) -> bool:
    """A noun for troops or ships ('army', 'galleys')."""
    return t.pos_ == "NOUN" and (t.lemma_.lower() in FORCE_NOUNS or t.lower_ in FORCE_NOUNS)


def _with_forces(d: Document, sent: Span) -> Iterator[tuple[Token, int]]:
    """(the verb, the leader) for one who goes with troops, and troops that go with their
    leaders: 'Morosini landed with an army of Venetians', 'forty galleys from Venice
    with Zeno and Pisani' (they lead those forces in the fight the passage tells)."""
    for prep in sent:
        if prep.lower_ != "with" or prep.dep_ != "prep":
            continue
        objs = [x for o in prep.children if o.dep_ == "pobj" for x in conjuncts(o)]
        head = prep.head
        while head.dep_ == "prep" and head.head.i != head.i:
            head = head.head  # 'forty ships from Venice with Zeno': the 'with' hung on 'from'
        if head.pos_ == "NUM" and any(_is_force(t) for t in sent if t.i < head.i):
            # 'forty ships with Zeno; twenty with Pisani': a number stands for the ships named before
            v = head
            while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
                v = v.head
            if v.pos_ in ("VERB", "AUX"):
                yield from ((v, e) for o in objs if (e := _person(d, o)) is not None)
            continue
        if head.pos_ in ("VERB", "AUX") and any(o.lemma_.lower() in FORCE_NOUNS or o.lower_ in FORCE_NOUNS
                                                for o in objs):
            # ('X was sent out with twenty ships': the one sent leads them)
            for t in (c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")):
                e = _person(d, t)
                if e is not None:
                    yield head, e
        elif head.pos_ == "NOUN" and (head.lemma_.lower() in FORCE_NOUNS or head.lower_ in FORCE_NOUNS):
            v = head
            while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
                v = v.head
            for o in objs:
                e = _person(d, o)
                if e is not None and v.pos_ in ("VERB", "AUX"):
                    yield v, e


def _led_to(d: Document, si: int, sent: Span | None) -> Iterator[Factoid]:
    """The commanders of the sentences before, whose clause named no fight, took part in
    the fights the first of the next ``AHEAD`` sentences of their paragraph to name one tells ('X was
    sent out with twenty ships. The allies sailed with him. They besieged Y'), else in the
    one the passage was about."""
    pending = d.cache.pending_commanders
    told = d.cache.event_parties
    done = []
    for p in [p for p in pending if p[0] < si]:
        k, v, actor, role = p
        near = sent is not None and _same_paragraph(d, d.sents[k], sent)
        found = _fights_in(d, sent) if near else []
        if not found and near and si - k < AHEAD:
            continue  # (the next sentence may still name it)
        done.append(p)
        # (all the fights of that sentence: 'They invaded A, and afterwards besieged B')
        evs = [e for _, e in found] if found else [passage_fight(d, k, v)]
        for ev in dict.fromkeys(evs):
            if ev is None or ev == actor or (actor, ev) in told:
                continue
            told.add((actor, ev))
            rule = "passage.commander.v1"
            yield factoid(d, k, "PARTICIPATES", actor, ev, rule, CONF[rule], when=fact_time(d, k, [v]),
                          role=role)
    pending[:] = [p for p in pending if p not in done]


def _fights_after(d: Document, sent: Span, v: Token) -> list[tuple[int, int]]:
    """The first fight the sentence names after a verb of marching that names none: 'marched
    into Artois under X, and routed the French in a battle at Y' (the march led to it)."""
    found = [f for f in _fights_in(d, sent) if f[0] > v.idx and not _reported(d, f[0])]
    return found[:1]


def _reported(d: Document, start: int) -> bool:
    """The words at an offset stand in a side or reported clause ('crossed with an army,
    when news came that Capua had revolted'), not in the sentence's own narration."""
    span = d.doc.char_span(start, start + 1, alignment_mode="expand")
    t = span[0] if span is not None and len(span) else None
    while t is not None:
        if t.pos_ in ("VERB", "AUX") and (t.dep_ in ("ccomp", "acl", "advcl", "relcl") or any(
                c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in t.children)):
            return True  # (the parser may make the reported clause the root: 'news came that X revolted')
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _killing_before(d: Document, si: int, before: int) -> int | None:
    """The killing the paragraph named last, before a token of sentence ``si``."""
    sent = d.sents[si]
    para = d.paragraph_at(sent.start_char)
    start = para[0] if para else sent.start_char
    end = d.doc[before].idx
    found = sorted((m.start, m.entity) for m in d.mentions
                   if start <= m.start < end and m.entity is not None
                   and d.entities[m.entity].kind == "EVENT"
                   and KILLINGS & set(d.entities[m.entity].name.lower().replace("’", "'").split()))
    if found:
        return found[-1][1]
    # 'the scene of that murder' in a paragraph that narrates it: the killing the text names
    if not any(t.lemma_.lower() in KILLINGS for t in d.doc.char_span(start, end, alignment_mode="expand") or []):
        return None
    near = sorted((abs(m.start - end), m.entity) for m in d.mentions
                  if m.entity is not None and d.entities[m.entity].kind == "EVENT"
                  and KILLINGS & set(d.entities[m.entity].name.lower().replace("’", "'").split()))
    return near[0][1] if near else None


def _doers(f) -> list[Token]:
    """The verb's doers, or those of the clause it completes ('X was the first to strike')."""
    if f.subjects:
        return f.subjects
    v = f.verb
    if v.dep_ in ("xcomp", "acl", "relcl") and v.head.dep_ in ("attr", "acomp") and v.head.head.lemma_ == "be":
        return [c for c in v.head.head.children if c.dep_ == "nsubj"]
    return []


def _blows(sent: Span) -> Iterator[tuple[Token, list[Token], str]]:
    """(verb, the tokens naming a party, role) for each blow struck: 'X struck him', 'X gave
    him a blow', 'X drew his sword' (the striker); 'X was stabbed' (the struck)."""
    for f in frames(sent):
        v, lemma = f.verb, f.verb.lemma_.lower()
        objects = [o for o in f.objects if o.dep_ != "dative"]
        doers = _doers(f)
        if lemma in BLOW_VERBS and not f.passive and doers and (objects or lemma != "run"):
            yield v, doers, "assailant"
        elif lemma in BLOW_VERBS and f.passive and f.objects and lemma != "run":
            yield v, f.objects, "victim"
        elif lemma == "give" and not f.passive and any(o.lemma_.lower() in BLOW_NOUNS for o in objects):
            yield v, doers, "assailant"
        elif lemma in BLADE_VERBS and any(o.lemma_.lower() in BLADES for o in objects):
            yield v, doers, "assailant"


def _victim(d: Document, ev: int) -> int | None:
    """The one person a killing's name names ('the murder of Becket', 'Rizzio's murder')."""
    name = f" {d.entities[ev].name.replace('’', chr(39))} "
    found = {i for i, ent in enumerate(d.entities) if ent.kind == "PERSON"
             for a in (ent.name, *ent.aliases) if len(a) > 3 and (f" {a} " in name or f" {a}'s " in name)}
    return found.pop() if len(found) == 1 else None


def _blow_parties(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """Who struck (or was struck) in the killing the paragraph named before the blow."""
    told = d.cache.event_parties
    for v, parties, role in _blows(sent):
        if in_quotation(d, v) or not _real(v):
            continue
        ev = _killing_before(d, si, v.i)
        if ev is None:
            continue
        # ('each of the conspirators': those the pronoun picks from)
        people = [g for x in parties for y in conjuncts(x) for g in [y, *(g for c in y.children
                  if c.dep_ == "prep" and c.lower_ == "of" and y.pos_ in ("PRON", "NUM", "DET")
                  for g in c.children if g.dep_ == "pobj")]]
        victim = _victim(d, ev) if role == "assailant" else None
        for y in people:
            e = entity_at(d, y, {"PERSON", "FACTION", "BODY"})
            if e is not None and victim is not None and e != victim:
                # who strikes the victim of the killing stands against him
                yield factoid(d, si, "OPPOSES", e, victim, "passage.blow_victim.v1", CONF["passage.blow_victim.v1"],
                              when=fact_time(d, si, [v]))
            if e is None or (e, ev) in told:
                continue
            told.add((e, ev))
            rule = "passage.blow.v1"
            yield factoid(d, si, "PARTICIPATES", e, ev, rule, CONF[rule], when=fact_time(d, si, [v]), role=role)


SPEECH_VERBS = extractor_words().passage.speech_verbs
"""Verbs of what one does at a session: their doers took part in it."""
FLOOR_NOUNS = extractor_words().passage.floor_nouns
"""Objects of 'take' and 'win' that tell a speaker at a session ('took the floor', 'won the debate')."""
SESSION_BACK = 2  # sentences before this one the paragraph's session may have been named in


def _session(d: Document, si: int, before: int, classes: frozenset[str] = frozenset({"meeting"})) -> int | None:
    """The meeting (or an event of the classes) this sentence (before a token) or one of
    the two before it named last."""
    for k in range(si, max(-1, si - 1 - SESSION_BACK), -1):
        if not _same_paragraph(d, d.sents[k], d.sents[si]):
            break
        end = d.doc[before].idx if k == si else d.sents[k].end_char
        found = sorted((m.start, m.entity) for m in d.mentions
                       if d.sents[k].start_char <= m.start < end and m.entity is not None
                       and d.entities[m.entity].kind == "EVENT" and _event_class(d, m.entity) in classes)
        if found:
            return found[-1][1]
    return None


def _speakers(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """Who spoke, voted, presided or took the floor at the session the paragraph is at."""
    told = d.cache.event_parties
    for f in frames(sent):
        v, lemma = f.verb, f.verb.lemma_.lower()
        floor = lemma in ("take", "win") and any(o.lemma_.lower() in FLOOR_NOUNS for o in f.objects)
        if f.passive or not (lemma in SPEECH_VERBS or floor) or in_quotation(d, v) or not _real(v):
            continue
        ev = _session(d, si, v.i)
        if ev is None:
            continue
        for y in (y for x in _doers(f) for y in conjuncts(x)):
            e = entity_at(d, y, {"PERSON", "FACTION", "BODY"})
            if e is None or (e, ev) in told:
                continue
            told.add((e, ev))
            rule = "passage.session.v1"
            yield factoid(d, si, "PARTICIPATES", e, ev, rule, CONF[rule], when=fact_time(d, si, [v]),
                          role="speaker")


PRESENCE_WORDS = extractor_words().passage.presence_words


def _present(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'The burghers and the Guilds were there in force', 'the Dauphin was present' (no
    'at'), a sentence or two after a meeting is named: who was there took part in it."""
    told = d.cache.event_parties
    for v in sent:
        if v.lemma_ != "be" or in_quotation(d, v) or not _real(v):
            continue
        if not any(c.dep_ in ("advmod", "acomp") and c.lower_ in PRESENCE_WORDS and not any(
                g.dep_ == "prep" for g in c.children) for c in v.children):
            continue
        if any(c.dep_ == "prep" and c.lower_ == "at" for c in v.children):
            continue  # ('was present at the Congress' is ``events.participates``')
        ev = _session(d, si, v.i)
        if ev is None:
            continue
        # the subject, its conjuncts and what stands in apposition to any of them
        people = [t for s in v.children if s.dep_ == "nsubj" for t in s.subtree
                  if t.dep_ in ("nsubj", "conj", "appos")]
        for t in people:
            e = entity_at(d, t, {"PERSON", "FACTION", "BODY"})
            if e is None or e == ev or (e, ev) in told:
                continue
            told.add((e, ev))
            rule = "passage.present.v1"
            yield factoid(d, si, "PARTICIPATES", e, ev, rule, CONF[rule], when=fact_time(d, si, [v]),
                          role="present")


GATHERINGS = frozenset({"meeting", "ceremony"})


def _onlookers(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'It was the feast of the Ascension ... The Doge was a spectator': who the text says
    was a spectator, a guest or a witness a sentence or two after a gathering is named
    took part in it."""
    told = d.cache.event_parties
    for n in sent:
        if n.dep_ != "attr" or n.lemma_.lower() not in extractor_words().passage.onlooker_nouns \
                or n.head.lemma_ != "be" or in_quotation(d, n) or not _real(n.head) \
                or any(c.dep_ == "prep" for c in n.children):
            continue  # ('a witness of the treaty' names its own event)
        ev = _session(d, si, n.i, GATHERINGS)
        if ev is None:
            continue
        for t in (y for c in n.head.children if c.dep_ == "nsubj" for y in conjuncts(c)):
            e = entity_at(d, t, {"PERSON", "FACTION", "BODY"})
            if e is None or e == ev or (e, ev) in told:
                continue
            told.add((e, ev))
            rule = "passage.onlooker.v1"
            yield factoid(d, si, "PARTICIPATES", e, ev, rule, CONF[rule], when=fact_time(d, si, [n.head]),
                          role=n.lemma_.lower())


def passage(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """Victors, the beaten and commanders of the fight the passage narrates."""
    told = d.cache.event_parties
    found: list[tuple[Token, int, str, str]] = []
    for v, sides, role in _verdicts(sent):
        found += [(v, e, role, "passage.verdict.v1") for x in sides for y in conjuncts(x)
                  if (e := entity_at(d, y, ACTORS)) is not None]
    commanded = list(_commanders(d, sent))
    found += [(v, e, "commander", "passage.commander.v1") for v, e in commanded]
    # those who marched under a commander took part with him ('the Danes landed under Guthrum')
    subjects = {f.verb.i: f.subjects for f in frames(sent) if not f.passive}
    for v in dict.fromkeys(v for v, _ in commanded):
        # ('a thousand of the Saxons': the people a number of them stands for)
        troops = [o for t in subjects.get(v.i, []) for o in [t, *(g for c in t.children if c.dep_ == "prep"
                  and c.lower_ == "of" and t.pos_ in ("NUM", "NOUN") for g in c.children if g.dep_ == "pobj")]]
        found += [(v, e, v.text, "passage.commander.v1") for t in troops
                  if (e := entity_at(d, t, GROUPS)) is not None]
    for v, e, g in _group_commanders(d, sent):
        found += [(v, e, "commander", "passage.group_commander.v1")]
        found += [(v, g, v.text, "passage.group_commander.v1")] if g is not None else []
    found += [(v, e, "led forces", "passage.with_forces.v1") for v, e in _with_forces(d, sent)]
    yield from _led_to(d, si, sent)
    yield from _blow_parties(d, si, sent)
    yield from _speakers(d, si, sent)
    yield from _present(d, si, sent)
    yield from _onlookers(d, si, sent)
    yield from attendance(d, si, sent)
    yield from surrenders(d, si, sent)
    pending = d.cache.pending_commanders
    light = words().event.action_light_verbs
    # commanders the action rules already placed in the event their clause names
    placed = set()
    for f in reversed(d.factoids):  # (this sentence's facts are the last told)
        if f.start < sent.start_char:
            break
        if f.type == "PARTICIPATES" and f.role == "commander" and not f.extractor.startswith("passage."):
            placed.add(f.subject)
    for v, actor, role, rule in found:
        if role == "commander" and actor in placed:
            continue
        lemma = v.lemma_.lower()
        if in_quotation(d, v) or not _real(v) or lemma in words().event.action_verbs or lemma in light and any(
                c.dep_ == "dobj" and c.lemma_.lower() in light[lemma] for c in v.children):
            continue  # (the event an action names and its commander are ``action_events``')
        ev = _clause_fight(d, v)
        if ev is None and role == "beaten":
            # 'the King had been defeated in Parliament': beaten in a fight only where one is named
            here = _fights_in(d, sent, before=v.i)
            ev = here[-1][1] if here else None
        elif ev is None and rule in LEADING:
            here = _fights_in(d, sent, before=v.i) or _fights_after(d, sent, v)
            if not here and rule == "passage.with_forces.v1":
                here = [(0, e)] if (e := passage_fight(d, si, v)) is not None else []
            if not here:
                # 'marched into the valley under X. After a drawn battle ...': the march led
                # to the fight one of the next sentences names (read when that sentence is)
                pending.append((si, v, actor, role))
                continue
            ev = here[-1][1]
        elif ev is None:
            ev = passage_fight(d, si, v)
        if ev is None or ev == actor or (actor, ev) in told:
            continue
        told.add((actor, ev))
        yield factoid(d, si, "PARTICIPATES", actor, ev, rule, CONF[rule],
                      when=fact_time(d, si, [v]), role=role)
    if si == len(d.sents) - 1:
        yield from _led_to(d, si + 1, None)  # the text ends: no next sentence to lead to


def _surrendered(sent: Span) -> Iterator[tuple[Token, list[Token], list[Token]]]:
    """(the word, who surrendered, to whom) for 'the surrender of the Saxons to Charles'
    and 'the garrison capitulated to the French'."""
    pobjs = lambda t, p: [x for c in t.children if c.dep_ == "prep" and c.lower_ == p  # noqa: E731
                          for o in c.children if o.dep_ == "pobj" for x in conjuncts(o)]
    for t in sent:
        if t.pos_ == "NOUN" and t.lemma_.lower() in SURRENDER_NOUNS:
            yield t, pobjs(t, "of"), pobjs(t, "to")
    for f in frames(sent):
        if not f.passive and f.verb.lemma_.lower() in words().event.surrender_verbs:
            yield f.verb, f.subjects, f.preps.get("to", [])


def surrenders(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """Who surrendered, and to whom, took part in the siege of the town of those who
    surrendered ('Calais was besieged ... This was followed by the surrender of the
    burghers to Edward'), else in the fight their clause or the passage tells of."""
    told = d.cache.event_parties
    rule = "passage.surrender.v1"
    for w, yielding, victors in _surrendered(sent):
        if in_quotation(d, w) or not _real(w if w.pos_ in ("VERB", "AUX") else _clause_verb(w)):
            continue
        named = [e for t in yielding if (e := entity_at(d, t, ACTORS)) is not None]
        sieges = [d.described[(n, e)] for e in named for n in sorted(words().event.action_of_nouns)
                  if (n, e) in d.described and _event_class(d, d.described[(n, e)]) == "fight"]
        # (a besieged town, whatever kind its name voted for; else a people or a body)
        losers = [e for e in named if sieges or d.entities[e].kind in GROUPS]
        if not losers:
            continue
        ev = sieges[-1] if sieges else _clause_fight(d, w) or passage_fight(d, si, w)
        if ev is None:
            continue
        winners = [e for t in victors if (e := entity_at(d, t, ACTORS)) is not None]
        for actor, role in [(e, "surrendered") for e in losers] + [(e, "received the surrender") for e in winners]:
            if actor == ev or (actor, ev) in told:
                continue
            told.add((actor, ev))
            yield factoid(d, si, "PARTICIPATES", actor, ev, rule, CONF[rule], when=fact_time(d, si, [w]), role=role)


def _clause_verb(t: Token) -> Token:
    """The verb whose clause holds a word."""
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def attendance(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """Who attends a sick person takes part in his illness: 'Doctor Lemonnier was in attendance',
    'the Queen was assiduous in her attendance', 'the Duke scarcely left his brother's
    bedside', 'his sons were called to his bedside'. The sick person is whose bedside
    it is, else the one the passage last told was ill (a HEALTH fact at most
    ``PATIENT_WINDOW`` sentences back); the illness is the event his illness is, or becomes."""
    ew = words().event
    for n in sent:
        low = n.lemma_.lower()
        if n.pos_ != "NOUN" or in_quotation(d, n) or low not in ew.attendance_nouns | ew.sickbed_nouns:
            continue
        head = n.head.head if n.dep_ == "pobj" else n.head
        if low in ew.attendance_nouns:
            if n.dep_ != "pobj" or n.head.lower_ != "in":
                continue
            verb = head.head if head.dep_ in ("acomp", "amod") else head  # 'assiduous in her attendance'
            if verb.pos_ == "NOUN" and verb.dep_ == "pobj" and verb.head.head.lemma_ == "be":
                verb = verb.head.head  # ('was for a time assiduous in her attendance': hung on 'time')
            if verb.lemma_ != "be" or not asserted(verb):
                continue
            actors = [c for c in verb.children if c.dep_ == "nsubj"]
        else:
            verb = head
            if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in ew.leave_verbs and not asserted(verb):
                continue
            f = frame_of(verb)
            actors = f.objects if f.passive else f.subjects
        patient = None
        poss = next((c for c in n.children if c.dep_ == "poss"), None)
        if poss is not None and poss.lower_ not in ("his", "her", "their"):
            patient = entity_at(d, poss, {"PERSON"})
        patient = _patient(d, si) if patient is None else patient
        if patient is None:
            continue
        for t in _with_conjuncts(actors):
            actor = entity_at(d, t, {"PERSON"})
            if actor is None or actor == patient:
                continue
            ev = _illness(d, patient, n)
            yield factoid(d, si, "PARTICIPATES", actor, ev, "passage.attendance.v1",
                          CONF["passage.attendance.v1"], when=fact_time(d, si, [verb]), role="attended")


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    """Each token and those coordinated with it ('the Queen and the Duchess')."""
    return [c for t in tokens for c in conjuncts(t)]


def _patient(d: Document, si: int) -> int | None:
    """The one the passage last told was ill."""
    floor = d.sents[max(0, si - PATIENT_WINDOW)].start_char
    here = d.sents[si].end_char
    for f in reversed(d.factoids):
        if f.type == "HEALTH" and floor <= f.start < here:
            return f.subject
    return None


def _illness(d: Document, patient: int, n: Token) -> int:
    """The event of the patient's illness: the one the text made of it ('a massive stroke'),
    else one named here, which 'his illness' later joins (``events.personal_events``)."""
    key = ("personal:illness", patient)
    if key not in d.described:
        earlier = own_illness(d, patient)
        if earlier is not None:
            d.described[key] = earlier
    return d.add_entity(f"illness of {d.entities[patient].name}", "EVENT", n.idx, n.idx + len(n.text),
                        "passage.attendance.v1", same_as=key)
