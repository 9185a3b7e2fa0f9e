"""Measures proposed, granted, decided and assented to, where the stance verbs of
``stance.py`` find no object they know as a policy.

- A series of assents: after 'the first State to ratify the charter was Ohio', the
  clauses 'Indiana followed in May, and Illinois in June', 'Michigan signed', 'Iowa
  ratified' without an object take the measure the series is about.
- Intentions and resolutions with an infinitive: 'Pericles planned to rebuild the
  temples', 'the Diet resolved to abolish the guilds': the infinitive phrase names the
  measure ('rebuild the temples'); a body that resolves, votes or decrees decides it.
- Grants: 'the Tsar granted the Finns complete autonomy', 'the King allowed the
  Huguenots freedom to worship': who grants a liberty stands for it.
- Declarations of a state: 'the Diet declared Hungary independent' decides (a body) or
  stands for (anyone else) the independence declared.

The word classes live in ``rules/policies.json``.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ...model import Factoid
from ...rules import lexicon
from ...rules.words import PolicyWords
from ...rules.words import policy_words as words
from ..document import Document
from ..mentions import judged_as
from ..quotations import in_quotation
from .base import MODALS, asserted, entity_at, factoid
from .frames import expand, frame_of
from .stance import _group_of_adjective as group_of_adjective
from .stance import wished_by

ACTORS = {"PERSON", "FACTION", "BODY", "PLACE"}
DECIDERS = {"BODY"}
CONF = 0.6
ADJECTIVE_WINDOW = 3


def _adjective_group(d: Document, tok: Token) -> int | None:
    """'whatever the faults of Jacobin rule, they kept order': a 'they' coreference left
    alone stands for the one group a capitalised adjective evoked in the last sentences,
    when no group was named by its name since."""
    if tok.lower_ not in ("they", "them") or tok.i in d.pronoun_entity:
        return None
    first = d.sents[max(0, d.sent_index(tok) - ADJECTIVE_WINDOW)].start
    found: set[int] = set()
    for t in d.doc[first:tok.i]:
        e = d.entity_of_token(t)
        if e is not None and d.entities[e].kind in ("FACTION", "BODY") and t.dep_ not in ("amod", "compound"):
            found.clear()  # a group named since: the pronoun's business, not the adjective's
        if t.dep_ in ("amod", "compound") and t.text[:1].isupper() and not t.is_sent_start \
                and t.head.pos_ == "NOUN":
            g = group_of_adjective(d, t)
            if g is not None and d.entities[g].kind in ("FACTION", "BODY"):
                found.add(g)
    return found.pop() if len(found) == 1 else None


def _actors(d: Document, toks: list[Token]) -> list[int]:
    out: list[int] = []
    for t in expand(toks):
        e = entity_at(d, t, ACTORS)
        e = _adjective_group(d, t) if e is None else e
        if e is not None and e not in out:
            out.append(e)
    return out


def _emit(d: Document, si: int, type_: str, subject: int, obj: int, rule: str) -> Iterator[Factoid]:
    if subject != obj:
        yield factoid(d, si, type_, subject, obj, rule, CONF)


# --------------------------------------------------------------------------- series of assents


def _ranked_subject(d: Document, verb: Token) -> list[int]:
    """'The first State to ratify the charter was Ohio': the infinitive hangs on a ranked
    noun that a copula equates with the doer."""
    noun = verb.head
    if verb.dep_ not in ("relcl", "acl") or not any(c.lower_ == "to" for c in verb.children):
        return []
    if not any(c.lower_ in words().rank_adjectives for c in noun.children if c.dep_ == "amod"):
        return []
    cop = noun.head
    if noun.dep_ != "nsubj" or cop.lemma_ != "be" or not asserted(cop):
        return []
    return _actors(d, [c for c in cop.children if c.dep_ == "attr"])


def first_to_assent(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'The first State to ratify the charter was Ohio', 'the last to sign the treaty was
    Sweden': the one ranked did it."""
    w = words()
    for verb in sent:
        if verb.lemma_.lower() not in w.assent_verbs or verb.pos_ != "VERB" or in_quotation(d, verb):
            continue
        doers = _ranked_subject(d, verb)
        if not doers:
            continue
        type_ = "OPPOSES_POLICY" if verb.lemma_.lower() in w.rejecting_verbs else "SUPPORTS_POLICY"
        for o in expand([c for c in verb.children if c.dep_ == "dobj"]):
            measure = entity_at(d, o, {"POLICY"})
            for a in doers if measure is not None else []:
                yield from _emit(d, si, type_, a, measure, "policies.first_to.v1")


def _series_measure(d: Document, si: int, back: int) -> int | None:
    """The measure the last assent within ``back`` sentences (and this paragraph) was
    to: the series a bare 'Iowa ratified' continues."""
    para = d.paragraph_at(d.sents[si].start_char)
    lo = max(para[0] if para else 0, d.sents[max(0, si - back)].start_char)
    for f in reversed(d.factoids):
        if f.start < lo:
            break
        if f.type == "SUPPORTS_POLICY" and f.start <= d.sents[si].start_char and f.object is not None \
                and f.extractor.startswith(("policies.", "stance.policy_verb")):
            return f.object
    return None


def _gapped(verb: Token) -> list[Token]:
    """'Indiana followed in May, and Illinois in June': a name conjoined to the verb,
    with no verb of its own, is another doer of it."""
    return [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > verb.i]


def _only_negated(verb: Token) -> bool:
    """'did not come in until May' says it came in in May: negated, but not modal or
    conditional."""
    return not any(c.dep_ == "aux" and c.lower_ in MODALS or c.dep_ == "mark" and c.lower_ in ("if", "unless")
                   for c in verb.children)


def assent_series(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Indiana followed in May, and Illinois in June. Michigan signed. Iowa ratified.'
    after an assent to a named measure: each doer assents to it too."""
    w = words()
    for verb in sent:
        if verb.pos_ != "VERB":
            continue  # (tested again below; first, before the walks over the children)
        lemma = verb.lemma_.lower()
        until = any(c.dep_ == "prep" and c.lower_ == "until" for c in verb.children)
        arrival = until and (lemma in w.delay_verbs or any(
            c.lower_ in w.arrival_verbs.get(lemma, []) and c.dep_ in ("prt", "advmod") for c in verb.children))
        if verb.pos_ != "VERB" or lemma not in w.assent_verbs and lemma not in w.following_verbs \
                and lemma not in w.joining_verbs and not arrival \
                or in_quotation(d, verb) or not (asserted(verb) or arrival and _only_negated(verb)):
            continue
        if any(c.dep_ in ("ccomp", "xcomp", "nsubjpass", "auxpass") or c.dep_ == "dobj" and (
                c.lemma_.lower() not in w.assent_objects or lemma not in w.joining_verbs) for c in verb.children):
            continue  # the measure (or someone else) is named: not a bare assent ('joined the majority' is one)
        if lemma in w.joining_verbs and not any(c.dep_ == "dobj" for c in verb.children):
            continue  # 'Iowa joined in 1846': joined what is not said
        if any(c.dep_ == "prep" and c.lower_ in ("to", "with", "by") for c in verb.children):
            continue  # 'consented to the marriage', 'followed by his army'
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            doers = [verb.head]  # 'until Michigan, the last State, signed in May'
        else:
            doers = [c for c in verb.children if c.dep_ == "nsubj"]
        doers += _gapped(verb)
        back = 1 if lemma in w.following_verbs else w.assent_lookback
        measure = _series_measure(d, si, back)
        if measure is None:
            continue
        type_ = "OPPOSES_POLICY" if lemma in w.rejecting_verbs else "SUPPORTS_POLICY"
        for a in _actors(d, doers):
            if d.entities[a].kind != "PERSON" or lemma not in w.following_verbs:
                yield from _emit(d, si, type_, a, measure, "policies.assent_series.v1")


# --------------------------------------------------------------------------- named measures


def _phrase(tokens: list[Token]) -> tuple[int, int] | None:
    """The first and last token (exclusive end) of one stretch of text, without leading
    articles or trailing punctuation, if short enough to be a name."""
    toks = sorted(tokens, key=lambda t: t.i)
    while toks and (toks[0].lower_ in ("the", "a", "an") or toks[0].is_punct):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks or toks[-1].i - toks[0].i + 1 != len(toks) or len(toks) > words().span_max_tokens:
        return None
    return toks[0].i, toks[-1].i + 1


def _measure(d: Document, s: int, e: int, rule: str) -> int:
    """The POLICY the stretch of tokens names (an existing entity there, else a new one)."""
    doc = d.doc
    for t in doc[s:e]:
        ent = d.entity_of_token(t)
        if ent is not None and d.entities[ent].kind == "POLICY":
            return ent
    span = doc[s:e]
    return d.add_entity(span.text, "POLICY", span.start_char, span.end_char, rule, tokens=(s, e))


def _pruned(top: Token, cut: set[str], keep_preps: tuple[str, ...] = ()) -> list[Token]:
    """``top``'s subtree without the subtrees of dependents of the kinds in ``cut`` (a
    preposition in ``keep_preps`` right on ``top`` stays)."""
    out = [top]
    for c in top.children:
        if c.dep_ in cut and not (c.dep_ == "prep" and c.lower_ in keep_preps):
            continue
        out += _pruned(c, cut, keep_preps)
    return out


def _infinitive_phrase(verb: Token) -> tuple[int, int] | None:
    """'dig through the isthmus', 'draw off the water from the marshes' (not 'about the
    towns' that follows): the verb, its particle, its object and its first preposition's
    object, without what hangs on that."""
    keep = [verb]
    for c in verb.children:
        if c.dep_ in ("prt", "dobj", "dative", "oprd"):
            keep += _pruned(c, {"relcl", "acl", "appos", "prep", "punct", "cc", "conj"}, ("of",))
    preps = [c for c in verb.children if c.dep_ == "prep" and c.i > verb.i]
    if preps:
        keep.append(preps[0])
        for o in (o for o in preps[0].children if o.dep_ == "pobj"):
            keep += _pruned(o, {"prep", "relcl", "acl", "appos", "conj", "cc", "punct"}, ("of",))
    return _phrase(keep)


def intended_measures(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Pericles planned to rebuild the temples', 'the Diet resolved to abolish the
    guilds': the infinitive names the measure; a body's resolution decides it."""
    w = words()
    for verb in sent:
        if verb.lemma_.lower() not in w.intend_verbs or verb.pos_ != "VERB" or in_quotation(d, verb) \
                or not asserted(verb):
            continue
        subjects = frame_of(verb).subjects
        if not subjects or frame_of(verb).passive:
            continue
        for inf in (c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in w.intended_heads):
            if not any(c.lower_ == "to" for c in inf.children) or any(c.dep_ == "neg" for c in inf.children):
                continue
            if not any(c.dep_ in ("dobj", "prep", "prt") for c in inf.children):
                continue
            span = _infinitive_phrase(inf)
            if span is None or any(t.pos_ == "PRON" and t.dep_ != "poss" for t in d.doc[span[0]:span[1]]):
                continue
            for a in _actors(d, subjects):
                measure = _measure(d, *span, "policies.intended.v1")
                deciding = verb.lemma_.lower() in w.deciding_verbs and d.entities[a].kind in DECIDERS
                yield from _emit(d, si, "DECIDES" if deciding else "SUPPORTS_POLICY", a, measure,
                                 "policies.intended.v1")


def _granted(verb: Token, w: PolicyWords) -> list[Token]:
    """The liberty or benefit granted: an object of the verb, or one the parser hung as
    an apposition on the one it is granted to ('allowed the artist, ..., freedom')."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    objs += [a for o in objs for a in o.children if a.dep_ == "appos"]
    return [o for o in objs if o.pos_ == "NOUN"
            and (o.lower_ in w.granted_nouns or o.lemma_.lower() in w.granted_nouns)]


def _recipient(c: Token, noun: Token) -> bool:
    """'the Finns', 'every actor', 'his daughter' parsed as modifiers of what they are given."""
    return c.dep_ in ("nmod", "compound", "dative") and c.i < noun.i and (
        c.pos_ == "PROPN" or any(g.dep_ in ("det", "poss") for g in c.children))


def _granted_phrase(noun: Token) -> tuple[int, int] | None:
    """'complete freedom to continue their work', 'an amnesty for the rebels'."""
    keep = [noun] + [t for c in noun.children if c.dep_ not in ("relcl", "appos", "conj", "cc", "punct", "poss", "det")
                     and not _recipient(c, noun) for t in _pruned(c, {"relcl", "appos", "conj", "cc", "punct"})]
    return _phrase(keep)


def _measure_phrase(noun: Token) -> tuple[int, int] | None:
    """'extravagant honours', 'a levy of ten thousand men': the noun with its modifiers
    and an 'of' or 'to'-thing complement, without whom it is for."""
    if noun.pos_ != "NOUN" or not noun.text.islower():
        return None
    keep = [noun] + [t for c in noun.children if c.dep_ not in ("relcl", "appos", "conj", "cc", "punct", "det", "poss")
                     and not (c.dep_ == "prep" and (c.lower_ not in ("of", "to", "for") or any(
                         o.pos_ in ("PRON", "PROPN") for o in c.children if o.dep_ == "pobj")))
                     for t in _pruned(c, {"relcl", "appos", "conj", "cc", "punct", "prep"})]
    return _phrase(keep)


def proposed_by(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'the compromise brought forward by Clay', 'a plan proposed by Colbert': a measure
    described by who put it forward, named so, and supported by them."""
    w = words()
    for verb in sent:
        noun = verb.head
        if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.lemma_.lower() not in w.propose_participles \
                or noun.lower_ not in w.proposal_nouns or not noun.text.islower() or in_quotation(d, verb):
            continue
        agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        movers = _actors(d, agents)
        # (a noun its mover describes introduces a measure: it refers back to none)
        named = d.entity_of_token(noun)
        if not movers or named is not None and d.entities[named].kind == "POLICY":
            continue
        toks = [noun] + [t for c in noun.children if c.dep_ in ("amod", "compound") for t in c.subtree] + [
            t for t in verb.subtree]
        span = _phrase(toks)
        if span is None:
            continue
        s, e = span
        # the measure's mention is its noun, so that 'the compromise' later refers to it
        measure = d.add_entity(d.doc[s:e].text, "POLICY", d.doc[s].idx, d.doc[e - 1].idx + len(d.doc[e - 1].text),
                               "policies.proposed_by.v1", tokens=(noun.i, noun.i + 1))
        for a in movers:
            yield from _emit(d, si, "SUPPORTS_POLICY", a, measure, "policies.proposed_by.v1")


def _kind_noun(noun: Token) -> bool:
    """A head noun that names a post, a body, an event or a place, not a measure."""
    lex = lexicon()
    low = noun.lemma_.lower()
    return any(low in heads or noun.lower_ in heads for heads in (
        lex.office_heads, lex.body_heads, lex.event_heads, lex.place_heads, lex.faction_heads))


def advocated_measures(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Hamilton stood for a life presidency with a power of removal', 'the Radicals
    called for universal manhood suffrage': a strong word of advocacy makes a modified
    common noun it takes a measure, whatever the noun."""
    w = words()
    for verb in sent:
        lemma = verb.lemma_.lower()
        if lemma not in w.advocacy_verbs and lemma not in w.denouncing_verbs \
                and not w.advocacy_preps.get(lemma) and not w.denouncing_preps.get(lemma):
            continue  # no word of advocacy: nothing to read (the cheap test first)
        if verb.pos_ != "VERB" or in_quotation(d, verb) or not asserted(verb):
            continue
        objs: list[tuple[Token, str]] = []
        if lemma in w.advocacy_verbs | w.denouncing_verbs:
            objs = [(c, "SUPPORTS_POLICY" if lemma in w.advocacy_verbs else "OPPOSES_POLICY")
                    for c in verb.children if c.dep_ == "dobj"]
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in w.advocacy_preps.get(lemma, []):
                objs += [(o, "SUPPORTS_POLICY") for o in c.children if o.dep_ == "pobj"]
            elif c.dep_ == "prep" and c.lower_ in w.denouncing_preps.get(lemma, []):
                objs += [(o, "OPPOSES_POLICY") for o in c.children if o.dep_ == "pobj"]
        f = frame_of(verb)
        if f.passive or not objs:
            continue
        for o, type_ in objs:
            if o.pos_ != "NOUN" or not o.text.islower() or entity_at(d, o) is not None or _kind_noun(o) \
                    or o.lower_.endswith(w.group_endings) \
                    or not any(c.dep_ in ("amod", "compound") and c.i < o.i for c in o.children):
                continue
            span = _phrase([o] + [t for c in o.children if c.dep_ in ("amod", "compound") and c.i < o.i
                                  for t in c.subtree])
            if span is None:
                continue
            for a in _actors(d, f.subjects):
                yield from _emit(d, si, type_, a, _measure(d, *span, "policies.advocated.v1"),
                                 "policies.advocated.v1")


ALTERNATIVE_REFERENCES = ("former", "latter")
CLAUSE_CUT = {"nsubj", "nsubjpass", "aux", "auxpass", "mark", "cc", "conj", "punct", "neg", "advcl", "relcl", "ccomp",
              "parataxis"}
CLAUSE_BREAKS = (";", ":")


def _way(d: Document, verb: Token, head: Token) -> tuple[str, int, int] | None:
    """One way a question offers, named as the text has it ('appointed by the king'), or
    by the noun of its verb where the lexicon knows one ('chosen directly by the
    legislature' -> 'election by the legislature', the name a reader gives the measure);
    ``head`` is the way's own verb, or its preposition when only that changes."""
    toks = _pruned(head, CLAUSE_CUT | {"advmod"})
    span = _phrase(_pruned(head, CLAUSE_CUT))
    if span is None:
        return None
    text = d.doc[span[0]:span[1]]
    start, end = text.start_char, text.end_char
    rest = " ".join(t.text for t in sorted(toks, key=lambda t: t.i) if t is not head) if head is verb else text.text
    noun = words().nominalisations.get(_lemma(verb))
    if noun is not None and verb.tag_ == "VBN":
        return f"{noun} {rest}".strip(), start, end
    return (text.text if head is verb else f"{verb.text} {text.text}"), start, end


def _alternatives(d: Document, si: int, before: int) -> tuple[tuple[str, int, int], tuple[str, int, int]] | None:
    """'should he be chosen by the legislature, or by electors?': the two ways a question
    (in the last sentence, or earlier in this one) offers, as (name, start, end) in
    characters; a second way that only changes the preposition ('or by electors') keeps
    the first one's verb ('chosen by electors')."""
    doc = d.doc
    start = d.sents[max(0, si - 1)].start
    for v in doc[start:before]:
        if v.pos_ != "VERB" or not any(c.dep_ == "cc" and c.lower_ == "or" for c in v.children):
            continue
        conj = next((c for c in v.children if c.dep_ == "conj" and c.pos_ in ("VERB", "ADP")), None)
        if conj is None:
            continue
        first = _way(d, v, v)
        second = _way(d, conj, conj) if conj.pos_ == "VERB" else _way(d, v, conj)
        if first is not None and second is not None:
            return first, second
    return None


def _choosers(d: Document, sent: Span, verb: Token) -> list[int]:
    """Who favours one way: the people and groups named in the clause before the verb,
    from the last semicolon, colon or former/latter ('The moderates--Gagern and
    Dahlmann--favored the former; the radicals--Blum and Vogt--favored the latter'),
    where the parser may make the second group the first verb's object."""
    start = sent.start
    for t in sent.doc[sent.start:verb.i]:
        if t.text in CLAUSE_BREAKS or t.lower_ in ALTERNATIVE_REFERENCES:
            start = t.i + 1
    out: list[int] = []
    for t in sent.doc[start:verb.i]:
        e = entity_at(d, t, ACTORS)
        if e is not None and e not in out and (d.entities[e].kind != "PLACE" or t.dep_ == "nsubj"):
            out.append(e)
    return out


def favoured_alternatives(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Anselm favoured the latter' after 'should the abbots be appointed by the king or
    elected by the monks?': who favours the former or the latter way stands for it."""
    w = words()
    for obj in sent:
        if obj.lower_ not in ALTERNATIVE_REFERENCES:
            continue
        verb = next((a for a in obj.ancestors if a.pos_ == "VERB"), None)
        if obj.lower_ not in ALTERNATIVE_REFERENCES or obj.i == sent.start or obj.nbor(-1).lower_ != "the" \
                or verb is None or _lemma(verb) not in w.advocacy_verbs or in_quotation(d, verb) \
                or not asserted(verb):
            continue
        if obj.dep_ != "dobj" and not (obj.i + 1 < sent.end and obj.nbor(1).text in CLAUSE_BREAKS):
            continue  # 'the latter part of the year'
        ways = _alternatives(d, si, verb.i)
        if ways is None:
            continue
        name, s, e = ways[ALTERNATIVE_REFERENCES.index(obj.lower_)]
        rule = "policies.favoured_alternative.v1"
        measure = d.add_entity(name, "POLICY", s, e, rule)
        for a in _choosers(d, sent, verb):
            yield from _emit(d, si, "SUPPORTS_POLICY", a, measure, rule)


def _lemma(verb: Token) -> str:
    """The verb's lemma, also where the model left a past form as it is ('decreed')."""
    lemma = verb.lemma_.lower()
    if lemma == verb.lower_ and lemma.endswith("ed") and verb.tag_ in ("VBD", "VBN", "VBP"):
        return lemma[:-1] if lemma.endswith("eed") else lemma[:-2]
    return lemma


def decreed_clauses(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'the Senate decreed that Pompey should be honoured with a triumph': a body decides
    the measure its passive clause states ('honoured with a triumph'), whoever it is for."""
    w = words()
    for verb in sent:
        if (lemma := _lemma(verb)) not in w.deciding_verbs and lemma not in w.decree_verbs \
                or verb.pos_ != "VERB" or in_quotation(d, verb) \
                or not asserted(verb):
            continue
        bodies = [e for e in (entity_at(d, t, DECIDERS) for t in frame_of(verb).subjects) if e is not None]
        for clause in (c for c in verb.children if c.dep_ == "ccomp") if bodies else ():
            if not any(c.dep_ == "nsubjpass" for c in clause.children) or any(
                    c.dep_ == "neg" for c in clause.children):
                continue
            span = _phrase(_pruned(clause, {"nsubjpass", "aux", "auxpass", "mark", "neg", "punct", "cc", "conj",
                                            "advcl", "relcl", "advmod"}))
            if span is None:
                continue
            for body in bodies:
                yield from _emit(d, si, "DECIDES", body, _measure(d, *span, "policies.decreed_clause.v1"),
                                 "policies.decreed_clause.v1")


def _sitting_body(d: Document, before: Token) -> int | None:
    """The assembly in session: the last body or congress named in the last sentences
    whose name ends in a noun of a deliberating assembly ('the Convention', 'the Diet')."""
    w = words()
    first = d.sents[max(0, d.sent_index(before) - w.assent_lookback)].start
    for t in reversed(d.doc[first:before.i]):
        e = d.entity_of_token(t)
        if e is not None and d.entities[e].kind in ("BODY", "EVENT") \
                and d.entities[e].name.split()[-1].lower() in w.session_nouns:
            return e
    return None


def _referred_measure(d: Document, noun: Token) -> int | None:
    """'this provision', 'the resolution': the measure named last before it, in this
    sentence or the one before."""
    e = entity_at(d, noun, {"POLICY"})
    if e is not None:
        return e
    if noun.lower_ not in words().proposal_nouns | words().provision_nouns \
            or not any(c.dep_ == "det" and c.lower_ in ("this", "that", "the") for c in noun.children):
        return None
    first = d.sents[max(0, d.sent_index(noun) - 1)].start
    for t in reversed(d.doc[first:noun.i]):
        e = d.entity_of_token(t)
        if e is not None and d.entities[e].kind == "POLICY":
            return e
    return None


def passed_in_session(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Though many opposed a tax on salt, this provision was passed': a measure passed
    with no one named as passing it is decided by the assembly then sitting (not one
    passed earlier, 'where the charter had been adopted')."""
    w = words()
    for verb in sent:
        if _lemma(verb) not in w.passing_verbs or verb.tag_ != "VBN" or in_quotation(d, verb) \
                or not asserted(verb) or any(c.dep_ in ("agent", "neg") or c.lower_ == "had" for c in verb.children):
            continue  # 'had been adopted' goes back before the sitting, to another assembly
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        measure = _referred_measure(d, subjects[0]) if subjects else None
        body = _sitting_body(d, verb) if measure is not None else None
        if body is not None and measure is not None:
            yield from _emit(d, si, "DECIDES", body, measure, "policies.passed_in_session.v1")


def purposes(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'the Senate, with the view of making an amnesty, decreed ...': the measure a purpose
    phrase names is decided by a body that decrees for it, supported by anyone else."""
    w = words()
    for noun in sent:
        if noun.lower_ not in w.purpose_nouns or noun.dep_ != "pobj" or noun.head.head.pos_ != "VERB":
            continue
        verb = noun.head.head
        if in_quotation(d, verb) or not asserted(verb):
            continue
        acts = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for a in c.children
                if a.dep_ == "pcomp" and a.tag_ == "VBG"]
        objs = [o for a in acts for o in a.children if o.dep_ == "dobj" and o.pos_ == "NOUN"
                and (o.lower_ in w.granted_nouns or o.lemma_.lower() in w.granted_nouns)]
        for o in objs:
            span = _granted_phrase(o)
            if span is None:
                continue
            for a in _actors(d, frame_of(verb).subjects):
                deciding = d.entities[a].kind in DECIDERS and _lemma(verb) in w.deciding_verbs | w.decree_verbs
                yield from _emit(d, si, "DECIDES" if deciding else "SUPPORTS_POLICY", a,
                                 _measure(d, *span, "policies.purpose.v1"), "policies.purpose.v1")


def decreed_measures(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'the Senate decreed a public thanksgiving', 'a triumph was voted to him by the
    Senate', 'honours had been decreed to him in the Senate': what a body decrees that no
    name names yet is a measure it decides."""
    w = words()
    for verb in sent:
        if _lemma(verb) not in w.decree_verbs or verb.pos_ != "VERB" or in_quotation(d, verb) \
                or not asserted(verb):
            continue
        f = frame_of(verb)
        if f.passive:
            decided = [c for c in verb.children if c.dep_ == "nsubjpass"]
            by = [o for c in verb.children if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "in", "at")
                  for o in c.children if o.dep_ == "pobj"]
        else:
            decided = [c for c in verb.children if c.dep_ == "dobj"]
            by = f.subjects
        bodies = [e for e in (entity_at(d, t, DECIDERS) for t in expand(by)) if e is not None]
        for noun in expand(decided) if bodies else []:
            if entity_at(d, noun) is not None:
                continue  # a named measure: events.decided reads it
            span = _measure_phrase(noun)
            if span is None:
                continue
            for body in bodies:
                yield from _emit(d, si, "DECIDES", body, _measure(d, *span, "policies.decreed.v1"),
                                 "policies.decreed.v1")


def consent_of(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'the treaty received the consent of Sweden and of Denmark', 'the bill won Peel's
    support': whose consent a measure receives stands for it."""
    w = words()
    for verb in sent:
        if verb.lemma_.lower() not in w.receiving_verbs or verb.pos_ != "VERB" or in_quotation(d, verb) \
                or not asserted(verb):
            continue
        measures = [e for c in verb.children if c.dep_ == "nsubj" and (e := entity_at(d, c, {"POLICY"})) is not None]
        for noun in (c for c in verb.children if c.dep_ == "dobj" and c.lower_ in w.consent_nouns):
            givers = [c for c in noun.children if c.dep_ == "poss"] + [
                o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                for o in c.children if o.dep_ == "pobj"]
            for a in _actors(d, givers):
                for m in measures:
                    yield from _emit(d, si, "SUPPORTS_POLICY", a, m, "policies.consent_of.v1")


def _infinitival(verb: Token) -> bool:
    """'a measure to improve the revenue': an infinitive the parser hung as a relative clause."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def withheld_consent(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Governor Morris withheld his approval of a bill to raise the tariff', 'Peel gave his
    assent to the measure': whoever withholds consent to a measure opposes it, whoever
    gives it supports it."""
    w = words()
    for verb in sent:
        lemma = verb.lemma_.lower()
        if lemma not in w.withholding_verbs and lemma not in w.giving_verbs or verb.pos_ != "VERB" \
                or in_quotation(d, verb) \
                or not asserted(verb):
            continue
        f = frame_of(verb)
        if f.passive:
            continue
        for noun in (c for c in verb.children if c.dep_ == "dobj" and c.lower_ in w.consent_nouns):
            preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "to")]
            preps += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" and c.i > noun.i]
            things = [o for c in preps for o in c.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]
            for thing in things:
                measure = entity_at(d, thing, {"POLICY"})
                if measure is None:
                    if thing.lower_ not in w.proposal_nouns:
                        continue
                    span = _phrase([thing] + [t for c in thing.children if c.dep_ not in (
                        "appos", "conj", "cc", "punct", "det", "poss") and (c.dep_ != "relcl" or _infinitival(c))
                        for t in _pruned(c, {"relcl", "appos", "conj", "cc", "punct"})])
                    if span is None:
                        continue
                    measure = _measure(d, *span, "policies.consent_given.v1")
                type_ = "OPPOSES_POLICY" if lemma in w.withholding_verbs else "SUPPORTS_POLICY"
                for a in _actors(d, f.subjects):
                    yield from _emit(d, si, type_, a, measure, "policies.consent_given.v1")


def grants(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'the Tsar granted the Finns autonomy', 'the King allowed the Huguenots freedom to
    worship': who grants a liberty stands for it."""
    w = words()
    for verb in sent:
        if verb.lemma_.lower() not in w.grant_verbs or verb.pos_ != "VERB" or in_quotation(d, verb) \
                or not asserted(verb):
            continue
        f = frame_of(verb)
        if f.passive:
            continue
        for noun in _granted(verb, w):
            span = _granted_phrase(noun)
            if span is None:
                continue
            for a in _actors(d, f.subjects):
                if d.entities[a].kind == "PERSON" and not any(t.dep_ in ("amod", "acl", "prep")
                                                               for t in noun.children):
                    continue  # 'he gave his son land': a gift, not a measure
                yield from _emit(d, si, "SUPPORTS_POLICY", a, _measure(d, *span, "policies.granted.v1"),
                                 "policies.granted.v1")


def declared_states(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'the Diet declared Hungary independent': a body decides the independence it
    declares; anyone else stands for it."""
    w = words()
    for verb in sent:
        if verb.lemma_.lower() not in ("declare", "proclaim", "pronounce") or verb.pos_ != "VERB" \
                or in_quotation(d, verb) or not asserted(verb):
            continue
        for adj in verb.children:
            state = w.declared_states.get(adj.lower_)
            if state is None or adj.pos_ != "ADJ" or adj.dep_ not in ("ccomp", "oprd", "acomp", "xcomp"):
                continue
            for a in _actors(d, frame_of(verb).subjects):
                measure = d.add_entity(state, "POLICY", adj.idx, adj.idx + len(adj.text), "policies.declared.v1")
                type_ = "DECIDES" if d.entities[a].kind in DECIDERS else "SUPPORTS_POLICY"
                yield from _emit(d, si, type_, a, measure, "policies.declared.v1")


# --------------------------------------------------------------------------- groups that take sides


def _common_group(d: Document, tok: Token, rule: str) -> int | None:
    """'the Royalist officers', 'other teachers': a plural noun of people with a modifier
    that says which of them, as a FACTION (named by the phrase, without its article or
    relative clause)."""
    if tok.tag_ != "NNS" or not tok.text.islower() or not tok.lower_.endswith(words().group_endings) \
            or not any(c.dep_ in ("amod", "compound") and c.i < tok.i for c in tok.children):
        return None
    span = _phrase(_pruned(tok, {"relcl", "acl", "appos", "prep", "punct", "cc", "conj", "det", "poss"}))
    if span is None:
        return None
    s, e = span
    return d.add_entity(d.doc[s:e].text, "FACTION", d.doc[s].idx, d.doc[e - 1].idx + len(d.doc[e - 1].text),
                        rule, tokens=(s, e))


def group_feelings(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'the Royalist officers showed open hostility to the new recruits': groups named by
    common nouns that feel for or against each other are factions that oppose or ally."""
    from .stance import words as stance_words  # the feeling nouns are stance's word classes

    sw = stance_words()
    hostile = sw.conflict_nouns | sw.hostile_feeling_nouns
    for noun in sent:
        low = noun.lower_
        if noun.pos_ != "NOUN" or noun.dep_ != "dobj" or low not in hostile and low not in sw.friendly_feeling_nouns:
            continue
        verb = noun.head
        if in_quotation(d, verb) or not asserted(verb):
            continue
        preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("to", "towards", "against")]
        preps += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "towards", "against")
                  and c.i == noun.i + 1]
        holders = [c for c in verb.children if c.dep_ == "nsubj"]
        targets = [o for p in preps for o in p.children if o.dep_ == "pobj"]
        if not holders or not targets:
            continue
        rule = "policies.group_feeling.v1"
        resolved = [(entity_at(d, t, ACTORS), t) for t in holders + targets]
        if all(e is not None for e, _ in resolved):
            continue  # named parties: stance.conflict_noun reads them
        ends = [e if e is not None else _common_group(d, t, rule) for e, t in resolved]
        a, b = ends[0], ends[-1]
        if a is None or b is None:
            continue
        yield from _emit(d, si, "OPPOSES" if low in hostile else "ALLY", a, b, rule)


def _scaled(d: Document, obj: Token) -> list[int]:
    """The named measures an object of scaling stands for: itself ('strengthen the Test
    Act'), or what the part it plays is of ('raise the influence of state planning')."""
    found = [e for o in expand([obj]) if (e := entity_at(d, o, {"POLICY"})) is not None]
    if found or obj.lemma_.lower() not in words().scaling.scope_nouns:
        return found
    inner = [x for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for x in c.children if x.dep_ == "pobj"]
    return [e for o in expand(inner) if (e := entity_at(d, o, {"POLICY"})) is not None]


def scaled_measures(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Pitt wished to raise the influence of the Sinking Fund', 'the Whigs curbed the
    Test Act': who makes a named measure (or the part it plays) larger, or wants it made
    so, stands for it; who makes it smaller, against it."""
    w = words().scaling
    for verb in sent:
        lemma = verb.lemma_.lower()
        if lemma not in w.raising_verbs and lemma not in w.lowering_verbs or verb.pos_ != "VERB" \
                or in_quotation(d, verb):
            continue
        holders = wished_by(verb)
        f = frame_of(verb)
        if holders is None:  # not only wished: it must have been done
            holders = f.subjects if asserted(verb) and not f.passive else []
        measures = [m for o in f.objects for m in _scaled(d, o)]
        type_ = "SUPPORTS_POLICY" if lemma in w.raising_verbs else "OPPOSES_POLICY"
        for a in _actors(d, holders) if measures else []:
            for m in measures:
                yield from _emit(d, si, type_, a, m, "policies.scaled.v1")


def judged_measures(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Cobden regarded the Corn Laws as ruinous', 'the Whigs hailed the Act as a
    safeguard': who judges a named measure good stands for it, bad against it."""
    w = words().judgement
    for verb in sent:
        if verb.lemma_.lower() not in w.regard_verbs or verb.pos_ != "VERB" or in_quotation(d, verb) \
                or not asserted(verb):
            continue
        f = frame_of(verb)
        if f.passive:
            continue
        verdict = judged_as(verb)
        measures = [e for o in f.objects for x in expand([o]) if (e := entity_at(d, x, {"POLICY"})) is not None]
        if not verdict or not measures:
            continue
        type_ = "SUPPORTS_POLICY" if verdict > 0 else "OPPOSES_POLICY"
        for a in _actors(d, f.subjects):
            for m in measures:
                yield from _emit(d, si, type_, a, m, "policies.judged.v1")


def companions(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Webster voted for the compromise along with Calhoun': the companion named by
    'along with', 'together with' takes the same side on the measure of that verb."""
    for t in sent:
        if t.lower_ not in ("along", "together"):
            continue
        verb = next((a for a in t.ancestors if a.pos_ == "VERB"), None)  # 'along' may hang on the measure
        if t.lower_ not in ("along", "together") or verb is None:
            continue
        withs = [o for c in t.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children
                 if o.dep_ == "pobj"]
        f = frame_of(verb)
        measures = {e for o in f.objects + [o for objs in f.preps.values() for o in objs]
                    if (e := entity_at(d, o, {"POLICY"})) is not None}
        mates = _actors(d, withs)
        for fact in [f for f in d.factoids if f.start == sent.start_char and f.object in measures
                     and f.type in ("SUPPORTS_POLICY", "OPPOSES_POLICY")]:
            for m in mates:
                if m != fact.subject and fact.object is not None:
                    yield from _emit(d, si, fact.type, m, fact.object, "policies.companion.v1")


def policies(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    yield from first_to_assent(d, si, sent)
    yield from assent_series(d, si, sent)
    yield from intended_measures(d, si, sent)
    yield from grants(d, si, sent)
    yield from consent_of(d, si, sent)
    yield from withheld_consent(d, si, sent)
    yield from proposed_by(d, si, sent)
    yield from advocated_measures(d, si, sent)
    yield from favoured_alternatives(d, si, sent)
    yield from decreed_measures(d, si, sent)
    yield from decreed_clauses(d, si, sent)
    yield from passed_in_session(d, si, sent)
    yield from purposes(d, si, sent)
    yield from declared_states(d, si, sent)
    yield from group_feelings(d, si, sent)
    yield from scaled_measures(d, si, sent)
    yield from judged_measures(d, si, sent)
    yield from companions(d, si, sent)
