"""Round-two rules: one test each, on sentences written for these tests (not copied from any corpus)."""

from __future__ import annotations

from schemawright.domain.model import Cardinality, Kind
from tests.domain.test_rules import attrs, model, rels


def test_typescript_interfaces_give_entities_links_enums_and_optionals() -> None:
    m = model(
        "# Design\n\n## Data Models\n\n```ts\ninterface Garage {\n  id: string;\n  name: string;\n}\n"
        "interface Repair {\n  id: string;\n  garageId: string;\n  state: 'open' | 'done';\n"
        "  finishedAt?: Date;\n  cost: number;\n}\n```\n"
    )
    repair = attrs(m, "repair")
    assert repair["state"] is Kind.ENUM and repair["cost"] is Kind.MONEY
    assert repair["finished_at"] is Kind.TIMESTAMP
    assert not m.entity("repair").attribute("finished_at").required  # type: ignore[union-attr]
    assert ("repair", "garage", "") in rels(m)


def test_unit_phrases_name_the_column() -> None:
    m = model("# Uploads\n\nAn upload has a title, its length in seconds and its weight in bytes.\n")
    a = attrs(m, "upload")
    assert a["length_seconds"] is Kind.DURATION and a["weight_bytes"] is Kind.COUNT


def test_date_a_person_did_something() -> None:
    m = model("# Clubs\n\nA club member has a nickname and the date the member signed.\n")
    assert attrs(m, "club_member")["signed_on"] is Kind.DATE


def test_identified_by_is_a_unique_attribute_not_a_link() -> None:
    m = model("# Hotels\n\nA guest is identified by their passport code and has a nickname.\n")
    guest = m.entity("guest")
    assert guest is not None and guest.attribute("passport_code").unique  # type: ignore[union-attr]
    assert not rels(m)


def test_adverbial_opening_is_not_a_subject() -> None:
    m = model("# Farm\n\nFor every tractor we record its make, its plate and its mileage.\n")
    assert [e.name for e in m.entities] == ["tractor"]


def test_alternatives_in_parentheses_are_enum_values() -> None:
    m = model("# Zoo\n\nAn enclosure has a name and a climate (arctic, desert, jungle or temperate).\n")
    climate = m.entity("enclosure").attribute("climate")  # type: ignore[union-attr]
    assert climate is not None and climate.enum_values == ["arctic", "desert", "jungle", "temperate"]


def test_multi_valued_attribute_becomes_owned_child_with_main_flag() -> None:
    m = model(
        "# Suppliers\n\nA supplier has a name and one or more email addresses, and one of its email "
        "addresses is marked as the primary contact.\n"
    )
    child = m.entity("supplier_email_address")
    assert child is not None and {"email_address", "is_primary"} <= {a.name for a in child.attributes}
    assert ("supplier_email_address", "supplier", "") in rels(m)
    assert any(u.entity == child.name and u.where == "is_primary = true" for u in m.uniques)
    assert any("supplier_email_address" in a.text for a in m.assumptions)


def test_quantified_plural_described_elsewhere_is_an_entity() -> None:
    m = model("# Stables\n\nA stable has a name and several horses. A horse has a name and a breed.\n")
    assert ("horse", "stable", "") in rels(m)
    assert m.entity("stable_horse") is None


def test_quantified_child_with_each_with_details() -> None:
    m = model(
        "# Crew\n\nPilots hold several licences, each with an expiry date.\n"
        "- A pilot has a name and a rank.\n"
    )
    child = m.entity("pilot_licence")
    assert child is not None and child.attribute("expiry_date") is not None


def test_sub_items_are_a_self_reference() -> None:
    m = model("# Wiki\n\nA topic has a title and a body. A topic can contain sub-topics.\n")
    rel = next(r for r in m.relationships if r.child == "topic" and r.parent == "topic")
    assert rel.role == "parent" and not rel.required and rel.ownership == "owned"


def test_relative_clause_reference_with_role() -> None:
    m = model(
        "# Boats\n\nFor each boat we record its name and the member who owns it. A member has a name and "
        "an email.\n"
    )
    assert ("boat", "member", "owner") in rels(m)


def test_manager_role_with_aside_in_parentheses() -> None:
    m = model(
        "# Staff\n\n## Data requirements\n"
        "- Nurses: name, ward, and the nurse's supervisor (another nurse; none for the head nurse).\n"
    )
    assert ("nurse", "nurse", "supervisor") in rels(m)


def test_expiring_single_use_token() -> None:
    m = model(
        "# Reset\n\nA password reset has an email and a user name. "
        "Reset links expire after 2 hours and can be used once.\n"
    )
    reset = attrs(m, "password_reset")
    assert reset["token_hash"] is Kind.SECRET_TOKEN and {"expires_at", "used_at"} <= set(reset)
    assert any("token_hash" in a.text for a in m.assumptions)


def test_block_after_bad_attempts_in_a_window() -> None:
    m = model(
        "# Login\n\nA device has a name and a serial number. Lock a device for 15 minutes after 5 failed "
        "logins in 10 minutes.\n"
    )
    device = attrs(m, "device")
    assert {"failed_login_count", "blocked_until"} <= set(device)


def test_value_copied_when_the_row_is_made() -> None:
    m = model(
        "# Shop\n\nA product has a name and a price. "
        "An order line has a quantity and belongs to one product. "
        "The price paid stays as it was when the order line was placed.\n"
    )
    line = attrs(m, "order_line")
    assert line["price_paid"] is Kind.MONEY


def test_history_of_changes_is_a_history_entity() -> None:
    m = model(
        "# Policies\n\nA policy has a title and a body. A user has a name. Changes to policies must be "
        "audited: we keep who changed them and the previous body.\n"
    )
    hist = m.entity("policy_change")
    assert hist is not None and hist.append_only
    assert {"changed_at", "previous_body"} <= {a.name for a in hist.attributes}
    assert ("policy_change", "policy", "") in rels(m) and "policy" in m.audit_entities


def test_ends_after_it_starts_is_a_compare_check() -> None:
    m = model("# Rooms\n\nA meeting has a start time and an end time. A meeting must end after it starts.\n")
    assert any(c.kind == "compare" and c.entity == "meeting" for c in m.checks)


def test_trash_retention_is_soft_delete() -> None:
    m = model(
        "# Notes\n\nA note has a title and a body.\n\n"
        "1. WHEN a user deletes a note THEN the System SHALL keep "
        "it in the trash for 14 days.\n"
    )
    assert m.entity("note").soft_delete  # type: ignore[union-attr]


def test_m2m_cardinality_enum_kept() -> None:
    assert Cardinality.MANY_TO_MANY.value == "many_to_many"


def test_link_to_several_targets_and_a_second_statement() -> None:
    m = model(
        "# Parking\n\nA permit belongs to one driver and one car park; it has a valid-from date and a fee.\n"
    )
    r = rels(m)
    assert ("permit", "driver", "") in r and ("permit", "car_park", "") in r
    assert {"fee"} <= set(attrs(m, "permit"))


def test_booked_for_one_with_one_at_a_time() -> None:
    m = model(
        "# Salon\n\nA client has a name and a phone. A stylist has a name and an email. An appointment is "
        "booked for one client with one stylist at a start time.\n"
    )
    r = rels(m)
    assert ("appointment", "client", "") in r and ("appointment", "stylist", "") in r
    assert "start_time" in attrs(m, "appointment")


def test_unique_within_a_parent_is_composite() -> None:
    m = model("# Hotel\n\nA hotel has a name and a city. Each room has a number, unique within its hotel.\n")
    assert any(u.entity == "room" and u.attributes == ["hotel", "number"] for u in m.uniques)
    assert not m.entity("room").attribute("number").unique  # type: ignore[union-attr]


def test_which_is_unique_and_no_two_may_share() -> None:
    m = model(
        "# Fleet\n\nA boat has a hull code, which is unique, and a name.\n"
        "A crane has a tag, which no two cranes may share, and a capacity.\n"
    )
    assert m.entity("boat").attribute("hull_code").unique  # type: ignore[union-attr]
    assert m.entity("crane").attribute("tag").unique  # type: ignore[union-attr]


def test_colon_alternatives_are_enum_values() -> None:
    m = model("# Cafe\n\nA drink has a name and a size: tall, grande or venti.\n")
    size = m.entity("drink").attribute("size")  # type: ignore[union-attr]
    assert size is not None and size.kind is Kind.ENUM and size.enum_values == ["tall", "grande", "venti"]


def test_works_at_exactly_one() -> None:
    m = model(
        "# Shops\n\nA shop has a name and a city. "
        "Clerks work at exactly one shop and have a name and a badge number.\n"
    )
    assert ("clerk", "shop", "") in rels(m)


def test_many_to_many_with_link_attributes_named_by_the_spec() -> None:
    m = model(
        "# Clinic trials\n\n- A patient has a name and a birth date.\n- A trial has a code and a title.\n\n"
        "Patients participate in trials, with a consent date and a dosage; the dosage is between 1 and 50. "
        "Each participation is reviewed yearly.\n"
    )
    rel = next(r for r in m.relationships if r.cardinality is Cardinality.MANY_TO_MANY)
    assert {rel.child, rel.parent} == {"patient", "trial"} and rel.through == "participation"
    dosage = next(a for a in rel.attributes if a.name == "dosage")
    assert (dosage.minimum, dosage.maximum) == (1.0, 50.0)
    assert any(c.entity == "participation" and c.kind == "range" for c in m.checks)


def test_many_to_many_each_with_and_no_noun_for_the_link() -> None:
    m = model(
        "# Films\n\n- An actor has a name and a country.\n- A film has a title and a year.\n\n"
        "Actors appear in films, each with their role name.\n"
    )
    rel = next(r for r in m.relationships if r.cardinality is Cardinality.MANY_TO_MANY)
    assert rel.through == "" and [a.name for a in rel.attributes] == ["role_name"]


def test_member_of_many_folds_the_link_entity() -> None:
    m = model(
        "# Clubs\n\nA rider has a name and an email. A club has a name and a city. A rider can be a member "
        "of many clubs and a club has many riders; each membership has a level (junior, senior or veteran).\n"
    )
    rel = next(r for r in m.relationships if r.cardinality is Cardinality.MANY_TO_MANY)
    assert rel.through == "membership" and m.entity("membership") is None
    assert [a.name for a in rel.attributes] == ["level"]


def test_fr_labels_inside_one_paragraph_and_irregular_participles() -> None:
    m = model(
        "# School\n\nFR1: A tutor has a name and an email.\nFR2: A lesson has a topic and a room, and is "
        "taught by one tutor.\n"
    )
    assert ("lesson", "tutor", "") in rels(m)


def test_catalogue_of_each_with() -> None:
    m = model(
        "# Shop\n\nThe system must keep a catalogue of lamps, each with a unique code, a name and a price.\n"
    )
    lamp = m.entity("lamp")
    assert lamp is not None and lamp.attribute("code").unique  # type: ignore[union-attr]
    assert {"name", "price"} <= {a.name for a in lamp.attributes}


def test_stream_from_every_source_with_volume_from_a_stated_count() -> None:
    m = model(
        "# Meters\n\n- A meter has a serial number and an address.\n- The network has 2,000 meters.\n"
        "- The system stores a power sample from every meter every 60 seconds: voltage, current and the "
        "time it was taken.\n"
    )
    sample = m.entity("power_sample")
    assert sample is not None and sample.append_only
    assert ("power_sample", "meter", "") in rels(m)
    assert sample.volume_per_month == 2000 * 30 * 86400 // 60
    assert sample.time_attribute == "taken_at"


def test_rate_with_count_in_the_same_sentence() -> None:
    m = model("# Bees\n\n- A hive has a name. Hives get a weight sample every 10 minutes from 300 hives.\n")
    assert any("300" in a.text for a in m.assumptions)


def test_logged_requests_with_rate_and_log_retention() -> None:
    m = model(
        "# Webhooks\n\n- A webhook has a name and a target url.\n"
        "- Every request sent to a webhook is logged with its status code and the duration in milliseconds; "
        "about 50,000 requests a day.\n- Log entries older than 30 days are deleted.\n"
    )
    log = m.entity("request_log")
    assert log is not None and log.volume_per_month == 1_500_000 and log.retention_days == 30
    assert attrs(m, "request_log")["status_code"] is Kind.INTEGER


def test_secret_field_from_its_description_is_hashed() -> None:
    m = model(
        "# Bots\n\n### Bot\n\n| Field | Type | Constraints |\n|---|---|---|\n| label | string | required |\n"
        "| signing_secret | string | secret, shown once |\n"
    )
    assert attrs(m, "bot")["signing_secret"] is Kind.SECRET_TOKEN


def test_camel_case_heading_keeps_word_boundary() -> None:
    m = model(
        "# Shop\n\n### GiftCard\n\n| Field | Type | Constraints |\n|---|---|---|\n"
        "| code | string | unique |\n"
        "| balance | decimal | |\n"
    )
    assert m.entity("gift_card") is not None


def test_assigned_to_a_thing_has_no_person_role() -> None:
    m = model("# Yard\n\nA forklift has a serial number and a model, and is assigned to one warehouse.\n")
    assert ("forklift", "warehouse", "") in rels(m)


def test_semicolon_starts_a_new_statement() -> None:
    m = model("# Routes\n\nEach bus is assigned to one garage; a garage has a name and a city.\n")
    assert {"name", "city"} <= set(attrs(m, "garage"))


def test_role_aliases_pairs_and_at_most_one_active_as_a_role() -> None:
    m = model(
        "# Buddies\n\nA nurse has a name and an email. Each preceptor is also a nurse. A preceptorship pairs "
        "one preceptor with one trainee: a start date and an optional end date. A nurse has at most one "
        "active preceptorship as a trainee.\n"
    )
    r = rels(m)
    assert ("preceptorship", "nurse", "preceptor") in r and ("preceptorship", "nurse", "trainee") in r
    rule = next(u for u in m.uniques if u.entity == "preceptorship")
    assert rule.attributes == ["trainee"] and rule.where == "end_date is null"


def test_range_after_the_name_is_a_constraint() -> None:
    m = model("# Judges\n\nA score card has a judge name and a difficulty mark from 0 to 10.\n")
    mark = m.entity("score_card").attribute("difficulty_mark")  # type: ignore[union-attr]
    assert mark is not None and (mark.minimum, mark.maximum) == (0.0, 10.0)


def test_deleting_the_parent_deletes_its_children_marks_ownership() -> None:
    m = model(
        "# Decks\n\nA slide deck has a title and a cover colour. A slide has a caption and belongs to one "
        "slide deck.\n\n1. WHEN a slide deck is deleted THEN the System SHALL delete its slides.\n"
    )
    rel = next(r for r in m.relationships if r.child == "slide" and r.parent == "slide_deck")
    assert rel.ownership == "owned"


def test_only_once_is_unique_over_the_event_links() -> None:
    m = model(
        "# Votes\n\nA voter has a name and an email. A poll has a question and a deadline. A vote belongs to "
        "one voter and one poll, and has a choice. A voter can vote a poll only once.\n"
    )
    assert any(u.entity == "vote" and sorted(u.attributes) == ["poll", "voter"] for u in m.uniques)


def test_holds_at_most_one_current() -> None:
    m = model(
        "# Bikes\n\nA bike has a frame number and a colour. A hire belongs to one bike and has a start time "
        "and the time it was returned. A bike holds at most one current hire.\n"
    )
    assert any(u.entity == "hire" and u.attributes == ["bike"] and u.where for u in m.uniques)


def test_mermaid_contains_label_marks_owned_children() -> None:
    m = model(
        "# Ships\n\n```mermaid\nerDiagram\n    SHIP ||--o{ CABIN : contains\n"
        "    SHIP }o--|| FLEET : in\n```\n"
    )
    rel = next(r for r in m.relationships if r.child == "cabin")
    assert rel.ownership == "owned"


def test_possessive_listing_newest_first() -> None:
    m = model(
        "# Gym\n\nA trainer has a name and an email. A session has a start time, a room and belongs to one "
        "trainer.\n\n- List a trainer's sessions by start time, most recent first.\n"
    )
    p = next(a for a in m.access_patterns if a.entity == "session")
    assert p.equality == ["trainer"] and p.sort == ["-start_time"]


def test_list_of_a_parent_sorted_by_a_link_attribute() -> None:
    m = model(
        "# Choir\n\n- A singer has a name and an email.\n- A concert has a title and a date.\n\n"
        "Singers perform in concerts, with a part and the booking date. "
        "Conductors list the performances of a concert sorted by booking date.\n"
    )
    p = next(a for a in m.access_patterns if a.entity == "performance")
    assert p.equality == ["concert"] and p.sort == ["booking_date"]


def test_search_and_filter_them() -> None:
    m = model(
        "# Wiki\n\nAn article has a title, a body and a status (draft or live).\n\n"
        "Editors search articles by title and filter them by status.\n"
    )
    found = {(a.entity, tuple(a.equality), a.text_search) for a in m.access_patterns}
    assert ("article", ("title",), True) in found and ("article", ("status",), False) in found


def test_listing_implies_the_link_and_ignores_foreign_sort() -> None:
    m = model(
        "# Shop\n\nA store has a name and a city. A coupon has a code and an expiry date.\n\n"
        "Managers see a store's coupons sorted by store rating.\n"
    )
    assert ("coupon", "store", "") in rels(m)
    p = next(a for a in m.access_patterns if a.entity == "coupon")
    assert p.equality == ["store"] and p.sort == []
