"""The learned entity layer: keep or drop a name the rules made an entity, and its kind,
where the rules' own votes leave it open.

Why: the kind votes (``pipeline/entities.py``) are sums of hand-set weights, and a name
whose votes nearly tie, or that only one weak vote made an entity at all (a capitalised
common word, 'Front', 'Education'), is where they go wrong most. A linear model over
features that carry across texts (which kinds the model, the head-noun rules and the
contexts voted for and by how much, how many mentions and where, the name's shape, the
word lists its head word is in, 'the' before it) learns from the annotated chapters how
much to trust each. It is the same numpy logistic regression as the relation layer
(``logreg``), with one class per kind and ``NONE`` for a name no careful reader would
list; training is ``bench/train.py`` (``make train``), its thresholds chosen
leave-one-chapter-out (``bench/entity_learning.py``).

Rules still decide the clear cases: the model may drop an entity only when its
probability of being none is high, and change a kind only when the rules' vote margin is
small and the model is sure of another kind. Without a model (``use_model(None)``, or
no file shipped) nothing changes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

import numpy as np
from spacy.tokens import Doc

from .. import gazetteer
from ..model import Mention
from ..names import norm
from ..rules import lexicon, limits
from .logreg import NONE, Model, ModelSlot

MODEL_FILE = "entity_model.npz"
KINDS = ("PERSON", "BODY", "FACTION", "OFFICE", "POLICY", "EVENT", "PLACE")
CLASSES = [NONE, *KINDS]
DROP = "drop"
"""The threshold name under which the model file keeps the probability of none needed to drop."""
SWITCH = "switch"
"""... and the probability another kind needs to replace the rules' kind."""
MARGIN = "margin"
"""... and the largest vote margin (best minus second, in vote units) the model may overrule."""

Votes = Callable[[Doc, Mention], Counter[str]]
Record = list[tuple[list[str], str, float]]
_RECORD: ContextVar[Record | None] = ContextVar("entity_record", default=None)


SLOT = ModelSlot(MODEL_FILE)
current_model, use_model = SLOT.current, SLOT.use


@contextmanager
def recording() -> Iterator[Record]:
    """Within the block, every entity the stage is about to emit leaves (its features, the
    rules' kind, their vote margin) in the list yielded, in the order of ``Document.entities`` (training reads
    them with the model off, so that entry k is entity k)."""
    out: Record = []
    token = _RECORD.set(out)
    try:
        yield out
    finally:
        _RECORD.reset(token)


def _bucket(n: float, limits_: Sequence[float] = (0, 1, 2, 4, 8)) -> str:
    for limit in limits_:
        if n <= limit:
            return str(limit)
    return "more"


def _tally(doc: Doc, ms: list[Mention], context: Votes) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """(rule votes, model labels, context votes) per kind, as the vote counts them."""
    rule, model, ctx = Counter[str](), Counter[str](), Counter[str]()
    for m in ms:
        if m.kind:
            (model if m.source.startswith("spacy.") else rule)[m.kind] += 1
        ctx.update(context(doc, m))
    return rule, model, ctx


def margin(doc: Doc, ms: list[Mention], context: Votes) -> float:
    """Best minus second kind, in the votes' units (rule, model and context weights)."""
    weights = limits().kind_votes
    rule, model, ctx = _tally(doc, ms, context)
    total: Counter[str] = Counter()
    for k, n in rule.items():
        total[k] += weights.rule * n
    for k, n in model.items():
        total[k] += weights.model * (1 + np.log2(n))
    total.update(ctx)
    top = sorted(total.values(), reverse=True) + [0.0, 0.0]
    return float(top[0] - top[1])


def features(doc: Doc, ms: list[Mention], kind: str, context: Votes) -> list[str]:
    """String features of a name and its mentions that carry across texts (no word of
    the name itself, except its head word's lemma, which recurs: 'ministry', 'front')."""
    from .features import word_classes  # (the module: it imports the pipeline)

    lex = lexicon()
    rule, model, ctx = _tally(doc, ms, context)
    f = ["BIAS", f"K:{kind}"]
    for k in rule:
        f += [f"R:{k}", f"RK:{kind}|{k}"]
    for k, n in model.items():
        f += [f"M:{k}", f"MK:{kind}|{k}", f"MN:{k}|{_bucket(n)}"]
    for k, v in ctx.items():
        f += [f"C:{k}|{_bucket(v, (2, 4, 8))}", f"CK:{kind}|{k}"]
    if not ctx:
        f.append(f"NOCTX:{kind}")
    mg = margin(doc, ms, context)
    f += [f"MG:{_bucket(mg, (0, 1, 2, 3, 5, 8))}", f"MGK:{kind}|{_bucket(mg, (0, 1, 2, 3, 5, 8))}"]
    n = len(ms)
    f += [f"N:{_bucket(n)}", f"NK:{kind}|{_bucket(n)}"]
    initial = sum(doc[m.tokens[0]].is_sent_start or m.tokens[0] > 0 and doc[m.tokens[0] - 1].is_quote
                  for m in ms)
    share = "all" if initial == n else "none" if not initial else "some"
    f += [f"SI:{share}", f"SIK:{kind}|{share}"]
    the = sum(m.tokens[0] > 0 and doc[m.tokens[0] - 1].lower_ == "the" for m in ms)
    share = "all" if the == n else "none" if not the else "some"
    f += [f"THE:{share}", f"THEK:{kind}|{share}"]
    for src in sorted({m.source for m in ms}):
        f += [f"S:{src}", f"SK:{kind}|{src}"]
    lengths = Counter(min(m.tokens[1] - m.tokens[0], 4) for m in ms)
    longest = max(lengths)
    f += [f"LEN:{longest}", f"LENK:{kind}|{longest}"]
    classes = set()
    for m in ms:
        s, e = m.tokens
        span = doc[s:e]
        head = span.root
        words = [t.lower_ for t in span]
        if words[0] in lex.person_titles:
            f.append("TITLE")
        if any(w in lex.office_heads for w in words):
            f.append("OFFICEWORD")
        if "of" in words:
            f.append(f"OF:{kind}")
        if any(t.text.isupper() and len(t.text) > 1 for t in span):
            f.append("CAPS")
        if any(t.is_lower and not t.is_stop for t in span):
            f.append("LOWER")
        if head.tag_ in ("NNS", "NNPS"):
            f.append(f"PLURAL:{kind}")
        f.append(f"TAG:{head.tag_}")
        f.append(f"DEP:{head.dep_}")
        f.append(f"DEPK:{kind}|{head.dep_}")
        if head.dep_ == "pobj":
            f.append(f"PREPK:{kind}|{head.head.lower_}")
        if head.dep_ in ("nsubj", "nsubjpass", "dobj"):
            f.append(f"VERBK:{kind}|{head.dep_}|{head.head.lemma_.lower()}")
        f.append(f"HEAD:{head.lemma_.lower()}")
        if s > 0:
            f += [f"PREV:{doc[s - 1].lemma_.lower()}", f"PREVK:{kind}|{doc[s - 1].lemma_.lower()}"]
        if e < len(doc):
            f += [f"NEXT:{doc[e].lemma_.lower()}", f"NEXTK:{kind}|{doc[e].lemma_.lower()}"]
        sent = doc[s].sent
        caps = sum(t.is_title for t in sent if t.is_alpha) / max(1, sum(t.is_alpha for t in sent))
        if caps > 0.5:
            f.append("TITLECASE")
        f.append(f"SUF:{kind}|{head.lower_[-3:]}")
        classes.update(word_classes().get(head.lemma_.lower(), ()) or word_classes().get(head.lower_, ()))
        if norm(m.text) in _gazetteer():
            f.append("GAZ")
    for c in sorted(classes):
        f += [f"HC:{c}", f"HCK:{kind}|{c}"]
    # a capitalised common word ('the State', 'Education'): the text also uses it in lower case
    head = doc[ms[0].tokens[0]:ms[0].tokens[1]].root
    lower = _bucket(_lower_words(doc).get(head.lower_, 0), (0, 2))
    single = all(m.tokens[1] - m.tokens[0] == 1 for m in ms)
    f += [f"LOW:{lower}", f"LOWK:{kind}|{lower}", f"LOW1:{single}|{lower}"]
    # a town of the modern world bears the name (GeoNames, as the map reads it): a weak
    # sign of a place, which the model weighs against the votes (people share names with towns)
    places = [loc for text in {m.text for m in ms} for loc in gazetteer.candidates(text)]
    if places:
        big = _bucket(max(loc.population for loc in places), (10**5, 10**6))
        f += [f"GEO:{big}", f"GEOK:{kind}|{big}"]
    else:
        f.append(f"GEOK:{kind}|none")
    ents = {doc[m.tokens[0]:m.tokens[1]].root.ent_type_ or "none" for m in ms}
    for ent in sorted(ents):
        f += [f"ENT:{ent}", f"ENTK:{kind}|{ent}"]
    return list(dict.fromkeys(f))


def _lower_words(doc: Doc) -> Counter[str]:
    """How often each word is written in lower case in the text (read once per parse)."""
    found = doc.user_data.get("cliograph_lower_words")
    if found is None:
        found = doc.user_data["cliograph_lower_words"] = Counter(t.text for t in doc if t.is_lower)
    return found


@lru_cache(maxsize=1)
def _gazetteer() -> frozenset[str]:
    from ..pipeline.entities import gazetteer

    return gazetteer()


def review(doc: Doc, ms: list[Mention], kind: str, context: Votes) -> str | None:
    """The kind an entity the rules are about to emit takes (None: not an entity).

    The rules' ``kind`` stands unless the model is sure: it drops the name when its
    probability of none reaches the model's ``drop`` threshold, and gives it another
    kind when the rules' votes were close (margin at most ``margin``) and that kind's
    probability reaches ``switch``."""
    model = current_model()
    record = _RECORD.get()
    if model is not None and not model.thresholds:
        model = None  # a model that chose never to act (see bench/entity_learning.choose)
    if model is None and record is None:
        return kind
    feats, vote_margin = features(doc, ms, kind, context), margin(doc, ms, context)
    if record is not None:
        record.append((feats, kind, vote_margin))
    if model is None:
        return kind
    return decide(model, model.scores([feats])[0], kind, vote_margin)


def decide(model: Model, p: np.ndarray, kind: str, vote_margin: float) -> str | None:
    """The decision from the class probabilities ``p`` (see ``review``)."""
    t = model.thresholds
    none = model.classes.index(NONE)
    if DROP in t and p[none] >= t[DROP]:
        return None
    if SWITCH in t and vote_margin <= t.get(MARGIN, 0.0):
        best = max((k for k, c in enumerate(model.classes) if c != NONE), key=lambda k: p[k])
        if model.classes[best] != kind and p[best] >= t[SWITCH]:
            return model.classes[best]
    return kind
