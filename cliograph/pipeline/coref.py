"""Resolve personal pronouns to the people (and groups) they stand for.

Salience after Lappin and Leass (1994): a phrase weighs by its role, by not being
embedded or adverbial and by standing in a main clause, halved per sentence back (three
at most). Candidates are classes: an entity sums, per sentence, the best weight of its
names and of the pronouns already resolved to it. Phrases that are no entity compete
too ('the people', 'a physician', 'his wife'); when one wins the pronoun stays
unresolved. 'The King' (an office) stands for the last person named with that title.
Filters: gender, number ('they' takes a plural name, 'X and Y', or a body named in the
singular close by), quotations (never into or out of them), binding (an object pronoun
is not its verb's subject; in 'He told Maria that Stalin...' he is not Stalin).
Binding reaches through the verb's object ('X proposed honours to him': not X), and a name
in a clause coordinated after the pronoun may be its own. A clause opened by 'when' is
subordinate however the parse attaches it. 'She' goes to a woman a title or kin noun marks,
when one is near, before a name that says nothing of its gender.
Preferences: an apposition to a name or 'X and his Y' is X; else the nearest subject
above the pronoun ('Pinckney, keen to defend his...'); parallel roles. Reflexives take
their clause's subject. 'They' for 'X and Y' is X: a pronoun holds one entity.
A people named in the plural ('the Venetians', a PLACE entity) is a group for 'they';
a city or country named alone is 'she' when no woman fits ('Venice ... her galleys').
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..model import Mention
from ..rules import lexicon, limits
from ..rules.words import entity_words
from .document import Document
from .relations import frames

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
PRONOUNS = MALE | FEMALE | PLURAL
WINDOW = limits().sentences_back.pronoun
C_COMMAND = limits().pronoun_scores.c_command  # bonus for the nearest subject above the pronoun
RULE = limits().pronoun_scores.rule  # apposition, 'X and his Y'
GROUP_KINDS = ("FACTION", "BODY")
SUBJ = ("nsubj", "nsubjpass")
OBJ = ("dobj", "dative", "attr", "oprd")
EMBEDDED = ("poss", "compound", "appos", "conj", "nmod", "npadvmod")
CLAUSES = ("advcl", "ccomp", "relcl", "acl", "csubj", "pcomp", "xcomp", "parataxis")
RELATIVE = ("who", "which", "that")
NOMINAL = ("NOUN", "PROPN", "PRON")
OBLIQUE = ("to", "with", "against", "for", "from", "about", "upon")  # argument, not adverbial
INDEFINITE = {"a", "an", "one", "another", "some", "any", "his", "her", "their", "my", "our"}
PERSON_NOUNS = entity_words().coref.person_nouns
GROUP_NOUNS = entity_words().coref.group_nouns
QUANTIFIERS = {"each", "all", "both", "many", "most", "some", "several", "few", "none", "either",
               "neither"}
ANIMATE_ENDINGS = ("ist", "ian", "ite", "ant", "eer", "ary", "ent")

Key = int | tuple[str, int]  # an entity index, or ('n', token) for a phrase that is no entity


@dataclass
class Ref:
    key: Key
    i: int
    sent: int
    weight: float
    role: str
    plural: bool
    quote: int | None
    gender: str = ""
    person: bool = True
    member: bool = False  # one of 'X and Y': not 'he', except in 'X and his Y'
    land: bool = False  # a city or country: 'she' when no woman is near ('Athens ... her navy')
    main: bool = True  # in the sentence's main clause (parallel roles are at one level)


def entity_genders(d: Document) -> dict[int, str]:
    """Gender from the words next to an entity's mentions (titles, kin nouns)."""
    lex = lexicon()
    out = {}
    for ei, ent in enumerate(d.entities):
        if ent.kind != "PERSON":
            continue
        f = m = 0
        for mi in ent.mentions:
            s, e = d.mentions[mi].tokens
            # the word right before the name ('his wife Nadya', 'Queen Anne') or inside it
            words = [t.lower_ for t in d.doc[max(0, s - 1):e]]
            f += sum(w in lex.female_words and w not in FEMALE for w in words)
            m += sum(w in lex.male_words and w not in MALE for w in words)
        out[ei] = "female" if f > m else "male" if m > f else ""
    return out


def _role(t: Token) -> str:
    dep = t.dep_
    return "subj" if dep in SUBJ else "obj" if dep in OBJ else "obl" if dep == "pobj" else "other"


def _weight(t: Token) -> float:
    """Lappin-Leass salience of the phrase headed by ``t``, in its own sentence."""
    while t.dep_ in ("conj", "appos") or _share(t):
        t = t.head.head if _share(t) else t.head  # 'Cato and Flaccus', 'two of the censors,
        # Cato...' weigh as their head; in 'each of the States was', the States are the subject
    dep, head = t.dep_, t.head
    w = 100.0 + {"nsubj": 80, "nsubjpass": 80, "dobj": 50, "attr": 50, "dative": 40}.get(dep, 0)
    oblique = dep == "pobj" and head.head.pos_ in ("VERB", "AUX") and head.lower_ in OBLIQUE
    w += 70 if dep == "pobj" and head.dep_ == "agent" else 40 if oblique else 0  # 'by', 'wrote to'
    w += 0.5 * {"nsubj": 80, "nsubjpass": 80, "dobj": 50}.get(head.dep_, 0) if dep == "poss" else 0
    if dep not in EMBEDDED and not (dep == "pobj" and head.head.pos_ in NOMINAL):
        w += 80  # head noun emphasis
    if oblique or not (dep == "pobj" and head.head.pos_ in ("VERB", "AUX")):
        w += 50  # not in an adverbial phrase
    return w + (40 if _main(t) else 0)  # main clause


def _main(t: Token) -> bool:
    """In the sentence's main clause, under no subordinate one."""
    return not any(_subordinate(a) for a in t.ancestors)


def _subordinate(v: Token) -> bool:
    """A clause below another: by its relation, or by its conjunction where the parse
    coordinates it ('...; and when Cicero had proposed honours, others made him odious')."""
    return v.dep_ in CLAUSES or v.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "mark" or c.dep_ == "advmod" and c.tag_ == "WRB" and c.i < v.i for c in v.children)


def _share(t: Token) -> bool:
    """'each of the States', 'many of the barons': the group is what the quantifier counts."""
    return t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in QUANTIFIERS


def _plural_name(t: Token) -> bool:
    """'the Girondins', 'the Bolsheviki', 'Socialist Revolutionaries' (not 'Brutus', 'Congress')."""
    low, the = t.lower_, t.i > 0 and t.nbor(-1).lower_ == "the"
    ending = low.endswith(("s", "i")) and not low.endswith(("ss", "us"))
    return t.tag_ in ("NNS", "NNPS") or the and ending


def _people(t: Token) -> bool:
    """A place named by its people ('the Athenians', 'the Venetians'): they act, and the
    text goes on with 'they' for them, though the entity is the city or country."""
    return _plural_name(t) and (t.ent_type_ == "NORP" or t.lower_.endswith(("ians", "ans", "ese")))


def _subject(v: Token) -> Token | None:
    """A verb's subject, through coordination ('did not approach him, but was kept'), control
    ('had to deal with him', 'persuaded Trotski to support him') and 'who' ('Stalin who...')."""
    return frames.subject(v)


def _candidates(d: Document, genders: dict[int, str], quotes: list[tuple[int, int]]) -> list[Ref]:
    """Named people and groups, coordinations of them, and the phrases that are no entity."""
    doc, lex, ents, refs, named = d.doc, lexicon(), d.entities, [], set()

    def add(key: Key, t: Token, plural: bool, **kw) -> None:
        q = next((k for k, (s, e) in enumerate(quotes) if s <= t.idx < e), None)
        refs.append(Ref(key, t.i, d.sent_index(t), _weight(t), _role(t), plural, q, **kw,
                        main=_main(t)))

    def kind(m: Mention) -> str | None:
        return ents[m.entity].kind if m.entity is not None else None

    for m in d.mentions:
        if kind(m) not in ("PERSON", *GROUP_KINDS, "PLACE") or m.tokens[0] in named:
            continue
        t = doc[m.tokens[0]:m.tokens[1]].root
        if kind(m) == "PLACE" and not _people(t):
            if t.pos_ == "PROPN" and t.tag_ == "NNP" and t.dep_ in (*SUBJ, *OBJ, "pobj"):
                add(m.entity, t, False, person=False, gender="female", land=True)
            continue  # a city: 'she' or 'her' at most ('Venice ... her fleet')
        named.update(range(*m.tokens))
        listed, all_named = t.dep_ != "conj", all(c.i in d.token_mention for c in t.conjuncts)
        if t.conjuncts and listed and not all_named:
            if kind(m) != "PERSON":  # 'their' in 'the Athenians and their allies' only
                add(m.entity, t, True, person=False, member=True)
            add(("n", t.i), t, True)  # 'the Primate and four other bishops'
        if kind(m) == "PERSON" and not _plural_name(t):
            if t.conjuncts and listed and all_named:
                add(m.entity, t, True)  # 'they' for 'X and Y' is X
            add(m.entity, t, False, gender=genders.get(m.entity, ""), member=bool(t.conjuncts))
        elif all_named:
            add(m.entity, t, _plural_name(t), person=False)
    kin = set(lex.kin_roles)
    person = PERSON_NOUNS | kin | lex.female_words | lex.male_words
    groups = {e: {n.lower() for n in (ent.name, *ent.aliases)}
              for e, ent in enumerate(ents) if ent.kind in GROUP_KINDS}
    offices = {m.tokens[0] for m in d.mentions if m.tokens[1] - m.tokens[0] == 1
               and kind(m) == "OFFICE"}
    # 'the King' (an office) after 'King Charles the Second': the last one named with the title
    titled = [(m.tokens[0], doc[j].lower_, m.entity) for m in d.mentions if kind(m) == "PERSON"
              for j in range(max(0, m.tokens[0] - 1), m.tokens[1])]
    for t in doc:
        if t.i in named or t.pos_ not in NOMINAL or t.dep_ in ("compound", "amod"):
            continue
        low, lemma, plural = t.lower_, t.lemma_.lower(), t.tag_ in ("NNS", "NNPS")
        near = {t.head.i, (_subject(t.head) or t).i} if t.dep_ in ("conj", "appos", "attr") \
            else set()
        if named & near:
            continue  # 'Kameniev, a little man', 'X and other cities', 'X was a man of parts'
        # 'the members of the Convention', 'the Georgian communist leaders' stand for the group
        of = [o for p in t.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        of = [d.mentions[d.token_mention[o.i]] for o in [*of, *t.lefts] if o.i in d.token_mention]
        mods = " ".join(c.lower_ for c in t.lefts if c.dep_ in ("compound", "amod"))
        group = next((e for e, ns in groups.items() if mods and ns & {mods + "s", mods + "i"}),
                     of[0].entity if of and kind(of[0]) in GROUP_KINDS else None)
        animate = t.pos_ == "PROPN" or lemma in PERSON_NOUNS or lemma in GROUP_NOUNS or lemma in kin or (
            lemma.endswith(ANIMATE_ENDINGS) and not lemma.endswith("ment")
        ) or group is not None or bool(of) and kind(of[0]) == "PERSON"
        coord = t.dep_ != "conj" and any(c.i in named for c in t.conjuncts)
        people = t.ent_type_ in ("NORP", "LANGUAGE") and t.pos_ == "PROPN" \
            and doc[t.i - 1].lower_ == "the"
        if coord or people or low in ("those", "these") or (
                plural and animate and t.dep_ in (*SUBJ, *OBJ, "pobj")):
            add(group if group is not None and plural and not coord else ("n", t.i), t, True,
                person=False)
        elif low in ("someone", "somebody", "anyone") or low in person | lex.person_titles and (
                t.i in offices or t.pos_ == "NOUN" and any(
                    c.dep_ in ("det", "poss") and c.lower_ in INDEFINITE for c in t.children)):
            holder = [e for i, w, e in titled if i < t.i and w == low] if t.i in offices else []
            g = "female" if low in lex.female_words else "male" if low in lex.male_words else ""
            add(holder[-1] if holder else ("n", t.i), t, False, gender=g)  # 'a physician'
    return sorted(refs, key=lambda r: r.i)


HELD_TITLES = lexicon().held_titles
TITLE_RULE = "coref.title_holder.v1"


def titles_to_holders(d: Document) -> None:
    """'The King was in great pain', after 'King Henry the Eighth': a title used alone,
    with 'the', stands for the person the text has named with that title and spoke of last
    (in the last few sentences; or the only one it has given that title so far), not for
    the post. The relations then see that person there; the office keeps its own mention,
    so the post is still an entity. A reign changes hands in the narrative: 'the new King'
    is the man named near it whom the text gives that title elsewhere, and from there on
    'the King' is he, and 'the late King' the one he replaced. A title no one near bears
    stays the office."""
    doc = d.doc
    holders: dict[str, set[int]] = {}
    since: dict[tuple[str, int], int] = {}  # (title, person) -> token where the text first gave it
    for m in d.mentions:
        if m.entity is None or d.entities[m.entity].kind != "PERSON":
            continue
        s, e = m.tokens
        words = [t.lower_ for t in doc[s:e]]
        if s > 0 and doc[s - 1].text[:1].isupper() and doc[s - 1].lower_ in HELD_TITLES:
            words.append(doc[s - 1].lower_)  # 'King' split off before 'Henry'
        for w in set(words) & HELD_TITLES:
            holders.setdefault(w, set()).add(m.entity)
            since[w, m.entity] = min(since.get((w, m.entity), s), s)
    seen = sorted((m.tokens[0], m.entity) for m in d.mentions
                  if m.entity is not None and d.entities[m.entity].kind == "PERSON")
    replaced: dict[str, list[int]] = {}  # title -> holders a successor replaced, in order
    for mi in sorted(range(len(d.mentions)), key=lambda k: d.mentions[k].tokens):  # text order
        m = d.mentions[mi]
        s, e = m.tokens
        if e - s != 1 or s == 0 or m.entity is not None and d.entities[m.entity].kind != "OFFICE":
            continue  # (a bare 'the Duke' has no entity of its own: it is someone the passage knows)
        tok = doc[s]
        word = tok.lower_
        mod = next((c.lower_ for c in tok.children if c.lower_ in SUCCESSION and c.i == s - 1), "")
        det = s - 1 - bool(mod)
        if word not in holders or det < 0 or doc[det].lower_ != "the" or d.token_mention.get(s) != mi:
            continue
        gone = replaced.setdefault(word, [])
        before = [p for p in holders[word] if since[word, p] < s and p not in gone]
        recent = [(i, p) for i, p in seen if i < s and p in before
                  and d.sent_index(tok) - d.sent_index(doc[i]) <= TITLE_WINDOW]
        if mod in SUCCESSOR:
            person = _successor(d, tok, holders[word], set(before) | set(gone), seen)
            if person is None:
                continue
            gone += [p for p in before if p != person]
            since[word, person] = min(since[word, person], s)  # he bears the title from here
        elif mod in PREDECESSOR and gone:
            person = gone[-1]
        elif mod:
            continue
        elif len(before) == 1:
            person = before[0]  # the only one the text has given that title so far
        elif recent:
            person = recent[-1][1]
        else:
            continue
        d.mentions.append(Mention(m.start, m.end, m.text, "PERSON", TITLE_RULE, entity=person, tokens=(s, e)))
        d.token_mention[s] = len(d.mentions) - 1
        d.entities[person].mentions.append(len(d.mentions) - 1)


def _successor(d: Document, tok: Token, titled: set[int], holders: set[int],
               seen: list[tuple[int, int]]) -> int | None:
    """'When all was over, James retired ... The new King came forth': the person nearest
    the title (back, then forward, a few sentences at most) whom the text gives the title
    somewhere and who did not hold it so far."""
    si = d.sent_index(tok)
    near = [(i, p) for i, p in seen if p in titled and p not in holders
            and abs(d.sent_index(d.doc[i]) - si) <= TITLE_WINDOW]
    back = [p for i, p in near if i < tok.i]
    ahead = [p for i, p in near if i > tok.i]
    return back[-1] if back else ahead[0] if ahead else None


SUCCESSION = entity_words().coref.succession
SUCCESSOR = entity_words().coref.successor
PREDECESSOR = entity_words().coref.predecessor
TITLE_WINDOW = limits().sentences_back.title_holder


def resolve(d: Document) -> None:
    """Fill ``d.pronoun_entity`` (after 'the King' is given to the king the text named)."""
    titles_to_holders(d)
    quotes = [(q.start, q.end) for q in d.quotations]
    genders = entity_genders(d)
    pending = _candidates(d, genders, quotes)
    key_of: dict[int, Key] = {r.i: r.key for r in pending}
    active: list[Ref] = []
    for tok in d.doc:
        while pending and pending[0].i < tok.i:
            active.append(pending.pop(0))
        low = tok.lower_
        if low not in PRONOUNS or tok.pos_ != "PRON" and tok.tag_ not in ("PRP", "PRP$"):
            continue
        # candidates further back than the window fit no pronoun from here on: kept, the
        # search would grow with the length of the document
        si = d.sent_index(tok)
        if active and si - active[0].sent > WINDOW:
            active[:] = [r for r in active if si - r.sent <= WINDOW]
        q = next((k for k, (s, e) in enumerate(quotes) if s <= tok.idx < e), None)
        gender = "male" if low in MALE else "female" if low in FEMALE else ""
        # a reflexive is its clause's subject: 'the English themselves', 'among themselves'
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        bound = tok.head if verb.pos_ in NOMINAL else _subject(verb)
        if bound is not None and bound.lower_ in RELATIVE and bound.head.dep_ == "relcl":
            bound = bound.head.head  # 'the person who himself had argued'
        if (low.endswith(("self", "selves")) or tok.dep_ == "appos") and bound not in (None, tok):
            key = key_of.get(bound.i, ("n", tok.i))
            reason = f"bound to '{bound.text}', which names no person or group"
        else:
            found = _best(d, tok, q, gender, active, key_of, genders)
            key = found if isinstance(found, int) else ("n", tok.i)
            reason = "no person or group agreeing in gender and number in the last three sentences" \
                if found is None else f"stands for '{d.doc[found[1]].text}', which names no entity" \
                if isinstance(found, tuple) else ""
        if isinstance(key, int):
            d.pronoun_entity[tok.i] = key
            genders[key] = genders.get(key) or gender
        else:
            d.pronoun_unknown[tok.i] = reason
        key_of[tok.i] = key
        active.append(Ref(key, tok.i, d.sent_index(tok), _weight(tok), _role(tok), low in PLURAL, q,
                          gender, main=_main(tok)))


def _own_clause(v: Token) -> list[Token]:
    """The words of ``v``'s clause and of the clauses below it, without the clauses
    coordinated with it or relative clauses after it ('He set them up, on which Cicero said
    that Caesar...'): a name there may well be the pronoun's own."""
    out, todo = [], [v]
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if not (
            c.dep_ in ("conj", "parataxis") and c.pos_ in ("VERB", "AUX") or c.i > v.i and (
                c.dep_ == "relcl" or c.dep_ == "advcl" and any(  # 'on which X said'
                    w.tag_ in ("WDT", "WP") for w in c.subtree if w.i < c.i)))]
    return out


def _best(d: Document, pron: Token, q: int | None, gender: str, active: list[Ref],
          key_of: dict[int, Key], genders: dict[int, str]) -> Key | None:
    """The best candidate: an entity, a phrase that is no entity, or None when nothing fits."""
    plural, si = pron.lower_ in PLURAL, d.sent_index(pron)

    def fits(r: Ref) -> float:
        """1 when the candidate agrees with the pronoun, 0 when not, 0.3 for a singular body."""
        g = (genders.get(r.key, "") if isinstance(r.key, int) else "") or r.gender
        if r.quote != q or si - r.sent > WINDOW or r.key in banned or r.land and woman_near or (
                not plural and not r.person and not (r.land and gender == "female")):
            return 0.0
        if r.plural != plural:  # 'the Convention ... they voted', close by only
            body = plural and not r.person and r.role in ("subj", "obj")
            return 0.3 if body and si - r.sent <= 1 else 0.0
        unmarked = g == "" and r.person and woman_named  # a woman is near: 'she' is she
        return 0.0 if gender and g not in ("", gender) or unmarked or r.member and not (plural and r.person) \
            else 1.0

    def boost(i: int, w: float, member: bool = False) -> bool:
        """Add ``w`` to the class of the phrase at token ``i`` (a member of 'X and Y' for
        'X and his Y' only)."""
        for r in active:
            if r.i == i and r.key not in banned and (fits(r) == 1.0 or member and r.member and (
                    genders.get(r.key) or "") in ("", gender) and r.quote == q):
                scores[r.key] = scores.get(r.key, 0.0) + w
                return True
        return False

    # binding: 'him', 'her', 'them' are not the subject of their own verb ...
    banned: set[Key] = set()
    objective = pron.lower_ in ("him", "her", "them")
    verb = pron.head.head if pron.dep_ == "pobj" or pron.dep_ in SUBJ and objective else pron.head
    while pron.dep_ == "pobj" and verb.dep_ == "pobj" and verb.head.lower_ == "of" and verb.head.head.pos_ in NOMINAL:
        verb = verb.head.head  # 'a vote of thanks to him'
    if pron.dep_ == "pobj" and verb.dep_ == "dobj" and verb.pos_ in NOMINAL \
            and not any(c.dep_ == "poss" for c in verb.children):
        verb = verb.head  # 'X proposed honours to him': the verb's object holds the phrase
        # (not 'X found Y in disagreement with him': Y is the subject there)
    if pron.dep_ != "poss" and (pron.dep_ not in SUBJ or objective):  # 'arranged for him to...'
        subj = _subject(verb) if verb.pos_ in ("VERB", "AUX") else None
        if subj is not None and subj.i in key_of:
            banned.add(key_of[subj.i])
    # ... and no pronoun is a name its own clause goes on to use: 'He told Maria that Stalin was'
    if pron.dep_ != "poss":
        banned |= {d.mentions[d.token_mention[t.i]].entity for t in _own_clause(pron.head)
                   if t.i > pron.i and t.i in d.token_mention} - {None}
    woman_near = woman_named = False  # first asked with cities allowed: does any person fit 'she'?
    woman_near = gender == "female" and any(r.person and fits(r) for r in active)
    # the women of a history are marked ('the Duchess', 'his wife'); 'she' goes to one of
    # them before a name that says nothing of its gender ('Barillon ... paid her a visit')
    woman_named = gender == "female" and any(
        isinstance(r.key, int) and r.person and fits(r) and (genders.get(r.key) or r.gender) == "female"
        for r in active)
    per_sent: dict[tuple[Key, int], float] = {}
    last: dict[Key, Ref] = {}
    for r in active:
        f = fits(r)
        if f:
            w = f * r.weight * 0.5 ** (si - r.sent)
            per_sent[r.key, r.sent] = max(per_sent.get((r.key, r.sent), 0.0), w)
            last[r.key] = r
    role, main = _role(pron), _main(pron)
    # parallelism: the same role; a subject at the same level ('when X had come, Y ...' makes
    # Y, not X, the subject the next sentence's 'he' goes on with)
    scores: dict[Key, float] = {key: 35.0 if r.role == role and (role != "subj" or r.main == main) else 0.0
                                for key, r in last.items()}
    for (key, _), w in per_sent.items():
        scores[key] += w
    t = pron.head
    while t.pos_ not in ("VERB", "AUX") and t.dep_ not in ("appos", "ROOT"):
        t = t.head
    if t.dep_ == "appos" and boost(t.head.i, RULE):
        pass  # 'Washington, the father of his country'
    elif pron.dep_ == "poss" and pron.head.dep_ == "conj" and boost(pron.head.head.i, RULE, True):
        pass  # 'the Duchess of Portsmouth and her boy'
    else:
        for v in pron.head.ancestors if pron.dep_ in SUBJ else [pron.head, *pron.head.ancestors]:
            subj = _subject(v) if v.pos_ in ("VERB", "AUX") else None
            if subj is not None and subj.i < pron.i and boost(subj.i, C_COMMAND):
                break
    if not scores:
        return None
    # an entity, or the phrase that is no entity ('the people', 'a physician') which won
    return max(scores, key=lambda k: (scores[k], last[k].i if k in last else -1))
