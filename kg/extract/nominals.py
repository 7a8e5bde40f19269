"""Definite descriptions that point back to a named person: "the minister said" after
"Ukrainian Foreign Minister Dmytro Kuleba …", "the Serbian leader told …" after "Serbian
President Aleksandar Vucic".

A description refers to the nearest person named before it whose own description (the
title before the name, an appositive beside it) fits every word of it: the head noun or
one of the offices it stands for ("leader" for a president or prime minister), each
adjective ("foreign", "former"), and each nation (by demonym or affiliation). A word that
only grades the office ("top", "senior") need not fit. No fitting person, no antecedent:
a wrong person is worse than an unnamed one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..gazetteer import load_gazetteer
from ..models import Mention
from .mentions import is_office_adjective, is_title

__all__ = ["antecedent"]

#: the offices a description's head noun may stand for (itself always)
_STANDS_FOR: dict[str, frozenset[str]] = {
    "leader": frozenset("president premier prime chancellor king emir sultan chief head chairman".split()),
    "diplomat": frozenset("ambassador envoy foreign".split()),
    "envoy": frozenset("mediator representative ambassador".split()),
    "mediator": frozenset("envoy".split()),
    "spokesman": frozenset("spokeswoman spokesperson".split()),
    "spokeswoman": frozenset("spokesman spokesperson".split()),
    "spokesperson": frozenset("spokesman spokeswoman".split()),
    "lawmaker": frozenset("senator representative congressman congresswoman legislator".split()),
    "commander": frozenset("general chief".split()),
    "general": frozenset("commander".split()),
    "nominee": frozenset("candidate".split()),
    "candidate": frozenset("nominee".split()),
    "premier": frozenset("prime".split()),
}
#: head nouns that name an office or role a single named person holds
_HEADS = frozenset(
    """minister president premier chancellor leader envoy mediator diplomat ambassador
    spokesman spokeswoman spokesperson senator congressman congresswoman lawmaker governor
    mayor general commander chief secretary official nominee candidate judge prosecutor
    negotiator chairman chairwoman director king emir prince sultan speaker""".split()
)
#: words that grade an office rather than say which one it is
_GRADING = frozenset("top senior veteran longtime embattled outspoken new current then powerful".split())
#: abbreviated titles, as a description word
_ABBREVIATIONS = {
    "sen.": "senator",
    "rep.": "representative",
    "gov.": "governor",
    "gen.": "general",
    "lt.": "lieutenant",
    "col.": "colonel",
    "adm.": "admiral",
    "amb.": "ambassador",
    "pres.": "president",
    "sec.": "secretary",
}
#: lowercase words of a title that name the body or field ("army chief", "party leader")
_TITLE_NOUNS = frozenset("army party campaign police intelligence opposition rebel militia group".split())
#: lowercase adjectives of a title ("presidential nominee", "national security adviser")
_ADJECTIVE = re.compile(r"[a-z]+(?:al|an|ary|ic|ive|ian|ese)")
_WORD = re.compile(r"[\w.'’-]+")
#: a description set off by commas before the name ("The top U.N. official in Sudan, …")
_APPOSITIVE_BEFORE = re.compile(r"(?:^|(?<=[\n.;:!?]\s)|(?<=\n))\s*(?P<d>[^,;:\n“”\"]{3,80}?),\s*$")
#: … or after it (", Ukraine's foreign minister," / ", the AU's envoy for the Horn of Africa,")
_APPOSITIVE_AFTER = re.compile(
    r"\s*,\s*(?P<d>(?:the|an?|[A-Z][\w.-]*(?:'s|’s))\s[^,;:\n“”\"]{2,80}?)\s*[,.;]"
)


def _words(phrase: str) -> set[str]:
    out = set()
    for w in _WORD.findall(phrase):
        w = re.sub(r"(?:'s|’s)$", "", w.lower())
        out.add(_ABBREVIATIONS.get(w, w.rstrip(".")))
    return out


def _description(text: str, m: Mention) -> set[str]:
    """The words that describe a person where the name stands."""
    b, e = m.span.begin, m.span.end
    line = text.rfind("\n", 0, b) + 1
    before = text[max(line, b - 120) : b]
    words: set[str] = set(_words(m.label)) - {w.lower() for w in m.label.split()[-1:]}
    words |= _words(" ".join(_title_before(re.split(r"[,;:()“”\"]", before)[-1])))
    appositive = _APPOSITIVE_BEFORE.search(before)
    if appositive is not None:
        words |= _words(appositive.group("d"))
    after = _APPOSITIVE_AFTER.match(text, e)
    if after is not None:
        words |= _words(after.group("d"))
    return words | {a.lower() for a in m.affiliations}


def _title_before(before: str) -> list[str]:
    """The words of the title right before a name: capitalised words and office words,
    read back to the first other word ("… Bill Clinton and Hillary Clinton" gives none)."""
    out: list[str] = []
    for w in reversed(before.split()[-6:]):
        if not (
            w[:1].isupper()
            or is_title(w)
            or is_office_adjective(w)
            or w.lower() in _HEADS | _TITLE_NOUNS
            or _ADJECTIVE.fullmatch(w)
        ):
            break
        out.insert(0, w)
    return out


def _fits(modifiers: list[str], head: str, described: set[str]) -> bool:
    if head not in described and not (_STANDS_FOR.get(head, frozenset()) & described):
        return False
    g = load_gazetteer()
    for w in modifiers:
        low = w.lower()
        if low in _GRADING:
            continue
        country = g.country_of_demonym(w) if w[:1].isupper() else None
        if country is not None and (country.label.lower() in described or low in described):
            continue
        if _words(w) <= described:
            continue
        return False
    return True


def antecedent(
    text: str, b: int, e: int, mentions: list[Mention], speakers: Sequence[str] = ()
) -> Mention | None:
    """The named person that the description `text[b:e]` ("the foreign minister", "the
    Serbian leader") refers back to, or None. The description must be definite, end in
    an office, and hold nothing but modifiers before it. Of several people who fit, the
    one who spoke last (`speakers`: labels in the order they spoke) is the article's
    subject ("the senator" after Sen. Murphy's quotes and a mention of Sen. Gillibrand);
    if none of them spoke, the one named last."""
    words = text[b:e].split()
    if not 2 <= len(words) <= 5 or words[0].lower() != "the":
        return None
    head = words[-1].lower()
    if head not in _HEADS:
        return None
    modifiers = words[1:-1]
    if any(not re.fullmatch(r"[\w.'’-]+", w) or w.lower() in {"of", "for", "and"} for w in modifiers):
        return None
    people = [m for m in mentions if m.kind == "Person" and m.span.end <= b]
    seen: set[str] = set()
    fitting: list[list[Mention]] = []
    for m in reversed(people):
        if m.label in seen:
            continue
        same = _same_person(m, people)
        seen.update(p.label for p in same)
        described: set[str] = set().union(*(_description(text, p) for p in same))
        if _fits(modifiers, head, described):
            fitting.append(same)
    if not fitting:
        return None
    for label in reversed(speakers):
        spoke = next((same for same in fitting if label in {p.label for p in same}), None)
        if spoke is not None:
            return max(spoke, key=lambda p: len(p.label))
    return max(fitting[0], key=lambda p: len(p.label))


def _same_person(m: Mention, people: list[Mention]) -> list[Mention]:
    """The mentions of the person `m` names: the same name, or its surname alone. A
    surname that two full names share ("Bill Clinton", "Hillary Clinton") joins neither."""
    surname = m.label.split()[-1]
    full = {p.label for p in people if p.label.split()[-1] == surname and " " in p.label}
    if " " in m.label:
        return [p for p in people if p.label in {m.label, surname}]
    if len(full) > 1:
        return [p for p in people if p.label == surname]
    return [p for p in people if p.label.split()[-1] == surname]
