"""Word lists for the quotation, life and event extractors (``rules/relations.json``),
validated when first loaded so that a malformed file fails at start-up with its name."""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from . import validated


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class QuoteWords(_Strict):
    say_short: frozenset[str]
    """Verbs whose direct object may be a short quoted word ('he said ‘No’')."""
    label_verbs: frozenset[str]
    """Verbs that put a label in someone's mouth: 'teased as ‘X’', 'dismissed it as ‘X’'."""
    cognition_verbs: frozenset[str]
    """Verbs of thought: govern a quoted clause ('thought his ‘song was sung’')."""
    address_verbs: frozenset[str]
    """Verbs whose object person is the addressee ('told Maria', 'teased Stalin')."""
    reply_verbs: frozenset[str]
    ask_verbs: frozenset[str]
    """Verbs of asking: the next words spoken answer the one who asked."""
    continue_verbs: frozenset[str]
    continue_adverbs: frozenset[str]
    comm_nouns: frozenset[str]
    """Nouns of written or spoken messages ('a letter to X', 'these lines')."""
    voice_words: frozenset[str]
    """First and second person words: the voice of a letter or a speech."""
    block_break_verbs: frozenset[str]


class LifeWords(_Strict):
    have_verbs: frozenset[str]
    ill_adjectives: frozenset[str]
    ill_become_verbs: frozenset[str]
    conditions: frozenset[str]
    condition_needs_modifier: frozenset[str]
    medical_modifiers: frozenset[str]
    recover_verbs: frozenset[str]
    health_nouns: frozenset[str]
    health_trouble_verbs: frozenset[str]
    health_trouble_nouns: frozenset[str]
    die_verbs: frozenset[str]
    kill_verbs: frozenset[str]
    death_nouns: frozenset[str]
    death_nouns_need_possessor: frozenset[str]
    birth_nouns: frozenset[str]
    unreal_nouns: frozenset[str]
    place_preps: frozenset[str]
    cause_preps: frozenset[str]


class EventWords(_Strict):
    occur_verbs: frozenset[str]
    occur_passive: frozenset[str]
    start_object_verbs: frozenset[str]
    session_heads: frozenset[str]
    participate: dict[str, str]
    """verb lemma -> the role it gives ('lead' -> 'led')."""
    participate_preps: dict[str, frozenset[str]]
    """preposition -> verbs that take the event as its object ('took part in', 'spoke at')."""
    participate_nouns: dict[str, str]
    decide_verbs: frozenset[str]
    described_object_verbs: frozenset[str]
    """Verbs whose object is an event the text describes instead of naming ('suffered a
    massive stroke', 'encouraged an armed rising against the government')."""
    complement_preps: frozenset[str]
    """Prepositions whose phrase belongs to such an event's name ('talks among the powers')."""
    complement_heads: dict[str, frozenset[str]]
    """Nouns that are events only with one of these complements ('attempt on his life')."""
    decide_preps: dict[str, frozenset[str]]
    unreal_heads: frozenset[str]
    """Heads that make an event only wished for or talked of ('debated a truce'), beside
    the clause heads of ``lexicon.json``'s ``unreal_heads``, which the events rules read too."""
    action_verbs: dict[str, str]
    """Verbs of armed action on a place -> the event noun they name ('besieged Eion' is
    the 'siege of Eion')."""
    action_light_verbs: dict[str, frozenset[str]]
    """Light verb -> event nouns it carries out ('laid siege to', 'made an expedition against')."""
    army_actions: frozenset[str]
    """Of the action verbs, those that name an armed action only when a people or an army
    does them to a named place ('took Arras', not 'took the letter' or 'he took Paris by storm')."""
    move_verbs: dict[str, dict[str, str]]
    """Verbs of an army's movement -> preposition -> the event it makes ('marched into
    Artois' is the invasion of Artois, 'sailed round Jutland' the voyage round Jutland)."""
    action_of_nouns: frozenset[str]
    """Event nouns whose target is named with 'of' ('siege of X', not 'siege to X')."""
    action_target_preps: frozenset[str]
    delegate_verbs: frozenset[str]
    """A state sending delegates to a congress ('Virginia sent Madison and Mason')."""
    delegate_verbs_inverted: frozenset[str]
    """Of those, verbs whose delegates follow them ('From Carolina went Rutledge')."""
    fight_heads: frozenset[str]
    """Fights named by where they were fought ('the battle of Pharsalus' happened)."""
    combat_verbs: dict[str, str]
    """Verbs whose object is the other side of a fight ('defeated the Saxons at Hastings')."""
    noun_classes: dict[str, frozenset[str]]
    """Common event nouns by class (fight, war, revolt, expedition, mission, pact, meeting):
    'a battle off Ushant' is an event even unnamed (``relations/battles.py``)."""
    class_preps: dict[str, frozenset[str]]
    """class -> the prepositions whose phrase is part of such an event's name ('war between')."""
    doer_of_classes: frozenset[str]
    """Classes whose 'of X' and 'X's' name a doer ('the revolt of Euboea', not 'the siege of Tyre')."""
    hosted_classes: frozenset[str]
    """Classes whose event the clause's doer makes one even without a named party ('he gave
    a banquet at the Hospital')."""
    figurative_nouns: frozenset[str]
    """Event nouns also said of politics ('a campaign against Smith'): events only against a
    people, a body or a place, or between two sides."""
    engage_verbs: dict[str, str]
    """Verbs whose subject takes part in the event that is their object ('made a truce')."""
    engage_in_verbs: dict[str, str]
    """Verbs whose subject takes part in the event after 'in' ('were defeated in battle')."""
    revolt_verbs: dict[str, str]
    wish_verbs: frozenset[str]
    """Verbs whose event object is only wished for or feared ('hinted at a separate peace')."""
    """Verbs of revolt -> the noun of the event they tell of ('Normandy revolted': the revolt of Normandy)."""


class RelationWords(_Strict):
    quote: QuoteWords
    life: LifeWords
    event: EventWords


@lru_cache(maxsize=1)
def words() -> RelationWords:
    return validated(RelationWords, "relations.json")
