"""Decide each name's kind once per document, and who is who.

One sense per discourse: every mention of a name votes (the model's label, the kind its
head noun implies, and its context: a verb of speech or thought after it, a title or
kinship noun beside it, "in/at/to" before it), and the whole group takes the winning
kind. Groups are then merged by a sieve, most precise rule first: exact name, then
surname or first name inside a unique full name, then transliteration variants, then
acronyms the text defines.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import lru_cache, wraps

from spacy.tokens import Doc, Span, Token

from ..learn import entity_model
from ..model import Entity, Mention
from ..names import TITLE_OF, initials, norm, translit_key
from ..rules import lexicon, limits, load_json
from ..rules.words import entity_words
from .document import Document
from .mentions import FOREIGN_AND, WINGS, guess_kind, office_stem
from .variants import KEYED_KINDS, described_stems, root, variant_key

RULE_WEIGHT = limits().kind_votes.rule
MOTION = entity_words().entities.motion
OFFICE_STEMS = {translit_key(w) for w in ("secretary", "chairman", "president", "consul",
                                           "governor", "commissar", "premier", "dictator")}
PARTY_NOUNS = entity_words().entities.party_nouns
PERSON_NOUNS = entity_words().entities.person_nouns
MIND_NOUNS = entity_words().entities.mind_nouns
PLACE_OBJECT_VERBS = entity_words().entities.place_object_verbs
PLACE_NOUNS = entity_words().entities.place_nouns
# 'the island Curzola', 'Curzola, the island off...': a common noun for a place beside the name
PLACE_COMMON = entity_words().entities.place_common
BARE_TITLES = entity_words().entities.bare_titles
PUBLICATIONS = entity_words().entities.publications
WRITTEN_PIECES = entity_words().entities.written_pieces
CLASS_NOUNS = entity_words().entities.class_nouns
SPATIAL_PREPS = entity_words().entities.spatial_preps
LISTING_VERBS = entity_words().entities.listing_verbs
PUBLISHING_VERBS = entity_words().entities.publishing_verbs
# (with 'send': 'sent out Dorieus with a small force' sends an envoy or commander)
HUMAN_OBJECT_VERBS = entity_words().entities.human_object_verbs
PASSIVE_PERSON_VERBS = entity_words().entities.passive_person_verbs
GROUP_PLURAL_END = re.compile(r"(ists|ites|ans|ards|ers|ies|iki|ics|ees|ots)$")  # 'Socialist Revolutionaries'
PERSONAL_RELATIONS = entity_words().entities.personal_relations
LEADING_VERBS = entity_words().entities.leading_verbs
GROUP_WORDS = entity_words().entities.group_words
PERSONAL = {"he", "she", "him", "her", "i", "we", "you"}
MODEL_WEIGHT = limits().kind_votes.model
CONTEXT_WEIGHT = limits().kind_votes.context
GAZETTEER_WEIGHT = limits().kind_votes.gazetteer


def _verb_forms(tok: Token) -> set[str]:
    """The lemma and a suffix-stripped form: the lemmatizer sometimes misses
    ('hated' -> 'hat')."""
    low = tok.lower_
    forms = {tok.lemma_.lower(), low}
    for suffix, repl in (("ied", "y"), ("ed", "e"), ("ed", ""), ("es", ""), ("s", ""), ("ing", "e"), ("ing", "")):
        if low.endswith(suffix):
            forms.add(low[: -len(suffix)] + repl)
    return forms


def _once_per_span(votes: Callable[[Doc, Mention], Counter[str]]) -> Callable[[Doc, Mention], Counter[str]]:
    """Read a mention's surroundings once per parse: every kind decision over a name's
    mentions (before and after the merges, for the strength of coordinated names, the
    final check) asks again, and the answer depends on the span's tokens only. Kept in
    the Doc's ``user_data``; each caller gets its own copy of the votes."""
    @wraps(votes)
    def once(doc: Doc, m: Mention) -> Counter[str]:
        memo = doc.user_data.setdefault("cliograph_context_votes", {})
        found = memo.get(m.tokens)
        if found is None:
            found = memo[m.tokens] = votes(doc, m)
        return Counter(found)
    return once


@_once_per_span
def context_votes(doc: Doc, m: Mention) -> Counter[str]:
    """What a mention's surroundings say about its kind."""
    lex = lexicon()
    votes: Counter[str] = Counter()
    s, e = m.tokens
    span = doc[s:e]
    if e > s and guess_kind(span) not in (None, "PLACE"):
        return votes  # its own head noun says what it is ('General Secretaryship')
    root = span.root
    prev = doc[s - 1] if s > 0 else None
    nxt = doc[e] if e < len(doc) else None
    head = root.head
    # 'Kamenev had...', 'Lenin wrote', 'Trotski insisted': subjects of person verbs
    verb = _verb_forms(head)
    if root.dep_ in ("nsubj", "nsubjpass") and verb & lex.person_verbs:
        votes["PERSON"] += CONTEXT_WEIGHT
    if root.dep_ == "nsubj" and head.lemma_.lower() in ("have", "suffer", "be", "fall", "become") and any(
        c.lower_ in lex.health_words for c in head.subtree
    ):
        votes["PERSON"] += CONTEXT_WEIGHT
    # 'Theodora had strange dreams', 'the fear that Livia had': what only a mind has
    if root.dep_ == "nsubj" and head.lemma_.lower() == "have" and (any(
            c.dep_ == "dobj" and c.lemma_.lower() in MIND_NOUNS for c in head.children)
            or head.dep_ == "relcl" and head.head.lemma_.lower() in MIND_NOUNS):
        votes["PERSON"] += CONTEXT_WEIGHT
    # 'Lenin’s wife', 'Rochester's elder brother', 'Stalin’s health': possessor of a kin,
    # body or mind noun
    if nxt is not None and nxt.text in ("’s", "'s") and e + 1 < len(doc):
        owned = root.head.lower_ if root.dep_ == "poss" else doc[e + 1].lower_
        if owned in lex.kin_roles or owned in lex.health_words or owned in (
            "life", "mind", "career", "behalf", "assistance", "request", "illness", "temper",
            "letter", "letters", "note", "notes", "speech", "views", "proposal", "attitude",
            "friend", "friends", "ally", "allies", "supporters", "position", "appointment",
        ):
            votes["PERSON"] += CONTEXT_WEIGHT
    # 'the son-in-law and nephew of Cato', 'the wife of Caesar'
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in lex.kin_roles:
        votes["PERSON"] += CONTEXT_WEIGHT
    # 'his wife Nadezhda Krupskaya' / 'Finance Commissar Sokolnikov' / 'General Washington'
    if prev is not None and (prev.lower_ in lex.kin_roles or prev.lower_ in lex.person_titles) or (
            e - s > 1 and doc[s].lower_.rstrip(".") in lex.person_titles | {"colo", "col", "gen", "capt"}
            and doc[e - 1].lower_ not in lex.office_heads | lex.body_heads and doc[e - 1].text[:1].isupper()):
        votes["PERSON"] += CONTEXT_WEIGHT
    # 'in Moscow', 'travelled to Georgia' (but 'a message to Molotov' says nothing)
    # ('wrote in Greek', 'in English': a nationality's word in the singular is its tongue)
    tongue = e - s == 1 and root.ent_type_ in ("NORP", "LANGUAGE") and not root.lower_.endswith("s")
    if prev is not None and prev.lower_ in lex.place_preps and root.dep_ == "pobj" and not tongue and not (
        nxt is not None and nxt.text in ("’s", "'s")
    ) and (prev.lower_ not in ("to", "from", "toward", "towards", "through", "via")  # 'spoke through X'
           or prev.head.pos_ == "VERB" and prev.head.lemma_.lower() in MOTION):
        votes["PLACE"] += 1.25
    # 'besieged and captured Eion', 'laid siege to Sestos', 'the inhabitants of Priene': what
    # is done to a town, and what a town has
    listed = root
    while listed.dep_ == "conj" and listed.head.i != listed.i:
        listed = listed.head  # 'the towns of Osimo, Jesi, and Cingoli'
    lhead = listed.head
    if root.dep_ in ("dobj", "nsubjpass") and verb & PLACE_OBJECT_VERBS or listed.dep_ == "pobj" and (
            lhead.lower_ == "of" and lhead.head.lower_ in PLACE_NOUNS
            or lhead.lower_ == "to" and (lhead.head.lower_ == "siege" or any(
                c.dep_ == "dobj" and c.lower_ == "siege" for c in lhead.head.children))):
        votes["PLACE"] += CONTEXT_WEIGHT
    if prev is not None and prev.lower_ in PLACE_COMMON and prev.pos_ == "NOUN" or any(
            c.dep_ == "appos" and c.lemma_.lower() in PLACE_COMMON for c in root.children):
        votes["PLACE"] += CONTEXT_WEIGHT
    # 'Calpurnia in her dream', 'Stalin ... his': a gendered pronoun in the name's own clause
    if root.dep_ in ("nsubj", "nsubjpass") and any(
            t.lower_ in ("his", "her", "him", "himself", "herself") and t.i > root.i
            for t in head.subtree if t.i < root.i + 12):
        votes["PERSON"] += CONTEXT_WEIGHT
    # 'You villain, Casca, what are you doing?': a name addressed
    if root.dep_ == "npadvmod" or root.dep_ == "appos" and head.lower_ in ("you", "villain", "friend", "sir"):
        votes["PERSON"] += CONTEXT_WEIGHT
    # 'Bukharin broke with Stalin', 'Kamenev turned against Trotsky': dealings with a person
    if root.dep_ == "nsubj" and any(
            c.dep_ == "prep" and c.lower_ in ("with", "against") and any(
                o.dep_ == "pobj" and o.ent_type_ == "PERSON" for o in c.children)
            for h in (head, *[c for c in head.children if c.dep_ == "prt"]) for c in h.children):
        votes["PERSON"] += CONTEXT_WEIGHT
    # 'Danton became a close friend of Desmoulins': what only a person is to another
    if root.dep_ == "nsubj" and head.lemma_ in ("be", "become", "remain") and any(
            c.dep_ == "attr" and c.lower_ in PERSONAL_RELATIONS for c in head.children):
        votes["PERSON"] += CONTEXT_WEIGHT
    # 'The Girondins, led by Brissot': who leads or founds a group
    if root.dep_ == "pobj" and head.dep_ == "agent" and head.head.lemma_.lower() in LEADING_VERBS:
        votes["PERSON"] += CONTEXT_WEIGHT
    # 'sympathisers of Trotski', 'a critic of Stalin'; 'whose deputy leader was X'
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in PARTY_NOUNS:
        votes["PERSON"] += CONTEXT_WEIGHT
    if root.dep_ == "attr" and any(c.dep_ == "nsubj" and (c.lower_ in lex.office_lower_heads or c.lower_
                                   in lex.office_heads or c.lower_ in lex.kin_roles) for c in head.children):
        votes["PERSON"] += CONTEXT_WEIGHT
    # 'The Attorney General, Edward Northey, offered': the holder named after his post
    if root.dep_ == "appos" and (root.head.lower_ in lex.office_heads or root.head.lower_ == "general"
                                 and root.head.i > 0 and doc[root.head.i - 1].lower_ in lex.office_heads):
        votes["PERSON"] += CONTEXT_WEIGHT
    # 'Volodarsky, a tall, pale youth', 'Rodzianko, leader of the right wing': what only a person is
    if any(c.dep_ == "appos" and (c.lemma_.lower() in PERSON_NOUNS or c.lower_ in lex.office_lower_heads)
           for c in root.children):
        votes["PERSON"] += CONTEXT_WEIGHT
    # 'Novaya Zhizn (New Life), Gorky’s paper': a publication, which the rest treats as a body
    if any(c.dep_ == "appos" and c.lemma_.lower() in PUBLICATIONS for c in root.children) or (
            root.dep_ == "appos" and root.head.lemma_.lower() in PUBLICATIONS):
        votes["BODY"] += 2 * CONTEXT_WEIGHT
    # 'Shrewsbury on the Severn', 'Buda, the town above Pest': where a place lies is a place
    if root.dep_ == "pobj" and head.lower_ in SPATIAL_PREPS and (
            head.head.lemma_.lower() in PLACE_COMMON and head.head.pos_ == "NOUN"
            or head.head.ent_type_ in ("GPE", "LOC", "FAC") and head.head.pos_ == "PROPN"):
        votes["PLACE"] += CONTEXT_WEIGHT
    # 'their universities comprising Oxford, Leiden...', 'towns such as Ypres': a member of a class
    if (member := _listed_under(listed)) is not None:
        votes[member] += 2 * CONTEXT_WEIGHT
    # 'his articles in The Rambler', 'letters which appeared in Le Temps': where writing comes out
    if root.dep_ == "pobj" and root.head.lower_ == "in" and _printed_in(root.head):
        votes["BODY"] += 2 * CONTEXT_WEIGHT
    # 'Nicomedes, son of Cleombrotus': a kinship apposition
    if any(c.dep_ == "appos" and c.lower_ in lex.kin_roles and any(
            p.lower_ == "of" for p in c.children) for c in root.children):
        votes["PERSON"] += CONTEXT_WEIGHT
    # 'He and Molotov': coordinated with a personal pronoun
    if any(c.lower_ in PERSONAL for c in [*root.conjuncts, root.head] if c.dep_ in ("conj", "nsubj")
           or c.i in {x.i for x in root.conjuncts}):
        votes["PERSON"] += CONTEXT_WEIGHT
    # 'Rochester was declared Lord Treasurer': who holds an office is a person
    if root.dep_ in ("nsubj", "nsubjpass") and any(
            c.dep_ in ("attr", "oprd") and c.lower_ in lex.office_heads for c in head.children):
        votes["PERSON"] += CONTEXT_WEIGHT
    # 'Bukharin formed a buffer group', 'Danton joined the club': founding or joining a faction
    if root.dep_ == "nsubj" and verb & {"form", "found", "join", "lead", "head"} and any(
            c.dep_ == "dobj" and c.lower_ in GROUP_WORDS for c in head.children):
        votes["PERSON"] += CONTEXT_WEIGHT
    # 'hated Caesar', 'married Calpurnia', 'murdered Sidney': objects of verbs done to people
    if root.dep_ == "dobj" and verb & HUMAN_OBJECT_VERBS or root.dep_ == "nsubjpass" and verb & PASSIVE_PERSON_VERBS:
        votes["PERSON"] += CONTEXT_WEIGHT
    # 'X said', 'said X', '"...," cried Karelin'
    if verb & lex.speech_verbs and root.dep_ in ("nsubj", "dobj", "dative", "attr"):
        votes["PERSON"] += CONTEXT_WEIGHT
    # 'whom he teased', 'who were sympathisers': a 'who' relative clause on the name
    if any(c.lower_ in ("who", "whom") for c in root.children) or (
        nxt is not None and nxt.text == "," and e + 1 < len(doc) and doc[e + 1].lower_ in ("who", "whom")
    ):
        votes["PERSON"] += CONTEXT_WEIGHT
    return votes


def _listed_under(listed: Token) -> str | None:
    """The kind of the class a (list of) name(s) is given as members of: the object of 'comprising' or
    'including' on a class noun ('their universities comprising X'), a list after 'besides' on such a
    verb, or after 'such as' or 'including' on the class noun itself ('towns such as X')."""
    head = listed.head
    if listed.dep_ == "pobj" and head.lower_ in ("besides", "including", "as") and head.i != listed.i:
        if head.lower_ == "as" and not (head.i > 0 and head.doc[head.i - 1].lower_ == "such"):
            return None
        listed, head = head, head.head
        if head.pos_ in ("NOUN", "PROPN"):
            return CLASS_NOUNS.get(head.lemma_.lower())
    if listed.dep_ not in ("dobj", "prep") or head.pos_ != "VERB" or head.lemma_.lower() not in LISTING_VERBS:
        return None
    nouns = [head.head] if head.dep_ == "acl" else [c for c in head.children if c.dep_ == "nsubj"]
    return next((CLASS_NOUNS[n.lemma_.lower()] for n in nouns if n.lemma_.lower() in CLASS_NOUNS), None)


def _printed_in(prep: Token) -> bool:
    """The 'in' of where a piece of writing comes out: 'his articles in X', 'an editorial in X',
    'articles which appeared in X', 'a letter printed in X', 'read his articles in X'."""
    head = prep.head
    if head.pos_ in ("NOUN", "PROPN"):
        return head.lower_ in WRITTEN_PIECES
    if head.pos_ != "VERB" or not _verb_forms(head) & PUBLISHING_VERBS:
        return False
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if head.dep_ in ("relcl", "acl"):
        subjects.append(head.head)  # ('articles which appeared in X', 'a letter printed in X')
    return any(s.lower_ in WRITTEN_PIECES for s in subjects)


def _group_key(m: Mention) -> str:
    """Spellings of one name share a key; an office and its '-ship' too
    ('General Secretaryship' = 'General Secretary')."""
    key = translit_key(m.text)
    words = key.split()
    if m.kind == "OFFICE" and words and (stem := office_stem(words[-1])) is not None:
        return " ".join(words[:-1] + [translit_key(stem[0])])  # 'prætors' = 'praetor'
    raw = norm(m.text).replace("-", " ").split()
    if m.kind == "OFFICE" and "of" in raw[1:] and len(raw) == len(words) and (
            stem := office_stem(raw[raw.index("of", 1) - 1])):
        k = raw.index("of", 1) - 1  # 'presidency of the council' = 'president of the council'
        return " ".join(words[:k] + [translit_key(stem[0])] + words[k + 1:])
    if key.endswith("ship"):
        stem = translit_key(m.text.rstrip()[:-4])
        if stem.split() and stem.split()[-1] in OFFICE_STEMS:
            key = stem
    return key


def _merge(groups: dict[str, list[int]], into: str, frm: str) -> None:
    groups[into].extend(groups.pop(frm))


def resolve(d: Document) -> None:
    """Fill ``d.entities`` and set ``Mention.entity``."""
    doc, mentions = d.doc, d.mentions
    groups: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        key = _group_key(m)
        if key:
            groups[key].append(i)

    kinds = {key: _decide_kind(doc, [mentions[i] for i in idx]) for key, idx in groups.items()}
    _merge_person_parts(groups, kinds, mentions)
    kinds = {key: _decide_kind(doc, [mentions[i] for i in idx]) for key, idx in groups.items()}
    # second round: coordination with names already known to be people or places
    kinds, coordinated = _propagate_coordination(doc, groups, kinds, mentions)
    _merge_appositions(doc, groups, kinds, mentions)
    _merge_surnames(d, groups, kinds)
    _merge_peoples(groups, kinds)
    _merge_place_forms(groups, kinds)
    _merge_seats(groups, kinds)
    _merge_governing_bodies(groups, kinds)
    _merge_fellowships(doc, groups, kinds, mentions)
    _merge_members(groups, kinds)
    _merge_plurals(groups, kinds)
    _merge_crown(groups, kinds)
    _merge_acronyms(d, groups, kinds)
    _merge_renamings(d, groups, kinds)
    _merge_dash_glosses(d, groups, kinds)
    _merge_placed_names(d, groups, kinds)
    _attach_short_event_names(groups, kinds, mentions)
    _merge_heads(doc, groups, kinds, mentions)
    _merge_variants(groups, kinds, mentions)
    _merge_national_forms(groups, kinds, mentions)
    _merge_described_measures(groups, kinds, mentions)
    _merge_syllabic(groups, kinds)
    _merge_misprints(groups, kinds)

    d.entities = []
    for key, idx in groups.items():
        kind = kinds.get(key)
        ms = [mentions[i] for i in idx]
        if not kind or _only_sentence_initial(doc, ms) and key not in coordinated and not any(
                context_votes(doc, m) or PERSON_SHAPE.search(m.text) for m in ms):
            continue  # (but 'Caesar, Pompey and Crassus formed...': listed with known names)
        if kind == "OFFICE" and key in BARE_TITLES:
            continue  # 'the Duke', 'the Bishop' alone: someone the passage knows, not a post
        kind = entity_model.review(doc, ms, kind, context_votes)  # where the votes leave it open
        if kind is None:
            continue  # the learned layer: a name no careful reader lists ('Education', 'Front')
        ent = Entity(name=_canonical(ms, kind), kind=kind)
        ent_index = len(d.entities)
        for i in sorted(idx):
            m = mentions[i]
            m.entity = ent_index
            m.kind = kind
            ent.mentions.append(i)
            alias = _display(m.text)
            if alias and alias not in ent.aliases:
                ent.aliases[alias] = (m.start, m.end, m.source)
        d.entities.append(ent)
    _own_events(d)


def _own_events(d: Document) -> None:
    """'the banishment of Napoleon' named in full, 'his banishment' said elsewhere: an event
    named '<noun> of <person>' is that person's own, and the extractor that reads 'his
    banishment' later (``events.personal_events``, which keys a person's event by the noun's
    lemma and the person) finds it under that key instead of making a second entity."""
    person_at = {t: m.entity for m in d.mentions if m.entity is not None
                 and d.entities[m.entity].kind == "PERSON" for t in range(*m.tokens)}
    for m in d.mentions:
        if m.entity is None or d.entities[m.entity].kind != "EVENT":
            continue
        s, e = m.tokens
        if e <= s:
            continue
        root = d.doc[s:e].root
        owners = {person_at[o.i] for c in root.children if c.dep_ == "prep" and c.lower_ == "of"
                  for o in c.children if o.dep_ == "pobj" and s <= o.i < e and o.i in person_at}
        if len(owners) == 1 and root.pos_ == "NOUN":
            d.described.setdefault((f"personal:{root.lemma_.lower()}", owners.pop()), m.entity)


DEMONYM_ENDINGS = ("ians", "inians", "etans", "ans", "aeans", "eans", "enes", "ines", "ites", "ese", "ns", "s")


def demonym_of(people: str, place: str) -> bool:
    """'athenians' is the people of 'athens', 'samians' of 'samos', 'boeotians' of
    'boeotia', 'byzantines' of 'byzantium': the people's word is the place's stem (all but
    its last two letters at most, three letters at least) and a people ending."""
    if " " in place or " " in people or place == people:
        return False
    for ending in DEMONYM_ENDINGS:
        if not people.endswith(ending):
            continue
        stem = people[:-len(ending)] + ("i" if ending.startswith("i") else "")
        k = 0
        while k < min(len(stem), len(place)) and stem[k] == place[k]:
            k += 1
        if k >= 3 and k >= len(place) - 2 and k >= len(stem) - 1:
            return True
    return _same_root(people, place)


PEOPLE_ENDINGS = ("ians", "aeans", "eans", "ans", "ives", "ines", "enes", "ites", "ese")
LAND_ENDINGS = ("ium", "us", "os", "um", "on", "ia", "es", "is", "a", "e", "y", "s")


def _same_root(people: str, place: str) -> bool:
    """'ephesians' of 'ephesus', 'tarentines' of 'tarentum', 'cretans' of 'crete': Greek and
    Latin ethnics are built on the root of the city's name, whose ending they drop; the two
    roots agree in all but, at most, their last letter (Milet-/Miles-)."""
    ending = next((e for e in PEOPLE_ENDINGS if people.endswith(e)), None)
    land = next((e for e in LAND_ENDINGS if place.endswith(e) and len(place) - len(e) >= 3), "")
    if ending is None:
        return False
    a, b = people[:-len(ending)], place[:len(place) - len(land)]
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return len(b) >= 3 and 0 <= len(a) - len(b) <= 1 and k >= len(b) - 1


def _merge_peoples(groups: dict[str, list[int]], kinds: dict[str, str | None]) -> None:
    """A people and its land are one place: 'the Thasians' with 'Thasos' (which the model
    may have called a person: that its people are named settles it)."""
    peoples = [k for k in groups if kinds.get(k) in ("PLACE", "FACTION", "BODY") and len(k.split()) == 1
               and (PEOPLE.search(k) or k.endswith("ives"))]  # 'the Achives'
    lands = [k for k in groups if kinds.get(k) in ("PLACE", "PERSON", "BODY") and len(k.split()) == 1
             and k not in peoples]
    for key in peoples:
        found = sorted((p for p in lands if p in groups and demonym_of(key, p)),
                       key=lambda p: len(groups[p]), reverse=True)
        if found:
            _merge(groups, found[0], key)
            kinds[found[0]] = "PLACE"
            kinds.pop(key, None)


def _merge_seats(groups: dict[str, list[int]], kinds: dict[str, str | None]) -> None:
    """'the letter of Torre Nova' after 'the Count of Torre Nova': a peer's seat of two
    words or more, said alone, is the peer (one-word seats are joined with the titles;
    the model often calls it a body), when one titled person holds it; a seat the text
    treats as a place stays the place."""
    seats: dict[str, list[str]] = defaultdict(list)
    for key in groups:
        core, tag, _ = person_core(key)
        if kinds.get(key) == "PERSON" and len(core) >= 2 and tag and key.split()[1:2] == ["of"]:
            seats[" ".join(core)].append(key)
    for seat, holders in seats.items():
        if seat in groups and len(holders) == 1 and kinds.get(seat) in ("PERSON", "BODY", "FACTION"):
            _merge(groups, holders[0], seat)
            kinds.pop(seat, None)


GOVERNING_HEADS = ("board", "council")
#: what the members of a body are called, and the body ('councillors', folded)
MEMBER_PLURALS = {translit_key(k): translit_key(v) for k, v in (
    ("councillors", "council"), ("councilors", "council"), ("senators", "senate"))}


def _merge_members(groups: dict[str, list[int]], kinds: dict[str, str | None]) -> None:
    """'the Senators assembled': the members of a body named as one actor are the
    body ('the Privy Council'), which takes the name of the members when the text names it
    no other way (a later 'the Council' then joins it)."""
    for key in list(groups):
        words = key.split()
        if key not in groups or kinds.get(key) not in ("BODY", "FACTION"):
            continue
        # 'the Imperial Electors' are 'the Electoral College': the body named by the adjective of
        # what its members are called (one such body)
        college = [k for k in groups if k != key and kinds.get(k) == "BODY" and len(k.split()) == 2
                   and words[-1].endswith("s") and k.split()[0] == words[-1][:-1] + "al"]
        if len(college) == 1:
            _merge(groups, college[0], key)
            kinds.pop(key, None)
            continue
        if words[-1] not in MEMBER_PLURALS:
            continue
        body = " ".join(words[:-1] + [MEMBER_PLURALS[words[-1]]])
        if body in groups and kinds.get(body) not in ("BODY", None):
            continue
        kinds.setdefault(body, "BODY")
        kinds[body] = kinds[body] or "BODY"
        groups.setdefault(body, [])
        _merge(groups, body, key)
        kinds.pop(key, None)


def _merge_governing_bodies(groups: dict[str, list[int]], kinds: dict[str, str | None]) -> None:
    """'the Board of Ordnance' is the Ordnance, 'the Council of the Union of Miners' the
    Union: a body's governing board or council named for it stands for it, when the text
    names that body and no other board or council of it."""
    by_body: dict[str, list[str]] = defaultdict(list)
    for key in groups:
        words = key.split()
        if kinds.get(key) == "BODY" and len(words) > 2 and words[0] in GOVERNING_HEADS and words[1] == "of":
            rest = words[3:] if words[2] == "the" else words[2:]
            by_body[" ".join(rest)].append(key)
    for body, governing in by_body.items():
        if body in groups and len(governing) == 1 and kinds.get(body) == "BODY":
            _merge(groups, body, governing[0])
            kinds.pop(governing[0], None)


def _merge_plurals(groups: dict[str, list[int]], kinds: dict[str, str | None]) -> None:
    """'the Goth' and 'the Goths', 'a Leveller' and 'the Levellers': a people or a party named
    in the singular and in the plural is one (not a person: 'Edwards' is no Edward)."""
    for key in list(groups):
        # ('a Tory' and 'the Tories', folded 'tori' and 'tores')
        plural = key[:-1] + "es" if key.endswith("i") and key[:-1] + "es" in groups else key + "s"
        if key not in groups or plural not in groups or kinds.get(key) in (None, "PERSON") or \
                kinds.get(plural) in (None, "PERSON"):
            continue
        if len(key.split()) == 1 or kinds.get(key) == kinds.get(plural) and kinds.get(key) in ("BODY", "FACTION"):
            # ('Factory Council' and 'Factory Councils': one network of them)
            _merge(groups, plural, key)
            kinds.pop(key, None)
    # 'Tauride' for 'the Tauride Palace', 'the Strand' for 'the Strand Street': a building's
    # or a street's name without its head noun
    for key in list(groups):
        if key not in groups or " " in key or kinds.get(key) in (None, "PERSON"):
            continue
        longer = sorted(((len(groups[k]), k) for k in groups if k.startswith(key + " ") and len(k.split()) == 2
                         and k.split()[1] in BUILDING_HEADS), reverse=True)
        if len(longer) == 1 or len(longer) > 1 and longer[0][0] > longer[1][0]:
            _merge(groups, longer[0][1], key)  # (of two, the one the text names most)
            kinds.pop(key, None)


SOVEREIGN_POSTS = entity_words().entities.sovereign_posts


def _merge_crown(groups: dict[str, list[int]], kinds: dict[str, str | None]) -> None:
    """'the demise of the Crown': the Crown is the sovereign's post, the one the text names
    ('the King' as an office), when it names only one."""
    crown = translit_key("crown")
    posts = sorted(((len(groups[k]), k) for k in map(translit_key, SOVEREIGN_POSTS)
                    if k in groups and kinds.get(k) == "OFFICE"), reverse=True)
    if crown in groups and (len(posts) == 1 or len(posts) > 1 and posts[0][0] > 2 * posts[1][0]):
        _merge(groups, posts[0][1], crown)  # (the King, not the Queen his consort)
        kinds.pop(crown, None)
    # 'the Great Chamberlain' for the Lord Great Chamberlain: a post named without its 'Lord'
    for key in list(groups):
        lord = "lord " + key
        if key in groups and len(key.split()) >= 2 and lord in groups and kinds.get(lord) == "OFFICE":
            _merge(groups, lord, key)
            kinds.pop(key, None)


BUILDING_HEADS = entity_words().entities.building_heads


PLACE_GENERICS = entity_words().entities.place_generics
ERA_EPITHETS = {translit_key(w) for w in entity_words().entities.era_epithets}  # (keys are folded)


def _merge_place_forms(groups: dict[str, list[int]], kinds: dict[str, str | None]) -> None:
    """One place under a long and a short form: 'the State of Ohio' is Ohio, 'the
    Kingdom of Naples' Naples; 'the Batavian Republic' is 'the Batavian Republic of the Netherlands' (a
    name of two words or more that a longer place name opens with, before its 'of')."""
    places = [k for k in groups if kinds.get(k) == "PLACE"]
    for key in places:
        if key not in groups:
            continue
        words = key.split()
        if len(words) > 2 and words[0] in PLACE_GENERICS and words[1] == "of":
            short = " ".join(words[2:])
            if short in groups and kinds.get(short) == "PLACE":
                _merge(groups, short, key)
                kinds.pop(key, None)
                continue
        # 'the United States of America', 'the Federal Republic of Germany': a generic noun after
        # words that qualify it, then the land; the land alone joins that name (which a bare
        # 'the States' then joins too)
        if len(words) > 2 and "of" in words[1:4]:
            k = words.index("of", 1)
            generic = words[k - 1][:-1] if words[k - 1].endswith("s") else words[k - 1]
            land = " ".join(words[k + 2:] if words[k + 1:k + 2] == ["the"] else words[k + 1:])
            if k >= 2 and {generic, words[k - 1]} & PLACE_GENERICS and land in groups and land != key \
                    and kinds.get(land) == "PLACE":
                _merge(groups, key, land)
                kinds.pop(land, None)
                continue
        if len(words) >= 2 and " of " not in key:
            longer = [k for k in places if k in groups and k.startswith(key + " of ")]
            if len(longer) == 1:
                _merge(groups, longer[0], key)
                kinds.pop(key, None)
                continue
    # 'Soviet Hungary' and 'the Hungarian Soviet Republic': a land under its régime's word, and
    # the state named by its people's adjective, that word and a generic noun
    for key in [k for k in groups if kinds.get(k) == "PLACE" and len(k.split()) == 3]:
        adjective, regime, generic = key.split()
        lands = [k for k in groups if kinds.get(k) == "PLACE" and " " not in k and k != adjective
                 and len(root(adjective)) >= 3 and k.startswith(root(adjective))]
        short = f"{regime} {lands[0]}" if len(lands) == 1 else None
        if generic in PLACE_GENERICS and short in groups and kinds.get(short) == "PLACE" and key in groups:
            _merge(groups, short, key)
            kinds.pop(key, None)
    # 'Old Spain', 'Imperial China': a land under an adjective of its age or its régime (which
    # the model may call an organisation) is the land
    for key in [k for k in groups if kinds.get(k) in ("PLACE", "BODY")]:
        words = key.split()
        if len(words) == 2 and words[0] in ERA_EPITHETS and words[1] in groups and kinds.get(words[1]) == "PLACE":
            _merge(groups, words[1], key)
            kinds.pop(key, None)


def _only_sentence_initial(doc: Doc, ms: list[Mention]) -> bool:
    """A capitalised word the model does not know, seen only where every word is capitalised."""
    return all(m.source == "mentions.name_run.v1" and not m.kind and (
        doc[m.tokens[0]].is_sent_start or m.tokens[0] > 0 and doc[m.tokens[0] - 1].text in "‘“'\""
    ) for m in ms)


def _coordinated(tok: Token) -> list[Token]:
    """Heads of the names coordinated with this one ('Rykov, Kamenev and Trotski')."""
    out = list(tok.conjuncts)
    if tok.dep_ == "appos":
        out.append(tok.head)
    return out


def _propagate_coordination(doc: Doc, groups: dict[str, list[int]], kinds: dict[str, str | None],
                            mentions: list[Mention]) -> tuple[dict[str, str | None], set[str]]:
    """Names listed together are of one kind: a vote for each mention coordinated with
    a name of a decided kind, then a fresh decision; also the names that got such a vote."""
    key_of_tok: dict[int, str] = {}
    for key, idx in groups.items():
        for i in idx:
            s, e = mentions[i].tokens
            for t in range(s, e):
                key_of_tok[t] = key
    extra: dict[str, Counter[str]] = defaultdict(Counter)
    strength = {key: _decide(doc, [mentions[i] for i in idx])[1] for key, idx in groups.items()}
    for key, idx in groups.items():
        if kinds.get(key) == "OFFICE":
            continue  # 'Jellicoe, the Minister of Marine, and General X': the post beside the man
        for i in idx:
            s, e = mentions[i].tokens
            root = doc[s:e].root
            for other in _coordinated(root):
                k2 = key_of_tok.get(other.i)
                # the better attested name gives its kind ('Molotov and Trotski', each a
                # guess of the model's: a person, on a tie)
                if k2 and k2 != key and kinds.get(k2) in ("PERSON", "PLACE") and (
                        strength[k2] > strength[key] or strength[k2] == strength[key]
                        and kinds[k2] == "PERSON"):
                    extra[key][kinds[k2]] += CONTEXT_WEIGHT
    out = {}
    for key, idx in groups.items():
        out[key] = _decide_kind(doc, [mentions[i] for i in idx], extra.get(key))
    return out, set(extra)


def _display(text: str) -> str:
    t = text.strip("‘’“”'\" ")
    t = re.sub(r"^(the|The)\s+", "", t)
    return re.sub(r"(’s|'s)$", "", t)


def _decide_kind(doc: Doc, ms: list[Mention], extra: Counter[str] | None = None) -> str | None:
    return _decide(doc, ms, extra)[0]


def _decide(doc: Doc, ms: list[Mention], extra: Counter[str] | None = None) -> tuple[str | None, float]:
    """Sum the votes of every mention of a name: the kind, and the votes it won with.

    The model's label counts with diminishing weight (its errors repeat: a rare surname
    labelled a place once is labelled a place every time), the head-noun rules and the
    contexts count in full.
    """
    votes: Counter[str] = Counter(extra or {})
    model: Counter[str] = Counter()
    for m in ms:
        if m.kind:
            if m.source == "spacy.ner.ORG" and _bare_word(doc, m):
                model["PERSON"] += 1  # the model's ORG on a lone rare word is mostly a person
            elif m.source.startswith("spacy."):
                model[m.kind] += 1
            else:
                votes[m.kind] += RULE_WEIGHT
        votes.update(context_votes(doc, m))
    for kind, n in model.items():
        votes[kind] += MODEL_WEIGHT * (1 + math.log2(n))
    if any(norm(m.text) in gazetteer() for m in ms):
        votes["PLACE"] += GAZETTEER_WEIGHT
    elif any(PERSON_SHAPE.search(m.text) and m.tokens[1] - m.tokens[0] == 1 for m in ms):
        votes["PERSON"] += SHAPE_WEIGHT  # 'Potressov', 'Myronides', 'Caninius': how surnames end
    elif any(PLACE_SHAPE.search(m.text) and m.tokens[1] - m.tokens[0] == 1 for m in ms):
        votes["PLACE"] += PLACE_SHAPE_WEIGHT  # 'Brundisium', 'Lanuvium', 'Heliopolis': how towns' names end
    plural = _plural_group(doc, ms)
    if plural and all(m.source.endswith("NORP") and m.kind != "FACTION" for m in ms) and PEOPLE.search(
            ms[0].text):
        return "PLACE", RULE_WEIGHT  # 'the Romans', 'the Athenians': a people, which stands for its land
    if plural and votes.get("PERSON", 0) >= max(votes.values(), default=1.0):
        # 'the Whigs sneered', 'the Tories found': people acting together are a group
        votes["FACTION"] += votes.pop("PERSON")
    elif votes.get("PERSON", 0) >= max(votes.values(), default=1.0) and _said_with_the(doc, ms):
        # 'the Novaya Zhizn wrote', 'the Rada declared': what speaks with an article is a body
        votes["BODY"] += votes.pop("PERSON")
    # names are not plural: 'the Anti-Federalists' is a group, whatever it did (but the
    # tagger also calls 'Camille Desmoulins' plural: the model's PERSON says otherwise;
    # and 'the Duke of St Albans' is a man whatever his seat's ending)
    if all(doc[m.tokens[1] - 1].tag_ == "NNPS" and not TITLE_OF.match(m.text) for m in ms) and not any(
            m.source == "spacy.ner.PERSON" and m.tokens[1] - m.tokens[0] > 1
            and not GROUP_PLURAL_END.search(doc[m.tokens[1] - 1].lower_) for m in ms):
        votes.pop("PERSON", None)
    if not votes and len(ms) >= 3 and plural:
        return "FACTION", 1.0  # 'the Confederates quarrelled': a group named in the plural
    if not votes and all(m.source == "spacy.ner.NORP" and doc[m.tokens[1] - 1].tag_ in ("NNPS", "NNS")
                         and PEOPLE.search(doc[m.tokens[1] - 1].lower_) and not TITLE_OF.match(m.text)
                         and "of" not in m.text.split() for m in ms):
        return "PLACE", 1.0  # 'with some Helvetians', 'the Ligurian Apuani': a people, for its land
    titled = lexicon().office_heads | lexicon().person_titles
    if not votes and len(ms) >= 3 and _said_with_the(doc, ms) and not any(
            t.lower_ in titled for m in ms for t in doc[m.tokens[0]:m.tokens[1]]):
        return "BODY", 1.0  # 'the Storting invited', 'in the Storting': an institution
    if not votes:
        return None, 0.0
    best = max(votes.values())
    if best < 1.0:
        return None, 0.0
    tied = [k for k, v in votes.items() if v == best]
    # on a tie, a person: the model calls rare surnames places far more often than the reverse
    return ("PERSON" if "PERSON" in tied else tied[0]), best


# endings of Slavic surnames and of Greek and Latin men's names, as transliterated
PERSON_SHAPE = re.compile(r"[a-z](ov|ev|ova|eva|sky|ski|skii|skiy|skaya|enko|vich|ovna|evna|shvili|adze|"
                          r"ides|cles|kles|crates|krates|ippus|ippos|odorus|stratus|machus|critus)$")
# endings of Greek and Latin towns' names (no man's name ends so)
PLACE_SHAPE = re.compile(r"[a-z](ium|eum|æum|aeum|polis|opolis)$")
SHAPE_WEIGHT = limits().kind_votes.surname_shape
PLACE_SHAPE_WEIGHT = limits().kind_votes.place_shape
PEOPLE = re.compile(r"(ians|ans|aeans|eans|enes|ines|ese|ards|iots|ites)$")  # not 'Whigs', 'Tories'


def _plural_group(doc: Doc, ms: list[Mention]) -> bool:
    """A one-word plural name, said with 'the' at least once: 'the Whigs', 'the Bolsheviki',
    'the Athenians' (a name a person bears is not plural)."""
    def plural(m: Mention) -> bool:
        s, e = m.tokens
        t = doc[s]
        return e - s == 1 and (t.tag_ in ("NNS", "NNPS") or t.lower_.endswith("iki")) and t.lower_.endswith(
            ("s", "i")) and not t.lower_.endswith(("ss", "us", "is", "os", "as"))
    def people(m: Mention) -> bool:  # (a people tagged as a verb once: its ending says)
        s, e = m.tokens
        return e - s == 1 and doc[s].ent_type_ == "NORP" and PEOPLE.search(doc[s].lower_) is not None
    # (one mention in a list may be tagged singular, 'Janissaries and Spahi Regiments', when
    # three or more others are plural)
    plurals = sum(plural(m) or people(m) for m in ms)
    return (plurals == len(ms) or plurals >= 3 and plurals == len(ms) - 1) and any(
        m.tokens[0] > 0 and doc[m.tokens[0] - 1].lower_ == "the" for m in ms)


AGENT_NOUN = re.compile(r"(ist|er|or|ian|ant|ent|ess)$")


def _said_with_the(doc: Doc, ms: list[Mention]) -> bool:
    """Most mentions take a definite article and none is a title ('the Duke of York',
    'the Emperor Napoleon'): a newspaper, a council, a building, not a person's name."""
    lex = lexicon()
    with_the = 0
    ms = [m for m in ms if m.source not in ("mentions.inner_name.v1", "mentions.attributive_person.v1")]
    # ('the Sazonov Ministry', 'the Froebel method': not his 'the')
    # ('the Storting, the assembly of the realm, met': a name put in apposition once among many
    # said with 'the' is still said with it; alone, 'Wellington, the Iron Duke' describes a man)
    appositions = [m for m in ms if doc[m.tokens[0]:m.tokens[1]].root.dep_ == "appos"]
    if 2 * len(appositions) >= len(ms):
        return False
    ms = [m for m in ms if m not in appositions]
    for m in ms:
        s, e = m.tokens
        words = [t.lower_ for t in doc[s:e]]
        if (words[0] in lex.person_titles or words[0] in lex.office_heads) or TITLE_OF.match(m.text) or any(
                w in lex.kin_roles for w in words) or len(words) == 1 and AGENT_NOUN.search(words[0]):
            return False  # 'the Anarchist': a person described
        with_the += s > 0 and doc[s - 1].lower_ == "the"
    return bool(ms) and 2 * with_the > len(ms)


@lru_cache(maxsize=1)
def gazetteer() -> frozenset[str]:
    """Normalised names of well-known places (``rules/gazetteer.json``)."""
    data = load_json("gazetteer.json")
    return frozenset(norm(n) for n in data["places"]) if isinstance(data, dict) else frozenset()


def _bare_word(doc: Doc, m: Mention) -> bool:
    """One capitalised word that no head noun, acronym or syllabic abbreviation explains:
    the model's ORG there is a guess (Pericles, Plekhanov, Chios more often than a body)."""
    s, e = m.tokens
    t = doc[s]
    return e - s == 1 and not t.text.isupper() and guess_kind(doc[s:e]) is None and not SYLLABIC.search(t.text)


SYLLABIC = re.compile(r"^[A-Z][a-z]+(buro|kom|prom|plan|trud|tern|com|rada|press)$|^[A-Z][a-z]{1,3}[A-Z]")


def _canonical(ms: list[Mention], kind: str) -> str:
    forms = Counter(_display(m.text) for m in ms)
    if kind == "PERSON":
        # a name before a description ('Lenin', not 'Old Man of Bolshevism'), then the fullest
        return max(forms, key=lambda f: (" of " not in f, len(f.split()), forms[f], f))
    return max(forms, key=lambda f: (forms[f], len(f), f))


# 'Colo. Hamilton', 'Gen. Knox': abbreviated titles that never stand alone as a name
TITLE_ABBREVIATIONS = entity_words().entities.title_abbreviations
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth")
ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _regnal(word: str) -> str:
    """'second' and 'ii' -> '2': the two ways of writing a regnal number compare equal;
    an epithet ('elder', 'great') is kept as it is."""
    if word in ORDINALS:
        return str(ORDINALS.index(word) + 1)
    if re.fullmatch(r"[ivxlc]+", word):
        vals = [ROMAN_VALUES[c] for c in word]
        return str(sum(-v if i + 1 < len(vals) and vals[i + 1] > v else v for i, v in enumerate(vals)))
    return word


def person_core(key: str) -> tuple[tuple[str, ...], str, frozenset[str]]:
    """A person's name without titles; the regnal number, epithet or title of nobility
    that tells namesakes apart; the titles: 'king charles the second' -> (('charles',),
    '2', {'king'}), 'george iii' -> (('george',), '3', {}), 'colo mason' -> (('mason',),
    '', {'colo'}), 'duke of richmond' -> (('richmond',), 'duke', {}).

    Initialisms keep their letters apart ('c c pinckney')."""
    titles = {translit_key(t) for t in lexicon().person_titles} - {"saint", "st"} | TITLE_ABBREVIATIONS
    words = key.split()
    tag = ""
    if len(words) > 2 and words[1] == "of" and TITLE_OF.match(" ".join(
            w if w in ("of", "the") else w.capitalize() for w in words)):
        return tuple(words[2:]), words[0], frozenset()  # 'Richmond' is the Duke of Richmond
    i = words.index("the", 1) if "the" in words[1:] else 0
    if i and words[i - 1] not in ("of", "for", "and") and i + 2 == len(words):
        tag = _regnal(words[i + 1])  # 'charles the second', 'alexander the great'
        words = words[:i]
    elif len(words) > 1 and re.fullmatch(r"[ivxlc]+", words[-1]):
        tag = _regnal(words[-1])
        words = words[:-1]
    held = set()
    while len(words) > 1 and words[0] in titles and words[1] not in ("of", "for"):
        held.add(words.pop(0))
    return tuple(words), tag, frozenset(held)


SOVEREIGN_TITLES = entity_words().entities.sovereign_titles


def _same_person_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """'c c pinckney' and 'charles cotesworth pinckney': the same surname, and given names
    that are equal or initials of each other."""
    if len(a) != len(b) or len(a) < 2 or a[-1] != b[-1]:
        return False
    return all(x == y or len(x) == 1 and y.startswith(x) or len(y) == 1 and x.startswith(y)
               for x, y in zip(a[:-1], b[:-1], strict=True))


def _merge_appositions(doc: Doc, groups: dict[str, list[int]], kinds: dict[str, str | None],
                       mentions: list[Mention]) -> None:
    """'Lenin, the Old Man of Bolshevism,' and 'Ilich was Lenin': a capitalised
    description the text equates with a person by apposition or copula is another name
    for them (an office or a body in that place is not: relations take those)."""
    key_of: dict[int, str] = {}
    for key, idx in groups.items():
        for i in idx:
            s, e = mentions[i].tokens
            for t in range(s, e):
                key_of[t] = key
    for key in list(groups):
        if key not in groups or kinds.get(key) != "PERSON":
            continue
        for i in list(groups[key]):
            s, e = mentions[i].tokens
            root = doc[s:e].root
            linked = [c for c in root.children if c.dep_ == "appos"]
            if root.dep_ == "appos":
                linked.append(root.head)
            if root.dep_ == "nsubj" and root.head.lemma_ == "be":
                linked += [c for c in root.head.children if c.dep_ == "attr"]
            # 'Prince Edward, Duke of Kent, and ...' parsed as a list: a title right after the comma
            linked += [c for c in root.conjuncts if c.i == e + 1 and doc[e].text == ","
                       and TITLE_OF.match(_up_to_comma(doc, c.i).text)]
            for t in linked:
                other = key_of.get(t.i)
                if other is None or other == key or other not in groups:
                    continue
                if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children):
                    continue  # 'Feversham, a Frenchman of noble birth': what he is, not his name
                titled = any(TITLE_OF.match(mentions[j].text) for j in groups[other])  # "Edward, Duke of Kent"
                if not titled and any(c.dep_ in ("cc", "conj") for c in (*t.children, *root.children)):
                    continue  # 'Washington, Hamilton, and Madison': a list, not a second name
                if kinds.get(other) not in (None, "PERSON") or not titled and any(
                        mentions[j].source.startswith("spacy.ner.PERSON") for j in groups[other]):
                    continue  # a title, an office, or a second person named beside the first
                _merge(groups, key, other)
                kinds.pop(other, None)


SURNAME_PARTICIPLES = entity_words().entities.surname_participles
#: between a full name and the further name it is given: ', surnamed ' (a footnote's marker is gone)
SURNAMED = re.compile(r"\s*,\s*(?:" + "|".join(sorted(SURNAME_PARTICIPLES)) + r")\s+(?:the\s+)?")


def _merge_surnames(d: Document, groups: dict[str, list[int]], kinds: dict[str, str | None]) -> None:
    """'Quintus Fabius, surnamed Cunctator', later 'Fabius Cunctator' and 'Cunctator': a Roman
    is named by any of his names, and a full name the text gives a further name is one person
    with every name made of its words and that one ('Fabius Cunctator'); only a person has a
    surname, whatever kind the model guessed for the full name alone."""
    ms, text = d.mentions, d.text
    key_of = {i: key for key, idx in groups.items() for i in idx}
    order = sorted(key_of, key=lambda j: (ms[j].start, -ms[j].end))
    for i, j in zip(order, order[1:], strict=False):
        ka, kb = key_of[i], key_of[j]
        if ka == kb or ka not in groups or kb not in groups or len(ka.split()) < 2 \
                or len(ms[j].text.split()) != 1 or SURNAMED.fullmatch(text[ms[i].end:ms[j].start]) is None:
            continue
        if "PERSON" not in (kinds.get(ka), kinds.get(kb)) or {kinds.get(ka), kinds.get(kb)} & {
                "OFFICE", "EVENT", "POLICY"}:
            continue
        names = set(ka.split()) | set(translit_key(ms[j].text).split())
        for k in [k for k in groups if k != ka and set(k.split()) <= names and kinds.get(k) in (None, "PERSON")
                  and (k == kb or translit_key(ms[j].text) in k.split())]:
            _merge(groups, ka, k)
            kinds.pop(k, None)
        kinds[ka] = "PERSON"
        key_of = {m: k for k, idx in groups.items() for m in idx}


def _up_to_comma(doc: Doc, i: int) -> Span:
    """The words from ``i`` to the next comma or 'and'."""
    j = i
    while j < len(doc) and doc[j].text != "," and doc[j].lower_ != "and" and not doc[j].is_sent_end:
        j += 1
    return doc[i:j]


def _merge_person_parts(groups: dict[str, list[int]], kinds: dict[str, str | None],
                        mentions: list[Mention]) -> None:
    """Molotov -> Vyacheslav Molotov; Maria -> Maria Ulyanova when there is no other Maria;
    'King Charles', 'Charles the Second' and 'Charles' -> one king; 'Colo. Mason' ->
    George Mason; 'C. C. Pinckney' -> Charles Cotesworth Pinckney.

    Runs before the kind decision is final: the model often labels a bare surname a
    place or an organisation, but the full name settles who it is.
    """
    def personal(key: str) -> bool:
        if len(key.split()) >= 2:
            return kinds.get(key) == "PERSON" or any(mentions[i].kind == "PERSON" for i in groups[key]) or (
                bool(person_core(key)[2]) and kinds.get(key) in (None, "PLACE", "BODY"))  # 'General Kornilov'
        # a head-noun rule made it an office, event, policy or faction
        name_rules = ("mentions.name_run", "mentions.inner_name", "mentions.attributive_person")
        return all(mentions[i].source.startswith("spacy.") or mentions[i].source.startswith(name_rules)
                   and mentions[i].kind in ("", "PERSON", "PLACE", "BODY") for i in groups[key])

    def size(key: str) -> int:
        return len(groups[key])

    # 1. one name with and without its titles, or with initials for given names
    cores = {k: person_core(k) for k in groups if personal(k)}
    held = {k: set(t) for k, (_c, _n, t) in cores.items()}
    for key in sorted(cores, key=lambda k: (-len(k.split()), k)):
        if key not in groups:
            continue
        core, tag, _ = cores[key]
        for other in [k for k in cores if k != key and k in groups]:
            core2, tag2, _ = cores[other]
            if tag == tag2 and (core == core2 or not tag and _same_person_name(core, core2)):
                _merge(groups, key, other)
                held[key] |= held[other]
                kinds.pop(other, None)
    # 2. a bare surname or first name (with or without a title) -> the one full name
    cores = {k: v for k, v in cores.items() if k in groups}
    for key in sorted(cores, key=lambda k: len(k.split())):
        core, tag, _ = cores[key]
        if key not in groups or len(core) != 1 or tag:
            continue
        full = [k for k, (c, t, _h) in cores.items() if k != key and k in groups and len(c) >= 2
                and not t and "of" not in c and not set(c[1:-1]) & FOREIGN_AND]
        # (not 'Henry Earl of Clarendon' for 'Prince Henry'; 'Zemlya i Volya' is two words' title)
        last = [f for f in full if cores[f][0][-1:] == core]
        first = [f for f in full if cores[f][0][:1] == core]
        numbered = [k for k, (c, t, _h) in cores.items() if k in groups and c == core and t]
        # 'King Charles' is 'King Charles the Second'; else 'James' is 'James the First'
        # only if the text speaks of that one as much as of James
        numbered = [k for k in numbered if held[k] & held[key]] or [
            k for k in numbered if 2 * size(k) >= size(key)]
        # 'King George' beside 'George II' and 'George Grenville': the sovereign's title
        # says which George, the one with a regnal number
        sovereign = held[key] & SOVEREIGN_TITLES and len(numbered) == 1 and not last
        target = numbered if sovereign else last if last else first if first else numbered
        if len(target) > 1 and target is last:
            target = _salient_bearer(groups[key], last, groups, mentions)
        if len(target) == 1:
            _merge(groups, target[0], key)
            kinds.pop(key, None)


#: how often a bare surname must be said while only one full name that ends with it is known
SALIENT_USES = 3


def _salient_bearer(bare: list[int], full: list[str], groups: dict[str, list[int]],
                    mentions: list[Mention]) -> list[str]:
    """'Scipio' among 'Publius Scipio' and, pages later, 'Lucius Scipio': the passage that
    introduces one bearer of a surname and then says the bare surname again and again
    before any other bearer is named has made that one the 'Scipio' of the text (a reader
    is told 'the other Scipio' when the second comes). The bearer in a list of one, else
    none."""
    firsts = sorted((min(mentions[i].start for i in groups[k]), k) for k in full if groups[k])
    if len(firsts) < 2:
        return []
    (start, first), (end, _second) = firsts[0], firsts[1]
    uses = sum(start < mentions[i].start < end for i in bare)
    return [first] if uses >= SALIENT_USES else []


DEMONYM = re.compile(r"(ian|ean|ish|ese|ic)$")
STOP = {"of", "for", "the", "and", "’s", "'s", "’", "'", "-", "–"}


@lru_cache(maxsize=1 << 14)
def _content(key: str) -> tuple[str, frozenset[str]]:
    """(head word, content words) of a group key (memoised: the merges compare every
    pair of keys)."""
    words = [w for w in key.replace("'", " ").split() if w not in STOP and w != "s"]
    k = key.split()
    head = k[-1]
    for i, w in enumerate(k):
        if w in ("of", "for") and i > 0:
            head = k[i - 1]
            break
    return head, frozenset(words)


def _modifiers(key: str) -> frozenset[str]:
    """The words before the head ('georgian central' of 'georgian central committee')."""
    k = key.split()
    cut = next((i for i, w in enumerate(k) if w in ("of", "for")), len(k))
    return frozenset(k[:max(cut - 1, 0)])


CONTRARY = {"anti", "counter", "non", "ex", "pseudo", "quasi"}  # 'Anti-Jacobins' are not the Jacobins


def _merge_heads(doc: Doc, groups: dict[str, list[int]], kinds: dict[str, str | None],
                 mentions: list[Mention] | None = None) -> None:
    """A shorter name of an institution, office or policy joins the one longer name that
    contains all its words and the same head: 'Secretariat' -> 'Central Committee
    Secretariat', 'Nationalities’ Affairs Commissariat' -> 'People’s Commissariat for
    Nationalities’ Affairs'. Not when the extra words name a place ('Georgian Central
    Committee' is another committee; 'Left Socialist Revolutionaries' are a wing of the
    party, not the party), and not when several longer names qualify."""
    place_words = {w for k, kd in kinds.items() if kd == "PLACE" for w in k.split()}
    place_words |= {translit_key(t.text) for t in doc if t.ent_type_ in ("NORP", "GPE", "LOC")
                    or t.text[:1].isupper() and DEMONYM.search(t.text)}
    place_heads = {translit_key(h) for h in lexicon().place_heads}  # (keys are folded: 'colones')
    place_names = {translit_key(n) for n in gazetteer()} | {
        translit_key(t.text) for t in doc if t.ent_type_ in ("GPE", "LOC") and t.text[:1].isupper()}

    def first(key: str) -> int:
        return min((mentions[i].start for i in groups[key]), default=0) if mentions else 0

    for key in sorted(groups, key=lambda k: len(k.split())):
        kind = kinds.get(key)
        if key not in groups or kind in (None, "PERSON") or kind == "PLACE" and (
                len(key.split()) > 1 or key not in place_heads):
            continue  # (a lone 'Square' or 'Palace' is the one the text names)
        head, words = _content(key)
        longer = []
        for k2 in groups:
            if k2 == key or kinds.get(k2) != kind:
                continue
            h2, w2 = _content(k2)
            if h2 != head or not words < w2 or (_modifiers(k2) - words) & (WINGS | CONTRARY):
                continue
            # a national or local modifier makes another institution ('the Georgian Central
            # Committee' beside the Central Committee), unless the text named that one first
            # and shortened its name after ('the Irish Convention of Delegates ... the
            # Convention of Delegates'); an event has no local branches: 'the Revolution' in a
            # text that also names 'the Mexican Revolution' is that one
            if not (_modifiers(k2) - words) & place_words or first(k2) < first(key) or kind in ("PLACE", "EVENT"):
                longer.append(k2)
        # the longest one when they nest ('Party General Secretary' < '... of the Party')
        longer.sort(key=lambda k: len(k.split()), reverse=True)
        if longer and all(_content(k)[1] <= _content(longer[0])[1] | _content(k)[1] for k in longer) \
                and all(_content(k)[1] - words <= _content(longer[0])[1] - words | {"party"} for k in longer):
            _merge(groups, longer[0], key)
            kinds.pop(key, None)
        elif len(longer) > 1 and len(key.split()) == 1:
            # 'the Government' among several governments: the one the text speaks of most;
            # not a local one ('the Councils' beside 'the Councils of Artisans' Deputies' and
            # 'the Councils of Lyons'), when another is not
            general = [k for k in longer if not _of_place(k, kinds, place_names)]
            longer = general if general and kind != "PLACE" else longer
            # of two named as often, the full name that opens with the word and qualifies it
            # after ('the Soviets' are the Soviets of Workers' Deputies, not the Peasants'
            # Soviets): a modifier before the word names a kind of it
            counts = sorted(((len(groups[k]), k.startswith(key + " ") and k.split()[1] in ("of", "for"), k)
                             for k in longer), reverse=True)
            if len(counts) == 1 or counts[0][:2] > counts[1][:2]:
                _merge(groups, counts[0][2], key)
                kinds.pop(key, None)
    _merge_leaders_bodies(groups, kinds, place_words)


def _of_place(key: str, kinds: dict[str, str | None], place_names: set[str]) -> bool:
    """'councils of lyons', 'government of russia': a name of a place's own institution (what
    follows its 'of' is a place: the text names it as one, the model marks it, or it is
    well known)."""
    words = key.split()
    if "of" not in words[1:]:
        return False
    rest = words[words.index("of", 1) + 1:]
    rest = rest[1:] if rest[:1] == ["the"] else rest
    # ('the Soviets of Rostov and Tiflis': each place of a list)
    return any(kinds.get(place) == "PLACE" or place in place_names or place.split()[0] in place_names
               for place in " ".join(rest).split(" and ") if place)


def _merge_variants(groups: dict[str, list[int]], kinds: dict[str, str | None],
                    mentions: list[Mention]) -> None:
    """'the Mexican War' and 'the war with the Mexicans', 'the Spanish fleet' and 'the
    Spanish navy': names of one kind that ``variants.variant_key`` words alike are one
    entity (the one the text names most keeps the key)."""
    by_key: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, idx in groups.items():
        kind = kinds.get(key)
        if kind not in KEYED_KINDS:
            continue
        for vk in {variant_key(mentions[i].text) for i in idx} - {None}:
            by_key[(kind, vk)].append(key)
    # 'Church of Rome' and 'Roman Catholic Church' (key 'church of rom ~catholic'): a name
    # without the middle word joins the one with it, when only one middle word is named
    middles: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for kind, vk in by_key:
        if " ~" in vk:
            middles[(kind, vk.split(" ~")[0])].append((kind, vk))
    for bare, worded in middles.items():
        if len(worded) == 1 and bare in by_key:
            by_key[worded[0]] += by_key.pop(bare)
    for same in by_key.values():
        same = sorted((k for k in dict.fromkeys(same) if k in groups), key=lambda k: -len(groups[k]))
        for other in same[1:]:
            _merge(groups, same[0], other)
            kinds.pop(other, None)


def _merge_described_measures(groups: dict[str, list[int]], kinds: dict[str, str | None],
                              mentions: list[Mention]) -> None:
    """'the plan of evacuation' and 'plans for evacuating the capital': a measure described
    in two common words or more joins the one longer description of the same head whose
    words, stemmed, hold all of its own (none when two such descriptions differ)."""
    stems = {k: described_stems(mentions[idx[0]].text) for k, idx in groups.items()
             if kinds.get(k) == "POLICY" and idx}
    stems = {k: v for k, v in stems.items() if v is not None}
    for key in sorted(stems, key=lambda k: len(stems[k][1])):
        if key not in groups:
            continue
        head, words = stems[key]
        if len(words) < 2:
            continue  # (one word stemmed says too little: 'autonomisation' is no 'regional autonomy')
        longer = [k for k, (h, w) in stems.items() if k != key and k in groups and h == head and words < w]
        if len(longer) == 1:
            _merge(groups, longer[0], key)
            kinds.pop(key, None)


def _merge_leaders_bodies(groups: dict[str, list[int]], kinds: dict[str, str | None],
                          place_words: set[str]) -> None:
    """'the Asquith Government', 'the Aberdeen Cabinet': a body named after the man who
    led it is the body of that head noun the text speaks of most ('the Government', 'the
    Coalition Government'), not one named after another man or a place."""
    people = [k for k in groups if kinds.get(k) == "PERSON"]

    def named_after(key: str) -> bool:
        return any(key.startswith(p + " ") for p in people) or key.split()[0] in {p.split()[-1] for p in people}

    for key in list(groups):
        words = key.split()
        if key not in groups or kinds.get(key) != "BODY" or not any(key == p + " " + words[-1] for p in people) \
                and not (len(words) == 2 and named_after(key)):
            continue
        others = [k for k in groups if k != key and kinds.get(k) == "BODY" and _content(k)[0] == words[-1]
                  and not named_after(k) and not set(k.split()) & place_words]
        counts = sorted(((len(groups[k]), k) for k in others), reverse=True)
        if len(counts) == 1 or len(counts) > 1 and counts[0][0] > counts[1][0]:
            _merge(groups, counts[0][1], key)
            kinds.pop(key, None)


def _attach_short_event_names(groups: dict[str, list[int]], kinds: dict[str, str | None],
                              mentions: list[Mention]) -> None:
    """'The Party Congress, starting on 8 March' after 'the Tenth Party Congress': a short
    name of a kind of event refers to the last event of that name mentioned before it.
    Each mention goes its own way (the Tenth, later the Eleventh Congress); one with no
    such event before it keeps its own entity. Only an event its name tells apart as one of a
    series (a number, its people or land) or that the text names in full more than once: one
    'Social Revolution' hoped for does not take every 'the Revolution' after it."""
    places = [k for k in groups if kinds.get(k) == "PLACE" and " " not in k]

    def instance(k: str) -> bool:
        extra = k.split()[:-1]
        return sum(translit_key(mentions[i].text) == k for i in groups[k]) > 1 or any(
            w in ORDINALS or w.isdigit() or any(p.startswith(root(w)) for p in places) for w in extra)

    for key in list(groups):
        if key not in groups or kinds.get(key) not in ("BODY", "EVENT") or len(key.split()) > 2:
            continue
        targets = [k for k in groups if k != key and kinds.get(k) == "EVENT"
                   and len(k.split()) > len(key.split()) and k.endswith(" " + key) and instance(k)]
        if not targets:
            continue
        starts = sorted((mentions[i].start, k) for k in targets for i in groups[k])
        keep = []
        for i in groups[key]:
            before = [k for st, k in starts if st < mentions[i].start]
            if before:
                groups[before[-1]].append(i)
            else:
                keep.append(i)
        if keep:
            groups[key] = keep
        else:
            groups.pop(key)
            kinds.pop(key, None)


def one_letter_apart(a: str, b: str) -> bool:
    """One letter changed, dropped or added: 'bruilov' and 'brusilov', 'petrov' and 'petrof'."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _merge_misprints(groups: dict[str, list[int]], kinds: dict[str, str | None]) -> None:
    """A surname printed once or twice with one letter wrong ('Bruilov' among many 'Brusilov's)
    is that man: one word of six letters or more, the same first letter and ending, beside a
    name the text uses three times as often (two rare names a letter apart may be two men,
    Megacles and Megakles). Not a woman's form of the name ('Kamenev', 'Kameneva')."""
    people = {k: k.split()[-1] for k in groups if kinds.get(k) == "PERSON"}
    for key in sorted(people, key=lambda k: len(groups[k])):
        if key not in groups or len(key.split()) != 1 or len(key) < 6 or len(groups[key]) > 2:
            continue
        near = [k for k, last in people.items() if k != key and k in groups and len(groups[k]) >= 3 * len(groups[key])
                and one_letter_apart(key, last) and last[0] == key[0] and last[-2:] == key[-2:]]
        # 'Kropotkin' and 'Krapotkin': a transliterated surname whose vowels waver, however rare
        # (a consonant apart may be two men: Megacles, Megakles)
        near = near or [k for k in people if k != key and k in groups and len(k.split()) == 1 and len(groups[k])
                        >= len(groups[key]) and vowel_apart(key, k) and PERSON_SHAPE.search(k)]
        if len(near) == 1:
            _merge(groups, near[0], key)
            kinds.pop(key, None)


def vowel_apart(a: str, b: str) -> bool:
    """One vowel for another inside a word, its first two and last two letters alike."""
    if len(a) != len(b) or len(a) < 7 or a[:2] != b[:2] or a[-2:] != b[-2:]:
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diff) == 1 and diff[0][0] in "aeiou" and diff[0][1] in "aeiou"


def syllabic(short: str, words: list[str]) -> bool:
    """'agitprop' is made of the first syllables of 'agitation' and 'propaganda'
    ('comintern': communist international); each piece at least three letters."""
    if not words:
        return not short
    w = words[0]
    for k in range(min(len(w), len(short)), 2, -1):
        if short.startswith(w[:k]) and syllabic(short[k:], words[1:]):
            return True
    return False


def _merge_syllabic(groups: dict[str, list[int]], kinds: dict[str, str | None]) -> None:
    """'Agitprop Department' = 'Department of Agitation and Propaganda'; 'Comintern' =
    'Communist International': a word built from the syllables of another name's words."""
    for key in list(groups):
        kind = kinds.get(key)
        if key not in groups or kind in (None, "PERSON", "PLACE"):
            continue
        head, words = _content(key)
        short = [w for w in words if w != head] if len(words) > 1 else list(words)
        if len(short) != 1 or len(short[0]) < 6:
            continue
        for k2 in list(groups):
            h2, w2 = _content(k2)
            if k2 == key or kinds.get(k2) != kind or (len(words) > 1 and h2 != head):
                continue
            rest = [w for w in k2.split() if w in w2 and (w != h2 or len(words) == 1)]
            if len(rest) >= 2 and syllabic(short[0], rest):
                _merge(groups, k2, key)
                kinds.pop(key, None)
                break


def _gloss(text: str, a: Mention, b: Mention, kind_a: str | None, kind_b: str | None) -> bool:
    """'Iskra (The Spark)', 'Vorwärts (Forward)': a foreign name and, in brackets right
    after it, nothing but its translation. Not a place in brackets ('La Cloche (Lyons)',
    where it is published) nor a place glossed ('Spa (Army Headquarters)',
    what is there)."""
    if "PLACE" in (kind_a, kind_b) or b.text.isupper() or not b.text[:1].isupper() or norm(b.text) in gazetteer():
        return False
    return text[a.end:a.end + 1] == " " and re.fullmatch(r"\((?:The\s+)?", text[a.end + 1:b.start]) is not None \
        and text[b.end:b.end + 1] == ")" and translit_key(a.text) != translit_key(b.text)


def _merge_acronyms(d: Document, groups: dict[str, list[int]], kinds: dict[str, str | None]) -> None:
    """'the New Economic Policy (or NEP)', 'Workers’ and Peasants’ Inspectorate (or Rabkrin)':
    a name in brackets right after another is the same entity."""
    text = d.text
    key_of = {}
    for key, idx in groups.items():
        for i in idx:
            key_of[i] = key
    ms = d.mentions
    for i in range(len(ms) - 1):
        a, b = ms[i], ms[i + 1]
        between = text[a.end:b.start]
        ka, kb = key_of.get(i), key_of.get(i + 1)
        if not ka or not kb or ka not in groups or kb not in groups:
            continue
        glossed = _gloss(text, a, b, kinds.get(ka), kinds.get(kb))
        if not glossed and not re.fullmatch(r"\s*\(\s*(or\s+|i\.e\.\s+|known as\s+)?", between):
            continue
        if not text[b.end:b.end + 2].lstrip().startswith(")"):
            continue
        if glossed and kinds.get(ka) == "PERSON":
            kinds[ka] = "BODY"  # a name that is translated is no person's: a paper, a body
        if ka == kb:
            continue  # (the apposition already joined them)
        is_acronym = b.text.isupper() and initials(a.text).upper().startswith(b.text[:1])
        if is_acronym or "or" in between or glossed:
            # 'the first Siezd (Congress)' and then 'the Congress' throughout: the name the text
            # goes on using keeps the key, which later rules read ('the Congress of ...')
            keep, drop = (kb, ka) if glossed and len(groups[kb]) > len(groups[ka]) else (ka, kb)
            kinds[keep] = kinds.get(keep) or kinds.get(drop)
            if glossed and kinds[keep] == "PERSON":
                kinds[keep] = "BODY"
            _merge(groups, keep, drop)
            kinds.pop(drop, None)
            for j in list(key_of):
                if key_of[j] == drop:
                    key_of[j] = keep



RENAMING_ADVERBS = entity_words().entities.renaming_adverbs
NAMING_PARTICIPLES = entity_words().entities.naming_participles
#: what stands between a name and the name it bore at another time: ', now', ' (later called',
#: also after a gloss in plain words ('Lutetia or Lucotecia, now Paris')
RENAMED = re.compile(r"(?:\s+or\s+[^,;:.()]{1,40})?\s*(?:,|\()\s*(?:" + "|".join(sorted(RENAMING_ADVERBS))
                     + r")(?:\s+(?:" + "|".join(sorted(NAMING_PARTICIPLES)) + r"))?\s+")


def _merge_renamings(d: Document, groups: dict[str, list[int]], kinds: dict[str, str | None]) -> None:
    """'Byzantium, now Istanbul', 'Christiania (later Oslo)': a name and, right after it, the
    name the same place or body bore at another time are one entity (of one kind, or one of
    them a place); the name the text uses more keeps the key."""
    key_of = {i: key for key, idx in groups.items() for i in idx}
    ms, text = d.mentions, d.text
    order = sorted(key_of, key=lambda j: (ms[j].start, -ms[j].end))
    # (a name between them is the plain gloss's: 'or Lucotecia')
    pairs = [(order[k - back], order[k]) for k in range(len(order)) for back in (1, 2) if k - back >= 0]
    for i, j in pairs:
        a, b = ms[i], ms[j]
        ka, kb = key_of.get(i), key_of.get(j)
        if not ka or not kb or ka == kb or ka not in groups or kb not in groups:
            continue
        if RENAMED.fullmatch(text[a.end:b.start]) is None or text[b.end:b.end + 1] not in (",", ".", ";", ")", ""):
            continue
        if kinds.get(ka) != kinds.get(kb) and "PLACE" not in (kinds.get(ka), kinds.get(kb)):
            continue
        keep, drop = (ka, kb) if len(groups[ka]) >= len(groups[kb]) else (kb, ka)
        _merge(groups, keep, drop)
        kinds.pop(drop, None)
        key_of = {j: (keep if k == drop else k) for j, k in key_of.items()}


def _merge_national_forms(groups: dict[str, list[int]], kinds: dict[str, str | None],
                          mentions: list[Mention]) -> None:
    """'the American Constitution' and 'the Constitution of the United States', once the text
    has made 'America' and 'the United States' one land: a name after a people's adjective
    is the one name of its head 'of' any name of that land (``variants`` compares the
    words; this compares the land's entity)."""
    land_of: dict[str, str] = {}
    for key, idx in groups.items():
        if kinds.get(key) == "PLACE":
            for i in idx:
                land_of.setdefault(translit_key(mentions[i].text), key)
    for key in list(groups):
        words = key.split()
        if key not in groups or len(words) != 2 or kinds.get(key) not in KEYED_KINDS or kinds.get(key) == "PLACE":
            continue
        stem = root(words[0])
        lands = {land for name, land in land_of.items() if len(stem) >= 4 and name.startswith(stem)
                 and " " not in name and words[0] != name}
        if len(lands) != 1:
            continue
        (land,) = lands
        found = []
        for k2 in groups:
            w2 = k2.split()
            if k2 == key or kinds.get(k2) != kinds.get(key) or w2[:2] != [words[1], "of"]:
                continue
            rest = " ".join(w2[3:] if w2[2:3] == ["the"] else w2[2:])
            if land_of.get(rest) == land:
                found.append(k2)
        if len(found) == 1:
            _merge(groups, found[0], key)
            kinds.pop(key, None)


FELLOWSHIP_HEADS = {translit_key(w) for w in entity_words().entities.fellowship_heads}  # (keys are folded)


def _merge_fellowships(doc: Doc, groups: dict[str, list[int]], kinds: dict[str, str | None],
                       mentions: list[Mention]) -> None:
    """'the Society of the Friends' and then 'the Friends': a society, order or club named after
    what its members are called is that name said with its 'the' alone (every mention of
    it), whatever kind the name took on its own (a town of that name is no 'the X')."""
    for key in list(groups):
        words = key.split()
        if key not in groups or kinds.get(key) != "BODY" or len(words) < 4 or words[0] not in FELLOWSHIP_HEADS \
                or words[1:3] != ["of", "the"]:
            continue
        members = " ".join(words[3:])
        if members not in groups or kinds.get(members) == "PERSON" or not groups[members]:
            continue
        if all(mentions[i].tokens[0] > 0 and doc[mentions[i].tokens[0] - 1].lower_ == "the" for i in groups[members]):
            _merge(groups, key, members)
            kinds.pop(members, None)


DASHES = ("--", "—", " -- ", " — ")


def _cognate(a: str, b: str) -> bool:
    """'Comitieti' and 'Committees', 'Komissariat' and 'Commissariat': a transliterated word
    and its translation that open alike once folded (four letters, hard c as k)."""
    fa, fb = (translit_key(w).replace("k", "c") for w in (a, b))
    return len(fa) >= 5 and len(fb) >= 5 and fa[:4] == fb[:4] and fa != fb


def _merge_dash_glosses(d: Document, groups: dict[str, list[int]], kinds: dict[str, str | None]) -> None:
    """'the Narodny Komissariat--People's Commissariat; ...': a transliterated name glossed after
    a dash by its translation is one entity with it (the two heads are cognates; names set side
    by side otherwise, 'Paris--Lyons', are not)."""
    key_of = {i: key for key, idx in groups.items() for i in idx}
    ms, text = d.mentions, d.text
    order = sorted(key_of, key=lambda j: (ms[j].start, -ms[j].end))
    for i, j in zip(order, order[1:], strict=False):
        a, b = ms[i], ms[j]
        ka, kb = key_of[i], key_of[j]
        if ka == kb or ka not in groups or kb not in groups or text[a.end:b.start] not in DASHES \
                or text[b.end:b.end + 1] not in (",", ".", ";", ")", ""):
            continue
        if kinds.get(ka) != kinds.get(kb) or not a.text.split() or not b.text.split() \
                or not _cognate(a.text.split()[-1], b.text.split()[-1]):
            continue
        keep, drop = (kb, ka) if len(groups[kb]) >= len(groups[ka]) else (ka, kb)
        _merge(groups, keep, drop)
        kinds.pop(drop, None)
        key_of = {m: (keep if k == drop else k) for m, k in key_of.items()}


def _merge_placed_names(d: Document, groups: dict[str, list[int]], kinds: dict[str, str | None]) -> None:
    """'the Imperial Diet at Worms' and later 'the Worms Diet': a meeting or a body named with
    the town it sits in after 'in' or 'at' is the one named by that town before its head noun
    (of one kind; the town stays a place)."""
    key_of = {i: key for key, idx in groups.items() for i in idx}
    ms, text = d.mentions, d.text
    order = sorted(key_of, key=lambda j: (ms[j].start, -ms[j].end))
    for i, j in zip(order, order[1:], strict=False):
        ka, kb = key_of[i], key_of[j]
        if ka not in groups or kb not in groups or kinds.get(ka) not in ("EVENT", "BODY") \
                or kinds.get(kb) != "PLACE" or re.fullmatch(r"\s+(?:in|at)\s+", text[ms[i].end:ms[j].start]) is None:
            continue
        placed = f"{translit_key(ms[j].text)} {ka.split()[-1]}"
        if placed in groups and placed != ka and kinds.get(placed) == kinds.get(ka):
            keep, drop = (ka, placed) if len(groups[ka]) >= len(groups[placed]) else (placed, ka)
            _merge(groups, keep, drop)
            kinds.pop(drop, None)
            key_of = {m: (keep if k == drop else k) for m, k in key_of.items()}

