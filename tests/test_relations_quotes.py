"""QUOTE: finding quotations (inline, split, block letters) and attributing them, on
small texts of several periods; scare quotes, titles, negated and hypothetical
speech give nothing."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def quotes(d) -> list[tuple[str, str | None, str]]:
    out = []
    for f in d.factoids:
        if f.type == "QUOTE":
            obj = d.entities[f.object].name if f.object is not None else None
            out.append((d.entities[f.subject].name, obj, f.text or ""))
    return out


def said_by(d, speaker: str) -> list[tuple[str, str | None, str]]:
    return [q for q in quotes(d) if q[0].endswith(speaker)]


@pytest.mark.parametrize(
    ("text", "speaker", "addressee", "words"),
    [
        # a label put in someone's mouth, the object of 'tease' is whom it was said to
        (
            "Lenin knew that Stalin, whom he teased as a ‘wild factionalist’, would do whatever "
            "was necessary.",
            "Lenin",
            "Stalin",
            "wild factionalist",
        ),
        # 'said X' after the quotation (Plutarch)
        (
            'Brutus saw the phantom. "I shall see," replied Brutus, and the phantom vanished.',
            "Brutus",
            None,
            "I shall see",
        ),
        # the reporting clause before it, with an addressee
        (
            'Brutus was at the forum. Cicero said to Brutus, "We must make haste, or the man '
            "will have gone out "
            'of office."',
            "Cicero",
            "Brutus",
            "We must make haste",
        ),
        # 'told X that Y was ‘...’': a short phrase counts when it is what was said
        (
            "Lenin did not think highly of Stalin. He told Maria that Stalin was "
            "‘not intelligent’.",
            "Lenin",
            "Maria",
            "not intelligent",
        ),
        # a reply answers the other speaker (1920s)
        (
            "Stalin retracted his demand. When Kamenev advised compromise, Stalin replied: "
            "‘What is required, in my view, is firmness against Ilich.’",
            "Stalin",
            "Kamenev",
            "firmness against Ilich",
        ),
        # an answer to a question told, not quoted (the Napoleonic wars)
        (
            "Marshal Ney reached the tent at dawn. Davout asked whether the guns had come up. "
            '"Not yet," said Ney, "but they will be here by noon."',
            "Ney",
            "Davout",
            "Not yet",
        ),
        # an answer to a whisper in the sentence before (the Wars of the Roses)
        (
            "Lord Hastings leaned over the table and whispered something to the King. "
            'Edward answered aloud, "Let them come, then."',
            "Edward",
            "Hastings",
            "Let them come",
        ),
        # the subject of a side clause is the speaker when nothing in it can be him
        (
            "Sulla waited at the gate of the camp. As Marius was riding out of the camp, "
            'he saluted the tribune and said, "The city is ours by nightfall."',
            "Marius",
            None,
            "The city is ours",
        ),
        # conceding to someone, after a colon, in typographic single quotes
        (
            "Kamenev argued for compromise. Stalin at last conceded to Kamenev: ‘I don’t know. "
            "Let him do as he "
            "thinks sensible.’",
            "Stalin",
            "Kamenev",
            "Let him do as he thinks sensible",
        ),
    ],
)
def test_inline_quotations_are_attributed_to_their_speaker(
    analysed, text, speaker, addressee, words
):
    d = analysed(text)
    got = said_by(d, speaker)
    assert got, quotes(d)
    assert any(
        words in t
        and (addressee is None and o is None or o is not None and o.endswith(addressee or "?"))
        for _s, o, t in got
    ), got


def test_a_split_quotation_is_one_fact_with_both_parts(analysed):
    d = analysed(
        'Archbishop Sancroft stood by the bed of King Charles. "It is time," he said, '
        '"to speak out; for you are about to appear before a Judge."'
    )
    got = said_by(d, "Sancroft")
    assert len(got) == 1, quotes(d)
    assert "It is time" in got[0][2] and "to speak out" in got[0][2]


def test_a_letter_after_a_colon_is_a_block_quotation_of_its_writer(analysed):
    text = (
        "George Washington was tired of public life. "
        "He wrote to James Madison on November 18th:\n\n"
        "Although I had bid adieu to the public walks of life, I should have obeyed its call; "
        "but it is now out of my power to do so.\n\n"
        "Madison read the letter twice.\n"
    )
    d = analysed(text)
    got = said_by(d, "Washington")
    assert len(got) == 1, quotes(d)
    speaker, addressee, words = got[0]
    assert addressee is not None and addressee.endswith("Madison")
    assert words.startswith("Although I had bid adieu") and "Madison read" not in words
    f = next(f for f in d.factoids if f.type == "QUOTE")
    # the evidence runs from the introducing sentence to the end of the letter
    assert d.doc.text[f.start : f.end].startswith("He wrote to James Madison")
    assert d.doc.text[f.start : f.end].rstrip().endswith("to do so.")


def test_a_block_introduced_without_a_speech_verb_takes_the_subject_and_the_other_person(analysed):
    text = (
        "Lenin was a cantankerous patient and sought Stalin’s help in sacking the doctors:\n\n"
        "If you have left Klemperer here, then I at least recommend deporting him from Russia.\n\n"
        "Trotski voted against it.\n"
    )
    d = analysed(text)
    got = said_by(d, "Lenin")
    assert got and got[0][1] is not None and got[0][1].endswith("Stalin"), quotes(d)


def test_he_added_continues_the_speaker_and_the_addressee(analysed):
    d = analysed(
        "Lenin was disappointed. Passing a message to Vyacheslav Molotov, he ordered: "
        "‘You are going to make a speech against Trotski!’ He added: ‘Rip up this note!’"
    )
    got = said_by(d, "Lenin")
    assert any(
        "Rip up this note" in t and o is not None and o.endswith("Molotov") for _s, o, t in got
    ), quotes(d)
    assert not said_by(d, "Molotov")


def test_quoted_words_inside_a_letter_are_not_separate_quotations(analysed):
    text = (
        "Stalin wrote to Lenin:\n\n"
        "Trotski and others will think that you are doing this ‘for Krupskaya’s sake’, which is "
        "undesirable, and I ask you to reconsider.\n\n"
        "Lenin backed down.\n"
    )
    d = analysed(text)
    assert len(quotes(d)) == 1 and quotes(d)[0][0].endswith("Stalin"), quotes(d)


@pytest.mark.parametrize(
    "text",
    [
        # scare quotes: a name or a term, not somebody's words
        "Bukharin formed a ‘buffer group’ between the two sides.",
        "The NEP was a retreat from the system which was becoming known as ‘War Communism’.",
        "Lenin had written ‘General Secretary’ next to Stalin’s name.",
        'Thayer called it "The Critical Period of American History." Washington agreed.',
        # negated and hypothetical speech
        "Caesar never said ‘Et tu, Brute’ to anybody.",
        "Lenin would have said: ‘We must retreat at once, comrades.’",
    ],
)
def test_scare_quotes_titles_and_unreal_speech_give_no_quotation(analysed, text):
    assert not quotes(analysed(text))


def test_a_paragraph_quotation_continues_over_paragraphs_with_opening_marks(analysed):
    text = (
        "Alexander Kerensky rose to speak. He shook his finger toward the right benches:\n\n"
        "“You call us defeatists; but the real defeatists are those who wait.\n\n"
        "“We shall fight on, whatever happens.”\n\n"
        "The hall was silent.\n"
    )
    d = analysed(text)
    got = said_by(d, "Kerensky")
    assert len(got) == 1 and "real defeatists" in got[0][2] and "fight on" in got[0][2], quotes(d)


@pytest.mark.parametrize(("text", "speaker", "addressee"), [
    # a name set off by commas inside the quotation is whom it is said to
    ('Napoleon turned to the marshal. "Go now, Murat, and take the bridge," said Napoleon.', "Napoleon", "Murat"),
    ('Wellington frowned, and he said, "You are late, Blücher, by an hour."', "Wellington", "Blücher"),
])
def test_a_name_called_out_in_the_quotation_is_its_addressee(analysed, text, speaker, addressee):
    assert any(s.endswith(speaker) and a is not None and a.endswith(addressee)
               for s, a, _ in quotes(analysed(text)))


def test_a_pronoun_speaker_is_the_first_person_named_outside_object_position(analysed):
    # the one suspected is not the one who speaks; a side clause's subject is not either
    d = analysed('Napoleon distrusted Talleyrand, and he once said to his marshals, "That man is silk '
                 'stockings filled with mud."')
    assert [s for s, _, _ in quotes(d)] and all(s.endswith("Napoleon") for s, _, _ in quotes(d))


def test_she_said_goes_to_the_woman_named_before(analysed):
    d = analysed('The ambassador Count Mercy visited Queen Marie Antoinette at Versailles. She took him '
                 'aside. "I have," she said, "a secret of great moment to tell you."')
    assert all("Mercy" not in s for s, _, _ in quotes(d))
    assert any(s.endswith("Marie Antoinette") for s, _, _ in quotes(d))


def test_one_the_words_speak_of_is_not_the_one_who_speaks_them(analysed):
    d = analysed("Wellington waited on the ridge. Blücher had promised to come by noon. When the "
                 "staff grew anxious, he said to the officers, \"Blücher keeps his word in every "
                 "season.\"")
    assert "Blücher" not in [s for s, _, _ in quotes(d)]


def test_whom_the_speaker_rebuked_before_a_colon_is_whom_he_speaks_to(analysed):
    d = analysed("After the battle Marshal Davout rebuked Murat for his slowness and his caution: he "
                 "said, \"The cavalry cannot wait for ever while the guns are silent.\"")
    assert [(s, a) for s, a, _ in quotes(d)] == [("Davout", "Murat")]


def test_the_subject_of_a_clause_opened_by_for_speaks_the_reply(analysed):
    d = analysed("Murat led the charge at noon. The soldiers grumbled at the order; for Davout, as "
                 "it is said, when some asked "
                 "about the retreat, \"Gladly,\" he replied, \"when the last gun is lost.\"")
    assert [s for s, _, _ in quotes(d)] == ["Davout"]


@pytest.mark.parametrize(("text", "addressee"), [
    # words said to 'you' go to the one the speaker dealt with just before
    ('Lady Hamilton had long been a friend of the admiral. Nelson called on her at Merton in 1805. She took '
     'him into the garden and poured out her fears to him. "I know," she said, "that you will not come back '
     'to me."', "Nelson"),
    ('Cromwell had grown weary of the Rump. Harrison pleaded with him in the lobby for an hour. "Sir," said '
     'Harrison, "the work is very great and dangerous."', "Cromwell"),
    # ... not when the text says to whom they were said
    ('Lady Hamilton had long been a friend of the admiral. Nelson called on her at Merton in 1805. She took '
     'him into the garden and poured out her fears to him. "I know," she said to her sister, "that you will '
     'not come back to me."', None),
])
def test_words_said_to_you_go_to_whom_the_speaker_dealt_with_just_before(analysed, text, addressee):
    assert [q[1] for q in quotes(analysed(text))] == [addressee]
