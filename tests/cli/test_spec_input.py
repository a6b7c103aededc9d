"""What ``design`` does with specs that are not plain English UTF-8: legacy encodings are read with a
warning; specs in another language are refused with one line naming it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from schemawright.cli import app

runner = CliRunner()

SPEC = """# Café loyalty

## Key Entities
- **Guest**: a visitor with a name, an email and a “favourite drink”.
- **Stamp**: one stamp a guest collects per visit, with the date it was given.
"""


def _design(spec: Path) -> tuple[int, str, str]:
    result = runner.invoke(
        app, ["design", str(spec), "--root", str(spec.parent), "--no-verify", "--dry-run", "--json"]
    )
    return result.exit_code, result.stdout, result.stderr


def test_windows_1252_spec_is_read_with_a_warning(tmp_path: Path) -> None:
    spec = tmp_path / "010_loyalty.md"
    spec.write_bytes(SPEC.encode("cp1252"))
    code, out, err = _design(spec)
    assert code == 0, err
    assert f"warning: {spec} is not UTF-8; read it as Windows-1252" in err
    tables = [t["name"] for s in json.loads(out)["stores"] for t in s.get("tables", [])]
    assert "guests" in tables


def test_latin_1_spec_with_bytes_windows_1252_lacks_is_read_as_latin_1(tmp_path: Path) -> None:
    spec = tmp_path / "011_loyalty.md"
    spec.write_bytes(SPEC.replace("“", '"').replace("”", '"').encode("latin-1") + b"\n\x81\n")
    code, _, err = _design(spec)
    assert code == 0, err
    assert "is not UTF-8; read it as Latin-1" in err


def test_utf_8_spec_gets_no_warning(tmp_path: Path) -> None:
    spec = tmp_path / "012_loyalty.md"
    spec.write_text(SPEC, encoding="utf-8")
    code, _, err = _design(spec)
    assert code == 0 and "warning" not in err


FOREIGN = {
    "German": """# Kundenkonto

Ein Kunde hat eine E-Mail-Adresse und ein Passwort. Jeder Kunde kann mehrere Lieferadressen speichern,
die mit Straße, Postleitzahl und Ort erfasst werden. Eine Adresse ist die Standardadresse.
""",
    "French": """# Réservations

Un client peut réserver une chambre pour une ou plusieurs nuits. Chaque réservation a une date d'arrivée,
une date de départ et un statut. Les chambres sont identifiées par leur numéro dans l'hôtel.
""",
    "Spanish": """# Pedidos

Un cliente puede hacer varios pedidos. Cada pedido tiene una fecha, un total y un estado. Los productos
del pedido se guardan con la cantidad y el precio en el momento de la compra.
""",
    "Russian": """# Библиотека

Читатель может взять несколько книг. У каждой книги есть название, автор и год издания.
Выдача хранит дату выдачи и дату возврата.
""",
    "Chinese": """# 订单管理

客户可以下多个订单。每个订单有日期、总金额和状态。订单中的商品保存数量和购买时的价格。
""",
}


@pytest.mark.parametrize("language", sorted(FOREIGN))
def test_non_english_spec_is_refused_with_one_line(tmp_path: Path, language: str) -> None:
    spec = tmp_path / "020_spec.md"
    spec.write_text(FOREIGN[language], encoding="utf-8")
    code, out, err = _design(spec)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert f"error: {spec} looks like {language}, not English" in err
    assert "translate it first" in err


@pytest.mark.parametrize(
    "text",
    [
        """# Delivery addresses

## Key Entities
- **Address**: a street, a house number, a postcode and a city, for example Am Kupfergraben 6 or
  Straße der Pariser Kommune 12 in Berlin; each belongs to one customer.
- **Customer**: a person with a name and an email.
""",
        """# Quotes

## Key Entities
- **Quote**: its text, e.g. « Je pense, donc je suis », its author and the year it was written.
- **Author**: a name, such as Jean de La Fontaine.
""",
    ],
)
def test_english_spec_with_foreign_names_or_quotes_is_designed(tmp_path: Path, text: str) -> None:
    spec = tmp_path / "021_spec.md"
    spec.write_text(text, encoding="utf-8")
    code, _, err = _design(spec)
    assert code == 0, err
