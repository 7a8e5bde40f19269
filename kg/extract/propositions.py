"""The proposition a claim's content states: subject, action lemma, object, origin and
destination, so "who claimed X does Y to Z" is a structural query.

With a dependency parse the verb, its subject and its prepositional arguments come from
the tree; without one, a surface reading of "SUBJECT (aux) VERB ... to/from PLACE" is used.
Light verbs ("has begun a project to export") give way to the verb they introduce.
A subject that points back to the speaker ("Hamas said it had …", "a Houthi spokesman said
the group had …", "Moscow said its troops had …") is the speaker, its body or its armed
forces, so that what an actor says it did is queried like what others say it did.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..gazetteer import load_gazetteer
from ..models import Mention, Proposition, Span
from ..nlp.lemmas import verb_lemma
from .lexicon import BODY_REFERENCES, COGNITION_VERBS, CUE_FORMS, FINITE_TAGS, LIGHT_VERBS, PERSON_NOUNS
from .mentions import armed_forces, mention_at
from .timex import CALENDAR_NAME

__all__ = ["propositions_for"]

_AUX = (
    r"(?:has|have|had|will|would|is|are|was|were|can|cannot|can't|could|may|might|must|"
    r"should|shall|did|does|do|has\s+been|have\s+been|had\s+been|is\s+being|will\s+be|"
    r"would\s+be|also|now|not|already|still|never|reportedly|allegedly|really|continues\s+to)"
)
_NEG = re.compile(r"\b(?:not|never|cannot|can't|won't|no longer|didn't|doesn't|don't)\b", re.I)
_DETS = {
    "a",
    "an",
    "the",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "this",
    "that",
    "these",
    "those",
    "new",
    "more",
}
_NOT_VERBS = {
    "in",
    "on",
    "at",
    "of",
    "from",
    "to",
    "with",
    "by",
    "for",
    "as",
    "and",
    "or",
    "but",
    "that",
    "which",
    "who",
    "whose",
    "when",
    "where",
    "while",
    "if",
    "than",
    "so",
    "into",
    "over",
    "under",
    "after",
    "before",
    "since",
    "about",
    "against",
    "between",
    "through",
    "during",
    "itself",
    "himself",
    "herself",
    "themselves",
    "alone",
    "too",
    "very",
}
_ALIASES_OK = {"US", "UK", "UAE", "U.S.", "U.K.", "USA", "America", "Britain", "DPRK", "PRC"}
_STOP_OBJ = re.compile(
    r"\s(?:from|to|into|in|on|at|with|for|against|toward|towards|alongside|and|,|by|over|through"
    r"|since|after|before|when|while|until|because|as|despite|amid|during|that|which|who)\b|[,.;:]"
)


def _lemma(word: str, doc: Doc | None, begin: int) -> str:
    if doc is not None and _has(doc, "LEMMA"):
        span = doc.char_span(begin, begin + len(word), alignment_mode="expand")
        if span is not None and len(span) and span[0].lemma_:
            return span[0].lemma_.lower()
    w = word.lower()
    known = verb_lemma(w)  # WordNet's verbs, irregular forms included
    if known is not None:
        return known
    # a verb WordNet does not know ("fracking"): English suffix rules
    for suf, rep in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            stem = w[: -len(suf)] + rep
            doubled = suf in {"ed", "ing"} and len(stem) > 3 and stem[-1] == stem[-2]
            if doubled and (stem[-1] == "s" or (stem[-1] == "l" and len(re.findall(r"[aeiou]+", stem)) < 2)):
                pass  # "passed", "calling", "killed" keep both
            elif doubled:
                stem = stem[:-1]  # "dragging", "planned", "controlled", "travelling"
            elif suf in {"ed", "ing"} and (
                re.search(r"(?:[^aeiou][aeiou][^aeiouwxy]|at|iz|ut|ot|ag|id|ov|rv|rg|rc|ps)$", stem)
                or re.search(r"[^aeiou]l$", stem)  # "smuggling", "bungled"
            ):
                stem += "e" if not stem.endswith("e") else ""
            return stem
    return w


def _mention_at(mentions: list[Mention], b: int, e: int) -> Mention | None:
    for m in mentions:
        if b <= m.span.begin and m.span.end <= e:
            return m
    return None


def _has(doc: Doc, attr: str) -> bool:
    """`doc.has_annotation`, remembered on the doc: it walks every token, and it is asked
    once per claim and per verb."""
    key = ("kg.has_annotation", attr)
    if key not in doc.user_data:
        doc.user_data[key] = doc.has_annotation(attr)
    return doc.user_data[key]


_CLAUSE_DEPS = {"ROOT", "ccomp", "conj", "advcl", "xcomp", "parataxis", "csubj"}
_TO = {"to", "into", "toward", "towards", "onto"}


def _mention_for(tok, mentions: list[Mention]) -> Mention | None:
    """The mention covering a token, else one inside its phrase (largest first)."""
    ordered = sorted(mentions, key=lambda m: m.span.begin - m.span.end)
    covering = mention_at(ordered, tok.idx)
    if covering is not None:
        return covering
    # else a name that is part of the phrase's head ("the Syrian regime's forces",
    # "Hamas and Hezbollah"), never one inside a modifier ("the meeting between X and Y")
    for t in _head_parts(tok):
        for m in ordered:
            if m.span.begin <= t.idx < m.span.end and m.kind not in {"City", "Place"}:
                return m
    return None


def _head_parts(tok) -> list:
    parts, todo = [], [tok]
    while todo:
        t = todo.pop()
        parts.append(t)
        todo.extend(
            c for c in t.children if c.dep_ in {"compound", "flat", "flat:name", "nmod:poss", "conj", "appos"}
        )
    return parts


#: how the parse hangs the phrase before a parenthetical on its cue
_FRONT_DEPS = {"nsubj", "nsubj:pass", "dep", "obl:unmarked"}


def _subject_before_parenthetical(verb, span, skip: tuple[int, int]):
    """The subject of a clause that a parenthetical "…, she said, …" interrupts: the parse
    often hangs the phrase before it on the cue ("The government, she said, will send …")."""
    cue = next((c for c in verb.children if c.dep_ == "parataxis" and skip[0] <= c.idx < skip[1]), None)
    if cue is None:
        return None
    return next(
        (c for c in cue.children if c.dep_ in _FRONT_DEPS and span.start <= c.i and c.idx < skip[0]),
        None,
    )


def _clause_as_relative(verb, span) -> bool:
    """ "Hamas fighters fired rockets …" as a content the parse may read as a noun with a
    relative clause ("fighters [who] fired"): a finite verb hung on the noun phrase the
    content opens with is that clause's verb."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and head.left_edge.i == span.start
        and head.i < verb.i
        and (
            verb.tag_ in FINITE_TAGS
            or any(c.dep_.startswith("aux") and c.tag_ in FINITE_TAGS for c in verb.children)
            # or the noun phrase is all the content has besides, and the verb is a past form
            # ("fighters crossed into Israel"; one with an agent is _reduced_passive); a
            # gerund or an infinitive modifies a noun content ("Clinton's proposals to …")
            or (verb.tag_ in {"VBD", "VBN"} and not (span.start <= head.head.i < span.end))
        )
    )


def _acts_on(verb) -> bool:
    """A city that does something to something ("Tehran sent drones to Moscow", "Moscow
    supplied weapons") stands for its state, as a city that speaks does (kg.resolve)."""
    if verb.lemma_.lower() in {"have", "be", "get", "include", "contain", "see", "face", "host"}:
        return False  # "New York has one of the smallest shares": the place, not the state
    return any(c.dep_ in {"obj", "iobj"} for c in verb.children)


def _reduced_passive(verb) -> bool:
    """ "the attack carried out by gunmen": a participle with an agent and no auxiliary
    describes its noun, even where the parse makes the noun its subject."""
    return (
        verb.tag_ == "VBN"
        and not any(c.dep_.startswith("aux") for c in verb.children)
        and any(c.dep_ == "obl:agent" or _by_phrase(c) for c in verb.children)
    )


def _by_phrase(tok) -> bool:
    # an agent the parse labels as a plain oblique: "the attack carried out by gunmen"
    return tok.dep_.startswith("obl") and any(g.lower_ == "by" and g.dep_ == "case" for g in tok.children)


def _case(tok) -> str:
    return next((c.lower_ for c in tok.children if c.dep_ == "case"), "")


def _implied_subject(verb, span):
    """Who does what a clause without a subject says: the accused in "accused Tehran of
    sending weapons", the noun phrase a finite verb was hung on (_clause_as_relative)."""
    head = verb.head
    if verb.tag_ == "VBG" and any(c.lower_ == "of" and c.dep_ in {"mark", "case"} for c in verb.children):
        if head.pos_ in {"NOUN", "PROPN"} and span.start <= head.i < verb.i:
            return head
        return next(
            (c for c in head.children if c.dep_ in {"obj", "iobj"} and span.start <= c.i < verb.i), None
        )
    if _clause_as_relative(verb, span):
        return head
    if verb.dep_ in {"xcomp", "advcl"} and any(c.dep_ == "mark" and c.lower_ == "to" for c in verb.children):
        # "urged Israel to stop the offensive", "called on Iran to halt …": the one urged
        # is who is to do it
        return next(
            (
                c
                for c in head.children
                if span.start <= c.i < verb.i
                and (c.dep_ in {"obj", "iobj"} or (c.dep_ == "obl" and _case(c) in {"on", "upon"}))
            ),
            None,
        )
    return None


#: Which speakers a pronoun can stand for, in reported speech ("Hamas said it had
#: released two hostages") and in a quotation ("'We will respond,' the army said").
_PERSONAL = {"he", "she", "him", "her"}
_COLLECTIVE_KINDS = {
    "Country",
    "Government",
    "Organization",
    "ArmedGroup",
    "MediaOutlet",
    "Group",
    "UnnamedActor",
}


def _actor_between(speaker: Mention, subj, mentions: list[Mention]) -> bool:
    """Whether someone else is named between the speaker and a pronoun in what they said:
    in "Clinton attacked Trump, saying he would …" the "he" may be Trump."""
    b, e = sorted((speaker.span.end, subj.idx))
    person = subj.lower_ in _PERSONAL
    between = [m for m in mentions if b <= m.span.begin and m.span.end <= e and m.label != speaker.label]
    # only someone the pronoun could stand for: "he" is no state, "it" no person
    if any((m.kind == "Person") == person and m.kind not in {"City", "Place"} for m in between):
        return True
    # a person's name the entity recogniser missed ("attacked Trump"); not a day or a month,
    # nor a name already known (places the recogniser found are mentions too)
    words = subj.doc.char_span(b, e, alignment_mode="contract") or ()
    return person and any(
        t.pos_ == "PROPN" and not CALENDAR_NAME.fullmatch(t.text) and mention_at(mentions, t.idx) is None
        for t in words
    )


def _speakers_body(subj, speaker: Mention, phrase, mentions: list[Mention]) -> Mention | None:
    """The body "the group" stands for in what its spokesman said: "A Houthi spokesman said
    the group had targeted a ship" is the Houthis' act. The speaker, or a name inside the
    speaker's phrase, of the kind the noun names, with no other such body named in between."""
    kinds = BODY_REFERENCES.get(subj.lemma_.lower())
    if kinds is None or [c.lower_ for c in subj.children] != ["the"]:
        return None
    # the speaker's phrase, titles and appositives included ("Houthi spokesman Yahya Saree")
    words = list(phrase.root.subtree)
    if any(t.lemma_.lower() == subj.lemma_.lower() for t in words):
        return None  # "Guy Cecil, the group's chief strategist": the group is named elsewhere
    if speaker.kind in kinds:
        body = speaker
    else:
        b = min(words[0].idx, speaker.span.begin)
        e = max(words[-1].idx + len(words[-1]), speaker.span.end)
        body = next((m for m in mentions if b <= m.span.begin and m.span.end <= e and m.kind in kinds), None)
    if body is None:
        return None
    b, e = speaker.span.end, subj.idx
    if any(b <= m.span.begin and m.span.end <= e and m.kind in kinds for m in mentions):
        return None
    return body


#: the armed men of whoever speaks: "the ministry said its forces had captured the town"
_FORCE_NOUNS = {
    "jet",
    "warplane",
    "aircraft",
    "drone",
    "artillery",
    "warship",
    "force",
    "forces",
    "troop",
    "troops",
    "army",
    "military",
    "fighter",
    "soldier",
    "unit",
    "navy",
}


#: what a state's armed forces do or fly, named by the state's adjective: "Israeli strikes
#: killed", "Russian warplanes bombed" (not "Iranian drones", often flown by others)
_STATE_ACTS = frozenset(
    "jet warplane aircraft warship artillery strike airstrike raid shelling bombardment".split()
)


def _states_forces(subj, inside: list[Mention]) -> Mention | None:
    """ "Israeli strikes killed 20", "Russian warplanes bombed the town": the state whose
    adjective qualifies an act or platform of war acts through its armed forces."""
    if subj.lemma_.lower() not in _STATE_ACTS:
        return None
    for c in subj.children:
        if c.dep_ not in {"amod", "compound", "nmod:poss"}:
            continue
        state = mention_at(inside, c.idx, {"Country"})
        if state is not None:
            return armed_forces(_phrase_up_to(subj), state.label)
    return None


def _phrase_up_to(tok) -> Span:
    """A noun's words up to the noun itself ("its jets", "Israeli strikes")."""
    phrase = tok.doc[tok.left_edge.i : tok.i + 1]
    return Span(phrase.start_char, phrase.end_char, phrase.text)


def _speakers_forces(subj, speaker: Mention) -> Mention | None:
    """ "Its forces" / "their fighters" in what a state, its government or an armed group
    said: the group itself, or the state's armed forces (as "Russian forces" is)."""
    if subj.lemma_.lower() not in _FORCE_NOUNS or not any(
        c.dep_ == "nmod:poss" and c.lower_ in {"its", "their"} for c in subj.children
    ):
        return None
    if speaker.kind in {"ArmedGroup", "Group", "Organization"}:
        return speaker  # "Hezbollah said its fighters …", "the Wagner group said its fighters …"
    state = speaker.label if speaker.kind == "Country" else None
    if state is None and speaker.kind == "City":
        g = load_gazetteer()
        country = g.state_of(g.lookup(speaker.label))
        state = country.label if country is not None else None
    if state is None and speaker.kind in {"Government", "UnnamedActor"} and len(speaker.affiliations) == 1:
        state = speaker.affiliations[0]
    if state is None:
        return None
    return armed_forces(_phrase_up_to(subj), state)


def _speaker_pronoun(subj, speaker: Mention, phrase, direct: bool, mentions: list[Mention]) -> bool:
    """Whether `subj` is the speaker speaking of itself: "he" / "she" / "it" / "they" in
    reported speech, "I" / "we" in a quotation."""
    if subj.pos_ != "PRON":
        return False
    word = subj.lower_
    plural = phrase.root.tag_ in {"NNS", "NNPS"}
    # an unnamed speaker is a person by its head noun: "a spokesman", not "the coalition"
    person = speaker.kind == "Person" or (
        speaker.kind == "UnnamedActor" and phrase.root.lemma_.lower() in PERSON_NOUNS
    )
    if direct:
        return (word == "i" and person and not plural) or (
            word == "we" and speaker.kind in _COLLECTIVE_KINDS and not person
        )
    if mentions and _actor_between(speaker, subj, mentions):
        return False
    if word in _PERSONAL:
        return person and not plural
    if word == "it":  # a capital that speaks is its state ("Riyadh said it had …", kg.resolve)
        return (speaker.kind in _COLLECTIVE_KINDS or speaker.kind == "City") and not person and not plural
    if word == "they":  # "the Houthis", "the Taliban": a named armed group is "they" too
        return plural or speaker.kind in {"Group", "ArmedGroup"}
    return False


def _speaker_reference(subj, speaker: Mention, direct: bool, mentions: list[Mention]) -> Mention | None:
    """The actor a subject in the content's own clause points back to through the speaker:
    the speaker (a pronoun), its body ("the group") or its armed forces ("its troops").
    Only the content's own clause: in "said the ship sank after it hit a mine", "it" is not
    the speaker; and only a speaker named in the sentence (not an outlet's implicit claim)."""
    if speaker.span.end <= speaker.span.begin:
        return None
    phrase = subj.doc.char_span(speaker.span.begin, speaker.span.end, alignment_mode="expand")
    if phrase is None:
        return None
    if _speaker_pronoun(subj, speaker, phrase, direct, mentions):
        return speaker
    if direct:
        return None
    return _speakers_body(subj, speaker, phrase, mentions) or _speakers_forces(subj, speaker)


#: Verbs that report or hold a view: with a clause, the clause is what is stated.
_REPORTING = frozenset(CUE_FORMS.values()) | COGNITION_VERBS | {"believe", "hope", "fear", "expect", "wish"}


def _hyphenated(tok) -> bool:
    """Whether a word the parse reads as a verb ends a compound adjective ("Iranian-made
    drones", "Russian-backed forces"): the noun after it is its head's object."""
    doc = tok.doc
    return tok.i > 0 and doc[tok.i - 1].text in {"-", "‐"} and not doc[tok.i - 1].whitespace_


def _main_act(verb):
    """The act a light verb stands before: "continue attacking ships" attacks, "has begun
    a project to export" exports (the object's infinitive, not a relative clause with a
    subject of its own: "had a source who told him")."""
    if verb.lemma_.lower() not in LIGHT_VERBS:
        return verb
    comp = [
        c
        for c in verb.children
        if c.dep_ in {"xcomp", "advcl"}
        and c.pos_ == "VERB"
        and not any(g.dep_.startswith("nsubj") for g in c.children)  # "…, the militias supporting them"
        and not _hyphenated(c)
    ]
    comp += [
        a
        for o in verb.children
        if o.dep_ == "obj"
        for a in o.children
        if a.dep_ in {"acl", "acl:relcl"}
        and a.pos_ == "VERB"
        and not any(g.dep_.startswith("nsubj") for g in a.children)
    ]
    return comp[0] if comp else verb


def _conjoined(verb) -> list:
    """Verbs coordinated with `verb` that share its subject; a finite verb hung on a base
    form ("would prolong the conflict and warned that …") belongs to a clause further up."""
    return [
        c
        for c in verb.children
        if c.dep_ == "conj" and c.pos_ == "VERB" and not (verb.tag_ == "VB" and c.tag_ in {"VBD", "VBZ"})
    ]


def _speakers_own_act(verb, span) -> bool:
    """A content that is a gerund or an infinitive of the cue with no subject of its own:
    the speaker's own act ("denied arming the Houthis", "admitted carrying out the attack")
    or commitment ("vowed to continue", "threatened to kill the hostages")."""
    cue = verb.head
    if span.start <= cue.i < span.end or verb.dep_ not in {"xcomp", "ccomp", "obj", "advcl"}:
        return False
    if verb.tag_ == "VBG" and verb.i == span.start:
        return cue.lemma_.lower() in _OWN_ACT_VERBS
    to = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "to"), None)
    return (
        verb.tag_ == "VB"
        and to is not None
        and to.i == span.start
        and cue.lemma_.lower() in _OWN_ACT_VERBS | _COMMITTING_VERBS
    )


#: cues whose gerund is the speaker's own act ("denied arming", "admitted carrying out");
#: "proposed refinancing loans", "named improving services as a priority" are not acts
_OWN_ACT_VERBS = frozenset("deny admit acknowledge confess regret recall defend justify boast claim".split())
#: cues whose infinitive is what the speaker commits to ("vowed to retaliate"); "urged X to"
#: and "asked to" give the act to someone else
_COMMITTING_VERBS = frozenset("vow threaten pledge promise refuse agree decide plan offer intend".split())


def _raised_participle(verb) -> bool:
    """ "Foreign fighters believed to be Russian mercenaries", "a man said to have fled": a
    participle of saying or believing with an infinitive and no auxiliary, which the parse
    may make a clause with the noun before it as subject."""
    return (
        verb.tag_ == "VBN"
        and verb.lemma_.lower() in _REPORTING
        and not any(c.dep_.startswith("aux") or c.dep_ == "cop" for c in verb.children)
        and any(c.dep_ == "xcomp" for c in verb.children)
    )


def _reports(verb) -> bool:
    return verb.lemma_.lower() in _REPORTING and any(c.dep_ == "ccomp" for c in verb.children)


def _from_parse(
    content: Span,
    inside: list[Mention],
    doc: Doc,
    skip: tuple[int, int],
    speaker: Mention | None = None,
    direct: bool = False,
    mentions: list[Mention] | None = None,
) -> list[Proposition]:
    """Propositions read off the dependency tree (UD labels, as the shipped parser uses)."""
    span = doc.char_span(content.begin, content.end, alignment_mode="expand")
    if span is None:
        return []
    out: list[Proposition] = []
    for verb in span:
        if skip[0] <= verb.idx < skip[1]:
            continue
        heads_clause = (
            verb.dep_ in _CLAUSE_DEPS
            or not (span.start <= verb.head.i < span.end)
            or _clause_as_relative(verb, span)
        )
        if verb.pos_ not in {"VERB", "AUX"} or not heads_clause or _reduced_passive(verb):
            continue
        if _raised_participle(verb):
            continue  # "fighters believed to be mercenaries": the belief is no one's act here

        # of two subjects ("told lawmakers Russia had …" read as both), the one in the content
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubj:pass"}]
        subj = next((c for c in subjects if span.start <= c.i < span.end), subjects[0] if subjects else None)
        if subj is None and not any(c.dep_ == "aux:pass" for c in verb.children):
            # "U.S. forces had shot down ...": the parse may hang the subject on the auxiliary
            subj = next(
                (g for c in verb.children if c.dep_ == "aux" for g in c.children if g.dep_ == "nsubj"), None
            )
        if subj is None:
            subj = _subject_before_parenthetical(verb, span, skip)
        if subj is None:
            subj = _implied_subject(verb, span)
        if subj is None and speaker is not None and _speakers_own_act(verb, span):
            # "Iran denies arming the Houthis", "the Houthis vowed to keep attacking ships":
            # the speaker is who is said (not) to do it, or who commits to it
            action = _main_act(verb)
            return [_proposition(a, verb, speaker, inside, span) for a in [action, *_conjoined(action)]]
        if subj is None or not (span.start <= subj.i < span.end):
            continue
        if subj.dep_ == "nsubj:pass" and not any(c.dep_ == "xcomp" for c in verb.children):
            # "weapons were sent to the Houthis by Iran": the agent does it; without one
            # ("Iran must be held accountable") no one is said to, and the patient is no
            # subject. ("X is expected to attend" is X's act: the xcomp is read as below.)
            agent = next((c for c in verb.children if c.dep_ == "obl:agent" or _by_phrase(c)), None)
            doer = _mention_for(agent, inside) if agent is not None else None
            if doer is None or doer.kind in {"City", "Place"}:
                continue
            return [_proposition(verb, verb, doer, inside, span, patient=subj)]
        if _reports(verb):
            continue  # "he thinks X will win" states what X does, not what he does
        subject = _mention_for(subj, inside) or _states_forces(subj, inside)
        if subject is None and speaker is not None and not span.start <= verb.head.i < span.end:
            subject = _speaker_reference(subj, speaker, direct, mentions or [])
        if subject is None or subject.kind == "Place" or (subject.kind == "City" and not _acts_on(verb)):
            continue  # "Tehran sent drones" is the state acting; "Aleppo fell" is a place
        action = _main_act(verb)
        out = [_proposition(act, verb, subject, inside, span) for act in [action, *_conjoined(action)]]
        break
    return out


#: Words that count or measure what follows "of": "fired dozens of rockets" fires rockets,
#: "intercepted most of the rockets" intercepts rockets.
_QUANTITIES = frozenset(
    """dozen dozens hundred hundreds thousand thousands million millions score scores number
    lot lots couple series wave barrage salvo volley batch shipment shipments consignment
    total handful range array host billion billions most some many all several half none few
    majority bulk rest part""".split()
)


def _counted_object(obj):
    """The noun a quantity counts ("dozens of rockets" -> rockets, "hundreds of billions of
    dollars" -> dollars, "223 of the drones" -> drones), else the object."""
    while obj.lower_ in _QUANTITIES or obj.lemma_.lower() in _QUANTITIES or obj.pos_ == "NUM":
        of = next(
            (c for c in obj.children if c.dep_ == "nmod" and any(g.lower_ == "of" for g in c.children)), None
        )
        if of is None:
            break
        obj = of
    return obj


def _proposition(act, verb, subject: Mention, inside: list[Mention], span, patient=None) -> Proposition:
    obj = (
        patient if patient is not None else next((c for c in act.children if c.dep_ in {"obj", "iobj"}), None)
    )
    if obj is None:
        # "used Iranian-made drones", with "made" read as a verb taking "drones"
        obj = next(
            (g for c in act.children if _hyphenated(c) for g in c.children if g.dep_ in {"obj", "iobj"}), None
        )
    if obj is not None and obj.is_space:
        # the line break after a headline, which the parse may make the head of its last
        # noun phrase ("deserves NATO membership\n\n"): the phrase's own last word is the object
        obj = next((c for c in reversed(list(obj.children)) if not (c.is_punct or c.is_space)), None)
    if obj is not None:
        # a subordinator or preposition the parse made an object ("that U.S. forces shot")
        obj = None if obj.pos_ in {"SCONJ", "ADP", "CCONJ", "PUNCT"} else _counted_object(obj)
    origin = destination = None
    # "send fighters from Iraq to Syria": the parser may hang either phrase on the object
    arguments = list(act.children) + (list(obj.children) if obj is not None else [])
    for c in arguments:
        if c.dep_ not in {"obl", "obl:arg", "nmod"} or not (span.start <= c.i < span.end):
            continue
        case = next((g.lemma_.lower() for g in c.children if g.dep_ == "case"), "")
        target = _mention_for(c, inside)
        if target is None:
            continue
        if case == "from" and origin is None:
            origin = target
        elif case in _TO and destination is None:
            destination = target
    negated = any(
        c.dep_ == "advmod" and c.lower_ in {"not", "n't", "never"} for v in (verb, act) for c in v.children
    ) or any(c.lower_ in {"cannot", "can't"} for c in verb.children)
    return Proposition(
        action=act.lemma_.lower(),
        subject=subject,
        object=_mention_for(obj, inside) if obj is not None else None,
        object_text=obj.lemma_.lower() if obj is not None and obj.pos_ != "PRON" else "",
        origin=origin,
        destination=destination,
        negated=negated,
    )


#: "X of doing Y", the content of an accusation ("accused Iran of arming the rebels")
_ACCUSED_OF = re.compile(
    r"(?P<who>(?:the\s+)?(?P<name>[^,;:]+?))"
    # "Malian troops were accused of killing civilians": a passive report's own words
    r"(?:\s+(?:(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+)?(?:\w+ly\s+)?(?:accused|suspected))?"
    r"\s+of\s+"
    # a headline capitalises the verb ("Accuses Israel of Targeting Civilians")
    r"(?:(?:secretly|illegally|covertly|deliberately)\s+)?(?P<v>[A-Za-z][a-z]+ing)\b"
)


def propositions_for(
    text: str,
    content: Span,
    mentions: list[Mention],
    doc: Doc | None = None,
    skip: tuple[int, int] | None = None,
    speaker: Mention | None = None,
    direct: bool = False,
) -> list[Proposition]:
    """Propositions stated in `content`: from the parse when there is one, else the first
    clause whose subject is a known actor, read from the surface. `skip` is a stretch inside
    the content that is not part of what was said (a parenthetical "…, she said, …").
    `speaker` is who said it, for a content whose subject is a pronoun for the speaker;
    `direct` says whether the content is a quotation (where "I", not "he", is the speaker)."""
    skip = skip or (0, 0)
    inside = [
        m
        for m in mentions
        if content.begin <= m.span.begin <= m.span.end <= content.end
        and not skip[0] <= m.span.begin < skip[1]
    ]
    accused = _ACCUSED_OF.match(text, content.begin, content.end)
    subj = next((m for m in inside if m.span.begin == accused.start("name")), None) if accused else None
    if accused and subj is not None and subj.span.end == accused.end("who"):
        # "accused Tehran of sending weapons to Hezbollah": Tehran sends, whatever the parse
        # makes of the gerund (often a noun: "smuggling missiles")
        verb_b, verb = accused.start("v"), accused.group("v").lower()
        lemma = _lemma(verb, doc, verb_b)
        if lemma == verb:  # the parse read a noun ("supplying"): the verb's stem, then
            lemma = _lemma(verb, None, verb_b)
        return [_surface_proposition(text, content, inside, doc, subj, verb_b, verb, False, lemma)]
    if doc is not None and _has(doc, "DEP"):
        parsed = _from_parse(content, inside, doc, skip, speaker, direct, mentions)
        own = _own_gerund(text, content, doc, speaker) if not parsed else None
        if own is not None:
            # "Iran denies supplying drones to Russia" with "supplying" parsed as a noun
            verb_b, verb = own
            return [
                _surface_proposition(
                    text, content, inside, doc, speaker, verb_b, verb, False, _lemma(verb, None, verb_b)
                )
            ]
        return parsed

    groups = [m for m in inside if m.kind == "Group"]
    actors = [
        m
        for m in inside
        if m.kind not in {"City", "Place"}
        and not (m.kind == "Country" and m.span.text != m.label and m.span.text not in _ALIASES_OK)
        and not any(g is not m and g.span.begin <= m.span.begin and m.span.end <= g.span.end for g in groups)
    ]
    out: list[Proposition] = []
    for subj in actors:
        before = text[max(content.begin, subj.span.begin - 12) : subj.span.begin]
        if re.search(
            r"(?:\b(?:from|in|of|to|with|between|by|at|on|for|against|and|or|especially)|,)\s+(?:the\s+)?$",
            before,
        ):
            continue
        after = text[subj.span.end : content.end]
        vm = re.match(rf"(?:\s+itself)?(?:\s+{_AUX})*\s+(?P<v>[a-z][a-z'-]+)\b", after)
        if not vm:
            continue
        verb_b = subj.span.end + vm.start("v")
        verb = vm.group("v")
        if verb in _DETS or verb in _NOT_VERBS:
            continue
        if doc is not None and _has(doc, "TAG"):
            tok = doc.char_span(verb_b, verb_b + len(verb), alignment_mode="expand")
            if tok is not None and len(tok) and tok[0].pos_ not in {"VERB", "AUX"}:
                continue
        negated = bool(_NEG.search(text[subj.span.end : verb_b]))
        out.append(_surface_proposition(text, content, inside, doc, subj, verb_b, verb, negated))
        break
    return out


def _own_gerund(text: str, content: Span, doc: Doc, speaker: Mention | None) -> tuple[int, str] | None:
    """The gerund that opens a content after "deny", "admit" … (the speaker's own act, see
    _speakers_own_act) when the parse took it for a noun: its offset and its word."""
    gerund = re.match(r"[a-z]+ing\b", text[content.begin : content.end])
    cue = doc.char_span(content.begin - 2, content.begin - 1, alignment_mode="expand")
    if speaker is None or gerund is None or cue is None or not len(cue) or cue[-1].i + 1 >= len(doc):
        return None
    word = cue[-1]
    if word.lemma_.lower() not in _OWN_ACT_VERBS or doc[word.i + 1].idx != content.begin:
        return None
    clause = doc.char_span(content.begin, content.end, alignment_mode="contract")
    if clause is None or any(t.tag_ in FINITE_TAGS for t in clause):
        return None  # "acknowledged funding was a reason": the gerund is a clause's subject
    return content.begin, gerund.group()


def _parsed_object(doc: Doc | None, b: int, e: int):
    """The object the parse gives the verb between two offsets, if it is parsed as one."""
    span = doc.char_span(b, e, alignment_mode="expand") if doc is not None and _has(doc, "DEP") else None
    if span is None or not len(span):
        return None
    obj = next((c for c in span[0].children if c.dep_ in {"obj", "iobj"}), None)
    return None if obj is None or obj.pos_ in {"SCONJ", "ADP", "CCONJ", "PUNCT"} else _counted_object(obj)


def _surface_proposition(
    text: str,
    content: Span,
    inside: list[Mention],
    doc: Doc | None,
    subj: Mention,
    verb_b: int,
    verb: str,
    negated: bool,
    lemma: str | None = None,
) -> Proposition:
    """The proposition of "SUBJECT VERB object to/from PLACE", read from the words after
    the verb at `verb_b`."""
    lemma = lemma or _lemma(verb, doc, verb_b)
    act_b, act_e, action = verb_b, verb_b + len(verb), lemma
    if lemma in LIGHT_VERBS:
        tm = re.match(r"(?:\s+[\w'-]+){0,6}?\s+to\s+(?P<v>[a-z][a-z'-]+)\b", text[act_e : content.end])
        if tm:
            act_b = act_e + tm.start("v")
            act_e = act_e + tm.end("v")
            action = _lemma(tm.group("v"), doc, act_b)
    rest_b = act_e
    rest = text[rest_b : content.end]
    stop = _STOP_OBJ.search(rest)
    obj_text_raw = rest[: stop.start()] if stop else rest
    words = [w for w in obj_text_raw.split() if w.lower() not in _DETS]
    obj_text = " ".join(words[-3:])
    head = _parsed_object(doc, act_b, act_e)
    if head is not None:  # the parse's object, as _from_parse reads it ("every truce" -> truce)
        obj_text = head.lemma_.lower() if head.pos_ != "PRON" else ""
    elif doc is not None and _has(doc, "LEMMA") and len(words) == 1:
        # one noun: its lemma, as the parse's objects are named ("drones" -> drone)
        tok = doc.char_span(rest_b, rest_b + len(obj_text_raw), alignment_mode="contract")
        nouns = [t for t in tok if t.pos_ == "NOUN"] if tok is not None else []
        obj_text = nouns[0].lemma_.lower() if len(nouns) == 1 else obj_text
    obj_m = _mention_at(inside, rest_b, rest_b + len(obj_text_raw))
    clause = re.search(r"[.;:]|\s(?:and|but|while|which|who)\s", rest)
    clause_end = rest_b + (clause.start() if clause else len(rest))
    origin = destination = None
    for pm in re.finditer(r"\b(from|to|into|towards?|for)\s+(?:the\s+)?", text[rest_b:clause_end]):
        target = _mention_at(inside, rest_b + pm.end(), rest_b + pm.end() + 60)
        if target is None or target.span.begin != rest_b + pm.end():
            continue
        if pm.group(1) == "from":
            origin = origin or target
        else:
            destination = destination or target
    return Proposition(
        action=action,
        subject=subj,
        object=obj_m,
        object_text=obj_text,
        origin=origin,
        destination=destination,
        negated=negated,
    )
