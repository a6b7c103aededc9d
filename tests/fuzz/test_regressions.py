"""Crashes and failures the fuzzers found, each kept as a regression test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fuzz.campaign import HOSTILE_FOLDER, MYSQL, POSTGRES, REDIS, Campaign, Case
from tests.fuzz.test_fuzz_specs import _design
from tests.services import service_url


def test_superscript_digit_before_a_noun() -> None:
    """'¹' is a digit to str.isdigit() but no int: the analyzer's cardinalities read ASCII digits only."""
    _design("# Feature\n\n## Data\n\n¹ user\n", "auto")


# -- from the campaign (tests/fuzz/campaign.py): each case goes through the real command and its outputs
# are verified on the engines, exactly as in the 1,000-spec run.


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Campaign]:
    with Campaign(
        tmp_path_factory.mktemp("regressions"),
        postgres_url=service_url(POSTGRES),
        mysql_url=os.environ.get(MYSQL),
        redis_url=os.environ.get(REDIS),
    ) as running:
        yield running


def _passes(campaign: Campaign, text: str, **settings: object) -> None:
    fields: dict[str, object] = {
        "style": "regression", "text": text, "db": "postgresql", "layout": "plain", "pass_id": True,
        "name": None, "cli_verifies": False, "allow_review_errors": True, "crlf": False, "encoding": "utf-8",
    }
    fields.update(settings)
    before = len(campaign.failures)
    campaign.run(Case(**fields))  # type: ignore[arg-type]
    assert campaign.failures[before:] == [], str(campaign.failures[before])


def test_a_newline_in_the_spec_folder_keeps_a_refusal_on_one_line(campaign: Campaign) -> None:
    """The path of a binary spec in a folder named with a newline, a fence and HTML was printed as four
    ``error:`` lines; paths in messages now show control characters escaped."""
    _passes(campaign, "# x\n\nA user has a name.\x00\n", layout="hostile-folder")
    assert "\n" in HOSTILE_FOLDER


def test_a_newline_in_the_spec_folder_keeps_unreadable_data_on_one_line(campaign: Campaign) -> None:
    """The same for "the spec describes data … but no entity could be read" (Firestore and Redis specs)."""
    spec = "# Feature ID: 698_moz\n\n### Objective\n\nA value records a key.\n\n- Type: Redis\n"
    _passes(campaign, spec, layout="hostile-folder", db="firestore")


LONG = "x" * 150
LONGER = "x" * 200
LONG_NAMES = f"""# Feature ID: 099_x

### Business Logic

- A naïve café has a {LONG}, a {LONGER} and a status: draft, `published` or archived.
"""


@pytest.mark.parametrize("db", ["postgresql", "mysql", "sqlite"])
def test_long_column_names_that_contain_each_other_are_shortened_everywhere(
    campaign: Campaign, db: str
) -> None:
    """Two over-long names, one a prefix of the other: the checks' expressions were rewritten one name after
    another, so the shorter name's replacement cut into the longer name (MariaDB: "Unknown column
    'xxx…_60876a12xxx…' in 'CHECK'"). Now one pass over whole identifiers."""
    if db == "mysql" and not os.environ.get(MYSQL):
        service_url(MYSQL)  # skips (or fails under SCHEMAWRIGHT_REQUIRE_SERVICES=1)
    _passes(campaign, LONG_NAMES, db=db, cli_verifies=db == "sqlite")


def test_long_names_in_a_kiro_design_document(campaign: Campaign, tmp_path: Path) -> None:
    """The campaign's Kiro case with long TypeScript field names, a ``'a' | 'b'`` union and CRLF lines."""
    spec = f"""# Requirements Document

## Introduction

Each status has a deyye, a user and many comments.

# Design Document

## Data Models

```typescript
interface T {{
  id: string;
  {LONG}: number;
  {LONGER}?: 'a' | 'b';
  select: string;
}}
```
"""
    _passes(campaign, spec, db="auto", crlf=True, name="<img src=x onerror=alert(1)>")


@pytest.mark.parametrize(
    "spec",
    [
        # BMAD: the attribute listed twice, a timestamp, then with a "|"-separated note
        "# Arch\n\n## 3. Data Models\n\n### 3.1 Check\n\n**Purpose:** A check.\n\n**Key Attributes:**\n\n"
        "- `order`: timestamp - optional\n- `order`:  - > 0 team s | b word\n\n**Relationships:**\n\n"
        "- Has one Accounts\n",
        # Kiro design.md: two fields that name the same attribute, a number and a 'a' | 'b' union
        "# Design Document\n\n## Data Models\n\n```typescript\ninterface Order {\n  id: string;\n"
        "  word: number | null;\n  word?: 'a' | 'b';\n  total: number;\n}\n```\n",
    ],
    ids=["bmad-timestamp", "kiro-number"],
)
def test_a_value_list_from_a_weaker_line_does_not_retype_a_typed_attribute(
    campaign: Campaign, spec: str
) -> None:
    """A later fact's value list was given to an attribute a stronger fact had typed as a timestamp or a
    number: the sample row ("a", "- > 0 team s") did not fit the column. Values now go only to
    attributes that can hold them (numbers only to numbers)."""
    _passes(campaign, spec, db="auto")
