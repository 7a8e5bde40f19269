"""Actor and place mentions: gazetteer names and demonyms, the pipeline's entities, and
proper-name patterns, each with exact offsets.

A demonym denotes its state unless it heads a collective ("Syrian regime" → the
government of Syria, "Yemeni people" → a group affiliated with Yemen); that choice keeps
"Iran" and "Iranian" on one node where the article means the state.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable

from spacy.tokens import Doc, Token

from ..gazetteer import load_gazetteer
from ..models import Mention, Span
from ..nlp.abbreviations import BEFORE_NAMES
from .lexicon import ARMED_WORDS, GOVERNMENT_WORDS, MEDIA_WORDS, ORG_WORDS
from .timex import CALENDAR_NAME

__all__ = [
    "HONORIFICS",
    "armed_forces",
    "classify_name",
    "find_mentions",
    "is_title",
    "mention_at",
    "name_runs",
    "subject_antecedent",
]

_AMBIGUOUS = {"IS", "AP", "Post", "Guardian", "Gulf", "Fars", "Georgia", "Jordan", "Chad"}
#: ambiguous names that are the state when the model reads them as a place ("Jordan's army",
#: not "Jim Jordan"); Georgia stays a place, for the U.S. state is as likely
_STATE_WHEN_PLACE = {"Jordan", "Chad"}

_MINISTRY = r"(?:(?:foreign|defen[cs]e|interior|finance|justice|health|information|energy|trade)\s+)?ministry"
_GOV_HEADS = (
    r"regime|government|authorities|administration|leadership|president|presidency|junta"
    r"|military\s+(?:government|junta|regime|rulers|authorities)"
    rf"|{_MINISTRY}|cabinet|foreign\s+office|embassy"
)
_PEOPLE_HEADS = r"people|population|citizens|civilians|nation"
_FORCE_HEADS = r"army|forces|military|troops|soldiers|navy|air force"
#: people of a nation who are not its state, and often against it ("the Syrian opposition")
_OPPOSITION_HEADS = r"opposition|rebels|dissidents|exiles|refugees|activists|protesters|insurgents"


#: the members of an armed group named by its name before them ("Houthi rebels")
_MEMBERS = re.compile(
    r"\s+(?:rebels|fighters|militants|militia|militiamen|mercenaries|insurgents|guerrillas|gunmen|movement)\b"
)
#: "Mali's military government", "the Malian military junta": the state's rulers, not its army
_NOT_FORCES = r"(?!\s+(?:government|junta|regime|rulers?|authorities|council|leadership)\b)"
#: a common noun right before a name that says what kind of body the name is
_DESCRIBED = re.compile(
    r"\b(?:(?P<media>(?:state\s+|official\s+)?(?:news\s+agency|media|broadcaster|newspaper|television|TV"
    r"|news\s+outlet|outlet|daily|channel|news\s+site|website))"
    r"|authority|regulator|agency|watchdog|company|firm|operator|conglomerate|carrier|airline|bank"
    r"|lender|insurer|manufacturer|producer|miner|group)\s+$"
)
#: a capitalised word right before a body's name makes a longer name of its own
_LONGER_NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+[ \t]+$")
_STATE_FORCES = re.compile(rf"(?:'s|’s)?\s+(?:{_FORCE_HEADS})(?![\w-]){_NOT_FORCES}")
#: "the government in Riyadh": a state's government by the city it sits in
_GOVERNMENT_IN = re.compile(r"\b[Tt]he\s+(?P<gov>government|regime|leadership)\s+in\s+$")
#: "Ukraine's foreign ministry", "Egypt's presidency", "Niger junta": the state's
#: government, as "the Ukrainian foreign ministry" is (not "Ukraine's president", a person)
_STATE_ORGAN = re.compile(
    r"(?:'s|’s)?\s+(?i:(?:military\s+)?(?:government|regime|authorities|junta)|administration|presidency|cabinet|embassy"
    rf"|foreign\s+office|{_MINISTRY})(?![\w-])"
)


@functools.cache
def _gazetteer_regex() -> re.Pattern[str]:
    g = load_gazetteer()
    names = sorted((n for n in g.names if n not in _AMBIGUOUS), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])")


@functools.cache
def _demonym_regex() -> re.Pattern[str]:
    g = load_gazetteer()
    dems = sorted(g.demonyms, key=len, reverse=True)
    return re.compile(
        r"(?<![\w-])(?P<dem>" + "|".join(re.escape(d) for d in dems) + r")"
        rf"(?:(?P<gov>\s+(?:{_GOV_HEADS}))|(?P<ppl>\s+(?:{_PEOPLE_HEADS}))"
        rf"|(?P<frc>\s+(?:{_FORCE_HEADS})(?![\w-]){_NOT_FORCES})|(?P<opp>\s+(?:{_OPPOSITION_HEADS})))?(?![\w])"
    )


# A proper name: capitalised words, allowing inner particles and hyphenated Arabic
# articles ("Taher Abu Nidal al-Ahwazi", "National Coalition of Syrian ... Forces").
_CAP = r"(?:[A-Z][\w'’.&-]*|al-[A-Z][\w'’-]*|[0-9]+[\w]*)"
_PARTICLE = r"(?:of|and|for|the|de|del|la|le|van|von|bin|ibn|al|el|da|du)"
_NAME = re.compile(rf"{_CAP}(?:\s+(?:{_PARTICLE}\s+)*{_CAP})*")


def name_runs(text: str) -> list[tuple[int, int]]:
    """Offsets of proper-name runs in `text` (particles never start or end a run)."""
    return [(m.start(), m.end()) for m in _NAME.finditer(text)]


def classify_name(name: str, cue_lemma: str | None = None) -> str:
    """Guess a kg class for an unknown proper name from its words (and, for a source, the
    reporting verb: outlets "write" and "report")."""
    words = set(re.findall(r"[\w]+", name))
    if words & MEDIA_WORDS or (re.search(r"\d", name) and cue_lemma in {"write", "report"}):
        return "MediaOutlet"
    if words & GOVERNMENT_WORDS:
        return "Government"
    if words & ORG_WORDS:
        return "Organization"
    if words & ARMED_WORDS:
        return "ArmedGroup"
    if re.search(r"\d", name) or name.isupper():
        return "MediaOutlet" if cue_lemma in {"write", "report", "publish"} else "Organization"
    if cue_lemma in {"write", "publish"} and not re.fullmatch(r"[A-Z][a-z]+\s+[A-Z]\.\s+[A-Z][\w'’-]+", name):
        return "MediaOutlet"  # … but "Elaine C. Kamarck wrote": a middle initial is a person's
    return "Person"


def _overlaps(spans: list[tuple[int, int]], b: int, e: int) -> bool:
    return any(b < se and sb < e for sb, se in spans)


def mention_at(
    mentions: Iterable[Mention], offset: int, kinds: Collection[str] | None = None
) -> Mention | None:
    """The first mention (of one of `kinds`, if given) whose words cover a character
    offset, usually a token's: which actor a word of the parse belongs to."""
    return next(
        (m for m in mentions if m.span.begin <= offset < m.span.end and (kinds is None or m.kind in kinds)),
        None,
    )


def armed_forces(span: Span, state: str) -> Mention:
    """The mention of a state's armed forces ("Israeli troops", "U.S. forces", "its jets" in
    what Moscow said): one label for all the ways news names them, so they resolve to one actor."""
    return Mention(span, f"Armed forces of {state}", "ArmedGroup", affiliations=(state,))


def government(span: Span, state: str) -> Mention:
    """The mention of a state's government ("the Ukrainian foreign ministry", "Egypt's
    presidency", "the government in Riyadh"): one label for all of them, affiliated with
    the state, as `armed_forces` is for its forces."""
    return Mention(span, f"Government of {state}", "Government", affiliations=(state,))


def find_mentions(text: str, doc: Doc | None = None) -> list[Mention]:
    """Every mention in `text`, sorted by offset, without overlaps (longest wins)."""
    g = load_gazetteer()
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def add(m: Mention) -> None:
        if not _overlaps(taken, m.span.begin, m.span.end):
            found.append(m)
            taken.append((m.span.begin, m.span.end))

    candidates: list[Mention] = []
    for m in _demonym_regex().finditer(text):
        country = g.country_of_demonym(m.group("dem"))
        assert country is not None
        b, e = m.start(), m.end()
        span = Span(b, e, text[b:e])
        if m.group("gov"):
            candidates.append(government(span, country.label))
        elif m.group("ppl"):
            candidates.append(
                Mention(span, f"{m.group('dem')} people", "Group", affiliations=(country.label,))
            )
        elif m.group("opp"):
            # a group of that nation, not the state itself (no affiliation with it)
            label = f"{m.group('dem')} {m.group('opp').strip()}"
            candidates.append(Mention(span, label, "Group"))
        elif m.group("frc"):
            candidates.append(armed_forces(span, country.label))
        else:
            de = m.start() + len(m.group("dem"))
            candidates.append(Mention(Span(b, de, text[b:de]), country.label, "Country"))
    for m in _gazetteer_regex().finditer(text):
        entry = g.lookup(m.group())
        assert entry is not None
        b, e = m.start(), m.end()
        if entry.kind not in {"Country", "City", "Place"} and _LONGER_NAME.search(text, max(0, b - 30), b):
            continue  # "the Philippine National Security Council": not the UN's, a longer name
        state = g.state_of(entry)
        affil = (state.label,) if state is not None else ()
        members = _MEMBERS.match(text, e) if entry.kind == "ArmedGroup" else None
        if members:  # "Houthi rebels", "Hezbollah fighters": the group itself
            e = members.end()
        candidates.append(Mention(Span(b, e, text[b:e]), entry.label, entry.kind, affiliations=affil))
        forces = _STATE_FORCES.match(text, e) if entry.kind == "Country" else None
        if forces:  # "U.S. forces", "Russia's army", as "American forces" above
            fe = forces.end()
            candidates.append(armed_forces(Span(b, fe, text[b:fe]), entry.label))
        seat = _GOVERNMENT_IN.search(text, max(0, b - 30), b) if entry.kind == "City" else None
        if seat is not None and state is not None:  # "the government in Riyadh"
            gb = seat.start("gov")
            candidates.append(government(Span(gb, e, text[gb:e]), state.label))
        organ = _STATE_ORGAN.match(text, e) if entry.kind == "Country" else None
        if organ:  # "Ukraine's foreign ministry"
            candidates.append(government(Span(b, organ.end(), text[b : organ.end()]), entry.label))
    # longer first, so "Syrian regime" beats "Syrian" and full names beat their parts
    for c in sorted(candidates, key=lambda c: (-(c.span.end - c.span.begin), c.span.begin)):
        add(c)
    titled = _titled_names(text)
    if doc is not None and doc.has_annotation("ENT_IOB"):
        kinds = {"PERSON": "Person", "ORG": "Organization", "LOC": "Place", "GPE": "Place"}
        for ent in doc.ents:
            kind = kinds.get(ent.label_)
            if kind is None:
                continue
            b, e = ent.start_char, ent.end_char
            surface = text[b:e]
            if surface.lower().startswith("the "):
                b += 4
                surface = surface[4:]
            if not surface[:1].isupper():
                continue
            e = _word_end(text, e)
            if kind == "Organization":
                # "President Ilham Aliyev", "Hamas political chief Ismail Haniyeh" tagged as
                # an organisation: a name after a title is a person's, whole ("foreign
                # minister Badr Albusaidi" with only "Badr" tagged)
                holder = next(((tb, te) for tb, te in titled if b <= tb < e <= te), None)
                if holder is not None:
                    (b, e), kind = holder, "Person"
                else:
                    kind = classify_name(surface)
                    kind = "Organization" if kind == "Person" else kind
            if kind == "Person":
                # the model's name cut short ("Abdel Fattah" of "President Abdel Fattah el-Sisi")
                b, e = next(((tb, te) for tb, te in titled if tb <= b and e <= te), (b, e))
                # … or with its title ("Minister Yasar Guler"): the name is the person's
                b = next(
                    (
                        tb
                        for tb, te in titled
                        if b < tb < te == e
                        and all(
                            _TITLE_WORD.fullmatch(w) or _OFFICE_WORD.fullmatch(w) for w in text[b:tb].split()
                        )
                    ),
                    b,
                )
            surface = text[b:e]
            if (
                kind == "Place"
                and surface in _STATE_WHEN_PLACE
                and not any(m.kind == "Person" and m.label.split()[-1] == surface for m in found)
            ):
                entry = g.lookup(surface)
                add(Mention(Span(b, e, surface), entry.label, entry.kind))
                forces = _STATE_FORCES.match(text, e)
                if forces:  # "Jordan's army", as "Russia's army" above
                    found[-1] = armed_forces(Span(b, forces.end(), text[b : forces.end()]), entry.label)
                continue
            described = _DESCRIBED.search(text, max(0, b - 40), b)
            if described is not None and (kind != "Person" or " " not in surface):
                # "state media KCNA", "the aviation authority Rosaviatsia": the noun before a
                # one-word name says what it is, whatever the model guessed
                kind = "MediaOutlet" if described.group("media") else "Organization"
            add(Mention(Span(b, e, surface), surface, kind))
    for b, e in titled:  # names after a title that the model missed
        add(Mention(Span(b, e, text[b:e]), text[b:e], "Person"))
    if doc is not None and doc.has_annotation("DEP"):
        for person in [m for m in found if m.kind == "Person"]:
            for b, e in _conjunct_names(doc, person):
                honorific = re.search(r"\b(?:Mr|Mrs|Ms|Dr)\.\s*$", text[max(0, b - 5) : b])
                if classify_name(text[b:e]) != "Person" or (only_titles(text[b:e]) and not honorific):
                    continue  # "… and Chinese President Xi Jinping": the title is no name
                # "between Netanyahu and Biden" with "Netanyahu" tagged a place the
                # gazetteer does not know: a person, as the name it is coordinated with
                misread = next(
                    (
                        i
                        for i, m in enumerate(found)
                        if (m.span.begin, m.span.end) == (b, e)
                        and m.kind == "Place"
                        and g.lookup(m.label) is None
                        and not re.match(r"\s+[A-Z]", text[e : e + 2])  # "Ohio Gov. John Kasich"
                    ),
                    None,
                )
                if misread is not None:
                    found[misread] = Mention(Span(b, e, text[b:e]), text[b:e], "Person")
                add(Mention(Span(b, e, text[b:e]), text[b:e], "Person"))
    found.sort(key=lambda m: m.span.begin)
    return _fold_offices(text, _surnames_as_persons(found))


def _surnames_as_persons(found: list[Mention]) -> list[Mention]:
    """A later bare surname of a person named in full ("Abbas Araqchi" … "Araqchi told
    reporters") that the model tagged as an organisation or place is that person: news
    copy shortens a name once it has been given, and the model sees one word at a time."""
    g = load_gazetteer()
    surnames: set[str] = set()
    out: list[Mention] = []
    for m in found:
        if m.kind == "Person" and len(m.label.split()) > 1:
            surnames.add(m.label.split()[-1])
        elif (
            m.kind in {"Organization", "Place"}
            and m.label in surnames
            and not m.affiliations
            and g.lookup(m.label) is None
        ):
            m = Mention(m.span, m.label, "Person")
        out.append(m)
    return out


def _conjunct_names(doc: Doc, person: Mention) -> list[tuple[int, int]]:
    """Proper names coordinated with a person's ("Biden and Xi", "between Lavrov and
    Blinken"): the model often misses a short or foreign name that the coordination shows
    is a person's too."""
    span = doc.char_span(person.span.begin, person.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    group = span.root.conjuncts
    if not any(
        c.dep_ == "cc" and c.lower_ in {"and", "or", "nor"} for t in (span.root, *group) for c in t.children
    ):
        return []  # a list of names joined by "and", not an appositive the parse took for one
    out = []
    for conj in group:
        # a short foreign name may be tagged a pronoun ("Biden and Xi"); a real one is a stop word
        name = (
            (conj.pos_ == "PROPN" and conj.tag_ != "NNPS")
            or (conj.pos_ == "PRON" and not conj.is_stop)
            or (conj.tag_ == "NN" and conj.i > conj.sent.start)  # "Putin and Xi" with "Xi" a noun
        )
        if not name or not conj.text[:1].isupper() or span.start <= conj.i < span.end:
            continue
        near = {conj.doc[i].text for i in (conj.i - 1, conj.i + 1) if 0 <= i < len(conj.doc)}
        if CALENDAR_NAME.fullmatch(conj.text) or near & {"’s", "'s", "&", "v.", "vs.", "of"}:
            continue  # "Friday", "Bally’s", "Slate, Meagher & Flom", "Brown v. Board", "X, Republican of Y"
        parts = [conj, *(c for c in conj.children if c.dep_ in {"flat", "compound"} and c.pos_ == "PROPN")]
        first, last = min(t.i for t in parts), max(t.i for t in parts)
        if last - first + 1 == len(parts):  # one run of name words
            out.append((doc[first].idx, doc[last].idx + len(doc[last])))
    return out


def _word_end(text: str, e: int) -> int:
    """An entity never ends inside a word: the tokenizer splits "Al-Ja’afari" and the
    model may stop at "Al"; the name runs to the word's end (not into a possessive "’s")."""
    m = (
        re.match(r"(?:-|(?<=\w))[\w’'-]*\w", text[e:])
        if e < len(text) and (text[e].isalnum() or text[e] == "-")
        else None
    )
    if m is None:
        return e
    word = m.group()
    cut = re.search(r"[’']s$", word)
    return e + (cut.start() if cut else len(word))


# "the Minister of Foreign Affairs of Iraq, HE Dr Ibrahim Al-Ja’afari," / "Jordan's foreign
# minister, Ayman Safadi": an office followed by the name of whoever holds it
_OFFICE_WORDS = (
    r"minister|(?:under-?)?secretary|president|premier|chancellor|envoy|ambassador|spokes(?:man|woman|person)"
    r"|chair(?:man|woman)?|director|chief|commander|leader|head|governor|mayor|king|emir|prince"
    r"|sheikh|representative|advis[eo]r|negotiator|deputy|coordinator|commissioner|speaker"
)
# words that may stand in an office's title before its head word: capitalised words
# ("Foreign", "UN", "Jordan's") and a few lowercase ones ("foreign minister", "prime")
_OFFICE_ADJECTIVES = (
    r"foreign|prime|deputy|vice|defen[cs]e|interior|finance|justice|health|energy"
    r"|trade|special|senior|top|former|acting|interim|assistant|first|general|national|security"
    r"|state|military|regional|provincial|local"
)
_OFFICE_MODIFIER = rf"(?:[A-Z][\w.'’-]*|{_OFFICE_ADJECTIVES}|of|for|and|the)"
_OFFICE_WORD = re.compile(_OFFICE_MODIFIER)
#: the lowercase words of an office's title, in any case ("Defence" of "Defence Minister")
_OFFICE_ADJECTIVE = re.compile(rf"(?i:{_OFFICE_ADJECTIVES})")
#: forms of address between an office and its holder's name ("…, HE Dr Ibrahim al-Jaafari")
HONORIFICS = r"(?:H\.?E\.?|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Gen\.?|Sheikh)"
_OFFICE_BEFORE_NAME = re.compile(
    rf"(?:\b(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+)?"
    rf"(?P<office>(?:{_OFFICE_MODIFIER}\s+){{0,6}}(?i:{_OFFICE_WORDS})\b"
    rf"(?:\s+(?:of|for|to|on|at|the|and|[A-Z][\w.'’-]*))*)\s*,\s*"
    rf"(?:{HONORIFICS}\s+)*$"
)


#: titles before a holder's name ("Foreign Minister Hossein Amirabdollahian", "leader Xi
#: Jinping", "Prince Faisal bin Farhan"): the offices, plus forms of address and ranks
_TITLE_WORD = re.compile(
    rf"(?i:{_OFFICE_WORDS}|general|marshal|admiral|colonel|captain|lieutenant|brigadier|sergeant|ayatollah|pope|queen|crown"
    r"|senator|lawmaker|judge|justice|cleric|imam|rabbi|sultan|emir|counterpart)"
    r"|" + "|".join(re.escape(t) for t in sorted(BEFORE_NAMES))
)


def only_titles(words: str) -> bool:
    """Whether a phrase is only a title's words ("President", "Prime Minister")."""
    return all(_TITLE_WORD.fullmatch(w) or _OFFICE_ADJECTIVE.fullmatch(w) for w in words.split())


def is_title(word: str) -> bool:
    """Whether a word is an office, rank or form of address that may stand before a name
    ("Minister", "counterpart", "Gen.")."""
    return _TITLE_WORD.fullmatch(word) is not None


def is_office_adjective(word: str) -> bool:
    """Whether a lowercase word may stand in an office's title ("foreign", "deputy")."""
    return _OFFICE_ADJECTIVE.fullmatch(word) is not None


#: one word of a name: capitalised, or an Arabic article or particle joined to one ("el-Sisi")
_NAME_WORD = r"(?:[A-Z][\w'’-]*\w|(?:al|el|ad|ash|as|an)-[A-Z][\w'’-]*|[A-Z]\.(?=[ \t]+[A-Z]))"
#: the department in a title ("Secretary of State", "Chief of Staff", "Minister of Foreign Affairs")
_OF_DEPARTMENT = (
    r"of[ \t]+(?:the[ \t]+)?(?:State|Defen[cs]e|Treasury|Homeland[ \t]+Security|Foreign[ \t]+Affairs|Interior"
    r"|Justice|Energy|Commerce|Health|Staff|Army|Navy|Air[ \t]+Force|Labou?r|Agriculture|Education|Finance)"
)
_TITLED_NAME = re.compile(
    rf"(?<![\w.-])(?:(?:{_TITLE_WORD.pattern})(?:[ \t]+{_OF_DEPARTMENT})?[ \t]+)+(?P<name>{_NAME_WORD}"
    rf"(?:[ \t]+(?:(?:bin|bint|ibn|abu|al|el|de|da|van|von|der|dos|du|la|le)[ \t]+)?{_NAME_WORD}){{0,4}})"
)


_NOT_A_NAME = {"against", "of", "for", "the", "and", "in", "on", "at", "to", "with", "from", "by", "as", "or"}


def _titled_names(text: str) -> list[tuple[int, int]]:
    """Names right after a title, which the model often misses when they are foreign to
    its training data ("leader Xi Jinping" once made "Xi" an adverb). Titles that run on
    ("Secretary General Antonio Guterres") are skipped over, and what follows must read as
    a person's name: not a place or state, a month or weekday, or an organisation's name
    ("General Assembly")."""
    g = load_gazetteer()
    out: list[tuple[int, int]] = []
    for m in _TITLED_NAME.finditer(text):
        words = list(re.finditer(r"\S+", m.group("name")))
        while words and _TITLE_WORD.fullmatch(words[0].group()):
            words.pop(0)  # "Secretary General Antonio Guterres": "General" is title too
        # "Deputy Defence Minister Yunus-Bek Yevkurov": a title after its modifiers
        last = max((i for i, w in enumerate(words) if _TITLE_WORD.fullmatch(w.group())), default=-1)
        if last >= 0 and all(_OFFICE_ADJECTIVE.fullmatch(w.group()) for w in words[:last]):
            words = words[last + 1 :]
        if not words or words[0].group().lower() in _NOT_A_NAME:
            continue  # "the Justice Against Sponsors of Terrorism Act"
        b = m.start("name") + words[0].start()
        e = m.start("name") + words[-1].end()
        name = text[b:e]
        name = re.sub(r"[’']s$", "", name)
        e = b + len(name)
        if any(CALENDAR_NAME.fullmatch(w) or g.lookup(w) is not None for w in name.split()):
            continue
        if g.lookup(name) is not None or classify_name(name) != "Person":
            continue
        out.append((b, e))
    return out


def _fold_offices(text: str, mentions: list[Mention]) -> list[Mention]:
    """One actor for "the Foreign Minister of Jordan, Ayman Safadi": the named person, with
    the states named in the office as affiliations. Otherwise the office ("Minister of
    Foreign Affairs of Iraq") and the country inside it ("Iraq") would stand beside the
    person as actors of their own, and a meeting with Safadi would count three parties."""
    out = list(mentions)
    for name in mentions:
        # the model may tag a name after an office as a place ("…, Ingrid Solberg, in Oslo");
        # gazetteer places (Country, City) are never taken for a name
        if name.kind not in {"Person", "Place", "Organization"} or len(name.label.split()) < 2:
            continue
        line_b = text.rfind("\n", 0, name.span.begin) + 1
        m = _OFFICE_BEFORE_NAME.search(text, max(line_b, name.span.begin - 120), name.span.begin)
        if m is None or m.end() != name.span.begin:
            continue
        ob, oe = m.start("office"), m.end("office")
        inside = [x for x in out if x is not name and ob <= x.span.begin and x.span.end <= oe + 1]
        if any(x.kind == "Person" and len(x.label.split()) >= 2 and not _is_office(x.label) for x in inside):
            continue  # a name in the description ("John Kerry's deputy, …"): not an office
        states = tuple(dict.fromkeys(x.label for x in inside if x.kind == "Country"))
        out = [x for x in out if x not in inside]
        i = out.index(name)
        affiliations = tuple(dict.fromkeys(name.affiliations + states))
        out[i] = Mention(name.span, name.label, "Person", affiliations=affiliations)
    return out


def _is_office(label: str) -> bool:
    return re.search(rf"\b(?:{_OFFICE_WORDS})\b", label, re.IGNORECASE) is not None


#: "Mr. Trump", "Mrs. Clinton", "Ms. Warren": the form of address says a surname's gender
_ADDRESSED = re.compile(
    r"\b(?P<form>Mr|Mrs|Ms|Miss)\.?[ \t]+(?:[A-Z][\w'’-]+[ \t]+)?(?P<surname>[A-Z][\w'’-]+)"
)
_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})


def genders(text: str) -> dict[str, str]:
    """The gender of each surname a form of address gives in the article ("m" or "f"), for
    the pronouns that may stand for it; a surname addressed both ways (a couple, "Mr. and
    Mrs. Clinton") gets none. There is no name–gender data: without "Mr." or "Ms." a name
    fits either pronoun."""
    seen: dict[str, set[str]] = {}
    for m in _ADDRESSED.finditer(text):
        seen.setdefault(m.group("surname"), set()).add("m" if m.group("form") == "Mr" else "f")
    return {name: g.pop() for name, g in seen.items() if len(g) == 1}


def fits_pronoun(person: Mention, pronoun: str, by_surname: dict[str, str]) -> bool:
    """Whether a person may be what "he" or "she" stands for (True when the article does not say)."""
    gender = by_surname.get(person.label.split()[-1]) if person.label.split() else None
    word = pronoun.lower()
    return gender is None or not ((word in _MALE and gender == "f") or (word in _FEMALE and gender == "m"))


def subject_antecedent(
    doc: Doc, b: int, mentions: list[Mention], speaking: bool = True, by_surname: dict[str, str] | None = None
) -> Mention | None:
    """The named person a "he" / "she" at `b` points back to: the nearest earlier subject
    that is a person's name, in this sentence or the one before ("Clinton called her vote a
    mistake, but she noted …"; "Trump joined the debate, announcing he would meet …").
    None when no such subject is near: a wrong person is worse than none."""
    people = [m for m in mentions if m.kind == "Person" and m.span.end <= b]
    span = doc.char_span(b, b + 1, alignment_mode="expand")
    if span is None or not people or not doc.has_annotation("DEP"):
        return None
    sent = span[0].sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for tok in reversed(doc[start : span[0].i]):
        # a name the parse made the root is a misread subject ("Ed Rendell, who served …,
        # agreed …, but he said")
        named_root = (
            tok.dep_ == "ROOT"
            and tok.pos_ == "PROPN"
            and not any(t.dep_.startswith("nsubj") for t in doc[tok.sent.start : tok.i])
        )
        # a possessive ("…, his office said") does not speak: it may point into the report
        if not named_root and (not tok.dep_.startswith("nsubj") or (speaking and _reported(tok, span[0]))):
            continue
        m = mention_at(reversed(people), tok.idx)
        # "The U.N. envoy for Libya, Abdoulaye Bathily, held talks": the name in apposition
        appos = [c for c in tok.children if c.dep_ == "appos"]
        m = m or next((a for c in appos if (a := mention_at(reversed(people), c.idx)) is not None), None)
        if m is not None and not fits_pronoun(m, span[0].text, by_surname or {}):
            continue  # "Mr. Trump … she said": not him
        if m is not None:
            return m
    return None


#: verbs of saying: their subject is a speaker (not "expect", "hope", "plan")
_SPEAKING = frozenset(
    "say tell add write note explain insist claim argue warn state announce report stress reply respond "
    "ask deny acknowledge admit suggest recall".split()
)


def _reported(subject: Token, pronoun: Token) -> bool:
    """Whether a subject belongs to what someone said, away from the pronoun: "X told
    reporters that Y had rejected …. He said …" points back to X, not Y; but in "the
    ministry said Y will travel to Beijing, where he is expected to meet …" both are in
    what was said. A speaker ("he added") never points into what was said: the parse may
    put the pronoun's verb inside that clause. A clause opened by "that" counts whatever
    the parse made of it; a relative clause does not (the parse often hangs a sentence's
    own verb on its subject as one)."""
    verb = subject.head
    clause = next((t for t in [verb, *verb.ancestors] if t.dep_ == "ccomp"), None)
    if clause is None and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        clause = verb
    if clause is None:
        return False
    speaking = pronoun.head.lemma_.lower() in _SPEAKING
    return speaking or not clause.left_edge.i <= pronoun.i <= clause.right_edge.i
