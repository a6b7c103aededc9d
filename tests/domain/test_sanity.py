"""The name-sanity gate: sentence debris is rejected, established compound names are not."""

from __future__ import annotations

import pytest

from schemawright.domain.model import (
    AccessPattern,
    Attribute,
    Cardinality,
    CheckRule,
    DomainModel,
    Entity,
    Kind,
    Relationship,
    UniqueRule,
)
from schemawright.domain.sanity import check_name, check_names, filter_model

DEBRIS = [
    "6_decimals",  # "rounded to 6 decimals"
    "fr_002",  # a requirement label
    "shelf_b_012",
    "d",
    "e_g",
    "and_book_consultations",
    "belongs_to_user",
    "individual_making_hotel_reservations",
    "key_attributes_unique_identifier",
    "place_and_notes_as_text_fields",
    "at_least_one",
    "at_most_five_accounts",
    "or_more_organizations",
    "doctor_cannots",
    "per_device",
    # fresh ones in the same families
    "i_e",
    "sizes_etc",
    "cats_vs_dogs",
    "their_address",
    "it_expires",
    "we_keep_history",
    "several_tags",
    "one_or_more",
    "no_more_than",
    "member_borrows_book",
    "user_uses_app",
    "owner_must_approve",
    "which_warehouse",
    "for_each_order",
    "the_invoice",
    "a_customer",
    "never_shown_to_bidders",
    "foreign_key_to_client",
    "primary_key",
    "shipment_status_pending_shipped_delivered_returned",
    "",
    "_",
    "OrderItem",
    "on_a_floor",
    "in_kg",
    "offices_in_several_towns",
    "two_decimals",
    "several_days",
]

LEGIT = [
    "address_line_2",
    "last_4",
    "x",
    "order_item",
    "customer",
    "loan",
    "email",
    "password_hash",
    "display_name",
    "date_of_birth",
    "place_of_birth",
    "time_of_day",
    "day_of_week",
    "point_of_sale",
    "terms_of_service",
    "number_of_guests",
    "guest_count",
    "cost_per_unit",
    "price_per_night",
    "per_km_rate",
    "is_active",
    "is_primary",
    "has_children",
    "can_edit",
    "created_by",
    "approved_by",
    "approved_by_id",
    "invited_by_user_id",
    "assigned_to_id",
    "assigned_to_team_id",
    "scheduled_for",
    "valid_from",
    "valid_to",
    "valid_until",
    "starts_on",
    "ends_at",
    "expires_at",
    "opens_at",
    "member_since",
    "checked_in_at",
    "check_in_date",
    "move_in_date",  # a phrasal verb compound, as check_in_date
    "clock_in_time",
    "trade_in_value",
    "sign_up_source",
    "opt_in",
    "add_on",
    "no_show_count",
    "all_day",
    "not_before",
    "quantity_on_hand",
    "one_time_password_hash",
    "two_factor_secret",
    "from_account_id",
    "to_currency",
    "days_to_germinate",
    "time_to_first_response",
    "time_of_application",
    "out_of_order",
    "remote_only",
    "read_only",
    "max_uses",
    "orders_count",
    "billing_address",
    "shipping_method",
    "tracking_number",
    "booking_reference",
    "failed_login_count",
    "failed_request_window_started_at",
    "address_line_2",
    "sha256",
    "special_needs",
    "like_count",
    "about_me",
    "field_type",
    "status",
    "news",
    "series_title",
    "expires_on",
    "posted_on",
    "year_of_manufacture",
    "weight_in_kg",
    "area_in_hectares",
    "price_including_vat",
    "three_letter_staff_code",
    "last_four_digits",
    "device_type",
    "type_of_device",
    "pot_diameter_in_centimetres",
]


@pytest.mark.parametrize("name", DEBRIS)
def test_debris_is_rejected(name: str) -> None:
    assert check_name(name) is not None


@pytest.mark.parametrize("name", LEGIT)
def test_clean_noun_phrases_pass(name: str) -> None:
    assert check_name(name) is None


def test_reasons_name_the_offending_word() -> None:
    assert check_name("at_most_five_accounts") == "function word 'at'"
    assert check_name("doctor_cannots") == "verb fragment 'cannots'"
    assert check_name("belongs_to_user") == "verb fragment 'belongs'"
    assert check_name("their_address") == "pronoun 'their'"
    assert check_name("e_g") == "abbreviation fragment 'e_g'"
    assert check_name("key_attributes_unique_identifier") == "spec vocabulary 'key_attributes', not a name"
    assert "more than 4" in (check_name("shipment_status_pending_shipped_delivered_returned") or "")


def test_word_lists_load_as_strings() -> None:
    """A bare ``on`` or ``no`` in the YAML would load as a boolean and silently drop out of the gate."""
    assert check_name("on_a_floor") == "function word 'on'"
    assert check_name("no_more_than") == "function word 'no'"


def _model() -> DomainModel:
    return DomainModel(
        feature_id="x",
        feature_name="x",
        entities=[
            Entity(
                name="customer",
                attributes=[
                    Attribute(name="email", kind=Kind.EMAIL),
                    Attribute(name="at_most_five_accounts", kind=Kind.TEXT),
                ],
            ),
            Entity(name="or_more_organizations", attributes=[Attribute(name="name", kind=Kind.NAME)]),
            Entity(name="account", attributes=[Attribute(name="opened_on", kind=Kind.DATE)]),
        ],
        relationships=[
            Relationship(child="account", parent="customer"),
            Relationship(child="customer", parent="or_more_organizations"),
            Relationship(child="account", parent="customer", role="belongs_to_user"),
            Relationship(
                child="customer",
                parent="account",
                cardinality=Cardinality.MANY_TO_MANY,
                through="customer_account",
                attributes=[Attribute(name="per_device", kind=Kind.TEXT)],
            ),
        ],
        uniques=[
            UniqueRule(entity="customer", attributes=["email"]),
            UniqueRule(entity="customer", attributes=["at_most_five_accounts"]),
            UniqueRule(entity="account", attributes=["belongs_to_user", "opened_on"]),
        ],
        checks=[CheckRule(entity="customer", kind="length", attribute="at_most_five_accounts")],
        access_patterns=[AccessPattern(entity="or_more_organizations", equality=["name"])],
    )


def test_check_names_lists_every_failing_name() -> None:
    names = [name for name, _ in check_names(_model())]
    assert names == [
        "customer.at_most_five_accounts",
        "or_more_organizations",
        "account.belongs_to_user",
        "customer_account.per_device",
    ]


def test_filter_model_drops_failing_names_and_what_points_at_them() -> None:
    model = _model()
    clean, dropped = filter_model(model)
    assert [e.name for e in clean.entities] == ["customer", "account"]
    assert [a.name for a in clean.entities[0].attributes] == ["email"]
    assert [(r.child, r.parent, r.role) for r in clean.relationships] == [
        ("account", "customer", ""),
        ("customer", "account", ""),
    ]
    assert clean.relationships[1].attributes == []
    assert [u.attributes for u in clean.uniques] == [["email"]]
    assert clean.checks == [] and clean.access_patterns == []
    assert len(dropped) == 9
    assert dropped[0] == "column customer.at_most_five_accounts: function word 'at'"
    assert check_names(clean) == []
    assert len(model.entities) == 3  # the input is not modified


def test_a_clean_model_is_unchanged() -> None:
    model = _model()
    clean, _ = filter_model(model)
    again, dropped = filter_model(clean)
    assert dropped == [] and again == clean


def test_an_identifier_the_spec_spells_itself_is_its_authors_name() -> None:
    """A field the spec writes as an identifier (``replaces_meter_id``, ``containsNuts``) is kept; the same
    words read out of a sentence are still debris."""
    from schemawright.domain.model import Source

    written = Source(line=12, text="- replaces_meter_id: UUID - FK to Meter; set when a meter is swapped")
    camel = Source(line=30, text="  containsNuts: boolean;")
    prose = Source(line=4, text="Each reading belongs to user who took it.")
    model = DomainModel(
        feature_id="x",
        feature_name="x",
        entities=[
            Entity(name="meter", attributes=[Attribute(name="serial", kind=Kind.TEXT)]),
            Entity(
                name="cake",
                attributes=[
                    Attribute(name="contains_nuts", kind=Kind.BOOLEAN, source=camel),
                    Attribute(name="belongs_to_user", kind=Kind.TEXT, source=prose),
                ],
            ),
        ],
        relationships=[Relationship(child="meter", parent="meter", role="replaces_meter", source=written)],
    )
    assert check_names(model) == [("cake.belongs_to_user", "verb fragment 'belongs'")]
    clean, dropped = filter_model(model)
    assert [r.role for r in clean.relationships] == ["replaces_meter"]
    assert [a.name for a in clean.entities[1].attributes] == ["contains_nuts"]
    assert dropped == ["column cake.belongs_to_user: verb fragment 'belongs'"]
