"""Find the stretches of text that name an entity of one of the seven kinds.

The statistical model's entities are one source among several: it misses offices,
factions and policies entirely and mislabels rare names, so names are also found as
runs of capitalised words, and kind-bearing head nouns ("Committee", "mutiny",
"Commissar") give each run a first guess. The final kind is decided per document in
``entities``; here a mention only carries this first guess and where it came from.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Doc, Span, Token

from ..model import Mention
from ..names import norm
from ..rules import lexicon, limits
from ..rules.words import entity_words, policy_phrases, policy_words, stance_words
from .document import Document
from .span_docs import SpanDocs

# spaCy label -> our kind (a first guess only)
SPACY_KIND = {
    "PERSON": "PERSON",
    "ORG": "BODY",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "EVENT": "EVENT",
    "LAW": "POLICY",
    "NORP": "FACTION",
}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
          "sept", "oct", "nov", "dec"}
NON_NAME_ENTS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
POSSESSIVE = {"’s", "'s", "’", "'"}
QUOTES_OPEN = {"‘", "“", "'", '"', "``"}
QUOTES_CLOSE = {"’", "”", "'", '"', "''"}
ORDINAL_WORDS = re.compile(
    r"^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"\d+(st|nd|rd|th|d))$",
    re.I,
)
# Soviet-style syllabic abbreviations of institutions: Politburo, Orgburo, Revkom, Narkom
SOVIET_ACRONYM = re.compile(r"^[A-Z][a-z]+(buro|kom|kraikom)$")
ROMAN = re.compile(r"[IVXLCDM]{2,}\.?|[IVXLCDM]+\.")
ISATION = re.compile(r"(is|iz)ation$|ism$", re.I)
PEOPLE_PLURAL = re.compile(r"[a-z](ians|aeans|eans|enes|ines|ans)$")
DOCTRINE_NAME = re.compile(r"^[A-Z][a-z]{2,}(ism|ianity)$")
GROUP_PLURAL = re.compile(r"^[A-Z][A-Za-z-]+(ists|ites|ins|ards|iks|eks|erners|landers)$")  # + regional groups


def is_cap(tok: Token) -> bool:
    """A token that can be part of a proper name.

    Where every word is capitalised (a sentence's or a quotation's first word) only a
    word the tagger calls a proper noun counts.
    """
    t = tok.text
    if not t[:1].isupper() or tok.ent_type_ in NON_NAME_ENTS and not ORDINAL_WORDS.match(t):
        return False
    low = tok.lower_
    if low in MONTHS and (tok.i + 1 < len(tok.doc) and tok.nbor(1).like_num or tok.i > 0 and tok.nbor(-1).like_num):
        return False  # 'June 1919', '8 March'
    if low in ERAS and (tok.i > 0 and tok.nbor(-1).like_num or tok.i + 1 < len(tok.doc) and tok.nbor(1).like_num):
        return False  # '44 BC', 'AD 79': an era, not a name
    if tok.is_sent_start or _after_open_quote(tok):
        # ('Meanwhile Inaros...', 'Scarcely had...': an adverb the tagger took for a name)
        return (tok.pos_ == "PROPN" or _name_opening_sentence(tok)) and low not in lexicon().not_names \
            and tok.dep_ != "advmod"
    return low not in lexicon().not_names or tok.pos_ == "PROPN" and len(t) > 1 and t != "I"


ERAS = {"bc", "ad", "bce", "ce", "b.c.", "a.d."}


def _name_opening_sentence(tok: Token) -> bool:
    """A rare name opening a sentence that the tagger took for an adjective or a noun: as
    subject, the model's entity or an apposition says it is a name ('Volodarsky, a tall,
    pale youth...'); a parse that lost the verb leaves such a name as the root of its
    apposition ('Rodzianko, leader of the right wing, declared...')."""
    appos = any(c.dep_ == "appos" for c in tok.children)
    if tok.tag_ == "NNS" and tok.i + 2 < len(tok.doc) and tok.nbor(1).lower_ == "of" and tok.nbor(2).text.islower():
        return False  # 'Groups of doctors were...', 'Crowds of peasants': a common noun of number
    return (tok.dep_ in ("nsubj", "nsubjpass") or tok.dep_ == "ROOT" and appos) and tok.pos_ in ("ADJ", "NOUN") and (
        tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or any(c.dep_ == "appos" for c in tok.children))


def _after_open_quote(tok: Token) -> bool:
    return tok.i > 0 and tok.nbor(-1).text in QUOTES_OPEN


def _possessive_joins(doc: Doc, i: int) -> bool:
    """'People’s Commissariat', 'Workers’ Opposition': a plural possessor inside a name."""
    if i + 1 >= len(doc) or doc[i].text not in POSSESSIVE or i == 0:
        return False
    owner = doc[i - 1].text
    nxt = doc[i + 1]
    if doc[i].text in ("’s", "'s") and owner.lower() in lexicon().held_titles and owner[:1].isupper() \
            and nxt.text[:1].isupper() and nxt.tag_ == "NNP" and not nxt.is_sent_start \
            and nxt.lower_ not in lexicon().office_heads and nxt.ent_type_ != "PERSON":
        return True  # 'the King’s Bench', 'Queen’s County': a name built on a title (not 'the King’s Secretary')
    return (owner.endswith("s") or owner in ("People", "Men", "Women", "Children")) and (
        nxt.text[:1].isupper() or nxt.lower_ == "and"
    ) and doc[i - 1].ent_type_ != "PERSON"


DESCRIBING = entity_words().mentions.describing


def name_runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens, joined across 'of', 'for', 'the', plural
    possessives and 'and' where the result is one institution's name."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    # how often a capitalised word stands on its own, not as the second half of 'X and Y'
    standalone = Counter(t.text for t in doc if t.text[:1].isupper() and not (
        t.i > 0 and doc[t.i - 1].lower_ == "and"))
    while i < n:
        if not is_cap(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < n:
            t = doc[j]
            if t.is_sent_start:
                break
            if is_cap(t) or (t.text in ("-", "–") and j + 1 < n and is_cap(doc[j + 1])
                             and not t.whitespace_):
                j += 1
                continue
            if _possessive_joins(doc, j):
                j += 1
                continue
            # 'World War I': the numeral 'I' (never a name word alone) inside the model's event
            if t.text in ("I", "I.") and t.ent_iob_ == "I" and t.ent_type_ == "EVENT":
                j += 1
                continue
            # 'Stratford-upon-Avon', 'Tsay-ee-kah': one word written with hyphens, whatever its parts' case
            if (chain := _hyphen_chain(doc, j)) > j:
                j = chain
                continue
            # 'Otto von Bismarck', 'Alexis de Tocqueville', 'François de la Rochefoucauld'
            k = j
            while k < min(j + 2, n) and doc[k].text in PARTICLES:
                k += 1
            if k > j and k < n and is_cap(doc[k]) and not doc[k].is_sent_start and doc[j - 1].text[:1].isupper() \
                    and "PERSON" in (doc[j - 1].ent_type_, doc[k].ent_type_):
                j = k + 1
                continue
            # 'Zemlya i Volya', 'Liberté et Patrie': a foreign 'and' inside one of the model's names
            if t.lower_ in FOREIGN_AND and t.ent_iob_ == "I" and j + 1 < n and is_cap(doc[j + 1]) \
                    and doc[j + 1].ent_iob_ == "I":
                j += 2
                continue
            # 'Klage in der Nacht des Winters': a German title, whose articles are lower case
            k = j
            while k < min(j + 2, n) and doc[k].text in GERMAN_LINKS:
                k += 1
            if k > j and k < n and is_cap(doc[k]) and doc[k - 1].text in GERMAN_ARTICLES:
                j = k + 1
                continue
            # 'Charles the Second', 'Alexander the Great'
            if t.lower_ == "the" and j + 1 < n and (ORDINAL_WORDS.match(doc[j + 1].text) or doc[
                    j + 1].text in EPITHETS) and doc[j + 1].text[:1].isupper():
                j += 2
                continue
            # 'Clinton of New York' is a man and a place, 'Duke of York' a title
            # and 'the Jacobites of Scotland' a group and its country
            if t.lower_ == "of" and (doc[j - 1].ent_type_ == "PERSON" or j - 1 == i and doc[i].tag_ in (
                    "NNPS", "NNS") and doc[i].lower_ not in lexicon().body_heads) and j + 1 < n and \
                    doc[j + 1].ent_type_ in ("GPE", "LOC") and doc[j - 1].lower_ not in lexicon().person_titles:
                break
            # 'the Saxons of Transylvania', 'the Greeks of Asia': a people and where
            # or among whom it lives are two names
            if t.lower_ == "of" and j - 1 == i and doc[i].tag_ == "NNPS" and doc[i].ent_type_ == "NORP" \
                    and PEOPLE_PLURAL.search(doc[i].text):
                break
            # 'Ambassador to Venice', 'Groom to the Princess': an envoy's or a household post is
            # named by whom it serves ('took the King to London' names two)
            if t.lower_ == "to" and j + 1 < n and (stem := office_stem(doc[j - 1].text)) and stem[1] == "title" \
                    and doc[j - 1].lower_ not in lexicon().held_titles:
                k = j + 1 + (doc[j + 1].lower_ == "the" and j + 2 < n)
                handed = k == j + 1 and (doc[k].lower_ in lexicon().person_titles or doc[k].ent_type_ == "PERSON")
                if is_cap(doc[k]) and not doc[k].is_sent_start and doc[k].ent_type_ not in NON_NAME_ENTS \
                        and not handed:  # ('gave the office of Chancellor to Sir Thomas More')
                    j = k + 1
                    continue
            # ('left the South for Philadelphia': 'for' joins a post or a body to its charge only)
            if t.lower_ in ("of", "for") and j + 1 < n and (t.lower_ == "of" or guess_kind(doc[i:j]) in (
                    "BODY", "OFFICE") or office_stem(doc[j - 1].text) is not None):
                k = j + 1
                if doc[k].lower_ == "the" and k + 1 < n:
                    k += 1
                if is_cap(doc[k]) and not doc[k].is_sent_start and doc[k].ent_type_ not in NON_NAME_ENTS:
                    j = k + 1
                    continue
            if t.lower_ == "and" and j + 1 < n and is_cap(doc[j + 1]):
                # 'Workers’ and Peasants’ Inspectorate', 'Department of Agitation and Propaganda'
                # but not 'the Commissariat for Nationalities’ Affairs and Rabkrin': a word
                # that stands as a name elsewhere in the document is a second name
                prev = doc[j - 1]
                inside_of = any(doc[x].lower_ in ("of", "for") for x in range(i, j))
                last = j + 2 >= n or not is_cap(doc[j + 2])
                # '(Land and Liberty)': a translation in brackets is one name
                bracketed = i > 0 and doc[i - 1].text == "(" and j + 2 < n and doc[j + 2].text == ")"
                # ('the Soviets of Tula and Kazan': a plural head shares itself out, two bodies)
                of_at = next((x for x in range(i, j) if doc[x].lower_ in ("of", "for")), None)
                shared = of_at is not None and of_at > i and doc[of_at - 1].tag_ in ("NNS", "NNPS")
                if prev.text in POSSESSIVE or inside_of and last and standalone[doc[j + 1].text] == 0 \
                        and not shared or bracketed:
                    j += 1
                    continue
            break
        # 'west Siberia', 'northern Italy'
        if i > 0 and doc[i - 1].lower_ in COMPASS and not doc[i - 1].is_sent_start \
                and doc[i].ent_type_ in ("GPE", "LOC"):
            i -= 1
        # trim trailing connectors and possessive marks
        while j > i and (doc[j - 1].lower_ in ("of", "for", "the", "and", "-", "–")
                         or doc[j - 1].text in POSSESSIVE):
            j -= 1
        # 'Military Section of the Socialist Revolutionary party': the complement's own head
        # noun, written in lower case, still belongs to the name
        if i < j < n and doc[j].text.islower() and doc[j].lower_ in lexicon().body_heads and any(
                doc[x].lower_ in ("of", "for") for x in range(i, j)) and doc[j - 1].tag_ in ("JJ", "NNP") \
                and doc[j].head.i != j - 1 and doc[j - 1].head.i == j:
            j += 1
        # 'the Infantry Brigade of the Warsaw district': the complement's name only
        # modifies a common noun outside the run, so the 'of' belongs to that noun phrase
        elif i < j < n and doc[j].text.islower() and doc[j].pos_ == "NOUN" and doc[j - 1].head.i == j \
                and doc[j - 1].dep_ in ("compound", "amod"):
            cut = max((x for x in range(i + 1, j) if doc[x].lower_ in ("of", "for")), default=None)
            if cut is not None:
                j = cut
        # 'Old Nicholas Tchaikovsky, representing...': a describing word that opens the
        # sentence stands before the model's person, it is no part of his name
        if j - i > 1 and doc[i].is_sent_start and not doc[i].ent_type_ and doc[i].lower_ in DESCRIBING \
                and doc[i + 1].ent_iob_ == "B" and doc[i + 1].ent_type_ == "PERSON":
            i += 1
        # 'the Forty-sixth Siberian Rifles', 'the Two Hundred and First Division': a unit's
        # number, spelt out, is part of its name
        if j > i and doc[j - 1].lower_ in UNIT_NOUNS and (k := _spelt_number_before(doc, i)) < i:
            while runs and runs[-1][0] >= k:
                runs.pop()
            i = k
        if j > i:
            runs.extend(_split_at_entities(doc, i, j))
        i = max(j, i + 1)
    return runs


UNIT_NOUNS = entity_words().mentions.unit_nouns
NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
                "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand"}


def _spelt_number_before(doc: Doc, i: int) -> int:
    """Start of the capitalised number written in words just before ``i`` ('Five Hundred and
    Forty-eight', 'Forty-sixth'), or ``i``."""
    k = i
    while k > 0:
        t = doc[k - 1]
        number = t.lower_ in NUMBER_WORDS or ORDINAL_WORDS.match(t.text) is not None
        hyphen = t.text in ("-", "–") and not t.whitespace_ and k - 1 > 0 and not doc[k - 2].whitespace_
        linked = t.lower_ == "and" and k - 1 > 0 and doc[k - 2].lower_ in NUMBER_WORDS
        if not (number or hyphen or linked) or t.is_sent_start and not number:
            break
        k -= 1
        if t.is_sent_start:
            break
    while k < i and not (doc[k].text[:1].isupper() and (doc[k].lower_ in NUMBER_WORDS or ORDINAL_WORDS.match(
            doc[k].text))):
        k += 1  # a number opens with a capital: '... and Forty-sixth' is not 'and'
    return k


def _hyphen_chain(doc: Doc, j: int) -> int:
    """End of a run of hyphen-joined parts starting at the hyphen ``j`` (no spaces around
    them): two hyphens or more, or a capitalised last part ('Stratford-upon-Avon'); else ``j``
    ('Bolshevik-controlled' is an adjective)."""
    k, hyphens = j, 0
    while k + 1 < len(doc) and doc[k].text in ("-", "–") and not doc[k - 1].whitespace_ \
            and not doc[k].whitespace_ and doc[k + 1].is_alpha:
        k += 2
        hyphens += 1
    if hyphens >= 2 or hyphens == 1 and (doc[k - 1].text[:1].isupper() or _hyphened_building(doc[j - 1:k])):
        return k
    return j


HYPHENED_BUILDINGS = entity_words().mentions.hyphened_buildings


def _hyphened_building(span: Span) -> bool:
    """'the Moot-hall', 'the Town-hall': a capitalised word and a building's noun joined by a
    hyphen name the building."""
    return len(span) == 3 and span[1].text in ("-", "–") and span[0].text[:1].isupper() \
        and span[2].lower_ in HYPHENED_BUILDINGS and span[2].text.islower()


def _split_at_entities(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """'Parliament George III': two names side by side that the model labels as two
    entities of different kinds are two names."""
    out, s = [], start
    for k in range(start + 1, end):
        a, b = doc[k - 1], doc[k]
        heads = lexicon().body_heads | lexicon().place_heads
        if a.lower_ == "the" and (ORDINAL_WORDS.match(b.text) or b.text in EPITHETS):
            continue  # 'Charles the First': the model's ORDINAL is the regnal number
        if _two_phrases(doc, start, end, k):
            out.append((s, k))  # 'To the legate Frederick expressed...': an object, then a subject
            s = k
            continue
        if a.ent_type_ == "NORP" and k <= a.head.i < end and doc[end - 1].lower_ in heads:
            continue  # 'the Swedish Senate': a nationality opens the body's name
        if a.ent_type_ == "NORP" and b.ent_type_ in ("GPE", "LOC") and a.head.i == b.i and a.tag_ == "NNP" \
                and a.dep_ in ("compound", "amod"):
            continue  # 'Soviet Russia', 'Imperial Germany': the régime's word names the land it rules
        if (a.ent_type_ and b.ent_type_ and a.ent_type_ != b.ent_type_ and b.ent_iob_ == "B"
                and a.ent_type_ not in NON_NAME_ENTS and b.ent_type_ not in NON_NAME_ENTS
                and a.lower_ not in ("of", "for", "and")) or (
                b.ent_iob_ == "B" and b.ent_type_ == "PERSON" and not a.ent_type_ and a.lower_ in heads):
            out.append((s, k))
            s = k
    out.append((s, end))
    return out


def _two_phrases(doc: Doc, start: int, end: int, k: int) -> bool:
    """The words before and from ``k`` are two noun phrases by the parse: each part's last
    word hangs on a word outside the run, in a different argument role."""
    a, b = doc[k - 1], doc[end - 1]
    before = doc[start - 1] if start > 0 else None
    if {a.lower_, doc[k].lower_} & {"the", "of", "for", "and"} or not a.text[:1].isupper():
        return False  # 'Charles the First', 'Duke of York': one name whatever the parse
    if k == start + 1 and end == start + 2 and before is not None and before.dep_ == "prep" \
            and start == before.i + 1 and not (doc[k].ent_iob_ == "I" and doc[k].ent_type_ in ("GPE", "LOC")):
        # ('From Lower Saxony went three envoys': one place, whatever the parse)
        verb = doc[end] if end < len(doc) else None
        if not any(c.dep_ == "pobj" for c in before.children) and b.dep_ in ("nsubj", "nsubjpass"):
            return True  # 'To the legate Frederick expressed...': the fronted object has lost its 'to'
        if verb is not None and verb.pos_ == "VERB" and before.head == verb and b.head == before and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return True  # '... Cranmer Henry expressed': the verb's subject is the second name
    if not (start <= b.head.i < end) and not (start <= a.head.i < end):
        inside = all(start <= t.head.i < end or t.i in (a.i, b.i) for t in doc[start:end])
        return inside and a.dep_ in ARGUMENTS and b.dep_ in ARGUMENTS and a.dep_ != b.dep_ \
            and all(start <= t.head.i < k for t in doc[start:k - 1])
    return False


ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "pobj", "dative", "attr"}


NAMING_VERBS = entity_words().mentions.naming_verbs
LIGATURES = str.maketrans({"æ": "ae", "œ": "oe"})


@lru_cache(maxsize=1 << 14)  # (asked of every lower-case word, and again by the sieve)
def office_stem(word: str) -> tuple[str, str] | None:
    """The office a single word names, and in which form: ('praetor', 'title') for 'prætor',
    ('tribune', 'plural') for 'tribunes', ('consul', 'tenure') for 'consulship'.

    Why: older editions print the Latin ligatures, a magistracy held by several at once is
    named in the plural ('the consuls and prætors'), and its '-ship' is the same office.
    """
    lex = lexicon()
    w = word.lower().translate(LIGATURES)
    if w.endswith("s") and w[:-1] in lex.collegiate_offices:
        return w[:-1], "plural"
    if w in lex.office_heads:
        return w, "title"
    if w.endswith("ship") and w[:-4] in lex.office_heads:
        return w[:-4], "tenure"
    if w.endswith("ency") and w[:-4] + "ent" in lex.office_heads:
        return w[:-4] + "ent", "tenure"  # 'the Presidency of the Board', 'the Regency'
    return None


def head_word(span: Span) -> str:
    """The head noun of a name: the last word before an 'of'/'for' complement."""
    words = [t for t in span if t.text not in POSSESSIVE and t.text not in ("-", "–")]
    for k, t in enumerate(words):
        if k > 0 and (t.lower_ in ("of", "for") or t.lower_ == "to" and office_stem(words[k - 1].text)):
            return words[k - 1].lower_  # ('Ambassador to Venice' is an ambassador)
    if len(words) > 1 and re.fullmatch(r"[IVX]+\.?", words[-1].text):
        return words[-2].lower_  # 'World War II': a numbered war is a war
    return words[-1].lower_ if words else ""


WINGS = entity_words().mentions.wings


def guess_kind(span: Span) -> str | None:
    """First guess at a capitalised name's kind from its own words."""
    lex = lexicon()
    if len(span) == 1 and (span[0].tag_ == "JJ" or span[0].dep_ == "amod"):
        return None  # 'Soviet' in 'the Soviet state' is an adjective
    if len(span) == 1 and SOVIET_ACRONYM.search(span.text):
        return "BODY"
    if len(span) == 1 and DOCTRINE_NAME.search(span.text) and not span[0].is_sent_start:
        # 'Jansenism', 'Lutheranism', 'Christianity': a creed or doctrine (a sentence's first
        # word is capitalised whatever it is: 'Factionalism grew')
        return "POLICY"
    if len(span) >= 3 and _hyphened_building(span[-3:]):
        return "PLACE"  # ('the Council-house' is a building, not the Council)
    words = [t.lower_ for t in span]
    first, head = words[0], head_word(span)
    if len(words) > 1 and first in WINGS and (span[-1].tag_ in ("NNS", "NNPS") or re.search(r"[^s]s$", words[-1])):
        return "FACTION"  # 'Left Socialist Revolutionaries': a wing of a party
    if ORDINAL_WORDS.match(span[0].text) and head in lex.numbered_kinds:
        return lex.numbered_kinds[head]  # 'the Tenth Congress' is a meeting (lexicon's ambiguous_heads)
    if first in ("treaty", "battle", "siege", "peace", "sack", "fall", "massacre", "war",
                 "revolt", "conference") and "of" in words:
        return "EVENT"
    if len(words) == 1 and (head in lex.office_heads or office_stem(head)):
        return "OFFICE"  # 'the King', 'the President', 'Prætors': the post, not a name
    if len(words) > 1 and (first == "lord" and (head in lex.office_heads or head in ("seal", "admiral")) or (
            words[-1] == "general" and words[-2] in lex.office_heads)):
        return "OFFICE"  # 'Lord High Admiral', 'Lord Privy Seal', 'Solicitor General'
    title = words[:words.index("of")] if "of" in words else words
    if 1 < len(title) <= 3 and first in OFFICE_MODIFIERS and first != "lord" and head in lex.office_heads \
            and all(t.text[:1].isupper() for t in span[:len(title)]):
        return "OFFICE"  # 'Chief Justice (of X)', 'Vice Chancellor': a rank before a title is the post
    if len(words) > 2 and "of" in words and (stem := office_stem(head)) and stem[1] == "tenure":
        return "OFFICE"  # 'the Presidency of the Board' is the President's post
    if head in lex.office_heads and head not in lex.person_titles or (
        head in ("secretary", "secretaries", "commissar", "commissars")
    ) or head == "lord" and "of" in words and words[0] != "lord":  # 'First Lord of the Treasury'
        return "OFFICE"
    if head in ("union",) and "soviet" in words and len(words) <= 3:
        return "PLACE"
    if head in lex.place_heads and head not in ("state", "states", "regime") or (
            head in ("state", "states") and len(words) > 1 and span[0].text[:1].isupper()
            and not words[0].endswith("ist")):  # (a 'Socialist State' is a kind of state, not a land)
        return "PLACE"
    if head in lex.body_heads:
        return "BODY"
    if head in lex.event_heads and head not in ("death", "stroke", "affair"):
        return "EVENT"
    if head in lex.policy_heads and not _persons_name(span):
        return "POLICY"  # (but 'John Law' is a man)
    if head in lex.faction_heads and head not in ("group", "circle", "camp", "platform", "wing"):
        return "FACTION"
    if len(span) <= 3 and GROUP_PLURAL.match(span.text) and (
            span[0].tag_ in ("NNPS", "NNS") or span.start > 0 and span.doc[span.start - 1].lower_ == "the"):
        return "FACTION"
    if re.fullmatch(r"[A-Z]+SSR|[A-Z]*SFSR|[A-Z]*SR", span.text):
        return "PLACE"
    return None


def _persons_name(span: Span) -> bool:
    """Two words the model reads as one person's name, the first a bare proper noun no word
    class knows: 'John Law', whose last word is no law."""
    lex = lexicon()
    return len(span) == 2 and span[0].ent_iob_ == "B" and span[0].ent_type_ == "PERSON" \
        and span[1].ent_iob_ == "I" and span[0].tag_ == "NNP" and not span[0].is_sent_start \
        and span[0].lower_ not in lex.policy_heads | lex.body_heads | lex.place_heads | lex.office_heads


#: Words that begin an office's title, never an appointee's name: 'appointed Prime Minister
#: of the United Kingdom' names no person 'Prime'.
OFFICE_MODIFIERS = entity_words().mentions.office_modifiers


def split_title(doc: Doc, start: int, end: int) -> list[tuple[int, int, str | None]]:
    """'Finance Commissar Sokolnikov' -> the office, then the person it stands before;
    'the People’s Commissar for Foreign Trade Lev Krasin' likewise; 'Hamilton Secretary
    of the Treasury' -> the person, then the office."""
    lex = lexicon()
    # 'Generals Dutov, Karaulov and Bardizhe', 'Messrs. Pitt and Dundas': a plural title
    # belongs to the whole list, so the first name stands alone like the others
    first = doc[start].lower_.rstrip(".")
    if end - start > 1 and doc[start + 1].text[:1].isupper() and guess_kind(doc[start + 1:end]) is None and (
            first == "messrs" or first.endswith("s") and first[:-1] in lex.person_titles):
        # (not 'the Dukes of Grafton', nor 'Lords Justices', an office)
        return [(start + 1, end, "PERSON")]
    # 'the Earls of Derby and Arundel': a plural title of nobility over a list of seats;
    # each seat's name stands for its holder ('Derby' for the Earl of Derby)
    if end - start > 2 and doc[start + 1].lower_ == "of" and first.endswith("s") and first[:-1] in NOBLE_TITLES \
            and doc[start].text[:1].isupper():
        cuts = [k for k in range(start + 2, end) if doc[k].lower_ == "and"]
        bounds = [start + 2, *[x for k in cuts for x in (k, k + 1)], end]
        return [(bounds[i], bounds[i + 1], "PERSON") for i in range(0, len(bounds), 2) if bounds[i] < bounds[i + 1]]
    # 'made Palmerston Lord High Admiral', 'appointed Stalin General Secretary': after a verb
    # of appointment, the appointee's name and then the post, whatever the model's labels
    # (a done appointment only: 'a proposal to make Stalin General Secretary' keeps the two
    # together, as the office extractors have no sense of proposals yet)
    if any(t.head.lemma_ in APPOINT_VERBS and t.head.tag_ in ("VBD", "VBN", "VBZ", "VBP")
           and not start <= t.head.i < end for t in doc[start:end]):
        for k in range(start + 1, end):
            # (the appointee may share a place's name: 'elected Lincoln President')
            if guess_kind(doc[k:end]) == "OFFICE" and guess_kind(doc[start:k]) in (None, "PLACE") and not any(
                    t.lower_ in lex.office_heads | lex.person_titles | OFFICE_MODIFIERS
                    for t in doc[start:k]):
                return [(start, k, "PERSON"), (k, end, "OFFICE")]
    if doc[start].ent_type_ != "PERSON" and doc[end - 1].ent_type_ != "PERSON" and guess_kind(
            doc[start:end]) == "OFFICE" and head_word(doc[start:end]) != doc[start].lower_:
        return [(start, end, "OFFICE")]  # 'Common Serjeant', 'Solicitor General': one post
    k = end
    while k > start and doc[k - 1].ent_type_ == "PERSON":
        k -= 1
    if start < k < end and guess_kind(doc[start:k]) == "OFFICE":
        return [(start, k, "OFFICE"), (k, end, "PERSON")]
    # 'appointed Hamilton Secretary of the Treasury': a name, then the office
    k = start
    while k < end and doc[k].ent_type_ == "PERSON" and doc[k].lower_ not in lex.office_heads:
        k += 1
    surname = k == end - 1 and doc[k].ent_type_ == "PERSON" and doc[k].ent_iob_ == "I"  # 'William King'
    if start < k < end and doc[k].lower_ in lex.office_heads and guess_kind(doc[k:end]) == "OFFICE" \
            and not surname:
        return [(start, k, "PERSON"), (k, end, "OFFICE")]
    for k in range(end - 1, start, -1):
        low = doc[k - 1].lower_
        if low in lex.office_heads and low not in lex.person_titles and doc[k].lower_ not in (
            "of", "for") and doc[k].text[:1].isupper() and head_word(doc[k:end]) not in (
            lex.body_heads | lex.office_heads | lex.event_heads | lex.policy_heads):
            return [(start, k, "OFFICE"), (k, end, "PERSON")]
    return [(start, end, None)]


NOBLE_TITLES = entity_words().mentions.noble_titles
EPITHETS = entity_words().mentions.epithets
COMPASS = entity_words().mentions.compass
VAGUE_MODIFIERS = entity_words().mentions.vague_modifiers
NAMED_PLACE_HEADS = entity_words().mentions.named_place_heads
GROUP_NOUNS = entity_words().mentions.group_nouns
PARTISANS = re.compile(r"^[a-z]+(ists|ites|ans|ins|ards|ers)$")


DEMONYM_ADJ = re.compile(r"(ian|ean|an|ish|ese|ic)$")
ADHERENTS = re.compile(r"^[a-z][a-z-]{3,}(ists|ionaries|nards)$")  # 'monarchists', 'reactionaries', 'communards'


#: Orders of society and colleges named collectively, and the kind each is: an order takes
#: sides as a faction, a college acts as a body.
COLLECTIVE_GROUPS = entity_words().mentions.collective_groups


def _of_complement(doc: Doc, prep: Token) -> int | None:
    """End (exclusive) of the noun phrase after 'of', when it names something capitalised:
    'head of the Soviet trade union movement', 'editor of Pravda'."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if not objs:
        return None
    obj = objs[0]
    toks = [t for t in doc[prep.i + 1:obj.i + 1]]
    if not any(t.text[:1].isupper() for t in toks):
        return None
    end = obj.i + 1
    # "People’s Commissariat of Enlightenment" style complements continue through 'of X'
    return end


def lower_patterns(doc: Doc) -> list[tuple[int, int, str, str]]:
    """Lower-case names: 'head of Agitprop', 'a political commissar', 'grain requisitioning',
    ‘autonomisation’, 'the Kronstadt mutiny', 'the revolt of the Tambov province peasantry'."""
    lex = lexicon()
    out: list[tuple[int, int, str, str]] = []
    n = len(doc)
    policy_counts = Counter(t.lemma_.lower() for t in doc if t.lower_ in lex.policy_heads)
    run_end = dict(name_runs(doc))
    for tok in doc:
        low = tok.lower_
        if not tok.text.islower():
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < n else None
        stem = office_stem(low)
        # office: '(deputy) head/leader/editor of (the) X'
        if (low in lex.office_lower_heads or stem and stem[1] != "tenure") and nxt is not None \
                and nxt.lower_ == "of":
            end = _of_complement(doc, nxt)
            if end is not None:
                # stop before a name in apposition: 'the head of the trade unions Mikhail Tomski'
                while end > nxt.i + 1 and doc[end - 1].ent_type_ == "PERSON":
                    end -= 1
                s = tok.i - 1 if tok.i > 0 and doc[tok.i - 1].lower_ in ("deputy", "assistant", "vice") else tok.i
                while s >= 2 and doc[s - 1].text == "-" and not doc[s - 1].whitespace_ and not doc[s - 2].whitespace_:
                    s -= 2  # 'commander-in-chief of the Continental Army'
                out.append((s, end, "OFFICE", "mentions.office_of.v1"))
                continue
        # office: 'the consuls and tribunes', 'held the censorship': a magistracy named by
        # its college or its tenure ('dictatorship of the proletariat' is no office)
        # ('calling the tribunes tyrants' names the men, not the post)
        named_as = stem is not None and tok.dep_ in ("dobj", "compound") and any(  # (only read with a stem)
            a.pos_ == "VERB" and a.lemma_ in NAMING_VERBS for a in (tok.head, tok.head.head))
        if stem and stem[1] != "title" and tok.pos_ == "NOUN" and not named_as and not (
                stem[1] == "tenure" and nxt is not None and nxt.lower_ == "of"):
            mods = [c for c in tok.children if c.dep_ == "amod" and c.i < tok.i and c.text.islower()
                    and c.lower_ not in VAGUE_MODIFIERS]
            out.append((min([m.i for m in mods], default=tok.i), tok.i + 1, "OFFICE", "mentions.office_college.v1"))
            continue
        # office: 'as a political commissar', 'was made consul', 'became dictator'
        if stem and stem[1] == "title" and tok.pos_ == "NOUN" and (
            tok.dep_ in ("attr", "oprd") or tok.dep_ == "pobj" and tok.head.lower_ == "as"
            or tok.dep_ == "dobj" and tok.head.lemma_ in APPOINT_VERBS  # 'was crowned king'
        ):
            mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i
                    and c.lower_ not in ("new", "old", "former", "future", "own", "same", "other")
                    and c.ent_type_ != "PERSON"]
            if tok.dep_ == "dobj" and not any(c.dep_ in ("dobj", "dative") and c.i != tok.i for c in tok.head.children):
                mods = [c for c in mods if c.pos_ != "PROPN"]  # 'made Octavian consul': he is the holder
            if mods or tok.tag_ == "NN" and not any(c.dep_ == "det" for c in tok.children):
                # a bare title is the office itself: 'was consul', 'appointed him dictator'
                s = min([m.i for m in mods], default=tok.i)
                out.append((s, tok.i + 1, "OFFICE", "mentions.office_predicate.v1"))
                continue
        # policy: a quoted coinage: ‘autonomisation’, ‘regional autonomy’, ‘Great Russian chauvinism’
        if tok.pos_ in ("NOUN", "PROPN") and (ISATION.search(low) or low in lex.policy_heads) \
                and nxt is not None and nxt.text in QUOTES_CLOSE:
            s = tok.i
            while s > 0 and tok.i - s < 3 and doc[s - 1].text not in QUOTES_OPEN and doc[s - 1].is_alpha \
                    and doc[s - 1].dep_ in ("amod", "compound", "nmod"):
                s -= 1
            if s > 0 and doc[s - 1].text in QUOTES_OPEN:
                out.append((s, tok.i + 1, "POLICY", "mentions.quoted_coinage.v1"))
                continue
        # 'the German government', 'the Kronstadt naval garrison', 'the Soviet state',
        # 'the German Marxist movement': a name or national adjective before a kind-bearing noun
        kind = ("BODY" if low in lex.body_heads and low not in ("party", "union", "house", "office", "company")
                else "PLACE" if low in NAMED_PLACE_HEADS
                else "FACTION" if low in ("movement", "opposition", "wing", "loyalists") else None)
        if kind and tok.pos_ == "NOUN":
            mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i]
            named = [c for c in mods if c.text[:1].isupper() and not c.is_sent_start
                     and (c.ent_type_ in ("NORP", "GPE", "LOC", "ORG") or c.pos_ == "PROPN")]
            if named:
                s = min(c.left_edge.i for c in mods)
                while s < tok.i and (doc[s].is_stop or doc[s].is_punct or doc[s].dep_ == "poss"
                                     or doc[s].lower_ in VAGUE_MODIFIERS | {"entire", "vast"}):
                    s += 1
                if all(t.dep_ != "poss" and t.text not in POSSESSIVE for t in doc[s:tok.i]):
                    out.append((s, tok.i + 1, kind, NAMED_HEAD_RULE))
                    continue
        # faction: a quoted 'buffer group'; 'Georgian communists'
        if low in GROUP_NOUNS and nxt is not None and nxt.text in QUOTES_CLOSE:
            s = tok.i
            while s > 0 and doc[s - 1].text not in QUOTES_OPEN and tok.i - s < 3 and doc[s - 1].is_alpha:
                s -= 1
            if s > 0 and doc[s - 1].text in QUOTES_OPEN:
                out.append((s, tok.i + 1, "FACTION", "mentions.quoted_group.v1"))
                continue
        if PARTISANS.match(low) and tok.tag_ == "NNS" and tok.i > 0 and doc[tok.i - 1].ent_type_ == "NORP" \
                and doc[tok.i - 1].tag_ == "JJ" and low.endswith(("ists", "ites")):
            out.append((tok.i - 1, tok.i + 1, "FACTION", "mentions.partisans.v1"))
            continue
        # faction: 'the royalists', 'the reactionaries': the followers of a cause, named as
        # a group the story refers to (a bare plural, 'royalists were few', says less)
        # faction: 'the conspirators', 'the Boeotian exiles': those who act together against
        # the powers that be, named as a group
        if low in lex.rising_groups and tok.tag_ == "NNS" and tok.i > 0:
            prev = doc[tok.i - 1]
            if prev.text[:1].isupper() and (prev.ent_type_ == "NORP" or DEMONYM_ADJ.search(prev.text)) \
                    and not prev.is_sent_start:
                out.append((tok.i - 1, tok.i + 1, "FACTION", "mentions.rising_group.v1"))
                continue
            if prev.lower_ == "the" and tok.dep_ in ARGUMENTS | {"conj", "appos"}:
                out.append((tok.i, tok.i + 1, "FACTION", "mentions.rising_group.v1"))
                continue
        # 'the nobles', 'the augurs': an order of society or a college of priests, named as
        # one actor ('the nobles murmured', 'the augurs forbade the assembly')
        if low in COLLECTIVE_GROUPS and tok.pos_ in ("NOUN", "PROPN") and tok.i > 0 and doc[tok.i - 1].lower_ == "the" \
                and tok.dep_ in ARGUMENTS | {"conj", "appos"} and not (tok.dep_ == "pobj" and tok.head.lower_ == "of"):
            # (not 'the tread of the nobility': a group that acts or is acted upon)
            out.append((tok.i, tok.i + 1, COLLECTIVE_GROUPS[low], "mentions.collective_group.v1"))
            continue
        if ADHERENTS.search(low) and tok.tag_ == "NNS" and tok.i > 0 and doc[tok.i - 1].lower_ == "the" \
                and tok.dep_ in ARGUMENTS | {"conj", "appos"}:
            out.append((tok.i, tok.i + 1, "FACTION", "mentions.adherents.v1"))
            continue
        # policy: a way of doing things named after its deviser ('the Lancaster system',
        # 'the Froebel methods'): the phrase is the policy, the surname stays a person
        if low in lex.devised_policy_nouns and tok.pos_ == "NOUN" and tok.i > 0 \
                and _attributive_person(doc[tok.i - 1]):
            out.append((tok.i - 1, tok.i + 1, "POLICY", DEVISED_RULE))
            continue
        # policy: a process noun with a noun modifier ('grain requisitioning', 'state planning'),
        # or any policy noun with a complement ('tax in kind', 'monopoly of foreign trade')
        nominal = tok.pos_ == "NOUN" or tok.tag_ == "VBG" and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass")
        if low in lex.policy_heads and nominal:
            mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i
                    and c.pos_ in ("NOUN", "ADJ", "PROPN") and c.lower_ not in VAGUE_MODIFIERS]
            e = tok.i + 1
            complement = False
            if e + 1 < n and doc[e].lower_ in ("of", "in", "on") and doc[e + 1].pos_ == "NOUN" \
                    and doc[e + 1].text.islower():
                e += 2
                complement = True
            elif e + 2 < n and doc[e].lower_ in ("of", "on") and doc[e + 1].pos_ == "ADJ" \
                    and doc[e + 2].pos_ == "NOUN":
                e += 3
                complement = True
            process = low.endswith(("ing", "ation", "isation", "ization")) and any(
                m.pos_ == "NOUN" for m in mods)
            if complement or process or mods and policy_counts[tok.lemma_.lower()] >= 3:
                s = min([m.i for m in mods], default=tok.i)
                out.append((s, e, "POLICY", "mentions.policy_np.v1"))
                continue
        # event: 'the trial of Dreyfus', 'the exile of Napoleon': what befell a named person
        # ('the death of a soldier', 'the trial of the case' name no event)
        if low in lex.life_event_heads and tok.pos_ == "NOUN" and nxt is not None and nxt.lower_ == "of" \
                and (end := _named_one_after(doc, nxt.i + 1, run_end)):
            out.append((tok.i, end, "EVENT", LIFE_EVENT_RULE))
            continue
        # place: 'the temple at Olympia', 'the tomb of Hadrian', 'an altar to Victory': a
        # building or monument a name places or dedicates
        if low in lex.monument_heads and tok.pos_ == "NOUN" and nxt is not None and nxt.lower_ in ("of", "at", "to"):
            k = nxt.i + 1 + (nxt.i + 1 < n and doc[nxt.i + 1].lower_ == "the")
            end = run_end.get(k)
            if end is not None and guess_kind(doc[k:end]) in (None, "PLACE") and any(
                    c.dep_ == "pobj" and k <= c.i < end for c in nxt.children):
                out.append((tok.i, end, "PLACE", MONUMENT_RULE))
                continue
        # body: 'the corporation of Bristol', 'the garrison of Calais': a town's institution
        # (not its army or fleet, which the story names by the town itself)
        if low in lex.body_heads and low not in TRANSIENT_BODIES and tok.pos_ == "NOUN" and nxt is not None \
                and nxt.lower_ == "of" and (end := run_end.get(nxt.i + 1)) is not None \
                and _a_place(doc[nxt.i + 1:end]):
            out.append((tok.i, end, "BODY", TOWN_BODY_RULE))
            continue
        # body: 'a member of the cabinet', 'a seat in the council': a body named in lower case
        # where its members are
        if low in lex.body_heads and low not in TRANSIENT_BODIES and tok.pos_ == "NOUN" and tok.dep_ == "pobj" \
                and MEMBERSHIP_HEADS.get(tok.head.head.lower_) == tok.head.lower_ \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            out.append((tok.i, tok.i + 1, "BODY", "mentions.member_of_body.v1"))
            continue
        # body: 'the old régime', 'the former regime': the government a revolution swept away
        if low in ("régime", "regime") and tok.pos_ in ("NOUN", "PROPN") \
                and tok.dep_ not in ("compound", "nmod", "amod") \
                and not (
                nxt is not None and nxt.pos_ in ("NOUN", "ADJ", "PROPN")):  # (not 'the old régime officers')
            former = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.lower_ in FORMER
                      and c.i == tok.i - 1]
            if former:
                out.append((former[0].i, tok.i + 1, "BODY", "mentions.former_regime.v1"))
                continue
        # event: 'the Kronstadt mutiny', 'peasant uprisings', 'Lenin’s stroke'
        # (not a verb the tagger took for a noun, 'in their rise strike one as')
        if low in lex.event_heads and tok.pos_ == "NOUN" and not (nxt is not None and nxt.lower_ in OBJECT_PRONOUNS):
            mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod")
                    and c.i < tok.i and c.pos_ in ("PROPN", "NOUN", "ADJ")
                    and c.lower_ not in VAGUE_MODIFIERS
                    and (c.text[:1].isupper() or c.dep_ == "compound" or _duration(c))]
            if mods:
                s = min(m.left_edge.i for m in mods)
                while s < tok.i and (doc[s].is_stop and doc[s].dep_ != "nummod" or doc[s].is_punct):
                    s += 1  # (but not the count of a span of time: 'nine months' siege')
                if s < tok.i:
                    out.append((s, tok.i + 1, "EVENT", "mentions.event_np.v1"))
                    continue
            # 'the revolt of the Tambov province peasantry', 'the murder of Caesar'
            if nxt is not None and nxt.lower_ in ("of", "at", "in") and low not in lex.event_need_modifier:
                end = _of_complement(doc, nxt)
                if end is not None and end - tok.i <= 7 and not any(
                        t.text in POSSESSIVE for t in doc[tok.i:end]):
                    out.append((tok.i, end, "EVENT", "mentions.event_of.v1"))
    return out


def _duration(tok: Token) -> bool:
    """'a nine months' siege', 'a ten years' war': a counted span of time that measures an
    event names it."""
    return tok.dep_ == "poss" and tok.lower_ in DURATION_UNITS and any(
        c.dep_ == "nummod" for c in tok.children) and any(c.dep_ == "case" for c in tok.children)


def _named_one_after(doc: Doc, i: int, run_end: dict[int, int]) -> int | None:
    """End of the name run that starts at ``i`` when it may name a person: not a place the
    gazetteer or the model knows, nor a name whose head noun says it is a body, a place or an
    event ('the trial of the Seven Bishops' is of men, 'the death of Athens' is no man's)."""
    from .entities import gazetteer  # (the place list lives with the other kind votes)

    end = run_end.get(i)
    if end is None:
        return None
    span = doc[i:end]
    if guess_kind(span) not in (None, "OFFICE") or norm(span.text) in gazetteer() or (
            end - i == 1 and doc[i].ent_type_ in ("GPE", "LOC", "FAC", "NORP")):
        return None
    return end


def _one_per_life_event(doc: Doc, found: list[tuple[int, int, str | None, str]]) -> list[tuple[int, int, str | None,
                                                                                                 str]]:
    """The fullest naming of each life event: 'the death of King Henry the Fourth' once
    the text has said it, not 'the death of Charles' as well (a second entity for one death)."""
    titles = lexicon().person_titles | lexicon().office_heads
    kept: list[tuple[tuple[int, int, str | None, str], str, set[str]]] = []
    for c in sorted(found, key=lambda c: (-(c[1] - c[0]), c[0])):
        if c[3] != LIFE_EVENT_RULE:
            kept.append((c, "", set()))
            continue
        head = doc[c[0]].lemma_.lower()
        words = {t.lower_ for t in doc[c[0] + 2:c[1]] if t.lower_ not in titles}
        if not any(h == head and words <= w for _, h, w in kept):
            kept.append((c, head, words))
    return sorted(k[0] for k in kept)


WORK_NOUNS = lexicon().work_nouns
ATTRIBUTIVE_RULE = "mentions.attributive_person.v1"
DEVISED_RULE = "mentions.devised_policy.v1"
NAMED_HEAD_RULE = "mentions.named_head.v1"
LIFE_EVENT_RULE = "mentions.life_event.v1"
MONUMENT_RULE = "mentions.monument.v1"
TOWN_BODY_RULE = "mentions.town_body.v1"
BOOK_TITLES = entity_words().mentions.book_titles
FORMER = entity_words().mentions.former
MEMBERSHIP_HEADS = entity_words().mentions.membership_heads
OBJECT_PRONOUNS = {"one", "me", "him", "her", "us", "them"}
TRANSIENT_BODIES = entity_words().mentions.transient_bodies


def _a_tune(span: Span) -> bool:
    """A title heard: the name after 'the music of', 'the strains of', 'the sound of
    Handel's' is a piece of music."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in lexicon().music_nouns


COUNTING_WORDS = entity_words().mentions.counting_words


def _a_name_given(span: Span) -> bool:
    """The name a naming verb gives to its object: 'calling the tribunes Bruti and Cumæi' (the
    men named are the verb's other object; but 'a fort which is called White Castle' is the
    fort's own name)."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    verb = root.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in NAMING_VERBS or root.dep_ not in (
            "dobj", "oprd", "npadvmod", "attr", "xcomp"):
        return False
    return any(c.dep_ == "dobj" and c.i != root.i and c.i < root.i and c.pos_ != "PRON" for c in verb.children)


PARTISAN_SINGULAR_RULE = "mentions.partisan_singular.v1"
REFLEXIVES = {"himself", "herself", "themselves", "myself", "yourself"}
NATION_WORD = re.compile(r"(ian|ean|an|ish|ese|ic|man|men|ite|i)$")


def _partisan_said(tok: Token) -> bool:
    """'professed himself a Jacobite', 'branded as a Girondin', 'he became a Leveller': a
    capitalised word no head noun explains, said of someone after 'a' as what he is. Not a
    people's or a faith's word ('a Frenchman', 'a Virginian', 'a Catholic', which the model
    knows as nationalities and creeds), nor a rank ('a Bishop'): the party he is of, named
    in the singular."""
    reflexive = tok.dep_ in ("ccomp", "dobj", "xcomp") and any(
        c.lower_ in REFLEXIVES and c.i < tok.i for c in (*tok.head.children, *tok.children))  # 'declared himself a X'
    predicate = tok.dep_ in ("attr", "oprd") or tok.dep_ == "pobj" and tok.head.lower_ == "as" or reflexive
    return predicate and tok.tag_ in ("NNP", "NN") and tok.ent_type_ not in ("NORP", "GPE", "LOC") \
        and not NATION_WORD.search(tok.lower_) and guess_kind(tok.doc[tok.i:tok.i + 1]) is None \
        and tok.lower_ not in lexicon().person_titles and tok.lower_ not in lexicon().not_names


def _plural_titles(span: Span) -> bool:
    """A title in the plural with no name: 'Grand Duchesses', 'the Princes' (not 'Lords Commissioners',
    an office, nor 'the Dukes of A and B', whose seats name them)."""
    lex = lexicon()
    last = span[-1].lower_
    one = last[:-2] if last.endswith("sses") else last[:-1]
    return span[-1].tag_ in ("NNS", "NNPS") and last.endswith("s") and one in lex.person_titles \
        and one not in lex.collegiate_offices | lex.body_heads and all(
            t.lower_ in OFFICE_MODIFIERS or t.i == span.end - 1 for t in span)


ABSTRACT_ENDING = re.compile(r"[a-z](dom|ty|ence|ance|ness|ism|ion|ship|hood)$")


def _paired_with_common_word(tok: Token) -> bool:
    """A capitalised word coordinated with a lower-case adjective or abstract noun, neither
    with an article ('local rather than National', 'not only freedom, but also Independence'):
    a word of the same class, capitalised for stress, not a name."""
    if tok.tag_ == "NNPS" or tok.is_sent_start or any(c.dep_ in ("det", "poss") for c in tok.children):
        return False
    pairs = ([tok.head] if tok.dep_ == "conj" else []) + [c for c in tok.children if c.dep_ == "conj"]
    return any(o.text.islower() and not any(c.dep_ in ("det", "poss") for c in o.children) and (
        o.pos_ == "ADJ" and o.lemma_ != "other" or o.pos_ == "NOUN" and ABSTRACT_ENDING.search(o.lower_))
        for o in pairs)


ORIGIN_RULE = "mentions.origin.v1"
FOLK_NOUNS = entity_words().mentions.folk_nouns


def _origin_said(tok: Token) -> bool:
    """'Herodotus, a Halicarnassian by birth', 'a valley with a Frankish population': a people's
    word that says where someone or some folk come from names the people, which stands for
    its land (not 'a Frenchman of old family', what a man merely is)."""
    doc, i = tok.doc, tok.i
    by_birth = i + 2 < len(doc) and doc[i + 1].lower_ == "by" and doc[i + 2].lower_ == "birth"
    folk = i + 1 < len(doc) and doc[i + 1].lower_ in FOLK_NOUNS and tok.head.i == i + 1
    return (by_birth or folk) and DEMONYM_ADJ.search(tok.lower_) is not None and not tok.is_sent_start


def _a_place(span: Span) -> bool:
    """A name the gazetteer or the model knows as a place, and no head noun says otherwise."""
    from .entities import gazetteer  # (the place list lives with the other kind votes)

    return guess_kind(span) in (None, "PLACE") and (norm(span.text) in gazetteer() or all(
        t.ent_type_ in ("GPE", "LOC") for t in span))


def _attributive_person(tok: Token) -> bool:
    """A surname modifying a noun of what a person devises or makes ('the Froebel
    method', 'bad Canova statuary'): the name of a person, though it stands as a modifier.
    Not a people's or a place's word ('the Roman method', 'the Boston school'), nor a
    party's or a doctrine's adjective ('Marxist theory', 'the Bolshevik method')."""
    from .entities import gazetteer  # (the place list lives with the other kind votes)

    head = tok.head
    return tok.dep_ in ("compound", "amod") and head.i == tok.i + 1 and head.text.islower() \
        and head.pos_ == "NOUN" and head.lower_ in WORK_NOUNS and tok.text[:1].isupper() \
        and tok.text[1:].islower() and not tok.is_sent_start and tok.ent_type_ not in ("NORP", "GPE", "LOC", "DATE") \
        and not DEMONYM_ADJ.search(tok.lower_) and not tok.lower_.endswith(("ist", "ite", "ism", "ik", "ic", "al")) \
        and norm(tok.text) not in gazetteer() and tok.lower_ not in lexicon().not_names \
        and not _after_open_quote(tok)


APPOINT_VERBS = lexicon().appoint_verbs | lexicon().acclaim_verbs


def find(d: Document) -> None:
    """Fill ``d.mentions`` and ``d.token_mention``."""
    doc = d.doc
    cands: list[tuple[int, int, str | None, str]] = []
    ent_at: dict[int, Span] = {}
    for ent in doc.ents:
        for t in ent:
            ent_at[t.i] = ent
    for s, e in name_runs(doc):
        for ss, ee, forced in split_title(doc, s, e):
            if ee - ss >= 3 and doc[ss].lower_ in BOOK_TITLES and doc[ss + 1].lower_ == "of":
                # 'see the Life of Numa', 'in his History of Florence': a book, named after its subject
                ss += 2 + (doc[ss + 2].lower_ == "the")
                if ss >= ee:
                    continue
            ss, ee, dated = _with_year(doc, ss, ee)
            span = doc[ss:ee]
            kind = forced or ("EVENT" if dated else guess_kind(span))
            source = "mentions.name_run.v1"
            if kind is None:
                labels = [ent_at[t.i].label_ for t in span if t.i in ent_at]
                lab = Counter(labels).most_common(1)[0][0] if labels else None  # ties: the first (not set order)
                if lab == "NORP" and len(span) > 1 and span[-1].ent_type_ in ("GPE", "LOC"):
                    lab = span[-1].ent_type_  # 'Soviet Russia': the land, which its last word names
                kind = SPACY_KIND.get(lab) if lab else None
                if lab == "NORP" and not (len(span) == 1 and GROUP_PLURAL.match(span.text)):
                    kind = None  # 'Georgian', 'Germans': nationalities, not factions
                    if len(span) > 1 and span[0].text[:1].isupper() and span[-1].text[:1].isupper() \
                            and PEOPLE_PLURAL.search(span[-1].text):
                        kind = "PLACE"  # 'the Transalpine Gauls': a people, which stands for its land
                if lab == "LANGUAGE" and ss > 0 and doc[ss - 1].lower_ == "the" and span.root.pos_ != "ADJ" \
                        and span.root.dep_ not in ("amod", "compound"):
                    kind = "PLACE"  # 'the English themselves': the people who speak it, which stands for its land
                source = f"spacy.ner.{lab}" if lab else source
            if len(span) == 1 and (kind is None or source.startswith("spacy.")) and ss > 0 \
                    and doc[ss - 1].lower_ in ("a", "an"):
                if _partisan_said(span[0]):
                    cands.append((ss, ee, "FACTION", PARTISAN_SINGULAR_RULE))
                elif _origin_said(span[0]):
                    cands.append((ss, ee, "PLACE", ORIGIN_RULE))
                continue  # 'a Frenchman', 'a Roman': what someone is, not a name
            if len(span) == 1 and ss > 0 and doc[ss - 1].lower_ in POSSESSIVE_PRONOUNS and kind != "POLICY":
                continue  # 'His Eminence', 'their Saviour': a form of address or a common noun
                # (but 'their Jansenism' is the doctrine)
            if _a_tune(span):
                continue  # 'the strains of the Marseillaise': a piece of music
            if len(span) == 1 and span[0].tag_ in ("NNS", "NNPS") and ss > 0 and (
                    doc[ss - 1].lower_ in COUNTING_WORDS or doc[ss - 1].tag_ == "CD" and ss > 1
                    and doc[ss - 2].lower_ in COUNTING_WORDS | {"the"}) and kind in ("BODY", "OFFICE"):
                continue  # 'both these Lords', 'the fourteen Doctors': members counted, not a body named
            if _a_name_given(span):
                continue  # 'calling the tribunes Bruti': what something is called, not who it is
            if len(span) == 1 and ss >= 2 and doc[ss - 1].lower_ == "the" and (doc[ss - 2].ent_type_ in (
                    "PERSON", "ORG") or doc[ss - 2].pos_ == "PROPN") and doc[ss - 2].text[:1].isupper() \
                    and span[0].text not in EPITHETS \
                    and guess_kind(span) is None and not ORDINAL_WORDS.match(span.text) and span[0].tag_ == "NNP" \
                    and ss - 2 in (span[0].head.i, *[c.i for c in span[0].children]):
                continue  # 'Diogenes the Cynic', 'John the Baptist': a man's byname, not a second man
            if len(span) == 1 and span[0].lower_ in lexicon().not_names:
                continue  # 'for Madam to strip', 'Providence willed': a form of address or a common word
            if _plural_titles(span) and not (ee < len(doc) and doc[ee].lower_ == "of") and not (
                    ss > 0 and doc[ss - 1].lower_ == "the"):
                continue  # 'a setting for Grand Duchesses', 'its Generals': no one named ('the Senators' act)
            if len(span) == 1 and guess_kind(span) is None and _paired_with_common_word(span[0]):
                continue  # 'local rather than National', 'freedom, but also Independence': capitalised for stress
            if len(span) == 1 and span[0].lower_ in lexicon().divine_names:
                continue  # 'cursed by Satan', 'the suppliant of Apollo': a god is no actor of the story
            if len(span) == 1 and _attributive_person(span[0]):
                cands.append((ss, ee, "PERSON", ATTRIBUTIVE_RULE))
                continue
            if len(span) == 1 and (source != "mentions.name_run.v1" or kind is None or kind in ("BODY", "PLACE")):
                # ('Government encouragement', 'the Soviet régime': a body's word as a modifier)
                tok = span[0]
                if tok.tag_ == "JJ" and not _name_opening_sentence(tok) or tok.dep_ == "amod" or (
                        tok.dep_ == "compound" and tok.head.text.islower() and tok.head.pos_ == "NOUN"
                        and tok.ent_type_ not in ("GPE", "LOC")
                        and tok.head.lower_ not in _policy_words().agent_nouns):
                    continue  # 'the Soviet state', 'the Bolshevik party': a modifier, not a name
            cands.append((ss, ee, kind, source))
    beside: list[tuple[int, int, str | None, str]] = []
    for s, e, kind, rule in lower_patterns(doc):
        # ('shared the exile of Charles': the extractors read the man, the event is a mention beside him)
        (beside if rule in (LIFE_EVENT_RULE, MONUMENT_RULE, TOWN_BODY_RULE) else cands).append((s, e, kind, rule))
    cands.extend(stance_policy_phrases(doc))
    # longest first; rule-found spans over name runs of the same extent
    # and a doctrine a stance word takes ('hostile to Jacobinism') over the model's label for it
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0], not (c[3] == POLICY_RULE and _doctrine(doc[c[0]:c[1]]))))
    taken: set[int] = set()
    chosen: list[tuple[int, int, str | None, str]] = []
    for s, e, kind, source in cands:
        if any(i in taken for i in range(s, e)):
            continue
        span = doc[s:e]
        text = span.text.strip("‘’“”'\"")
        if not text or not any(c.isalpha() for c in text) or ROMAN.fullmatch(text):
            continue
        if len(span) == 1 and span[0].tag_ == "JJ" and kind == "FACTION":
            continue  # 'Georgian' as an adjective names no group
        if e + 3 < len(doc) and doc[e].lower_ == "of" and doc[e + 1].lower_ == "the" and doc[e + 2].lower_ in (
                "future", "morrow"):
            continue  # 'the Socialist state of the future': one imagined, not one the story has
        taken.update(range(s, e))
        chosen.append((s, e, kind, source))
    chosen.sort()
    inner = _inner_names(doc, chosen, ent_at) + _one_per_life_event(doc, beside) + _nested_named_heads(cands, chosen)
    worded, shared = _shared_heads(doc, chosen)
    d.mentions = []
    d.token_mention = {}
    for s, e, kind, source in chosen:
        worded_as = worded.get((s, e))
        span = doc[s:e]
        # strip enclosing quotes from the span itself
        while s < e and doc[s].text in QUOTES_OPEN:
            s += 1
        while e > s and doc[e - 1].text in QUOTES_CLOSE and doc[e - 1].text not in ("’",):
            e -= 1
        span = doc[s:e]
        if not len(span):
            continue
        idx = len(d.mentions)
        d.mentions.append(
            Mention(span.start_char, span.end_char, worded_as or span.text, kind or "", source, tokens=(s, e))
        )
        for t in span:
            d.token_mention[t.i] = idx
    # names inside longer names ('editor of Pravda') are mentions too, though the
    # tokens belong to the longer one for the relation extractors
    for s, e, kind, source in inner:
        span = doc[s:e]
        d.mentions.append(Mention(span.start_char, span.end_char, span.text, kind or "", source,
                                  tokens=(s, e)))
    # ('the Soviets of Tula and Kazan': the Kazan Soviet, named on 'Kazan' beside the town)
    for s, e, kind, source, text in shared:
        span = doc[s:e]
        d.mentions.append(Mention(span.start_char, span.end_char, text, kind, source, tokens=(s, e)))


YEAR = re.compile(r"1\d{3}|20\d\d")
# the head words of a contest held again and again, whose year is part of its name:
# 'the 1908 Summer Olympics', 'the Song Contest 1962', 'the 1974 World Cup'
SEASON_HEADS = entity_words().mentions.season_heads
# an event named by the year it broke out: 'the War of 1812', 'the Revolution of 1830'
YEAR_OF_HEADS = entity_words().mentions.year_of_heads
DURATION_UNITS = entity_words().mentions.duration_units


def _with_year(doc: Doc, start: int, end: int) -> tuple[int, int, bool]:
    """A name run widened by the year that belongs to its name ('1908 Summer Olympics',
    'Song Contest 1962', 'War of 1812'), and whether it was: a bare year is no name of its
    own (it is not capitalised), but the same contest of another year is another event."""
    head = doc[end - 1].lower_
    if head in SEASON_HEADS and end - start > 1 or head in ("olympics", "paralympics"):
        if start > 0 and YEAR.fullmatch(doc[start - 1].text):
            return start - 1, end, True
        if end < len(doc) and YEAR.fullmatch(doc[end].text):
            return start, end + 1, True
    if head in YEAR_OF_HEADS and end + 1 < len(doc) and doc[end].lower_ == "of" and YEAR.fullmatch(doc[end + 1].text):
        return start, end + 2, True
    return start, end, False


PARTICLES = {"von", "van", "de", "da", "di", "du", "del", "della", "der", "den", "la", "le", "ter", "ten", "dos"}
FOREIGN_AND = {"i", "y", "et", "und", "e"}
GERMAN_ARTICLES = {"der", "die", "das", "des", "dem", "den"}
GERMAN_LINKS = GERMAN_ARTICLES | {"in", "im", "zu", "zum", "zur", "vom", "am", "auf", "und"}
POSSESSIVE_PRONOUNS = {"his", "her", "your", "their", "our", "my", "its", "thy"}
WHERE_EVENTS = entity_words().mentions.where_events


def _inner_names(doc: Doc, chosen: list[tuple[int, int, str | None, str]],
                 ent_at: dict[int, Span]) -> list[tuple[int, int, str | None, str]]:
    """Names nested in offices, events and policies: the body in 'Chairman of the Georgian
    Revolutionary Committee', the place in 'the revolt of the Tambov province peasantry'."""
    from .entities import PERSON_SHAPE  # (the surname endings live with the other kind votes)

    out = []
    copies: SpanDocs | None = None  # built on the first nested name
    for s, e, kind, _source in chosen:
        # 'the Sazonov Ministry', 'the Stolypin reform': a man's surname opening the name
        if kind in ("BODY", "POLICY", "EVENT") and e - s >= 2 and doc[s].text[:1].isupper() \
                and PERSON_SHAPE.search(doc[s].text) and doc[s].ent_type_ not in ("GPE", "NORP", "LOC"):
            out.append((s, s + 1, "PERSON", "mentions.inner_name.v1"))
        elif kind in ("POLICY", "EVENT") and e - s >= 2 and _attributive_person(doc[s]):
            out.append((s, s + 1, "PERSON", ATTRIBUTIVE_RULE))  # 'the Froebel methods' advocated
        # 'the Gulf of Finland', 'the Isthmus of Suez': the town or land a feature is named after
        # 'the Soviets of Nizhny Novgorod', 'the Naval Schools of Samara': the town a body is of
        if kind in ("PLACE", "BODY") and guess_kind(doc[s:e]) == kind and (
                whose := _office_complement(doc, s, e)) and _a_place(doc[whose[0]:whose[1]]):
            out.append((*whose, "PLACE", "mentions.inner_name.v1"))
        if kind not in ("OFFICE", "EVENT", "POLICY") or e - s < 2:
            continue
        copies = copies or SpanDocs(doc)
        runs = [(rs + s, re_ + s) for rs, re_ in name_runs(copies.as_doc(doc[s:e]))]
        if kind == "OFFICE" and (whose := _office_complement(doc, s, e)) is not None and whose not in runs \
                and (guess_kind(doc[whose[0]:whose[1]]) in ("BODY", "PLACE") or _a_place(doc[whose[0]:whose[1]])):
            runs.append(whose)  # 'Chairman of the Board of Trade': the body the post is of
        for rs, re_ in runs:
            if rs == s and re_ == e or (rs == s and kind != "EVENT"):
                continue
            if rs > s and doc[rs - 1].lower_ not in ("of", "for", "the", "at", "on", "in", "to") and kind != "EVENT":
                continue
            sub = doc[rs:re_]
            k = guess_kind(sub)
            labels = [ent_at[t.i].label_ for t in sub if t.i in ent_at]
            lab = Counter(labels).most_common(1)[0][0] if labels else None  # ties: the first (not set order)
            if k is None and kind == "EVENT" and (doc[rs - 1].lower_ in ("at", "near", "off", "before") or (
                    doc[rs - 1].lower_ == "of" and doc[s].lower_ in WHERE_EVENTS)):
                k = "PLACE"  # 'the battle at Mollwitz', 'the siege of Ostend': where it happened
            if k is None and lab in ("GPE", "LOC", "ORG", "PERSON", "FAC"):
                k = SPACY_KIND[lab]
            elif k is None and kind == "OFFICE" and re_ - rs > 1 and re.search(r"[a-z][^s]s$", doc[re_ - 1].text):
                k = "FACTION"  # 'ataman of the Yaik Cossacks': a people's named branch (whatever the model says)
            if k is not None and k != kind:
                out.append((rs, re_, k, "mentions.inner_name.v1"))
    return out


SHARED_HEAD_RULE = "mentions.shared_head.v1"


def _shared_heads(doc: Doc, chosen: list[tuple[int, int, str | None, str]]) -> tuple[
        dict[tuple[int, int], str], list[tuple[int, int, str, str, str]]]:
    """Names that share one plural head noun: 'Oxford and Regent Streets' are Oxford Street and
    Regent Street, 'the Soviets of Tula, Kazan and Samara' three Soviets, one of each town.

    Why: a writer names several places or bodies of one kind once, with the head in the
    plural; each is a name of its own ('Regent Streets' is no street's name). The first
    form ('X and Y Streets') rewords the names in place: the bare 'Wall' becomes 'Wall
    Street'. The second ('Soviets of X, Y and Z') keeps each town a place and names each
    further body on its town, as a mention beside it. Returns the rewordings by span and
    the bodies named beside their towns.
    """
    lex = lexicon()
    heads = lex.place_heads | lex.body_heads
    at = {(s, e): kind for s, e, kind, _ in chosen}
    ends = {e: s for s, e, _, _ in chosen}
    starts = {s: e for s, e, _, _ in chosen}
    worded: dict[tuple[int, int], str] = {}
    beside: list[tuple[int, int, str, str, str]] = []

    def listed_before(k: int) -> list[tuple[int, int]]:
        """The one-word names listed before token ``k`` ('Oxford and', 'Elbe, Saale and')."""
        items: list[tuple[int, int]] = []
        if k < 2 or doc[k - 1].lower_ not in ("and", "&") or (k - 1) not in ends:
            return items
        j = k - 1
        while j in ends and at[(ends[j], j)] in (None, "PLACE", "BODY", "PERSON") and j - ends[j] == 1:
            items.append((ends[j], j))
            j = ends[j]
            if j >= 2 and doc[j - 1].text == "," and (j - 1) in ends:
                j -= 1
            else:
                break
        return items

    for s, e, kind, _ in chosen:
        head = doc[e - 1]
        plural = head.tag_ in ("NNS", "NNPS") and head.lower_.endswith("s") and head.lower_[:-1] in heads
        if e - s == 2 and plural and head.lower_ in heads and kind in ("PLACE", "BODY"):
            items = listed_before(s)
            if items:
                one = head.text[:-1]
                worded[(s, e)] = f"{doc[s].text} {one}"  # 'Regent Streets' -> 'Regent Street'
                for a, b in items:
                    worded[(a, b)] = f"{doc[a:b].text} {one}"
        # 'the Soviets of Tula, Kazan, Samara and other cities'
        words = [t.lower_ for t in doc[s:e]]
        if kind != "BODY" or "of" not in words or e >= len(doc):
            continue
        k = s + words.index("of")
        owner = doc[k - 1]
        if owner.tag_ not in ("NNS", "NNPS") or not owner.lower_.endswith("s") or owner.lower_[:-1] not in heads:
            continue
        one = f"{doc[s:k - 1].text} {owner.text[:-1]}".strip()
        j, listed = e, len(beside)
        while j + 1 < len(doc) and doc[j].text in (",", "and"):
            if doc[j].text == "," and doc[j + 1].lower_ == "and":
                j += 1  # ('Kazan, and Samara')
            b = starts.get(j + 1)
            if b is None or not _a_place(doc[j + 1:b]) and at[(j + 1, b)] != "PLACE":
                break
            beside.append((j + 1, b, "BODY", SHARED_HEAD_RULE, f"{one} of {doc[j + 1:b].text}"))
            j = b
        c = k + 1 + (doc[k + 1].lower_ == "the")
        if len(beside) > listed and c < e and not _a_place(doc[c:e]) and guess_kind(doc[c:e]) in (None, "PLACE"):
            # ('the Soviets of Nizhny Novgorod and Samara': listed with a town, a town)
            beside.append((c, e, "PLACE", SHARED_HEAD_RULE, doc[c:e].text))
    return worded, beside


def _nested_named_heads(cands: list[tuple[int, int, str | None, str]],
                        chosen: list[tuple[int, int, str | None, str]]) -> list[tuple[int, int, str | None, str]]:
    """A place or body named by a name before its head noun inside a longer mention of
    another kind: 'the Tambov province' in 'the revolt of the Tambov province peasantry'."""
    out = []
    for s, e, kind, rule in cands:
        if rule != NAMED_HEAD_RULE or kind not in ("PLACE", "BODY") or (s, e, kind, rule) in chosen:
            continue
        if any(cs <= s and e <= ce and (cs, ce) != (s, e) and ckind not in (kind, None)
               for cs, ce, ckind, _ in chosen):
            out.append((s, e, kind, rule))
    return out


def _office_complement(doc: Doc, s: int, e: int) -> tuple[int, int] | None:
    """The capitalised name after an office's first 'of' or 'for' ('President of the Royal
    Society' -> 'Royal Society'), which a run of capitals takes in whole with the post."""
    k = next((x for x in range(s + 1, e - 1) if doc[x].lower_ in ("of", "for")
              or doc[x].lower_ == "to" and office_stem(doc[x - 1].text)), None)
    if k is None:
        return None
    k += 1
    if doc[k].lower_ == "the":
        k += 1
    return (k, e) if k < e and doc[k].text[:1].isupper() else None


# ---------------------------------------------------------------------------------------
# Policies named by common-noun phrases ('spoke against the resolution on the trade
# unions', 'advocated immediate peace', 'stood for insurrection', 'favored abolition').
#
# A policy is rarely a proper name: it is what someone stands for or against. So a
# common-noun phrase counts as a POLICY where a verb, adjective or noun of stance towards
# a measure takes it as its object (the word classes of rules/stance.json), its subject
# is someone named, and its head is of the class of nouns that name measures, goals or
# doctrines (rules/policy_phrases.json): a policy head, a political good ('peace',
# 'liberty'), or an abstract noun by its suffix ('-ism', '-ation', '-ery'); a gerund with
# its object ('giving the land to the peasants') names an act proposed.
# ---------------------------------------------------------------------------------------

POLICY_RULE = "mentions.stance_policy.v1"
POLICY_MAX_TOKENS = limits().tokens.policy_name
ARTICLES = {"the", "a", "an"}
DEFINITE = {"the", "this", "that", "these", "those"}
NAMING_PREPS = ("of", "on", "in", "to", "for", "without")
"""Prepositions whose phrase, right after a policy noun, is part of its name ('tax on salt');
'the compromise along with X' is only 'the compromise'."""


@lru_cache(maxsize=1)
def _policy_words() -> PolicyPhraseWords:
    """A policy phrase's own words (``policy_phrases.json``) with the stance words that take
    one, both read through their schemas."""
    own, sw = policy_phrases(), stance_words()
    return PolicyPhraseWords(
        **own.model_dump(),
        verbs=sw.policy_support_verbs | sw.policy_oppose_verbs,
        preps={k: [*sw.policy_support_prep.get(k, []), *sw.policy_oppose_prep.get(k, [])]
               for k in {*sw.policy_support_prep, *sw.policy_oppose_prep}},
        stance_nouns=sw.ally_nouns | sw.oppose_nouns | sw.conflict_nouns | sw.hostile_feeling_nouns
        | sw.friendly_feeling_nouns,
        stance_adjectives=frozenset(sw.stance_adjectives), stance_phrases=frozenset(sw.stance_phrases),
        container_nouns=sw.container_nouns, reversing_nouns=sw.reversing_nouns,
        hostile_nouns=sw.hostile_action_nouns, want_nouns=frozenset(sw.want_nouns), agent_nouns=sw.agent_nouns)


@lru_cache(maxsize=1)
def _triggers() -> frozenset[str]:
    """Every word that can take a policy as its object (a phrasal verb by its verb)."""
    w = _policy_words()
    return frozenset({v.split()[0] for v in w.verbs} | set(w.preps) | w.stance_nouns | w.stance_adjectives
                     | w.stance_phrases | w.want_nouns)


class PolicyPhraseWords(BaseModel):
    """The word classes of a policy phrase and of the stance words that take one."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    goal_nouns: frozenset[str]
    """Political goods and measures named by a plain noun: 'peace', 'liberty', 'discipline'."""
    generic_nouns: frozenset[str]
    """Nouns of measures in general ('a resolution', 'the proposal'): a policy only with a
    modifier or complement that says which ('the resolution on the trade unions')."""
    abstract_suffixes: tuple[str, ...]
    """Endings of nouns of doctrine, process or institution: '-ism', '-ation', '-ery'."""
    not_policies: frozenset[str]
    """Abstract nouns of those endings that name no measure ('situation', 'position')."""
    verbs: frozenset[str]
    preps: dict[str, list[str]]
    stance_nouns: frozenset[str]
    stance_adjectives: frozenset[str]
    stance_phrases: frozenset[str]
    container_nouns: frozenset[str]
    reversing_nouns: frozenset[str]
    hostile_nouns: frozenset[str]
    """'the extermination of the Girondins': a harm done to someone, not a measure."""
    want_nouns: frozenset[str]
    """'his desire of kingly power', 'their demand for peace': wanting or refusing a measure."""
    agent_nouns: frozenset[str]
    """'Government authorities': people acting for the body their modifier names, which
    stays a mention (unlike 'Government encouragement')."""


def _named_subject(verb: Token) -> bool:
    """Someone named (or a pronoun for someone) does the verb: 'Halifax opposed', 'they
    demanded', 'the Cadets declared', 'was defended by South Carolina'."""
    for _ in range(3):
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
        subj = [o for s in subj for o in ([s] if s.dep_ == "nsubj" else
                                          [x for x in s.children if x.dep_ == "pobj"])]
        if subj:
            s = subj[0]
            return s.pos_ == "PROPN" or s.lower_ in ("he", "she", "they", "who", "we", "i") or any(
                t.text[:1].isupper() and not t.is_sent_start for t in s.subtree)
        if verb.dep_ not in ("conj", "xcomp", "advcl", "acl", "relcl") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _stance_objects(tok: Token, w: PolicyPhraseWords) -> list[tuple[Token, bool]]:
    """What a stance word is about: the object of 'advocated', 'spoke against', 'in favour
    of', 'hostile to', 'enemy of'; and whether it sits inside 'the cause of', 'the repeal
    of', where a bare definite noun names the measure ('the repeal of the excise')."""
    lemma = tok.lemma_.lower()
    if lemma not in _triggers() and tok.lower_ not in _triggers():
        return []
    for c in tok.children:  # 'drew up a plan'
        if c.dep_ == "prt" and f"{lemma} {c.lower_}" in w.verbs:
            lemma = f"{lemma} {c.lower_}"
    out: list[Token] = []
    if tok.pos_ == "VERB" and _named_subject(tok):
        if lemma in w.verbs:
            out += [c for c in tok.children if c.dep_ == "dobj"]
            out += broken_object_list(tok)
            # 'the slave trade, which was defended by Georgia'
            if any(c.dep_ == "agent" for c in tok.children):
                out += [tok.head if c.lower_ in ("which", "that") and tok.dep_ == "relcl" else c
                        for c in tok.children if c.dep_ == "nsubjpass"]
        preps = w.preps.get(lemma, [])
        out += [o for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
                for o in c.children if o.dep_ in ("pobj", "pcomp")]
    elif tok.pos_ == "NOUN" and (tok.lower_ in w.stance_nouns or tok.lower_ in w.want_nouns or tok.lower_ in
                                 w.stance_phrases and tok.dep_ == "pobj" and tok.head.lower_ == "in"):
        wanted = ("of", "to", "for", "against") if tok.lower_ in w.want_nouns else ("of", "to")
        preps = [x for c in tok.children if c.dep_ == "prep" and c.lower_ in wanted
                 for x in (c, *c.conjuncts)]  # 'enemy of despotism and of popery'
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if not preps and nxt is not None and nxt.dep_ == "prep" and nxt.lower_ in wanted and nxt.lower_ != "of" \
                and tok.dep_ in ("pobj", "dobj") and nxt.head.i in (tok.head.i, tok.head.head.i):
            preps = [nxt]  # 'from the Whig hostility to Jacobinism', 'to' hung on the verb
        out += [o for c in preps for o in c.children if o.dep_ in ("pobj", "pcomp")]
    elif tok.pos_ == "ADJ" and tok.lower_ in w.stance_adjectives:
        # 'loyal to X', and 'loyal as he had been to X' (the 'to' on the concessive clause)
        holders = [tok] + [c for c in tok.children if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ == "as" for m in c.children)]
        out += [o for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("to", "towards", "for")
                for o in c.children if o.dep_ in ("pobj", "pcomp")]
    found: list[tuple[Token, bool]] = []
    for o in out:
        for x in (o, *o.conjuncts):
            inner = None
            if x.lower_ in w.container_nouns | w.reversing_nouns:  # 'the cause of monarchy'
                inner = next((p for c in x.children if c.dep_ == "prep" and c.lower_ == "of"
                              for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
            found.append((inner, True) if inner is not None else (x, False))
    return found


def broken_object_list(verb: Token) -> list[Token]:
    """Items of an object list the parser hung on the verb: 'advocated peace, land to the
    peasants, and control of industry' ('land' as an adverbial noun)."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if not objs:
        return []
    items = [c for c in verb.children if c.dep_ in ("npadvmod", "conj") and c.pos_ == "NOUN" and c.i > objs[0].i
             and c.doc[c.i - 1].is_punct]
    return [x for c in items for x in (c, *c.conjuncts) if x.pos_ == "NOUN"]


def _doctrine(span: Span) -> bool:
    """One capitalised word of doctrine: 'Jacobinism', 'Anarchism', 'Popery'."""
    return len(span) == 1 and span[0].lower_.endswith(("ism", "isms", "ery")) and span[0].text[1:].islower()


def _policy_head(tok: Token, w: PolicyPhraseWords, modified: bool) -> bool:
    """A noun of the class that names measures, goals and doctrines."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    if tok.pos_ == "VERB":  # a gerund with its object: 'giving the land to the peasants'
        return tok.tag_ == "VBG" and any(c.dep_ == "dobj" for c in tok.children)
    doctrine = _doctrine(tok.doc[tok.i:tok.i + 1])
    if tok.pos_ not in ("NOUN", "PROPN") or tok.pos_ == "PROPN" and not doctrine \
            or not (tok.text.islower() or doctrine) or low in w.not_policies \
            or lemma in w.not_policies:
        return False
    if lemma in lexicon().policy_heads or low in lexicon().policy_heads or low in w.generic_nouns:
        return modified
    if lemma in w.goal_nouns or low in w.goal_nouns:
        return True
    return low.endswith(w.abstract_suffixes) and (modified or tok.tag_ == "NN" or doctrine)


def _policy_span(tok: Token) -> tuple[int, int] | None:
    """The phrase a policy head heads, without its articles, possessive pronouns, lists,
    relative clauses and asides."""
    cut = {"conj", "cc", "appos", "relcl", "acl", "punct", "advcl", "prep"} if tok.pos_ == "NOUN" \
        else {"conj", "cc", "appos", "relcl", "punct", "advcl"}
    drop: set[int] = set()
    for c in tok.children:
        # 'proposed the highest honours to him': whom a measure is for is no part of its name
        objs = [o for o in c.children if o.dep_ == "pobj"] if c.dep_ == "prep" else []
        to_someone = bool(objs) and all(o.pos_ == "PRON" for o in objs)
        if c.dep_ in cut and not (c.dep_ == "prep" and c.i == tok.i + 1 and not to_someone
                                  and c.lower_ in NAMING_PREPS):
            drop.update(t.i for t in c.subtree)
    toks = [t for t in tok.subtree if t.i not in drop]
    if not toks or toks[-1].i - toks[0].i + 1 != len(toks):
        return None  # not one stretch of text
    while toks and (toks[0].lower_ in ARTICLES or toks[0].is_punct
                    or toks[0].dep_ == "poss" and toks[0].pos_ == "PRON"):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks or len(toks) > POLICY_MAX_TOKENS or any(t.dep_ == "poss" and t.pos_ == "PRON" for t in toks):
        return None
    if toks[-1].pos_ == "ADJ" and toks[-1].dep_ == "pobj":
        return None  # 'the power of the British' (sovereign read as a verb): a phrase cut short
    if any(t.ent_type_ == "PERSON" or t.pos_ == "PRON" for t in toks):
        return None  # 'the expulsion of Tomski', 'surveillance over them': done to someone
    return toks[0].i, toks[-1].i + 1


def judged_as(verb: Token) -> int:
    """+1 where a verb of judging calls its object good ('regarded X as necessary', 'as a
    safeguard'), -1 where bad ('as ruinous', 'as a grave danger'), else 0: a judgement,
    like a stance word, makes its object a measure one stands for or against."""
    w = policy_words().judgement
    if verb.lemma_.lower() not in w.regard_verbs or verb.pos_ != "VERB":
        return 0
    verdict = 0
    for as_ in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
        heads = [c for c in as_.children if c.dep_ in ("pobj", "amod", "acomp", "attr", "advmod", "nmod")]
        said = [t for h in heads for t in (h, *(c for c in h.children if c.dep_ in ("amod", "advmod", "compound")))]
        if any(t.dep_ == "neg" or t.lower_ in ("not", "never", "hardly", "less") for h in heads for t in h.subtree):
            continue  # 'as not necessary', 'as hardly just': no plain verdict
        lemmas = {t.lemma_.lower() for t in said} | {t.lower_ for t in said}
        good, bad = bool(lemmas & w.good_words), bool(lemmas & w.bad_words)
        verdict += 1 if good and not bad else -1 if bad and not good else 0
    return verdict


def stance_policy_phrases(doc: Doc) -> list[tuple[int, int, str, str]]:
    """Common-noun phrases that name a policy someone stands for or against.

    'The Whigs advocated free trade and the repeal of the excise' -> 'free trade',
    'repeal of the excise'; 'Gracchus stood for land reform' -> 'land reform'.
    """
    w = _policy_words()
    out: list[tuple[int, int, str, str]] = []
    for tok in doc:
        judged = [(o, False) for o in tok.children if o.dep_ == "dobj"] if judged_as(tok) else []
        for o, inside in _stance_objects(tok, w) + judged:
            modified = any(c.dep_ in ("amod", "compound", "nmod") and c.i < o.i for c in o.children) or any(
                c.dep_ == "prep" and c.i == o.i + 1 and c.lower_ in NAMING_PREPS for c in o.children)
            # 'the extermination of the Girondins' is a harm done, 'capital punishment' a measure
            harm = o.lower_ in w.hostile_nouns and not (any(c.dep_ == "amod" for c in o.children) and not any(
                c.dep_ == "prep" and c.lower_ == "of" for c in o.children))
            if harm or not _policy_head(o, w, modified):
                continue
            if not modified and not inside and o.pos_ == "NOUN" and any(
                    c.dep_ == "det" and c.lower_ in DEFINITE for c in o.children):
                continue  # 'the bill', 'the reform': a description that refers back, not a name
            span = _policy_span(o)
            if span is not None:
                out.append((*span, "POLICY", POLICY_RULE))
    return out
