"""The schemas of the stages' own word lists, in one place: ``rules/relations.json``
(quotations, lives, events), ``rules/stance.json`` (sides and stances), ``rules/policies.json``
(measures and decisions), ``rules/extractors.json`` (the extractors' lists the learned layer
does not read as word classes) and ``rules/entities.json`` (mentions, entities, coref). Each
file is validated when first loaded, so that a malformed file fails at start-up with its name."""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from . import Kind, validated


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
    lead_in_verbs: frozenset[str] = frozenset()
    """Verbs besides those of speech whose sentence may lead in the quotation that follows
    it ('expressed his dislike', 'addressed the officers')."""
    second_person: frozenset[str] = frozenset()
    """Words that speak to someone ('you', 'thou', 'Sir'): such words have an addressee, whom
    the narration just before may name."""


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
    instigate_verbs: dict[str, str] = {}
    """Verbs whose subject starts or leads the revolt that is their object -> the role ('caused
    a revolt of Sicily from the Angevins'): who does so opposes whom the revolt is from."""
    surrender_verbs: frozenset[str] = frozenset()
    """What a besieged town does at the end ('compelled Calais to surrender': its capture)."""
    compel_verbs: frozenset[str] = frozenset()
    """Verbs whose object is made to surrender ('forced the town to capitulate')."""
    siege_start_verbs: frozenset[str] = frozenset()
    """Verbs that start a siege named with no town ('landed and commenced a siege'): the siege
    of the place the sentence's battle was fought at."""
    conquest_verbs: dict[str, str] = {}
    """Verbs of taking a land whole -> the noun of the event ('enslaved Melos': the conquest of
    Melos); read like ``action_verbs``, whose event takes a place's name."""
    personal_occurrences: frozenset[str] = frozenset()
    """Nouns of what befalls one person, an event once said to be someone's ('his
    accession', 'the coronation of X'): the event happened."""
    personal_states: frozenset[str] = frozenset()
    """Nouns of a condition a person lives through ('his exile'): an event without a
    moment to say it happened."""
    attendance_nouns: frozenset[str] = frozenset()
    """'was in attendance', 'assiduous in her attendance': at the sick person's side."""
    sickbed_nouns: frozenset[str] = frozenset()
    """Where the sick lie: whoever is at, comes to or leaves it attends the illness."""
    leave_verbs: frozenset[str] = frozenset()
    """'never left his bedside', 'left the bedside': either way he was there."""
    assault_nouns: frozenset[str] = frozenset()
    """'led the offensive on Kronstadt': an armed action on the place of an event just told
    ('the Kronstadt mutiny') is a part of that event."""


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
    leave_verbs: frozenset[str] = frozenset()
    """'Naxos left the confederacy', 'deserted the league': who leaves a league turns against it."""
    exaction_verbs: frozenset[str] = frozenset()
    """'took hostages from the Genoese', 'exacted tribute from Pisa': verbs of exacting ..."""
    exaction_nouns: frozenset[str] = frozenset()
    """... what is exacted from an enemy (hostages, tribute): who exacts it stands against them."""
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


class ExtractorEventWords(_Strict):
    """The events rules' own lists (``relations/events.py``)."""

    planned: frozenset[str]
    """Adjectives that make an event only planned or feared ('the projected invasion')."""
    part_words: frozenset[str]
    """Words of a part of an event ('most of the war', 'the end of the siege')."""
    idle_verbs: frozenset[str]
    """Verbs whose subject does not take part in the event they name ('saw the battle')."""
    suffered: frozenset[str]
    """in a passive, what the subject underwent"""
    engaged: frozenset[str]
    """in a passive, the subject took part ('was engaged in')"""
    ending: frozenset[str]
    """Verbs that end an event ('the war ended')."""
    command_nouns: frozenset[str]
    """Nouns of command ('under the command of X'): X led the event."""
    hold_verbs: frozenset[str]
    """Verbs of holding a town ('which was held by X'): its holders took part in its capture."""
    siege_place_nouns: frozenset[str]
    """Nouns of a place that can be besieged ('the island of X, where he besieged them')."""
    service_verbs: frozenset[str]
    """Verbs of war service ('served with the Navy during the war', 'enlisted in the army in 1914')."""
    service_seen: frozenset[str]
    """Objects of 'saw' that say one served ('saw service in the Boer War')."""
    service_nouns: frozenset[str]
    """Nouns of a serviceman ('was an officer in the Navy during the war')."""
    service_preps: frozenset[str]
    """Prepositions that introduce the war one served in ('during', 'throughout')."""
    perform_verbs: frozenset[str]
    """Verbs of performing a contest's entry ('the entry ..., performed by X')."""
    entry_nouns: frozenset[str]
    """Nouns of a contest's entry ('the Danish entry in the Song Contest')."""
    personal_experiences: frozenset[str] = frozenset()
    """Nouns of what happens to one person in sleep or trance ('in her dream'): the
    person's own event, like an accession ('events.personal_events')."""
    personal_proceedings: frozenset[str] = frozenset()
    """Nouns of proceedings against one person ('his recall', 'her impeachment'): his own
    event, which happened ('events.personal_events')."""
    proceeding_verbs: dict[str, str] = {}
    """Verbs of a proceeding against one person and the noun it is named by ('recalled X': the recall of X)."""
    share_nouns: frozenset[str] = frozenset()
    """Nouns of one's share in an event ('his complicity in the plot'): he took part in it."""
    oath_nouns: frozenset[str] = frozenset()
    """Nouns of a sworn oath, an event when named by what it is of ('the oath of office')."""
    oath_verbs: dict[str, str] = {}
    """Verbs of administering or swearing an oath and the part their subject plays."""
    harangue_verbs: frozenset[str] = frozenset()
    """Verbs of speaking to a gathered audience ('Cato addressed the Senate')."""
    audience_nouns: frozenset[str] = frozenset()
    """Common nouns of a gathered audience: addressing one is a speech ('harangued the troops')."""
    ally_nouns: frozenset[str] = frozenset()
    """Common nouns of a people's men that fight beside others ('the allies from Kent'): where
    they came from took part."""
    foe_to_verbs: frozenset[str] = frozenset()
    """Verbs of engaging in a fight whose 'to' names the other side ('gave battle to the Genoese')."""


class ExtractorLifeWords(_Strict):
    """The lives rules' own lists (``relations/life.py``)."""

    place_nouns: frozenset[str]
    """Common nouns of where one is born or dies ('died at his estate')."""
    unreal_verbs: frozenset[str]
    """Verbs above a birth, death or illness that make it unreal ('feared he would die', 'plotted his
    death')."""
    causes: frozenset[str]
    """Nouns of a cause of death ('died of grief')."""
    ill_verbs: frozenset[str]
    """Verbs whose person subject was taken ill ('she fainted', 'he swooned')."""
    near_miss: frozenset[str]
    """Adverbs that make a death one survived ('almost killed', 'nearly died'): a HEALTH fact."""


class ExtractorStanceWords(_Strict):
    """The stance rules' own lists (``relations/stance.py``)."""

    walkout_verbs: frozenset[str]
    """Verbs of leaving a body in protest ('withdrew from the congress')."""
    harm_verbs: frozenset[str] = frozenset()
    """Verbs of doing harm that a speaker says of a party to accuse it ('declared that the
    Ministry was betraying the country', '“The Whigs are deceiving us,” said Cobbett')."""
    accusing_verbs: frozenset[str] = frozenset()
    """Verbs besides those of speech that report a charge ('agreed with X that Y was ...')."""
    obey_verbs: frozenset[str] = frozenset()
    """Verbs of obeying an order: refusing to obey opposes who gave it."""
    permit_verbs: frozenset[str] = frozenset()
    """Verbs of letting another act: refusing to let one act is standing against him."""
    intent_heads: frozenset[str] = frozenset()
    """Verbs of wanting, trying or asking whose infinitive states the stance of who wants it
    even though it did not happen ('Fox wanted to abolish the Test Act', 'urged the King to
    arrest Wilkes'); never a refusal or a failure."""
    backed_claim_nouns: frozenset[str] = frozenset()
    """What a party says, claims or does that another backs in backing the party ('trusted
    the promises of X', 'supported the claims of X', 'defended the conduct of X')."""
    effort_nouns: frozenset[str] = frozenset()
    """A person's efforts or gifts that the text makes the doer of a deed in his stead ('the
    persistence of X routed the Girondins', 'his eloquence won over the Commons')."""
    collective_nouns: frozenset[str] = frozenset()
    """Nouns that, with a modifier, name a group by its common noun where a verb of stance
    says where it stands ('the bourgeois press defended him', 'the Catholic clergy')."""
    side_change_verbs: frozenset[str] = frozenset()
    """Phrasal verbs of changing sides, with their particle ('went over to the enemy')."""


class OfficeWords(_Strict):
    """Appointments, tenures and their ends (``relations/offices.py``)."""

    serve: frozenset[str]
    """Verbs of serving in a post ('served as consul', 'reigned as king')."""
    send: frozenset[str]
    """'was sent out as commander-in-chief': the one sent"""
    succeed: frozenset[str]
    """Verbs of succeeding another in a post."""
    confirm: frozenset[str]
    """Verbs that confirm an appointment proposed before ('the Senate confirmed the nomination')."""
    candidacy: frozenset[str]
    """Nouns of a candidacy a confirmation confirms ('his nomination')."""
    propose: frozenset[str]
    """Verbs of proposing someone for a post: no appointment yet."""
    charge_nouns: frozenset[str]
    """Nouns of being in charge ('in command of X', 'at the head of X')."""
    head_roles: dict[str, str]
    """one post, whatever the text calls it"""
    become: frozenset[str]
    """Copulas that give the post ('was consul', 'became king')."""
    peerage: frozenset[str]
    """'the Duke of Wellington' names a man by his rank, not a post he holds ('the Bishop of Ely' does)"""
    sovereigns: frozenset[str]
    """rulers whose title stands before their name: 'King Harold', 'Emperor Hadrian', 'Tsar Paul'"""
    hold: frozenset[str]
    """Verbs of holding a post ('held the office of X')."""
    place_nouns: frozenset[str]
    """Nouns of another's place ('took his place', 'in his stead')."""
    take_place: frozenset[str]
    """Verbs of taking another's place."""
    post_nouns: frozenset[str]
    """Nouns of a post ('the office of X', 'the dignity of X')."""
    title_starts: frozenset[str]
    """Words that begin a title, so that a name after them is no post."""
    resign: frozenset[str]
    """Verbs of leaving a post."""
    remove: frozenset[str]
    """Verbs of removing another from a post."""
    hand_over: frozenset[str]
    """'The Great Seal was delivered to X': handing a post's insignia (or the post) to its holder."""
    honours: frozenset[str]
    """Ranks conferred as honours ('obtained a peerage', 'raised to the peerage'): a post held."""
    honour_getting: frozenset[str]
    """Verbs of getting an honour ('obtained a peerage', 'accepted an earldom')."""
    honour_raising: frozenset[str]
    """Verbs of raising someone to an honour ('raised to the peerage', 'elevated to a dukedom')."""


class KinWords(_Strict):
    """Family ties (``relations/kin.py``)."""

    naming: frozenset[str]
    """Verbs of naming a child ('named his son X')."""
    marry: frozenset[str]
    """Verbs of marrying."""
    sibling_of: frozenset[str]
    """Kin nouns whose holders of one parent are siblings ('the sons of X')."""
    parents_of: frozenset[str]
    """Kin nouns of children: 'the son of X and Y' has two parents."""
    parent_nouns: frozenset[str]
    """Nouns of both parents at once ('his parents were A and B')."""
    sibling_nouns: frozenset[str]
    """Nouns of a brother or sister whatever the sex ('her siblings A and B')."""
    listing_verbs: frozenset[str]
    """Verbs whose object lists a kin noun's people ('his children included A and B')."""
    marriage_nouns: frozenset[str]
    """Nouns of a marriage ('his marriage to X')."""
    unreal_marriage: frozenset[str]
    """Words that make a marriage one not made ('his proposed marriage to X')."""


class MembershipWords(_Strict):
    """Belonging to a body or a party (``relations/membership.py``)."""

    play_for: dict[str, tuple[str, str]]
    """a player's or performer's side: verb -> (its preposition, the role)"""
    represented: dict[str, str]
    """Verbs of speaking or acting for a body -> the role they give ('represented X': member)."""
    head_nouns: frozenset[str]
    """Nouns of standing at a group's head ('at the head of X')."""
    wings: frozenset[str]
    """a side of a party: 'the right wing of the Labour party', 'the “centre” Liberals'"""
    party_roles: dict[str, str]
    """a person named by the party they stand for: 'an Irish Labour Party politician', 'the Liberal Party
    candidate', 'a Social Democratic Party deputy'"""
    party_nouns: frozenset[str]
    """Nouns of a party or sect one belongs to ('his party')."""
    paper_nouns: frozenset[str]
    """a man's paper is his to run"""
    represent: frozenset[str]
    """Verbs of representing a body."""
    compose: frozenset[str]
    """Verbs of a body's make-up ('composed of X and Y')."""
    hold_rank: frozenset[str]
    """Verbs of holding a rank ('held a commission in X')."""
    rank_nouns: frozenset[str]
    """Nouns of a rank in a body ('a commission in the army')."""
    party_families: frozenset[str]
    """Political families whose name, capitalised, names a party by itself ('the Liberal
    candidate'); a nationality never does."""
    stood_as: frozenset[str]
    """Verbs after which 'as a Democrat' says for which party one stood."""
    musicians: frozenset[str]
    """The players of a band ('Ironside bassist Tom Hale', 'the guitarist of the band Nightfall')."""
    ensembles: frozenset[str]
    """Nouns of a band ('the band Nightfall')."""
    party_heads: frozenset[str]
    """What a party's own name is built on ('the Movement for Multi-party Democracy')."""


class PassageWords(_Strict):
    """What a passage narrates around a named fight, killing or meeting (``relations/passage.py``)."""

    verdict_nouns: frozenset[str]
    """Nouns of a fight's verdict ('the victory remained with X', 'the day went to X')."""
    verdict_verbs: frozenset[str]
    """Verbs of where a fight's verdict falls ('rested with', 'inclined to')."""
    win_verbs: frozenset[str]
    """Verbs of winning the fight ('gained the day')."""
    victor_adjectives: frozenset[str]
    """Adjectives of the victors and the beaten ('the victorious Swiss', 'the beaten Burgundians')."""
    beaten: frozenset[str]
    """Verbs of beating the other side ('routed the Burgundians')."""
    beaten_nouns: frozenset[str] = frozenset()
    """Nouns of a side's defeat ('at the battle of Nancy, after the rout of the Burgundians')."""
    surrender_nouns: frozenset[str] = frozenset()
    """Nouns of a side's surrender ('the surrender of the Saxons to Charles')."""
    killings: frozenset[str]
    """Nouns of a killing whose strikers the passage then names."""
    blow_verbs: frozenset[str]
    """Verbs of striking a blow."""
    blow_nouns: frozenset[str]
    """Nouns of a blow ('the first stroke')."""
    blades: frozenset[str]
    """Nouns of blades ('drew his sword')."""
    blade_verbs: frozenset[str]
    """(the tagger reads 'bared' as 'bar')"""
    speech_verbs: frozenset[str]
    """Verbs of taking part in a meeting by speaking or voting."""
    floor_nouns: frozenset[str]
    """Nouns of taking the floor ('took the chair', 'mounted the tribune')."""
    force_nouns: frozenset[str]
    """A body of troops or ships that acts under a commander ('forty ships under X gave battle')."""
    onlooker_nouns: frozenset[str] = frozenset()
    """Nouns of one who watched or was received at a gathering ('X was a spectator')."""
    presence_words: frozenset[str] = frozenset()
    """Words after 'was' that place one at the meeting just named ('were there in force')."""


class TimingWords(_Strict):
    """Words that settle a fact's time (``relations/timing.py``)."""

    dissolve_verbs: frozenset[str]
    """Verbs that end a body, and with it its members' seats and its offices."""
    new_words: frozenset[str]
    """Words that make a title a new holder's ('the new King', 'the newly elected Pope')."""


class ReferenceWords(_Strict):
    """Who a common noun stands for (``relations/base.py``)."""

    leaders: frozenset[str]
    """Nouns that stand for a group's leaders ('the Jacobin leaders'): the group acts through them."""


class AffinityWords(_Strict):
    """Affinity said of the one felt about (``relations/affinity.py``)."""

    object_nouns: frozenset[str]
    """'an object of aversion to X': the noun a feeling is said to have as its aim."""
    displeasing_adjectives: frozenset[str]
    """'odious to X': X is hostile to the subject."""
    pleasing_adjectives: frozenset[str]
    """'dear to X': X is friendly to the subject."""
    defeat_verbs: frozenset[str]
    """'was defeated in the Commons': the body opposed the subject."""


class ExtractorWords(_Strict):
    """``rules/extractors.json``: the relation extractors' own word lists. The lists of
    ``relations.json`` and ``stance.json`` are also the learned layer's word classes
    (``learn/features.word_classes``); these are the rules' alone, so that moving a list
    out of Python changes no feature of the learned layer."""

    doc: str = Field(alias="_doc")
    office: OfficeWords
    kin: KinWords
    membership: MembershipWords
    passage: PassageWords
    event: ExtractorEventWords
    life: ExtractorLifeWords
    timing: TimingWords
    reference: ReferenceWords
    stance: ExtractorStanceWords
    affinity: AffinityWords


@lru_cache(maxsize=1)
def extractor_words() -> ExtractorWords:
    return validated(ExtractorWords, "extractors.json")


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


class DescribedMeasureWords(_Strict):
    """Measures described by a verb phrase or an action noun (``relations/descriptions.py``)."""
    urging_verbs: frozenset[str]
    """Verbs by which one urges a course on others: 'persuaded them to', 'urged him to'."""
    joining_in_verbs: frozenset[str]
    """Verbs of taking part in another's course, named by a gerund after 'in': 'begged them
    to join in pulling down the forts'."""
    preparing_verbs: frozenset[str]
    """Verbs by which one readies oneself for a course: 'prepared to rebuild'."""
    works_verbs: frozenset[str]
    """Verbs of building, whose measure is named by the work: 'finish the harbour'."""
    light_verbs: frozenset[str]
    """Verbs that say little, whose measure is named by their object: 'make a change'."""
    insisting_verbs: frozenset[str]
    """Verbs that insist on a state of things in a clause: 'insisted that X be kept'."""
    ending_verbs: frozenset[str]
    """A clause that ends its subject: 'insisted that X be abolished' is against X."""
    undertaking_verbs: frozenset[str]
    """Verbs by which one begins or carries out an action noun: 'began the formation of'."""
    action_endings: tuple[str, ...]
    """Endings of nouns of an action: '-tion', '-ment', '-al'."""
    keeping_verbs: frozenset[str]
    """Verbs of keeping a thing as it is, whose measure is named by the thing: 'maintain the
    established church'."""
    resolved_words: frozenset[str]
    """Words of being resolved on a course: 'was resolved to', 'determined to', 'keen to'."""
    courting_verbs: frozenset[str]
    """Verbs of winning favour, whose 'with' object is a measure: 'courted the people with games'."""
    issuing_verbs: frozenset[str]
    order_nouns: frozenset[str]
    """'issued orders for X', 'gave directions for X': what is ordered."""
    necessity_words: frozenset[str]
    """'“It is necessary to reform the Senate”': a speaker who says a deed is needed, or
    wise, stands for it."""
    right_nouns: frozenset[str]
    denying_verbs: frozenset[str]
    saying_verbs: frozenset[str]
    """'denied the Crown's right to levy X', 'declared that the Crown had no right to levy X':
    whose right to do a deed is denied, and the verbs that deny it."""
    devoting_verbs: frozenset[str]
    devotion_nouns: frozenset[str]
    """'the care devoted to X', 'spent large sums on X': what one gives care or money to."""
    kept_nouns: frozenset[str]
    """Nouns of an action on a thing that end in no ending of an action noun: 'the upkeep of
    the roads', 'the repair of the dykes'."""
    devotion_lookback: int
    """How many sentences back the one who stood for measures just before may be, when the
    care given to one names no one who gives it."""
    plan_nouns: frozenset[str]
    """Nouns of a plan that 'was to' do something, besides the nouns of purpose: 'his
    design was to drain the marshes'."""


class JudgementWords(_Strict):
    """'regarded X as ruinous', 'hailed X as a blessing' (``policies.judged_measures``)."""

    regard_verbs: frozenset[str]
    """Verbs that judge their object 'as' something."""
    good_words: frozenset[str]
    """What a measure is judged as by one who stands for it: 'necessary', 'a safeguard'."""
    bad_words: frozenset[str]
    """What a measure is judged as by one against it: 'ruinous', 'a menace'."""


class ScalingWords(_Strict):
    """Verbs that make a named measure, or the part it plays, larger or smaller
    (``policies.scaled_measures``)."""

    raising_verbs: frozenset[str]
    """'raise the influence of X', 'strengthen X': for X."""
    lowering_verbs: frozenset[str]
    """'curb the power of X', 'weaken X': against X."""
    scope_nouns: frozenset[str]
    """Nouns of the part a measure plays, through which the verb reaches it: 'the
    influence of planning', 'the scope of the Act'."""


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
    judgement: JudgementWords
    scaling: ScalingWords
    described_measures: DescribedMeasureWords


@lru_cache(maxsize=1)
def policy_words() -> PolicyWords:
    return validated(PolicyWords, "policies.json")


class PolicyPhrases(_Strict):
    """``rules/policy_phrases.json``: the words of a policy phrase (``pipeline/mentions.py``)."""

    goal_nouns: frozenset[str]
    """Political goods and measures named by a plain noun: 'peace', 'liberty', 'discipline'."""
    generic_nouns: frozenset[str]
    """Nouns of measures in general ('a resolution', 'the proposal'): a policy only with a
    modifier or complement that says which ('the resolution on the trade unions')."""
    abstract_suffixes: tuple[str, ...]
    """Endings of nouns of doctrine, process or institution: '-ism', '-ation', '-ery'."""
    not_policies: frozenset[str]
    """Abstract nouns of those endings that name no measure ('situation', 'position')."""


@lru_cache(maxsize=1)
def policy_phrases() -> PolicyPhrases:
    return validated(PolicyPhrases, "policy_phrases.json")


class MentionWords(_Strict):
    """Finding names and their first kind (``pipeline/mentions.py``)."""

    describing: frozenset[str]
    """Adjectives before a name that are no part of it ('old Fritz', 'poor Hans')."""
    counting_words: frozenset[str]
    """Words that count a plural ('these Lords', 'both the Consuls'): the members, not a body named."""
    naming_verbs: frozenset[str]
    """Verbs that give a name or a label ('called it X', 'dubbed him X')."""
    wings: frozenset[str]
    """Words of a wing of a party before its name ('the Left Hegelians', 'Far Right deputies')."""
    office_modifiers: frozenset[str]
    """Words that begin an office's title, never an appointee's name: 'appointed Prime Minister of the
    United Kingdom' names no person 'Prime'."""
    noble_titles: frozenset[str]
    """Titles of nobility before a name ('Duke of X', 'Earl X')."""
    epithets: frozenset[str]
    """Epithets after a ruler's name that are part of it ('Ivan the Terrible', 'Philip the Fair')."""
    compass: frozenset[str]
    """Words of a region before a place's name ('North Wales', 'Upper Silesia')."""
    vague_modifiers: frozenset[str]
    """Adjectives that make no name of a common noun ('the new scheme')."""
    named_place_heads: frozenset[str]
    """Heads of a place's common name after a name ('the Ottoman empire')."""
    group_nouns: frozenset[str]
    """Nouns of a group inside a party or body ('the Zelanti faction', 'the Brissot clique')."""
    collective_groups: dict[str, Kind]
    """Orders of society and colleges named collectively, and the kind each is: an order takes sides as a
    faction, a college acts as a body."""
    where_events: frozenset[str]
    """Event nouns whose 'of X' names where it happened ('the siege of X')."""
    unit_nouns: frozenset[str]
    """Nouns of a military unit whose spelt-out number belongs to its name ('the Forty-eighth Division')."""
    book_titles: frozenset[str]
    """Nouns of a book about someone ('the Life of Numa'): the name after it is its subject only."""
    former: frozenset[str]
    """Adjectives of a past order ('the old régime', 'the former government'): a body."""
    transient_bodies: frozenset[str]
    """Heads whose 'of TOWN' the story names by the town itself, not as a body of it ('the
    fleet of Corinth'), as against 'the corporation of Bristol'."""
    duration_units: frozenset[str]
    """Units of a span of time that may measure an event: 'a nine months' siege', 'the Seven
    Years' War'."""
    season_heads: frozenset[str]
    """Head words of a contest held again and again, whose year is part of its name ('the 1908 Summer Olympics')."""
    year_of_heads: frozenset[str]
    """Events named by the year they broke out ('the War of 1812', 'the Revolution of 1830')."""
    membership_heads: dict[str, str]
    """Nouns of a place among a body's members and the preposition before the body ('a member
    of the cabinet', 'a seat in the council'): a lower-case body head there is the body."""
    folk_nouns: frozenset[str]
    """Nouns of a body of folk whose people's word says where they come from ('a Frankish population'):
    the people, which stands for its land."""
    hyphened_buildings: frozenset[str]
    """Buildings named by a capitalised word and a hyphened lower-case noun ('the Moot-hall', 'the
    Town-hall'): one name, a place."""


class EntityWords(_Strict):
    """Deciding a name's kind from its contexts and who-is-who (``pipeline/entities.py``)."""

    motion: frozenset[str]
    """Verbs of going and sending whose object or goal is a place ('marched to X'): a vote for PLACE."""
    party_nouns: frozenset[str]
    """Nouns whose possessor or 'of X' is a person ('his supporters', 'the murder of X', 'under the
    command of X', 'the reign of X'); not ally, enemy, rival: states are those too."""
    person_nouns: frozenset[str]
    """Common nouns in apposition that make a name a person's ('X, a lawyer')."""
    mind_nouns: frozenset[str]
    """Nouns of the mind ('a dream of X'): what follows 'of' is no person for that."""
    place_object_verbs: frozenset[str]
    """Verbs whose object is a place ('besieged X', 'sacked X')."""
    place_nouns: frozenset[str]
    """Nouns whose 'of X' is a place ('the siege of X', 'the walls of X')."""
    place_common: frozenset[str]
    """'the island Curzola', 'Curzola, the island off...': a common noun for a place beside the name"""
    bare_titles: frozenset[str]
    """Titles of nobility and office that stand alone before 'of' ('the Duke of X')."""
    publications: frozenset[str]
    """Nouns of papers and writings: a name that heads one is no person ('the X daily')."""
    class_nouns: dict[str, Kind]
    """Common nouns of a class of named things, and the kind its members are: 'universities comprising
    Oxford and Leiden', 'towns such as Ypres' list members of the class."""
    spatial_preps: frozenset[str]
    """Prepositions of where one place lies by another ('Shrewsbury on the Severn', 'the town above X'): the
    other is a place too."""
    listing_verbs: frozenset[str]
    """Verbs that list a class's members as their object ('the colleges comprising X, Y and Z')."""
    written_pieces: frozenset[str]
    """Pieces of writing that appear in a publication: 'his articles in X', 'an editorial in X' make X a
    paper, which counts as a body."""
    publishing_verbs: frozenset[str]
    """Verbs of a piece of writing coming out or read ('articles which appeared in X', 'a letter printed in
    X', 'read his articles in X')."""
    human_object_verbs: frozenset[str]
    """Verbs whose object is a person ('hated X', 'murdered X'). 'sent out Dorieus with a small force': an
    envoy or commander."""
    passive_person_verbs: frozenset[str]
    """'X was assassinated / arrested / crowned': X is a person"""
    personal_relations: frozenset[str]
    """Nouns of a person's tie to another ('a friend of X', 'his protégé'): both are people."""
    leading_verbs: frozenset[str]
    """Verbs of leading whose object is a group ('led the X'): a vote for a group."""
    group_words: frozenset[str]
    """Nouns of a group a person founds or joins ('formed a group'): the group, not a person."""
    sovereign_posts: tuple[str, ...]
    """Posts of a ruler ('king', 'emperor'): 'the King' is a post, 'King X' its holder."""
    building_heads: frozenset[str]
    """Heads of names of buildings and streets ('the Doge’s Palace', 'the Ponte Vecchio'): places."""
    place_generics: frozenset[str]
    """Common nouns of lands and towns that join their name ('the State of Ohio', 'Ohio')."""
    fellowship_heads: frozenset[str]
    """'the Society of the Friends' is 'the Friends': a fellowship named after what its members are called."""
    renaming_adverbs: frozenset[str]
    """'Byzantium, now Istanbul', 'Christiania (later Oslo)': the name a place bore at another time."""
    naming_participles: frozenset[str]
    """'Byzantium, now called Istanbul': words that may stand between such an adverb and the name."""
    surname_participles: frozenset[str]
    """'Quintus Fabius, surnamed Cunctator': words that give a person a further name after a comma."""
    era_epithets: frozenset[str]
    """'Old Spain', 'Imperial China': adjectives of an age or a régime that leave a land's name the same land."""
    title_abbreviations: frozenset[str]
    """'Capt. Cook', 'Gen. Gordon': abbreviated titles that never stand alone as a name"""
    sovereign_titles: frozenset[str]
    """Titles of rulers before a regnal number ('King Olaf the Second')."""


class CorefWords(_Strict):
    """Pronouns and titles to the entities they stand for (``pipeline/coref.py``)."""

    person_nouns: frozenset[str]
    """Common nouns of people a pronoun may stand for ('the physician ... he')."""
    group_nouns: frozenset[str]
    """Common nouns of a group that 'they' may stand for ('the crowd ... they')."""
    succession: frozenset[str]
    """Adjectives that make 'the King' another holder of the title ('the new King', 'the late King')."""
    successor: frozenset[str]
    """Of those, the ones that name the next holder: 'the new King' is the man the text names
    as king beside the one it had (his reign begins there)."""
    predecessor: frozenset[str]
    """Of those, the ones that name the holder a successor replaced ('the late King')."""


class VariantWords(_Strict):
    """Two wordings of one thing (``pipeline/variants.py``)."""

    synonyms: dict[str, str]
    """One thing, several common nouns ('navy' is a 'fleet', a 'murder' an 'assassination')."""
    whole: frozenset[str]
    """A union's government as against its members', by any of its names ('the Federal Government')."""
    compass: dict[str, str]
    """'the Southern Provinces' are the South: a region's adjective and its noun."""
    region_parts: frozenset[str]
    """A region's parts in the plural ('States', 'Provinces')."""
    group_epithets: frozenset[str]
    """Praise or blame of a party's men that names no wing of it ('the zealous Jacobins' are the Jacobins)."""
    movements: frozenset[str]
    """A people's or a party's movement is that people or party ('the Chartist movement', the Chartists)."""
    doctrines: frozenset[str]
    """A doctrine named by its followers' adjective is the '-ism' ('Marxist theory', Marxism)."""
    whole_of: tuple[str, ...]
    """'the rising of almost the whole of Hungary' is the rising of Hungary: words of a part or the whole of a
    land between an event's 'of' and the land."""


class EntityStageWords(_Strict):
    """``rules/entities.json``: the word lists of the stages that find names and decide
    who they are; the lists these stages share with the extractors are in ``lexicon.json``."""

    doc: str = Field(alias="_doc")
    mentions: MentionWords
    entities: EntityWords
    coref: CorefWords
    variants: VariantWords


@lru_cache(maxsize=1)
def entity_words() -> EntityStageWords:
    return validated(EntityStageWords, "entities.json")
