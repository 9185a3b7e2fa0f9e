"""Give every sentence a time: the dates it states, else the story's current time.

Historians' prose moves forward through time and leaves most dates implicit, so an
underspecified date ("on 30 May", "that summer") takes its year from the most recent
explicit one (HeidelTime's narrative mode), and such values are marked inferred.

Two refinements for history writing: a date mentioned in passing that lies well
before the story's present ("these sailors in 1917 had been...") is a flashback and
does not move the narrative unless it opens its sentence; and a sentence without a
date gets the narrative time at month precision in the paragraph that set it, and at
year precision in later paragraphs: the story has moved on by an unknown number of days.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from .. import timex
from ..model import When
from ..rules import limits
from .document import Document

FLASHBACK_YEARS = 0.5  # an explicit date this far before 'now' is a flashback
OPENING_TOKENS = limits().tokens.scene_opening  # a date this early in a sentence sets the scene


def _coarsen(when: When, to: str) -> When:
    """The same time at a coarser precision: a day's month, or a day's, month's or
    season's year (intervals stay as they are)."""
    p = timex.precision(when.value)
    year = when.value[:5] if when.value.startswith("-") else when.value[:4]
    if to == "month" and p == "day":
        return replace(when, value=when.value[:len(year) + 3], julian=None)
    if to == "year" and p in ("day", "month", "season"):
        return replace(when, value=year, julian=None)
    return when


PACE_DAYS = 10  # a story told day by day moves by steps this short


def _inherit(now: When, moves: list[When], day_moves: int, same_paragraph: bool,
             here: list[When]) -> When:
    """The time of a sentence that states none: the story has moved on by an unknown
    number of days since its latest date. How far depends on its pace. Told day by day
    (a deathbed hour by hour, a diary: see ``_day_step``), the paragraph that set the
    date is still on that day ('On 28 October I spoke with him. "..." he said') and later
    paragraphs in that month; told by months and years, the paragraph is in that month
    and later ones in that year. ``day_moves`` of the ``moves`` were to days; ``here`` are
    the moves the paragraph that set the latest made."""
    when = replace(now, inferred=True)
    told_by_days = day_moves * 2 >= len(moves) and _day_step(moves)
    if same_paragraph:
        # told day by day, or this paragraph steps from day to day ('on 23 September ...
        # on 26 September'), it is still on its latest day
        return when if told_by_days or _day_step(here) else _coarsen(when, "month")
    return _coarsen(when, "month" if told_by_days else "year")


def _day_step(moves: list[When]) -> bool:
    """The story's latest step was between days at most PACE_DAYS apart, forward. (With
    most of its steps to days, the story is told day by day: a story told by months and
    years that names two days of a week in passing is still told by months.)"""
    if len(moves) < 2:
        return False
    a, b = moves[-2].value, moves[-1].value
    if timex.precision(a) != "day" or timex.precision(b) != "day":
        return False
    ka, kb = timex.sort_key(a), timex.sort_key(b)
    return ka is not None and kb is not None and 0 <= kb - ka <= PACE_DAYS / 365


def date_spans(sent: Span, dates: list[Span] | None = None) -> list[Span]:
    """The model's DATE entities and the date shapes it misses, the longer where they
    overlap ('the long winter of 1920–1' over 'the long winter'). ``dates`` are the DATE
    entities of the sentence when the caller has them (``sent.ents`` walks the whole
    document's entities each time)."""
    spans = list(dates) if dates is not None else [e for e in sent.ents if e.label_ == "DATE"]
    for s, e, _phrase in timex.find_dates(sent.text):
        span = sent.char_span(s, e, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    chosen: list[Span] = []
    for span in sorted(spans, key=lambda sp: (-(sp.end - sp.start), sp.start)):
        if not any(span.start < c.end and c.start < span.end for c in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda sp: sp.start)


NESTED = ("advcl", "relcl", "acl", "ccomp", "xcomp", "csubj", "parataxis", "conj")


def governs(head: Token, tok: Token) -> bool:
    """``tok`` hangs on ``head`` itself, not inside a clause nested under it
    ('suffered a stroke while recovering from ... the attempt in August 1918')."""
    cur = tok
    for _ in range(12):
        if cur.i == head.i:
            return True
        if cur.head.i == cur.i or cur.dep_ in NESTED:
            return False
        cur = cur.head
    return False


def clause_verb(tok: Token) -> Token:
    """The verb of the clause a word belongs to."""
    cur = tok
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
        cur = cur.head
    return cur


def _spans_over(when: When, now: When) -> bool:
    """An interval that began before the present and runs on past it ('a bitter conflict
    lasting the long winter of 1920–1', said in November 1920) widens the story's time;
    it is not a flashback. An open one ('since 1919') is background, not a widening."""
    if "/" not in when.value:
        return False
    lo, hi = timex.bounds(when.value) or (None, None)
    now_lo, now_hi = timex.bounds(now.value) or (None, None)
    if None in (lo, hi, now_lo, now_hi):
        return False
    return timex.sort_key(lo) <= timex.sort_key(now_lo) and timex.sort_key(hi) >= timex.sort_key(now_hi)


def _aside(span: Span, when: When, now: When, earlier: When | None) -> bool:
    """A date mentioned in passing: a flashback ('these sailors in 1917 had been'), not
    opening its sentence. A date ahead always moves the story: narratives leap forward
    by years ('After Crassus died at Carrhae in 53 BC'), and a step back to where the
    story stood before its latest leap is a return from a look ahead, not a flashback.
    """
    k_new, k_old = timex.sort_key(when.value), timex.sort_key(now.value)
    if k_new is None or k_old is None or _spans_over(when, now):
        return False
    k_earlier = timex.sort_key(earlier.value) if earlier is not None else None
    if k_earlier is not None and k_earlier - FLASHBACK_YEARS <= k_new < k_old:
        return False
    verb = clause_verb(span.root)
    pluperfect = any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)
    opening = span.start - span.sent.start < OPENING_TOKENS
    return k_new < k_old - FLASHBACK_YEARS and (pluperfect or not opening)


def _planned(span: Span, when: When, now: When) -> bool:
    """A day ahead of the story's present in an infinitive clause ('summoned the deputies
    to meet on 2 May', 'a call for a congress, to meet on 13 December') is the day appointed
    for something: the story stays where it is until it gets there. (A month or a year there
    is when the deed was done: 'pressed them to approve the scheme in September 1922'.)"""
    if timex.precision(when.value) != "day":
        return False
    verb = clause_verb(span.root)
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return False
    k_new, k_old = timex.sort_key(when.value), timex.sort_key(now.value)
    return k_new is not None and k_old is not None and k_new > k_old


def _attributive_past(span: Span, when: When, now: When) -> bool:
    """A date before the story's present that only qualifies a noun ('reported killed in
    the July fighting', 'veterans of the 1905 rising') names what is past; the story
    stays where it is."""
    root = span.root
    if root.dep_ not in ("compound", "amod", "nmod") or root.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if root.head.i in range(span.start, span.end):
        return False
    k_new, k_old = timex.sort_key(when.value), timex.sort_key(now.value)
    return k_new is not None and k_old is not None and k_new < k_old


def _fixed_day(span: Span) -> bool:
    """A weekday told in the present tense ('Voters go to the polls on Sunday', 'the
    offer expires Friday') is a day fixed ahead of the day the text was written."""
    if not timex.P_WEEKDAY_WORD.search(span.text):
        return False
    verb = clause_verb(span.root)
    return verb.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBN") for c in verb.children)


OPEN_QUOTES = "\u201c\"\u2018'"
FIRST_PERSON = frozenset({"i", "we"})
#: An author's 'we may consider', 'we must regret' comments; it puts nobody anywhere.
MODALS = frozenset({"may", "might", "must", "can", "could", "shall", "should", "will", "would"})


def quoted(text: str, at: int) -> bool:
    """The offset lies inside a quotation, counted from its paragraph's start: a date a
    speaker names ('"It is Christmas, a cold time for Madam to strip in!"') is the
    speaker's, not the story's."""
    start = text.rfind("\n\n", 0, at) + 1
    before = text[start:at]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def _eyewitness(sent: Span, now: When) -> bool:
    """The sentence puts the narrator at a day ('On 12 March I went to the Assembly',
    'The following morning we called on the minister'): a memoir's or diary's scene,
    and what is said and done in the paragraphs after it happens on that day until the
    story names another date. (A historian's 'On 12 March the battle began' sets no
    scene: the paragraphs after it are read at the month, then the year; an 'I' inside a
    quotation is the speaker's, not the narrator's; 'what we may consider' is the author
    commenting, not a witness.)"""
    if timex.precision(now.value) != "day":
        return False
    for t in sent:
        if t.lower_ in FIRST_PERSON and t.dep_ in ("nsubj", "nsubjpass") \
                and not any(c.dep_ == "aux" and c.lower_ in MODALS for c in t.head.children):
            # (the sentence's own text: ``doc.text`` rebuilds the whole document's)
            before = sent.text_with_ws[:t.idx - sent.start_char]
            if before.count("\u201c") <= before.count("\u201d") and before.count('"') % 2 == 0:
                return True
    return False


def _backfill(d: Document, si: int, day: When, first: int = 0) -> None:
    """An hour of ``day`` stated at sentence ``si`` ('It was now late in the evening') says the
    sentences told since the story reached that day are still on it, however many paragraphs
    they fill: each sentence before ``si`` (from ``first`` on) that inherited a coarser time
    of that day (its month, its year) takes the day, back to the last sentence that states
    a date."""
    for i in range(si - 1, first - 1, -1):
        t = d.sentence_time[i]
        if d.sentence_dates[i] or t is None or t is not d.sentence_inherited[i]:
            return
        if t.value != day.value and day.value.startswith(t.value + "-"):
            d.sentence_time[i] = d.sentence_inherited[i] = replace(day, inferred=True)


def _bracketed(d: Document) -> None:
    """Sentences told between two statements of one month ('In September the general
    marched ...' and, paragraphs later, 'a conference, to meet in September') are in that
    month: the story has not left it. Each sentence between them that inherited a coarser
    time (the year, once its paragraph was left) takes the month; the stretch ends at any
    date stated in between. (Between a month and a day of it, or two days, the story may
    have moved on: a careful reader gives the paragraphs between only the year.)"""
    for b, dates in enumerate(d.sentence_dates):
        later = d.sentence_time[b]
        if not dates or later is None or timex.precision(later.value) != "month":
            continue
        a = b - 1
        while a >= 0 and not d.sentence_dates[a] and d.sentence_time[a] is not None \
                and d.sentence_time[a] is d.sentence_inherited[a]:
            a -= 1
        if a < 0 or a == b - 1 or not d.sentence_dates[a] or d.sentence_time[a] is None \
                or d.sentence_time[a].value != later.value:
            continue
        for i in range(a + 1, b):
            t = d.sentence_time[i]
            if t is not None and later.value.startswith(t.value + "-"):
                d.sentence_time[i] = d.sentence_inherited[i] = replace(later, inferred=True, julian=None)


def _hour(d: Document, sent: Span, now: When | None, night_of: When | None) -> When | None:
    """The time a sentence that states no date but an hour of the day takes, in a story
    that has reached a day: that day; the night from it into the next ('During the night');
    the next day at a morning after that night ('Soon after dawn'). None where the sentence
    names no hour, quotes it, or the story is at no day. (A night or morning that does not
    open its sentence, 'took turns to sit up at night', is an hour of that day, no step.)"""
    if now is None or timex.precision(now.value) != "day":
        return None
    found = timex.hour_of_day(sent.text)
    if found is None:
        return None
    hour, at = found
    if quoted(d.text, sent.start_char + at):
        return None
    opening = len(sent.text[:at].split()) < OPENING_TOKENS  # words before the hour's phrase
    following = timex.next_day(now.value)
    if opening and following and hour in timex.NIGHT_HOURS:
        return replace(now, value=f"{now.value}/{following}", inferred=True, julian=None)
    if opening and following and hour in timex.MORNING_HOURS and night_of is not None \
            and night_of.value == now.value:
        return replace(now, value=following, inferred=True, julian=None)
    return replace(now, inferred=True)


def _block_intro(d: Document, sent: Span, blocks: list) -> int | None:
    """The index of the sentence that introduces the block quotation ``sent`` lies in (the
    last sentence before the block), or None outside block quotations."""
    for q in blocks:
        if q.open <= sent.start_char < q.close:
            si = d.sent_index(sent[0]) - 1
            while si >= 0 and d.sents[si].start_char >= q.open:
                si -= 1
            return si if si >= 0 and si < len(d.sentence_time) else None
    return None


def backdrop(d: Document, spans: list[list[Span]]) -> When | None:
    """What the document's first dates are read against: its own date (a reference date
    given on ingest, or a web page's date in its metadata), else the year of the first
    full date it states, so that a chapter opening 'In September General X marched...'
    and naming the year only later ('As long ago as May, 1917') places that September.
    (An e-book's metadata date is its edition's, not the text's, and is not read.)"""
    if d.source.date:
        return timex.normalise(d.source.date)
    for found in spans:
        for span in found:
            w = timex.normalise(span.text)
            if w is not None and timex.precision(w.value) in ("year", "season", "month", "day"):
                year = w.value[:5] if w.value.startswith("-") else w.value[:4]
                return When(year, inferred=True)
    return None


def anchor(d: Document) -> None:
    """Fill ``d.sentence_dates``, ``d.sentence_inherited``, ``d.sentence_now`` and
    ``d.sentence_time``.

    The story's time starts at the ``backdrop``, which places the first dates; a
    sentence inherits a time only once a date has set the story somewhere."""
    text = d.text
    d.sentence_dates = []
    d.sentence_time = []
    d.sentence_inherited = []
    d.sentence_now = []
    set_in_paragraph = -1
    earlier: When | None = None  # the narrative time before the latest move
    moves: list[When] = []  # the narrative times so far, for the story's pace
    scene: When | None = None  # a day the narrator is present at, while the story stays on it
    moved_here = 0  # how many of them the paragraph that set the latest made
    day_moves = 0  # how many of them were to days
    by_sentence: dict[int, list[Span]] = {}
    for ent in d.doc.ents:
        if ent.label_ == "DATE":
            by_sentence.setdefault(d.sent_index(ent[0]), []).append(ent)
    reference = timex.normalise(d.source.date) if d.source.date else None
    spans = [date_spans(sent, by_sentence.get(si, [])) for si, sent in enumerate(d.sents)]
    narrative = timex.Narrative(backdrop(d, spans), reference=reference)
    paragraph, counted, opened = 0, 0, 0  # paragraphs before the sentence, counted incrementally
    blocks = [q for q in d.quotations if q.block]
    hours: tuple[When, int, When | None] | None = None  # an hour's time, its paragraph, the story's now then
    night_of: When | None = None  # the day whose night the story last reached
    for si, sent in enumerate(d.sents):
        breaks = text.count("\n\n", counted, sent.start_char)
        if breaks and text[sent.start_char:sent.start_char + 1] in tuple(OPEN_QUOTES):
            breaks -= 1  # a quotation set as its own paragraph goes on with the scene before it
        paragraph += breaks
        opened = si if breaks else opened  # the paragraph's first sentence
        counted = sent.start_char
        inherited = None
        if narrative.now is not None and moves:
            inherited = _inherit(narrative.now, moves, day_moves, paragraph == set_in_paragraph,
                                 moves[-2:] if moved_here >= 2 else [])
        if scene is not None and inherited is not None and narrative.now is scene:
            inherited = replace(scene, inferred=True)  # still the day the narrator was there
        if hours is not None and inherited is not None and hours[1] == paragraph \
                and narrative.now is hours[2]:
            inherited = hours[0]  # the paragraph goes on at the hour it reached
        intro = _block_intro(d, sent, blocks)
        if intro is not None and d.sentence_time[intro] is not None:
            # a letter or diary entry set out after its introduction ('In his diary for
            # Monday, 17 September, he wrote:') is of the time that introduction gives it
            inherited = replace(d.sentence_time[intro], inferred=True)
        d.sentence_inherited.append(inherited)
        d.sentence_now.append(narrative.now if inherited is not None else None)
        found, asides = [], set()
        narrative.new_sentence()
        for span in spans[si]:
            before = narrative.now
            when = narrative.resolve(span.text, preceding=text[max(0, span.start_char - 40):span.start_char],
                                     following=text[span.end_char:span.end_char + 30],
                                     ahead=_fixed_day(span))
            if when is None:
                continue
            found.append((span, when))
            if narrative.now is not before and before is not None \
                    and (not when.inferred and _aside(span, when, before, earlier)
                         or _attributive_past(span, when, before)
                         or _planned(span, when, before)
                         or quoted(text, span.start_char)):
                narrative.now = before  # the story stays where it was
                asides.add(span.start)
            if narrative.now is not before:
                moved_here = moved_here + 1 if paragraph == set_in_paragraph else 1
                earlier, set_in_paragraph = before, paragraph
                moves.append(narrative.now)
                scene = narrative.now if _eyewitness(sent, narrative.now) else None
                day_moves += timex.precision(narrative.now.value) == "day"
        d.sentence_dates.append(found)
        hour = None if found or inherited is None else _hour(d, sent, narrative.now, night_of)
        if hour is not None:
            if "/" in hour.value:
                _backfill(d, si, narrative.now)
                night_of = narrative.now
            elif hour.value != narrative.now.value:  # the morning after the night: a new day,
                _backfill(d, si, hour, opened)  # which the paragraph it dawns in is told in
                narrative.now = replace(hour, inferred=True)
                moves.append(narrative.now)
                day_moves += 1
                earlier, set_in_paragraph, night_of = None, paragraph, None
            else:
                _backfill(d, si, narrative.now)
            inherited = d.sentence_inherited[-1] = hour
            hours = (hour, paragraph, narrative.now)
        # the sentence is set at its first date that moves the story, or at a flashback its
        # main verb governs ('In 1918 he had been sent'); not at one in a side clause
        # ('...; no one since Sverdlov's death in March 1919 had got on top of the job')
        setting = [w for sp, w in found if sp.start not in asides or governs(sent.root, sp.root)]
        d.sentence_time.append(setting[0] if setting else inherited)
    _bracketed(d)
