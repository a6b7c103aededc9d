"""Round-three rules (generalisation): one test each, on sentences written for these tests."""

from __future__ import annotations

from schemawright.domain.model import Kind
from tests.domain.test_rules import attrs, model, rels


def test_declared_entities_are_kept_even_when_their_word_is_generic() -> None:
    m = model(
        "# Forms\n\n## Key Entities\n\n- **Form**: a printed sheet a clerk files, with a serial.\n"
        "- **Version**: one revision of a form, with a label.\n\n"
        "```\n[Section] 1----* [List]\n```\n"
    )
    for name in ("form", "version", "section", "list"):
        assert m.entity(name) is not None, name
    assert ("version", "form", "") in rels(m)


def test_generic_words_in_prose_stay_filtered() -> None:
    m = model("# Notes\n\nA page has a heading and a footer. A memo has a subject and a body.\n")
    assert m.entity("page") is None and m.entity("memo") is not None


def test_purpose_only_tables_table_declares_entities() -> None:
    m = model("# Shop\n\n## Tables\n\n| Table | Purpose |\n|---|---|\n| Event | a thing that happened |\n")
    assert m.entity("event") is not None
    assert not attrs(m, "event")


def test_possessive_and_prepositional_definitions_name_parents() -> None:
    m = model(
        "# Hotel\n\n## Key Entities\n\n- **Guest**: a person with a name.\n"
        "- **Room**: a bedroom with a number.\n"
        "- **Film**: a movie with a title.\n- **Hall**: a screen with a capacity.\n"
        "- **Stay**: a guest's booking in a room, with a nightly rate.\n"
        "- **Screening**: one showing of a film in a hall.\n"
    )
    r = rels(m)
    assert {
        ("stay", "guest", ""),
        ("stay", "room", ""),
        ("screening", "film", ""),
        ("screening", "hall", ""),
    } <= r
    assert set(attrs(m, "stay")) == {"nightly_rate"}
    assert not attrs(m, "screening")


def test_children_introduced_with_their_attributes_get_them() -> None:
    m = model(
        "# Depot\n\n## Glossary\n\n- **Aisle**: a row of racks.\n\n## Notes\n\n"
        "A warehouse has a name and one or more aisles, each with a label, a height and a number of "
        "shelves.\n"
    )
    assert set(attrs(m, "aisle")) >= {"label", "height", "shelves"}
    assert set(attrs(m, "warehouse")) == {"name"}
    assert m.entity("warehouse_aisle") is None


def test_for_every_child_clause_describes_only_the_child() -> None:
    m = model(
        "# Farm\n\nEach farmer has one or more plots; for every plot we record its area, crop and soil "
        "type.\n"
    )
    assert set(attrs(m, "plot")) >= {"area", "crop", "soil_type"}
    assert not attrs(m, "farmer")
    assert ("plot", "farmer", "") in rels(m) and m.entity("farmer_plot") is None


def test_compound_child_with_details_is_an_entity_and_second_predicate_is_split() -> None:
    m = model(
        "# Gym\n\nA gym has a name and a city, and keeps several class-time slots, each with a weekday "
        "and a start hour.\n"
    )
    assert set(attrs(m, "gym")) == {"name", "city"}
    assert "weekday" in attrs(m, "class_time_slot")


def test_subjects_introduced_by_register_and_is_a_with() -> None:
    m = model(
        "# Library\n\nLibrary members sign up with their name, email and phone.\n\n"
        "Pilots are crew members with a name and a licence number (unique).\n"
    )
    assert set(attrs(m, "member")) == {"name", "email", "phone"}
    pilot = m.entity("pilot")
    assert pilot is not None and pilot.attribute("licence_number").unique  # type: ignore[union-attr]
    assert any("head noun" in a.text for a in m.assumptions)


def test_assigned_to_direction_follows_work_item_and_resource() -> None:
    m = model(
        "# Wards\n\nA shift has a start time and a location. A nurse has a name and a badge number. "
        "A nurse can be assigned to a shift.\n\nA job has a title and a due date. "
        "A technician has a name and a phone. A job can be assigned to one technician.\n"
    )
    r = {(x.child, x.parent): x for x in m.relationships}
    assert ("shift", "nurse") in r and not r["shift", "nurse"].required
    assert ("nurse", "shift") not in r
    assert ("job", "technician") in r
    assert any("holds the link" in a.text for a in m.assumptions)


def test_multi_party_verbs_link_every_party_to_the_object() -> None:
    m = model(
        "# Clinic\n\nA parent has a name and an email. A child has a name and a birth date. "
        "A practice has a name and an address. A consultation has a start time and a reason.\n\n"
        "Parents book consultations for a child at a practice on a weekday.\n"
    )
    assert {
        ("consultation", "parent", ""),
        ("consultation", "child", ""),
        ("consultation", "practice", ""),
    } <= rels(m)


def test_compare_inside_an_attribute_list() -> None:
    m = model(
        "# Rota\n\nA rota entry has a label, a start time and a finish time that must be after the start.\n"
    )
    checks = [(c.kind, c.attribute, c.op, c.other) for c in m.checks if c.entity == "rota_entry"]
    assert ("compare", "finish_time", ">", "start_time") in checks


def test_only_once_with_a_phrasal_verb_is_unique_over_both_links() -> None:
    m = model(
        "# Polls\n\nA reader has a name and an email. A poll has a question and a deadline. "
        "A vote has a choice and belongs to one reader. "
        "A reader can vote on a poll only once.\n"
    )
    assert any(u.entity == "vote" and set(u.attributes) == {"reader", "poll"} for u in m.uniques)
    assert ("vote", "poll", "") in rels(m)


def test_frozen_copy_variants() -> None:
    m = model(
        "# Rooms\n\nA room has a number and a rate. A reservation has a check-in date and a guest name.\n\n"
        "The rate quoted stays as it was when the reservation was confirmed.\n"
    )
    assert "rate_quoted" in attrs(m, "reservation")


def test_either_or_target_links_optionally_to_each() -> None:
    m = model(
        "# Reviews\n\nAn author has a name and a pen name. A reviewer has a name and an email. "
        "A comment has a body; it is written by either the author or a reviewer.\n"
    )
    r = {(x.child, x.parent): x for x in m.relationships}
    assert not r["comment", "author"].required and not r["comment", "reviewer"].required
    assert not any("either" in e.name for e in m.entities)


def test_purpose_table_definitions_link_and_bmad_lazy_continuation() -> None:
    m = model(
        "# Forum\n\n## Tables\n\n| Table | Purpose |\n|---|---|\n| Thread | a discussion topic |\n"
        "| Reply | one reply posted in a thread |\n\n## Models\n\n### Badge\nKey Attributes:\n"
        "- code: unique\n"
        "- shiny: yes or no\n- label\nRelationships:\n- belongs to one Thread\n"
    )
    assert ("reply", "thread", "") in rels(m) and ("badge", "thread", "") in rels(m)
    badge = m.entity("badge")
    assert badge is not None and badge.attribute("code").unique  # type: ignore[union-attr]
    assert attrs(m, "badge")["shiny"] is Kind.BOOLEAN and "label" in attrs(m, "badge")


def test_list_of_one_parent_for_a_period_is_an_access_pattern() -> None:
    m = model(
        "# Depots\n\nA depot has a name. A delivery has a pickup time and belongs to one depot.\n\n"
        "Dispatchers list the deliveries of one depot for a week, ordered by pickup time.\n"
    )
    assert any(
        p.entity == "delivery" and p.equality == ["depot"] and "pickup_time" in (p.sort + p.range)
        for p in m.access_patterns
    )


def test_ranges_and_units_in_attribute_lists() -> None:
    m = model(
        "# Boats\n\nA boat has a name, a number of berths between 2 and 12 and its length in metres. "
        "A cargo crate has a label and a mass in kilograms.\n"
    )
    berths = m.entity("boat").attribute("berths")  # type: ignore[union-attr]
    assert berths is not None and (berths.minimum, berths.maximum) == (2.0, 12.0)
    mass = m.entity("cargo_crate").attribute("mass_kg")  # type: ignore[union-attr]
    assert mass is not None and mass.kind is Kind.DECIMAL and mass.minimum == 0.0


def test_phrasal_event_time_and_whether_an_x_is_y() -> None:
    m = model(
        "# Gates\n\nA visitor has a name and a badge. "
        "A sign-in belongs to one visitor and records the time it happened.\n\n"
        "A question has a label and whether an answer is mandatory.\n"
    )
    assert "signed_in_at" in attrs(m, "sign_in")
    assert attrs(m, "question")["answer_mandatory"] is Kind.BOOLEAN


def test_parts_named_after_their_parent_and_posted_entries_are_owned() -> None:
    m = model(
        "# Quotes\n\n## Models\n\n### Quote\nKey Attributes:\n- issued_on: date\n\nRelationships:\n"
        "- has many Quote Items\n\n### Quote Item\nKey Attributes:\n- amount: money\n\n"
        "## Tables\n\n| Table | Purpose |\n|---|---|\n| Topic | a discussion |\n"
        "| Comment | one comment left on a topic |\n"
    )
    owned = {(r.child, r.parent) for r in m.relationships if r.ownership == "owned"}
    assert ("quote_item", "quote") in owned and ("comment", "topic") in owned


def test_definitions_are_read_again_after_prose_introduces_their_parents() -> None:
    m = model(
        "# Meters\n\n## Key Entities\n\n- **Sample**: one measurement of a gauge at a plant, with a value.\n"
        "- **Remark**: a note from an inspector about a gauge.\n\n## Notes\n\n"
        "A gauge has a serial and a model. A plant has a name and a region. An inspector has a name and a "
        "phone.\n"
    )
    assert {
        ("sample", "gauge", ""),
        ("sample", "plant", ""),
        ("remark", "inspector", ""),
        ("remark", "gauge", ""),
    } <= rels(m)


def test_fr_modals_do_not_become_part_of_the_subject() -> None:
    m = model(
        "# Gyms\n\n- **FR-001**: Trainees MUST be able to sign up with their name, email and phone number.\n"
        "- **FR-002**: A workout MUST have a title and a day rate.\n"
    )
    assert set(attrs(m, "trainee")) == {"name", "email", "phone_number"}
    assert m.entity("must") is None and m.entity("workout_must") is None
    assert attrs(m, "workout")["day_rate"] is Kind.MONEY


def test_listing_for_one_owner_is_an_access_pattern() -> None:
    m = model(
        "# Courts\n\nA court has a name and a surface. "
        "A slot has a start time and a price, and belongs to one court.\n\n"
        "Members view the slots for one court, newest first.\n"
    )
    assert any(p.entity == "slot" and p.equality == ["court"] for p in m.access_patterns)


def test_twice_and_more_than_once_are_only_once() -> None:
    m = model(
        "# Hotels\n\nA guest has a name and an email. A hotel has a name and a city. "
        "A review has a score and a comment.\n\nNo guest may review the same hotel twice.\n"
    )
    assert any(u.entity == "review" and set(u.attributes) == {"guest", "hotel"} for u in m.uniques)
    m = model(
        "# Raffles\n\nA player has a name and a phone. A draw has a date and a prize. "
        "An entry has a ticket code and a purchase time.\n\nA player cannot enter a draw more than once.\n"
    )
    assert any(u.entity == "entry" and set(u.attributes) == {"player", "draw"} for u in m.uniques)


def test_direction_words_order_a_column_and_frozen_copy_takes_any_participle() -> None:
    m = model(
        "# Scooters\n\nA scooter has a plate and a model. "
        "A ride has a start time, an end time and a fare, and belongs to one scooter.\n\n"
        "Operators list the rides of one scooter ordered by start time, most recent first.\n\n"
        "The fare stays as it was when the ride was started.\n\nA scooter may have no dock yet.\n"
    )
    assert any(p.entity == "ride" and p.sort == ["-start_time"] for p in m.access_patterns)
    assert not any("most" in s for p in m.access_patterns for s in p.sort)
    assert any("stays as charged" in a.text for a in m.assumptions)
    assert "no_dock_yet" not in attrs(m, "scooter")


def test_dash_definitions_with_several_parents_and_a_time() -> None:
    m = model(
        "# Concerts\n\n## Key Entities\n\n- **Arena** — a venue with a name and a capacity.\n"
        "- **Band** — a group with a name and a genre.\n"
        "- **Gig** — a concert by a band in an arena at a start time.\n"
        "- **Fan** — a person with a name and an email.\n"
        "- **Pass** — a fan's entry to a gig, with a price.\n"
    )
    assert {("gig", "arena", ""), ("pass", "fan", ""), ("pass", "gig", "")} <= rels(m)
    assert "start_time" in attrs(m, "gig") and set(attrs(m, "pass")) == {"price"}


def test_compare_rules_stated_as_must_or_as_a_rejection() -> None:
    m = model(
        "# Hires\n\nA hire has a pickup date, a return date, a start hour and a finish hour.\n\n"
        "The return date must be after the pickup date.\n\n"
        "WHEN a hire is saved THEN the System SHALL reject it if the finish hour is not after the start "
        "hour.\n\n"
        "An invoice has an amount, a due date and whether it was settled.\n"
    )
    checks = {(c.attribute, c.op, c.other) for c in m.checks if c.kind == "compare"}
    assert {("return_date", ">", "pickup_date"), ("finish_hour", ">", "start_hour")} <= checks
    assert attrs(m, "invoice")["settled"] is Kind.BOOLEAN


def test_staff_genus_makes_assignable_and_late_references_become_links() -> None:
    m = model(
        "# Packing\n\nBaskets hold several basket rows, each with an item, a count of at least 2 and a "
        "note.\n\n"
        "An item has a barcode and a label. A basket has a code and a colour.\n\n"
        "Packers are depot staff with a name and a badge code. A packer can be assigned to a basket.\n"
    )
    assert ("basket_row", "item", "") in rels(m) and "item" not in attrs(m, "basket_row")
    count = m.entity("basket_row").attribute("count")  # type: ignore[union-attr]
    assert count is not None and count.minimum == 2.0
    r = {(x.child, x.parent) for x in m.relationships}
    assert ("basket", "packer") in r and ("packer", "basket") not in r


def test_multi_party_links_go_to_the_event_entity_when_there_is_one() -> None:
    m = model(
        "# Tools\n\nA neighbour has a name and an email. A tool has a label and a brand. "
        "A shed has a name and a street. A lending has a start date and a due date.\n\n"
        "Neighbours lend tools from a shed.\n"
    )
    r = rels(m)
    assert {("lending", "neighbour", ""), ("lending", "tool", ""), ("lending", "shed", "")} <= r
    assert ("tool", "neighbour", "") not in r


def test_compound_subjects_stay_whole_unless_the_head_is_a_person() -> None:
    m = model(
        "# Orchard\n\nA fruit crate is a box of apples from a tree row, with a weight and a grade.\n\n"
        "A tree row has a label and a variety.\n"
    )
    assert m.entity("fruit_crate") is not None and m.entity("crate") is None
    assert ("fruit_crate", "tree_row", "") in rels(m)


def test_log_for_can_many_hold_once_and_particle_verbs() -> None:
    m = model(
        "# Kennel\n\nA kennel has a name and a size. Keepers log feeding rounds for a kennel: the time, the "
        "grams served and an optional remark.\n\nA breeder has a name and an email (unique) and can list "
        "several puppies. A puppy has a name and a colour. A litter has a date and a count.\n\n"
        "A puppy can take a spot in a litter only once. A spot has a number and a status.\n\n"
        "Breeders hand over puppies at a kennel for a buyer. A buyer has a name and a phone.\n"
    )
    r = rels(m)
    assert ("feeding_round", "kennel", "") in r and "grams_served" in attrs(m, "feeding_round")
    assert any(u.entity == "spot" and set(u.attributes) == {"puppy", "litter"} for u in m.uniques)
    assert {("puppy", "kennel", ""), ("puppy", "buyer", "")} <= r


def test_enum_values_of_two_words_and_limits_on_rows() -> None:
    m = model(
        "# Jobs\n\nA job has a title, at most 5 helpers and a state: queued, in progress, done or not "
        "possible.\n"
    )
    state = m.entity("job").attribute("state")  # type: ignore[union-attr]
    assert state is not None and "in_progress" in state.enum_values
    assert not any(a.startswith("at_most") for a in attrs(m, "job"))


def test_unit_words_lead_a_decimal_and_days_to_do_something_is_a_count() -> None:
    m = model(
        "# Brewery\n\nA tank has a code and the litres filled. A hop has a name and the number of days to "
        "dry.\n\nBrewers drop off casks at a tank. A cask has a label and a seal.\n"
    )
    assert attrs(m, "tank")["litres_filled"] is Kind.DECIMAL
    assert attrs(m, "hop")["days_to_dry"] is Kind.COUNT
    assert ("cask", "brewer", "") not in rels(m) or ("cask", "tank", "") in rels(m)


def test_single_word_child_mentioned_again_is_an_entity() -> None:
    m = model(
        "# Marina\n\nA marina has a name and a town, and one or more piers, each with a code and a "
        "length.\n\n"
        "A boat is moored at a pier, with a name and a hull number.\n"
    )
    assert set(attrs(m, "pier")) == {"code", "length"} and m.entity("marina_pier") is None
    m = model("# Staff\n\nA worker has a name, a grade and several talents, each with a level.\n")
    assert "talent" in attrs(m, "worker_talent")
