"""One test per rule and lexicon entry, on sentences written for these tests (not from the corpus)."""

from __future__ import annotations

from schemawright.domain.analyze import analyze
from schemawright.domain.model import Cardinality, DomainModel, Kind
from schemawright.spec.parser import parse_spec


def model(text: str) -> DomainModel:
    return analyze(parse_spec(text), "t", "t")


def attrs(m: DomainModel, entity: str) -> dict[str, Kind]:
    e = m.entity(entity)
    assert e is not None, [x.name for x in m.entities]
    return {a.name: a.kind for a in e.attributes}


def rels(m: DomainModel) -> set[tuple[str, str, str]]:
    return {(r.child, r.parent, r.role) for r in m.relationships}


def test_subject_with_attributes_and_owner_link() -> None:
    m = model(
        "# Lockers\n\nA locker rental has a start date, an optional end date, a deposit, "
        "and belongs to the member who booked it.\n"
    )
    assert {"start_date", "end_date", "deposit"} <= set(attrs(m, "locker_rental"))
    assert ("locker_rental", "member", "") in rels(m)
    assert not m.entity("locker_rental").attribute("end_date").required  # type: ignore[union-attr]


def test_several_predicates_with_roles_and_also_a() -> None:
    m = model(
        "# Clinic\n\nA visit belongs to a clinic, is requested by a user, and can be assigned to one "
        "vet (also a user). It has a reason and the time it was closed.\n"
    )
    r = rels(m)
    assert ("visit", "clinic", "") in r
    assert ("visit", "user", "requester") in r
    assert ("visit", "user", "assignee") in r
    assert {"reason", "closed_at"} <= set(attrs(m, "visit"))
    assignee = next(x for x in m.relationships if x.role == "assignee")
    assert not assignee.required


def test_nested_children_and_plural_list_child() -> None:
    m = model(
        "# Albums\n\nAn album belongs to a label. It has tracks written by musicians, each with a title "
        "and optional stems (file name, content type, size, storage key).\n"
    )
    r = rels(m)
    assert ("track", "album", "") in r and ("stem", "track", "") in r
    assert {"file_name", "content_type", "size", "storage_key"} <= set(attrs(m, "stem"))
    assert attrs(m, "stem")["content_type"] is Kind.TEXT


def test_ears_event_entity_from_definition_and_lifecycle_pair() -> None:
    m = model(
        "# Requirements Document\n\n## Glossary\n\n- **Rental**: the hiring of one kayak by one guest.\n"
        "- **Kayak**: a boat with a hull number.\n- **Guest**: a person with a name.\n\n"
        "## Requirements\n\n"
        "1. WHEN a guest hires a kayak THEN the System SHALL record the rental date and a due date 2 days "
        "later.\n"
        "2. WHEN the kayak is returned THEN the System SHALL record the return date.\n"
        "3. IF a kayak is returned late THEN the System SHALL charge a penalty of 5 per day, and record "
        "whether the penalty was paid.\n"
        "4. The System SHALL NOT allow a kayak to be on more than one open rental at a time.\n"
    )
    a = attrs(m, "rental")
    assert {"rental_date", "due_date", "return_date", "penalty_amount", "penalty_paid"} <= set(a)
    assert a["penalty_amount"] is Kind.MONEY and a["penalty_paid"] is Kind.BOOLEAN
    assert {("rental", "guest", ""), ("rental", "kayak", "")} <= rels(m)
    unique = next(u for u in m.uniques if u.entity == "rental")
    assert unique.attributes == ["kayak"] and unique.where == "return_date is null"
    assert any("later" in x.text for x in m.assumptions)


def test_ears_nominalisation_creates_entity_status_and_queue_order() -> None:
    m = model(
        "# Requirements Document\n\n## Glossary\n\n- **Court**: a tennis court with a number.\n"
        "- **Player**: a club player with a name.\n\n## Requirements\n\n"
        "1. WHEN a player books a court THEN the System SHALL queue the booking in the order it was made.\n"
        "2. A booking SHALL be pending, confirmed or cancelled.\n"
    )
    a = attrs(m, "booking")
    assert a["booked_at"] is Kind.TIMESTAMP
    status = m.entity("booking").attribute("status")  # type: ignore[union-attr]
    assert status is not None and status.enum_values == ["pending", "confirmed", "cancelled"]
    assert {("booking", "player", ""), ("booking", "court", "")} <= rels(m)


def test_event_time_and_exclusion_and_windowed_access() -> None:
    m = model(
        "# Scans\n\nA parcel has a tracking code, a weight and a destination.\n\n"
        "For each scan we keep the time, the depot and the scanner model. We do not keep the operator "
        "badge itself. Customers look at scan timelines per day for one parcel.\n"
    )
    a = attrs(m, "scan")
    assert "scanned_at" in a and "operator_badge" not in a
    ap = next(p for p in m.access_patterns if p.entity == "scan")
    assert ap.equality == ["parcel"] and ap.range == ["scanned_at"]
    assert ("scan", "parcel", "") in rels(m)
    assert any("not stored" in x.text for x in m.assumptions)


def test_ordered_queue_access_pattern_is_esr() -> None:
    m = model(
        "# Repairs\n\nA repair job belongs to a workshop. It has a status (open, waiting, done) and a "
        "priority (low, high).\n\nMechanics see the list of open repair jobs of their workshop ordered by "
        "priority and age.\n"
    )
    ap = next(p for p in m.access_patterns if p.entity == "repair_job")
    assert ap.equality == ["workshop", "status"] and ap.sort == ["priority", "created_at"]


def test_rating_entity_with_range_and_one_per_parent() -> None:
    m = model(
        "# Courses\n\nA course has a title and a start date. When a course is finished the student may "
        "rate it from 1 to 10 with an optional remark; one rating per course.\n"
    )
    score = m.entity("rating").attribute("score")  # type: ignore[union-attr]
    assert score is not None and (score.minimum, score.maximum) == (1.0, 10.0)
    rel = next(r for r in m.relationships if r.child == "rating")
    assert rel.parent == "course" and rel.cardinality is Cardinality.ONE_TO_ONE


def test_internal_variant_is_a_flag_on_the_message_entity() -> None:
    m = model(
        "# Forum\n\nA thread has a title and a slug. It has posts written by users, each with a body. "
        "Moderators can add private comments that members never see.\n"
    )
    assert attrs(m, "post")["is_private"] is Kind.BOOLEAN
    assert m.entity("comment") is None


def test_emitted_records_with_flexible_values_and_retention() -> None:
    m = model(
        "# Buoys\n\n- Each buoy belongs to one station and has a call sign (unique), a model and the "
        "kinds of data it reports.\n- A station has a name and a region.\n"
        "- Buoys send a sample every minute: timestamp and a set of measured values (wave height, wind; "
        "more may come).\n- Samples older than 30 days are deleted.\n"
    )
    assert attrs(m, "buoy")["kinds"] is Kind.LIST
    assert attrs(m, "sample") == {"timestamp": Kind.TIMESTAMP, "values": Kind.JSON}
    assert ("sample", "buoy", "") in rels(m) and m.entity("sample").retention_days == 30  # type: ignore[union-attr]


def test_owner_account_is_an_external_reference_and_slash_enum() -> None:
    m = model(
        "# Farms\n\n- A barn has a name and a manager account.\n"
        "- A trigger belongs to a barn: measured kind, direction (rising/falling) and limit value.\n"
    )
    assert attrs(m, "barn")["manager_id"] is Kind.IDENTIFIER
    assert m.entity("account") is None and m.entity("user") is None
    direction = m.entity("trigger").attribute("direction")  # type: ignore[union-attr]
    assert direction is not None and direction.enum_values == ["rising", "falling"]


def test_triggered_event_time_and_acknowledged_flag() -> None:
    m = model(
        "# Alarms\n\n- An alarm rule belongs to a site: level and threshold.\n- A site has a name and a "
        "code.\n- Raised alarms store the rule, the site, the value and when it happened, and whether "
        "someone silenced it.\n"
    )
    a = attrs(m, "alarm")
    assert {"value", "raised_at", "silenced"} <= set(a)
    assert ("alarm", "alarm_rule", "") in rels(m)


def test_data_requirements_history_period_and_access_log() -> None:
    m = model(
        "# Fleet\n\n## Data requirements\n"
        "- Vessels: name (unique), flag, tonnage.\n"
        "- Inspection records: each vessel has inspection records with the inspector name, result and "
        "the date from which it is valid; only one inspection record per vessel may start on a given date.\n"
        "- Voyage reports: one per vessel per month (year and month), with distance and fuel cost.\n\n"
        "## Constraints\n- Tonnage and fuel costs are confidential: encrypt them at rest.\n"
        "- Every read of a vessel's confidential data is logged (who, when, which vessel).\n"
    )
    assert ("inspection_record", "vessel", "") in rels(m)
    assert "only_one_inspection" not in attrs(m, "inspection_record")
    assert any(u.entity == "voyage_report" and u.attributes == ["vessel", "year", "month"] for u in m.uniques)
    assert (
        next(r for r in m.relationships if r.child == "voyage_report").cardinality is Cardinality.MANY_TO_ONE
    )
    assert attrs(m, "vessel")["tonnage"] is Kind.ENCRYPTED
    assert attrs(m, "vessel")["name"] is Kind.NAME
    log = attrs(m, "vessel_access_log")
    assert {"accessed_at", "accessed_by"} <= set(log) and ("vessel_access_log", "vessel", "") in rels(m)


def test_which_and_when_merges_with_request_field() -> None:
    m = model(
        "# Sign up\n\n## Backend\n\n#### Endpoint 1: POST /signup\n```json\n"
        '{"email": "string", "agreed_policy_version": "string"}\n```\n\n'
        "## Database\n\n| Entity | Purpose | Key Fields |\n|---|---|---|\n| users | people | id, email |\n\n"
        "### Business Logic\n- We must record which version of the privacy policy the person agreed, "
        "and when.\n"
    )
    a = attrs(m, "user")
    assert "agreed_policy_version" in a and "policy_version" not in a
    assert a["policy_agreed_at"] is Kind.TIMESTAMP


def test_scenarios_add_only_entry_order_to_the_association() -> None:
    m = model(
        "# Feature Specification: Playlists\n\n## User Scenarios & Testing\n\n1. **Given** a listener, "
        "**When** they save a playlist with 5 songs, **Then** the playlist lists each song with its volume, "
        "in the order entered.\n\n## Requirements\n\n### Key Entities\n\n- **Playlist**: has a name.\n"
        "- **Song**: a song with a title, unique by title.\n"
        "- **Playlist Song**: volume of one song in one playlist; belongs to one playlist.\n"
    )
    assert attrs(m, "playlist_song")["position"] is Kind.POSITION
    assert "position" not in attrs(m, "song") and "in_the_order_entered" not in attrs(m, "playlist")
