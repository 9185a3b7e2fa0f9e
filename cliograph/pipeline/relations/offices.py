"""HOLDS_OFFICE: who held which post, from titles, appositions, copulas and appointments.

A candidacy, proposal or refusal is not a tenure: only asserted clauses count.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from ...model import Factoid, Mention
from ...names import TITLE_OF
from ...rules import lexicon, limits
from ...rules.words import extractor_words
from ..document import Document
from .base import UNREAL_HEADS, asserted, conjuncts, entities_in, entity_at, factoid
from .frames import antecedent, expand, frame_of, frames

APPOINT = lexicon().appoint_verbs | lexicon().appoint_to_post_verbs
SERVE = extractor_words().office.serve
SEND = extractor_words().office.send  # 'was sent out as commander-in-chief': the one sent
SUCCEED = extractor_words().office.succeed
CONFIRM = extractor_words().office.confirm
CANDIDACY = extractor_words().office.candidacy
PROPOSE = extractor_words().office.propose
CANDIDACY_WINDOW = limits().sentences_back.candidacy  # back to what a confirmation confirms
CHARGE_NOUNS = extractor_words().office.charge_nouns
HEAD_ROLES = extractor_words().office.head_roles  # one post, whatever the text calls it
BECOME = extractor_words().office.become
START_VERBS = APPOINT | {"become"}
PERSON = {"PERSON"}
OFFICE = {"OFFICE"}
# 'the Duke of York' names a man by his rank, not a post he holds ('the Bishop of Ely' does)
PEERAGE = extractor_words().office.peerage


def _office_tokens(d: Document, sent: Span) -> list[Token]:
    """The root token of each OFFICE mention in the sentence."""
    return [_root(d.doc[slice(*d.mentions[mi].tokens)]) for mi, _ in entities_in(d, sent, OFFICE)]


def _root(span: Span) -> Token:
    """The span's head word; for 'Minister to Spain' with 'to' hung on the verb, the title's."""
    root = span.root
    return span[0] if root.pos_ == "ADP" else root



def titles_as_names(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'the Duke of York' names a man and the title he holds: the person, and an OFFICE
    of that name held by him."""
    done = d.cache.titled  # once per person per document
    for mi, person in entities_in(d, sent, PERSON):
        m = d.mentions[mi]
        titled = _title_misread(d, m)
        if titled is not None:  # 'Admiral Hood, the Minister of Marine', the title taken for a man
            holder, post = titled
            yield factoid(d, si, "HOLDS_OFFICE", holder, post, "offices.apposition.v1", 0.7)
            continue
        if person in done:
            continue
        match = TITLE_OF.match(m.text)
        if match and match.group(1).split()[0].casefold() not in PEERAGE:
            done.add(person)
            office = d.add_entity(match.group(1), "OFFICE", m.start, m.end, "offices.title_as_name.v1")
            yield factoid(d, si, "HOLDS_OFFICE", person, office, "offices.title_as_name.v1", 0.8)
            continue
        post = _titled_post(d, m)
        if post is not None and (person, post) not in done:
            done.add((person, post))
            yield factoid(d, si, "HOLDS_OFFICE", person, post, "offices.title_as_name.v1", 0.75)


# rulers whose title stands before their name: 'King Harold', 'Emperor Hadrian', 'Tsar Paul'
SOVEREIGNS = extractor_words().office.sovereigns


def _titled_post(d: Document, m) -> int | None:  # noqa: ANN001 - a Mention
    """The post a person's name carries: a ruler's title before it ('King Harold', 'King
    Louis of France': King of France), or a title in apposition that the name took in
    ('Sir John Holt, Lord Chief Justice of England')."""
    doc = d.doc
    s, e = m.tokens
    if e - s < 1 or e > len(doc):
        return None
    words = doc[s:e]
    heads = lexicon().office_heads
    comma = next((t.i for t in words if t.text == ","), None)
    if comma is not None and comma + 1 < e and doc[comma + 1].text[:1].isupper() and any(
            t.lower_ in heads for t in doc[comma + 1:e]):
        rest = _through_possessive(doc[comma + 1:e])
        return d.add_entity(rest.text, "OFFICE", rest.start_char, rest.end_char, "offices.title_as_name.v1")
    first = doc[s]
    root = words.root
    if root.dep_ == "appos" and root.head.i < s and d.entity_of_token(root.head) == m.entity \
            and first.text[:1].isupper() and first.lower_ not in PEERAGE and any(t.lower_ in heads for t in words):
        # 'Thomas Ken, Bishop of Bath and Wells', the title read as another name of the man
        title = _through_possessive(words)
        return d.add_entity(title.text, "OFFICE", title.start_char, title.end_char, "offices.title_as_name.v1")
    if first.lower_ in SOVEREIGNS and e - s >= 2 and doc[s + 1].pos_ == "PROPN":
        title = first.text.capitalize()
        where = _of_place(d, e)
        if where is not None:
            title = f"{title} of {where}"
        return d.add_entity(title, "OFFICE", first.idx, first.idx + len(first.text), "offices.title_as_name.v1")
    return None


def _title_misread(d: Document, m) -> tuple[int, int] | None:  # noqa: ANN001 - a Mention
    """A capitalised title in apposition to another person's name that the entities read as
    a person: the post, and the person it is said of."""
    doc = d.doc
    s, e = m.tokens
    if e <= s or not doc[s].text[:1].isupper():
        return None
    words = doc[s:e]
    first = next((t for t in words if t.lower_ not in ("the", "a")), None)
    if first is None or first.lower_ not in lexicon().office_heads or first.lower_ in PEERAGE:
        return None
    root = words.root
    if root.dep_ != "appos" or root.head.i >= s:
        return None
    holder = entity_at(d, root.head, PERSON)
    if holder is None or holder == m.entity:
        return None
    return holder, d.add_entity(m.text, "OFFICE", m.start, m.end, "offices.apposition.v1")


def _through_possessive(span: Span) -> Span:
    """A title the name's mention cut at a possessive: 'Chief Justice of the King's Bench'."""
    doc, e = span.doc, span.end
    while e + 1 < len(doc) and doc[e].text in ("'s", "’s") and doc[e + 1].pos_ == "PROPN":
        e += 2
    return doc[span.start:e]


def _of_place(d: Document, i: int) -> str | None:
    """The place named right after a name by 'of' ('Governor Morris of Ohio'): its name."""
    doc = d.doc
    if i + 1 < len(doc) and doc[i].lower_ == "of":
        place = entity_at(d, doc[i + 1], {"PLACE"})
        m = d.mention_of_token(doc[i + 1])
        if place is not None and m is not None:
            return m.text
    return None


# a post named by its head word and where it is held: 'satrap of Lydia', 'Minister to Spain'
POST_PREPS = {"of", "to"}
POST_SLOTS = {"appos", "attr", "oprd", "pobj", "dobj", "conj"}
PLACED = {"PLACE", "BODY", "FACTION"}
# posts read here only when said of a person or of a place ('the satrap of Lydia'), not names' heads
POST_WORDS = lexicon().post_words


def named_posts(d: Document, sent: Span) -> None:
    """Posts the text names with a common noun and its place or body ('Tissaphernes, the
    then satrap of Lydia'; 'took his place as Minister to Spain') become OFFICE
    entities there, so the rules below read them as they read capitalised titles."""
    lex = lexicon()
    heads = lex.office_heads | set(lex.collegiate_offices) | POST_WORDS
    doc = d.doc
    for tok in sent:
        if tok.lower_ not in heads or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        m0 = d.mention_of_token(tok)
        # a bare 'Minister' the entities took for one post may be named more fully here
        bare = m0 is not None and m0.tokens == (tok.i, tok.i + 1) and m0.kind == "OFFICE"
        if d.entity_of_token(tok) is not None and not bare:
            continue
        before = doc[tok.i - 1] if tok.i > sent.start else None
        if bare and before is not None and before.dep_ == "compound" and before.head.i == tok.i \
                and before.text.istitle() and (bm := d.mention_of_token(before)) is not None \
                and bm.tokens == (before.i, before.i + 1) and bm.kind != "OFFICE" \
                and not (tok.head.lemma_ in APPOINT and tok.dep_ in ("dobj", "oprd")):
            # 'Common Crier', its first word taken for a name (not 'elected Lincoln President')
            _add_post(d, doc[before.i:tok.i + 1])
            continue
        if tok.dep_ not in POST_SLOTS and not bare:
            if tok.text.islower() and _bare_post(d, tok):
                first = min([tok.i] + [c.i for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i])
                _add_post(d, doc[first:tok.i + 1])
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ != "as" or bare and tok.dep_ not in POST_SLOTS:
            continue
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in POST_PREPS]
        nxt = doc[tok.i + 1] if tok.i + 1 < sent.end else None
        if not preps and nxt is not None and nxt.lower_ in POST_PREPS and nxt.dep_ in ("prep", "dative") and (
                nxt.head.i == tok.head.i and tok.dep_ in ("oprd", "attr", "dobj") or tok.text.istitle()):
            preps = [nxt]  # 'was made Chamberlain to the Queen', the parser hanging 'to' on the verb
        where = [o for c in preps[:1] for o in c.children if o.dep_ == "pobj"]
        if not preps and not bare and tok.text.islower() and _bare_post(d, tok):
            # 'Sulla the dictator', 'Cato, the censor': the post alone
            first = min([tok.i] + [c.i for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i])
            _add_post(d, doc[first:tok.i + 1])
            continue
        # a post is held in a place or body, or 'to' a ruler ('Chamberlain to the Queen')
        kinds = PLACED | {"PERSON", "OFFICE"} if preps and preps[0].lower_ == "to" else PLACED
        titled = tok.text[:1].isupper() and bool(where) and where[0].pos_ == "PROPN" and where[0].text[:1].isupper()
        if not where or entity_at(d, where[0], kinds) is None and not titled:
            continue  # 'Minister of Marine' is a title whatever 'Marine' is; 'king of the hill' is not
        m = d.mention_of_token(where[0])
        end = m.tokens[1] if m is not None and m.entity is not None else where[0].i + 1
        if m is None or m.entity is None:  # 'Minister of Foreign Affairs': the object's whole name
            end = max([end] + [t.i + 1 for t in where[0].subtree if t.i >= where[0].i])
        # 'the French ambassador', 'Lord Chamberlain': capitalised words before the head are the title's
        start = tok.i
        while start - 1 > sent.start and doc[start - 1].dep_ in ("compound", "amod") \
                and doc[start - 1].text[:1].isupper() and d.entity_of_token(doc[start - 1]) is None:
            start -= 1
        _add_post(d, doc[start:end])


def _bare_post(d: Document, tok: Token) -> bool:
    """A post word said of a person beside it: 'Sulla the dictator', 'Cato, the censor',
    'the Spanish ambassador Gondomar'."""
    doc = d.doc
    if tok.dep_ == "appos" and entity_at(d, tok.head, PERSON) is not None:
        return True
    if tok.i >= 2 and doc[tok.i - 1].lower_ == "the" and entity_at(d, doc[tok.i - 2], PERSON) is not None \
            and d.token_mention.get(tok.i - 2) is not None and tok.dep_ in ("nsubj", "nsubjpass", "appos"):
        return True
    return any(c.dep_ == "appos" and c.i == tok.i + 1 and entity_at(d, c, PERSON) is not None for c in tok.children)


def _add_post(d: Document, span: Span) -> None:
    """An OFFICE entity for the span, seen there by the rules that follow (a mention no
    entity took gives way to it)."""
    rule = "offices.named_post.v1"
    index = d.add_entity(span.text, "OFFICE", span.start_char, span.end_char, rule, tokens=(span.start, span.end))
    last = d.mentions[-1]
    if last.entity != index or last.start != span.start_char:  # a post named before: its mention here
        d.mentions.append(Mention(span.start_char, span.end_char, span.text, "OFFICE", rule, entity=index,
                                  tokens=(span.start, span.end)))
    for t in range(span.start, span.end):
        mi = d.token_mention.get(t)
        if mi is None or d.mentions[mi].entity is None or d.mentions[mi].kind == "OFFICE" and \
                span.start <= d.mentions[mi].tokens[0] and d.mentions[mi].tokens[1] <= span.end:
            d.token_mention[t] = len(d.mentions) - 1


def joined_posts(d: Document, sent: Span) -> dict[int, list[int]]:
    """Two posts the mentions read as one ('Lord Steward of the Household and Viceroy of
    Ireland'): the second as an office of its own, held wherever the first is."""
    also = d.cache.joined_posts
    heads = lexicon().office_heads
    for mi, office in entities_in(d, sent, OFFICE):
        s, e = d.mentions[mi].tokens
        for t in d.doc[s + 1:e]:
            if t.dep_ == "conj" and t.text.istitle() and t.lower_ in heads and d.doc[t.i - 1].lower_ == "and":
                second = d.doc[t.i:e]
                other = d.add_entity(second.text, "OFFICE", second.start_char, second.end_char,
                                     "offices.joined_posts.v1")
                if other != office and other not in also.setdefault(office, []):
                    also[office].append(other)
                break
    return also


def holds_office(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    named_posts(d, sent)
    also = joined_posts(d, sent)
    for f in named_offices(d, si, sent):
        yield f
        for other in also.get(f.object, []):  # type: ignore[arg-type]
            yield replace(f, object=other)
    yield from titles_as_names(d, si, sent)
    yield from described_offices(d, si, sent)
    yield from led_bodies(d, si, sent)
    yield from confirmed_appointments(d, si, sent)
    yield from resignations(d, si, sent)
    yield from handed_over(d, si, sent)
    yield from honours(d, si, sent)


HAND_OVER = extractor_words().office.hand_over


def handed_over(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'The Great Seal was delivered to Lord Eldon', 'the King gave the Privy Seal to X':
    the one a post (or the insignia the text names the post by) is handed to holds it from
    then on."""
    for f in frames(sent):
        if f.verb.lemma_.lower() not in HAND_OVER or not asserted(f.verb):
            continue
        # 'gave the office of Lord Chancellor to X': the post a post noun names
        things = [*f.objects, *(o for t in f.objects if t.lemma_.lower() in POST_NOUNS for c in t.children
                                if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj")]
        posts = [e for t in things if (e := entity_at(d, t, OFFICE)) is not None]
        if not posts:
            continue
        people = []
        for t in f.preps.get("to", []):
            # 'to his elder brother, Robert Earl of Essex': the name in apposition
            for x in (t, *(a for a in t.children if a.dep_ == "appos")):
                p = entity_at(d, x, PERSON)
                if p is not None and d.token_mention.get(x.i) is not None:
                    people.append(p)
                    break
        for person in dict.fromkeys(people):
            for office in dict.fromkeys(posts):
                yield _dated(d, si, person, office, "offices.handed_over.v1", 0.7, f.verb)


HONOURS = extractor_words().office.honours
HONOUR_GETTING = extractor_words().office.honour_getting
HONOUR_RAISING = extractor_words().office.honour_raising


def honours(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Jenkins obtained a seat in the Commons and a peerage', 'he was raised to the peerage
    in 1831': a rank conferred as an honour is a post its receiver holds from then on (one
    entity per honour, named by its noun)."""
    for noun in sent:
        if noun.lower_ not in HONOURS or noun.pos_ != "NOUN":
            continue
        obj = noun
        while obj.dep_ == "conj" and obj.head.i != obj.i:  # 'a seat in the cabinet and a peerage'
            obj = obj.head
        verb = obj.head
        people: list[Token] = []
        if obj.dep_ == "dobj" and verb.lemma_.lower() in HONOUR_GETTING and asserted(verb):
            people = frame_of(verb).subjects
        elif obj.dep_ == "pobj" and obj.head.lower_ == "to" and verb.head.lemma_.lower() in HONOUR_RAISING \
                and asserted(verb.head):
            f = frame_of(verb.head)  # 'was raised to the peerage', 'the King raised him to the peerage'
            people = f.objects
        for p in people:
            person = entity_at(d, p, PERSON)
            if person is None:
                continue
            office = d.add_entity(noun.lower_, "OFFICE", noun.idx, noun.idx + len(noun.text),
                                  "offices.honour.v1", tokens=(noun.i, noun.i + 1))
            yield _dated(d, si, person, office, "offices.honour.v1", 0.7, verb)


def named_offices(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    doc = d.doc
    for off in _office_tokens(d, sent):
        office = entity_at(d, off, OFFICE)
        if office is None:
            continue
        m = d.mention_of_token(off)
        s, e = m.tokens if m else (off.i, off.i + 1)
        # 'Finance Commissar Sokolnikov': a title standing before a name
        if e < len(doc):
            person = entity_at(d, doc[e], PERSON)
            if person is not None:
                # 'Governor Morris of Ohio' holds the governorship of Ohio, not any governorship
                pm = d.mention_of_token(doc[e])
                where = _of_place(d, pm.tokens[1]) if pm is not None else None
                if where is not None:
                    office = d.add_entity(f"{doc[s:e].text} of {where}", "OFFICE", doc[s].idx,
                                          doc[e - 1].idx + len(doc[e - 1].text), "offices.title_before_name.v1")
                yield factoid(d, si, "HOLDS_OFFICE", person, office, "offices.title_before_name.v1", 0.85)
                continue
        # 'X, the General Secretary,' / 'the General Secretary, X,'
        if off.dep_ == "appos":
            # 'Assistant Secretaries' is said of every name in the list, 'President' of one
            for p in conjuncts(off.head) if off.tag_ in ("NNS", "NNPS") else [off.head]:
                person = entity_at(d, p, PERSON)
                if person is not None:
                    yield factoid(d, si, "HOLDS_OFFICE", person, office, "offices.apposition.v1", 0.75)
            continue
        # 'Sulla the dictator', 'Nelson the admiral': a name with its post after it
        if s >= 2 and doc[s - 1].lower_ == "the" and off.dep_ in ("nsubj", "nsubjpass", "appos", "npadvmod"):
            person = entity_at(d, doc[s - 2], PERSON)
            if person is not None and d.token_mention.get(s - 2) is not None:
                yield factoid(d, si, "HOLDS_OFFICE", person, office, "offices.apposition.v1", 0.7)
                continue
        # 'two of the censors, Cato and Flaccus'; 'one of the consuls, Crassus'
        if off.dep_ == "pobj" and off.head.lower_ == "of" and (
                off.head.head.lower_ in PARTITIVES or off.head.head.tag_ == "CD"):
            part = off.head.head
            named = [c for c in [*part.children, *off.children] if c.dep_ in ("appos", "conj")]
            for p in expand(named):
                person = entity_at(d, p, PERSON)
                if person is not None:
                    yield factoid(d, si, "HOLDS_OFFICE", person, office, "offices.partitive.v1", 0.7)
            continue
        appos = [c for c in off.children if c.dep_ == "appos"]
        if appos:
            for a in appos:
                for p in conjuncts(a):
                    person = entity_at(d, p, PERSON)
                    if person is not None:
                        yield factoid(d, si, "HOLDS_OFFICE", person, office, "offices.apposition.v1", 0.75)
            continue
        if off.dep_ == "conj" and s >= 2 and doc[s - 1].text == "," and d.token_mention.get(s - 2) is not None \
                and entity_at(d, doc[s - 2], PERSON) is not None and entity_at(d, off.head, PERSON) is not None \
                and not any(c.dep_ in ("cc", "conj") for c in off.children):
            # 'X, Minister of War.' parsed as a list of two: the title is said of the name
            yield factoid(d, si, "HOLDS_OFFICE", entity_at(d, off.head, PERSON), office, "offices.apposition.v1", 0.65)
            continue
        verb, slot = off.head, off.dep_
        if slot == "pobj" and verb.lower_ == "of" and verb.head.lower_ in POST_NOUNS:
            verb, slot = verb.head.head, verb.head.dep_  # 'held the office of Chancellor'
        if slot == "conj":  # 'became Common Serjeant, and then Recorder of London'
            first = off
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            if first.pos_ in ("VERB", "AUX"):
                verb, slot = first, "attr"
            elif first.dep_ in ("attr", "oprd"):
                verb, slot = first.head, first.dep_
        # 'X was/became General Secretary'
        if slot in ("attr", "acomp", "oprd") and verb.lemma_ in BECOME | APPOINT:
            if not asserted(verb):
                continue
            # 'rose to become the king's chief minister': the subject through control
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] or \
                frame_of(verb).subjects
            if not subjects and verb.dep_ == "conj":  # 'was declared Treasurer, and thus became ...'
                subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if verb.dep_ == "relcl" and any(_whom(c) for c in subjects):
                # 'Danton and Desmoulins, both of whom were deputies': the names the clause is on
                subjects = conjuncts(verb.head)
            body_post = _post_of_which(d, off, verb)
            if body_post is not None:  # 'the Society, of which he was president'
                office = body_post
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            holders = objects if verb.lemma_ in APPOINT and objects else subjects
            for h in holders:
                # 'Sunderland, who was Secretary of State, and Godolphin': the one the clause is on
                for p in [antecedent(h)] if antecedent(h) is not h else conjuncts(h):
                    person = entity_at(d, p, PERSON)
                    if person is not None:
                        rule = "offices.appointment.v1" if verb.lemma_ in APPOINT else "offices.copula.v1"
                        yield _dated(d, si, person, office, rule, 0.7, verb)
            continue
        # 'Walpole, who held the Treasury'; 'she held the office of Treasurer'
        if slot == "dobj" and verb.lemma_ in HOLD and asserted(verb):
            for h in frame_of(verb).subjects:
                for p in [antecedent(h)] if antecedent(h) is not h else conjuncts(h):
                    person = entity_at(d, p, PERSON)
                    if person is not None:
                        yield factoid(d, si, "HOLDS_OFFICE", person, office, "offices.held.v1", 0.7)
            continue
        # 'William was crowned king', 'they appointed Caesar dictator', 'made Octavian consul'
        if slot == "dobj" and verb.lemma_ in APPOINT:
            if not asserted(verb):
                continue
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
            # '... he married Catherine and was crowned king': a shared subject
            shared = frame_of(verb.head).subjects if verb.dep_ == "conj" else []
            holders = [c for c in verb.children if c.dep_ == "nsubjpass"] or shared if passive else [
                c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i != off.i] + [
                c for c in off.children if c.dep_ in ("compound", "amod") and c.i < m.tokens[0]] if m else []
            for h in holders:
                for p in conjuncts(h):
                    person = entity_at(d, p, PERSON)
                    if person is None and p.pos_ == "PROPN" and p.dep_ == "compound" \
                            and d.token_mention.get(p.i) is None:
                        person = _person_named(d, p)  # 'appointed Agrippa consul', parsed as one noun
                    elif person is None and p.pos_ == "PROPN" and p.dep_ == "compound":
                        person = _misread_name(d, p)  # 'appointed Gaius Norbanus consul', the name read as a body
                    if person is not None:
                        yield _dated(d, si, person, office, "offices.appointment.v1", 0.7, verb)
            if not passive and not holders and m is not None and any(c.dep_ == "nsubj" for c in verb.children):
                # 'appointed Stalin General Secretary' read as one title: the name before it
                split = _named_appointee(d, m)
                if split is not None:
                    yield _dated(d, si, split[0], split[1], "offices.appointment.v1", 0.7, verb)
            continue
        # 'X was appointed as OFFICE', 'made X his OFFICE', 'with Molotov as his Assistant Secretaries'
        if off.dep_ == "pobj" and verb.lower_ == "as":
            gov = verb.head
            if not asserted(gov):
                continue
            if gov.lower_ in PLACE_NOUNS and gov.head.lemma_ in TAKE_PLACE and asserted(gov.head):
                # 'Monroe had taken Pinckney's place as Minister to Spain': one tenure
                # starts then; the other ended by then, begun when the text does not say (an
                # end alone would stretch it back over every earlier date: it is left undated)
                before = [c for c in gov.children if c.dep_ == "poss"]
                for holders, edge in ((frame_of(gov.head).subjects, "start_time"), (before, None)):
                    for p in holders:
                        person = entity_at(d, p, PERSON)
                        if person is not None:
                            f = factoid(d, si, "HOLDS_OFFICE", person, office, "offices.succeeded.v1", 0.65)
                            yield replace(f, when=None, **({edge: f.when} if edge else {}))
            elif gov.lemma_ in SUCCEED:
                # 'Addington succeeded Pitt as Prime Minister', 'Pitt was replaced as Prime
                # Minister by Addington': one tenure starts, one ends
                frame = frame_of(gov)
                for holders, edge in ((frame.subjects, "start_time"), (frame.objects, "end_time")):
                    for p in holders:
                        person = entity_at(d, p, PERSON)
                        if person is not None:
                            f = factoid(d, si, "HOLDS_OFFICE", person, office, "offices.succeeded.v1", 0.65)
                            yield replace(f, when=None, **{edge: f.when})
            elif gov.lemma_ in APPOINT | SERVE | SEND:
                sent_by = gov.lemma_ in APPOINT | SEND  # the appointee, never the one appointing
                holders = [c for c in gov.children if c.dep_ in (
                    ("dobj",) if sent_by and gov.tag_ != "VBN" else
                    ("nsubjpass", "dobj") if sent_by else ("nsubj", "nsubjpass", "dobj"))]
                for h in holders:
                    for p in conjuncts(h):
                        person = entity_at(d, p, PERSON)
                        if person is not None:
                            yield _dated(d, si, person, office, "offices.as_office.v1", 0.65, gov)
            elif entity_at(d, gov, PERSON) is not None and not (
                    gov.head.lemma_.lower() in UNREAL_HEADS | PROPOSE and gov.dep_ in ("dobj", "nsubjpass")):
                # (not 'Lenin proposed Trotsky as Deputy Chairman': a candidacy, see below)
                for p in conjuncts(gov):
                    person = entity_at(d, p, PERSON)
                    if person is not None:
                        yield factoid(d, si, "HOLDS_OFFICE", person, office, "offices.as_office.v1", 0.6)


HOLD = extractor_words().office.hold
PLACE_NOUNS = extractor_words().office.place_nouns
TAKE_PLACE = extractor_words().office.take_place
POST_NOUNS = extractor_words().office.post_nouns
PARTITIVES = {"one", "two", "three", "four", "both", "each", "all", "several", "some", "many"}


def _whom(tok: Token) -> bool:
    """'both of whom', 'each of whom': a relative clause's partitive subject."""
    return tok.lower_ in PARTITIVES and any(
        o.lower_ == "whom" for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children)


def _post_of_which(d: Document, off: Token, verb: Token) -> int | None:
    """'the Society of the Cincinnati, of which he was president': the post is the body's
    ('President of the Society of the Cincinnati'), not any presidency."""
    if verb.dep_ != "relcl" or not any(
            o.lower_ == "which" for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children):
        return None
    body = entity_at(d, verb.head, {"BODY"})
    if body is None:
        return None
    name, _, _ = _name_of(d, verb.head)
    name = name[4:] if name.lower().startswith("the ") else name
    title, start, end = _name_of(d, off)
    return d.add_entity(f"{title[:1].upper()}{title[1:]} of the {name}", "OFFICE", start, end, "offices.copula.v1")


TITLE_STARTS = extractor_words().office.title_starts


def _person_named(d: Document, tok: Token) -> int:
    """The person a bare name stands for: one the document names so (whole name, alias or
    surname), else a new one, which the appointment shows to be a person."""
    for i, e in enumerate(d.entities):
        if e.kind == "PERSON" and (e.name == tok.text or tok.text in e.aliases or e.name.split()[-1] == tok.text):
            return i
    return d.add_entity(tok.text, "PERSON", tok.idx, tok.idx + len(tok.text), "offices.appointment.v1",
                        tokens=(tok.i, tok.i + 1))


def _misread_name(d: Document, tok: Token) -> int | None:
    """A name in an appointee's slot that the entities took for a body or place: it is a
    person's when none of its words is a body's or a place's head word."""
    e = entity_at(d, tok, {"BODY", "PLACE"})
    if e is None:
        return None
    lex = lexicon()
    words = d.entities[e].name.lower().split()
    if any(w in lex.body_heads or w in lex.place_heads for w in words) or not d.entities[e].name.istitle():
        return None
    return e


def _named_appointee(d: Document, m) -> tuple[int, int] | None:  # noqa: ANN001
    """'appointed Stalin General Secretary', which the tagger read as one title: an active
    appointment names its appointee, so a name standing first is his, the rest the post."""
    doc = d.doc
    s, e = m.tokens
    first = doc[s]
    if e - s < 2 or first.pos_ != "PROPN" or first.lower_ in TITLE_STARTS or first.lower_ in lexicon().person_titles:
        return None
    if not any(doc[i].lower_ in lexicon().office_heads for i in range(s + 1, e)):
        return None
    person = _person_named(d, first)
    rest = doc[s + 1:e]
    office = d.add_entity(rest.text, "OFFICE", rest.start_char, rest.end_char, "offices.appointment.v1",
                          tokens=(s + 1, e))
    return person, office


def _dated(d: Document, si: int, person: int, office: int, rule: str, conf: float,
           verb: Token) -> Factoid:
    """An appointment or 'became' gives the tenure's start, not a point in it."""
    f = factoid(d, si, "HOLDS_OFFICE", person, office, rule, conf)
    if verb.lemma_ in START_VERBS and f.when is not None:
        return replace(f, start_time=f.when, when=None)
    return f


def _name_of(d: Document, tok: Token) -> tuple[str, int, int]:
    """The text of the mention a token belongs to (else the token), with its offsets."""
    m = d.mention_of_token(tok)
    if m is not None:
        return m.text, m.start, m.end
    return tok.text, tok.idx, tok.idx + len(tok.text)


def described_offices(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """Posts the text describes instead of naming: 'the Commissariat of Enlightenment,
    whose deputy leader was Krupskaya'; 'Molotov’s year in charge of the Secretariat'."""
    lex = lexicon()
    doc = d.doc
    for tok in sent:
        low = tok.lower_
        # 'BODY, whose deputy leader was PERSON'
        if (low in lex.office_lower_heads or low in lex.office_heads) and tok.text.islower() and any(
                c.dep_ == "poss" and c.lower_ == "whose" for c in tok.children):
            verb = tok.head
            body_tok = verb.head if verb.dep_ == "relcl" else None
            body = entity_at(d, body_tok, {"BODY"}) if body_tok is not None else None
            if body is None or not asserted(verb):
                continue
            holders = [c for c in verb.children if c.dep_ == "attr"]
            first = min([tok.i] + [c.i for c in tok.children if c.dep_ in ("amod", "compound")])
            title = doc[first:tok.i + 1].text
            name, _, _ = _name_of(d, body_tok)
            for h in holders:
                for p in conjuncts(h):
                    person = entity_at(d, p, PERSON)
                    if person is not None:
                        office = d.add_entity(f"{title} of the {name}", "OFFICE", doc[first].idx,
                                              tok.idx + len(tok.text), "offices.whose_title.v1")
                        yield factoid(d, si, "HOLDS_OFFICE", person, office, "offices.whose_title.v1",
                                      0.7, body=body)
        # 'X in charge of BODY', 'X’s year in charge of the Secretariat'
        if low in CHARGE_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ == "in":
            of = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
            body_toks = [o for c in of for o in c.children if o.dep_ == "pobj"]
            body = entity_at(d, body_toks[0], {"BODY"}) if body_toks else None
            if body is None:
                continue
            holder_tok = tok.head.head
            if holder_tok.pos_ in ("VERB", "AUX"):  # 'Carnot was in charge of', 'put X in charge of'
                if not asserted(holder_tok):
                    continue
                f = frame_of(holder_tok)
                holder_tok = next(iter(f.objects if f.objects and not f.passive else f.subjects or f.objects),
                                  holder_tok)
            person = entity_at(d, holder_tok, PERSON)
            if person is None:
                person = next((entity_at(d, c, PERSON) for c in holder_tok.children
                               if c.dep_ == "poss" and entity_at(d, c, PERSON) is not None), None)
            if person is None:
                continue
            name, _, _ = _name_of(d, body_toks[0])
            office = d.add_entity(f"head of the {name}", "OFFICE", tok.idx, tok.idx + len(tok.text),
                                  "offices.in_charge_of.v1", same_as=("head", body))
            yield factoid(d, si, "HOLDS_OFFICE", person, office, "offices.in_charge_of.v1", 0.65, body=body)


def led_bodies(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """Leading a body is holding its leading post: 'the Secretariat was led by X, Y and Z'
    (leader of the Secretariat), 'he agreed to supervise the Department of Agitation',
    'Agricola governed Britain' (a place, for governing only)."""
    verbs = lexicon().leading_verbs
    for f in frames(sent):
        lemma = f.verb.lemma_.lower()
        if lemma not in verbs or not asserted(f.verb):
            continue
        kinds = {"BODY", "PLACE"} if lemma == "govern" else {"BODY"}
        role = HEAD_ROLES.get(verbs[lemma], verbs[lemma])
        for b in expand(f.objects):
            body = entity_at(d, b, kinds)
            people = [e for p in expand(f.subjects) if (e := entity_at(d, p, PERSON)) is not None]
            if body is None or not people:
                continue
            name, _, _ = _name_of(d, b)
            title = f"{verbs[lemma]} of the {name}" if d.entities[body].kind == "BODY" else f"{verbs[lemma]} of {name}"
            office = d.add_entity(title, "OFFICE", f.verb.idx, f.verb.idx + len(f.verb.text),
                                  "offices.led_body.v1", same_as=(role, body))
            for person in people:
                yield factoid(d, si, "HOLDS_OFFICE", person, office, "offices.led_body.v1", 0.6, body=body)


RESIGN = extractor_words().office.resign
WITHDRAW_TO = ("to", "into", "for")
REMOVE = extractor_words().office.remove


def resignations(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """A resignation ends a tenure: 'Jefferson resigned as Secretary of State in December
    1793'; a bare 'Jefferson resigned in December 1793' ends the office the document last
    gave him. So does a removal from a named post or body ('was dismissed as Chairman',
    'was expelled from the Politburo')."""
    for f in frames(sent):
        lemma = f.verb.lemma_.lower()
        if not asserted(f.verb):
            continue
        if f.passive and lemma in REMOVE:
            for p in f.objects:  # 'Trotsky was expelled from the Politburo': a membership ends
                for g in f.preps.get("from", []):
                    person, body = entity_at(d, p, PERSON), entity_at(d, g, {"BODY", "FACTION"})
                    if person is not None and body is not None:
                        yield _ending(factoid(d, si, "MEMBER_OF", person, body, "membership.expelled.v1", 0.6,
                                              role="member"))
            yield from _ended(d, si, f.objects, f.preps.get("as", []) + f.preps.get("from", []),
                              "offices.removed.v1", guess=False)
        elif not f.passive and (lemma in RESIGN or lemma == "step" and "down" in f.preps) \
                and not any(c.lower_ in WITHDRAW_TO or c.dep_ == "xcomp" for c in f.verb.children):
            # ('he retired to rest', 'withdrew to his room' end nothing)
            yield from _ended(d, si, f.subjects, f.preps.get("as", []) + f.preps.get("from", []) + f.objects,
                              "offices.resigned.v1", guess=True)


def _ended(d: Document, si: int, leavers: list[Token], posts: list[Token], rule: str,
           guess: bool) -> Iterator[Factoid]:
    """End the named posts, else (``guess``) the office the document last gave the leaver."""
    named = [e for o in posts if (e := entity_at(d, o, OFFICE)) is not None]
    for p in leavers:
        person = entity_at(d, p, PERSON)
        if person is None:
            continue
        held = named or ([h.object for h in reversed(d.factoids)
                          if h.type == "HOLDS_OFFICE" and h.subject == person][:1] if guess else [])
        for office in held:
            yield _ending(factoid(d, si, "HOLDS_OFFICE", person, office, rule, 0.6))


def _ending(f: Factoid) -> Factoid:
    return replace(f, end_time=f.when, when=None)


def _candidacies(d: Document, sent: Span) -> Iterator[tuple[int, int]]:
    """(person, office) pairs a sentence proposes: 'Stalin’s candidature as General
    Secretary with Molotov and Kuibyshev as his Assistant Secretaries', 'a proposal
    to make him General Secretary'."""
    for off in _office_tokens(d, sent):
        office = entity_at(d, off, OFFICE)
        as_ = off.head if off.dep_ == "pobj" and off.head.lower_ == "as" else None
        if as_ is None:  # 'as his Assistant Secretaries', however the parser attached it
            m = d.mention_of_token(off)
            k = m.tokens[0] - 1 if m else off.i - 1
            if k > sent.start and d.doc[k].lower_ in ("his", "her", "their"):
                k -= 1
            if k >= sent.start and d.doc[k].lower_ == "as":
                as_ = d.doc[k]
        if as_ is not None:
            gov = as_.head
            if gov.pos_ == "VERB":  # 'Lenin proposed Stalin as General Secretary': the one proposed
                gov = next((c for c in gov.children if c.dep_ in ("dobj", "nsubjpass")
                            and entity_at(d, c, PERSON) is not None), gov)
            person = entity_at(d, gov, PERSON)
            if person is None:
                person = next((entity_at(d, c, PERSON) for c in gov.children if c.dep_ == "poss"), None)
            if person is None:  # 'with Molotov and Kuibyshev as his Assistant Secretaries'
                before = [t for t in d.doc[max(sent.start, as_.i - 8):as_.i]
                          if entity_at(d, t, PERSON) is not None]
                people = {entity_at(d, t, PERSON) for t in before}
                for p in people:
                    yield p, office  # type: ignore[misc]
                continue
            yield person, office
        elif off.dep_ in ("oprd", "attr", "xcomp", "ccomp") and off.head.lemma_ in APPOINT:
            for c in [*off.head.children, *off.children]:
                if c.dep_ in ("dobj", "nsubj") and c.i != off.i:
                    person = entity_at(d, c, PERSON)
                    if person is not None:
                        yield person, office


def confirmed_appointments(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Stalin’s appointment was confirmed': a candidacy from the sentences before
    becomes a tenure from the date of the confirmation."""
    for tok in sent:
        if tok.lemma_.lower() not in CONFIRM or tok.pos_ != "VERB" or not asserted(tok):
            continue
        subjects = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]
        confirmed: set[int] = set()
        for sub in subjects:
            if sub.lower_ in CANDIDACY:
                owners = [c for c in sub.children if c.dep_ == "poss"] + [
                    o for c in sub.children if c.dep_ == "prep" and c.lower_ == "of"
                    for o in c.children if o.dep_ == "pobj"]
                confirmed.update(e for e in (entity_at(d, o, PERSON) for o in owners) if e is not None)
            elif entity_at(d, sub, PERSON) is not None:
                confirmed.add(entity_at(d, sub, PERSON))  # type: ignore[arg-type]
        if not confirmed:
            continue
        pairs: list[tuple[int, int, int]] = [(p, o, si) for p, o in _candidacies(d, sent)]
        for back in range(si - 1, max(-1, si - 1 - CANDIDACY_WINDOW), -1):
            pairs.extend((p, o, back) for p, o in _candidacies(d, d.sents[back]))
        slates = {k for p, _, k in pairs if p in confirmed}
        when = d.sentence_time[si] if d.sentence_time else None
        seen = set()
        for p, o, k in pairs:
            # the confirmed candidate, and those proposed in the same sentence (slate) with
            # him; not every candidacy of the window
            if (p, o) in seen or not (p in confirmed or k in slates):
                continue
            seen.add((p, o))
            f = factoid(d, si, "HOLDS_OFFICE", p, o, "offices.confirmed_candidacy.v1", 0.7)
            yield replace(f, when=None, start_time=when)
