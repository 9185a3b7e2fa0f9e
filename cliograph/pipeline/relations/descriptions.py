"""Measures a text describes instead of naming, and who stands for them.

A policy is often no noun phrase a stance verb takes, but a course of action someone
urges on others, a state of things someone insists must be, or an undertaking someone
begins. Each gives the measure a name from the text's own words:

- Urging with an infinitive: 'Colbert persuaded the King to dig a canal through
  Languedoc' -> Colbert stands for 'dig a canal through Languedoc'. Works are named by
  what is built ('persuaded them to finish the harbour of Brest' -> 'harbour of Brest'),
  a light verb by its object ('urged him to make a change in the laws' -> 'change in the
  laws').
- Resolved on a measure: 'he was resolved to maintain the established church' -> he
  stands for 'established church' (what is kept is named by itself).
- Insisting on a state: 'the planters insisted that serfdom should be kept' -> they stand
  for 'serfdom' (against it where the clause abolishes it).
- A plan equated with an infinitive: 'his design was to drain the marshes' -> he
  stands for 'drain the marshes'.
- Courting favour with measures: 'he courted the people with games and distributions of
  corn' -> he stands for 'games' and 'distributions of corn'.
- Orders: 'the council issued orders for the evacuation of the town' -> the council
  decides 'evacuation of the town' (an event where the noun names one: 'ceremony').
- Undertaking an action noun: 'the Diet began the formation of a militia' -> the Diet
  stands for 'formation of a militia'.

The word classes live in ``rules/policies.json`` (``described_measures``); a phrase is
a policy by the classes of ``rules/policy_phrases.json`` that ``mentions`` reads.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator

from spacy.tokens import Span, Token

from ...model import Factoid
from ...rules import lexicon
from ...rules.words import policy_words as words
from ...rules.words import words as event_words
from ..document import Document
from ..mentions import ARTICLES, NAMING_PREPS, _policy_head, _policy_span, _policy_words
from ..quotations import in_quotation
from .base import asserted
from .frames import expand, frame_of
from .policies import _actors, _emit, _infinitive_phrase, _phrase, _pruned
from .quotes import spoken

URGED_RULE = "descriptions.urged.v1"
INSISTED_RULE = "descriptions.insisted.v1"
UNDERTAKEN_RULE = "descriptions.undertaken.v1"
PLANNED_RULE = "descriptions.planned.v1"
RESOLVED_RULE = "descriptions.resolved.v1"
COURTING_RULE = "descriptions.courting.v1"
ORDERED_RULE = "descriptions.ordered.v1"
DEVOTED_RULE = "descriptions.devoted.v1"
DENIED_RULE = "descriptions.denied_right.v1"
NEEDED_RULE = "descriptions.said_needed.v1"
OBJECT_CUT = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"}


def _doers(verb: Token) -> list[Token]:
    """Who does the verb; of two subjects the parser gave it, the one next to it ('Farther
    South, ..., the planters insisted': not 'South')."""
    direct = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if len(direct) > 1:
        return expand([max(direct, key=lambda c: c.i)])
    subjects = frame_of(verb).subjects
    up = verb
    for _ in range(3):  # 'X, having ..., returned and issued orders': the subject of the chain
        if subjects or up.dep_ not in ("conj", "advcl") or up.head.i == up.i:
            break
        up = up.head
        subjects = expand([c for c in up.children if c.dep_ == "nsubj"][:1])
    return subjects


def _active_verbs(d: Document, sent: Span, lemmas: Collection[str]) -> Iterator[tuple[Token, list[Token]]]:
    """Each verb of the class told in the active voice, as a fact outside quotation, with
    who does it: the one shape every rule here starts from."""
    for verb in sent:
        if verb.lemma_.lower() not in lemmas or verb.pos_ != "VERB" or in_quotation(d, verb) \
                or not asserted(verb) or frame_of(verb).passive:
            continue
        doers = _doers(verb)
        if doers:
            yield verb, doers


def _policy(d: Document, s: int, e: int, rule: str) -> int:
    """The POLICY the tokens name: an entity of that kind whose mention is this very
    stretch or holds it, else a new one (not the one a word inside names: 'walls' is
    not 'rebuild the city and the walls')."""
    doc = d.doc
    for t in (doc[s], doc[e - 1]):
        m = d.mention_of_token(t)
        if m is not None and m.entity is not None and d.entities[m.entity].kind == "POLICY" \
                and m.tokens[0] <= s and e <= m.tokens[1]:
            return m.entity
    span = doc[s:e]
    return d.add_entity(span.text, "POLICY", span.start_char, span.end_char, rule, tokens=(s, e))


def _stand(d: Document, si: int, type_: str, actors: Iterable[int], span: tuple[int, int],
           rule: str) -> Iterator[Factoid]:
    """Each actor stands for (or against) the measure the tokens ``span`` name, made a POLICY
    once, and only when someone stands on it."""
    actors = list(actors)
    if not actors:
        return
    measure = _policy(d, *span, rule)
    for a in actors:
        yield from _emit(d, si, type_, a, measure, rule)


def _event(d: Document, s: int, e: int, rule: str) -> int:
    """The EVENT the tokens describe ('the ceremony of coronation')."""
    span = d.doc[s:e]
    return d.add_entity(span.text, "EVENT", span.start_char, span.end_char, rule, tokens=(s, e))


def _object_phrase(verb: Token) -> tuple[int, int] | None:
    """What a verb of works or a light verb acts on, with its 'of', 'in', 'to' phrase:
    'the harbour of Brest', 'a complete change in the laws' (not a person, not a pronoun)."""
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    if not objs:
        return None
    obj = objs[0]
    keep = [obj]
    for c in obj.children:
        if c.dep_ in ("amod", "compound", "nmod", "det") and c.i < obj.i:
            keep += list(c.subtree)
        elif c.dep_ == "prep" and c.lower_ in NAMING_PREPS and c.i <= obj.i + 2:  # ('both in A and B')
            keep += _pruned(c, OBJECT_CUT - {"cc", "conj"}) + [p for p in obj.children if p.dep_ == "preconj"]
    toks = sorted(set(keep), key=lambda t: t.i)
    if any(t.pos_ == "PRON" or t.ent_type_ == "PERSON" for t in toks):
        return None
    return _phrase(toks)


def _measure_span(inf: Token) -> tuple[int, int] | None:
    """The measure an infinitive names: the object of works and light verbs, else the verb
    phrase with its coordinated objects ('rebuild the city and the walls')."""
    w = words().described_measures
    lemma = inf.lemma_.lower()
    if lemma in w.works_verbs or lemma in w.light_verbs or lemma in w.keeping_verbs:
        return _object_phrase(inf)
    span = _infinitive_phrase(inf)
    objs = [c for c in inf.children if c.dep_ == "dobj"]
    if span is not None and objs:
        ends = [x.right_edge.i + 1 for o in objs for x in o.conjuncts if x.pos_ == "NOUN"
                and not any(t.dep_ in ("relcl", "acl", "appos") for t in x.subtree)]
        if ends and max(ends) > span[1] and max(ends) - span[0] <= words().span_max_tokens:
            span = (span[0], max(ends))
    if span is None or any(t.pos_ == "PRON" and t.dep_ != "poss" for t in inf.doc[span[0]:span[1]]):
        return None
    return span


def _joined_course(verb: Token, heads: Collection[str]) -> Token | None:
    """'join them in pulling down the forts': the gerund after 'in' is the course one is
    asked to share (a course of the class that names measures), not the joining."""
    return next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
                 for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG" and g.lemma_.lower() in heads
                 and not any(x.dep_ == "neg" for x in g.children)), None)


def _infinitive_measures(d: Document, si: int, head: Token, deps: tuple[str, ...], who: list[Token],
                         rule: str) -> Iterator[Factoid]:
    """The measures named by the 'to'-infinitives under ``head`` (not negated, and of a
    verb that can name one), each stood for by ``who``."""
    w = words().described_measures
    heads = words().intended_heads | w.works_verbs | w.light_verbs | w.keeping_verbs
    infs = [c for c in head.children if c.dep_ in deps]
    infs += [x for c in infs for x in c.conjuncts if x.i > c.i and x.pos_ == "VERB"]  # 'not to A, but to B'
    for inf in infs:
        if not any(c.lower_ == "to" for c in inf.children) or any(c.dep_ == "neg" for c in inf.children):
            continue
        if inf.lemma_.lower() in w.joining_in_verbs:
            inf = _joined_course(inf, heads)  # 'to join them in pulling down the forts'
        if inf is None or inf.lemma_.lower() not in heads:
            continue
        span = _measure_span(inf)
        if span is None:
            continue
        yield from _stand(d, si, "SUPPORTS_POLICY", _actors(d, who), span, rule)


def urged_measures(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Colbert persuaded the King to dig a canal', 'she urged her brother to make a
    change in the laws', 'the people prepared to rebuild the city and the walls': the one
    who urges (or prepares) stands for the measure the infinitive names."""
    w = words().described_measures
    for verb, doers in _active_verbs(d, sent, w.urging_verbs | w.preparing_verbs):
        urging = verb.lemma_.lower() in w.urging_verbs
        if urging and not any(c.dep_ in ("dobj", "dative") for c in verb.children) \
                and not any(c.dep_ == "nsubj" for x in verb.children if x.dep_ == "ccomp" for c in x.children):
            continue  # 'urged him to': someone is urged
        yield from _infinitive_measures(d, si, verb, ("xcomp", "ccomp"), doers, URGED_RULE)


def _resolved_holders(adj: Token) -> list[Token]:
    """Who is resolved: 'he was resolved to', 'the Dutch were determined to', 'Pitt,
    eager to ..., rose', the noun a participle or adjective hangs on."""
    own = [c for c in adj.children if c.dep_ in ("nsubj", "nsubjpass")]
    if own:
        return expand(own[:1])
    if adj.dep_ in ("acomp", "advcl"):  # ('Pitt, eager to ..., rose': the one who rose)
        return expand([c for c in adj.head.children if c.dep_ in ("nsubj", "nsubjpass")][:1])
    if adj.dep_ in ("amod", "appos", "acl") and adj.head.pos_ in ("NOUN", "PROPN"):
        return [adj.head]
    return []


def resolved_measures(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'He was resolved to maintain the established church', 'the Dutch were determined
    to preserve their charters': one resolved on a measure stands for it (what is kept is
    named by itself, 'established church')."""
    w = words().described_measures
    for adj in sent:
        if adj.lower_ not in w.resolved_words or in_quotation(d, adj) or not asserted(adj) \
                or adj.dep_ == "acomp" and not asserted(adj.head):
            continue
        holders = _resolved_holders(adj)
        if not holders:
            continue
        yield from _infinitive_measures(d, si, adj, ("xcomp",), holders, RESOLVED_RULE)


def _state_span(noun: Token) -> tuple[int, int] | None:
    """'a new, voluntary, democratic discipline' without its article or 'only', with a
    naming 'of' or 'in' phrase; not what hangs on it ('based on ...')."""
    toks = [noun]
    for c in noun.children:
        if c.i < noun.i and c.dep_ in ("amod", "compound", "nmod", "punct", "npadvmod"):
            toks += list(c.subtree)
        elif c.dep_ == "prep" and c.i == noun.i + 1 and c.lower_ in NAMING_PREPS:
            toks += list(c.subtree)
    toks = sorted(set(toks), key=lambda t: t.i)
    while toks and (toks[0].lower_ in ARTICLES or toks[0].is_punct or toks[0].dep_ in ("det", "advmod", "predet")):
        toks = toks[1:]
    return _phrase(toks)


def insisted_measures(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'The planters insisted that serfdom should be kept', 'the minister urged that only a
    voluntary discipline could save the fleet': the clause's subject, a noun of the class
    that names measures, is what the insisting stand for (against, where the clause
    abolishes it)."""
    w = words().described_measures
    pw = _policy_words()
    for verb, doers in _active_verbs(d, sent, w.insisting_verbs):
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            if any(c.dep_ == "neg" for c in clause.children):
                continue
            for subj in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"):
                modified = any(c.dep_ in ("amod", "compound") for c in subj.children)
                if not _policy_head(subj, pw, modified):
                    continue
                span = _state_span(subj)
                if span is None:
                    continue
                type_ = "OPPOSES_POLICY" if clause.lemma_.lower() in w.ending_verbs else "SUPPORTS_POLICY"
                actors = _actors(d, doers)
                if not actors and subj.lemma_.lower() not in pw.goal_nouns:
                    continue  # (a political good is a measure even where no one named insists on it)
                measure = _policy(d, *span, INSISTED_RULE)
                for a in actors:
                    yield from _emit(d, si, type_, a, measure, INSISTED_RULE)


def undertaken_measures(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'The Diet began the formation of a militia', 'the ministry announced the
    liquidation of the clubs': an action noun with its 'of' phrase, begun, announced or
    carried out, is a measure its doer stands for."""
    w = words().described_measures
    pw = _policy_words()
    for verb, doers in _active_verbs(d, sent, w.undertaking_verbs):
        for obj in (c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.text.islower()):
            if not obj.lower_.endswith(w.action_endings) or obj.lower_ in pw.not_policies \
                    or obj.lower_ in pw.hostile_nouns:
                continue
            if not any(c.dep_ == "prep" and c.lower_ == "of" and c.i == obj.i + 1 for c in obj.children):
                continue  # ('began the formation of', not 'began the formation')
            span = _policy_span(obj)
            if span is None:
                continue
            yield from _stand(d, si, "SUPPORTS_POLICY", _actors(d, doers), span, UNDERTAKEN_RULE)


def planned_measures(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'His plan was to drain the marshes', 'their object being to punish the raiders':
    the infinitive a plan or purpose is equated with names the measure its owner stands for."""
    w = words()
    plans = w.purpose_nouns | w.described_measures.plan_nouns
    for be in sent:
        if be.lemma_ != "be" or in_quotation(d, be) or any(c.dep_ == "neg" for c in be.children):
            continue
        nouns = [x for c in be.children if c.dep_ == "nsubj" for x in (c, *c.conjuncts)
                 if x.lemma_.lower() in plans or x.lower_ in plans]
        owners = [p for n in nouns for p in (n, n.head) for p in p.children if p.dep_ == "poss"]
        if not nouns or not owners:
            continue
        for inf in (c for c in be.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
            if not any(c.lower_ == "to" for c in inf.children) \
                    or not any(c.dep_ in ("dobj", "prep") for c in inf.children):
                continue
            span = _measure_span(inf)
            if span is None:
                continue
            yield from _stand(d, si, "SUPPORTS_POLICY", _actors(d, owners[:1]), span, PLANNED_RULE)


def _instruments(verb: Token) -> list[Token]:
    """What one courts favour with: the verb's 'with' objects, and those of a gapped
    clause after it ('courted the people with games, and the soldiers with lands')."""
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"]
    gapped = [x for x in verb.children if x.dep_ == "conj" and x.pos_ == "NOUN"]  # ('and the soldiers with')
    gapped += [n for x in verb.children if x.dep_ == "conj" for n in x.children if n.dep_ in ("nsubj", "dobj")]
    preps += [p for n in gapped for p in n.children if p.dep_ == "prep" and p.lower_ == "with"]
    return [x for p in preps for o in p.children if o.dep_ == "pobj" for x in (o, *o.conjuncts)
            if x.pos_ == "NOUN" and x.text.islower()]


def courting_measures(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'He courted the people with games and distributions of corn': what one wins favour
    with is a measure one stands for."""
    w = words().described_measures
    for verb, doers in _active_verbs(d, sent, w.courting_verbs):
        actors = _actors(d, doers)
        for noun in _instruments(verb) if actors else []:
            span = _state_span(noun)
            if span is None or any(t.pos_ == "PRON" or t.ent_type_ == "PERSON" for t in d.doc[span[0]:span[1]]):
                continue
            yield from _stand(d, si, "SUPPORTS_POLICY", actors, span, COURTING_RULE)


def _event_noun(noun: Token) -> bool:
    """A noun of an event (a ceremony, a meeting, a fight), not of a measure."""
    low = noun.lemma_.lower()
    return low in lexicon().event_heads or any(
        low in nouns or noun.lower_ in nouns for nouns in event_words().event.noun_classes.values())


def ordered_measures(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'The council issued orders for the evacuation of the town', 'gave orders for the
    ceremony of coronation': what one orders is decided (by a body) or stood for."""
    w = words().described_measures
    for verb, doers in _active_verbs(d, sent, w.issuing_verbs):
        actors = _actors(d, doers)
        orders = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in w.order_nouns]
        fors = [p for x in (orders + [verb] if orders else []) for p in x.children  # ('for' hung on the verb)
                if p.dep_ == "prep" and p.lower_ == "for"]
        for noun in (o for p in fors for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"
                     and o.text.islower()):
            span = _state_span(noun)
            if not actors or span is None or any(t.pos_ == "PRON" for t in d.doc[span[0]:span[1]]):
                continue
            ordered = _event(d, *span, ORDERED_RULE) if _event_noun(noun) else _policy(d, *span, ORDERED_RULE)
            for a in actors:
                type_ = "DECIDES" if d.entities[a].kind == "BODY" else "SUPPORTS_POLICY"
                yield from _emit(d, si, type_, a, ordered, ORDERED_RULE)


def _cared_for(d: Document, noun: Token) -> tuple[int, int] | None:
    """What care is given to, when it is a measure: an action on a thing ('the upkeep of
    the roads', 'the teaching of music'), or a policy already named."""
    w = words().described_measures
    m = d.mention_of_token(noun)
    if m is not None and m.entity is not None and d.entities[m.entity].kind == "POLICY":
        return m.tokens
    low = noun.lower_
    if noun.pos_ != "NOUN" or not noun.text.islower() or low in _policy_words().not_policies \
            or not (low.endswith(w.action_endings) or low in w.kept_nouns) \
            or not any(c.dep_ == "prep" and c.lower_ == "of" and c.i == noun.i + 1 for c in noun.children):
        return None
    return _policy_span(noun) or _state_span(noun)  # (a list of things is long for a policy's name)


def _recent_advocate(d: Document, si: int) -> int | None:
    """Who stood for the last measures of this paragraph, in the last sentences: the one a
    list of measures goes on with ('they allowed the artist freedom ... This, and the care
    devoted to the upkeep of the churches, ...')."""
    para = d.paragraph_at(d.sents[si].start_char)
    back = words().described_measures.devotion_lookback
    lo = max(para[0] if para else 0, d.sents[max(0, si - back)].start_char)
    for f in reversed(d.factoids):
        if f.start < lo:
            break
        if f.type == "SUPPORTS_POLICY" and f.start < d.sents[si].start_char:
            return f.subject
    return None


def devoted_measures(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'The Doge devoted great care to the upkeep of the dykes', 'the sums spent by the
    Senate on the repair of the roads': what care or money is given to is a measure the
    giver stands for; care given by no one named goes on the measures of whoever stood for
    the last ones."""
    w = words().described_measures
    for verb in sent:
        if verb.lemma_.lower() not in w.devoting_verbs or verb.pos_ != "VERB" or in_quotation(d, verb):
            continue
        given = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in w.devotion_nouns]
        participle = verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN"
        if participle and verb.head.lower_ in w.devotion_nouns:
            given.append(verb.head)  # 'the care devoted to ...'
        targets = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("to", "on", "upon")
                   for o in p.children if o.dep_ == "pobj"]
        if not given or not targets or any(c.dep_ == "neg" for c in verb.children):
            continue
        if participle:
            who = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
            who += [c for g in given for c in g.children if c.dep_ == "poss"]
            actors = _actors(d, who)
            if not who and (a := _recent_advocate(d, si)) is not None:
                actors = [a]
        elif asserted(verb) and not frame_of(verb).passive:
            actors = _actors(d, _doers(verb))
        else:
            continue
        for noun in targets:
            span = _cared_for(d, noun)
            if span is not None:
                yield from _stand(d, si, "SUPPORTS_POLICY", actors, span, DEVOTED_RULE)


def _deed_span(inf: Token) -> tuple[int, int] | None:
    """The deed an infinitive names, with a small clause it takes ('declare the island a
    republic', parsed with the island as the subject of 'republic')."""
    span = _measure_span(inf)
    small = [c for c in inf.children if c.dep_ == "ccomp" and c.pos_ in ("NOUN", "ADJ") and c.i > inf.i]
    if span is None or not small:
        return span
    end = max(t.i for t in small[0].subtree) + 1
    if small[0].left_edge.i <= span[1] and end - span[0] <= words().span_max_tokens \
            and not any(t.pos_ == "PRON" or t.is_punct for t in inf.doc[span[1]:end]):
        return span[0], end
    return span


def denied_rights(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'The Tories declared that the Ministry had no right to dissolve the Irish Parliament',
    'Pym denied the King's right to levy ship money': who denies that a deed may rightly be
    done stands against the deed."""
    w = words().described_measures
    heads = words().intended_heads | w.works_verbs | w.light_verbs | w.keeping_verbs
    for noun in sent:
        if noun.lemma_.lower() not in w.right_nouns or noun.dep_ != "dobj" or in_quotation(d, noun):
            continue
        verb = noun.head
        if verb.lemma_.lower() in w.denying_verbs:
            sayer = verb  # 'denied the King's right to'
        elif verb.lemma_ == "have" and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in w.saying_verbs and (
                any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
                or any(c.dep_ == "neg" for c in verb.children)):
            sayer = verb.head  # 'declared that the Ministry had no right to'
        else:
            continue
        if not asserted(sayer) or frame_of(sayer).passive or any(c.dep_ == "neg" for c in sayer.children):
            continue
        deeds = [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in heads
                 and any(x.lower_ == "to" for x in c.children) and not any(x.dep_ == "neg" for x in c.children)]
        for inf in deeds:
            span = _deed_span(inf)
            if span is not None:
                yield from _stand(d, si, "OPPOSES_POLICY", _actors(d, _doers(sayer)), span, DENIED_RULE)


def _deeds_span(inf: Token) -> tuple[int, int] | None:
    """The deed an infinitive names, with the verbs coordinated to it that share its object
    ('revise and amend the charter')."""
    last = max((c for c in inf.children if c.dep_ == "conj" and c.pos_ == "VERB"), key=lambda c: c.i, default=None)
    if last is None or any(c.dep_ == "dobj" for c in inf.children):
        return _measure_span(inf)
    tail = _infinitive_phrase(last)
    if tail is None or tail[1] - inf.i > words().span_max_tokens \
            or any(t.pos_ == "PRON" or t.is_punct for t in inf.doc[inf.i:tail[1]]):
        return None
    return inf.i, tail[1]


def said_needed(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'He wrote to Jay: “That it is necessary to revise and amend the charter, I entertain
    no doubt”': a deed a speaker calls necessary (or wise) in his own words is one he
    stands for."""
    w = words().described_measures
    heads = words().intended_heads | w.works_verbs | w.light_verbs | w.keeping_verbs
    for speaker, said in spoken(d, si):
        for be in said:
            if be.lemma_ != "be" or speaker is None or any(
                    c.dep_ == "neg" or c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether")
                    for c in be.children):
                continue
            if not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in be.children) or not any(
                    c.dep_ == "acomp" and c.lower_ in w.necessity_words for c in be.children):
                continue
            for inf in (c for c in be.children if c.dep_ == "xcomp" and c.lemma_.lower() in heads
                        and any(x.lower_ == "to" for x in c.children)):
                span = _deeds_span(inf)
                if span is not None:
                    yield from _stand(d, si, "SUPPORTS_POLICY", [speaker], span, NEEDED_RULE)


def described_measures(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """Every rule of this module on one sentence (the registry's ``descriptions``)."""
    yield from urged_measures(d, si, sent)
    yield from resolved_measures(d, si, sent)
    yield from insisted_measures(d, si, sent)
    yield from undertaken_measures(d, si, sent)
    yield from planned_measures(d, si, sent)
    yield from courting_measures(d, si, sent)
    yield from ordered_measures(d, si, sent)
    yield from devoted_measures(d, si, sent)
    yield from denied_rights(d, si, sent)
    yield from said_needed(d, si, sent)
