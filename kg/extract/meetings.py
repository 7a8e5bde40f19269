"""Meetings: who meets whom, where, when, with what status and purpose.

Triggers are the noun and verb families of meeting ("meeting", "summit", "talks",
"meet", "met", "bring together", "sit down with"); participants come from "between …",
"X will meet (with) Y", "bring together …" and subjects; a described collective ("militia
leaders from Iran, Iraq and Syria") becomes one group actor linked to those states. Status
comes from tense and modality; "the meeting" later in the article refers back to the last
one.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Collection

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..gazetteer import load_gazetteer
from ..models import Claim, Meeting, Mention, Span
from .mentions import (
    HONORIFICS,
    classify_name,
    is_title,
    mention_at,
    name_runs,
    only_titles,
    subject_antecedent,
)
from .timex import DATELINE, TIME, resolve_time

__all__ = ["find_meetings", "resolve_time"]

_TRIGGER = re.compile(
    r"\b(?:(?P<noun>(?P<remote>(?:tele)?phone\s+(?:calls?|conversations?|talks)|video\s+(?:calls?|conferences?)"
    r"|videoconferences?)|meetings?|summit|talks|conference|gathering|negotiations|consultations|discussions)|"
    r"(?P<verb>meet|meets|met|meeting\s+with|bring\s+together|brought\s+together|convene[sd]?"
    r"|s[ia]t(?:s|ting)?\s+down\s+with"
    # "Putin spoke with Erdogan by phone", "the two leaders discussed the war by telephone"
    r"|(?P<call>spoke|spoken|speak|speaks|speaking|talked|talk|talking|discussed|discuss|discusses)"
    r"(?=(?:\s+[\w.'’-]+){0,8}?\s+(?:by|over\s+the|on\s+the)\s+(?:tele)?phone\b)"
    r"|(?P<host>receive[sd]?|receiving|host(?:s|ed|ing)?)))\b",
    re.I,
)
_PLANNED = re.compile(
    r"\b(?:will|would|shall|to\s+be\s+held|scheduled|expected|planned|plans?\s+to|upcoming|"
    r"next|set\s+to|is\s+due|are\s+due|to\s+meet|going\s+to|intend)\b",
    re.I,
)
_HELD = re.compile(r"\b(?:met|held|took\s+place|hosted|convened|gathered|attended)\b", re.I)
_CANCELLED = re.compile(r"\b(?:cancel(?:l?ed)?|postponed|called\s+off|scrapped)\b", re.I)
_REPORTING = re.compile(
    r"\b(?:said|says|reported|told|announced|confirmed|according\s+to)\b[\s,:“\"]*(?:that\s+)?"
)
_GROUP = re.compile(
    r"\b(?P<head>(?:[a-z][\w-]*\s+){0,2}(?:leaders|officials|commanders|representatives|"
    r"delegations?|ministers|envoys|diplomats|figures|members|chiefs|heads|negotiators|mediators"
    r"|delegates))\s+(?:from|of|in)\s+",
    re.I,
)


#: Nouns for people and bodies of people: what one meets, as against what one meets in
#: the sense of satisfying ("meet expectations", "meet the deadline", "meet the pledge").
_PEOPLE_NOUNS = frozenset(
    """leader official minister president premier chancellor king queen prince monarch emir
    sheikh ruler governor mayor senator lawmaker legislator congressman congresswoman
    politician candidate nominee delegate delegation envoy ambassador diplomat representative
    counterpart spokesman spokeswoman spokesperson secretary chief head director chairman
    chairwoman chair commander general officer soldier fighter militant rebel insurgent
    militia group faction party member team committee council board panel cabinet
    government administration ministry authority authorities agency opposition coalition
    alliance union federation organization organisation movement
    people person man woman men women family families relative relatives parent child
    children wife husband son daughter brother sister mother father friend survivor victim
    veteran voter supporter activist protester student worker employee executive investor
    donor banker reporter journalist editor correspondent crowd audience resident villager
    farmer refugee migrant prisoner detainee hostage negotiator mediator investigator expert
    adviser advisor aide staff staffer counsel lawyer attorney judge pope cleric bishop imam
    rabbi priest scientist doctor officials leaders ministers""".split()
)
_NOT_PARTICIPANT_BEFORE = re.compile(r"\b(?:in|to|at|from|into|across|inside|near|toward|towards)\s+$", re.I)


def _agentive(tok: Token) -> bool:
    """Whether a noun phrase head names someone who can take part in a meeting."""
    if tok.pos_ == "PRON" or tok.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
        return True
    if tok.pos_ == "PROPN" and tok.text[:1].isupper():
        return True
    if tok.lemma_.lower() in _PEOPLE_NOUNS or tok.lower_ in _PEOPLE_NOUNS:
        return True
    return any(c.dep_ == "conj" and _agentive(c) for c in tok.children)


def _trigger_token(doc: Doc, b: int, e: int) -> Token | None:
    """The parse's head token of a trigger found in the text ("call" of "phone call"; None
    when none aligns)."""
    span = doc.char_span(b, e, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _call(tok: Token) -> bool:
    """Whether a noun is a telephone or video call ("phone call", "videoconference")."""
    return tok.lemma_.lower() == "videoconference" or (
        tok.pos_ == "NOUN"
        and any(c.dep_ == "compound" and c.lower_ in {"phone", "telephone", "video"} for c in tok.children)
    )


def _remote(trig: re.Match[str]) -> bool:
    """Whether a trigger is a meeting at a distance: a telephone or video call."""
    return bool(trig.group("remote") or trig.group("call"))


#: who is "received" or "hosted" in the diplomatic sense of a meeting ("Assad received the
#: Iraqi national security adviser"), as opposed to a letter, refugees or an award
_DIGNITARIES = frozenset(
    """minister president premier chancellor king queen prince emir sheikh envoy ambassador
    delegation adviser advisor counterpart secretary governor commander chief leader official
    officials leaders diplomat diplomats representative representatives""".split()
)


def _object_words(obj: Token) -> DocSpan:
    """An object phrase to its end: its subtree, and the words after it up to punctuation,
    a preposition or a verb, which the parser sometimes hangs elsewhere ("the Iraqi
    national security adviser", with "adviser" read as an adverb of the verb)."""
    doc = obj.doc
    end = obj.right_edge.i
    while (
        end + 1 < len(doc) and not doc[end + 1].is_punct and doc[end + 1].pos_ not in {"ADP", "VERB", "AUX"}
    ):
        end += 1
    # "met representatives of the administration backed by commander X": who backs them
    # is not met; the participle's phrase ends the object
    backing = [t.i for t in obj.subtree if t.dep_ == "acl" and t.tag_ == "VBN" and t.i > obj.i]
    if backing:
        end = min(end, min(backing) - 1)
    return doc[obj.left_edge.i : end + 1]


def _object_range(obj: Token) -> tuple[int, int]:
    words = _object_words(obj)
    return words.start_char, words.end_char


def _dignitary(obj: Token, surnames: frozenset[str] = frozenset()) -> bool:
    """Whether an object phrase's head names a person or an office holder (not a word deep
    inside it: "received no aid since June"), or is the surname of a person named before
    ("received Blinken", which the model does not tag on its own)."""
    if any(c.dep_ == "nummod" for c in obj.children):
        return False  # a quantity: "received 1,265 delegates", "received 49 percent"
    words = _object_words(obj)
    heads = [obj] + [c for c in obj.children if c.dep_ in {"compound", "flat", "appos", "nmod:desc"}]
    heads += [t for t in words if t.i > obj.right_edge.i]
    return any(
        t.ent_type_ == "PERSON"
        or t.lemma_.lower() in _DIGNITARIES
        or t.lower_ in _DIGNITARIES
        or (t.pos_ == "PROPN" and t.text in surnames)
        for t in heads
    )


def _is_meeting_sense(
    tok: Token, verb: bool, host: bool = False, surnames: frozenset[str] = frozenset()
) -> bool:
    """The parse's say on a trigger: "meet" as a verb of meeting someone, not "meet
    expectations" nor the title "Meet the Press"; a meeting noun that is not a modifier
    ("a conference call"); "received" / "hosted" only with a named person or a dignitary
    as object."""
    if host:
        # the object right after the verb; one after a comma is the parse's misreading of
        # an appositive ("received X in Riyadh, …, the highest-level contact between …")
        objects = [c for c in tok.children if c.dep_ in {"obj", "dobj"}]
        objects = [o for o in objects if "," not in tok.doc.text[tok.idx : o.left_edge.idx]]
        return tok.pos_ == "VERB" and bool(objects) and all(_dignitary(o, surnames) for o in objects)
    if not verb:
        # "a conference call" is no meeting, nor is "a press / news conference"
        return tok.dep_ != "compound" and not any(
            c.dep_ == "compound" and c.lower_ in {"press", "news", "video", "phone"} for c in tok.children
        )
    if tok.ent_iob_ in {"B", "I"} and tok.ent_type_ != "":
        return False  # part of a name ("Meet the Press", "Meet the Fockers")
    if any(c.dep_ == "aux:pass" for c in tok.children):
        return False  # "attacks would be met with a painful response": answered, not met
    subjects = [c for c in tok.children if c.dep_.startswith("nsubj")]
    if tok.i == tok.sent.start and tok.text[:1].isupper() and not subjects:
        return False  # an imperative or a title
    objects = [c for c in tok.children if c.dep_ in {"obj", "dobj"}]
    return not objects or any(_agentive(o) for o in objects)


_PLANNING_LEMMAS = frozenset(
    "plan expect agree schedule intend hope want seek aim prepare propose arrange set due "
    "decide offer promise invite ask urge call going".split()
)


def _verb_status(tok: Token) -> str | None:
    """Planned or Held from the meeting verb's own clause: a modal or future ("will
    meet", "is to meet", "agreed to meet") is planned, a past tense ("met", "had met")
    held; None when the clause does not say. Reading the clause, not the sentence, keeps
    "their next venture" from making "When I met them" a planned meeting."""
    aux = {c.lower_ for c in tok.children if c.dep_ in {"aux", "aux:pass"}}
    if aux & {"will", "would", "shall", "'ll", "’ll", "wo", "going"}:
        return "Planned"
    if tok.tag_ == "VBG" and _after_past(tok):
        return "Held"  # "said on Wednesday after hosting the leaders"
    if tok.dep_ == "xcomp" or any(c.dep_ == "mark" and c.lower_ == "to" for c in tok.children):
        head = tok.head
        if head.lemma_.lower() in _PLANNING_LEMMAS or head.lower_ in {"due", "set", "scheduled", "expected"}:
            return "Planned"
        if head.lemma_.lower() in _MOTION_VERBS and _purpose(tok):
            return _verb_status(head)  # "had travelled to Baghdad to meet": as the journey
        return "Held" if head.tag_ in {"VBD", "VBN"} and head.lemma_.lower() in {"manage", "get"} else None
    if tok.tag_ in {"VBD", "VBN"} and not aux & {"may", "might", "could", "should", "must", "can"}:
        return "Held"
    return None


def _after_past(tok: Token) -> bool:
    """ "said on Wednesday after hosting the leaders", "condemned the launch after their
    meeting": what came before a past event has taken place."""
    return (
        (tok.tag_ == "VBG" or tok.pos_ in {"NOUN", "PROPN"})  # a finite verb has its own tense
        and tok.head.i != tok.i
        and tok.head.tag_ in {"VBD", "VBN"}
        and any(c.dep_ in {"mark", "case"} and c.lower_ == "after" for c in tok.children)
    )


def _list_mentions(text: str, b: int, e: int, mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if b <= m.span.begin and m.span.end <= e]


def _subtree_range(tok: Token) -> tuple[int, int]:
    """A phrase's words, up to a relative clause after its head: "talks hosted by Antony
    Blinken, who said the two republics …" names no republic as a side."""
    left, right = tok.left_edge, tok.right_edge
    rel = [t for t in tok.subtree if t.dep_.endswith("relcl") and t.left_edge.i > tok.i]
    if rel:
        end = min(t.left_edge.i for t in rel)
        while end > tok.i + 1 and tok.doc[end - 1].is_punct:
            end -= 1
        right = tok.doc[end - 1]
    return left.idx, right.idx + len(right.text)


def _subject_range(subj: Token) -> tuple[int, int]:
    """A subject's words; for a relative pronoun ("Saudi Arabia, which has been holding
    talks with …"), the phrase it stands for, up to the relative clause."""
    clause = subj.head
    if subj.lower_ in {"which", "who", "that"} and clause.dep_ == "acl:relcl":
        noun = clause.head
        end = clause.left_edge.i  # the relative clause's first word, after the noun's phrase
        while end > noun.i + 1 and noun.doc[end - 1].is_punct:
            end -= 1
        return noun.left_edge.idx, noun.doc[end - 1].idx + len(noun.doc[end - 1])
    return _subtree_range(subj)


def _parse_windows(tok: Token) -> list[tuple[int, int]] | None:
    """Where a trigger's participants are named, on the parse: the subject (its own, or
    the one it shares as "agreed to meet" / "arrived and met"), the object, and "with /
    between / among" phrases. None when the parse is not to be trusted there."""
    if tok.dep_ == "conj" and tok.head.pos_ not in {"VERB", "AUX"}:
        return None  # a verb coordinated with a noun: a misparse, so the words decide
    windows: list[tuple[int, int]] = []
    carrier = _subject_carrier(tok)
    if tok.pos_ in {"VERB", "AUX"}:
        windows += [_subject_range(c) for c in carrier.children if c.dep_.startswith("nsubj")]
        if not windows:
            # "Bathily met representatives …" with the name read as an adverb of the verb
            windows += [
                _subject_range(c)
                for c in carrier.children
                if c.i < carrier.i and c.pos_ == "PROPN" and c.dep_ in {"advmod", "obl:unmarked", "npadvmod"}
            ]
        if not windows:
            # "X was due to meet": the parse may hang the subject on "due", read as a marker
            windows += [
                _subject_range(g)
                for c in carrier.children
                if c.i < carrier.i and c.dep_ in {"mark", "advmod", "cop"}
                for g in c.children
                if g.dep_.startswith("nsubj")
            ]
        # what is discussed on a call is its topic, not a side
        if tok.lemma_.lower() not in {"discuss", "speak", "talk"}:
            windows += [_object_range(c) for c in tok.children if c.dep_ in {"obj", "dobj"}]
        # "met Houthi negotiator Mohammed Abdulsalam": a name the parse made a clause
        windows += [
            _object_range(c)
            for c in tok.children
            if c.dep_ in {"ccomp", "xcomp"} and c.pos_ in {"PROPN", "NOUN"} and c.i > tok.i
        ]
        windows += _whose_delegation(tok)
    else:
        # "Saudi Arabia, which has been in talks with the Houthis": the predicate's subject
        windows += [_subject_range(c) for c in tok.children if c.dep_.startswith("nsubj")]
        cases = {"after", "before", "following", "during"} | ({"in"} if _call(tok) else set())
        if (
            any(c.dep_ == "case" and c.lower_ in cases for c in tok.children)
            and _names_sides(tok, {"with"})
            and not any(c.dep_ == "nmod:poss" for c in tok.children)
        ):
            # "He spoke after a meeting with Mark Rutte", "In a phone call with X, Biden said":
            # who spoke met them (not "the White House announced after her meeting with
            # Obama", nor "… after talks between X")
            windows += _clause_subjects(tok)
        if any(c.dep_ == "nmod:poss" and c.lower_ == "their" for c in tok.children):
            # "condemned the launch after their meeting": theirs are the clause's subject
            windows += _clause_subjects(tok)
        people = _meeting_people(tok)
        if people is not None:
            # "EU foreign ministers meeting in Luxembourg": those the participle describes
            windows.append((people.left_edge.idx, people.idx + len(people)))
    for c in tok.children:
        if c.dep_ in {"obl", "nmod", "prep"} or c.dep_.startswith("obl"):
            case = {g.lower_ for g in c.children if g.dep_ in {"case", "mark"}}
            if case & {"with", "between", "among", "amongst"}:
                windows.append(_subtree_range(c))
            elif (
                case == {"of"}
                and tok.pos_ in {"NOUN", "PROPN"}
                and tok.text[:1].islower()  # not "the U.S. Conference of Mayors"
                and (c.pos_ == "PROPN" or c.lemma_.lower() in _PEOPLE_NOUNS)
            ):
                # "a meeting of the two negotiators, X and Y", "a summit of EU leaders"
                windows.append(_subtree_range(c))
    if _trip_for(tok):
        # "arrived in Cairo for talks with X": who travels takes part
        windows += _carrier_subjects(_counted(tok).head)
    noun = _counted(tok)
    if noun.pos_ in {"NOUN", "PROPN"} and noun.head.lemma_.lower() in _ATTEND_VERBS:
        # "X attended / held / hosted the meeting", "the meeting was attended by X"
        tok, verb = noun, noun.head
        if tok.dep_ in {"nsubj:pass", "nsubjpass"}:
            end = _subtree_range(verb)[1]
            windows += [(c.left_edge.idx, end) for c in verb.children if c.dep_ in {"obl:agent", "agent"}]
        elif tok.dep_ in {"obj", "dobj"}:
            windows += _carrier_subjects(verb)
    if noun.pos_ in {"NOUN", "PROPN"}:
        # "two days of talks hosted by Annalena Baerbock", "a summit chaired by Egypt"
        for acl in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in _ATTEND_VERBS):
            windows += [
                _subtree_range(c)
                for c in acl.children
                if c.dep_ in {"obl:agent", "agent"} or (c.dep_ == "obl" and c.left_edge.lower_ == "by")
            ]
    if tok.lower_ in {"bring", "brought", "brings", "bringing"}:
        # who is brought together, and whom with; the subject is the meeting itself
        sides = [_subtree_range(c) for c in tok.children if c.dep_ in {"obj", "dobj"}]
        windows = sides + [w for w in windows if w not in sides and w[0] > tok.idx]
    return windows


#: Nouns for a party sent on someone's behalf: "a delegation from Hezbollah" is Hezbollah's.
_DELEGATIONS = frozenset("delegation delegate envoy representative official emissary negotiator".split())


def _whose_delegation(verb: Token) -> list[tuple[int, int]]:
    """ "hosted a delegation from Hezbollah": the parse often hangs "from X" on the verb,
    leaving the object without the party it stands for."""
    out = []
    for obj in (c for c in verb.children if c.dep_ in {"obj", "dobj"} and c.lemma_.lower() in _DELEGATIONS):
        end = obj.right_edge.i
        for c in verb.children:
            cases = {g.lower_ for g in c.children if g.dep_ == "case"}
            if c.dep_.startswith("obl") and c.left_edge.i == end + 1 and cases & {"from", "of"}:
                out.append((obj.left_edge.idx, _subtree_range(c)[1]))
    return out


#: Verbs whose subject (or passive agent) takes part in the meeting that is their object.
_ATTEND_VERBS = frozenset(
    "attend join hold host chair convene lead mediate broker facilitate sponsor".split()
)
#: Verbs of a meeting's course, with the meeting as subject: their tense is the meeting's
_COURSE_VERBS = frozenset(
    "end conclude collapse break resume begin start open continue stall close wrap".split()
)
#: Verbs of going somewhere: "travel to Tehran to meet X" puts the meeting in Tehran.
_MOTION_VERBS = frozenset("travel go fly head arrive come visit return gather assemble".split())


def _next_event(text: str, doc: Doc, trig: re.Match[str], tok: Token | None, verb: bool, se: int):
    """A later meeting verb in the sentence whose tense says another meeting (the trigger
    is a verb with a status of its own, and the later one has a different one)."""
    own = _verb_status(tok) if tok is not None and verb else None
    if own is None:
        return None
    for later in _TRIGGER.finditer(text, trig.end(), se):
        if not later.group("verb") or later.group("host"):
            continue
        t2 = _trigger_token(doc, later.start(), later.end())
        if t2 is None or t2.i == tok.i or not _is_meeting_sense(t2, True):
            continue
        status = _verb_status(t2)
        if status is not None and status != own:
            return later
    return None


def _in_body_name(tok: Token, mentions: list[Mention]) -> bool:
    """Whether a meeting noun ends an organisation's name the recogniser found ("the U.S.
    Judicial Conference"), rather than naming a body's meeting ("the Arab League Summit",
    whose words before the noun are a known body)."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None or ent.label_ != "ORG" or tok.i != ent.end - 1 or ent.start == tok.i:
        return False
    rest = tok.doc[ent.start : tok.i]
    words = rest.text.removeprefix("The ").removeprefix("the ")
    return not any(m.span.text == words and m.span.end == rest.end_char for m in mentions)


def _owners(tok: Token, mentions: list[Mention]) -> list[Mention]:
    """Whose meeting a meeting noun names: "an Arab League summit", "Blinken's meeting
    with X". Only names already known: a modifier is too often a label ("the UK-France
    Summit") to read a new name from."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return []
    return [
        m
        for c in tok.children
        if c.dep_ in {"compound", "nmod:poss"} and c.pos_ == "PROPN" and c.i < tok.i
        for m in mentions
        if m.span.begin <= c.idx < m.span.end and m.kind not in {"City", "Place"}
    ]


def _named_for_place(tok: Token | None, mentions: list[Mention]) -> Mention | None:
    """The place a meeting noun is named for: "the Astana talks", "the Geneva conference"."""
    if tok is None or tok.pos_ not in {"NOUN", "PROPN"}:
        return None
    for c in tok.children:
        if c.dep_ == "compound" and c.i < tok.i:
            m = mention_at(mentions, c.idx)
            if m is not None and m.kind in {"City", "Place"}:
                return m
    return None


def _trip_for(tok: Token) -> bool:
    """A meeting noun a journey is for ("flew to Riyadh for talks with Saudi officials",
    "arrived in Cairo for a new round of talks")."""
    tok = _counted(tok)
    return (
        tok.pos_ in {"NOUN", "PROPN"}
        and tok.dep_.startswith("obl")
        and tok.head.lemma_.lower() in _MOTION_VERBS
        and any(c.dep_ == "case" and c.lower_ == "for" for c in tok.children)
    )


def _purpose(tok: Token) -> bool:
    """An infinitive of purpose ("travel to Tehran to meet X"), whose subject is its head's."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "to" for c in tok.children)


def _counted(noun: Token) -> Token:
    """The phrase a meeting noun is counted in ("a second round of talks"), which is what
    the verb takes as its object; else the noun itself."""
    head = noun.head
    if noun.dep_ in {"nmod", "obl"} and head.lemma_.lower() in _COUNTERS and head.i < noun.i:
        return head
    return noun


_COUNTERS = frozenset("round series set session".split())


def _meeting_people(tok: Token) -> Token | None:
    """The plural people noun a "meeting" participle describes ("EU foreign ministers
    meeting in Luxembourg"), whether the parse reads a participle or a compound noun."""
    if tok.lower_ != "meeting" or any(c.dep_ == "det" for c in tok.children):
        return None
    if tok.dep_ == "acl" and tok.tag_ == "VBG":
        people = tok.head
    else:
        people = next((c for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1), None)
    if people is None or people.tag_ != "NNS" or people.lemma_.lower() not in _PEOPLE_NOUNS:
        return None
    return people


def _holding_verb(noun: Token) -> Token | None:
    """The verb like "hold" whose object is a meeting noun, or the phrase counting it
    ("agreed to hold talks", "will host a summit", "held a second round of talks"): its
    tense and modality say whether the meeting took place."""
    noun = _counted(noun)
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    if noun.dep_ in {"obj", "dobj"} and noun.head.lemma_.lower() in _ATTEND_VERBS:
        return noun.head
    if noun.dep_ in {"nsubj", "nsubj:pass"} and noun.head.lemma_.lower() in _COURSE_VERBS:
        return noun.head  # "talks ended without agreement", "the summit will open on Monday"
    return None


def _subject_carrier(verb: Token) -> Token:
    """The verb whose subject `verb` shares: itself, or up through "agreed to meet",
    "arrived and met", "travelled to Doha to meet", "are due to hold talks"."""
    while (
        not any(c.dep_.startswith("nsubj") for c in verb.children)
        and not _subject_on_marker(verb)
        and (
            verb.dep_ in {"xcomp", "conj"}
            or _purpose(verb)
            or _infinitive_subject(verb)
            or (verb.dep_ == "advcl" and verb.tag_ == "VBG")  # "will brief …, after meeting X"
            or _finite_under_misread_root(verb)
        )
    ):
        verb = verb.head
    return verb


def _clause_subjects(noun: Token) -> list[tuple[int, int]]:
    """The subjects of the clause a meeting noun stands in (its nearest verb's, or the
    verb's whose subject that one shares)."""
    verb = next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    return _carrier_subjects(verb) if verb is not None else []


def _carrier_subjects(verb: Token) -> list[tuple[int, int]]:
    """The subjects of a verb, or of the verb whose subject it shares (`_subject_carrier`)."""
    return [_subject_range(c) for c in _subject_carrier(verb).children if c.dep_.startswith("nsubj")]


def _names_sides(tok: Token, cases: Collection[str] = ("with", "between")) -> bool:
    """Whether a meeting noun has a "with" or "between" phrase of its own, past other words
    ("talks in Manila between senior diplomats of the two countries")."""
    return tok.pos_ in {"NOUN", "PROPN"} and any(
        g.dep_ == "case" and g.lower_ in cases for c in tok.children if c.i > tok.i for g in c.children
    )


def _subject_on_marker(verb: Token) -> bool:
    """Whether the parse hung the verb's subject on a word before it that it misread as a
    marker ("Marcos is due to meet", with "due" a marker of "meet")."""
    return any(
        c.i < verb.i
        and c.dep_ in {"mark", "advmod", "cop"}
        and any(g.dep_.startswith("nsubj") for g in c.children)
        for c in verb.children
    )


def _finite_under_misread_root(verb: Token) -> bool:
    """ "Joao Lourenco, the African Union's mediator, hosted X": the parse may read the
    appositive's noun as the sentence's root and hang the finite verb on it as a modifier;
    the root's subject is then the verb's."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ in {"VBD", "VBZ", "VBP"}
        and verb.head.dep_ == "ROOT"
        and verb.head.pos_ not in {"VERB", "AUX"}
    )


def _infinitive_subject(tok: Token) -> bool:
    """ "X and Y are due to meet": the parse may make the infinitive the subject of "due"
    (csubj), whose own subject is then who meets."""
    return (
        tok.dep_ == "csubj"
        and tok.i > tok.head.i
        and (
            any(c.dep_ == "mark" and c.lower_ == "to" for c in tok.children)
            # "is due to host": the parse may fix "to" to "due"
            or any(c.dep_ == "fixed" and c.lower_ == "to" for c in tok.head.children)
        )
    )


def _clause_range(tok: Token) -> tuple[int, int, bool]:
    """The stretch of text a trigger governs, where its place is named: a verb's clause,
    or for a meeting noun that is subject or object, the clause of its verb ("a meeting
    will be held ... in Damascus"); "he met her on a trip, and they lived in Florida"
    does not put the meeting in Florida."""
    if ((_purpose(tok) or tok.dep_ == "xcomp") and tok.head.lemma_.lower() in _MOTION_VERBS) or _trip_for(
        tok
    ):
        return (*_own_clause(_counted(tok).head), True)  # where one goes to meet: "to Tehran" too
    tok = _counted(tok)  # "held five rounds of talks in Baghdad": the place hangs on the rounds
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_.split(":")[0] in {"nsubj", "obj", "dobj"}:
        tok = tok.head
    return (*_own_clause(tok), False)


def _own_clause(tok: Token) -> tuple[int, int]:
    """The text of `tok`'s subtree around it, up to the clauses coordinated to it that
    have a subject of their own ("met the ambassador, and the delegation stayed in Lisbon")."""
    other = {
        t.i
        for c in tok.children
        if c.dep_ == "conj" and any(g.dep_.startswith("nsubj") for g in c.children)
        for t in c.subtree
    }
    kept = {t.i for t in tok.subtree} - other
    first = last = tok.i
    while first - 1 in kept:
        first -= 1
    while last + 1 in kept:
        last += 1
    doc = tok.doc
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _qualifies_head(doc: Doc, m: Mention, wb: int, we: int) -> bool:
    span = doc.char_span(m.span.begin, m.span.end, alignment_mode="expand")
    window = doc.char_span(wb, we, alignment_mode="expand")
    if span is None or window is None or not len(span) or not len(window):
        return True
    head = window.root
    heads = {head} | {c for c in head.children if c.dep_ == "conj"}
    tok = span.root
    return tok.head in heads or (tok.dep_ == "conj" and tok.head.head in heads)


def _demonym_for_people(doc: Doc, m: Mention, named: list[Mention]) -> bool:
    """Whether a demonym stands for its state by describing people of it ("Israeli
    negotiators") rather than a named person ("Russian Foreign Minister Sergei Lavrov")."""
    if m.kind != "Country" or m.span.text == m.label:
        return False
    span = doc.char_span(m.span.begin, m.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = span.root.head
    end = head.idx + len(head.text)
    return (
        head.pos_ == "NOUN"
        and head.lemma_.lower() in _PEOPLE_NOUNS
        # the people are named ("Chinese leader Xi Jinping"), in the noun or right after it
        and not any(n.span.begin <= head.idx < n.span.end or 0 < n.span.begin - end <= 1 for n in named)
    )


def _surface_windows(text: str, sb: int, se: int, trig: re.Match[str]) -> list[tuple[int, int]]:
    """Where participants are named, from the words alone (a pipeline with no parser)."""
    windows: list[tuple[int, int]] = []
    if re.match(r"(?:bring|brought)\s+together", trig.group(), re.I):
        bm = re.match(r"\s+", text[trig.end() : se])
    else:
        bm = re.match(
            r"(?:\s+(?!with\b|between\b)[\w’'-]+){0,4}?\s+(?:between|with|among)\s+", text[trig.end() : se]
        )
    if bm:
        wb = trig.end() + bm.end()
        stop = re.search(
            r"\s(?:to\s+discuss|to|on|for|about|over|amid|after|before|next|this)\s|[.;”\"]", text[wb:se]
        )
        windows.append((wb, wb + stop.start() if stop else se))
    if trig.group("verb"):
        # the subject: after a reporting clause if there is one ("X said: “Y met Z”")
        rep = list(_REPORTING.finditer(text[sb : trig.start()]))
        wb = sb + rep[-1].end() if rep else sb
        if not re.search(r"\b(?:the\s+)?meeting\s+(?:would|will)\s*$", text[wb : trig.start()]):
            windows.append((wb, trig.start()))
    if not bm and re.fullmatch(r"meets?|met", trig.group(), re.I):
        # "X met Russian Foreign Minister Sergei Lavrov in New York": the object takes part
        stop = re.search(
            r"\s(?:in|on|at|to|for|earlier|later|today|yesterday|last|this|next|during|after|before|amid)\s|[,.;”\"]",
            text[trig.end() : se],
        )
        windows.append((trig.end(), trig.end() + stop.start() if stop else se))
    return windows


def _participants(
    text: str,
    sb: int,
    se: int,
    trig: re.Match[str],
    mentions: list[Mention],
    doc: Doc | None = None,
) -> list[Mention]:
    """Participants named around a trigger, grouping "leaders from A, B and C"."""
    out: list[Mention] = []
    tok = _trigger_token(doc, trig.start(), trig.end()) if doc is not None else None
    parsed = _parse_windows(tok) if tok is not None else None
    windows = parsed if parsed is not None else _surface_windows(text, sb, se, trig)
    if tok is not None:
        out.extend(_owners(tok, mentions))
    for wb, we in windows:
        wb += len(re.match(r"(?:by\s+)?", text[wb:we]).group())  # a passive agent's "by"
        dateline = DATELINE.match(text, wb, we)
        if dateline is not None:  # "VILNIUS (AP) — Ukrainian President …": not the AP
            wb = dateline.end()
        # a window that starts inside a name ("Abbas Araghchi" parsed as two subjects) is
        # that name, not a shorter one of its own
        wb = min([wb] + [m.span.begin for m in mentions if m.span.begin < wb < m.span.end])
        we = _through_appositive_name(text, we, mentions)
        # a name the window cuts ("leader Xi Jinping" with "Jinping" read as a verb) is whole
        we = max(
            [we]
            + [
                m.span.end
                for m in mentions
                if wb <= m.span.begin < we < m.span.end and _CAPITALISED_RUN.fullmatch(text, we, m.span.end)
            ]
        )
        if doc is not None and text[wb:we].lower() in {"he", "she"}:
            out.extend(m for m in [subject_antecedent(doc, wb, mentions)] if m is not None)
            continue
        # "a delegation of religious leaders from Nigeria": the first group word may not be
        # the one the states follow
        for gm in _GROUP.finditer(text, wb, we):
            tail_e = se  # the list, not the parse, decides where it ends (it stops at a non-separator)
            countries = [m for m in _list_mentions(text, gm.end(), tail_e, mentions) if m.kind == "Country"]
            # the list stops at the first word that is neither a name nor a separator
            cut = gm.end()
            for m in countries:
                gap = text[cut : m.span.begin]
                first = cut == gm.end()
                if not re.fullmatch(
                    r"\s*(?:the\s*)?" if first else r"\s*(?:,|and|or|,\s*and)?\s*(?:the\s+)?", gap
                ):
                    break
                cut = m.span.end
            countries = [m for m in countries if m.span.end <= cut]
            if countries:
                break
        else:
            gm = None
        if gm is not None:
            # a label, not a phrase ("talks between the leaders of …": "leaders")
            head = re.sub(
                r"^(?:(?:between|with|among|amongst|by|for|of|and|before|after|as|when|while|where|than"
                r"|that|since|until|to|at|in|on)\s+)*(?:(?:an?|the)\s+)?",
                "",
                gm.group("head"),
                flags=re.I,
            )
            if not text[sb : gm.start()].strip():  # "Leaders from …" opening the sentence
                head = head[0].lower() + head[1:] if head.split()[0][1:].islower() else head
            label = f"{head} from " + _join([m.label for m in countries])
            out.append(
                Mention(
                    Span(gm.start(), cut, text[gm.start() : cut]),
                    label,
                    "Group",
                    affiliations=tuple(m.label for m in countries),
                )
            )
            rest = [m for m in _list_mentions(text, cut, we, mentions) if m.kind not in {"City", "Place"}]
            out.extend(rest)
            continue
        # a state after "in", "to", "from" is where, not who ("met the wife of a pastor
        # held in Iran", "met on a trip to Mexico")
        found = [
            m
            for m in _list_mentions(text, wb, we, mentions)
            if m.kind not in {"City", "Place"}
            and not (m.kind == "Country" and _NOT_PARTICIPANT_BEFORE.search(text[: m.span.begin][-12:]))
            and not (doc is not None and _describes_a_person(doc, m, mentions))
        ]
        # a demonym alone ("Russian Foreign Minister Sergei Lavrov") qualifies a person, and
        # so does a state in the person's title ("Oman's foreign minister Badr Albusaidi")
        # … and so does any body or person in the title ("CIA Director William Burns",
        # "Mossad chief David Barnea", "Biden envoy Amos Hochstein")
        named = [
            m
            for m in found
            if not (m.kind == "Country" and m.span.text != m.label) and not _in_title(text, m, mentions)
        ]
        # "the head of the U.N. force in the south, Lieutenant General Aroldo Lazaro": the
        # bodies in a description are not sides when the person it describes is named after it
        described = [
            _description(text, wb, p.span.begin)
            for p in named
            if p.kind == "Person"
            and re.search(r",\s*(?:[A-Z][\w.]*\s+){0,3}$", text[wb : p.span.begin])
            # "…, Lieutenant General Aroldo Lazaro" and "…, Najib Mikati" are appositive names
            and only_titles(text[wb : p.span.begin].rsplit(",", 1)[-1])
        ]
        named = [
            m for m in named if m.kind == "Person" or not any(db <= m.span.begin < de for db, de in described)
        ]
        if named and doc is not None:
            # …unless it qualifies people of its own, beside a named party ("between Hamas
            # and Israeli negotiators")
            named += [m for m in found if m not in named and _demonym_for_people(doc, m, named)]
            named.sort(key=lambda m: m.span.begin)
        if doc is not None:
            # a demonym stands for its state only when it qualifies the phrase's head
            # ("Turkish and Russian officials"), not a word deep inside it ("the wife of
            # an Iranian-American pastor")
            found = [m for m in found if _qualifies_head(doc, m, wb, we)]
        backed = _backed_group(text, wb, we)
        if backed is not None:
            # "Iranian-backed militia leaders": a group, not Iran; others named beside it stay
            out.append(backed)
            out.extend(m for m in named if not backed.span.begin <= m.span.begin < backed.span.end)
            continue
        # a state in a named person's title is never a side, even when the parse cut the
        # title from the name ("Saudi Crown | Prince Mohammed bin Salman")
        found = [m for m in found if not _in_title(text, m, mentions)]
        out.extend(named or _named_in(text, wb, we) or found)
    seen: set[str] = set()
    uniq: list[Mention] = []
    groups = [m.span for m in out if m.kind == "Group"]
    for m in out:
        if m.kind != "Group" and any(g.begin <= m.span.begin and m.span.end <= g.end for g in groups):
            continue  # a state named inside a group ("leaders from Iran and Syria") is not a party
        if m.label not in seen:
            seen.add(m.label)
            uniq.append(m)
    # a part of a person's name that a window cut ("Abdel Fattah" of "Abdel Fattah al-Burhan")
    names = [m.label.split() for m in uniq if m.kind == "Person"]
    return [
        m
        for m in uniq
        if not (
            m.kind == "Person"
            and any(
                len(n) > len(m.label.split()) and n[: len(m.label.split())] == m.label.split() for n in names
            )
        )
    ]


def _description(text: str, wb: int, name_b: int) -> tuple[int, int]:
    """Where the description before ", Name" begins and ends: after the last "and" or
    comma before it ("Houthi negotiators and | the U.S. envoy for Yemen, | Tim Lenderking")."""
    comma = text.rfind(",", wb, name_b)
    starts = [m.end() for m in re.finditer(r"\band\b|,", text[wb:comma])]
    return wb + (starts[-1] if starts else 0), comma


def _in_title(text: str, m: Mention, mentions: list[Mention]) -> bool:
    """Whether a mention opens the title of the person named right after it."""
    person = next((p for p in mentions if p.kind == "Person" and p.span.begin > m.span.end), None)
    if person is None:
        return False
    words = re.sub(r"^['’]s\b", "", text[m.span.end : person.span.begin]).split()
    return 0 < len(words) <= 4 and only_titles(" ".join(words))


def _describes_a_person(doc: Doc, m: Mention, mentions: list[Mention]) -> bool:
    """ "Nabih Berri, a Hezbollah ally", "Joao Lourenco, the African Union's mediator": a
    body named in an appositive that describes a named person is not a side of its own."""
    span = doc.char_span(m.span.begin, m.span.end, alignment_mode="expand") if m.kind != "Person" else None
    if span is None:
        return False  # a person is a side, whatever the parse hangs the name on
    tok = span.root
    while tok.dep_ != "appos" and tok.i != tok.head.i:
        if tok.dep_ in {"obj", "nsubj", "nsubj:pass", "obl", "conj"}:
            return False  # left the appositive's phrase
        tok = tok.head
    if tok.dep_ != "appos" or m.span.begin <= tok.head.idx < m.span.end:
        return False
    return mention_at(mentions, tok.head.idx, {"Person"}) is not None


#: the rest of a name past where a window ends: capitalised words only
_CAPITALISED_RUN = re.compile(r"(?:\s*[A-Z][\w'’.-]*)+")
# "Iranian-backed militia leaders", "Saudi-led coalition forces": people a state stands behind
_BACKED = re.compile(
    r"\b(?P<state>[A-Z][\w.]+)-(?:backed|led|funded|sponsored|supported|aligned|allied|armed|trained)"
    r"\s+(?P<people>(?:[a-z]+\s+){0,2}[a-z]+)"
)


def _backed_group(text: str, wb: int, we: int) -> Mention | None:
    """The people a state backs, named by what they are ("Iranian-backed militias"): one
    group affiliated with the state, which itself does not take part."""
    m = _BACKED.search(text, wb, we)
    if m is None or m.end() > we:
        return None
    g = load_gazetteer()
    state = g.country_of_demonym(m.group("state"))
    if state is None:
        entry = g.lookup(m.group("state"))
        state = entry if entry is not None and entry.kind == "Country" else None
    words = list(re.finditer(r"[a-z]+", m.group("people")))
    # the phrase ends at its last word for people ("militia leaders and …" ends at "leaders")
    last = next(
        (w for w in reversed(words) if w.group() in _PEOPLE_NOUNS or w.group()[:-1] in _PEOPLE_NOUNS), None
    )
    if state is None or last is None:
        return None
    e = m.start("people") + last.end()
    phrase = text[m.start() : e]
    return Mention(
        Span(m.start(), e, phrase), phrase[0].upper() + phrase[1:], "Group", affiliations=(state.label,)
    )


#: a meeting's sides named again as a pair: "the two leaders agreed to meet in person"
_THE_TWO = re.compile(
    r"\b(?:the|both)\s+(?:two\s+)?(?:leaders|presidents|prime\s+ministers|ministers|men|sides|countries"
    r"|delegations|parties|heads\s+of\s+state)\b(?:\s+\w+){0,4}?\s+(?:will|would|to|agreed|plan|are|were)\b",
    re.I,
)
#: two people named as a pair: "Vladimir Putin and his Turkish counterpart Recep Tayyip Erdogan"
_PAIR_GAP = re.compile(r"\s+and\s+(?:(?:his|her|their)\s+)?(?:[\w.’'-]+\s+){0,4}")


def _the_two(text: str, sb: int, meetings: list[Meeting], mentions: list[Mention]) -> list[Mention]:
    """The sides "the two leaders" stands for: the last two people named as a pair before
    the sentence, else the last meeting's two sides. None found, none taken."""
    pair = _last_pair(text, [m for m in mentions if m.kind == "Person" and m.span.end <= sb], _PAIR_GAP)
    if pair:
        return pair
    if meetings and len(meetings[-1].participants) == 2:
        return list(meetings[-1].participants)
    return []


#: "the two countries' leaders", "both sides": the pair of states named before
_TWO_STATES = re.compile(
    # "talks in Manila between senior diplomats of the two countries"
    r"\s+(?:(?:in|at)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s+)?"
    r"(?:(?:with|between|among)\s+)?(?:(?:the\s+)?(?:leaders|heads"
    r"|presidents|delegations|envoys|representatives|officials|diplomats|negotiators|foreign\s+ministers)"
    r"\s+(?:of|from)\s+)?"
    r"(?P<pair>(?:the|both)\s+(?:two\s+)?(?:countries|nations|states|neighbou?rs|sides)\b)",
    re.I,
)


_STATE_GAP = re.compile(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?")


def _state_pair(text: str, after: int, before: int, mentions: list[Mention]) -> list[Mention]:
    """The last two states named as a pair ("Ethiopia and Somalia") between two offsets."""
    states = [m for m in mentions if m.kind == "Country" and after <= m.span.begin and m.span.end <= before]
    return _last_pair(text, states, _STATE_GAP)


def _last_pair(text: str, candidates: list[Mention], gap: re.Pattern[str]) -> list[Mention]:
    """The last two of `candidates` with only `gap` between them: a pair named together."""
    for first, second in reversed(list(itertools.pairwise(candidates))):
        if gap.fullmatch(text, first.span.end, second.span.begin):
            return [first, second]
    return []


_SIDELINES = re.compile(r"\bsidelines?\s+of\s+(?:an?\s+|the\s+)?(?:[\w'’.-]+\s+){0,4}$", re.I)
_AT_EVENT = re.compile(r"\b(?:at|during)\s+(?:an?\s+|the\s+)?(?:[\w'’.-]+\s+){0,4}$", re.I)
_EVENTS = ("summit", "conference", "forum")


def _occasion(text: str, sb: int, t: re.Match[str]) -> bool:
    """Whether another trigger is only the occasion of the meeting, and its owner no side:
    "met X on the sidelines of the NATO summit", "to meet at SCO summit"."""
    window = text[max(sb, t.start() - 40) : t.start()]
    return bool(_SIDELINES.search(window)) or (
        t.group().lower().startswith(_EVENTS) and bool(_AT_EVENT.search(window))
    )


_AND_NAME = re.compile(r"\s*,?\s+and\s+(?=[A-Z])")
_APPOSITIVE_NAME = re.compile(rf"\s*,\s*(?:{HONORIFICS}\s+)*")
_SPACE = re.compile(r"[ \t]+")


def _through_appositive_name(text: str, we: int, mentions: list[Mention]) -> int:
    """Where a participant phrase ends when a name in apposition follows it ("met the
    Minister of Foreign Affairs of Iraq, Ibrahim al-Jaafari, in Canberra"): the parse often
    leaves the name out of the office's subtree, and the person is the participant."""
    gap = _APPOSITIVE_NAME.match(text, we)
    before = text[max(0, we - 30) : we].split()
    if (gap is None or gap.end() == we) and before and is_title(before[-1]):
        gap = _SPACE.match(text, we)  # "his Chinese counterpart Wang Yi", parsed apart
    if gap is None or gap.end() == we:
        return we
    end, at = we, gap.end()
    while True:
        # the next name, right there or past words the model left out of it ("Petar | Petkovic")
        name = next(
            (
                m
                for m in mentions
                if m.kind == "Person"
                and m.span.begin >= at
                and re.fullmatch(r"(?:[A-Z][\w'’.-]*[ \t]+)*", text[at : m.span.begin])
            ),
            None,
        )
        if name is None:
            break
        end = name.span.end
        more = _AND_NAME.match(text, end)  # "the two negotiators, Petar Petkovic and Besnik Bislimi"
        if more is None:
            break
        at = more.end()
    if end == we or not re.match(
        r"\s*(?:,|\.|$|\s(?:in|on|at|to|for|during|was|were|is|are|will)\b)", text[end:]
    ):
        return we
    return end


_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"


def _same_meeting(
    meetings: list[Meeting],
    known: dict[int, str | None],
    place: Mention | None,
    parts: list[Mention],
    status: str | None,
    definite: bool,
    took_place: bool = False,
) -> Meeting | None:
    """The meeting a new mention refers to: one at the same place, or with a shared
    participant, or (for "the meeting") the last one; never one whose stated status
    contradicts this sentence's (a planned meeting is not the one held last year), unless
    this sentence says the planned one has taken place ("after their meeting")."""

    def compatible(m: Meeting) -> bool:
        k = known[id(m)]
        if took_place and (k, status) == ("Planned", "Held"):
            return not (place and m.place and m.place.label != place.label)
        if status is not None and k is not None and k != status and "Cancelled" not in (k, status):
            return False
        return not (place and m.place and m.place.label != place.label)

    def keys(mentions: list[Mention]) -> set[str]:
        # names are not resolved yet: "Donald Trump" and "Trump" are one side
        return {p.label.split()[-1].lower() for p in mentions if p.label.split()}

    labels = keys(parts)
    for m in reversed(meetings):
        if compatible(m) and place and m.place and m.place.label == place.label:
            return m
    for m in reversed(meetings):
        # one side in common is not enough ("Saudi Arabia has held talks with the Houthis
        # … Omani mediators met Houthi negotiator X"): all the sides named, or two of them
        sides = keys(m.participants)
        if compatible(m) and labels and (labels <= sides or len(labels & sides) >= 2):
            return m
        if compatible(m) and not m.place and sides and sides <= labels:
            return m  # a headline's "Netanyahu will meet with him", told in full below
    if meetings and (definite or not place) and compatible(meetings[-1]):
        # "the meeting", or one that names no new side: the last one again
        if definite or labels <= keys(meetings[-1].participants):
            return meetings[-1]
    return None


_NOT_NAMES = frozenset({"i", "we", "they", "he", "she", "the", "it", "this", "that"})


def _named_in(text: str, wb: int, we: int) -> list[Mention]:
    """A participant the entity recogniser missed: the last proper-name phrase in the
    window ("The Foreign Secretary", "Russian Foreign Minister Sergei Lavrov")."""
    runs = [(b + wb, e + wb) for b, e in name_runs(text[wb:we])]
    if not runs:
        return []
    b, e = runs[-1]
    name = re.sub(
        r"^(?:(?:The|the|In|On|At|A|An|But|And|After|Before|During|Last|This|Next|When|While|If|As|"
        r"Although|Because|Since|So|Then|Now|However|Meanwhile|I|We|He|She|They|It|Its|His|Her|Their|Our)(?:\s+|$))+",
        "",
        text[b:e],
    )
    g = load_gazetteer()
    if g.country_of_demonym(name) or all(
        g.country_of_demonym(w) or g.lookup(w) or w in {"and", "or", "of"} for w in name.split()
    ):
        return []  # "Turkish and Russian", "South Korean": states already counted as mentions
    entry = g.lookup(name)
    is_place = entry is not None and entry.kind in {"City", "Place"}
    if is_place or re.fullmatch(_MONTHS + r"(?:\s+\d+)?", name):
        return []
    possessive = re.search(r"['’]s$", name)
    if possessive:  # "Cruz's strategy": the name, not its possessive
        name, e = name[: possessive.start()], e - len(possessive.group())
    b = e - len(name)
    if _NOT_PARTICIPANT_BEFORE.search(text[max(0, b - 12) : b]):
        return []  # "met the governor's staff in Austin": where, not who
    if len(name) < 3 or not re.match(r"[A-Z]", name) or name.lower() in _NOT_NAMES:
        return []
    if re.fullmatch(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?", name):
        return []
    if is_title(name.split()[-1]):
        return []  # "Saudi Crown" of "Saudi Crown Prince Mohammed bin Salman": a title's words
    return [Mention(Span(b, e, name), name, classify_name(name))]


def _join(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def find_meetings(
    text: str,
    sentence_bounds: list[tuple[int, int]],
    mentions: list[Mention],
    claims: list[Claim],
    published: dt.date | dt.datetime | None = None,
    doc: Doc | None = None,
) -> tuple[list[Meeting], list[Mention]]:
    """Meetings in the article, plus the group mentions created for their participants.
    With a parsed `doc`, triggers are checked for the meeting sense on the parse."""
    parsed = doc is not None and doc.has_annotation("DEP")
    meetings: list[Meeting] = []
    known: dict[int, str | None] = {}  # status each meeting's sentences state, by id
    groups: list[Mention] = []
    named_ids = {id(m) for m in mentions}  # mentions, and groups already made, by identity
    namesakes: dict[str, set[str]] = {}  # surname → the full names that carry it
    for m in mentions:
        if m.kind == "Person" and " " in m.label:
            namesakes.setdefault(m.label.split()[-1], set()).add(m.label)
    surnames = frozenset(namesakes)
    for sb, se in sentence_bounds:
        ev_b = sb  # where the words of the meeting being read begin
        for trig in _TRIGGER.finditer(text, sb, se):
            if trig.start() < ev_b:
                continue
            definite = re.search(
                r"\b(?:the|this|that|next|upcoming|their)\s+(?:\w+\s+)?$",
                text[max(sb, trig.start() - 20) : trig.start()].lower(),
            )
            # "held talks with", "talks between": a bare plural is a meeting when someone
            # holds it or it names its sides
            held = re.search(
                r"\b(?:held|hold|holds|holding|conducted|began|begin|resumed|opened)\s+(?:\w+\s+)?"
                r"(?:(?:\w+\s+){0,2}(?:rounds?|series|sessions?)\s+of\s+)?$",
                text[max(sb, trig.start() - 45) : trig.start()].lower(),
            ) or re.match(r"\s+(?:with|between)\b", text[trig.end() : trig.end() + 9])
            tok = _trigger_token(doc, trig.start(), trig.end()) if parsed else None
            # the parse's determiners reach further back than the words before the trigger
            dets = {c.lower_ for c in tok.children if c.dep_ == "det"} if tok is not None else set()
            # "The Arab League summit"
            definite = definite or (
                tok is not None and tok.pos_ in {"NOUN", "PROPN"} and bool(dets & {"the", "this", "that"})
            )
            # "after meeting Houthi leaders": the noun's spelling used as a verb
            verb = bool(trig.group("verb")) or (
                tok is not None
                and tok.lower_ == "meeting"
                and tok.tag_ == "VBG"
                and any(c.dep_ in {"obj", "dobj"} for c in tok.children)
            )
            if (
                trig.group("noun")
                and not verb
                and not (
                    definite
                    or held
                    or re.search(r"\b(?:a|an)\s+$", text[max(sb, trig.start() - 4) : trig.start()])
                    or dets & {"a", "an"}  # "will host an emergency Arab League summit"
                    or (tok is not None and _trip_for(tok))  # "arrived in Cairo for ceasefire talks"
                    or (tok is not None and _meeting_people(tok) is not None)
                    or (tok is not None and _names_sides(tok))  # "talks in Manila between …"
                )
            ):
                continue
            if trig.group("host") and tok is None:
                continue  # "received", "hosted": a meeting only by the parse's reading
            if tok is not None and _in_body_name(tok, mentions):
                continue  # part of a body's name: "the U.S. Judicial Conference"
            if tok is not None and not (
                _is_meeting_sense(tok, verb, bool(trig.group("host")), surnames)
                # "a phone call": the noun its own compound names is the trigger here
                or (trig.group("remote") and tok.dep_ != "compound")
                or trig.group("call")
            ):
                continue
            # "met Burhan last week and is expected to meet the RSF in the coming days": a
            # later meeting verb of another tense is another meeting, with its own words
            nxt = _next_event(text, doc, trig, tok, verb, se) if parsed else None
            ev_e = nxt.start() if nxt is not None else se
            window = text[ev_b:ev_e]
            holder = _holding_verb(tok) if tok is not None else None
            # None: the sentence does not say (a headline's "meets", "the meeting's purpose")
            after_past = tok is not None and _after_past(tok)
            status = (
                "Cancelled"
                if _CANCELLED.search(window)
                else (tok is not None and verb and _verb_status(tok))
                or ("Held" if after_past else None)
                or (holder is not None and _verb_status(holder))
                or ("Planned" if _PLANNED.search(window) else "Held" if _HELD.search(window) else None)
            )
            parts = [
                p
                for t in _TRIGGER.finditer(text, trig.start(), ev_e)
                # "met Biden on the sidelines of the NATO summit": the summit is another meeting
                if t.start() == trig.start() or not _occasion(text, sb, t)
                for p in _participants(text, sb, se, t, mentions, doc if parsed else None)
            ]
            pair = _THE_TWO.search(text, sb, ev_e) if not parts else None
            if pair is not None:
                # "the two leaders would meet again in Brazil": the sides named before
                parts = _the_two(text, sb, meetings, mentions)
            states = _TWO_STATES.match(text, trig.end())
            if states is not None and not any(p.kind == "Country" for p in parts):
                # "after hosting the two countries' leaders", "talks between the two sides":
                # the states named as a pair before (for "sides", in the same sentence: sides
                # need not be states)
                after = sb if states.group("pair").lower().endswith("sides") else 0
                parts += [
                    m for m in _state_pair(text, after, states.start("pair"), mentions) if m not in parts
                ]
            # groups made for this meeting ("leaders from A and B"), not ones already named
            for p in parts:
                if p.kind == "Group" and id(p) not in named_ids:
                    groups.append(p)
                    named_ids.add(id(p))
            pb, pe, motion = _clause_range(tok) if tok is not None else (trig.start(), se, False)
            places = [
                m
                # where someone goes to meet may come before the trigger ("travel to Tehran to meet")
                for m in _list_mentions(text, max(pb, sb) if motion else trig.start(), min(pe, se), mentions)
                if m.kind in {"City", "Place"}
                and re.search(
                    r"\b(?:in|at)\s+$" if not motion else r"\b(?:in|at|to)\s+$",
                    text[max(sb, m.span.begin - 4) : m.span.begin],
                )
            ]
            # a state is where it was held only when no city is named ("meeting in
            # Luxembourg"; "in Doha, Qatar" is Doha)
            states = [
                m
                for m in _list_mentions(text, trig.start(), min(pe, se), mentions)
                if m.kind == "Country"
                and m.span.text == m.label
                and text[max(sb, m.span.begin - 3) : m.span.begin] == "in "
            ]
            place = (
                places[0] if places else _named_for_place(tok, mentions) or (states[0] if states else None)
            )
            dateline = DATELINE.match(text, ev_b, ev_e)  # the filing date is not the meeting's
            tm = TIME.search(text, dateline.end() if dateline else ev_b, ev_e)
            purpose = None
            pm = re.search(
                r"\b(?:to\s+discuss|to\s+talk\s+about|purpose\s+is\s+to|aimed\s+at|to\s+address)\s+(?P<p>[^.;,]+)",
                window,
            )
            if pm:
                purpose = pm.group().strip()
            # a call and a meeting face to face are never one meeting
            remote = _remote(trig)
            alike = [m for m in meetings if m.remote == remote]
            current = _same_meeting(alike, known, place, parts, status, bool(definite), after_past)
            if current is None:
                current = Meeting(trigger=Span(trig.start(), trig.end(), trig.group()), remote=remote)
                meetings.append(current)
                known[id(current)] = None
            for p in parts:
                if p.label not in {q.label for q in current.participants}:
                    current.participants.append(p)
            current.place = current.place or place
            if tm and current.time_text is None:
                current.time_text = tm.group()
                when = status or known[id(current)]
                current.earliest, current.latest = resolve_time(tm.group(), published, when)
            if status is not None and (
                known[id(current)] is None
                or status == "Cancelled"
                # "were to meet in Seoul … after their meeting": the planned meeting took place
                or (after_past and known[id(current)] == "Planned")
            ):
                known[id(current)] = status
            current.purpose = current.purpose or purpose
            ev = Span(sb, se, text[sb:se])
            if ev not in current.evidence:
                current.evidence.append(ev)
            if nxt is None:
                break
            ev_b = ev_e
    # a call is between two sides at least ("said in a phone call with reporters" is not one)
    meetings[:] = [m for m in meetings if not m.remote or len(m.participants) >= 2]
    for meeting in meetings:
        # a meeting no sentence puts in the future or cancels is taken as held
        meeting.status = known[id(meeting)] or "Held"
        # "Modi and Sharif to meet" in the headline, "Narendra Modi" below: one side each (not
        # when two people share the surname: "Clinton" may be Hillary beside "Bill Clinton")
        full = {p.label.split()[-1] for p in meeting.participants if p.kind == "Person" and " " in p.label}
        full = {n for n in full if len(namesakes.get(n, ())) == 1}
        meeting.participants = [
            p for p in meeting.participants if not (p.kind == "Person" and p.label in full)
        ]
        if meeting.time_text is not None:
            # a bare weekday points back for a meeting held, forward for one planned: read it
            # with the status the whole article gives ("were to meet on Monday … after their meeting")
            meeting.earliest, meeting.latest = resolve_time(meeting.time_text, published, meeting.status)
        for ci, claim in enumerate(claims):
            if any(
                claim.evidence.begin <= ev.begin < claim.evidence.end
                or ev.begin <= claim.evidence.begin < ev.end
                for ev in meeting.evidence
            ):
                if _TRIGGER.search(claim.content.text) or _TRIGGER.search(claim.evidence.text):
                    meeting.reported_in.append(ci)
    return [m for m in meetings if m.participants or m.place], groups
