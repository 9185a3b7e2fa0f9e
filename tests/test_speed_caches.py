"""The shortcuts ingest takes for speed give the answers the long way gives: matching the
dependency patterns sentence by sentence, copying spans out of a parse from one token
array, and the per-parse memories of context votes and asserted clauses."""

from __future__ import annotations

from collections import Counter

from cliograph.model import Mention
from cliograph.pipeline.entities import context_votes
from cliograph.pipeline.relations import patterns
from cliograph.pipeline.relations.base import asserted
from cliograph.pipeline.relations.kin import _kin_word
from cliograph.pipeline.span_docs import SpanDocs

MEIJI = (
    "The council of elders consisted of Okubo, Kido and Saigo. "
    "In 1873 the young official sat on the Finance Board for two years. "
    "The new cabinet included Ito and Inoue. "
    "Yamagata, who belonged to the Choshu clique, did not sit on the Privy Council. "
    "A commission composed of Mori and Kuroda drafted the code. "
    "Rain fell on the capital all that week."
)


def whole_document_matches(doc):
    """The matches of every pattern over the whole document, by sentence start."""
    out = {}
    for match_id, ids in patterns._matcher(doc.vocab)(doc):
        out.setdefault(doc[ids[0]].sent.start, []).append((int(doc.vocab.strings[match_id]), ids))
    return out


def test_patterns_matched_by_sentence_are_the_whole_documents_matches(nlp):
    doc = nlp(MEIJI)
    by_sentence = patterns._sentence_matches(doc)
    assert by_sentence is not None
    assert by_sentence == whole_document_matches(doc)
    # consisted of, sat on, included, belonged to, composed of: several rules, several sentences
    assert len(by_sentence) >= 4
    assert len({rule for found in by_sentence.values() for rule, _ in found}) >= 3


def test_a_sentence_without_a_patterns_words_is_not_matched(nlp):
    doc = nlp("Rain fell on the capital all that week. The harvest was poor.")
    assert patterns._sentence_matches(doc) == {} == whole_document_matches(doc)


def test_a_node_on_entities_is_matched_over_the_whole_document(monkeypatch):
    rule = patterns.pattern_rules()[0]
    on_entities = rule.model_copy(update={"pattern": [
        {**rule.pattern[0], "RIGHT_ATTRS": {**rule.pattern[0]["RIGHT_ATTRS"], "ENT_TYPE": ""}},
        *rule.pattern[1:]]})
    monkeypatch.setattr(patterns, "pattern_rules", lambda: [on_entities])
    assert patterns._sentence_matches(None) is None  # (decided before the document is read)


def test_a_sentence_parse_copied_out_keeps_words_tags_and_tree(nlp):
    doc = nlp(MEIJI)
    copies = SpanDocs(doc)
    for sent in doc.sents:
        own = copies.parse_of(sent)
        assert [t.text_with_ws for t in own] == [t.text_with_ws for t in sent]
        assert [(t.lemma_, t.tag_, t.pos_, t.dep_, t.head.i) for t in own] == \
            [(t.lemma_, t.tag_, t.pos_, t.dep_, t.head.i - sent.start) for t in sent]
        assert not own.ents


def test_span_copies_are_what_as_doc_gives_each_time(nlp):
    doc = nlp(MEIJI)
    copies = SpanDocs(doc)
    spans = [doc[0:8], doc[2:5], doc[0:8], doc[10:16]]  # one twice: as_doc edits its slice
    for span in spans:
        mine, theirs = copies.as_doc(span), span.as_doc()
        assert [(t.text, t.lemma_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in mine] == \
            [(t.text, t.lemma_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in theirs]
        assert [(e.start, e.end, e.label_) for e in mine.ents] == [(e.start, e.end, e.label_) for e in theirs.ents]


def test_context_votes_are_read_once_and_handed_out_as_copies(analysed):
    d = analysed("Ito said that the treaty must be revised. The envoy travelled to Nagasaki.")
    ito = next(m for m in d.mentions if m.text == "Ito")
    first = context_votes(d.doc, ito)
    assert first["PERSON"] > 0  # the subject of 'said'
    first["PLACE"] += 99  # a caller's own copy
    again = context_votes(d.doc, ito)
    assert again == Counter({k: v for k, v in first.items() if k != "PLACE"})
    assert "PLACE" not in again
    # the same span of another parse is read afresh
    other = analysed("The envoy travelled to Ito in the spring.")
    place = Mention(0, 0, "Ito", "", "test", tokens=(4, 5))
    assert context_votes(other.doc, place)["PLACE"] > 0


def test_asserted_is_remembered_per_parse_not_across_parses(nlp):
    negated, plain = nlp("Kido did not resign."), nlp("Kido did resign.")
    verb = next(t for t in negated if t.lemma_ == "resign")
    assert asserted(verb) is False
    assert asserted(verb) is False
    assert asserted(plain[verb.i]) is True


def test_a_kin_word_written_with_hyphens_is_one_word(nlp):
    doc = nlp("The daimyo received his son-in-law and his son at Edo.")
    nouns = {t.text: _kin_word(t) for t in doc if t.text in ("son", "daimyo")}
    assert _kin_word(doc[4]) == "son-in-law"
    assert nouns["daimyo"] == "daimyo"
    assert _kin_word(next(t for t in doc if t.text == "son" and t.i > 6)) == "son"
