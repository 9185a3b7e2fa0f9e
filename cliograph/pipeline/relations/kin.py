"""KIN: family ties stated by a kinship noun or a marriage, in both directions.

"Lenin’s wife Nadezhda Krupskaya" gives Krupskaya → Lenin (wife) and, from the same
words, Lenin → Krupskaya (husband: the inverse, gendered by what the text says of him);
"Princess Mary married Prince William" gives each the other's spouse; "X was born to A
and B" gives X's parents; children named together ("had three children, A, B and C")
are siblings, and the two parents of one child ("the son of A and B") a couple.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from ...model import Factoid
from ...rules import lexicon
from ...rules.words import extractor_words
from ..document import Document
from .base import asserted, entity_at, factoid, owner
from .frames import frames, listed, subject_tokens

PERSON = {"PERSON"}
# a name a kin noun is said of is a person's, whatever kind the name's other mentions voted
# for ('Cimon, son of Miltiades' when 'Cimon' led fleets like a city)
KINNED = {"PERSON", "PLACE", "BODY"}
POSS = {"’s", "'s"}
NAMING = extractor_words().kin.naming
LIST_GLUE = {",", "and", "or", "&"}
PLACE_PREPS = {"in", "at", "near", "outside"}


def gender(d: Document, entity: int) -> str:
    """'male', 'female' or '' from the pronouns and nouns the text ties to the entity."""
    cache = d.cache.gender
    if entity in cache:
        return cache[entity]
    lex = lexicon()
    votes = {"male": 0, "female": 0}
    for mi in d.entities[entity].mentions:
        m = d.mentions[mi]
        s, e = m.tokens
        # 'Queen Mary', 'his wife Nadya', not 'the daughter of James' (his daughter's word)
        # nor 'he married Catherine' (his pronoun): titles and kin words only
        before = [] if s > 0 and d.doc[s - 1].lower_ == "of" else list(d.doc[max(0, s - 2):s])
        root = d.doc[s:e].root
        said = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
        for t in [*before, d.doc[s], *said]:  # ... and 'Catherine of Aragon, his brother's widow'
            if t.pos_ == "PRON" or t.tag_ == "PRP$":
                continue
            # a word said of the name outweighs a pronoun that coreference linked to it
            if t.lower_ in lex.female_words:
                votes["female"] += 2
            elif t.lower_ in lex.male_words:
                votes["male"] += 2
    for tok_i, ent in d.pronoun_entity.items():
        if ent == entity:
            low = d.doc[tok_i].lower_
            if low in ("she", "her", "hers", "herself"):
                votes["female"] += 1
            elif low in ("he", "him", "his", "himself"):
                votes["male"] += 1
    g = max(votes, key=votes.get) if votes["male"] != votes["female"] else ""
    cache[entity] = g
    return g


def _owner(d: Document, noun: Token) -> int | None:
    """The person whose kin the noun names: 'Lenin’s wife', 'his sister', 'the wife of X'."""
    if noun.dep_ == "conj" and any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in noun.children):
        # 'Ulric Dane and his son Osric': the possessive is the name it is coordinated with
        e = entity_at(d, noun.head, PERSON)
        if e is not None and d.token_mention.get(noun.head.i) is not None:
            return e
    if any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return owner(d, noun, lambda d_, t: entity_at(d_, t, PERSON))
    # 'Lenin’s wife' parsed flat: NAME ’s KIN
    if noun.i >= 2 and noun.nbor(-1).text in POSS:
        return entity_at(d, noun.nbor(-2), PERSON)
    return None


def _listed_after(d: Document, noun: Token) -> list[int]:
    """The people a plural kin noun lists after it: 'three children, Anna, Otto and Lene'."""
    if noun.tag_ != "NNS":
        return []
    doc = d.doc
    first = next((c for c in noun.children if c.dep_ == "appos"), None)
    if first is None and noun.i + 2 < len(doc) and doc[noun.i + 1].text in (",", ":"):
        first = doc[noun.i + 2]
    elif first is None and noun.i + 1 < len(doc) and d.token_mention.get(noun.i + 1) is not None:
        first = doc[noun.i + 1]  # 'her sisters Anna, Eva and Lene' (read as the clause's subject)
    if first is None or entity_at(d, first, PERSON) is None:
        return []
    m = d.mention_of_token(first)
    if m is not None:  # the name's head word carries the list: 'Anna Brandt, Otto Brandt'
        first = doc[m.tokens[0]:m.tokens[1]].root
    return list(dict.fromkeys(e for t in (first, *first.conjuncts) if (e := entity_at(d, t, PERSON)) is not None))


def _relative(d: Document, noun: Token) -> int | None:
    """The person the kin noun is said of: apposition, copula, or the name right after."""
    doc = d.doc
    if noun.i + 1 < len(doc):
        nxt = doc[noun.i + 1]
        if nxt.text == "," and noun.i + 2 < len(doc):
            nxt = doc[noun.i + 2]
        p = entity_at(d, nxt, PERSON)
        if p is not None and d.token_mention.get(nxt.i) is not None:
            return p
    for c in noun.children:
        if c.dep_ == "appos":
            p = entity_at(d, c, PERSON)
            if p is not None:
                return p
    if noun.dep_ == "appos":
        e = entity_at(d, noun.head, KINNED)
        if e is not None and d.entities[e].kind != "PERSON" and _in_place_phrase(noun.head):
            # 'He was born in Leeds, Yorkshire, the son of X': said of the clause's subject
            return _clause_subject(d, noun.head)
        if e is None and noun.head.tag_ in ("NNP", "NNPS") and noun.head.text.istitle() \
                and d.token_mention.get(noun.head.i) is None and noun.head.i < noun.i:
            # 'Pausanias, son of Cleombrotus': a name the kin noun shows to be a person's
            h = noun.head
            return d.add_entity(h.text, "PERSON", h.idx, h.idx + len(h.text), "kin.kin_noun.v1",
                                tokens=(h.i, h.i + 1))
        return e
    if noun.dep_ == "attr":
        for c in noun.head.children:
            if c.dep_ == "nsubj":
                return entity_at(d, c, PERSON)
    if _said_of_list(noun) and d.token_mention.get(noun.head.i) is not None:
        # 'Feversham, a Frenchman of noble birth, and nephew of Turenne': a bare kin noun
        # coordinated with a name is said of it ('X and the son of Y' names two men)
        return entity_at(d, noun.head, PERSON)
    return None


def _said_of_list(noun: Token) -> bool:
    """A kin noun without a determiner or possessive, coordinated with or set beside what
    comes before it: a description of that, not another person."""
    return noun.dep_ in ("conj", "appos") and noun.head.i < noun.i and not any(
        c.dep_ in ("det", "poss", "nummod") for c in noun.children)


def _listed_before(d: Document, noun: Token) -> list[int]:
    """The people a plural kin noun describes after their list: 'the Earls of Derby, Kent
    and Essex, sons of the Duchess of Arden'."""
    if noun.tag_ != "NNS" or not _said_of_list(noun):
        return []
    head = noun.head
    out = [e for t in head.subtree if t.i < noun.i and t.dep_ in ("conj", "pobj", "appos") or t.i == head.i
           if (e := entity_at(d, t, PERSON)) is not None and d.token_mention.get(t.i) is not None]
    return list(dict.fromkeys(out))


def _subjects_of_plural(d: Document, noun: Token) -> list[int]:
    """'A and his brother B were the children of X': every person of the subject."""
    if noun.dep_ != "attr" or noun.tag_ != "NNS":
        return []
    out: list[int] = []
    for c in noun.head.children:
        if c.dep_ == "nsubj":
            for t in (c, *c.conjuncts):
                for x in (t, *(a for a in t.children if a.dep_ == "appos")):
                    e = entity_at(d, x, PERSON)
                    if e is not None and e not in out:
                        out.append(e)
    return out if len(out) > 1 else []


def _in_place_phrase(tok: Token) -> bool:
    """A name inside a prepositional phrase ('born in Leeds, Yorkshire'), not a clause's own
    subject ('Cimon, son of Miltiades, sailed')."""
    for _ in range(4):
        if tok.dep_ == "pobj":
            return tok.head.lower_ in PLACE_PREPS
        if tok.dep_ not in ("appos", "conj", "compound", "npadvmod") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _clause_subject(d: Document, tok: Token) -> int | None:
    """The person the clause around a token is said of: its verb's subject, or for an
    opening participle ('Born in Rome, ..., she made') the main verb's."""
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for _ in range(2):
        subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subs:
            return entity_at(d, subs[0], PERSON)
        if verb.dep_ not in ("advcl", "conj") or verb.head.i == verb.i:
            break
        verb = verb.head
    return None


MARRY = extractor_words().kin.marry
SPOUSE = {"male": "husband", "female": "wife", "": "spouse"}


def married(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'In 1759 George Washington married Martha Custis': each the other's spouse."""
    for f in frames(sent):
        if f.verb.lemma_.lower() not in MARRY or not asserted(f.verb):
            continue
        to = f.preps.get("to", [])
        if f.objects and to and not f.passive:  # 'Caesar married his daughter Julia to Pompey'
            yield from _spouses(d, si, f.objects, to)
        elif f.subjects and (f.objects or to):  # 'X married Y', 'X was married to Y'
            yield from _spouses(d, si, f.subjects, [*f.objects, *to])
        else:  # 'X and Y married'
            yield from _spouses(d, si, f.subjects, f.subjects)
    for t in sent:  # 'Mary was married to William' read as an adjective ('... and was married to X')
        if t.lower_ == "married" and t.dep_ == "acomp" and asserted(t.head):
            yield from _spouses(d, si, subject_tokens(t.head, ("nsubj",)), [
                o for c in t.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children if o.dep_ == "pobj"])


def _spouses(d: Document, si: int, side: list[Token], other: list[Token]) -> Iterator[Factoid]:
    """Each person of one side with each of the other: 'X married A, B and C' weds X
    thrice, never A to B."""
    def people(tokens: list[Token]) -> list[int]:
        return list(dict.fromkeys(  # 'his daughter Julia': the name in apposition
            e for t in listed(tokens) if (e := _spouse_at(d, t)) is not None))
    ones, others = people(side), people(other)
    pairs = {(x, y) for x in ones for y in others if x != y}
    for a, b in sorted(pairs | {(y, x) for x, y in pairs}):
        yield factoid(d, si, "KIN", a, b, "kin.married.v1", 0.8, role=SPOUSE[gender(d, a)])


def _kin_word(noun: Token) -> str:
    """'son-in-law', which the tokenizer splits into 'son - in - law', as one word; so too
    'half-sister' (the words before a hyphen)."""
    doc = noun.doc
    if noun.i >= 2 and doc[noun.i - 1].text == "-" and doc[noun.i - 2].is_alpha:
        return f"{doc[noun.i - 2].lower_}-{noun.lower_}"  # 'half-sister', 'step-brother': not a sister
    if noun.i + 4 < len(doc) and doc[noun.i + 1].text.replace(" ", "")[:1] not in ("", "-"):
        return noun.lower_  # (asked of every word: the next one must be the hyphen)
    if noun.i + 4 < len(doc) and doc[noun.i + 1:noun.i + 5].text.replace(" ", "") == "-in-law":
        return f"{noun.lower_}-in-law"
    return noun.lower_


CHILD = {"male": "son", "female": "daughter", "": "child"}
PARENT = {"male": "father", "female": "mother", "": "parent"}


def born_to(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Ivo Mumba was born in Dublin to Peter Mumba and Barbara Mumba': the parents."""
    for t in sent:
        if t.lower_ != "born" or t.tag_ != "VBN" or not asserted(t):
            continue
        parents = list(dict.fromkeys(
            e for c in t.children if c.dep_ == "prep" and c.lower_ == "to"
            for o in listed([x for x in c.children if x.dep_ == "pobj"])
            if (e := entity_at(d, o, PERSON)) is not None))
        children = [e for c in t.children if c.dep_ == "nsubjpass" if (e := entity_at(d, c, PERSON)) is not None]
        for child in children:
            for parent in parents:
                if parent == child:
                    continue
                yield factoid(d, si, "KIN", child, parent, "kin.born_to.v1", 0.8, role=CHILD[gender(d, child)])
                yield factoid(d, si, "KIN", parent, child, "kin.born_to.v1", 0.8, role=PARENT[gender(d, parent)])
        if children:
            yield from _co_parents(d, si, [p for p in parents if p not in children])


def _both_ways(d: Document, si: int, relative: int, owner: int, role: str, rule: str, conf: float,
               inverse_conf: float) -> Iterator[Factoid]:
    """The relative's KIN fact and, where the owner's gender names it, the inverse ('the
    child of X': a daughter or a son when the text says which, and X her father)."""
    if role == "child":
        role = {"female": "daughter", "male": "son"}.get(gender(d, relative), role)
    yield factoid(d, si, "KIN", relative, owner, rule, conf, role=role)
    inverse = lexicon().kin_inverse.get(role, {}).get(gender(d, owner))
    if inverse:
        yield factoid(d, si, "KIN", owner, relative, "kin.inverse.v1", inverse_conf, role=inverse)


def kin(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    yield from married(d, si, sent)
    yield from born_to(d, si, sent)
    yield from listed_after_clause(d, si, sent)
    yield from kin_as_object(d, si, sent)
    yield from described_kin(d, si, sent)
    yield from married_described(d, si, sent)
    yield from listed_as_complement(d, si, sent)
    yield from marriage_noun(d, si, sent)
    yield from bracketed_kin(d, si, sent)
    lex = lexicon()
    # the words a kin role is read from, alone or before '-in-law' (the cheap test first)
    bases = {*lex.kin_roles, *(r.removesuffix("-in-law") for r in lex.kin_roles)}
    for noun in sent:
        if noun.lower_ not in bases and noun.tag_ != "NNS":
            continue
        role = lex.kin_roles.get(_kin_word(noun)) or ("sibling" if noun.lower_ in SIBLING_NOUNS else None)
        if role is None and noun.tag_ == "NNS" and (
                _named(d, noun) or _listed_before(d, noun) or _listed_after(d, noun)):
            role = lex.kin_roles.get(noun.lemma_.lower())  # 'brothers named A and B'; 'A and B, sons of C'
        if role is None or noun.pos_ != "NOUN":
            continue
        # 'he was the son and heir of X': coordinated kin nouns share the owner and the relative
        owner = next((o for n in (noun, *noun.conjuncts) if (o := _owner(d, n)) is not None), None)
        owner = _titled_owner(d, noun) if owner is None else owner
        named = _named(d, noun) or _listed_after(d, noun) or _subjects_of_plural(d, noun)
        described = [] if named else _listed_before(d, noun)  # (half-siblings, maybe: no sibling facts)
        if named and owner is None and noun.head.lemma_ == "have":  # 'he had brothers named ...'
            owner = next((e for c in noun.head.children if c.dep_ == "nsubj"
                          if (e := entity_at(d, c, PERSON)) is not None), None)
        # 'the son and heir of X' shares the head's relative; 'X and his son Y' has its own
        shared = noun.dep_ == "conj" and noun.head.pos_ == "NOUN"
        relative = _relative(d, noun.head) if shared else _relative(d, noun)
        relatives = named or described or ([relative] if relative is not None else [])
        if owner is None and role in SIBLING_OF and len(named) > 1:
            # 'the four Mellon brothers: A, B, C and D', 'they have three children: A, B and C'
            yield from _siblings(d, si, named, "kin.named_siblings.v1")
        if owner is None or not relatives:
            continue
        if role in SIBLING_OF and len(named) > 1:
            yield from _siblings(d, si, relatives)
        if role in PARENTS_OF:
            yield from _co_parents(d, si, [owner, *_co_owners(d, noun, owner)])
        for relative in relatives:
            for o in [owner, *_co_owners(d, noun, owner)]:  # 'the child of Edward and Victoria'
                if o != relative:
                    yield from _both_ways(d, si, relative, o, role, "kin.kin_noun.v1", 0.8, 0.7)


def kin_as_object(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'He had buried a son, Lord Beauchamp', 'the Duke lost a daughter who had been the pride
    of his house, Lady Anne': a kin noun with no owner of its own, the object of a verb, is
    the verb's subject's relative; the person is the name in apposition to it, or the name
    that closes the clause describing it."""
    lex = lexicon()
    for noun in sent:
        role = lex.kin_roles.get(noun.lower_)
        if role is None or noun.pos_ != "NOUN" or noun.dep_ != "dobj" or noun.tag_ != "NN":
            continue
        if any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of" for c in noun.children) \
                or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
            continue
        if not asserted(noun.head):
            continue
        owners = [e for t in subject_tokens(noun.head) if (e := entity_at(d, t, PERSON)) is not None]
        named = [c for c in noun.children if c.dep_ == "appos"]
        closing = _closing_name(d, sent)
        if closing is not None and any(c.dep_ == "relcl" for c in noun.children) and (
                closing.head.i == noun.head.i or closing.dep_ == "appos" and noun.i < closing.head.i):
            named.append(closing)  # (the parser hangs it on the clause, or on the verb)
        relatives = [e for t in named if d.token_mention.get(t.i) is not None
                     if (e := entity_at(d, t, PERSON)) is not None]
        for o in owners[:1]:
            for relative in dict.fromkeys(relatives):
                if relative != o:
                    yield from _both_ways(d, si, relative, o, role, "kin.kin_as_object.v1", 0.7, 0.65)


def _closing_name(d: Document, sent: Span) -> Token | None:
    """The name that ends a sentence after a comma (', the gallant Lord X.'), set beside
    what comes before it: the root of its mention."""
    end = sent.end - 1
    while end > sent.start and (d.doc[end].is_punct or d.doc[end].is_space):
        end -= 1
    mi = d.token_mention.get(end)
    if mi is None or d.mentions[mi].tokens[1] - 1 != end:
        return None
    first = d.mentions[mi].tokens[0]
    root = d.doc[first:end + 1].root
    # (after a comma, or after a comma and its article or epithet)
    if root.dep_ not in ("appos", "npadvmod", "dep") or "," not in (t.text for t in d.doc[max(0, first - 3):first]):
        return None
    return root


SIBLING_OF = extractor_words().kin.sibling_of
SIBLING = {"male": "brother", "female": "sister", "": "sibling"}


PARENTS_OF = extractor_words().kin.parents_of
SIBLING_NOUNS = extractor_words().kin.sibling_nouns
LISTING_VERBS = extractor_words().kin.listing_verbs


def _co_parents(d: Document, si: int, parents: list[int]) -> Iterator[Factoid]:
    """'the son of Piet Visser and Anna Kok': two people named as one child's parents are a
    couple (the encyclopaedic reading; a lower confidence, as it is implied)."""
    if len(parents) != 2:
        return
    a, b = parents
    yield factoid(d, si, "KIN", a, b, "kin.co_parents.v1", 0.6, role=SPOUSE[gender(d, a)])
    yield factoid(d, si, "KIN", b, a, "kin.co_parents.v1", 0.6, role=SPOUSE[gender(d, b)])


def _siblings(d: Document, si: int, people: list[int], rule: str = "kin.shared_parent.v1") -> Iterator[Factoid]:
    """Children (or brothers) of one person named together are each other's siblings."""
    for a in people:
        for b in people:
            if a != b:
                yield factoid(d, si, "KIN", a, b, rule, 0.7, role=SIBLING[gender(d, a)])


def _named(d: Document, noun: Token) -> list[int]:
    """'several brothers named Balash, Hormizd and Peroz': every name of the list after
    'named'/'called' (read along the text, which the parser often splits)."""
    verb = next((c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in NAMING), None)
    if verb is None:
        return []
    out: list[int] = []
    i, end = verb.i + 1, verb.sent.end
    while i < end:
        mi = d.token_mention.get(i)
        if mi is not None and d.mentions[mi].entity is not None:
            e = d.mentions[mi].entity
            if d.entities[e].kind in KINNED and e not in out:
                out.append(e)
            i = max(i + 1, d.mentions[mi].tokens[1])
        elif d.doc[i].text in LIST_GLUE:
            i += 1
        else:
            break
    return out


def _co_owners(d: Document, noun: Token, first: int) -> list[int]:
    """The people listed with the owner after 'of': 'the only child of Prince Edward, Duke of
    Kent, and Princess Victoria'."""
    objs = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
            if o.dep_ == "pobj"]
    people = [e for o in objs for t in o.conjuncts if (e := entity_at(d, t, PERSON)) is not None]
    return [e for e in dict.fromkeys(people) if e != first]


def listed_after_clause(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Her three sons were summoned to the palace, Prince Otto, Prince Karl and Prince
    Ludwig': a plural kin noun as a clause's subject, its members listed after a comma at the
    clause's end. Each person of the list is the owner's relative; the people a kin noun
    inside the list names with 'of' ('Otto, son of the Countess') are other parents, which
    ``kin`` reads. No sibling facts: children of one father listed with different mothers
    are half-siblings the text does not call brothers."""
    lex = lexicon()
    for noun in sent:
        if noun.tag_ != "NNS" or noun.dep_ not in ("nsubj", "nsubjpass") or noun.pos_ != "NOUN":
            continue
        role = lex.kin_roles.get(noun.lemma_.lower()) or lex.kin_roles.get(noun.lower_)
        if role is None or _named(d, noun) or _listed_after(d, noun) or not asserted(noun.head):
            continue
        owner_ = _owner(d, noun)
        if owner_ is None:
            continue
        for relative in _clause_end_list(d, noun.head, sent):
            if relative != owner_:
                yield from _both_ways(d, si, relative, owner_, role, "kin.listed_after_clause.v1", 0.7, 0.65)


def _clause_end_list(d: Document, verb: Token, sent: Span) -> list[int]:
    """The people listed after the first comma that follows a verb, up to the sentence's
    end or a semicolon, when a name comes right after that comma; a name that is the
    object of a kin noun's 'of' ('son of X') is a parent, not an item."""
    lex = lexicon()
    comma = next((t for t in sent if t.i > verb.i and t.text == ","), None)
    if comma is None:
        return []
    # a name within a few words of the comma ('the Dukes of A, B and C'), no verb between
    near = d.doc[comma.i + 1:min(sent.end, comma.i + 5)]
    first = next((t for t in near if d.token_mention.get(t.i) is not None), None)
    if first is None or any(t.pos_ in ("VERB", "AUX") for t in d.doc[comma.i + 1:first.i]):
        return []
    out: list[int] = []
    for t in d.doc[comma.i + 1:sent.end]:
        if t.text in (";", ":"):
            break
        mi = d.token_mention.get(t.i)
        if mi is None or d.mentions[mi].tokens[0] != t.i:
            continue
        root = d.doc[d.mentions[mi].tokens[0]:d.mentions[mi].tokens[1]].root
        kin_of = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
        if kin_of is not None and (_kin_word(kin_of) in lex.kin_roles or kin_of.lemma_.lower() in lex.kin_roles):
            continue
        e = entity_at(d, t, PERSON)
        if e is not None and e not in out:
            out.append(e)
    return out


def _titled_owner(d: Document, noun: Token) -> int | None:
    """'niece of the great Cardinal', 'son of the old Elector': a person the text names only
    by a title and an epithet, which no other rule made a name of, becomes one (the text's
    own words are his name there)."""
    lex = lexicon()
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((o for o in of.children if o.dep_ == "pobj"), None) if of is not None else None
    if obj is None or d.entity_of_token(obj) is not None or not obj.text[:1].isupper() \
            or obj.lower_ not in lex.held_titles | lex.person_titles:
        return None
    mods = [c for c in obj.children if c.i < obj.i]
    if not any(c.dep_ == "amod" for c in mods) or not any(c.lower_ == "the" for c in mods):
        return None  # 'the great Cardinal', not 'a cardinal' nor 'the Cardinal' (a post)
    span = d.doc[min(c.i for c in mods):obj.i + 1]
    return d.add_entity(span.text, "PERSON", span.start_char, span.end_char, "kin.kin_noun.v1",
                        tokens=(span.start, span.end))


DESCRIBED_MAX = 6  # descriptive words before a name: 'Czech singer and actress', 'the painter and poet'


def _described_person(d: Document, i: int, end: int) -> tuple[int, int, int] | None:
    """The person named after a description that starts at token ``i``: 'the architect Ada
    Roe', 'Czech singer and actress Ada Roe', 'actors A and B' (the parser often hangs such a
    name on the wrong word). Only an article, 'and', lowercase content words and a
    capitalised word before a lowercase one (a nationality) may stand before the name.
    (entity, index after its mention, how many descriptive words came before it)."""
    doc = d.doc
    words = 0
    while i < end and words <= DESCRIBED_MAX:
        tok = doc[i]
        mi = d.token_mention.get(i)
        if mi is not None and d.mentions[mi].tokens[0] == i and not (
                tok.text[:1].isupper() and i + 1 < end and doc[i + 1].is_lower and doc[i + 1].is_alpha
                and not doc[i + 1].is_stop):
            # a name of another kind counts when a description shows it a person's ('actress
            # X'); bare, it may be what it seems ('the favourite son of Kent')
            e = entity_at(d, tok, KINNED if words else PERSON)
            return (e, d.mentions[mi].tokens[1], words) if e is not None else None
        if tok.lower_ in ("the", "a", "an", "and"):
            pass
        elif tok.is_alpha and tok.is_lower and not tok.is_stop and tok.pos_ != "AUX":
            words += 1
        elif tok.is_alpha and tok.text[:1].isupper() and i + 1 < end and doc[i + 1].is_lower \
                and not doc[i + 1].is_stop and doc[i + 1].is_alpha:
            pass  # 'Czech singer', 'Hungarian politician'
        else:
            return None
        i += 1
    return None


def _described_people(d: Document, i: int, end: int) -> tuple[list[int], int, int]:
    """The people of a list of described names ('the painter A and the poet B', 'A (1801 –
    1870) and his wife B'): their entities, where the list ends, and how many descriptive
    words stood before them."""
    doc, out, words = d.doc, [], 0
    while True:
        found = _described_person(d, i, end)
        if found is None:
            return out, i, words
        e, i, w = found
        out.append(e)
        words += w
        if i < end and doc[i].text == "(":  # a life in brackets after the name
            close = next((k for k in range(i, min(end, i + 12)) if doc[k].text == ")"), None)
            i = close + 1 if close is not None else i
        if not (i + 1 < end and doc[i].lower_ == "and"):
            return out, i, words
        i += 1
        if i + 1 < end and doc[i].lower_ in ("his", "her") and lexicon().kin_roles.get(doc[i + 1].lower_) \
                in ("wife", "husband", "spouse"):
            i += 2  # 'A and his wife B'


def _fronted_relative(d: Document, after: int, sent: Span) -> int | None:
    """'The daughter of X, she was born in Leeds', 'Born in Leeds, the son of X, he
    studied law': a kin noun set before its clause is said of the clause's subject (the
    first subject after the comma that closes the description)."""
    doc = d.doc
    if after >= sent.end or doc[after].text != ",":
        return None
    for t in doc[after + 1:min(sent.end, after + 4)]:
        if t.dep_ in ("nsubj", "nsubjpass"):
            return entity_at(d, t, PERSON)
    return None


def described_kin(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """A kin noun whose 'of' names people after a description, which the parser misreads:
    'He is son of Czech singer and actress A and the painter B', 'the daughter of actors A
    and B, she...'. Read along the text where the parse gave the noun no owner."""
    lex = lexicon()
    doc = d.doc
    for noun in sent:
        if noun.pos_ != "NOUN" or noun.i + 2 >= sent.end or doc[noun.i + 1].lower_ != "of":
            continue
        role = lex.kin_roles.get(_kin_word(noun))
        if role is None or _owner(d, noun) is not None:
            continue
        owners, after, _ = _described_people(d, noun.i + 2, sent.end)
        if not owners:
            continue
        relative = _relative(d, noun)
        before = noun.i - 1 - (noun.i - 1 >= sent.start and doc[noun.i - 1].lower_ in ("the", "a", "an"))
        if relative is None and (before < sent.start or doc[before].text == ","):
            relative = _fronted_relative(d, after, sent)  # 'The daughter of X, she', 'Born in Y, son of X, he
        if relative is None or not asserted(noun.head if noun.dep_ == "attr" else noun):
            continue
        owners = [o for o in dict.fromkeys(owners) if o != relative]
        if role in PARENTS_OF:
            yield from _co_parents(d, si, owners)
        for o in owners:
            yield from _both_ways(d, si, relative, o, role, "kin.described_owner.v1", 0.75, 0.7)


def married_described(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Ada married the architect Otto Berg', 'she married French politician Otto Berg':
    the spouse named after a description the parser took for the object."""
    for t in sent:
        if t.pos_ != "VERB" or t.lemma_.lower() not in MARRY or t.tag_ not in ("VBD", "VBZ", "VBP") \
                or not asserted(t) or any(c.dep_ == "auxpass" for c in t.children):
            continue
        if any(entity_at(d, c, PERSON) is not None for c in t.children if c.dep_ == "dobj"):
            continue  # the parse named the spouse: 'married'
        found = _described_person(d, t.i + 1, sent.end)
        if found is None or found[2] == 0:
            continue
        yield from _spouses(d, si, subject_tokens(t, ("nsubj",)), [d.doc[found[1] - 1]])


PARENT_NOUNS = extractor_words().kin.parent_nouns


def listed_as_complement(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'His parents were Otto and Eva Berg', 'Her brother was A', 'His children included A
    and B': a kin noun as the subject of a copula or of 'include', its people the
    complement. Parents named together are a couple, children or brothers siblings."""
    lex = lexicon()
    for noun in sent:
        if noun.pos_ != "NOUN" or noun.dep_ != "nsubj" or noun.head.lemma_ not in LISTING_VERBS \
                or not asserted(noun.head):
            continue
        lemma = noun.lemma_.lower()
        role = "parent" if lemma in PARENT_NOUNS or noun.lower_ in PARENT_NOUNS else (
            "sibling" if noun.lower_ in SIBLING_NOUNS else lex.kin_roles.get(lemma))
        owner_ = _owner(d, noun) if role is not None else None
        if owner_ is None:
            continue
        people = list(dict.fromkeys(
            e for t in listed([c for c in noun.head.children if c.dep_ in ("attr", "dobj")])
            if d.token_mention.get(t.i) is not None and (e := entity_at(d, t, KINNED)) is not None and e != owner_))
        if role == "parent":
            yield from _co_parents(d, si, people)
            for p in people:
                yield factoid(d, si, "KIN", p, owner_, "kin.listed_as_complement.v1", 0.75, role=PARENT[gender(d, p)])
                yield factoid(d, si, "KIN", owner_, p, "kin.inverse.v1", 0.7, role=CHILD[gender(d, owner_)])
            continue
        if role in SIBLING_OF and len(people) > 1:
            yield from _siblings(d, si, people)
        for p in people:
            yield from _both_ways(d, si, p, owner_, role, "kin.listed_as_complement.v1", 0.75, 0.7)


def inferred_parents(d: Document) -> None:
    """A stage once every fact is known: the brother or sister of a parent's child is that
    parent's child too ('X, the son of P' ... 'his sister Y'), as an encyclopaedia's reader
    takes it. Stated with the sibling's evidence, at a lower confidence, never over a tie
    the text states; half-siblings are no siblings here (their nouns are other roles)."""
    parents, children, siblings = set(PARENT.values()), set(CHILD.values()), set(SIBLING.values())
    kin_facts = [f for f in d.factoids if f.type == "KIN" and f.object is not None]
    parent_of = {(f.object, f.subject) for f in kin_facts if f.role in children} | {
        (f.subject, f.object) for f in kin_facts if f.role in parents}
    tied = {(f.subject, f.object) for f in kin_facts} | {(f.object, f.subject) for f in kin_facts}
    added = []
    for f in kin_facts:
        if f.role not in siblings:
            continue
        for a, b in ((f.subject, f.object), (f.object, f.subject)):
            for parent in sorted({p for p, c in parent_of if c == a and p != b}):
                if (parent, b) in tied:
                    continue
                tied.add((parent, b))
                tied.add((b, parent))
                rule = "kin.sibling_parent.v1"
                added.append(replace(f, subject=b, object=parent, role=CHILD[gender(d, b)], extractor=rule,
                                     confidence=0.6, when=None))
                added.append(replace(f, subject=parent, object=b, role=PARENT[gender(d, parent)], extractor=rule,
                                     confidence=0.6, when=None))
    d.factoids.extend(added)


MARRIAGE_NOUNS = extractor_words().kin.marriage_nouns
UNREAL_MARRIAGE = extractor_words().kin.unreal_marriage


def marriage_noun(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'his marriage to Anna Berg', 'Ada's marriages to A and B': the owner of a marriage
    and whom it was to are spouses (not a marriage proposed or planned, nor one in an
    unasserted clause)."""
    for noun in sent:
        if noun.lower_ not in MARRIAGE_NOUNS or noun.pos_ != "NOUN":
            continue
        if any(c.lower_ in UNREAL_MARRIAGE for c in noun.children) or (
                noun.head.pos_ in ("VERB", "AUX") and not asserted(noun.head)):
            continue
        owners = [c for c in noun.children if c.dep_ == "poss"]
        after = noun.doc[noun.i + 1] if noun.i + 1 < sent.end else None
        preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "to"] or (
            [after] if after is not None and after.lower_ == "to" else [])  # (the parser may hang it on the verb)
        to = [o for c in preps for o in c.children if o.dep_ == "pobj"]
        if owners and to:
            yield from _spouses(d, si, owners, to)


def bracketed_kin(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Zelma (Potiphar's wife)', 'Arun Mehta (the son of Dev Mehta)': a kin noun in
    brackets right after a name is said of that name."""
    lex = lexicon()
    doc = d.doc
    for noun in sent:
        role = lex.kin_roles.get(_kin_word(noun)) if noun.pos_ == "NOUN" else None
        if role is None or _relative(d, noun) is not None:
            continue
        k = noun.i - 1
        while k > sent.start and (doc[k].dep_ in ("poss", "case", "det", "amod") or doc[k].text in POSS) \
                and doc[k].text != "(":
            k -= 1
        if doc[k].text != "(" or k - 1 < sent.start:
            continue
        mi = d.token_mention.get(k - 1)
        relative = entity_at(d, doc[k - 1], PERSON) if mi is not None else None
        owner_ = _owner(d, noun)
        if relative is None or owner_ is None or owner_ == relative:
            continue
        yield from _both_ways(d, si, relative, owner_, role, "kin.bracketed.v1", 0.75, 0.7)


def _spouse_at(d: Document, tok: Token) -> int | None:
    e = entity_at(d, tok, PERSON)
    return _misread_person(d, tok) if e is None else e


def _misread_person(d: Document, tok: Token) -> int | None:
    """A proper name one marries that the entities took for a body or a place: a person's
    when none of its words is a body's or a place's head word ('married Alexandra Colen')."""
    if tok.pos_ != "PROPN":
        return None
    e = entity_at(d, tok, {"BODY", "PLACE"})
    if e is None:
        return None
    lex = lexicon()
    name = d.entities[e].name
    words = name.lower().split()
    if len(words) < 2 or not name.istitle() or any(w in lex.body_heads or w in lex.place_heads for w in words):
        return None
    return e
