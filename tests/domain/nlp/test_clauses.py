"""Clause reading repairs: lists the parser splits, verb phrase lists, value names completed by 'of'."""

from __future__ import annotations

from schemawright.domain.analyzer import prose_facts
from schemawright.domain.facts import AttributeFact, EntityFact, RelationshipFact
from schemawright.domain.lexicon import load_lexicon
from schemawright.domain.nlp.clauses import clauses
from schemawright.domain.nlp.parse import parse_texts
from tests.domain.patterns._helpers import model_of


def _objects(text: str) -> list[str]:
    sent = parse_texts([(text, 1, "")])[0]
    return [c.name for cl in clauses(sent) if cl.lemma == "have" for c in cl.objects]


def test_an_object_list_starts_at_the_first_noun_after_the_verb() -> None:
    names = _objects("Nurses have a staff number, a ward phone, date of birth, a pager code and a badge.")
    assert names[:2] == ["staff_number", "ward_phone"]
    assert "badge" in names


def test_a_list_item_whose_modifier_is_also_a_verb_is_one_noun() -> None:
    names = _objects("Each volunteer has a name, a phone number, hire date, leave date, and a shirt size.")
    assert {"hire_date", "leave_date", "shirt_size"} <= set(names)


def test_value_completed_by_a_bare_noun_is_one_attribute() -> None:
    facts, _ = prose_facts(
        [("Each passenger has a name, a date of birth and a country of origin.", 1, "")],
        load_lexicon(),
        set(),
    )
    names = {f.name for f in facts if isinstance(f, AttributeFact) and f.entity == "passenger"}
    assert "date_of_birth" in names
    assert not any(isinstance(f, AttributeFact) and f.entity == "birth" for f in facts)


def test_members_of_a_verb_phrase_list_share_the_first_subject() -> None:
    text = "A claim belongs to a policy, is filed by a customer, and can be assigned to one adjuster."
    sent = parse_texts([(text, 1, "")])[0]
    assert all([s.name for s in cl.subjects] == ["claim"] for cl in clauses(sent))


def test_a_passive_agent_links_even_with_a_screen_verb() -> None:
    text = "A claim is opened by a customer. Each customer has an email; a claim has a number."
    facts, _ = prose_facts([(text, 1, "")], load_lexicon(), set())
    links = {(f.child, f.parent) for f in facts if isinstance(f, RelationshipFact)}
    assert ("claim", "customer") in links


def test_a_one_word_item_read_as_a_verb_stays_in_the_list() -> None:
    sent = parse_texts(
        [("A sensor reading is device, plot (if mounted), time, value.", 1, "sensor_reading")]
    )[0]
    objects = [c.name for cl in clauses(sent) if cl.lemma == "be" for c in cl.objects]
    assert objects[:2] == ["device", "plot"]


def test_plural_things_the_sentence_describes_are_children() -> None:
    text = "A thread has notes written by tutors, each with a body and optional files (file name, size)."
    facts, _ = prose_facts([(text, 1, "")], load_lexicon(), set())
    links = {(f.child, f.parent) for f in facts if isinstance(f, RelationshipFact)}
    assert ("note", "thread") in links
    assert ("file", "note") in links


def test_a_second_predicate_after_and_is_read_as_a_verb() -> None:
    text = (
        "A survey is for one farm and records when it happened, the soil type of the field, "
        "the number of hedges and free-text remarks."
    )
    facts, _ = prose_facts([(text, 1, "")], load_lexicon(), set())
    names = {f.name for f in facts if isinstance(f, AttributeFact) and f.entity == "survey"}
    assert {"occurred_at", "hedges"} <= names


def test_a_role_before_an_entity_name_is_a_reference_in_that_role() -> None:
    from schemawright.domain.analyze import analyze
    from schemawright.spec.parser import parse_spec

    spec = (
        "# Chores\n\nA chore has a title, a due date and an optional parent chore. "
        "Each household has a name. A chore belongs to one household.\n"
    )
    model = analyze(parse_spec(spec), "001_chores", "Chores")
    roles = {(r.child, r.parent, r.role) for r in model.relationships}
    assert ("chore", "chore", "parent_chore") in roles or ("chore", "chore", "parent") in roles


def test_values_recorded_for_a_pairing_make_a_link_entity() -> None:
    from schemawright.domain.analyze import analyze
    from schemawright.spec.parser import parse_spec

    spec = (
        "# Routes\n\nA route has a name. A stop has a name and a code. A stop can lie on many routes and a "
        "route has many stops. For every stop on a route we record the stop's position and the minutes "
        "from the start.\n"
    )
    model = analyze(parse_spec(spec), "001_routes", "Routes")
    link = model.entity("route_stop")
    assert link is not None and "position" in {a.name for a in link.attributes}
    pairs = {(r.child, r.parent) for r in model.relationships}
    assert {("route_stop", "route"), ("route_stop", "stop")} <= pairs
    assert not any(r.cardinality.value == "many_to_many" for r in model.relationships)


def test_a_predicate_after_a_semicolon_gets_a_subject() -> None:
    from schemawright.domain.nlp.parse import clean

    assert (
        clean("A vessel is a ship; belongs to one fleet.") == "A vessel is a ship. It belongs to one fleet."
    )
    assert clean("A skipper is a sailor; may hold several licences.") == (
        "A skipper is a sailor. It may hold several licences."
    )
    assert clean("A vessel is a ship; the fleet owns it.") == "A vessel is a ship; the fleet owns it."


def test_a_gerund_before_a_list_noun_is_its_modifier() -> None:
    names = _objects("A depot has an address, opening hours, the billing address and a manager name.")
    assert {"address", "opening_hour", "billing_address", "manager_name"} <= set(names)


def test_the_rest_of_a_with_list_is_not_the_verbs_object() -> None:
    sent = parse_texts(
        [
            (
                "Each exam consists of questions with their number in the exam, the question text and marks.",
                1,
                "",
            )
        ]
    )[0]
    consist = next(cl for cl in clauses(sent) if cl.lemma == "consist")
    assert [c.name for c in consist.objects] == []
    assert [c.name for c in consist.prep("of")] == ["question"]


def test_a_participle_coordinated_with_a_passive_is_passive() -> None:
    sent = parse_texts([("Each ferry is owned by one company and crewed by exactly one crew.", 1, "")])[0]
    crewed = next(cl for cl in clauses(sent) if cl.lemma == "crew")
    assert crewed.passive
    assert [c.name for c in crewed.subjects] == ["ferry"]
    assert [c.name for c in crewed.prep("by")] == ["crew"]


def test_a_participle_with_its_own_auxiliary_keeps_its_voice() -> None:
    sent = parse_texts([("The ferry is owned by one company and has sailed many routes.", 1, "")])[0]
    sailed = next(cl for cl in clauses(sent) if cl.lemma == "sail")
    assert not sailed.passive


def test_a_passive_recording_owns_the_list_after_its_colon() -> None:
    facts, _ = prose_facts(
        [("Repairs are logged per bike: the repair date, the labour cost and a note.", 1, "")],
        load_lexicon(),
        {"bike"},
    )
    attrs = {(f.entity, f.name) for f in facts if isinstance(f, AttributeFact)}
    assert {("repair", "labour_cost"), ("repair", "note")} <= attrs
    assert not {a for a in attrs if a[0] == "bike"}


def test_a_list_never_runs_into_the_main_clause_after_a_condition() -> None:
    facts, _ = prose_facts(
        [
            (
                "WHEN a tenant registers THE System SHALL store the tenant's full name, email and phone.",
                1,
                "",
            )
        ],
        load_lexicon(),
        {"tenant"},
    )
    owners = {f.entity for f in facts if isinstance(f, AttributeFact)}
    assert owners == {"tenant"}


def test_the_system_storing_someones_values_gives_them_to_the_possessor() -> None:
    facts, _ = prose_facts(
        [("THE System SHALL store each Volunteer's name, shirt size and emergency contact.", 1, "")],
        load_lexicon(),
        set(),
    )
    attrs = {(f.entity, f.name) for f in facts if isinstance(f, AttributeFact)}
    assert {("volunteer", "name"), ("volunteer", "shirt_size"), ("volunteer", "emergency_contact")} <= attrs


def test_a_participle_between_separators_modifies_the_next_item() -> None:
    facts, _ = prose_facts(
        [("The keeper registers a tortoise with its name, estimated age, shell length and weight.", 1, "")],
        load_lexicon(),
        set(),
    )
    names = {f.name for f in facts if isinstance(f, AttributeFact) and f.entity == "tortoise"}
    assert {"age", "shell_length", "weight"} <= names


def test_the_subject_of_a_when_clause_starts_no_object_list() -> None:
    for text, owner, value, party in (
        ("A payment stores when the customer paid and the amount.", "payment", "amount", "customer"),
        (
            "Each repair records when the mechanic started and the total cost.",
            "repair",
            "total_cost",
            "mechanic",
        ),
        ("A shipment keeps where the courier left it and the weight.", "shipment", "weight", "courier"),
    ):
        facts, _ = prose_facts([(text, 1, "")], load_lexicon(), set())
        names = {f.name for f in facts if isinstance(f, AttributeFact) and f.entity == owner}
        assert value in names, text
        assert party not in names, text


def test_two_modifiers_sharing_a_plural_noun_are_two_values() -> None:
    for text, owner, names in (
        (
            "Each booking has start and end dates, a price and a status.",
            "booking",
            ["start_date", "end_date"],
        ),
        ("Each tour stores opening and closing times and a name.", "tour", ["opening_time", "closing_time"]),
        ("Each lease records start and end dates and a rent.", "lease", ["start_date", "end_date", "rent"]),
    ):
        facts, _ = prose_facts([(text, 1, "")], load_lexicon(), set())
        found = [f.name for f in facts if isinstance(f, AttributeFact) and f.entity == owner]
        assert all(n in found for n in names), (text, found)
        assert "start" not in found and "opening" not in found, (text, found)


def test_her_before_a_noun_phrase_is_the_possessive() -> None:
    for text, owner, name in (
        ("A hen lives in one coop; we keep her laying rate and her breed.", "hen", "laying_rate"),
        ("A queen rules one hive; we keep her marking colour and her breed.", "queen", "marking_colour"),
        (
            "A queen is introduced into a hive; we keep her marking colour (white or red) and her breed.",
            "queen",
            "breed",
        ),
    ):
        facts, _ = prose_facts([(text, 1, "")], load_lexicon(), set())
        found = [f.name for f in facts if isinstance(f, AttributeFact) and f.entity == owner]
        assert name in found, (text, found)


def test_an_ing_noun_after_a_determined_noun_heads_the_phrase() -> None:
    for text, owner, party in (
        (
            "The app stores a position reading from every truck: latitude, longitude and the speed.",
            "position_reading",
            "truck",
        ),
        (
            "We store a gauge reading from every boiler: the temperature, the weight and the date.",
            "gauge_reading",
            "boiler",
        ),
        (
            "The app saves a scale reading from every hive: the weight, the temperature and the date.",
            "scale_reading",
            "hive",
        ),
    ):
        facts, _ = prose_facts([(text, 1, "")], load_lexicon(), set())
        assert any(isinstance(f, AttributeFact) and f.entity == owner for f in facts), text
        pairs = {(f.child, f.parent) for f in facts if isinstance(f, RelationshipFact)}
        assert (owner, party) in pairs, text


def test_a_verb_ing_with_an_object_stays_a_clause() -> None:
    facts, _ = prose_facts(
        [("A nurse reading the chart records the pulse and the temperature.", 1, "")], load_lexicon(), set()
    )
    assert not any(isinstance(f, EntityFact) and f.name == "nurse_reading" for f in facts)


def test_a_list_between_two_dashes_describes_each_recorded_thing() -> None:
    for text, owner, value in (
        (
            "The homeowner logs every expense on a project — a description, the amount and a category "
            "(materials, labour or other) — to follow the budget.",
            "expense",
            "amount",
        ),
        (
            "The coach records each session in the gym — the date, the duration and the intensity "
            "(easy, hard or max) — after training.",
            "session",
            "duration",
        ),
        (
            "The nurse records each visit — the date, the duration and a note — after the round.",
            "visit",
            "note",
        ),
    ):
        facts, _ = prose_facts([(text, 1, "")], load_lexicon(), set())
        found = {f.name for f in facts if isinstance(f, AttributeFact) and f.entity == owner}
        assert value in found, (text, found)


def _subjects_of(text: str, lemma: str) -> list[str]:
    sent = parse_texts([(text, 1, "")])[0]
    return [c.name for cl in clauses(sent) if cl.lemma == lemma for c in cl.subjects]


def test_the_last_verb_of_a_list_keeps_the_subject_across_a_relative_clause() -> None:
    """The parser hangs "goes" / "moves" / "passes" under the relative clause before it; the comma before
    "and" says it is the list's third verb, whose subject is the sentence's."""
    cases = [
        ("Each loan connects a member to a copy, notes the fee the member owes and the day they must return "
         "it, and passes through open, overdue and closed.", "pass", "loan"),
        ("A placement connects a student to a firm, keeps the salary the firm offers and the week they would "
         "like to begin, and passes through the states offered, accepted and finished.", "pass", "placement"),
    ]  # fmt: skip
    for text, lemma, subject in cases:
        assert _subjects_of(text, lemma) == [subject], text


def test_a_relative_clauses_own_second_verb_keeps_its_subject() -> None:
    names = _subjects_of("Each order lists the items the customer picked and paid for.", "pay")
    assert names == ["customer"]


def _clause_objects(text: str) -> list[tuple[list[str], str, list[str]]]:
    sent = parse_texts([(text, 1, "")])[0]
    return [([s.name for s in cl.subjects], cl.lemma, [o.name for o in cl.objects]) for cl in clauses(sent)]


def test_a_second_infinitive_with_its_own_subject_is_a_clause_of_its_own() -> None:
    """ "allow X to V … and Y to V …": Y is the second verb's subject, not another object of the first."""
    for text, first, second in [
        (
            "The system must allow a pupil to join several clubs and a club to have several pupils.",
            (["pupil"], "join", ["club"]),
            (["club"], "have", ["pupil"]),
        ),
        (
            "It must allow a boat to have several owners and an owner to have several boats.",
            (["boat"], "have", ["owner"]),
            (["owner"], "have", ["boat"]),
        ),
        (
            "The app lets a member borrow books and a librarian renew them.",
            (["member"], "borrow", ["book"]),
            (["librarian"], "renew", []),
        ),
    ]:
        found = _clause_objects(text)
        assert first in found and second in found, found


def test_a_proper_noun_before_a_noun_read_as_a_verb_stays_in_the_list() -> None:
    """Negative: "GitHub handle" parsed as subject and verb opens no clause; the list goes on."""
    model = model_of(
        "# Club\n\nThe office keeps members with their name, GitHub handle (unique) and country of birth."
    )
    member = model.entity("member")
    assert member is not None
    names = [a.name for a in member.attributes]
    assert any(n.startswith("github") for n in names) and "birth_country" in names, names
