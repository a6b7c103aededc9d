"""A glossary term defined as another declared entity "who" does something ("Conductor: the ringer who
calls the performance") is a part that entity plays: links to the term are links to that entity, in the
term's role. A term defined by a participle ("Application: a Candidate applying to a Job Posting") still
refers to it. Examples written for this test."""

from __future__ import annotations

from tests.domain.patterns._helpers import model_of, role_links

SPEC = """# Spec

## Glossary

- **Ringer**: a member of the band, with a name and a bell number.
- **Conductor**: the ringer who calls the performance.
- **Performance**: a peal rung on a date, with a method and a conductor.
- **Volunteer**: a person with a name and a phone number.
- **Warden**: a volunteer who locks the gates at night.
- **Garden**: a community space with a postcode, a name and a warden.
- **Candidate**: a person with a name and an email.
- **Job Posting**: a vacancy with a title and a salary.
- **Application**: a Candidate applying to a Job Posting, with a cover letter.
"""


def test_a_who_definition_is_a_role_of_the_defining_entity() -> None:
    model = model_of(SPEC)
    names = {e.name for e in model.entities}
    assert "conductor" not in names and "warden" not in names, names
    found = role_links(model)
    assert ("performance", "ringer", "conductor") in found, found
    assert ("garden", "volunteer", "warden") in found, found


def test_a_participle_definition_still_refers() -> None:
    found = role_links(model_of(SPEC))
    assert ("application", "candidate", "") in found, found
