"""Who did what to whom: the argument frame of every verb in a sentence.

One place knows the English constructions that move arguments around (passives with a
'by' agent, shared subjects of coordinated verbs, relative clauses whose 'who' stands
for the noun they modify, participles modifying a noun, control verbs), so that each
extractor only has to say which verbs and which kinds of argument it wants.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

RELATIVE = {"who", "whom", "which", "that"}


@dataclass
class Frame:
    verb: Token
    subjects: list[Token] = field(default_factory=list)
    """The doers (the 'by' agent of a passive)."""
    objects: list[Token] = field(default_factory=list)
    """The done-to (the subject of a passive)."""
    preps: dict[str, list[Token]] = field(default_factory=dict)
    """Preposition (or particle + preposition, 'out with') -> its objects."""
    passive: bool = False


def expand(tokens: list[Token]) -> list[Token]:
    """Each token with its coordinated tokens ('Molotov and Kuibyshev')."""
    out: list[Token] = []
    for t in tokens:
        for c in (t, *t.conjuncts):
            if c not in out:
                out.append(c)
    return out


def listed(tokens: list[Token]) -> list[Token]:
    """The items of a list the parser may have chained as conjuncts or appositions:
    'in the Politburo, the Orgburo, the People’s Commissariat ... and Rabkrin'."""
    out: list[Token] = []
    todo = list(tokens)
    while todo:
        t = todo.pop()
        if t in out:
            continue
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ in ("conj", "appos"))
    return out


def antecedent(tok: Token) -> Token:
    """'who' in a relative clause stands for the noun the clause modifies."""
    if tok.lower_ in RELATIVE:
        verb = tok.head
        while verb.dep_ not in ("relcl", "ROOT") and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ == "relcl":
            return verb.head
    return tok


def agents(verb: Token) -> list[Token]:
    """The 'by' agents of a passive verb with their conjuncts ('backed by Danton and
    Desmoulins'), whatever else the verb has."""
    return expand([o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"])


def subject(verb: Token) -> Token | None:
    """The one subject of a verb, active or passive, through coordination ('did not
    approach him, but was kept'), control ('had to deal with him'; 'persuaded Ney to
    attack': the object) and relative clauses ('Ney, who ...': the noun the clause
    modifies). The first in the parse's order when there are several."""
    while True:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and verb.dep_ == "xcomp":
            subj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        if subj is None and verb.dep_ in ("conj", "xcomp"):
            verb = verb.head
            continue
        if subj is not None and subj.lower_ in ("who", "which", "that") and subj.head.dep_ == "relcl":
            return subj.head.head
        return subj


VERBAL = ("VERB", "AUX")


def subject_tokens(verb: Token, deps: tuple[str, ...] = ("nsubj", "nsubjpass"),
                   through: tuple[str, ...] = ("conj", "xcomp", "advcl"), steps: int = 3,
                   verbal_heads: bool = False, noun_heads: bool = False) -> list[Token]:
    """The subjects (with their conjuncts) of the nearest clause up from ``verb`` that has
    one: a conjoined verb shares its subject ('was arrested and died in prison'), an
    infinitive or participle takes its governor's ('managed to stir the Congress').

    ``deps`` are the subject relations that count, ``through`` the links climbed, at most
    ``steps`` clauses; with ``verbal_heads`` only towards a verb, with ``noun_heads`` a
    participle modifying a noun is said of that noun ('a general wounded at Ligny')."""
    cur = verb
    for _ in range(steps):
        subs = [c for c in cur.children if c.dep_ in deps]
        if subs:
            return [t for s in subs for t in (s, *s.conjuncts)]
        if cur.dep_ in through and cur.head.i != cur.i and (not verbal_heads or cur.head.pos_ in VERBAL):
            if noun_heads and cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
                return [cur.head]
            cur = cur.head
            continue
        break
    return []


def _own_subjects(verb: Token) -> tuple[list[Token], bool, list[Token]]:
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    pas = [c for c in verb.children if c.dep_ in ("nsubjpass", "csubjpass")]
    agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    return subj, bool(pas), pas + agents


def frame_of(verb: Token) -> Frame:
    subj, passive, rest = _own_subjects(verb)
    passive = passive or verb.dep_ == "acl" and verb.tag_ == "VBN"  # 'The Girondins, led by Brissot'
    f = Frame(verb=verb, passive=passive)
    if passive:
        f.objects = [antecedent(t) for t in rest if t.dep_ in ("nsubjpass", "csubjpass")]
        f.subjects = [t for t in rest if t.dep_ == "pobj"]
    else:
        f.subjects = [antecedent(t) for t in subj]
        f.objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "attr", "oprd")]
    # 'Danton, who had been ..., quarrelled with Robespierre': the sentence's main verb
    # misparsed as hanging on its subject, the name left as the root
    if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ == "PROPN" and not f.subjects \
            and not any(c.dep_ == "agent" for c in verb.children):
        f.subjects = [verb.head]
    # 'Others in the Central Committee, led by Sokolnikov': a participle modifying a noun
    elif verb.dep_ == "acl" and verb.tag_ == "VBN" and not f.objects:
        f.objects = [verb.head]
    # shared subject of coordinated verbs: 'Stalin arranged things and sent supporters'
    head = verb
    while not f.subjects and head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
        hs, hpas, hrest = _own_subjects(head)
        f.subjects = [antecedent(t) for t in (hs if not hpas else [])]
    # control: 'Lenin enlisted Stalin to organise': the object does the organising;
    # 'Lenin wanted to abolish': the subject does
    if not f.subjects and verb.dep_ in ("xcomp", "advcl") and verb.head.i != verb.i:
        gov = verb.head
        gobj = [c for c in gov.children if c.dep_ == "dobj"]
        gsub, gpas, grest = _own_subjects(gov)
        if verb.dep_ == "xcomp" and gobj:
            f.subjects = gobj
        else:
            f.subjects = [antecedent(t) for t in gsub] if not gpas else [t for t in grest if t.dep_ == "pobj"]
    # 'Stalin had an important job ... to block the advance of the Trotskyists': the one
    # given the task does it
    if not f.subjects and verb.dep_ == "acl" and verb.tag_ == "VB" and verb.head.dep_ in ("dobj", "attr") \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        gsub, gpas, _ = _own_subjects(verb.head.head)
        f.subjects = [antecedent(t) for t in gsub] if not gpas else []
    for c in verb.children:
        if c.dep_ == "prep" or c.dep_ == "prt" and any(g.dep_ == "prep" for g in c.children):
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if c.dep_ == "prt":
                for g in c.children:
                    if g.dep_ == "prep":
                        f.preps.setdefault(c.lower_, []).extend(o for o in g.children if o.dep_ == "pobj")
            if objs:
                f.preps.setdefault(c.lower_, []).extend(objs)
        if c.dep_ == "prt":
            f.preps.setdefault(c.lower_, [])
    f.subjects = expand(f.subjects)
    f.objects = expand(f.objects)
    f.preps = {p: expand(objs) for p, objs in f.preps.items()}
    return f


def frames(sent: Span) -> list[Frame]:
    """A frame for every verb (and auxiliary used as a main verb) in the sentence, read
    once per sentence however many extractors ask (kept in the Doc's ``user_data``;
    callers must not change them)."""
    cache = sent.doc.user_data.setdefault("cliograph_frames", {})
    key = (sent.start, sent.end)
    if key not in cache:
        cache[key] = [frame_of(tok) for tok in sent
                      if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass")]
    return cache[key]


OBJECT_CASE = {"him", "them", "me", "us", "whom"}
"""Never a subject: 'jeered him saying' parsed with 'him' as the subject of 'saying'."""
SPEAKER_RELATIVE = RELATIVE | {"whose"}


def speaker(v: Token) -> Token | None:
    """Who says what a reporting verb reports: its subject or 'by' agent, climbing from a
    participle, infinitive or conjunct (four clauses at most), or the speaker named after
    the verb ('“I shall see,” replied Brutus'). An object-case pronoun the parser made a
    subject is none ('jeered him saying')."""
    seen = 0
    while seen < 4:
        seen += 1
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in OBJECT_CASE:
                if c.lower_ in SPEAKER_RELATIVE and v.dep_ == "relcl":
                    return v.head
                return c
            if c.dep_ == "agent":
                for o in c.children:
                    if o.dep_ == "pobj":
                        return o
        inverted = _inverted_subject(v)
        if inverted is not None:
            return inverted
        if (
            v.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp")
            and v.head.i != v.i
            and v.head.pos_ in ("VERB", "AUX")
        ):
            v = v.head
            continue
        return None
    return None


def _inverted_subject(v: Token) -> Token | None:
    """'“I shall see,” replied Brutus': the speaker after the verb, which the parser may
    take for an object."""
    k = v.i - 1
    while (
        k >= 0 and v.doc[k].is_punct and v.doc[k].text in (",", "!", "?", "”", "’", '"', "'", "''")
    ):
        k -= 1
    if k == v.i - 1 or not any(v.doc[j].text in ("”", "’", '"', "''") for j in range(k + 1, v.i)):
        return None
    for c in v.children:
        if (
            c.i > v.i
            and c.dep_ in ("dobj", "attr", "npadvmod", "dep", "nsubj", "appos", "oprd")
            and c.pos_ in ("PROPN", "NOUN", "PRON")
        ):
            return c
    return None
