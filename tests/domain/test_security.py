"""Which values the spec says are encrypted or confidential. Examples written for this test."""

from __future__ import annotations

import pytest

from schemawright.domain.model import Kind
from tests.domain.patterns._helpers import attribute_kinds, model_of


@pytest.mark.parametrize(
    ("text", "owner", "secret", "plain"),
    [
        ("A patient has a name and an insurance number (encrypted).", "patient", "insurance_number", "name"),
        (
            "A driver has a name and a licence number. The licence number must be stored encrypted.",
            "driver",
            "licence_number",
            "name",
        ),
        (
            "A driver has a name and a licence number, which is encrypted at rest.",
            "driver",
            "licence_number",
            "name",
        ),
        (
            "A guest has a name and a passport number; passport numbers are stored encrypted.",
            "guest",
            "passport_number",
            "name",
        ),
        ("A donor has a name, a tax number (confidential) and an email.", "donor", "tax_number", "name"),
    ],
)
def test_an_encrypted_value_is_encrypted_and_its_neighbours_are_not(
    text: str, owner: str, secret: str, plain: str
) -> None:
    kinds = attribute_kinds(model_of(text), owner)
    assert kinds[secret] is Kind.ENCRYPTED, kinds
    assert kinds[plain] is not Kind.ENCRYPTED, kinds
