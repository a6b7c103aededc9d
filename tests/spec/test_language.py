"""Language detection: clearly non-English prose is named; English specs with foreign bits are not."""

from __future__ import annotations

import pytest

from schemawright.spec.language import detect_language, prose

GERMAN = """# Tischreservierung

## Beschreibung
Gäste können über die Website einen Tisch reservieren. Jede Reservierung hat ein Datum, eine Uhrzeit und
die Anzahl der Personen. Ein Gast kann mehrere Reservierungen haben, aber nicht zwei zur gleichen Zeit.

## Daten
- Ein Tisch hat eine Nummer und eine Anzahl von Plätzen.
- Die Reservierung wird storniert, wenn der Gast nicht erscheint.
"""

FRENCH = """# Gestion des abonnements

Les clients peuvent souscrire à un abonnement mensuel ou annuel. Chaque abonnement a une date de début,
une date de fin et un statut. Un client ne peut avoir qu'un seul abonnement actif.

- Les paiements sont enregistrés avec le montant et la date.
- Le client reçoit une facture pour chaque paiement.
"""

SPANISH = """# Reservas de clases

Los alumnos pueden reservar una plaza en una clase. Cada clase tiene un profesor, una sala y un horario.
Una clase no puede tener más de veinte alumnos. El alumno puede cancelar la reserva hasta una hora antes.

## Datos
- Alumno: nombre, correo electrónico y teléfono.
- Profesor: nombre y especialidad.
"""

ITALIAN = """# Gestione magazzino

Ogni prodotto ha un codice, un nome e una quantità disponibile. I movimenti di magazzino sono registrati
con la data, la quantità e il tipo (carico o scarico). Un prodotto può essere in più magazzini.
"""

PORTUGUESE = """# Agendamento de consultas

Os pacientes podem marcar consultas com um médico. Cada consulta tem uma data, um horário e um estado.
Um médico não pode ter duas consultas no mesmo horário. O paciente pode cancelar a consulta até um dia antes.
"""

DUTCH = """# Fietsverhuur

Klanten kunnen een fiets huren voor een dag of een week. Elke fiets heeft een framenummer en een type.
Een huurovereenkomst wordt afgesloten met de klant en de fiets, en heeft een begin- en einddatum.
"""

RUSSIAN = """# Учёт заказов

Клиент может оформить несколько заказов. Каждый заказ содержит дату, сумму и статус.
Товары в заказе хранятся с количеством и ценой на момент покупки.
"""

CHINESE = """# 图书借阅

读者可以借阅多本图书。每本图书有书名、作者和国际标准书号。借阅记录包含借出日期和归还日期。
"""

JAPANESE = """# 会員登録

ユーザーはメールアドレスとパスワードで登録します。各ユーザーは表示名とプロフィール画像を持ちます。
"""

KOREAN = """# 회원 가입

사용자는 이메일과 비밀번호로 가입합니다. 각 사용자는 표시 이름을 가집니다.
"""


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (GERMAN, "German"),
        (FRENCH, "French"),
        (SPANISH, "Spanish"),
        (ITALIAN, "Italian"),
        (PORTUGUESE, "Portuguese"),
        (DUTCH, "Dutch"),
        (RUSSIAN, "Russian"),
        (CHINESE, "Chinese"),
        (JAPANESE, "Japanese"),
        (KOREAN, "Korean"),
    ],
)
def test_foreign_specs_are_named(text: str, language: str) -> None:
    assert detect_language(text) == language


ENGLISH_WITH_STREETS = """# Delivery addresses

Customers save delivery addresses. Each address has a street, a postcode and a city, for example
Hauptstraße 5, Unter den Linden 77 or Straße des 17. Juni 135 in Berlin. A customer may have several
addresses and marks one of them as the default.
"""

ENGLISH_WITH_FRENCH_QUOTES = """# Quotes of the day

The app shows a quote every day. A quote has its text, its author and the language it is written in,
for instance « Le cœur a ses raisons que la raison ne connaît point » by Pascal, or « Je pense, donc je
suis ». Users can mark quotes as favourites.
"""

ENGLISH_MOSTLY_CODE = """# Readings

```sql
-- Messwerte der Sensoren: die Tabelle wird stündlich befüllt und ist nicht änderbar
CREATE TABLE messwerte (id bigint PRIMARY KEY, wert numeric NOT NULL, gemessen_am timestamptz NOT NULL);
```

| Feld | Typ | Beschreibung |
|---|---|---|
| wert | numeric | der gemessene Wert in der Einheit des Sensors |

Store the readings.
"""

SPANISH_NAMES = """# Staff

Staff members have a name (e.g. José de la Cruz, María del Mar) and an email. The branch in Las Palmas de
Gran Canaria is the head office.
"""


@pytest.mark.parametrize(
    "text",
    [
        ENGLISH_WITH_STREETS,
        ENGLISH_WITH_FRENCH_QUOTES,
        ENGLISH_MOSTLY_CODE,
        SPANISH_NAMES,
        "# Login\n\nUsers log in with an email and a password.\n",
        "# Über uns\n\nA static page.\n",
        '```json\n{"nom": "le client"}\n```\n',
        "",
    ],
)
def test_english_and_undecidable_specs_pass(text: str) -> None:
    assert detect_language(text) is None


def test_short_foreign_text_is_not_judged_without_evidence() -> None:
    assert detect_language("# Anmeldung\n\nMit E-Mail.\n") is None


def test_prose_drops_code_tables_comments_and_links() -> None:
    text = (
        "Intro.\n\n```\ncode here\n```\n\n| a | b |\n<!-- note -->\nSee [docs](https://x.y/z) and `inline`.\n"
    )
    kept = prose(text)
    for gone in ("code here", "| a |", "note", "https", "inline"):
        assert gone not in kept
    assert "Intro." in kept and "docs" in kept
