"""Known states, places and organisations with their names, demonyms and links.

The tables live in `kg/data/*.tsv` so that analysts can extend them without touching code;
they are loaded once. Keys are stable identities ("iran", "damascus", "hezbollah") that
`resolve` turns into IRIs.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources

from .namespaces import slug

__all__ = ["Entry", "Gazetteer", "load_gazetteer"]


@dataclass
class Entry:
    """One known actor or place."""

    key: str
    label: str
    kind: str  # kg class name
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    wikidata: str | None = None
    geonames: str | None = None
    country: str | None = None  # key of the state it belongs to


@dataclass
class Gazetteer:
    """Lookup tables: surface form → entry key, demonym → country key."""

    entries: dict[str, Entry]
    names: dict[str, str]
    demonyms: dict[str, str]

    def lookup(self, surface: str) -> Entry | None:
        """Entry for an exact name or alias, ignoring a leading "the"."""
        s = surface.strip()
        key = self.names.get(s)
        if key is None and s.lower().startswith("the "):
            key = self.names.get(s[4:])
        return self.entries.get(key) if key else None

    def state_of(self, entry: Entry | None) -> Entry | None:
        """The state a city or a body belongs to ("Moscow" -> Russia), if the gazetteer knows it."""
        return self.entries.get(entry.country) if entry is not None and entry.country else None

    def country_of_demonym(self, word: str) -> Entry | None:
        key = self.demonyms.get(word)
        return self.entries.get(key) if key else None


def _rows(name: str) -> list[list[str]]:
    text = resources.files("kg").joinpath("data", name).read_text(encoding="utf-8")
    return [
        (line.split("\t") + [""] * 6)[:6]
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    ]


@functools.cache
def load_gazetteer() -> Gazetteer:
    """Read the bundled tables (cached: they are immutable for the life of the process)."""
    entries: dict[str, Entry] = {}
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for name, aliases, dems, qid, gid, _ in _rows("countries.tsv"):
        e = Entry(slug(name), name, "Country", _split(aliases), _split(dems), qid or None, gid or None)
        entries[e.key] = e
    for name, aliases, country, qid, gid, _ in _rows("places.tsv"):
        kind = "City" if country else "Place"
        ckey = slug(country) if country else None
        e = Entry(slug(name), name, kind, _split(aliases), [], qid or None, gid or None, ckey)
        entries.setdefault(e.key, e)
    for name, kind, aliases, affiliation, qid, _ in _rows("organizations.tsv"):
        e = Entry(slug(name), name, kind, _split(aliases), [], qid or None, None)
        e.country = slug(affiliation) if affiliation else None
        entries.setdefault(e.key, e)
    for e in entries.values():
        for surface in [e.label, *e.aliases]:
            names.setdefault(surface, e.key)
    for e in entries.values():
        # datelines and capitalised headlines ("DUBAI, March 11 (Reuters) -")
        if e.kind in {"Country", "City"} and len(e.label) >= 4:
            names.setdefault(e.label.upper(), e.key)
        for d in e.demonyms:
            demonyms.setdefault(d, e.key)
    return Gazetteer(entries, names, demonyms)


def _split(cell: str) -> list[str]:
    return [s.strip() for s in cell.split("|") if s.strip()]
