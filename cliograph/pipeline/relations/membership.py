"""MEMBER_OF: people in bodies and factions, with a role (member, leader, founder).

'X joined the Senate', 'Bukharin formed a buffer group', 'the Secretariat was led by X, Y and Z', 'X, a member
of the Convention', 'one of the leaders of the Jacobins', 'Budu Mdivani and other
Georgian communists', 'his obligations in the Politburo, the Orgburo and Rabkrin'.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ...model import Factoid, Mention
from ...rules import lexicon
from ...rules.words import extractor_words
from ..document import Document
from ..quotations import in_quotation
from .base import asserted, entity_at, factoid
from .frames import antecedent, expand, frame_of, frames, listed
from .stance import _group_of_adjective as group_of_adjective
from .stance import words

GROUPS = {"BODY", "FACTION"}
# a player's or performer's side: verb -> (its preposition, the role)
PLAY_FOR = extractor_words().membership.play_for
PERSON = {"PERSON"}


def _emit(d: Document, si: int, person: int | None, group: int | None, role: str, rule: str,
          conf: float) -> Iterator[Factoid]:
    if person is not None and group is not None:
        yield factoid(d, si, "MEMBER_OF", person, group, rule, conf, role=role)


def from_verbs(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    w = words()
    for f in frames(sent):
        lemma = f.verb.lemma_.lower()
        if not asserted(f.verb):
            continue
        if f.passive and lemma in w.member_passive:
            # 'The Secretariat was led by Preobrazhenski, Krestinski and Serebryakov'
            for g in f.objects if any(entity_at(d, p, PERSON) is not None for p in f.subjects) else []:
                for group, fixed in _groups_at(d, g):
                    for p in f.subjects:
                        yield from _emit(d, si, entity_at(d, p, PERSON), group,
                                         fixed or w.member_passive[lemma], "membership.passive_verb.v1", 0.7)
            # 'X was elected to the Central Committee'
            for g in f.preps.get("to", []) + f.preps.get("into", []):
                for p in f.objects:
                    yield from _emit(d, si, entity_at(d, p, PERSON), entity_at(d, g, GROUPS),
                                     "member", "membership.elected_to.v1", 0.7)
        elif not f.passive and lemma in PLAY_FOR and f.preps.get(PLAY_FOR[lemma][0]):
            # 'Lars Berg played for Hammarby', 'she signed for Ajax in 2001'
            prep, role = PLAY_FOR[lemma]
            for p in f.subjects:
                for g in listed(f.preps[prep]):
                    yield from _emit(d, si, entity_at(d, p, PERSON), entity_at(d, g, GROUPS), role,
                                     "membership.played_for.v1", 0.7)
        elif not f.passive and lemma in w.member_verbs:
            # 'Bukharin formed a buffer group', 'X joined the Jacobins'
            for p in f.subjects:
                for g in f.objects:
                    yield from _emit(d, si, entity_at(d, p, PERSON), entity_at(d, g, GROUPS),
                                     w.member_verbs[lemma], "membership.active_verb.v1", 0.7)


def from_nouns(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    w = words()
    for tok in sent:
        low = tok.lower_
        # 'X, a member of the Convention'; 'X was a leader of the Girondins'
        if low in w.member_nouns and tok.pos_ == "NOUN":
            groups = [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                      for o in expand([x for x in c.children if x.dep_ == "pobj"])]
            groups += [c for c in tok.children if c.dep_ == "poss"]  # 'the Club ... its leader'
            holders = [c for c in tok.children if c.dep_ == "appos"]
            if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.pos_ in ("VERB", "AUX") \
                    and asserted(tok.head.head):  # 'Robespierre emerged as its leader'
                holders.extend(frame_of(tok.head.head).subjects)
            if tok.dep_ == "nsubj" and tok.head.lemma_ == "be" and asserted(tok.head):
                # 'Its leaders were Cobbett and Hunt', 'its leaders were nobles like X and Y'
                named = expand([c for c in tok.head.children if c.dep_ == "attr"])
                holders.extend(named)
                holders.extend(expand([o for a in named for c in a.children if c.dep_ == "prep"
                                       and c.lower_ in EXAMPLE_PREPS for o in c.children if o.dep_ == "pobj"]))
            said = _one_of(tok)  # 'X was one of the leaders of Y', 'X was among the members of Y'
            if said.dep_ == "appos":
                holders.append(said.head)
            if said.dep_ in ("attr", "prep") and asserted(said.head):
                holders.extend(c for c in said.head.children if c.dep_ == "nsubj")
            role = w.member_roles.get(low, "member")
            # 'Robespierre, who was a member of ..., and Danton': the one the clause is on
            people = [a for h in holders if (a := antecedent(h)) is not h] or expand(holders)
            for g in groups if any(_leader(d, p) is not None for p in people) else []:
                for group, fixed in _groups_at(d, g):
                    for p in people:
                        yield from _emit(d, si, _leader(d, p), group, fixed or role, "membership.member_noun.v1", 0.7)
        # 'his obligations in the Politburo, the Orgburo and Rabkrin'
        if low in w.seat_nouns and tok.pos_ == "NOUN":
            owners = [c for c in tok.children if c.dep_ == "poss"]
            if not owners and tok.dep_ == "dobj" and tok.head.lemma_ in HOLD_RANK and asserted(tok.head):
                # 'had a seat in the Senate', 'obtained a seat in the cabinet'
                owners = [c for c in tok.head.children if c.dep_ == "nsubj"]
            preps = _preps(tok)
            # 'his other obligations – in the Politburo, the Orgburo ...': across a dash
            nxt = [t for t in d.doc[tok.i + 1:min(tok.i + 3, sent.end)]]
            if len(nxt) == 2 and nxt[0].text in ("–", "—", "-", ":") and nxt[1].lower_ in ("in", "on"):
                preps.append(nxt[1])
            places = [o for c in preps if c.lower_ in ("in", "on")
                      for o in listed([x for x in c.children if x.dep_ == "pobj"])]
            for p in owners:
                for g in places:
                    yield from _emit(d, si, entity_at(d, p, PERSON), entity_at(d, g, GROUPS),
                                     "member", "membership.seat_in.v1", 0.7)
    # 'Others in the Politburo, especially Zinoviev': a person singled out of a body
    for tok in sent:
        if tok.lower_ not in ("others", "those", "many", "some", "most", "several", "members"):
            continue
        groups = [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "on")
                  for o in expand([x for x in c.children if x.dep_ == "pobj"])]
        people = [c for c in tok.children if c.dep_ == "appos"]
        # 'Others in the Politburo, especially Zinoviev' (the parser hangs him on the body)
        people += [c for g in groups for c in g.children if c.dep_ == "appos" and any(
            a.lower_ in ("especially", "notably", "particularly", "including") for a in c.children)]
        for g in groups:
            for p in expand(people):
                yield from _emit(d, si, entity_at(d, p, PERSON), entity_at(d, g, GROUPS), "member",
                                 "membership.singled_out.v1", 0.7)
    # 'Budu Mdivani and other Georgian communists'
    for tok in sent:
        if tok.dep_ == "conj" and any(c.lower_ == "other" for c in tok.children):
            group = entity_at(d, tok, {"FACTION"})
            if group is None:
                continue
            for p in expand([tok.head]):
                yield from _emit(d, si, entity_at(d, p, PERSON), group, "member",
                                 "membership.and_other.v1", 0.75)


EXAMPLE_PREPS = {"like", "including", "as"}  # 'nobles like X', 'men such as X'
PARTITIVES = {"one", "two", "three", "some", "several", "many", "most", "each", "all", "both", "few"}


def _one_of(tok: Token) -> Token:
    """The word that stands for a noun in a partitive ('one of the leaders'), or for
    'among the members' the preposition; else the noun itself."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in PARTITIVES:
        return head.head
    if tok.dep_ == "pobj" and head.lower_ == "among" and head.head.pos_ == "AUX":
        return head
    return tok


def _preps(tok: Token) -> list[Token]:
    """Prepositions on a noun, and on a list of its appositions ('in Moscow in the Orgburo')."""
    out = [c for c in tok.children if c.dep_ == "prep"]
    for p in list(out):
        for o in p.children:
            if o.dep_ == "pobj":
                out.extend(c for c in o.children if c.dep_ == "prep")
    return out


UNDER_ROLES = {"under": "leader"}
REPRESENTED = extractor_words().membership.represented
HEAD_NOUNS = extractor_words().membership.head_nouns


def _leader(d: Document, tok: Token) -> int | None:
    """A person in a slot only a person fills ('the Girondins under Brissot'): a name the
    document's votes made a person, or a bare one-word name they made a place."""
    e = entity_at(d, tok, PERSON)
    if e is None and tok.pos_ == "PROPN" and not any(c.dep_ == "det" for c in tok.children):
        e = entity_at(d, tok, {"PLACE", "BODY"})
        if e is not None and (" " in d.entities[e].name or d.entities[e].name != tok.text):
            return None
    return e


def _group(d: Document, tok: Token) -> int | None:
    """The group a token names, also inside a longer mention ('head of the Cordeliers')."""
    e = entity_at(d, tok, GROUPS)
    if e is not None:
        return e
    name = d.doc[min([tok.i] + [c.i for c in tok.children if c.dep_ in ("compound", "amod")]):tok.i + 1].text
    return next((i for i, ent in enumerate(d.entities) if ent.kind in GROUPS and ent.name == name), None)


# a side of a party: 'the right wing of the Labour party', 'the “centre” Liberals'
WINGS = extractor_words().membership.wings
QUOTES = {"“", "”", '"', "‘", "’", "'"}


def _named_group(d: Document, tok: Token) -> int | None:
    """The group a token names, also when a longer mention took it in ('head of the
    Girondins' read as one title): the proper name ending at the token, by name."""
    e = entity_at(d, tok, GROUPS)
    m = d.mention_of_token(tok)
    if e is not None and m is not None:
        # 'the Populist Socialists' where only 'Socialists' was named: the narrower group
        first = m.tokens[0]
        while first > 0 and d.doc[first - 1].dep_ in ("amod", "compound") and d.doc[first - 1].head.i == tok.i \
                and d.doc[first - 1].text.istitle() and d.token_mention.get(first - 1) is None:
            first -= 1
        if first < m.tokens[0]:
            span = d.doc[first:m.tokens[1]]
            return d.add_entity(span.text, d.entities[e].kind, span.start_char, span.end_char,
                                "membership.named_group.v1")
    if e is not None or tok.pos_ != "PROPN":
        return e
    start = tok.i
    while start > 0 and d.doc[start - 1].head.i == tok.i and (
            d.doc[start - 1].pos_ == "PROPN" and d.doc[start - 1].dep_ == "compound"
            or d.doc[start - 1].dep_ == "amod" and d.doc[start - 1].text.istitle()):
        start -= 1

    def called(name: str) -> int | None:
        return next((i for i, ent in enumerate(d.entities) if ent.kind in GROUPS
                     and (ent.name == name or name in ent.aliases)), None)
    span = d.doc[start:tok.i + 1]
    e = called(span.text)
    if e is None and start < tok.i and (bare := called(tok.text)) is not None:
        e = d.add_entity(span.text, d.entities[bare].kind, span.start_char, span.end_char, "membership.named_group.v1")
    return e


def _wing(d: Document, tok: Token) -> tuple[int, int] | None:
    """A wing of a group the text names by its side ('the right wing of the Whigs', 'the
    right Whigs', 'the “centre” Radicals'): the wing as a FACTION, and the group."""
    doc = d.doc
    if tok.lower_ == "wing":
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        side = [c for c in tok.children if c.lower_ in WINGS]
        obj = next((o for o in of.children if o.dep_ == "pobj"), None) if of is not None else None
        parent = _named_group(d, obj) if obj is not None else None
        if parent is None and obj is not None and obj.lower_ == "party":  # 'the right wing of the Whig party'
            parent = next((g for c in obj.children if c.dep_ in ("compound", "amod") and c.text.istitle()
                           and (g := group_of_adjective(d, c)) is not None), None)
        if parent is None or not side:
            return None
        m = d.mention_of_token(obj)
        end = m.tokens[1] if m is not None and m.kind in GROUPS else obj.i + 1
        first, last = side[0].i, end
        name = f"{side[0].lower_} wing of {doc[of.i + 1:end].text}"
    else:
        parent = _named_group(d, tok)
        if parent is None:
            return None
        m = d.mention_of_token(tok)
        start = m.tokens[0] if m is not None and m.kind in GROUPS else tok.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
            start -= 1
        k, words = start - 1, []
        while k >= 0 and (doc[k].lower_ in WINGS or doc[k].lower_ == "wing" or doc[k].text in QUOTES):
            words.insert(0, doc[k])
            k -= 1
        if not any(w.lower_ in WINGS for w in words):
            return None
        first, last = words[0].i, tok.i + 1
        name = " ".join([w.text for w in words if w.text not in QUOTES] + [doc[start:tok.i + 1].text])
    span = doc[first:last]
    faction = d.add_entity(name, "FACTION", span.start_char, span.end_char, "membership.wing.v1")
    return faction, parent


def _groups_at(d: Document, tok: Token) -> list[tuple[int, str | None]]:
    """The groups a token stands for, with the role a leader of it has in each: a wing
    and (as a plain member) its party, else the group itself."""
    wing = _wing(d, tok)
    if wing is not None:
        return [(wing[0], None), (wing[1], "member")]
    g = _named_group(d, tok)
    party = next((key[1] for key, w in d.described.items() if w == g and key[0].endswith(" wing")), None)
    if g is not None and party is not None:  # a wing 'name_wings' already gave its tokens
        return [(g, None), (party, "member")]
    return [(g, None)] if g is not None else []


def name_wings(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """Give a wing its own words before any rule reads the sentence: 'the right wing of
    the Whigs', 'the “centre” Radicals' stand for the wing (a FACTION, the party's
    derived entity for that side), not the party, in every fact they take part in.
    Yields no fact."""
    for tok in sent:
        if tok.pos_ not in ("PROPN", "NOUN") or tok.dep_ == "compound" or not (
                tok.lower_ == "wing" or entity_at(d, tok, GROUPS) is not None):
            continue
        found = _wing(d, tok)
        if found is None:
            continue
        wing, party = found
        side = next((t for t in d.doc[max(sent.start, tok.i - 6):tok.i] if t.lower_ in WINGS), None)
        if side is None or party == wing:
            continue
        d.described.setdefault((f"{side.lower_} wing", party), wing)
        first = side.i - 1 if side.i > sent.start and d.doc[side.i - 1].text in QUOTES else side.i
        span = d.doc[first:tok.i + 1]
        d.mentions.append(Mention(span.start_char, span.end_char, span.text, "FACTION", "membership.wing.v1",
                                  entity=wing, tokens=(span.start, span.end)))
        for t in range(span.start, span.end):
            d.token_mention[t] = len(d.mentions) - 1
    return iter(())


def _at_head(person: Token, group: Token) -> bool:
    """'with X at the head' / 'at its head': the phrase right after the name, on it or on the group."""
    for at in (*person.children, *group.children):
        if at.dep_ == "prep" and at.lower_ == "at" and at.i == person.i + 1 and any(
                o.lower_ in HEAD_NOUNS and not any(p.lower_ == "of" for p in o.children)
                for o in at.children if o.dep_ == "pobj"):
            return True
    return False


def led_groups(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """A group named with who leads or speaks for it: 'the Girondins under Brissot and
    Vergniaud', 'the Jacobins, represented by Robespierre', 'Danton and Desmoulins, at
    the head of the Cordeliers'."""
    for tok in sent:
        if tok.pos_ not in ("PROPN", "NOUN") or tok.dep_ == "compound":
            continue
        for c in tok.children:
            people: list[Token] = []
            role = None
            if c.dep_ == "prep" and c.lower_ in UNDER_ROLES:
                people, role = [o for o in c.children if o.dep_ == "pobj"], UNDER_ROLES[c.lower_]
            elif c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in REPRESENTED:
                people = [o for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
                role = REPRESENTED[c.lemma_.lower()]
            elif c.dep_ == "prep" and c.lower_ == "with":
                # 'a Directory of Five, with Barras at the head' (however 'at' was attached)
                people = [o for o in c.children if o.dep_ == "pobj" and _at_head(o, tok)]
                role = "leader"
            leaders = [e for p in expand(people) if (e := _leader(d, p)) is not None]
            if not leaders:
                continue  # (a wing or a narrower group is named only for the facts it has)
            for group, fixed in _groups_at(d, tok):
                for person in leaders:
                    yield from _emit(d, si, person, group, fixed or role or "member", "membership.led_group.v1", 0.7)
        # 'X, at the head of the Cordeliers'
        if tok.lower_ in HEAD_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ == "at":
            groups = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                      for o in c.children if o.dep_ == "pobj"]
            holder = tok.head.head
            if holder.pos_ in ("VERB", "AUX"):
                if not asserted(holder):
                    continue
                holders = frame_of(holder).subjects
            else:
                holders = expand([holder])
            for g in groups if any(_leader(d, p) is not None for p in holders) else []:
                for group, fixed in _groups_at(d, g) or [(_group(d, g), None)]:
                    for p in holders:
                        yield from _emit(d, si, _leader(d, p), group, fixed or "leader", "membership.led_group.v1", 0.7)


# a person named by the party they stand for: 'an Irish Labour Party politician',
# 'the Liberal Party candidate', 'a Social Democratic Party deputy'
PARTY_ROLES = extractor_words().membership.party_roles


def party_label(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    for tok in sent:
        role = PARTY_ROLES.get(tok.lower_)
        if role is None or tok.pos_ != "NOUN":
            continue
        parties = [e for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i
                   if (e := entity_at(d, c, GROUPS)) is not None
                   and d.entities[e].name.split()[-1].lower() == "party"]
        if not parties:
            continue
        holders: list[Token] = []
        if tok.dep_ == "appos":
            holders = [tok.head]
        elif tok.dep_ == "attr" and asserted(tok.head):
            holders = [c for c in tok.head.children if c.dep_ == "nsubj"]
        elif tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.pos_ in ("VERB", "AUX") \
                and asserted(tok.head.head):  # 'she stood as the Labour Party candidate'
            holders = frame_of(tok.head.head).subjects
        people = [a for h in holders if (a := antecedent(h)) is not h] or expand(holders)
        for p in people:
            for g in parties:
                yield from _emit(d, si, entity_at(d, p, PERSON), g, role, "membership.party_label.v1", 0.75)


PARTY_NOUNS = extractor_words().membership.party_nouns
PAPER_NOUNS = extractor_words().membership.paper_nouns  # a man's paper is his to run
SPEAK_FOR = {"for", "on behalf of"}
REPRESENT = extractor_words().membership.represent
COMPOSE = extractor_words().membership.compose
HOLD_RANK = extractor_words().membership.hold_rank
RANK_NOUNS = extractor_words().membership.rank_nouns


def spoken_for(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """Whom a person speaks or stands for: 'his party, the Whigs'; 'Fox, for the Whigs,
    replied'; 'cried Fox, for the Whigs'; 'Grey, representing the Whigs'; a committee
    'composed of A of Kent, B and C' (every name of the list, however the parser split it)."""
    lex = lexicon()
    for tok in sent:
        low = tok.lemma_.lower()
        # 'his party, the Whigs'; 'Marat's paper, L'Ami du peuple' (and the other way round)
        if (tok.lower_ in PARTY_NOUNS or tok.lower_ in PAPER_NOUNS) and tok.pos_ == "NOUN":
            owners = [c for c in tok.children if c.dep_ == "poss"]
            named = [c for c in tok.children if c.dep_ == "appos"] + ([tok.head] if tok.dep_ == "appos" else [])
            role = "leader" if tok.lower_ in PAPER_NOUNS else "member"
            for o in owners:
                person = entity_at(d, o, PERSON)
                for g in named if person is not None else []:
                    yield from _emit(d, si, person, _named_group(d, g), role, "membership.own_party.v1", 0.75)
        elif tok.pos_ == "VERB" and low in lex.speech_verbs and asserted(tok):
            groups = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"
                      for o in c.children if o.dep_ == "pobj"]
            speakers = [c for c in tok.children if c.dep_ in ("nsubj", "attr")
                        or c.dep_ == "dobj" and c.pos_ == "PROPN" and c.i > tok.i]
            for p in expand(speakers):
                person = entity_at(d, p, PERSON)
                for g in groups if person is not None else []:
                    yield from _emit(d, si, person, _named_group(d, g), "member", "membership.speaks_for.v1", 0.7)
        elif low in HOLD_RANK and tok.pos_ == "VERB" and asserted(tok) and any(
                c.dep_ == "dobj" and c.lower_ in RANK_NOUNS for c in tok.children):
            # 'Lord Ross held high rank in the Guards', 'he had a commission in the army'
            groups = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for o in c.children
                      if o.dep_ == "pobj"] + [o for r in tok.children if r.dep_ == "dobj" and r.lower_ in RANK_NOUNS
                                              for c in r.children if c.dep_ == "prep" and c.lower_ == "in"
                                              for o in c.children if o.dep_ == "pobj"]
            for g in groups:
                for p in frame_of(tok).subjects:
                    yield from _emit(d, si, entity_at(d, antecedent(p), PERSON), entity_at(d, g, {"BODY"}),
                                     "member", "membership.rank_in.v1", 0.7)
        elif low in REPRESENT and tok.pos_ == "VERB" and asserted(tok):
            groups = [c for c in tok.children if c.dep_ == "dobj"]
            people = [tok.head] if tok.dep_ == "acl" else frame_of(tok).subjects
            for p in expand(people):
                person = entity_at(d, p, PERSON)
                for g in groups if person is not None else []:
                    yield from _emit(d, si, person, _named_group(d, g), "member", "membership.represents.v1", 0.7)
        elif low in COMPOSE and tok.pos_ == "VERB" and asserted(tok):
            body = tok.head if tok.dep_ == "acl" else next(
                (c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            group = entity_at(d, body, {"BODY"}) if body is not None else None
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if group is None or of is None:
                continue
            people = dict.fromkeys(e for t in of.subtree if t.dep_ in ("pobj", "conj", "appos")
                                   if (e := entity_at(d, t, PERSON)) is not None)
            for person in people:
                yield from _emit(d, si, person, group, "member", "membership.composed_of.v1", 0.7)


def owned_organs(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Parnell’s Land League', 'among the organs of the Left, Cobbett’s Political
    Register': a body or a paper named as a person's is one they belong to, when its
    name ends in a noun of a body or the sentence has just spoken of organs or parties
    (not 'Handel’s Water Music')."""
    heads = lexicon().body_heads
    for tok in sent:
        if tok.pos_ != "PROPN" or tok.dep_ == "compound" or in_quotation(d, tok):
            continue
        group = entity_at(d, tok, GROUPS)
        m = d.mention_of_token(tok)
        if group is None or m is None:
            continue
        if d.entities[group].name.split()[-1].lower() not in heads and not any(
                t.lemma_.lower() in PARTY_NOUNS | PAPER_NOUNS for t in d.doc[sent.start:tok.i]):
            continue
        for o in (c for c in tok.children if c.dep_ in ("poss", "nmod") and c.pos_ == "PROPN" and c.i < m.tokens[0]
                  and any(x.dep_ == "case" for x in c.children)):
            person = entity_at(d, o, PERSON)
            if person is not None:
                yield from _emit(d, si, person, group, "member", "membership.owned_organ.v1", 0.65)


# ------------------------------------------------------------------ encyclopaedic shapes
# How a reference work states a membership ('Hansen was elected a member of the Royal
# Danish Academy', 'a politician for the Centre Party', 'the Liberal candidate Tom Hale',
# 'elected as a Democrat to Congress', 'Ironside bassist Tom Hale').

# the political families whose name, capitalised, names a party by itself ('the Liberal
# candidate', 'elected as a Republican'); a nationality ('an Irish politician') never does
PARTY_FAMILIES = extractor_words().membership.party_families
PARTY_CHIEFS = {**PARTY_ROLES, "chief": "leader", "congressman": "member", "congresswoman": "member",
                "assemblyman": "member", "premier": "leader"}
# verbs after which 'as a Democrat' says for which party one stood
STOOD_AS = extractor_words().membership.stood_as
# the players of a band: 'Ironside bassist Tom Hale', 'the guitarist of the band Nightfall'
MUSICIANS = extractor_words().membership.musicians
ENSEMBLES = extractor_words().membership.ensembles
RULE_SAYS = "membership.encyclopaedic.v1"
# what a party's own name is built on ('the Movement for Multi-party Democracy')
PARTY_HEADS = extractor_words().membership.party_heads


def _party_word(d: Document, tok: Token) -> int | None:
    """The party a capitalised word before a politician's noun names: a group the document
    knows whose name it begins ('Labour' for the Labour Party), a name the model read as an
    organisation ('Solidarity leader X'), or a political family ('the Liberal candidate')."""
    if not tok.text[:1].isupper() or tok.is_sent_start or tok.ent_type_ in ("GPE", "LOC", "PERSON", "DATE"):
        return None
    e = entity_at(d, tok, GROUPS)
    if e is not None:
        return e
    known = d.entity_of_token(tok)
    if known is not None and d.entities[known].name != tok.text:
        return None  # a word of a longer name ('the Liberal Democrats' is not 'Liberal')
    if tok.lower_ not in PARTY_FAMILIES and tok.ent_type_ != "ORG":
        return None
    start = tok.i  # 'a Christian Democrat': the family's whole name
    while start > 0 and d.doc[start - 1].head.i == tok.i and d.doc[start - 1].dep_ == "compound" \
            and d.doc[start - 1].text[:1].isupper() and not d.doc[start - 1].is_sent_start:
        start -= 1
    span = d.doc[start:tok.i + 1]
    for i, ent in enumerate(d.entities):
        if ent.kind in GROUPS and ent.name.lower().startswith(span.text.lower() + " ") and \
                ent.name.split()[-1].lower() == "party":
            return i
    return d.add_entity(span.text, "BODY", span.start_char, span.end_char, RULE_SAYS)


def _role_holders(d: Document, noun: Token) -> list[Token]:
    """Who a role noun is said of: 'X, the Liberal candidate', 'X was a Liberal candidate',
    'the Liberal candidate X', 'Liberal leader X', 'he stood as the Liberal candidate'."""
    holders: list[Token] = []
    if noun.dep_ == "appos" or noun.dep_ == "compound" and noun.head.pos_ == "PROPN":
        return [noun.head]  # (not its conjuncts: 'the Liberal leader X and the Labour leader Y')
    if noun.dep_ == "attr" and asserted(noun.head):
        holders = [c for c in noun.head.children if c.dep_ == "nsubj"]
    elif noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ in ("VERB", "AUX") \
            and asserted(noun.head.head):
        f = frame_of(noun.head.head)
        holders = f.objects if f.passive else f.subjects
    named = [c for c in noun.children if c.dep_ == "appos"]
    return named + ([a for h in holders if (a := antecedent(h)) is not h] or expand(holders))


def party_words(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """A party named by its word alone: 'the Conservative leader Arthur Wells', 'a Republican
    member of the House', 'Labor candidate Tom Vine', 'he was elected as a Democrat'."""
    for tok in sent:
        role = PARTY_CHIEFS.get(tok.lower_)
        if role is not None and tok.pos_ in ("NOUN", "PROPN"):
            parties = [g for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i
                       if (g := _party_word(d, c)) is not None]
            for p in _role_holders(d, tok) if parties else []:
                for g in parties:
                    yield from _emit(d, si, entity_at(d, p, PERSON), g, role, RULE_SAYS, 0.7)
        # 'elected as a Whig to Congress', 'he ran as an Independent'
        if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.pos_ == "VERB" \
                and tok.head.head.lemma_.lower() in STOOD_AS and asserted(tok.head.head) \
                and any(c.lower_ in ("a", "an") for c in tok.children) and tok.lower_ in PARTY_FAMILIES:
            g = _party_word(d, tok)
            f = frame_of(tok.head.head)
            for p in (f.objects if f.passive else f.subjects) if g is not None else []:
                yield from _emit(d, si, entity_at(d, p, PERSON), g, "member", RULE_SAYS, 0.7)


def member_elected(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'X was elected a member of the Academy'; 'X is a member of A and of B' (the second
    'of' the parser hangs on the verb); 'a politician for the Centre Party'."""
    w = words()
    for tok in sent:
        low = tok.lower_
        if low in w.member_nouns and tok.pos_ == "NOUN":
            verb = tok.head
            holders: list[Token] = []
            if tok.dep_ in ("oprd", "attr", "dobj") and verb.pos_ == "VERB" and asserted(verb) and any(
                    c.dep_ == "nsubjpass" for c in verb.children):
                holders = frame_of(verb).objects  # 'X was elected a member of Y'
                groups = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                          for o in expand([x for x in c.children if x.dep_ == "pobj"])]
            elif tok.dep_ == "attr" and verb.lemma_ == "be" and asserted(verb):
                holders = [c for c in verb.children if c.dep_ == "nsubj"]
                groups = [o for c in verb.children if c.dep_ == "conj" and c.lower_ == "of"
                          for o in expand([x for x in c.children if x.dep_ == "pobj"])]
            else:
                continue
            people = [a for h in holders if (a := antecedent(h)) is not h] or expand(holders)
            for g in groups:
                for p in people:
                    yield from _emit(d, si, entity_at(d, p, PERSON), _named_group(d, g), "member", RULE_SAYS, 0.7)
        # 'a Danish politician for the Centre Party', 'a candidate of the Labour Party'
        role = PARTY_ROLES.get(low)
        if role is not None and tok.pos_ == "NOUN" and low != "member":
            parties = [e for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
                       for o in c.children if o.dep_ == "pobj"
                       if (e := entity_at(d, o, GROUPS)) is not None and PARTY_HEADS & set(
                           d.entities[e].name.lower().split())]
            for p in _role_holders(d, tok) if parties else []:
                for g in parties:
                    yield from _emit(d, si, entity_at(d, p, PERSON), g, role, RULE_SAYS, 0.7)


def _band(d: Document, tok: Token, called_band: bool = False) -> int | None:
    """The band a capitalised name stands for, as a group even where the document took the
    name for a person's or a place's ('Ironside bassist X': a one-word name); unless the
    text calls it a band, never a word the model took for a people or a place."""
    if not tok.text[:1].isupper() or tok.pos_ not in ("PROPN", "NOUN", "ADV", "ADJ") or tok.ent_type_ == "DATE" \
            or not called_band and tok.ent_type_ in ("NORP", "GPE", "LOC"):
        return None
    e = entity_at(d, tok, GROUPS)
    if e is not None:
        return e
    m = d.mention_of_token(tok)
    first, last = m.tokens if m is not None else (tok.i, tok.i + 1)
    while first > 0 and d.doc[first - 1].text[:1].isupper() and d.doc[first - 1].is_alpha \
            and not d.doc[first].is_sent_start:
        first -= 1  # 'Fall Out Boy bassist X': the capitalised words before it (a sentence's first too)
    span = d.doc[first:last]
    return d.add_entity(span.text, "BODY", span.start_char, span.end_char, RULE_SAYS)


def _ensemble_named(d: Document, noun: Token) -> int | None:
    """'the rock band Ironside' (the name, with 'band' on it), 'the band, Ironside' (an
    apposition)."""
    if noun.lower_ in ENSEMBLES or noun.lower_ == "group" and any(c.dep_ == "amod" for c in noun.children):
        # ('the electronic group X', never 'the group, Lenin, ...')
        named = [c for c in noun.children if c.dep_ in ("appos", "npadvmod") and c.text[:1].isupper()]
        k = noun.i + 1 + (noun.i + 1 < len(d.doc) and d.doc[noun.i + 1].text == ",")
        if not named and noun.lower_ in ENSEMBLES and k < len(d.doc) and d.doc[k].text[:1].isupper() \
                and d.doc[k].is_alpha and not d.doc[k].is_sent_start:
            named = [d.doc[k]]  # (the parser may hang the name anywhere: it follows the noun)
        return _band(d, named[0], called_band=True) if named else None
    if any(c.dep_ == "compound" and c.lower_ in ENSEMBLES | {"group"} for c in noun.children):
        return _band(d, noun, called_band=True)  # ('the electronic group Tangerine Dream')
    return None


def band_members(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """Who plays in a band: 'Ironside bassist Tom Hale', 'X is the guitarist of the band
    Nightfall', 'X, a member of the rock band Ironside'."""
    for tok in sent:
        low = tok.lower_
        if tok.pos_ != "NOUN" or not (low in MUSICIANS or low in ("member", "members")):
            continue
        bands = [b for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                 for o in c.children if o.dep_ == "pobj" if (b := _ensemble_named(d, o)) is not None]
        if low in MUSICIANS and not any(c.lower_ in ("a", "an") for c in tok.children):
            # 'Ironside bassist X' (but 'a Welsh guitarist': what he is, not whose)
            bands += [b for c in tok.children if c.dep_ == "compound" and c.i < tok.i and c.pos_ == "PROPN"
                      if (b := _band(d, c)) is not None]
        if not bands:
            continue
        first = tok
        while first.dep_ == "conj" and first.head.pos_ == "NOUN":
            first = first.head  # 'the guitarist of A, as well as guitarist of B'
        holders = _role_holders(d, first) if first is not tok else _role_holders(d, tok)
        for p in holders:
            person = entity_at(d, p, PERSON)
            for b in bands:
                yield from _emit(d, si, person, b, "member", RULE_SAYS, 0.65)


def membership(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    yield from spoken_for(d, si, sent)
    yield from from_verbs(d, si, sent)
    yield from from_nouns(d, si, sent)
    yield from led_groups(d, si, sent)
    yield from party_label(d, si, sent)
    yield from owned_organs(d, si, sent)


    yield from party_words(d, si, sent)
    yield from member_elected(d, si, sent)
    yield from band_members(d, si, sent)
    yield from ensemble_members(d, si, sent)


def _listed_people(d: Document, i: int, end: int) -> list[int]:
    """The people of a list that starts at token ``i``, each name perhaps after the words
    of a trade ('vocalist A, guitarist B and drummer C'): read along the text up to the
    first word that is none of those."""
    doc, out = d.doc, []
    while i < end:
        tok = doc[i]
        mi = d.token_mention.get(i)
        if mi is not None and d.mentions[mi].tokens[0] == i:
            e = entity_at(d, tok, PERSON)
            if e is None:
                break
            out.append(e)
            i = d.mentions[mi].tokens[1]
            continue
        if not (tok.text in (",", "and") or tok.lower_ in ("the", "a", "an")
                or tok.is_alpha and tok.is_lower and not tok.is_stop):
            break
        i += 1
    return list(dict.fromkeys(out))


def _ensemble_subject(d: Document, noun: Token) -> int | None:
    """The band an ensemble noun is said of: its own name ('the rock band X') or, as a
    copula's complement, the subject ('X are a Finnish rock band')."""
    if noun.lower_ not in ENSEMBLES:
        return None
    named = _ensemble_named(d, noun)
    if named is not None:
        return named
    if noun.dep_ == "attr" and asserted(noun.head):
        subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return _band(d, subject, called_band=True)  # (a group the entities named, else the name)
    return None


def ensemble_members(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'X are a rock band formed in 1991 consisting of vocalist A, guitarist B and drummer
    C'; 'A and B of the Danish pop group X': the players of a band the text calls one."""
    doc = d.doc
    for tok in sent:
        if tok.lemma_.lower() in COMPOSE and tok.pos_ == "VERB" and asserted(tok) \
                and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "of":
            body = tok.head if tok.dep_ == "acl" else next(
                (c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            while body is not None and body.dep_ == "pobj" and body.head.head.lower_ in ENSEMBLES:
                body = body.head.head  # 'a band formed in 1991 consisting of': the parser's 'in 1991'
            band = _ensemble_subject(d, body) if body is not None else None
            for person in _listed_people(d, tok.i + 2, sent.end) if band is not None else []:
                yield from _emit(d, si, person, band, "member", "membership.ensemble_members.v1", 0.7)
        elif tok.lower_ in ENSEMBLES and tok.pos_ == "NOUN":
            band = _ensemble_named(d, tok)
            k = tok.i - 1
            while k > sent.start and (doc[k].lower_ in ("the", "a", "an") or doc[k].pos_ in ("ADJ", "NUM")
                                      or doc[k].is_lower and doc[k].is_alpha and not doc[k].is_stop):
                k -= 1  # 'of the Danish pop group', 'of the 1980s rock band'
            if band is None or doc[k].lower_ != "of" or k - 1 < sent.start:
                continue
            people, j = [], k - 1
            while j >= sent.start:
                mi = d.token_mention.get(j)
                if mi is None or d.mentions[mi].tokens[1] - 1 != j or (e := entity_at(d, doc[j], PERSON)) is None:
                    break
                people.append(e)
                j = d.mentions[mi].tokens[0] - 1
                if j < sent.start or doc[j].text not in (",", "and"):
                    break
                j -= 1
            for person in people:
                yield from _emit(d, si, person, band, "member", "membership.ensemble_members.v1", 0.7)
