"""Noun phrases: heads, compound names and cardinalities, never quantifier words in a name."""

from __future__ import annotations

import pytest

from schemawright.domain.nlp.chunks import chunk_at
from schemawright.domain.nlp.parse import parse_texts


def _chunk(sentence: str, word: str) -> tuple[str, int, int | None]:
    sent = parse_texts([(sentence, 1, "")])[0]
    tok = next(t for t in sent.tokens if t.text == word)
    c = chunk_at(sent, tok.i)
    assert c is not None
    return c.name, c.card.low, c.card.high


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("A customer has at least one and at most five accounts.", "accounts", ("account", 1, 5)),
        ("A bank manages any number of customers.", "customers", ("customer", 0, None)),
        ("Each order consists of one or more order items.", "items", ("order_item", 1, None)),
        ("A patient may have zero or one primary doctor.", "doctor", ("primary_doctor", 0, 1)),
        ("A ward holds no more than twelve beds.", "beds", ("bed", 0, 12)),
        ("Every course has exactly two examiners.", "examiners", ("examiner", 2, 2)),
        ("A fleet owns several trucks.", "trucks", ("truck", 1, None)),
        ("The active refresh tokens are stored per device.", "tokens", ("refresh_token", 0, None)),
        ("Each reader may borrow an e-book.", "e-book", ("e_book", 1, 1)),
        ("A tour takes at most eight hikers.", "hikers", ("hiker", 0, 8)),
        ("A crew has between three and seven rowers.", "rowers", ("rower", 3, 7)),
        ("Each desk seats one or two employees.", "employees", ("employee", 1, 2)),
        ("A quiz asks two or more questions.", "questions", ("question", 2, None)),
        ("A team fields eleven players.", "players", ("player", 11, 11)),
        ("Each book has an optional publisher.", "publisher", ("publisher", 0, 1)),
        ("A visit names an optional referring doctor.", "doctor", ("referring_doctor", 0, 1)),
        ("Each kiln has a maximum temperature.", "temperature", ("max_temperature", 1, 1)),
        ("Each class has a minimum age.", "age", ("min_age", 1, 1)),
    ],
)
def test_chunk_name_and_cardinality(sentence: str, word: str, expected: tuple[str, int, int | None]) -> None:
    assert _chunk(sentence, word) == expected


def test_parse_repairs_a_verb_read_as_a_plural_noun() -> None:
    sent = parse_texts([("Each parcel records its weight.", 1, "")])[0]
    records = next(t for t in sent.tokens if t.text == "records")
    assert records.pos == "VERB" and records.dep == "ROOT"
    assert any(t.text == "parcel" and t.dep == "nsubj" for t in sent.tokens)


def test_parse_repairs_plural_subject_verb_object() -> None:
    sent = parse_texts([("Members rent bikes.", 1, "")])[0]
    assert [(t.text, t.dep) for t in sent.tokens if t.dep in ("nsubj", "ROOT", "dobj")] == [
        ("Members", "nsubj"),
        ("rent", "ROOT"),
        ("bikes", "dobj"),
    ]


def test_any_number_of_our_things_is_many_stated() -> None:
    sent = parse_texts([("A member can borrow any number of our kayaks.", 1, "")])[0]
    kayaks = next(t for t in sent.tokens if t.lower == "kayaks")
    c = chunk_at(sent, kayaks.i)
    assert c is not None and c.name == "kayak"
    assert c.card.many and c.card.stated


def test_parse_repairs_a_relative_clause_read_as_a_noun_phrase() -> None:
    sent = parse_texts([("For every ingredient a recipe needs, we store the quantity.", 1, "")])[0]
    needs = next(t for t in sent.tokens if t.text == "needs")
    assert (needs.pos, needs.dep, sent.tokens[needs.head].text) == ("VERB", "relcl", "ingredient")
    assert any(t.text == "recipe" and t.dep == "nsubj" and t.head == needs.i for t in sent.tokens)


def test_parse_keeps_the_second_object_of_a_verb_a_noun() -> None:
    sent = parse_texts([("We send every member the club rules, a badge and a card.", 1, "")])[0]
    rules = next(t for t in sent.tokens if t.text == "rules")
    assert rules.pos == "NOUN"


def test_parse_repairs_a_past_relative_clause_read_as_a_second_noun() -> None:
    """ "the heat a boiler generated": no "that", so the parser makes "boiler" a second complement."""
    for text, noun, verb, subject in [
        ("A meter reading is the heat a boiler generated in one hour.", "heat", "generated", "boiler"),
        ("Each receipt keeps the fare the passenger paid.", "fare", "paid", "passenger"),
        ("We store the route a courier chose.", "route", "chose", "courier"),
    ]:
        sent = parse_texts([(text, 1, "")])[0]
        v = next(t for t in sent.tokens if t.text == verb)
        assert (v.dep, sent.tokens[v.head].text) == ("relcl", noun), text
        assert any(t.text == subject and t.dep == "nsubj" and t.head == v.i for t in sent.tokens), text


def test_parse_keeps_a_participle_with_an_agent_on_its_noun() -> None:
    sent = parse_texts([("The clerk gives each member a card issued by the club.", 1, "")])[0]
    issued = next(t for t in sent.tokens if t.text == "issued")
    assert sent.tokens[issued.head].text == "card"
    assert issued.dep != "relcl"


def test_an_ears_system_name_reads_as_the_system() -> None:
    """ "THE Costume Store SHALL …", "THE Harbour_Desk SHALL …": whatever EARS calls the system, it speaks."""
    from schemawright.domain.nlp.parse import clean

    for name in ("Costume Store", "Harbour_Desk", "Platform", "Tide Table Service"):
        assert clean(f"WHEN a berth is let THE {name} SHALL record the boat.") == (
            "WHEN a berth is let THE System SHALL record the boat."
        )
    assert clean("The Costume Store shall open at nine.") == "The Costume Store shall open at nine."


def test_an_ears_system_name_after_a_lower_case_the_reads_as_the_system() -> None:
    """ "THEN the Dispensing Service SHALL …": the article's case does not matter, SHALL's does."""
    from schemawright.domain.nlp.parse import clean

    for text in (
        "WHEN a prescription arrives THEN the Dispensing Service SHALL store the patient.",
        "WHEN a kennel is booked the Kennel_Desk SHALL record the dog.",
        "IF a ferry is cancelled, The Sailing Planner SHALL notify the passengers.",
    ):
        assert "System SHALL" in clean(text), clean(text)
    assert "Tide Table" in clean("the Tide Table shall be printed daily.")


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ('A kiln has a short code (e.g. "KX-2") and a maximum temperature.', "KX-2"),
        ('Each route has a grade ("Severe") and a length in metres.', "Severe"),
        ("Each stall has a sign (for example 'Honey Hut') and a pitch number.", "Hut"),
    ],
)
def test_a_quoted_sample_in_brackets_is_no_noun_phrase(sentence: str, word: str) -> None:
    sent = parse_texts([(sentence, 1, "")])[0]
    tok = next(t for t in sent.tokens if t.text == word)
    assert chunk_at(sent, tok.i) is None


def test_a_quoted_name_outside_brackets_is_still_a_noun_phrase() -> None:
    sent = parse_texts([('A "Voucher" has a code and a value.', 1, "")])[0]
    tok = next(t for t in sent.tokens if t.text == "Voucher")
    found = chunk_at(sent, tok.i)
    assert found is not None and found.name == "voucher"


@pytest.mark.parametrize(
    "sentence",
    [
        "At the moment the trust receives gifts through a plugin.",
        "For the time being, clerks keep paper logs.",
    ],
)
def test_a_fixed_phrase_of_time_is_no_noun_phrase(sentence: str) -> None:
    sent = parse_texts([(sentence, 1, "")])[0]
    head = next(t for t in sent.tokens if t.lower in ("moment", "time"))
    assert chunk_at(sent, head.i) is None


def test_the_time_of_something_is_still_a_noun_phrase() -> None:
    sent = parse_texts([("The price at the time of booking is kept.", 1, "")])[0]
    head = next(t for t in sent.tokens if t.lower == "time")
    assert chunk_at(sent, head.i) is not None
