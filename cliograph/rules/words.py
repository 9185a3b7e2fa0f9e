"""The schemas of the relation extractors' word lists, in one place: ``rules/relations.json``
(quotations, lives, events), ``rules/stance.json`` (sides and stances) and
``rules/policies.json`` (measures and decisions). Each file is validated when first loaded,
so that a malformed file fails at start-up with its name."""

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
    """A state sending delegates to a congress ('Prussia sent Hardenberg and Humboldt')."""
    delegate_verbs_inverted: frozenset[str]
    """Of those, verbs whose delegates follow them ('From Austria went Metternich')."""
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


class StanceWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    ally_verbs: frozenset[str]
    succession_verbs: frozenset[str]
    """'Attlee followed Churchill as Prime Minister': who comes after another in a post is
    no ally of his for that."""
    oppose_verbs: frozenset[str]
    ally_prep: dict[str, list[str]]
    oppose_prep: dict[str, list[str]]
    mutual_ally_verbs: frozenset[str]
    mutual_oppose_verbs: frozenset[str]
    ally_nouns: frozenset[str]
    oppose_nouns: frozenset[str]
    conflict_nouns: frozenset[str]
    alliance_nouns: frozenset[str]
    hostile_feeling_nouns: frozenset[str]
    """'a grudge against X', 'his hatred for X': a feeling that sets one against another."""
    friendly_feeling_nouns: frozenset[str]
    """'their sympathy with X', 'his devotion to X': a feeling that sides with another."""
    hostile_manner_nouns: frozenset[str]
    """'treated him with marked incivility': a hostile manner of treating another."""
    defection_nouns: frozenset[str]
    """'the revolt of X from Y': breaking away from another."""
    league_nouns: frozenset[str]
    """'left the confederacy': a league that one may leave."""
    want_nouns: dict[str, int]
    """'his desire of kingly power' (+1), 'their objection to the treaty' (-1): said of the
    one whose wish it is."""
    agent_nouns: frozenset[str]
    """'Government authorities', 'a Cossack delegation': people who act for the body or
    group their modifier names."""
    regard_verbs: frozenset[str]
    """'regarded him as their enemy': the regarder's own stance."""
    persuade_verbs: frozenset[str]
    """'persuaded the Piedmontese to adopt free trade': the persuader's stance as well."""
    command_verbs: frozenset[str]
    """'ordered him to exclude the Jacobins': who orders a deed takes its stance too."""
    lending_verbs: frozenset[str]
    """'declined to lend money to the Directory': giving money or men that may be refused."""
    policy_support_verbs: frozenset[str]
    policy_support_prep: dict[str, list[str]]
    policy_oppose_verbs: frozenset[str]
    policy_oppose_prep: dict[str, list[str]]
    member_nouns: frozenset[str]
    member_roles: dict[str, str]
    member_verbs: dict[str, str]
    member_passive: dict[str, str]
    seat_nouns: frozenset[str]
    reversing_nouns: frozenset[str]
    light_verbs: dict[str, list[str]]
    ally_light_verbs: frozenset[str]
    """'threw their weight with X', 'made common cause with X': a verb and its noun that ally."""
    hostile_action_nouns: frozenset[str]
    demand_verbs: frozenset[str]
    side_nouns: frozenset[str]
    aid_nouns: frozenset[str]
    """'invoked the aid of X', 'sent help to X': help, asked of or given to another."""
    aid_asking_verbs: frozenset[str]
    """'the Scots invoked the aid of the Danes': who asks for another's help sides with them."""
    aid_giving_verbs: frozenset[str]
    """'Venice sent aid to the Greeks': who sends help sides with whom it is sent to."""
    good_nouns: frozenset[str]
    favour_nouns: frozenset[str]
    """'stood high in the favour of the King', 'in the confidence of X': favour, so an alliance."""
    feeling_verbs: frozenset[str]
    refusal_verbs: frozenset[str]
    measure_event_nouns: frozenset[str]
    """'voted against the Jay treaty': an agreement or decree read as an event is, as what
    someone stands for or against, a measure."""
    """'refused to follow him', 'declined to support the bill': refusing support is opposing."""
    """'incurred the animosity of X', 'won the friendship of X': X's feeling towards the subject."""
    """'in Lenin’s good books', 'in her good graces': favour, so an alliance."""
    against_nouns: frozenset[str]
    stance_adjectives: dict[str, int]
    """'hostile to X' (-1), 'loyal to X' (+1): said of the one the adjective describes."""
    stance_phrases: dict[str, int]
    """'in favour of X' (+1), 'in opposition to X' (-1): said of the clause's subject."""
    container_nouns: frozenset[str]
    owned_policy_nouns: frozenset[str]
    """'Stalin’s plan', 'the Whig programme': whose plan it is stands for it."""


@lru_cache(maxsize=1)
def stance_words() -> StanceWords:
    return validated(StanceWords, "stance.json")


class ProgrammeWords(_Strict):
    """A programme set out point by point (``relations/programmes.py``)."""
    verbs: frozenset[str]
    """'demands the following:', 'advocates the following:'."""
    heads: frozenset[str]
    """The word that announces the points: 'the following'."""
    organ_nouns: frozenset[str]
    """'this paper', 'our party': who speaks in a block quotation."""
    block_paragraphs: int
    """How many paragraphs after a block quotation its voice may still run on."""
    point_max_tokens: int
    max_points: int
    institution_heads: frozenset[str]
    """Institutions a party may demand: 'a responsible Ministry', 'separate Parliaments'."""
    joining_verbs: frozenset[str]
    """'X joined with Y in demanding ...': both demand."""
    wing_words: frozenset[str]
    """'the centre Whigs', 'the left Radicals': a wing, not the whole group."""
    convening_verbs: frozenset[str]
    """'convoked the Estates': the verb itself calls the assembly together."""
    inviting_verbs: frozenset[str]
    """'invited the clubs to send delegates to a Congress': calling one that is not yet."""
    issuing_verbs: frozenset[str]
    call_nouns: frozenset[str]
    """'issued a call for a Congress', 'sent out summonses for a Convention'."""


class PolicyWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    assent_verbs: frozenset[str]
    """Verbs that say yes or no to a measure and may leave it unsaid: 'Iowa ratified'."""
    rejecting_verbs: frozenset[str]
    """Of those, the ones that say no: 'Württemberg refused'."""
    following_verbs: frozenset[str]
    """'Indiana followed': doing as the one before did, when the one before assented."""
    joining_verbs: frozenset[str]
    assent_objects: frozenset[str]
    """'joined the majority', 'went with the majority': siding with those who assented."""
    delay_verbs: frozenset[str]
    arrival_verbs: dict[str, list[str]]
    """'Ohio waited until May', 'Iowa did not come in until June' in a series of assents:
    it assented then."""
    assent_lookback: int
    """How many sentences back the measure of a series may have been named."""
    rank_adjectives: frozenset[str]
    """'the first State to ratify', 'the last to sign': a rank in a series of assents."""
    grant_verbs: frozenset[str]
    granted_nouns: frozenset[str]
    """Liberties and benefits one grants another: 'freedom', 'an amnesty', 'rations'."""
    span_max_tokens: int
    intend_verbs: frozenset[str]
    """Verbs of intention and resolution that take the measure as an infinitive."""
    deciding_verbs: frozenset[str]
    """Of those, the ones a body decides by: 'resolved', 'voted', 'decreed'."""
    intended_heads: frozenset[str]
    """Verbs of public works and measures an infinitive of intention may name: 'build',
    'drain', 'abolish' (not 'go', 'see', 'wait')."""
    group_endings: tuple[str, ...]
    """Endings of plural nouns of people: 'teachers', 'sectarians', 'merchants'."""
    programme: ProgrammeWords
    propose_participles: frozenset[str]
    """'brought forward by', 'proposed by', 'drafted by'."""
    proposal_nouns: frozenset[str]
    """Nouns of a measure put forward: 'compromise', 'plan', 'bill'."""
    advocacy_verbs: frozenset[str]
    advocacy_preps: dict[str, list[str]]
    denouncing_verbs: frozenset[str]
    denouncing_preps: dict[str, list[str]]
    """Strong words of advocacy and denunciation, whose object is a measure whatever its
    noun: 'stood for a life service', 'denounced the salt monopoly'."""
    receiving_verbs: frozenset[str]
    consent_nouns: frozenset[str]
    """'received the consent of X', 'won X's approval'."""
    withholding_verbs: frozenset[str]
    giving_verbs: frozenset[str]
    """'withheld his approval of X' (against), 'gave his assent to X' (for)."""
    decree_verbs: frozenset[str]
    """Verbs by which a body decides a measure it names by a common noun: 'decreed
    honours', 'voted a temple'."""
    purpose_nouns: frozenset[str]
    """'with the view of making an amnesty', 'with the object of granting autonomy'."""
    declared_states: dict[str, str]
    """'declared Hungary independent' -> 'independence'."""
    passing_verbs: frozenset[str]
    """Verbs by which an assembly passes a measure: 'was passed', 'was adopted'."""
    session_nouns: frozenset[str]
    """Nouns of assemblies that sit and vote: 'convention', 'senate', 'diet'."""
    provision_nouns: frozenset[str]
    """Nouns of a part of a measure: 'provision', 'clause', 'article'."""
    nominalisations: dict[str, str]
    """The noun of a verb of public choice, naming a way a question offers: 'chosen by
    the crown' -> 'election by the crown'."""


@lru_cache(maxsize=1)
def policy_words() -> PolicyWords:
    return validated(PolicyWords, "policies.json")
