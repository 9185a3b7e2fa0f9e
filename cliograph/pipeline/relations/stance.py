"""Stance: ALLY, OPPOSES, SUPPORTS_POLICY and OPPOSES_POLICY.

From verbs ('Lenin enlisted Stalin', 'Trotski attacked the trade unions', 'Stalin
agreed with the NEP', 'He called for an abandonment of autonomisation'), from
relational nouns ('sympathisers of Trotski', 'Stalin's critic Makharadze', 'supporters
of the NEP') and from nouns of conflict or alliance between two parties ('a row
between Molotov and Trotski'); from feelings and manners ('a grudge against X',
'treated by X with incivility'), wishes ('his desire of kingly power'), defections ('the
revolt of X from Y'), finding and regarding ('found a patron in X', 'regarded X as their
enemy'); from what one only wants, tries or asks done ('wanted to abolish the Test Act',
'urged the King to arrest Wilkes', 'insisted that the Corn Laws be kept'), from charges
one makes in reported speech or in one's own quoted words ('declared that the Ministry was
betraying the country'), from refusals to obey or to let another act; from a revolt that
names no one it is from (the power the text last named one from), a change of sides ('went
over to the Russians') and backing what a party claims ('trusted the promises of X'). Groups
named by a collective noun ('the Tory press') become entities where a verb of stance needs
them, and a few shapes the parser bends are read as what they say ('Indeed Hyde suspected
Digby', an apposition parsed as a second subject, a relative clause with no relative word).
The word classes live in ``rules/stance.json``; the rules' own lists in ``rules/extractors.json``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from ...model import Factoid
from ...rules import lexicon, limits
from ...rules.words import StanceWords, extractor_words
from ...rules.words import stance_words as words
from ...rules.words import words as relation_words
from ..document import Document
from ..mentions import broken_object_list
from ..quotations import in_quotation
from ..timeline import clause_verb
from .base import UNREAL_HEADS, asserted, entity_at, factoid, owner
from .base import _demonym as demonym
from .base import happened as _real
from .base import owner as base_owner
from .frames import Frame, agents, antecedent, expand, frame_of, frames, listed, subject_tokens
from .frames import speaker as speaker_of
from .quotes import spoken

ACTORS = {"PERSON", "FACTION", "BODY", "PLACE"}
PEOPLE_ENDINGS = ("ians", "ans", "ites", "ese")  # 'the Athenians', 'the Venetians', 'the Genoese'
POLICY = {"POLICY"}


def _actors_ok(d: Document, a: int, b: int) -> bool:
    """A polity acts like any party ('Germany and the RSFSR', 'Virginia threw its weight
    with the Confederacy'), but not with a person: 'X fought for Y in Flanders'."""
    ka, kb = d.entities[a].kind, d.entities[b].kind
    if a == b:
        return False
    if "PLACE" in (ka, kb) and "PERSON" in (ka, kb):
        # a people acts as its polity: 'called the Venetians to his aid'
        place = d.entities[a] if ka == "PLACE" else d.entities[b]
        return place.name.endswith(PEOPLE_ENDINGS) and place.name[:1].isupper()
    return True


def _emit(d: Document, si: int, type_: str, a: int | None, b: int | None, rule: str,
          conf: float, **kw: object) -> Iterator[Factoid]:
    if a is None or b is None or a == b:
        return
    if type_ in ("ALLY", "OPPOSES") and not _actors_ok(d, a, b):
        return
    yield factoid(d, si, type_, a, b, rule, conf, **kw)


def _toward(d: Document, si: int, polarity: int, holder: int | None, o: Token,
            rule: str) -> Iterator[Factoid]:
    """A stance toward what ``o`` names: a policy (supported or opposed) before a party
    (ally or opponent)."""
    policy, target = entity_at(d, o, POLICY), entity_at(d, o, ACTORS)
    if policy is not None:
        yield from _emit(d, si, "SUPPORTS_POLICY" if polarity > 0 else "OPPOSES_POLICY", holder,
                         policy, rule, 0.6)
    elif target is not None:
        yield from _emit(d, si, "ALLY" if polarity > 0 else "OPPOSES", holder, target, rule, 0.6)


def _gapped_object(verb: Token) -> list[Token]:
    """The noun a relative clause without a relative word leaves as its object: 'the
    Huguenots the King had banished' ('had banished' has a subject and no object of its
    own; the Huguenots are whom he banished)."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return []
    kids = list(verb.children)
    if not any(c.dep_ == "nsubj" for c in kids) or any(
            c.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass", "attr", "acomp") or c.tag_ in ("WDT", "WP", "WP$", "WRB")
            or c.lower_ == "that" for c in kids):
        return []
    return [verb.head]


def _subject_of_next_clause(tok: Token) -> bool:
    """'sided with the Radicals and the Diet voted against it': the parser
    joined 'Congress' to the objects, but a verb without a subject follows it."""
    if tok.dep_ != "conj" or tok.i + 1 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1]
    return nxt.pos_ in ("VERB", "AUX") and nxt.tag_ in ("VBD", "VBZ", "VBP") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in nxt.children)


def _phrasal_lemma(verb: Token, w: StanceWords) -> str:
    """'drew up a plan' -> 'draw up', when the phrasal verb is one the lists name."""
    lemma = verb.lemma_.lower()
    for c in verb.children:
        if c.dep_ == "prt" and f"{lemma} {c.lower_}" in w.policy_support_verbs | w.policy_oppose_verbs \
                | w.oppose_verbs:
            return f"{lemma} {c.lower_}"
    return lemma


def _policy_words_for(lemma: str, prep: str, table: dict[str, list[str]]) -> bool:
    return prep in table.get(lemma, [])


def from_verbs(d: Document, si: int, sent: Span, only: list[Frame] | None = None) -> Iterator[Factoid]:
    """The stance each verb (or each of ``only``) states of its subjects towards its objects;
    also of a verb only wanted, tried or asked for ('Fox wanted to abolish the Test Act'):
    who wants a thing done stands where the deed would."""
    w = words()
    for f in frames(sent) if only is None else only:
        if in_quotation(d, f.verb):
            continue  # what a quotation says is not narration
        holders = wished_by(f.verb)
        if holders is None:
            if _real(f.verb) and f.subjects:
                yield from _frame_stances(d, si, f, w)
            continue
        if not holders:
            continue
        for fact in _frame_stances(d, si, f, w, holders):
            yield replace(fact, extractor="stance.intended.v1")
        yield from _wished_events(d, si, f, holders)


def wished_by(verb: Token) -> list[Token] | None:
    """Who wants the deed a verb names done, when it is only wanted (None when it is not
    wished): the subject of 'wanted to abolish'; the one who asks, not the one asked, in
    'urged the King to arrest Wilkes' and 'insisted that the tithes be maintained'."""
    wisher = intender(verb)
    if wisher is None:
        return None
    if verb.head.i == wisher.i and (verb.dep_ == "ccomp" or any(c.dep_ == "dobj" for c in wisher.children)):
        return frame_of(wisher).subjects
    return frame_of(verb).subjects


PARTICIPATE_VERBS = relation_words().event.participate
BACKED_CLAIM_NOUNS = extractor_words().stance.backed_claim_nouns
EFFORT_NOUNS = extractor_words().stance.effort_nouns
COLLECTIVE_NOUNS = extractor_words().stance.collective_nouns


def _wished_events(d: Document, si: int, f: Frame, holders: list[Token]) -> Iterator[Factoid]:
    """'The Jacobins demanded that the Convention be convoked', 'the Girondins tried to stop
    the rising': who wants an event called, led or stopped takes part in it (what the event
    rules do not read, the deed being only wanted)."""
    role = PARTICIPATE_VERBS.get(f.verb.lemma_.lower())
    if role is None:
        return  # (an assembly wanted called together: ``programmes.convened_meetings``)
    for o in f.objects:
        event = entity_at(d, o, {"EVENT"})
        for h in _named(d, holders) if event is not None else []:
            yield from _emit(d, si, "PARTICIPATES", _actor(d, h), event, "stance.wished_event.v1", 0.6,
                             role=f"wanted it {role}")


INTENT_HEADS = extractor_words().stance.intent_heads


def intender(verb: Token) -> Token | None:
    """The verb of wanting, trying or asking a deed hangs on ('wanted to abolish', 'urged
    him to arrest', 'demanded measures to destroy', 'demanded that X be dissolved'), when
    that is all that keeps the deed from having happened: not negated or conditional
    itself, and the wanting itself happened (or was itself wanted)."""
    for c in verb.children:
        if c.dep_ == "neg" or c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
            return None
        if c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may") and verb.dep_ != "ccomp":
            return None
    if verb.dep_ == "ccomp" and not _wished_form(verb):
        return None  # 'insisted that the Whigs had betrayed him': what is said, not what is asked
    head, hops = verb, 0
    while head.dep_ in ("xcomp", "advcl", "ccomp") and head.head.i != head.i and hops < 3:
        head, hops = head.head, hops + 1
        lemma = head.lemma_.lower()
        if lemma in INTENT_HEADS:
            if any(c.dep_ == "neg" for c in head.children):
                return None
            return head if _real(head) or intender(head) is not None else None
        if lemma in UNREAL_HEADS or lemma in words().refusal_verbs:
            return None  # 'refused to', 'failed to', 'considered'
    return None


def _wished_form(verb: Token) -> bool:
    """A clause in the form of a wish or demand: 'that the Act be repealed', 'that the Corn
    Laws should be kept', 'that the King would dismiss him'."""
    return verb.tag_ == "VB" or any(c.dep_ in ("aux", "auxpass") and (c.tag_ == "MD" or c.tag_ == "VB")
                                    for c in verb.children)


def _frame_stances(d: Document, si: int, f: Frame, w: StanceWords,
                   holders: list[Token] | None = None) -> Iterator[Factoid]:
    """The stances of one verb's frame (its subjects', or ``holders``')."""
    lemma = _phrasal_lemma(f.verb, w)
    # light verbs: 'took exception to', 'took issue with'
    preps = {p: list(objs) for p, objs in f.preps.items()}  # frames are shared: not changed here
    for c in f.verb.children:  # 'spoke against giving the land away': a gerund clause
        if c.dep_ == "prep":
            preps.setdefault(c.lower_, []).extend(expand([x for x in c.children if x.dep_ == "pcomp"]))
    for o in f.objects:
        light = f"{lemma} {o.lemma_.lower()}"
        if light in w.ally_light_verbs or light in w.light_verbs:
            lemma = light
            for c in o.children:  # 'exception to X', 'common cause with X' may hang on the noun
                if c.dep_ == "prep":
                    preps.setdefault(c.lower_, []).extend(
                        expand([x for x in c.children if x.dep_ == "pobj"]))
    own = f.subjects
    if f.verb.i > 0 and _subject_of_next_clause(d.doc[f.verb.i - 1]):
        own = [d.doc[f.verb.i - 1]]  # '... with the Southerners and Congress voted': Congress votes
    stance_verb = lemma in w.ally_verbs or lemma in w.oppose_verbs
    # 'the bourgeois press defended him': a group named by a collective noun, for a verb of stance
    subjects = [a if a is not None or not stance_verb else _collective(d, s)
                for s in _named(d, own if holders is None else holders) for a in [_actor(d, s)]]
    # 'Cavour persuaded the Piedmontese to adopt free trade': who persuades stands for it too
    if f.verb.dep_ == "xcomp" and f.verb.head.lemma_.lower() in w.persuade_verbs and _real(f.verb.head):
        subjects += [_actor(d, s) for s in _named(d, frame_of(f.verb.head).subjects)]
    elif f.verb.dep_ == "xcomp" and f.verb.head.lemma_.lower() in w.command_verbs and _real(f.verb.head):
        # 'ordered him to exclude the Jacobins': the stance is the one who orders; he is only told
        subjects = [_actor(d, s) for s in _named(d, frame_of(f.verb.head).subjects)]
    objects = [antecedent(o) for o in f.objects] + [o for o in broken_object_list(f.verb) + _gapped_object(f.verb)
                                                    if o not in f.objects]
    targets: list[tuple[Token, str]] = [(o, "") for o in objects] + [
        (o, p) for p, objs in preps.items() for o in objs]
    for o, prep in targets:
        if _subject_of_next_clause(o):
            continue
        person = _polity_of_agents(d, o, w)
        if person is None:
            person = entity_at(d, o, ACTORS)
        if person is None and stance_verb and not prep and entity_at(d, o) is None:
            person = _collective(d, o)
        policy = entity_at(d, o, POLICY)
        if policy is None and o.lower_ in w.measure_event_nouns:
            policy = entity_at(d, o, {"EVENT"})
        reversed_ = False
        hostile = False
        if person is None and policy is None:
            owner = _owner(d, o)
            if owner is None and stance_verb:  # 'branded the assertions of the Tory press'
                owner = base_owner(d, o, _collective)
            if owner is None and o.lower_ in w.hostile_action_nouns:  # 'a general Jacobin massacre'
                owner = next((g for c in o.children if c.dep_ in ("amod", "compound") and c.i < o.i
                              and c.text[:1].isupper() and (g := _group_of_adjective(d, c)) is not None), None)
            # 'called for his expulsion': wanting harm done to someone is opposing them
            if owner is not None and o.lower_ in w.hostile_action_nouns and lemma in w.demand_verbs:
                hostile = True
                person = owner
            # 'resenting Stalin’s attempt', 'took exception to Stalin’s multiplicity of posts'
            elif owner is not None and (lemma in w.oppose_verbs or lemma in w.light_verbs
                                        or _policy_words_for(lemma, prep, w.oppose_prep)):
                person = owner
            # 'saved the King's life': a rescue sides with the one rescued; 'shared the exile
            # of X': sharing another's lot sides with them
            elif owner is not None and (o.lower_ == "life" and lemma in ("save", "rescue")
                                        or not prep and lemma in w.ally_light_verbs):
                for s in subjects:
                    yield from _emit(d, si, "ALLY", s, owner, "stance.ally_verb.v1", 0.6)
                continue
            # 'the Estates trusted the promises of Wallenstein', 'defended the claims of X':
            # backing what a party says or claims is backing the party
            elif owner is not None and not prep and o.lower_ in BACKED_CLAIM_NOUNS \
                    and lemma in w.ally_verbs and lemma not in w.succession_verbs:
                for s in subjects:
                    yield from _emit(d, si, "ALLY", s, owner, "stance.backed_claim.v1", 0.6)
                continue
            # 'agreed with the broad lines of the NEP'
            elif o.lower_ in w.container_nouns:
                policy = _of_object(d, o, POLICY)
        if hostile:
            for s in subjects:
                target = person
                if s == person:  # 'Lenin called for his expulsion': not his own
                    target = _earlier_person(d, o, set(subjects))
                if s is not None:
                    yield from _emit(d, si, "OPPOSES", s, target, "stance.hostile_demand.v1", 0.65)
            continue
        # 'called for an abandonment of autonomisation': the object of the reversing noun
        if policy is None and o.lower_ in w.reversing_nouns:
            inner = [x for c in o.children if c.dep_ == "prep" and c.lower_ in ("of", "to")
                     for x in c.children if x.dep_ == "pobj"]
            policy = entity_at(d, inner[0], POLICY) if inner else None
            reversed_ = policy is not None
        for s in subjects:
            if s is None:
                continue
            if person is not None:
                if lemma in w.member_verbs and d.entities[person].kind == "BODY":
                    pass  # 'Robespierre joined the Committee': membership, not an alliance
                elif lemma in w.succession_verbs and ("as" in preps or "in" in preps):
                    pass  # a successor in a post
                elif (not prep and lemma in w.ally_verbs and (not f.passive or lemma not in w.succession_verbs)) \
                        or _policy_words_for(lemma, prep, w.ally_prep):
                    yield from _emit(d, si, "ALLY", s, person, "stance.ally_verb.v1", 0.6)
                elif (not prep and lemma in w.oppose_verbs) or _policy_words_for(
                        lemma, prep, w.oppose_prep) or _policy_words_for(lemma, prep, w.light_verbs):
                    yield from _emit(d, si, "OPPOSES", s, person, "stance.oppose_verb.v1", 0.6)
            if policy is not None:  # a polity stands for measures too ('Georgia defended the trade')
                polarity = 0
                if (not prep and lemma in w.policy_support_verbs) or _policy_words_for(
                        lemma, prep, w.policy_support_prep):
                    polarity = 1
                elif (not prep and lemma in w.policy_oppose_verbs) or _policy_words_for(
                        lemma, prep, w.policy_oppose_prep):
                    polarity = -1
                if reversed_:
                    polarity = -polarity
                if polarity:
                    type_ = "SUPPORTS_POLICY" if polarity > 0 else "OPPOSES_POLICY"
                    yield from _emit(d, si, type_, s, policy, "stance.policy_verb.v1", 0.6)
    # 'He and Molotov had conspired', 'Lenin and Trotski quarrelled'
    if len(subjects) >= 2 and not f.objects:
        mutual = ("ALLY" if lemma in w.mutual_ally_verbs else
                  "OPPOSES" if lemma in w.mutual_oppose_verbs else None)
        if mutual:
            ents = [s for s in subjects if s is not None]
            for i, a in enumerate(ents):
                for b in ents[i + 1:]:
                    yield from _emit(d, si, mutual, a, b, "stance.mutual_verb.v1", 0.6)
                    if mutual == "OPPOSES":
                        yield from _emit(d, si, mutual, b, a, "stance.mutual_verb.v1", 0.6)


def from_unparsed_clauses(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Indeed Hyde suspected Digby': a verb of stance between two names that the parser
    left without a subject of its own (the first name read as an adverb, or as the root
    the verb modifies): the name before it is its subject, the name after it its object;
    after a demonstrative read as the name's determiner ('Cromwell being angered at this
    dismissed Lambert'), the subject named before the demonstrative."""
    w = words()
    verbs = w.ally_verbs | w.oppose_verbs
    for tok in sent:
        if tok.pos_ != "VERB" or tok.tag_ not in ("VBD", "VBN") or tok.lemma_.lower() not in verbs \
                or not sent.start < tok.i < sent.end - 1 or in_quotation(d, tok):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux", "neg", "agent") for c in tok.children):
            continue
        before, after = d.doc[tok.i - 1], d.doc[tok.i + 1]
        if before.lower_ in ("this", "that") and tok.dep_ == "amod" and tok.head.i == after.i:
            # 'Cromwell, angered at this, dismissed Lambert' read as 'this dismissed Lambert':
            # the demonstrative ends a phrase; the subject is the clause's before it
            before = next((c for c in reversed(list(sent[:before.i - sent.start]))
                           if c.dep_ == "nsubj" or c.dep_ == "ROOT" and c.pos_ == "PROPN"), before)
        if before.pos_ != "PROPN" or after.pos_ != "PROPN":
            continue
        a, b = entity_at(d, before, ACTORS), entity_at(d, after, ACTORS)
        if a is None or b is None or a == b:
            continue
        for fact in _frame_stances(d, si, Frame(verb=tok, subjects=[before], objects=expand([after])), w):
            yield replace(fact, extractor="stance.unparsed_clause.v1")


# stances that, taken together, make allies of those who take them (siding with the same
# party says less: 'Bavaria and Saxony sided with the Austrians')
TOGETHER = ("OPPOSES", "SUPPORTS_POLICY", "OPPOSES_POLICY")


def from_together(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """The alliance of the parties who take a stance together: 'Cobden and Bright attacked
    the Corn Laws', 'Fox and Sheridan denounced Hastings' (the coordinated subjects of one
    active verb, each with the same stance towards the same party or measure; not the
    leaders or appositions a subject brought in)."""
    for f in frames(sent):
        if f.passive or len(f.subjects) < 2:
            continue
        own = {entity_at(d, t, ACTORS) for t in f.subjects}
        together: dict[tuple[str, int | None], list[int]] = {}
        for fact in from_verbs(d, si, sent, [f]):
            if fact.type in TOGETHER and fact.subject in own and fact.extractor != "stance.mutual_verb.v1":
                together.setdefault((fact.type, fact.object), []).append(fact.subject)
        for (_, target), holders in together.items():
            each = [h for h in dict.fromkeys(holders) if h != target]
            for i, a in enumerate(each):
                for b in each[i + 1:]:
                    yield from _emit(d, si, "ALLY", a, b, "stance.co_subjects.v1", 0.6)


def _owner(d: Document, noun: Token) -> int | None:
    """The person a noun belongs to: 'Stalin’s attempt', 'the expulsion of Tomski'."""
    return owner(d, noun, lambda d_, t: entity_at(d_, t, ACTORS))


def _collective(d: Document, tok: Token) -> int | None:
    """A group a collective noun and its modifiers name, made an entity where a verb of
    stance says where it stands: 'the bourgeois press', 'the Catholic clergy', 'the
    country gentry' (never the bare noun: 'the press' alone names no one group)."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in COLLECTIVE_NOUNS or entity_at(d, tok) is not None:
        return None
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i
            and c.pos_ in ("ADJ", "NOUN", "PROPN", "VERB")]
    if not mods:
        return None
    span = d.doc[min(m.left_edge.i for m in mods):tok.i + 1]
    if any(t.is_punct or t.dep_ == "cc" for t in span):
        span = d.doc[mods[-1].i:tok.i + 1]
    return d.add_entity(span.text, "FACTION", span.start_char, span.end_char, "stance.collective.v1",
                        tokens=(span.start, span.end))


def _named(d: Document, tokens: list[Token]) -> list[Token]:
    """Each token, or the names in apposition to it when it names no one itself: 'His
    associates Sergei Kirov and Sergo Ordzhonikidze'; and the leaders of a group that
    acts ('the left wing, led by Gracchus and Fulvius, voted for the law': the leaders
    too)."""
    out: list[Token] = []
    for t in tokens:
        names = [] if entity_at(d, t, ACTORS) is not None else \
            expand([c for c in t.children if c.dep_ == "appos" and entity_at(d, c, ACTORS) is not None])
        if not names and entity_at(d, t, ACTORS) is None and t.lower_ in words().agent_nouns:
            # 'Government authorities suppressed the Soviet': the body they act for
            names = [c for c in t.children if c.dep_ in ("compound", "amod") and c.i < t.i
                     and c.text[:1].isupper() and _acting_for(d, c) is not None][:1]
        if not names and entity_at(d, t, ACTORS) is None and t.lower_ in EFFORT_NOUNS:
            # 'it was the persistence of Sieyès that routed the Girondins': whose effort it is
            names = [o for c in t.children if c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of"
                     for o in ([c] if c.dep_ == "poss" else [x for x in c.children if x.dep_ == "pobj"])
                     if entity_at(d, o, ACTORS) is not None][:1]
        if not names and entity_at(d, t, ACTORS) is None and any(c.lower_ == "such" for c in t.children):
            # 'such papers as the Moniteur': the ones named
            names = expand([o for c in t.children if c.dep_ == "prep" and c.lower_ == "as"
                            for o in c.children if o.dep_ == "pobj" and entity_at(d, o, ACTORS) is not None])
        out.extend(names or [t])
        out.extend(x for x in _leaders(t) if x not in out and entity_at(d, x, {"PERSON"}) is not None)
    return out


def _actor(d: Document, tok: Token) -> int | None:
    """Who a token of ``_named`` stands for: its entity, or the group its capitalised
    modifier names ('a Cossack delegation')."""
    e = entity_at(d, tok, ACTORS)
    if e is None and tok.dep_ in ("compound", "amod"):
        return _acting_for(d, tok)
    return e


def _polity_of_agents(d: Document, noun: Token, w: StanceWords) -> int | None:
    """'cut off the Athenian garrison', 'attacked the Genoese fleet': men who act for a
    people stand for it as a target, the people its adjective names ('Athenian' for the
    'Athenians' the text names), even where the garrison is a name of its own."""
    if noun.lower_ not in w.agent_nouns:
        return None
    for c in noun.children:
        if c.dep_ in ("amod", "compound") and c.i < noun.i and c.text[:1].isupper():
            word = c.text.casefold()
            found = {i for i, ent in enumerate(d.entities) if ent.kind in ("PLACE", "FACTION", "BODY")
                     and any(n.casefold() in (word, word + "s", word + "es") for n in (ent.name, *ent.aliases))}
            if len(found) == 1:
                return found.pop()
    return None


def _acting_for(d: Document, tok: Token) -> int | None:
    """The body, group or polity a capitalised modifier names ('Government', 'Cossack')."""
    e = entity_at(d, tok, {"BODY", "FACTION", "PLACE"})
    return e if e is not None else _group_of_adjective(d, tok)


def _leaders(group: Token) -> list[Token]:
    """Who a group is 'led by', 'headed by' or 'under': 'the Girondins, led by Brissot',
    'the moderates under Lafayette'."""
    w = words()
    out = [o for c in group.children if c.dep_ == "acl" and w.member_passive.get(c.lemma_.lower()) == "leader"
           for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    out += [o for c in group.children if c.dep_ == "prep" and c.lower_ == "under"
            for o in c.children if o.dep_ == "pobj"]
    return expand(out)


def _earlier_person(d: Document, noun: Token, not_: set[int | None], back: int = 0) -> int | None:
    """When a pronoun owner of a harm was read as the one who wants it ('When Tomski
    refused..., Lenin called for his expulsion'), the person named before it in the
    sentence (or in the ``back`` sentences before it: 'Pitt was failing. Dundas had long
    been in his good books')."""
    poss = [c for c in noun.children if c.dep_ == "poss" and c.lower_ in ("his", "her")]
    if not poss:
        return None
    si = next((i for i, s in enumerate(d.sents) if s.start <= noun.i < s.end), 0)
    first = d.sents[max(si - back, 0)].start
    for i in range(poss[0].i - 1, first - 1, -1):
        e = d.entity_of_token(d.doc[i])
        if e is not None and e not in not_ and d.entities[e].kind == "PERSON" and d.doc[i].pos_ == "PROPN":
            return e
    return None


def _of_object(d: Document, noun: Token, kinds: set[str]) -> int | None:
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for o in c.children:
                if o.dep_ == "pobj":
                    return entity_at(d, o, kinds)
    return None


def _clause_subjects(tok: Token) -> list[Token]:
    """The subjects of the clause a noun sits in, climbing through 'to'-clauses:
    'Stalin sent supporters ... to organise the campaign against Trotski'."""
    verb = clause_verb(tok.head)
    f = frame_of(verb)
    hops = 0
    while not [s for s in f.subjects if s.pos_ != "NOUN" or s.ent_type_] and verb.head.i != verb.i and hops < 3:
        verb = verb.head
        f = frame_of(verb)
        hops += 1
    return f.subjects


def _copula_subject(tok: Token) -> Token:
    """'Buckingham was the only courtier who stood high in the favour of the King': the one
    the common noun is said of."""
    if tok.pos_ == "NOUN" and tok.dep_ == "attr":
        subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
        if subj:
            return subj[0]
    return tok


def from_idioms(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'on Lenin’s behalf', 'on his side', 'in his good books', 'took the side of X' (ALLY); 'the campaign
    against Trotski' (OPPOSES), said of the clause's subject."""
    w = words()
    for noun in sent:
        low = noun.lower_
        if noun.pos_ != "NOUN":
            continue
        favour = low in w.good_nouns and any(c.lower_ == "good" for c in noun.children) or (
            low in w.favour_nouns and noun.dep_ == "pobj" and noun.head.lower_ == "in")
        if favour and _owner(d, noun) is None:  # 'was in such favour with Caesar'
            verb = noun.head.head
            withs = [o for t in (noun, verb) for c in t.children if c.dep_ == "prep" and c.lower_ == "with"
                     for o in c.children if o.dep_ == "pobj"]
            if withs and verb.pos_ in ("VERB", "AUX") and asserted(verb):
                for h in expand([antecedent(c) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]):
                    yield from _emit(d, si, "ALLY", entity_at(d, h, ACTORS), entity_at(d, withs[0], ACTORS),
                                     "stance.side_idiom.v1", 0.7)
            continue
        if (low in w.side_nouns or favour) and (noun.dep_ == "pobj" and noun.head.lower_ in ("on", "to", "in", "with")
                                    or noun.dep_ == "dobj" and noun.head.lemma_ in ("take", "join")):
            other = _owner(d, noun)
            if other is None:
                continue
            verb = noun.head.head if noun.dep_ == "pobj" else noun.head
            if not asserted(verb):
                continue
            holders = [antecedent(c) for c in verb.children if c.dep_ in ("nsubj", "attr", "nsubjpass")] \
                or _subject_of_when_clause(verb)
            called = [c for c in verb.children if c.dep_ == "dobj" and entity_at(d, c, ACTORS) is not None]
            if called and noun.dep_ == "pobj" and noun.head.lower_ == "to":
                holders = called  # 'the Doge called the Genoese to his aid': they come to his side
            mover = _mover_before(d, noun)
            if mover is not None:
                holders = [mover]  # 'news of the approach of the Danish fleet to the aid of X'
            holders = holders or _clause_subjects(noun)
            held = {entity_at(d, h, ACTORS) for h in expand([_copula_subject(h) for h in holders])}
            if other in held:  # no one is in his own good books: 'his' is someone named before
                other = _earlier_person(d, noun, held, RECENT_PRONOUN)
            for h in expand([_copula_subject(h) for h in holders]):
                yield from _emit(d, si, "ALLY", entity_at(d, h, ACTORS), other, "stance.side_idiom.v1", 0.7)
        elif low in w.against_nouns:
            targets = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "against"
                       for o in expand([x for x in c.children if x.dep_ == "pobj"])]
            if not targets:
                continue
            owner = [c for c in noun.children if c.dep_ == "poss"]
            agents = owner or _clause_subjects(noun)
            for a in expand(agents):
                for t in targets:
                    ta, tp = entity_at(d, t, ACTORS), entity_at(d, t, POLICY)
                    if ta is not None:
                        yield from _emit(d, si, "OPPOSES", entity_at(d, a, ACTORS), ta,
                                         "stance.against_noun.v1", 0.6)
                    elif tp is not None and entity_at(d, a, ACTORS) is not None:
                        yield from _emit(d, si, "OPPOSES_POLICY", entity_at(d, a, ACTORS), tp,
                                         "stance.against_noun.v1", 0.6)


def _subject_of_when_clause(verb: Token) -> list[Token]:
    """The subject of a 'when' clause the parser ended at a participle and joined its finite
    verb to the main clause instead: 'They had crossed the river, when the Swedes under
    Banér, marching from the north, came to the aid of the Saxons' ('came' has no subject of
    its own; the Swedes are the subject of 'marching' in the parse)."""
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return []
    for c in verb.head.children:
        if c.dep_ == "advcl" and verb.head.i < c.i < verb.i and c.tag_ in ("VBG", "VBN") \
                and any(m.lower_ == "when" for m in c.children if m.dep_ in ("advmod", "mark")):
            return [s for s in c.children if s.dep_ == "nsubj" and s.i < c.i]
    return []


def _mover_before(d: Document, noun: Token) -> Token | None:
    """The party named right before 'to the aid of X' inside a noun phrase, which the
    parser hung on the clause's verb instead: 'word came of the march of the Saxon army to
    the aid of the Swedes' (the army comes to their aid, not whoever the verb is of)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "to" or noun.head.i == 0:
        return None
    before = noun.doc[noun.head.i - 1]
    if before.dep_ != "pobj" or before.head.lower_ != "of" or before.head.head.pos_ != "NOUN":
        return None
    return before if entity_at(d, before, ACTORS) is not None else None


def from_aid(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'The Scots invoked the aid of the Danes', 'sought the help of Spain' (who asks for
    another's help sides with them; a second 'of' the parser hung on the verb, 'the aid of
    their allies and especially of the Venetians', names a helper too); 'Venice sent aid to
    the Greeks', 'lent his support to X' (who gives help sides with whom it is given to)."""
    w = words()
    for noun in sent:
        if noun.pos_ != "NOUN" or noun.lower_ not in w.aid_nouns or noun.dep_ != "dobj":
            continue
        verb = noun.head
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or not _real(verb) or in_quotation(d, verb):
            continue
        if lemma in w.aid_asking_verbs:
            others = [c for c in noun.children if c.dep_ == "poss"]
            others += [o for t in (noun, verb) for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                       for o in c.children if o.dep_ == "pobj"]
        elif lemma in w.aid_giving_verbs:
            others = [o for t in (noun, verb) for c in t.children if c.dep_ in ("prep", "dative")
                      and c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]
            others += [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]  # 'sent the Greeks aid'
        else:
            continue
        for s in _named(d, frame_of(verb).subjects):
            for o in expand(others):
                yield from _emit(d, si, "ALLY", _actor(d, s), entity_at(d, o, ACTORS), "stance.aid.v1", 0.6)


def _found_or_regarded(d: Document, si: int, noun: Token, ally: bool) -> Iterator[Factoid]:
    """'Fouché found a patron in Napoleon' (Napoleon sides with him), 'the Whigs regarded
    Danby as their enemy' (they stand against him): the stance of who finds or regards."""
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" else None
    if verb is None or verb.pos_ != "VERB" or not _real(verb) or in_quotation(d, verb):
        return
    f = frame_of(verb)
    type_ = "ALLY" if ally else "OPPOSES"
    if noun.dep_ == "dobj" and verb.lemma_.lower() == "find":
        ins = [o for t in (noun, verb) for c in t.children if c.dep_ == "prep" and c.lower_ == "in"
               for o in c.children if o.dep_ == "pobj"]
        for s in _named(d, f.subjects):
            for o in expand(ins):  # the one found is the patron, the enemy
                yield from _emit(d, si, type_, entity_at(d, o, ACTORS), _actor(d, s), "stance.found_in.v1", 0.6)
    elif noun.dep_ == "pobj" and noun.head.lower_ == "as" and verb.lemma_.lower() in words().regard_verbs:
        for s in _named(d, f.subjects):
            for o in f.objects:
                yield from _emit(d, si, type_, _actor(d, s), entity_at(d, o, ACTORS), "stance.regarded_as.v1", 0.6)


def _holders(d: Document, noun: Token) -> list[Token]:
    """Who a relational noun is said of: 'X, an ally of Y', 'Y's allies X and Z',
    'X, who were sympathisers of Y', 'X was Y's ally'."""
    out = [c for c in noun.children if c.dep_ == "appos"]
    if noun.dep_ == "appos":
        out.append(noun.head)
    out += _second_subject_of(noun)
    if noun.dep_ == "attr":
        subj = [c for c in noun.head.children if c.dep_ == "nsubj"]
        for s in subj:
            if s.lower_ in ("who", "which", "that") and noun.head.dep_ == "relcl":
                out.append(noun.head.head)
            else:
                out.append(s)
    # 'His associates Sergei Kirov and Sergo Ordzhonikidze': the name right after
    nxt = noun.i + 1
    if nxt < len(noun.doc) and d.token_mention.get(nxt) is not None:
        out.append(noun.doc[d.mentions[d.token_mention[nxt]].tokens[1] - 1])
    # a singular noun is said of one holder: 'George Mason, Washington's friend; John Blair'
    return expand(out) if noun.tag_ == "NNS" else out


def _second_subject_of(noun: Token) -> list[Token]:
    """The subject an apposition set off by commas follows, where the parser made the
    apposition a second subject of the verb: 'Fairfax, however, a friend of Cromwell,
    declined' (two subjects of 'declined', no conjunction between them)."""
    if noun.dep_ != "nsubj":
        return []
    first = [c for c in noun.head.children if c.dep_ == "nsubj" and c.i < noun.i]
    if len(first) != 1 or any(t.dep_ == "cc" for t in noun.doc[first[0].i:noun.left_edge.i]) \
            or noun.doc[noun.left_edge.i - 1].text != ",":
        return []
    return first


RECENT_PRONOUN = limits().sentences_back.pronoun  # how far back a pronoun's antecedent may be
RECENT_SENTENCES = limits().sentences_back.recent_group  # how far back 'these supporters' may reach


def _demonstrative_plural(noun: Token) -> bool:
    return noun.tag_ == "NNS" and any(c.dep_ == "det" and c.lower_ in ("these", "those") for c in noun.children)


def _recent_people(d: Document, si: int) -> list[int]:
    """The people the sentences just before were about, for 'these supporters of X': the
    named subjects of a run of sentences ('Zinoviev had two heart attacks. Kamenev had a
    chronic cardiac condition. Bukharin had been very poorly and Stalin ...'), in the
    same paragraph; at least two of them."""
    people: list[int] = []
    for back in range(si - 1, max(-1, si - 1 - RECENT_SENTENCES), -1):
        sent = d.sents[back]
        if "\n\n" in d.text[sent.start_char:d.sents[back + 1].start_char]:
            break  # a paragraph ends there
        found = [e for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN"
                 and (e := entity_at(d, t, {"PERSON"})) is not None]
        if not found:
            break
        people.extend(e for e in found if e not in people)
    return people if len(people) >= 2 else []


def _targets(noun: Token) -> list[Token]:
    """Whose ally: the possessor, or the object of 'of'."""
    out = [c for c in noun.children if c.dep_ == "poss"]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":  # 'enemy of despotism and of popery'
            out.extend(o for p in (c, *c.conjuncts) for o in p.children if o.dep_ == "pobj")
    return expand(out)


def from_nouns(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    w = words()
    for noun in sent:
        low = noun.lower_
        if noun.pos_ != "NOUN":
            continue
        if low in w.ally_nouns or low in w.oppose_nouns:
            verb = noun.head if noun.dep_ == "attr" else None
            if verb is not None and not asserted(verb):
                continue
            ally = low in w.ally_nouns
            yield from _found_or_regarded(d, si, noun, ally)
            holders = [entity_at(d, h, ACTORS) for h in _holders(d, noun)]
            if not any(h is not None for h in holders) and _demonstrative_plural(noun):
                holders = _recent_people(d, si)  # 'these strong supporters of the NEP'
            if verb is not None and noun.tag_ == "NNS" and not _targets(noun):
                # 'Pompey and Caesar were rivals', 'Danton and Desmoulins were friends': each other's
                each = [h for h in dict.fromkeys(holders) if h is not None]
                for a in each:
                    for b in each:
                        yield from _emit(d, si, "ALLY" if ally else "OPPOSES", a, b, "stance.relational_noun.v1", 0.7)
            for t in _targets(noun):
                target = entity_at(d, t, ACTORS)
                policy = entity_at(d, t, POLICY)
                for holder in holders:
                    if holder is None:
                        continue
                    if target is not None:
                        yield from _emit(d, si, "ALLY" if ally else "OPPOSES", holder, target,
                                         "stance.relational_noun.v1", 0.7)
                    elif policy is not None:
                        yield from _emit(d, si, "SUPPORTS_POLICY" if ally else "OPPOSES_POLICY",
                                         holder, policy, "stance.relational_noun.v1", 0.7)
        elif low in w.conflict_nouns or low in w.alliance_nouns or low in w.hostile_feeling_nouns \
                or low in w.friendly_feeling_nouns:
            type_ = "OPPOSES" if low in w.conflict_nouns or low in w.hostile_feeling_nouns else "ALLY"
            # 'a row between Molotov and Trotski' (the prepositional phrase may hang on the verb)
            # 'a row followed between Molotov and Trotski': on the noun, its verb or its participle
            near = [noun, *[c for c in noun.children if c.dep_ in ("acl", "relcl")]]
            if noun.dep_ == "nsubj":
                near.append(noun.head)
            between = [c for t in near for c in t.children if c.dep_ == "prep" and c.lower_ == "between"]
            parties: list[Token] = []
            for b in between:
                parties.extend(expand([o for o in b.children if o.dep_ == "pobj"]))
            # 'Stalin's quarrel with Lenin'
            owner = [c for c in noun.children if c.dep_ == "poss"]
            withs = [o for c in _noun_preps(noun, _towards(low, type_))
                     for o in expand([x for x in c.children if x.dep_ == "pobj"])]
            if not owner:  # 'the Whig hostility to the Crown': the group the adjective names
                owner = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i
                         and c.text[:1].isupper() and _group_of_adjective(d, c) is not None]
            # 'he found Stalin in disagreement with him', 'Y was at war with Z': the state
            # is said of the verb's object, else of its subject
            if not owner and withs and noun.dep_ == "pobj" and noun.head.lower_ in ("in", "at") \
                    and noun.head.head.pos_ in ("VERB", "AUX") and asserted(noun.head.head):
                f = frame_of(noun.head.head)
                owner = [o for o in f.objects if entity_at(d, o, ACTORS) is not None] or f.subjects
            # 'he incurred the animosity of James': the one whose feeling it is, towards the subject
            if not owner and noun.dep_ == "dobj" and noun.head.lemma_.lower() in w.feeling_verbs \
                    and _real(noun.head):
                feeler = _of_object(d, noun, ACTORS)
                for sbj in frame_of(noun.head).subjects:
                    yield from _emit(d, si, type_, feeler, entity_at(d, sbj, ACTORS), "stance.conflict_noun.v1", 0.6)
                continue
            # 'Caesar, Pompey and Crassus formed an alliance (with Y)', 'X waged war on Y':
            # the ones who made it
            if not owner and noun.dep_ == "dobj" and asserted(noun.head):
                makers = listed(frame_of(noun.head).subjects) or _gerund_subject(d, noun.head)
                withs = withs or [o for p in ("with", "on", "against") for o in frame_of(noun.head).preps.get(p, [])]
                if withs:
                    owner = makers
                elif len(makers) >= 2:
                    parties.extend(makers)
            if owner and withs:
                for a in owner:
                    holder = entity_at(d, a, ACTORS)
                    if holder is None and a.dep_ in ("amod", "compound"):
                        holder = _group_of_adjective(d, a)
                    for b in withs:
                        policy = entity_at(d, b, POLICY)
                        if policy is not None:  # 'hostility to Jacobinism'
                            yield from _emit(d, si, "OPPOSES_POLICY" if type_ == "OPPOSES" else "SUPPORTS_POLICY",
                                             holder, policy, "stance.conflict_noun.v1", 0.65)
                            continue
                        yield from _emit(d, si, type_, holder, entity_at(d, b, ACTORS),
                                         "stance.conflict_noun.v1", 0.65)
            ents = [e for e in (entity_at(d, p, ACTORS) for p in parties) if e is not None]
            for i, a in enumerate(ents):
                for b in ents[i + 1:]:
                    yield from _emit(d, si, type_, a, b, "stance.conflict_noun.v1", 0.65)
                    if type_ == "OPPOSES":
                        yield from _emit(d, si, type_, b, a, "stance.conflict_noun.v1", 0.6)


def _towards(low: str, type_: str) -> tuple[str, ...]:
    """The prepositions that name whom a noun of conflict, alliance or feeling is
    towards: 'a quarrel with X', 'hostility to X'; 'war against X' for conflict; and 'for'
    only after a feeling ('a hatred for X', 'his friendship for X', but 'a war for
    independence' is no war on independence)."""
    w = words()
    preps: tuple[str, ...] = ("with", "to", "towards")
    if type_ == "OPPOSES":
        preps += ("against",)
    if low in w.hostile_feeling_nouns or low in w.friendly_feeling_nouns:
        preps += ("for",)
    return preps


def _noun_preps(noun: Token, preps: tuple[str, ...]) -> list[Token]:
    """The noun's prepositions of those named, and the one right after it that the parser
    hung on the verb instead ('expected from the Bolshevik hostility to Anarchism', 'to'
    on 'expected')."""
    out = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in preps]
    nxt = noun.i + 1
    if not out and nxt < len(noun.doc):
        p = noun.doc[nxt]
        if p.dep_ == "prep" and p.lower_ in preps and p.head.i in (noun.head.i, noun.head.head.i) \
                and noun.dep_ in ("pobj", "dobj"):
            out.append(p)
    return out


def _gerund_subject(d: Document, verb: Token) -> list[Token]:
    """The name right before a gerund without a subject of its own is its subject: 'the
    cause of the Carthaginians conceiving a hatred against Rome'."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("acl", "pcomp") or verb.i == 0:
        return []
    before = verb.doc[verb.i - 1]
    return [before] if before.pos_ == "PROPN" and entity_at(d, before, ACTORS) is not None else []


def from_adjectives(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Halifax was hostile to the Exclusion Bill', 'Halifax, always loyal to the King',
    'Loyal as he was to the cause of the Crown, Hyde ...', 'Zinoviev spoke in favour of the
    NEP', 'voted in opposition to the treaty'."""
    w = words()
    for tok in sent:
        low = tok.lower_
        if low in w.stance_adjectives and tok.pos_ in ("ADJ", "VERB"):
            polarity, preps = w.stance_adjectives[low], ("to", "towards", "for")
            fronted = _fronted_subject(tok)
            if tok.dep_ in ("acomp", "oprd") and asserted(tok.head):
                holders = [antecedent(c) for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            elif fronted is not None:  # 'Loyal to the Crown, Hyde opposed the bill'
                holders = [fronted]
            elif tok.dep_ in ("amod", "appos") and tok.i > tok.head.i:  # 'Halifax, always loyal to the King,'
                holders = [tok.head]
            else:
                continue
        elif low in w.stance_phrases and tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.pos_ == "NOUN":
            polarity, preps = w.stance_phrases[low], ("of", "to", "with")
            verb = tok.head.head
            if verb.pos_ not in ("VERB", "AUX") or not asserted(verb):
                continue
            holders = frame_of(verb).subjects
        else:
            continue
        # 'for X' on the adjective, or 'to X' in its clause 'loyal as he was to X'
        said = [tok, *(c for c in tok.children if c.dep_ == "advcl"
                       and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children))]
        objects = [o for h in said for c in h.children if c.dep_ == "prep" and c.lower_ in preps
                   for o in expand([x for x in c.children if x.dep_ == "pobj"])]
        if not objects and tok.dep_ == "pobj":  # 'acted in concert with X': 'with' hung on the verb
            objects = [o for c in _noun_preps(tok, ("with",))
                       for o in expand([x for x in c.children if x.dep_ == "pobj"])]
        # 'the cause of the Crown': what a container noun holds
        objects = [next((x for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for x in c.children
                         if x.dep_ == "pobj"), o) if o.lower_ in w.container_nouns else o for o in objects]
        for h in expand(holders):
            holder = entity_at(d, h, ACTORS)
            for o in objects:
                yield from _toward(d, si, polarity, holder, o, "stance.adjective.v1")


def _fronted_subject(adj: Token) -> Token | None:
    """The subject an adjective phrase set before the clause describes: 'Loyal to the
    Crown, Hyde opposed the bill', 'Though, like most of his order, zealous for monarchy,
    he was no courtier' (the phrase ends in a comma before the subject; the parser may
    hang it on a word of the phrase before it, never on a subject or an object)."""
    verb, hops = adj.head, 0
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and hops < 4:
        if verb.dep_ not in ("pobj", "prep", "appos", "amod", "advmod", "npadvmod"):
            return None
        verb, hops = verb.head, hops + 1
    if verb.pos_ not in ("VERB", "AUX") or not asserted(verb):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    end = adj.right_edge.i + 1
    if subj is None or not adj.i < end < subj.left_edge.i + 1 or adj.doc[end].text != "," \
            or adj.i in range(subj.left_edge.i, subj.right_edge.i + 1):
        return None
    return subj


def led_and_backed(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Others, led by Sokolnikov and supported by Stalin': who backs a group backs its
    leader."""
    w = words()
    for led in sent:
        if led.dep_ != "acl" or w.member_passive.get(led.lemma_.lower()) != "leader":
            continue
        leaders = _agents(led)
        for backed in led.conjuncts:
            if backed.lemma_.lower() in w.ally_verbs and asserted(backed):
                for b in _agents(backed):
                    for a in leaders:
                        yield from _emit(d, si, "ALLY", entity_at(d, b, ACTORS), entity_at(d, a, ACTORS),
                                         "stance.led_and_backed.v1", 0.6)


def _agents(verb: Token) -> list[Token]:
    return agents(verb)


def from_owned_policies(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Peel’s free-trade policy', 'the Chartist programme of universal suffrage': the one
    whose plan, programme or policy it is stands for it."""
    w = words()
    for head in sent:
        if head.lower_ not in w.owned_policy_nouns or head.pos_ != "NOUN":
            continue
        policy = entity_at(d, head, POLICY)
        if policy is None:
            continue
        owners = [entity_at(d, c, ACTORS) for c in head.children if c.dep_ == "poss"]
        owners += [_group_of_adjective(d, c) for c in head.children
                   if c.dep_ in ("amod", "compound") and c.i < head.i and c.text[:1].isupper()]
        for o in dict.fromkeys(owners):
            if o is not None and d.entities[o].kind != "PLACE":
                yield from _emit(d, si, "SUPPORTS_POLICY", o, policy, "stance.owned_policy.v1", 0.6)


def _group_of_adjective(d: Document, tok: Token) -> int | None:
    """The group a capitalised adjective stands for: 'Chartist' for the Chartists, 'Whig'
    for the Whigs (a name of the group that the adjective begins, a plural ending
    apart)."""
    e = d.entity_of_token(tok)
    if e is not None and d.entities[e].kind in ("FACTION", "BODY", "PERSON"):
        return e
    adj = tok.text.casefold()
    found = [i for i, ent in enumerate(d.entities) if ent.kind in ("FACTION", "BODY") and any(
        n.casefold().startswith(adj) and 0 < len(n) - len(adj) <= 2 and " " not in n
        for n in (ent.name, *ent.aliases))]
    return found[0] if len(found) == 1 else None


def from_refusals(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'The Cossacks refused to follow Kaledin', 'the Lords declined to support the bill':
    refusing to back someone or something is opposing them."""
    w = words()
    for f in frames(sent):
        head = f.verb.head
        if f.verb.dep_ != "xcomp" or head.lemma_.lower() not in w.refusal_verbs or not _real(head) \
                or in_quotation(d, f.verb) or any(c.dep_ == "neg" for c in f.verb.children):
            continue
        lemma = f.verb.lemma_.lower()
        refusers = f.subjects or subject_tokens(head, through=("conj", "xcomp", "advcl", "pcomp", "prep"))
        for s in _named(d, refusers):
            actor = _actor(d, s)
            if lemma in PERMIT_VERBS:
                # 'refused to let the envoys land', 'declined to allow Marat to speak': who
                # will not let another act stands against him
                let = f.objects + [x for c in f.verb.children if c.dep_ == "ccomp"
                                   for x in c.children if x.dep_ == "nsubj"]
                for o in expand(let):
                    yield from _emit(d, si, "OPPOSES", actor, entity_at(d, o, ACTORS), "stance.refused_leave.v1", 0.6)
                continue
            if lemma in OBEY_VERBS and not f.objects:
                # 'X ordered him to exclude the Whigs. He declined to obey.': against who ordered
                yield from _emit(d, si, "OPPOSES", actor, _last_to_order(d, si, actor, w), "stance.refusal.v1", 0.6)
            for o in f.objects:
                if lemma in w.ally_verbs and not f.passive:
                    yield from _emit(d, si, "OPPOSES", actor, entity_at(d, o, ACTORS), "stance.refusal.v1", 0.6)
                if lemma in w.policy_support_verbs:
                    yield from _emit(d, si, "OPPOSES_POLICY", actor, entity_at(d, o, POLICY), "stance.refusal.v1", 0.6)


PERMIT_VERBS = extractor_words().stance.permit_verbs
OBEY_VERBS = extractor_words().stance.obey_verbs


def _last_to_order(d: Document, si: int, whom: int | None, w: StanceWords) -> int | None:
    """Who gave ``whom`` the order a refusal to obey answers: the subject of the last verb
    of command with ``whom`` as its object, in this sentence or the one before."""
    if whom is None:
        return None
    for back in (si, si - 1):
        if back < 0:
            break
        found = None
        for f in frames(d.sents[back]):
            if f.verb.lemma_.lower() in w.command_verbs and not f.passive and any(
                    entity_at(d, o, ACTORS) == whom for o in f.objects):
                found = next((a for s in _named(d, f.subjects) if (a := _actor(d, s)) is not None), found)
        if found is not None:
            return found
    return None


def from_refused_aid(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'The Diet refused to send troops to the Emperor', 'the bankers declined to lend
    money to the Directory': refusing money or men to a party is turning against it
    (not refusing it a power: 'refused to give it power to tax')."""
    w = words()
    for f in frames(sent):
        head = f.verb.head
        if f.verb.dep_ != "xcomp" or head.lemma_.lower() not in w.refusal_verbs or not _real(head) \
                or in_quotation(d, f.verb) or f.verb.lemma_.lower() not in w.lending_verbs:
            continue
        recipients = [o for c in f.verb.children if c.dep_ in ("dative", "prep") and c.lower_ == "to"
                      for o in c.children if o.dep_ == "pobj"]
        recipients += [c for c in f.verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]
        for s in _named(d, f.subjects):
            for o in expand(recipients):
                yield from _emit(d, si, "OPPOSES", _actor(d, s), entity_at(d, o, ACTORS), "stance.refused_aid.v1", 0.6)


def from_harm_to_groups(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'The ultra papers advocated the extermination of the republican clubs': whoever
    calls for harm to people named by a common noun opposes them, a group the phrase
    names ('republican clubs')."""
    w = words()
    for f in frames(sent):
        lemma = f.verb.lemma_.lower()
        if lemma not in w.demand_verbs or not f.subjects or not _real(f.verb) or in_quotation(d, f.verb):
            continue
        for harm in (o for o in f.objects if o.lower_ in w.hostile_action_nouns):
            victims = [x for c in harm.children if c.dep_ == "prep" and c.lower_ == "of"
                       for x in c.children if x.dep_ == "pobj" and x.pos_ == "NOUN" and x.text.islower()
                       and entity_at(d, x) is None]
            for v in victims:
                mods = [c for c in v.children if c.dep_ in ("amod", "compound") and c.i < v.i]
                if not mods:
                    continue
                span = d.doc[min(c.left_edge.i for c in mods):v.i + 1]
                if any(t.is_punct for t in span):
                    span = d.doc[mods[-1].i:v.i + 1]
                group = d.add_entity(span.text, "FACTION", span.start_char, span.end_char,
                                     "stance.harm_to_group.v1", tokens=(span.start, span.end))
                for s in _named(d, f.subjects):
                    yield from _emit(d, si, "OPPOSES", _actor(d, s), group, "stance.harm_to_group.v1", 0.6)


def from_manner(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'He was treated by the Regent with marked incivility', 'Cromwell received the envoys
    with contempt': how one treats another says where one stands towards them."""
    w = words()
    for f in frames(sent):
        if not f.subjects or not f.objects or not _real(f.verb) or in_quotation(d, f.verb):
            continue
        manner = {n.lower_ for n in f.preps.get("with", [])}
        type_ = "OPPOSES" if manner & (w.hostile_feeling_nouns | w.hostile_manner_nouns) else \
            "ALLY" if manner & w.friendly_feeling_nouns else None
        if type_ is None:
            continue
        for s in _named(d, f.subjects):
            for o in f.objects:
                yield from _emit(d, si, type_, _actor(d, s), entity_at(d, o, ACTORS),
                                 "stance.manner.v1", 0.6)


def from_defections(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'the revolt of Normandy from the Crown', 'the defection of the Swiss guards to the
    rebels', 'Ulster's secession from the union': who breaks away opposes whom they leave;
    'Savoy left the coalition': leaving a league is turning against it; and 'the Radicals
    withdrew from the Assembly': a group walking out of a body."""
    w = words()
    for noun in sent:
        if noun.lower_ in w.defection_nouns and noun.pos_ == "NOUN":
            who = [c for c in noun.children if c.dep_ == "poss"] + [
                o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                for o in c.children if o.dep_ == "pobj"]
            whom = [o for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "against")
                    for o in c.children if o.dep_ == "pobj"]
            for a in expand(who):
                for b in expand(whom):
                    yield from _emit(d, si, "OPPOSES", _party(d, a), _party(d, b), "stance.defection.v1", 0.6)
        elif noun.lemma_.lower() in ("leave", "quit", "desert", "abandon") and noun.pos_ == "VERB" \
                and _real(noun) and not in_quotation(d, noun):
            f = frame_of(noun)
            for o in f.objects:
                league = entity_at(d, o, {"BODY", "FACTION"})
                if league is None or not any(x.lower_ in w.alliance_nouns or x.lower_ in w.league_nouns
                                             for x in (o, *o.children) if x.pos_ in ("NOUN", "PROPN")):
                    continue
                for s in _named(d, f.subjects):
                    yield from _emit(d, si, "OPPOSES", _actor(d, s), league, "stance.defection.v1", 0.6)
        elif noun.lemma_.lower() in WALKOUT_VERBS and noun.pos_ == "VERB" and _real(noun) \
                and not in_quotation(d, noun):
            # 'the Radicals withdrew from the Assembly': a group walking out of a body
            f = frame_of(noun)
            groups = [g for s in _named(d, f.subjects) if (g := entity_at(d, s, {"FACTION", "BODY", "PLACE"}))
                      is not None]
            for o in f.preps.get("from", []):
                body = entity_at(d, o, {"BODY", "FACTION"})
                for g in groups:
                    yield from _emit(d, si, "OPPOSES", g, body, "stance.defection.v1", 0.6)


WALKOUT_VERBS = extractor_words().stance.walkout_verbs
REVOLT_VERBS = relation_words().event.revolt_verbs
POLITIES = {"PLACE", "FACTION", "BODY"}


def _breaks_away(d: Document, tok: Token) -> tuple[list[Token], list[Token]] | None:
    """Who breaks away and whom from, when ``tok`` is a verb or noun of revolt: 'Ghent
    revolted from the Count' (the subjects, the 'from' objects), 'the revolt of Ghent'
    (the 'of' objects or the owner); None for any other word."""
    if tok.pos_ == "VERB" and tok.lemma_.lower() in REVOLT_VERBS:
        f = frame_of(tok)
        if f.passive or not _real(tok) or in_quotation(d, tok):
            return None
        return f.subjects, [o for p in ("from", "against") for o in f.preps.get(p, [])]
    if tok.pos_ == "NOUN" and tok.lower_ in words().defection_nouns:
        who = [c for c in tok.children if c.dep_ == "poss"] + [
            o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
        whom = [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "against")
                for o in c.children if o.dep_ == "pobj"]
        return who, whom
    return None


def _power_revolted_from(d: Document, si: int, before: int) -> int | None:
    """The party the text last told a revolt to be from, before token ``before`` of
    sentence ``si``: the power a story of its subjects' revolts names once."""
    for back in range(si, -1, -1):
        found = None
        for tok in d.sents[back]:
            if back == si and tok.i >= before:
                break
            broke = _breaks_away(d, tok)
            for o in expand(broke[1]) if broke else []:
                power = _party(d, o)
                if power is not None and d.entities[power].kind in ACTORS:
                    found = power
        if found is not None:
            return found
    return None


def from_bare_revolts(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Genoa revolted from the Emperor ... Pisa also revolted': a revolt that names no one
    it is from is from the power the text last told a revolt to be from."""
    for tok in sent:
        broke = _breaks_away(d, tok)
        if broke is None or broke[1]:
            continue
        rebels = [e for t in expand(broke[0]) if (e := entity_at(d, t, POLITIES)) is not None]
        if not rebels:
            continue
        power = _power_revolted_from(d, si, tok.i)
        for r in rebels:
            yield from _emit(d, si, "OPPOSES", r, power, "stance.bare_revolt.v1", 0.5)


def league_left(d: Document, verb: Token) -> tuple[Frame, int, bool] | None:
    """The frame of a verb of leaving a league and the league ('Naxos left the confederacy',
    'the Aetolians deserted the Achaean league'); a league the text names only by its common
    noun becomes a body of that name ('confederacy', 'Achaean league')."""
    w = words()
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in w.leave_verbs or not _real(verb) \
            or in_quotation(d, verb):
        return None
    f = frame_of(verb)
    if not any(_actor(d, s) is not None for s in _named(d, f.subjects)):
        return None  # ('many deserted the league': who left is not told)
    for o in f.objects:
        if o.pos_ != "NOUN" or o.lower_ not in w.league_nouns:
            continue
        league = entity_at(d, o, {"BODY", "FACTION"})
        named = league is not None
        if league is None and any(c.dep_ in ("det", "poss", "amod", "compound") and c.lower_ not in ("a", "an")
                                  for c in o.children):
            mods = [c for c in o.children if c.dep_ in ("amod", "compound") and c.i < o.i]
            start = min([m.left_edge.i for m in mods], default=o.i)
            span = d.doc[start:o.i + 1]
            league = d.add_entity(span.text, "BODY", span.start_char, span.end_char, "stance.left_league.v1",
                                  tokens=(start, o.i + 1))
        if league is not None:
            return f, league, not named
    return None


def from_leaving_league(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Naxos left the confederacy': leaving a league the text names only by its common noun
    ('the confederacy', 'the Hanseatic alliance') is turning against it."""
    for verb in sent:
        found = league_left(d, verb)
        if found is None:
            continue
        f, league, created = found
        for s in _named(d, f.subjects) if created else []:  # (a named league is ``from_defections``')
            yield from _emit(d, si, "OPPOSES", _actor(d, s), league, "stance.left_league.v1", 0.6)


def _party(d: Document, tok: Token) -> int | None:
    """The party a name stands for, also inside the name of an event ('the revolt of
    Belgium' is an event; 'Belgium' in it is still Belgium, or the Belgians' land)."""
    e = entity_at(d, tok, ACTORS)
    if e is not None or d.entity_of_token(tok) is None or tok.pos_ != "PROPN":
        return e
    found = [i for i, ent in enumerate(d.entities) if ent.kind in ACTORS and tok.text in (ent.name, *ent.aliases)]
    if len(found) == 1:
        return found[0]
    return demonym(d, tok) if tok.tag_ == "NNPS" else None


def from_wants(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'his desire of kingly power', 'the Whigs voiced their objection to the excise',
    'Fox made a plea for peace': whose wish or objection it is stands for or against
    what it is about (a measure, or a party: 'his support for Pompey')."""
    w = words()
    for noun in sent:
        polarity = w.want_nouns.get(noun.lower_)
        if polarity is None or noun.pos_ != "NOUN" or in_quotation(d, noun):
            continue
        owners = [c for c in noun.children if c.dep_ == "poss"]
        preps = ("for", "to", "against") + (("of",) if owners else ())
        if not owners and noun.dep_ == "dobj" and _real(noun.head):
            owners = frame_of(noun.head).subjects  # 'the Whigs voiced an objection to'
        elif owners and not _real(clause_verb(noun.head)):
            continue  # 'his demand for X would affront them': said of what would follow
        objects = [o for c in _noun_preps(noun, preps) for o in expand([x for x in c.children if x.dep_ == "pobj"])]
        for h in _named(d, expand(owners)):
            holder = _actor(d, h)
            for o in objects:
                yield from _toward(d, si, polarity, holder, o, "stance.want_noun.v1")


def from_exactions(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'the Venetians took hostages from the Genoese', 'exacted tribute from Pisa': who takes
    hostages or tribute from another stands against them."""
    w = words()
    for f in frames(sent):
        v = f.verb
        if v.lemma_.lower() not in w.exaction_verbs or f.passive or not _real(v) or in_quotation(d, v):
            continue
        if not any(o.lower_ in w.exaction_nouns or o.lemma_.lower() in w.exaction_nouns for o in f.objects):
            continue
        victims = [o for o in f.preps.get("from", [])]
        for s in _named(d, f.subjects):
            for o in victims:
                yield from _emit(d, si, "OPPOSES", _actor(d, s), entity_at(d, o, ACTORS), "stance.exaction.v1", 0.6)


SIDE_CHANGE_VERBS = extractor_words().stance.side_change_verbs


def from_side_changes(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'The Saxon army went over to the Russians during the battle': who goes over to a
    party joins its side (a people or a group; 'went over to Sicily' is a crossing)."""
    for f in frames(sent):
        v = f.verb
        prts = [c.lower_ for c in v.children if c.dep_ == "prt"]
        if not any(f"{v.lemma_.lower()} {p}" in SIDE_CHANGE_VERBS for p in prts) or f.passive \
                or not _real(v) or in_quotation(d, v):
            continue
        for o in f.preps.get("to", []):
            side = entity_at(d, o, ACTORS)
            if side is None or d.entities[side].kind == "PLACE" and o.tag_ != "NNPS" \
                    and not d.entities[side].name.endswith(PEOPLE_ENDINGS):
                continue
            for s in _named(d, f.subjects):
                yield from _emit(d, si, "ALLY", _actor(d, s), side, "stance.went_over.v1", 0.6)


def from_taken_along(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Taking with them the Pisans and Genoese, the Venetians marched to Verona': a people
    taken along on a campaign marches as an ally."""
    for f in frames(sent):
        v = f.verb
        if v.lemma_.lower() != "take" or f.passive or not _real(v) or in_quotation(d, v):
            continue
        if not any(o.pos_ == "PRON" for o in f.preps.get("with", [])):
            continue
        subjects = f.subjects or (frame_of(v.head).subjects if v.dep_ == "advcl" else [])
        # ('the Pisans and Genoese their allies': the names anywhere in the object's phrase)
        taken = [t for o in f.objects for t in o.subtree if t.pos_ in ("PROPN", "VERB", "NOUN")
                 and t.text[:1].isupper() and t.dep_ not in ("pobj", "poss")]
        for s in _named(d, subjects):
            for o in taken:
                yield from _emit(d, si, "ALLY", _actor(d, s), entity_at(d, o, {"PLACE", "FACTION", "BODY"}),
                                 "stance.taken_along.v1", 0.6)


HARM_VERBS = extractor_words().stance.harm_verbs
REPORTING_VERBS = lexicon().speech_verbs | extractor_words().stance.accusing_verbs


def _harms(clause: Token) -> Iterator[Token]:
    """The verbs of harm a reported clause states, through its infinitives and conjuncts
    ('was attempting to destroy', 'lied and betrayed'), none negated on the way."""
    todo = [clause]
    while todo:
        v = todo.pop()
        if any(c.dep_ == "neg" for c in v.children):
            continue
        if v.pos_ == "VERB" and v.lemma_.lower() in HARM_VERBS:
            yield v
        todo.extend(c for c in v.children if c.dep_ in ("xcomp", "conj") and c.pos_ in ("VERB", "AUX"))


def from_accusations(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'The Radicals declared that the Ministry was attempting to destroy the Constitution',
    '“The Whigs are betraying us,” said Cobbett': who says that a party does harm stands
    against it (the doers of the harm, not its victims)."""
    said: list[tuple[int | None, list[Token]]] = []
    for v in sent:
        if v.pos_ != "VERB" or v.lemma_.lower() not in REPORTING_VERBS or in_quotation(d, v) or not _real(v):
            continue
        who = speaker_of(v)
        clauses = [c for c in v.children if c.dep_ == "ccomp" and not in_quotation(d, c)]
        if who is not None and clauses:
            said += [(_actor(d, s), clauses) for s in _named(d, expand([who]))]
    for speaker, words_ in spoken(d, si):
        said.append((speaker, [t for t in words_ if t.dep_ in ("ROOT", "ccomp") or t.head.i == t.i]))
    for speaker, clauses in said:
        for clause in clauses:
            for harm in _harms(clause):
                for doer in frame_of(harm).subjects:
                    yield from _emit(d, si, "OPPOSES", speaker, entity_at(d, doer, ACTORS),
                                     "stance.accusation.v1", 0.6)


def stance(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    yield from from_wants(d, si, sent)
    yield from from_manner(d, si, sent)
    yield from from_leaving_league(d, si, sent)
    yield from from_exactions(d, si, sent)
    yield from from_taken_along(d, si, sent)
    yield from from_side_changes(d, si, sent)
    yield from from_defections(d, si, sent)
    yield from from_bare_revolts(d, si, sent)
    yield from from_refusals(d, si, sent)
    yield from from_refused_aid(d, si, sent)
    yield from from_owned_policies(d, si, sent)
    yield from led_and_backed(d, si, sent)
    yield from from_adjectives(d, si, sent)
    yield from from_verbs(d, si, sent)
    yield from from_unparsed_clauses(d, si, sent)
    yield from from_together(d, si, sent)
    yield from from_nouns(d, si, sent)
    yield from from_idioms(d, si, sent)
    yield from from_aid(d, si, sent)
    yield from from_accusations(d, si, sent)
    yield from from_harm_to_groups(d, si, sent)  # last: the group it makes is no one's co-target above
