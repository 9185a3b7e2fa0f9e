"""Programmes and demands of parties, papers and regions, where the measure is no name
the text gives elsewhere.

- An institution demanded: 'the Radicals demanded a responsible Ministry' (a body
  asked for, not yet there, is a measure).
- A meeting called: 'the Directory convoked a National Convention', 'issued a call for
  a Congress' (who calls it decides that it meets).
- A programme set out point by point: 'The League demands the following: Votes for
  every man. A parliament every year.' Each point (a verbless sentence after the colon
  and in the short paragraphs that follow) is a measure the one who sets it out stands
  for. 'This paper', 'our party' inside a block quotation stand for whoever the
  introducing paragraph gives the block to ('Its leading article summed up ...:').

The word classes live in ``rules/policies.json`` under ``programme``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from ...model import Factoid, When
from ...rules.words import ProgrammeWords, policy_words
from ..document import Document
from ..quotations import in_quotation
from .base import asserted, entity_at, factoid
from .frames import expand, frame_of, listed
from .policies import _sitting_body
from .stance import wished_by

ACTORS = {"PERSON", "FACTION", "BODY", "PLACE"}
FINITE = {"VBD", "VBZ", "VBP", "MD"}
CONF = 0.6


def _words() -> ProgrammeWords:
    return policy_words().programme


# --------------------------------------------------------------------------- who speaks


def _last_actor_before(d: Document, tok: Token, sentences: int) -> tuple[int | None, int]:
    """The body or group named last before ``tok`` in its sentence and the ones before
    ('... and on May 3rd, the Northern Star. Its first article ...': the Northern Star),
    and the sentence that names it."""
    first = d.sents[max(0, d.sent_index(tok) - sentences)].start
    for t in reversed(d.doc[first:tok.i]):
        e = d.entity_of_token(t)
        if e is not None and d.entities[e].kind in ("BODY", "FACTION"):
            return e, d.sent_index(t)
    return None, -1


def _author_of_intro(d: Document, para: tuple[int, int]) -> tuple[int | None, int]:
    """Whose words a paragraph ending in a colon introduces, and the index of the
    sentence that names the author (whose date the words take): the subject of its last sentence ('the League
    resolved:'), the owner of the writing that is its subject ('Its leading article
    summed up ...:', 'its' the paper named just before), or a name standing alone ('The
    Northern Star, organ of the Chartists:')."""
    span = d.doc.char_span(para[0], para[1], alignment_mode="expand")
    if span is None:
        return None, -1
    si = d.sent_index(span[-1])
    root = d.sents[si].root
    for s in (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")):
        e = entity_at(d, s, ACTORS)
        if e is not None:
            return e, si
        for p in (c for c in s.children if c.dep_ == "poss"):
            e, named = d.entity_of_token(p), si
            if e is None and p.lower_ in ("its", "their"):
                e, named = _last_actor_before(d, p, 1)
            if e is not None:
                return e, named
    if root.pos_ in ("PROPN", "NOUN"):
        return entity_at(d, root, ACTORS), si
    return None, si


def _block_author(d: Document, tok: Token) -> tuple[int | None, int]:
    """The author of the block quotation ``tok`` is in or runs on from (a block's last
    paragraphs may not be marked as its own: the nearest block introduced within a few
    paragraphs before it), and the sentence that introduces the block."""
    reach = _words().block_paragraphs
    best = None
    for q in d.quotations:
        if not q.block or q.intro is None or q.open > tok.idx:
            continue
        between = sum(1 for p in d.paragraphs if q.close <= p[0] <= tok.idx)
        if between <= reach:
            best = q
    if best is None or best.intro is None:
        return None, -1
    return _author_of_intro(d, d.paragraphs[best.intro])


def _holders(d: Document, verb: Token) -> tuple[list[int], When | None]:
    """Who sets the programme out: the verb's subjects, or for 'this paper', 'our party',
    'we' the author of the block they speak in; and then the time of the sentence that
    introduces the block (a quoted article is of the day it was printed)."""
    w = _words()
    out: list[int] = []
    when = None
    for s in expand(frame_of(verb).subjects):
        e = entity_at(d, s, ACTORS)
        if e is None and (s.lower_ == "we" or s.lower_ in w.organ_nouns and any(
                c.dep_ in ("det", "poss") and c.lower_ in ("this", "our") for c in s.children)):
            e, intro = _block_author(d, s)
            if e is not None and 0 <= intro < len(d.sentence_time):
                when = d.sentence_time[intro]
        if e is not None and e not in out:
            out.append(e)
    return out, when


# --------------------------------------------------------------------------- the points


def _point(d: Document, toks: list[Token]) -> tuple[int, int] | None:
    """One point's words: without a leading article or enumerator and without what a
    single dash adds at its end ('All power to the councils--in town and country');
    a pair of dashes encloses part of the point ('Estates--without payment--to the
    tenants')."""
    toks = [t for t in toks if not t.is_space]
    dashes = [k for k, t in enumerate(toks) if t.text in ("--", "—", "–")]
    if len(dashes) % 2 == 1:
        toks = toks[:dashes[-1]]
    while toks and (toks[0].lower_ in ("a", "an", "the") or toks[0].is_punct or toks[0].like_num):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks or len(toks) > _words().point_max_tokens or not any(t.pos_ in ("NOUN", "PROPN") for t in toks):
        return None
    return toks[0].i, toks[-1].i + 1


def _verbless(sent: Span) -> bool:
    return not any(t.tag_ in FINITE and t.pos_ in ("VERB", "AUX") for t in sent)


def _points(d: Document, colon: Token) -> list[tuple[int, tuple[int, int]]]:
    """(sentence index, token span) of each point after the colon: the rest of the
    sentence, then each verbless sentence of the short paragraphs that follow, up to the
    first paragraph that is prose again."""
    w = _words()
    si = d.sent_index(colon)
    out: list[tuple[int, tuple[int, int]]] = []
    rest = [t for t in d.doc[colon.i + 1:d.sents[si].end]]
    if rest and (span := _point(d, rest)) is not None:
        out.append((si, span))
    k = si + 1
    while k < len(d.sents) and len(out) < w.max_points:
        para = d.paragraph_at(d.sents[k].start_char)
        if para is None:
            break
        sents = [j for j in range(k, len(d.sents)) if d.sents[j].start_char < para[1]]
        if not sents or not all(_verbless(d.sents[j]) for j in sents):
            break
        for j in sents:
            span = _point(d, list(d.sents[j]))
            if span is not None:
                out.append((j, span))
        k = sents[-1] + 1
    return out


def _opening(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", text.casefold()))[:2]


def _measure(d: Document, s: int, e: int) -> int:
    """The measure a point names: the policy (or the event, 'an immediate truce') its
    head word already names, or a policy named elsewhere in the same first two words
    ('workers' control of the mines' for the point 'Workers' control over the pits'),
    else a new policy of the point's words."""
    span = d.doc[s:e]
    found = entity_at(d, span.root, {"POLICY", "EVENT"})
    if found is not None:
        return found
    opening = _opening(span.text)
    same = [i for i, ent in enumerate(d.entities) if ent.kind == "POLICY" and len(opening) == 2
            and _opening(ent.name) == opening]
    if len(same) == 1:
        return same[0]
    return d.add_entity(span.text, "POLICY", span.start_char, span.end_char, "programmes.points.v1", tokens=(s, e))


def programme_points(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'The League demands the following: Votes for every man. A parliament every
    year.': whoever sets a programme out point by point stands for each point."""
    w = _words()
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in w.verbs or not asserted(verb):
            continue
        heads = [c for c in verb.children if c.dep_ == "dobj"] + [
            o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
        head = next((h for h in heads if h.lower_ in w.heads), None)
        if head is None:
            continue
        colon = next((t for t in d.doc[head.i + 1:sent.end] if t.text == ":"), None)
        if colon is None:
            continue
        holders, when = _holders(d, verb)
        for point_si, (s, e) in _points(d, colon) if holders else ():
            measure = _measure(d, s, e)
            for h in holders:
                if h != measure:
                    yield factoid(d, point_si, "SUPPORTS_POLICY", h, measure, "programmes.points.v1", CONF,
                                  when=when)


# --------------------------------------------------------------------------- institutions demanded


def _wing(d: Document, tok: Token) -> bool:
    """'the “centre” Whigs', 'the left Radicals': a wing of the group the name names, not
    the group (the wing word is outside the name's mention)."""
    m = d.mention_of_token(tok)
    return m is not None and any(
        c.dep_ in ("nmod", "amod", "compound") and c.lower_ in _words().wing_words
        and not m.tokens[0] <= c.i < m.tokens[1] for c in tok.children)


def _demanders(d: Document, verb: Token) -> list[int]:
    """Who demands: the verb's subjects and the names set beside them ('Wales, the
    North, demanded ...'); 'this assembly', the assembly sitting; for 'in demanding'
    after 'joined with' (however the parser hung it) the ones who joined and the groups
    named between 'with' and the demand."""
    subjects = listed(frame_of(verb).subjects)
    out: list[int] = []
    if not subjects and verb.dep_ == "pcomp":
        head, hops = verb.head, 0
        while head.head.i != head.i and hops < 6 and not (
                head.pos_ == "VERB" and head.lemma_.lower() in _words().joining_verbs):
            head, hops = head.head, hops + 1
        withs = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "with" and c.i < verb.i]
        if head.pos_ == "VERB" and head.lemma_.lower() in _words().joining_verbs and withs:
            subjects = listed(frame_of(head).subjects)
            for t in d.doc[withs[0].i + 1:verb.i]:
                e = d.entity_of_token(t)
                if e is not None and e not in out and t.pos_ == "PROPN" and not _wing(d, t) and (
                        d.entities[e].kind in ("FACTION", "BODY")
                        or d.entities[e].name.endswith(policy_words().group_endings)):
                    out.append(e)
    for s in subjects:
        if s.pos_ == "NOUN" and s.lemma_.lower() in policy_words().session_nouns | {"assembly"} \
                and any(c.lower_ in ("this", "the") for c in s.children):
            e = _sitting_body(d, verb)  # 'this assembly voted for ...'
        else:
            e = entity_at(d, s, ACTORS) if not _wing(d, s) else None
        if e is not None and e not in out:
            out.insert(0, e)
    return out


def _institution_phrase(d: Document, noun: Token, verb: Token) -> tuple[int, int] | None:
    """'separate Constituent Assemblies', 'a responsible Ministry without the Whigs': the
    institution with its modifiers and a 'with'/'without' that tells its make-up (hung
    on the noun, or on the verb right after it)."""
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i]
    if not mods:
        return None
    toks = [noun] + [t for c in mods for t in c.subtree]
    after = [c for c in (*noun.children, *verb.children) if c.dep_ == "prep" and c.lower_ in ("with", "without")
             and c.i == noun.i + 1]
    for p in after:
        toks += list(p.subtree)
    toks = sorted(toks, key=lambda t: t.i)
    if toks[-1].i - toks[0].i + 1 != len(toks) or len(toks) > _words().point_max_tokens:
        return None
    return toks[0].i, toks[-1].i + 1


def demanded_institutions(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'The Radicals demanded a responsible Ministry', 'Wales, the North, demanded
    separate Parliaments', 'the Diet voted for a Federal Government without the Princes':
    an institution asked for, not yet there, is a measure (the name of a body it may
    carry is not the body's)."""
    w = _words()
    pw = policy_words()
    for verb in sent:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or in_quotation(d, verb) or not asserted(verb):
            continue
        objs = [c for c in verb.children if c.dep_ == "dobj"] if lemma in pw.advocacy_verbs else []
        objs += [o for c in verb.children if c.dep_ == "prep" and c.lower_ in pw.advocacy_preps.get(lemma, [])
                 for o in c.children if o.dep_ == "pobj"]
        for o in objs:
            if o.lemma_.lower() not in w.institution_heads and o.lower_ not in w.institution_heads:
                continue
            dets = [c.lower_ for c in o.children if c.dep_ in ("det", "poss")]
            if dets and dets != ["a"] and dets != ["an"]:
                continue  # 'the Assembly', 'their Government': one that is there
            span = _institution_phrase(d, o, verb)
            if span is None:
                continue
            demanders = _demanders(d, verb)
            if not demanders:
                continue
            name = d.doc[span[0]:span[1]]
            measure = d.add_entity(name.text, "POLICY", name.start_char, name.end_char,
                                   "programmes.institution.v1")
            for a in demanders:
                # a body, or an assembly in session ('this assembly voted for'), decides by its vote
                deciding = lemma in pw.deciding_verbs and d.entities[a].kind in ("BODY", "EVENT")
                yield factoid(d, si, "DECIDES" if deciding else "SUPPORTS_POLICY", a, measure,
                              "programmes.institution.v1", CONF)


# --------------------------------------------------------------------------- meetings called


def meeting_called(d: Document, tok: Token, convening: bool) -> int | None:
    """The congress or conference a token names as one yet to meet: an event or an
    assembly ('a Peasants' Congress', 'a National Convention'), introduced by 'a' unless
    the verb itself convenes ('convoked the Estates')."""
    e = entity_at(d, tok, {"EVENT", "BODY"})
    if e is None or d.entities[e].name.split()[-1].lower() not in policy_words().session_nouns:
        return None
    if not convening and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
        return None
    return e


def convened_meetings(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'The Directory convoked a National Convention', 'the Committee invited the clubs to
    send delegates to a Congress', 'the Council issued a call for a Congress': who calls
    an assembly together decides that it meets."""
    w = _words()
    for verb in sent:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or in_quotation(d, verb):
            continue
        wishers = None if asserted(verb) else wished_by(verb)
        if wishers is None and not asserted(verb):
            continue
        meetings: list[int] = []
        if lemma in w.convening_verbs | w.inviting_verbs:
            convening = lemma in w.convening_verbs
            # the assembly called ('the Estates were convoked'), or the one the invited are
            # to go or send delegates to
            reach = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] + [
                o for x in verb.subtree if x.dep_ == "prep" and x.lower_ == "to" and x.head.i in
                (verb.i, *[c.i for c in verb.children if c.dep_ in ("xcomp", "advcl")])
                for o in x.children if o.dep_ == "pobj"]
            meetings = [m for o in reach if (m := meeting_called(d, o, convening)) is not None]
        else:
            calls = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in w.call_nouns]
            if lemma in w.issuing_verbs and calls:
                meetings = [m for c in calls for p in c.children if p.dep_ == "prep" and p.lower_ in ("for", "of")
                            for o in p.children if o.dep_ == "pobj" and (m := meeting_called(d, o, True)) is not None]
        for m in dict.fromkeys(meetings):
            if wishers is not None:
                # 'the Jacobins demanded that the Convention be convoked': who wants it called
                # takes part in it; only the one who calls it decides it
                for s in expand(wishers):
                    a = entity_at(d, s, ACTORS)
                    if a is not None and a != m:
                        yield factoid(d, si, "PARTICIPATES", a, m, "programmes.wished_meeting.v1", CONF,
                                      role="wanted it called")
                continue
            for s in frame_of(verb).subjects:
                a = entity_at(d, s, ACTORS)
                if a is not None and a != m:
                    yield factoid(d, si, "DECIDES", a, m, "programmes.convened.v1", CONF)
                    yield factoid(d, si, "PARTICIPATES", a, m, "programmes.convener.v1", CONF, role="convened it")


def programmes(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    yield from programme_points(d, si, sent)
    yield from demanded_institutions(d, si, sent)
    yield from convened_meetings(d, si, sent)
