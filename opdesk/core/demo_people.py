"""Believable people for the demo data: names, birth, codice fiscale, residence, phone.

Every row is built to pass ``opdesk.core.rules.person.normalize_person`` unchanged: the
codice fiscale is computed (check character included) from the name, sex, birth date and
the Belfiore code of the birth place; phones are in the shape ``normalize_phone`` gives.
"""

from __future__ import annotations

import random
import re
from bisect import bisect
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import accumulate
from typing import Any

from codicefiscale.codicefiscale import encode_cin

from opdesk.core.demo_names import (
    FOREIGN,
    IT_BIRTH_PLACES,
    IT_FEMALE,
    IT_MALE,
    IT_STEMS,
    IT_SUFFIXES,
    IT_SURNAMES,
    Origin,
    pool,
)
from opdesk.core.rules.comuni import RHODENSE
from opdesk.storage.text import fold

ITALIAN_WEIGHT = 62.0
CF_MIN_YEAR = 1945  # two-digit CF years before this would decode a century late
# People per comune roughly as the comuni's populations (thousands).
COMUNE_WEIGHTS = dict(zip(RHODENSE, (19, 20, 26, 11, 8, 7, 51, 20, 9), strict=True))
OTHER_COMUNI = pool(
    "Milano, Bollate, Garbagnate Milanese, Legnano, Nerviano, Baranzate, Novate Milanese, "
    "Sedriano, Vittuone, Bareggio, Arluno, Cesate"
)
STREETS = pool(
    "Via Roma, Via Garibaldi, Via Mazzini, Corso Europa, Via Matteotti, Via Dante, Via Magenta, "
    "Via XXV Aprile, Piazza San Vittore, Via Meda, Via Madonna, Via Sempione, Via Risorgimento, "
    "Via Trento, Via Trieste, Viale Lombardia, Via Volta, Via Manzoni, Via Cavour, Via Pace, "
    "Via dei Mille, Via Vittorio Veneto, Via Papa Giovanni XXIII, Via Gramsci, Via Novara"
)
MOBILE_PREFIXES = pool(
    "320, 324, 327, 328, 329, 330, 331, 333, 334, 335, 338, 339, 340, 342, 345, 346, 347, 348, "
    "349, 350, 351, 366, 368, 370, 371, 373, 377, 380, 388, 389, 391, 392, 393"
)
_MONTHS = "ABCDEHLMPRST"
_LETTERS = re.compile(r"[^a-z]")


class Skewed:
    """Picks from names, earlier ones more often: weight 1 / rank ** exponent."""

    def __init__(self, names: tuple[str, ...], exponent: float = 0.4) -> None:
        self.names = names
        self.cum = list(accumulate(1.0 / (rank + 1) ** exponent for rank in range(len(names))))

    def __call__(self, rng: random.Random) -> str:
        return self.names[bisect(self.cum, rng.random() * self.cum[-1])]


def cf_letters(name: str, *, given: bool) -> str:
    """The three letters of a codice fiscale for a surname or (``given``) a given name."""
    letters = _LETTERS.sub("", fold(name))
    consonants = [c for c in letters if c not in "aeiou"]
    vowels = [c for c in letters if c in "aeiou"]
    if given and len(consonants) > 3:
        del consonants[1]
    return "".join((consonants + vowels + ["x"] * 3)[:3]).upper()


def codice_fiscale(family: str, given: str, sex: str, born: date, place_code: str) -> str:
    day = born.day + (40 if sex == "F" else 0)
    code = (
        f"{cf_letters(family, given=False)}{cf_letters(given, given=True)}"
        f"{born.year % 100:02d}{_MONTHS[born.month - 1]}{day:02d}{place_code}"
    )
    return code + str(encode_cin(code))


@dataclass
class Source:
    """A group of people by origin, with its name pickers."""

    origin: Origin | None  # None: Italian
    surname: Skewed
    male: Skewed
    female: Skewed
    places: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Household:
    """What the people living together share: origin, surname and where they live."""

    source: Source
    family_name: str
    residence_comune: str | None
    residence_address: str | None
    homeless: bool
    domicile_comune: str | None = None
    domicile_address: str | None = None


class PeopleMaker:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        generated = tuple(s + x for s in IT_STEMS for x in IT_SUFFIXES)
        rng_order = random.Random(7)  # fixed: the pools do not depend on the seed
        generated = tuple(rng_order.sample(generated, len(generated)))
        italian = Source(
            None, Skewed(IT_SURNAMES + generated, 0.3), Skewed(IT_MALE, 0.4), Skewed(IT_FEMALE, 0.4)
        )
        italian.places = [(p, c) for p, c, w in IT_BIRTH_PLACES for _ in range(w)]
        self.sources = [italian] + [
            Source(o, Skewed(o.surnames), Skewed(o.male), Skewed(o.female)) for o in FOREIGN
        ]
        self.source_weights = list(accumulate([ITALIAN_WEIGHT] + [o.weight for o in FOREIGN]))
        self.comuni = list(COMUNE_WEIGHTS)
        self.comune_weights = list(accumulate(COMUNE_WEIGHTS.values()))

    def household(self) -> Household:
        rng = self.rng
        source = rng.choices(self.sources, cum_weights=self.source_weights)[0]
        surname = source.surname(rng)
        origin = source.origin
        if origin is not None and rng.random() < origin.second_surname:
            surname = f"{surname} {source.surname(rng)}"
        roll = rng.random()
        if roll < 0.04:  # senza fissa dimora: no residence address, maybe a domicile
            comune = rng.choice(self.comuni) if rng.random() < 0.5 else None
            dom = rng.choices(self.comuni, cum_weights=self.comune_weights)[0]
            return Household(
                source, surname, comune, None, True, dom if rng.random() < 0.4 else None
            )
        if roll < 0.10:
            comune, address = None, None
        else:
            near = rng.random() < 0.9
            comune = (
                rng.choices(self.comuni, cum_weights=self.comune_weights)[0]
                if near
                else rng.choice(OTHER_COMUNI)
            )
            address = self.address() if rng.random() < 0.75 else None
        home = Household(source, surname, comune, address, False)
        if rng.random() < 0.06:
            home.domicile_comune = rng.choice(self.comuni)
            home.domicile_address = self.address() if rng.random() < 0.6 else None
        return home

    def address(self) -> str:
        return f"{self.rng.choice(STREETS)} {self.rng.randint(1, 120)}"

    def phone(self) -> tuple[str, str] | tuple[None, None]:
        rng = self.rng
        roll = rng.random()
        if roll < 0.70:
            national = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**7):07d}"
        elif roll < 0.76:
            national = f"029{rng.randrange(10**7):07d}"
        else:
            return None, None
        return "+39" + national, national

    def person(
        self,
        home: Household,
        *,
        person_id: str,
        sex: str,
        born: date,
        registered_at: datetime,
        site_id: str,
        child: bool,
        born_here: bool,
    ) -> dict[str, Any]:
        rng = self.rng
        source, origin = home.source, home.source.origin
        names = source.female if sex == "F" else source.male
        given: str | None = names(rng)
        if origin is not None and rng.random() < origin.second_given:
            second = names(rng)
            given = f"{given} {second}" if second != given else given
        family: str | None = home.family_name
        if not child and rng.random() < 0.015:  # known by one name only
            if rng.random() < 0.5:
                family = None
            else:
                given = None
        if born_here or origin is None:
            place, code = rng.choice(self.sources[0].places)
            if born_here:
                place, code = rng.choice((("Rho", "H264"), ("Milano", "F205")))
        else:
            place, code = origin.birth_place, origin.place_code
        cf_rate = 0.9 if origin is None or born_here else origin.cf_rate
        has_date = child or rng.random() < 0.9
        cf = None
        if (
            has_date
            and sex in ("F", "M")
            and given
            and family
            and born.year >= CF_MIN_YEAR
            and rng.random() < cf_rate
        ):
            cf = codice_fiscale(family, given, sex, born, code)
        year_known = has_date or rng.random() < 0.7
        phone, national = self.phone() if not child or rng.random() < 0.2 else (None, None)
        missing = None
        if cf is None and rng.random() < 0.5:
            missing = "born_abroad" if origin is not None and not born_here else "unknown"
        return {
            "id": person_id,
            "version": 1,
            "deleted": False,
            "given_name": given,
            "family_name": family,
            "birth_date": born if has_date else None,
            "birth_year": born.year if year_known else None,
            "birth_place": place if (cf or rng.random() < 0.3) and has_date else None,
            "sex": sex,
            "codice_fiscale": cf,
            "cf_missing_reason": missing,
            "citizenship": None if rng.random() < 0.05 else self.citizenship(origin),
            "residence_comune": home.residence_comune,
            "residence_address": home.residence_address,
            "homeless": home.homeless,
            "domicile_comune": home.domicile_comune,
            "domicile_address": home.domicile_address,
            "phone": phone,
            "phone_national": national,
            "registered_at": registered_at,
            "registered_site_id": site_id,
            "merged_into_id": None,
        }

    @staticmethod
    def citizenship(origin: Origin | None) -> str:
        return "Italia" if origin is None else origin.citizenship


def adult_birth(rng: random.Random, on: date) -> date:
    """Somebody 18 to 90 on ``on``, most of them 30 to 60."""
    age_days = int((18 + rng.betavariate(2.0, 3.0) * 72) * 365.25)
    return on - timedelta(days=max(age_days, 18 * 366 + 1))


def child_birth(rng: random.Random, on: date) -> date:
    return on - timedelta(days=rng.randint(30, 17 * 365))


def registered_again(
    rng: random.Random, original: dict[str, Any], person_id: str, at: datetime, site_id: str
) -> dict[str, Any]:
    """The same person registered a second time elsewhere (no codice fiscale to hand,
    maybe no phone), merged at HQ into the first record since."""
    dup = dict(original, id=person_id, registered_at=at, registered_site_id=site_id)
    dup |= {"codice_fiscale": None, "merged_into_id": original["id"]}
    if dup["cf_missing_reason"] is None and original["codice_fiscale"]:
        dup["cf_missing_reason"] = "unknown"
    if rng.random() < 0.5:
        dup |= {"phone": None, "phone_national": None}
    return dup
