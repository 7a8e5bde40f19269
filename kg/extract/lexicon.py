"""Word lists the extraction rules share: reporting verbs, meeting words, name parts.

They are closed classes of English, not of any one article; grow them from dev data.
"""

from __future__ import annotations

import re

__all__ = [
    "ATTITUDE_ADJECTIVES",
    "ATTITUDE_NOUNS",
    "COGNITION_VERBS",
    "CUE_FORMS",
    "FINITE_TAGS",
    "PARTICIPLE_CUES",
    "LIGHT_VERBS",
    "MEDIA_WORDS",
    "ORG_WORDS",
    "PERSON_NOUNS",
    "PRONOUNS",
    "STANCE_FORMS",
    "STANCE_VERBS",
    "cue_regex",
]

_CUE_LEMMAS: dict[str, tuple[str, ...]] = {
    "say": ("said", "says", "say", "saying"),
    "tell": ("told", "tells", "tell"),
    "confirm": ("confirmed", "confirms", "confirm"),
    "argue": ("argued", "argues", "argue"),
    "describe": ("described", "describes"),
    "report": ("reported", "reports", "report"),
    "write": ("writes", "wrote", "write", "written"),
    "announce": ("announced", "announces", "announce"),
    "claim": ("claimed", "claims", "claim"),
    "state": ("stated",),
    "add": ("added", "adds"),
    "note": ("noted", "notes"),
    "observe": ("observed", "observes"),
    "warn": ("warned", "warns", "warn"),
    "insist": ("insisted", "insists", "insist"),
    "deny": ("denied", "denies", "deny"),
    "explain": ("explained", "explains"),
    "suggest": ("suggested", "suggests"),
    "allege": ("alleged", "alleges"),
    "acknowledge": ("acknowledged", "acknowledges"),
    "admit": ("admitted", "admits"),
    "reveal": ("revealed", "reveals"),
    "assert": ("asserted", "asserts"),
    "declare": ("declared", "declares"),
    "stress": ("stressed", "stresses"),
    "emphasize": ("emphasized", "emphasised", "emphasizes", "emphasises"),
    "indicate": ("indicated", "indicates"),
    "predict": ("predicted", "predicts"),
    "believe": ("believes", "believed"),
    "think": ("thinks",),
    "accuse": ("accused", "accuses"),
    "contend": ("contended", "contends"),
    "maintain": ("maintained", "maintains"),
    "tweet": ("tweeted", "tweets"),
    "post": ("posted",),
    "reply": ("replied",),
    "respond": ("responded",),
    "conclude": ("concluded", "concludes"),
    "estimate": ("estimated", "estimates"),
    "show": ("shows", "showed", "show"),
    "find": ("found", "finds"),
    "ask": ("asked",),
    "charge": ("charged",),
    "complain": ("complained",),
    "recall": ("recalled",),
    "point out": ("pointed out", "points out"),
    "quote": ("quoted",),
    "cite": ("cited",),
    "learn": ("has learned", "learned"),
    # stance and demand verbs news attributes to a source as readily as speech
    "call for": ("called for", "calls for", "calling for", "call for"),
    "call on": ("called on", "calls on", "calling on"),
    "urge": ("urged", "urges", "urging"),
    "pledge": ("pledged", "pledges"),
    "vow": ("vowed", "vows"),
    "criticize": ("criticized", "criticised", "criticizes", "criticises"),
    "condemn": ("condemned", "condemns"),
    "blast": ("blasted", "blasts"),
    "question": ("questioned", "questions"),
    "mention": ("mentioned", "mentions"),
    "demand": ("demanded", "demands"),
    "propose": ("proposed", "proposes"),
    "agree": ("agreed", "agrees"),
    "expect": ("expects", "expected"),
    "hope": ("hopes",),
    "fear": ("fears", "feared"),
    "worry": ("worries", "worried"),
    "continue": ("continued",),
    "echo": ("echoed", "echoes"),
    "praise": ("praised", "praises"),
    "reject": ("rejected", "rejects"),
    "disclose": ("disclosed", "discloses"),
    "point to": ("pointed to", "points to"),
    # "as X put it, …"
    "put it": ("put it", "puts it"),
    "liken": ("likened",),
    "promise": ("promised", "promises"),
    "plan": ("plans",),
    # voice: what a crowd or a speaker chants or shouts is a claim only when quoted
    "chant": ("chanted", "chants"),
    "shout": ("shouted", "shouts"),
    "yell": ("yelled", "yells"),
    "scream": ("screamed", "screams"),
    "exclaim": ("exclaimed", "exclaims"),
}

#: participles that attach a claim to the clause's subject ("…, saying that …")
PARTICIPLE_CUES: dict[str, str] = {
    "saying": "say",
    "adding": "add",
    "arguing": "argue",
    "noting": "note",
    "warning": "warn",
    "claiming": "claim",
    "insisting": "insist",
    "explaining": "explain",
    "stressing": "stress",
    "suggesting": "suggest",
    "declaring": "declare",
    "asserting": "assert",
    "alleging": "allege",
    "promising": "promise",
    "vowing": "vow",
    "acknowledging": "acknowledge",
    "writing": "write",
    "chanting": "chant",
    "shouting": "shout",
    "yelling": "yell",
    "calling": "call",
    "accusing": "accuse",
    "describing": "describe",
    "denying": "deny",
    "dismissing": "dismiss",
    "citing": "cite",
    "urging": "urge",
    "demanding": "demand",
    "blaming": "blame",
    "condemning": "condemn",
    "rejecting": "reject",
}

#: surface form → lemma
CUE_FORMS: dict[str, str] = {f: lemma for lemma, forms in _CUE_LEMMAS.items() for f in forms}
CUE_FORMS.update(PARTICIPLE_CUES)
CUE_FORMS["telling"] = "tell"


def cue_regex() -> re.Pattern[str]:
    """One pattern for every cue form, longest first, as whole words; plus "according to"."""
    forms = sorted(CUE_FORMS, key=len, reverse=True)
    alt = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"\b(?:(?P<acc>[Aa]ccording to)|(?P<cue>{alt}))\b")


#: Verbs of knowing and thinking: they attribute a view only with a clause ("knew that she
#: had won"), not with a plain object ("knew the hoodlums", "maintains a wide lead").
COGNITION_VERBS: frozenset[str] = frozenset(
    """know feel think understand realize recognize doubt suspect imagine suppose remember forget
    discover wonder maintain add continue determine rule project calculate forecast observe
    anticipate read consider""".split()
)

#: Verbs that attribute content to their subject when the dependency parse gives them a
#: complement: speech acts beyond the surface forms above, cognition and belief, volition and
#: intention, and evaluation of a person or policy (analysts read "X backs Y" as X's stance).
#: Lemmas; matched on parsed VERB tokens only, so nouns ("the call", "his support") never fire.
STANCE_VERBS: frozenset[str] = frozenset(
    # "learn" stays a cue only as "has learned" (cue_regex): its object is mostly a skill
    (set(_CUE_LEMMAS) - {"call for", "call on", "point out", "point to", "learn", "put it"})
    # communication
    | set(
        """call speak talk discuss describe label dub refer reference repeat joke boast brag
        concede caution counter retort recount testify publish proclaim threaten swear
        assure remind inform encourage press implore request advise highlight underscore
        confess dispute slam lambaste mock ridicule denounce applaud hail commend defend
        blame credit endorse back support oppose chant express compare characterize portray decry
        lament tout hint imply""".split()
    )
    # cognition and belief
    | set(COGNITION_VERBS)
    | set("view regard trust".split())
    # volition and intention
    | set("want wish plan intend seek aim refuse decline prefer decide welcome favor favour".split())
    # a stance taken by a vote or a campaign, toward what follows "for"/"against"
    | set("vote push see".split())
    # evaluation and advocacy
    | set(
        """attack offer promote advocate invoke admire love hate despise bemoan rail comment
        shout yell scream rate judge outline document identify grill hammer rip bash fault chide
        scold rebuke reiterate remark dismiss downplay deride scoff contest refute rebut plead deem
        depict brand laud thank congratulate regret apologize justify champion protest grumble
        concur disagree lobby""".split()
    )
)

#: Nouns that carry a view, a demand or an intention of whoever "has" them: "Trump's call
#: for …", "her criticism of …", "their plan to …". Lemmas; a possessor (or "by"/"from" X)
#: is the source and a "that"/"to" clause or a topic phrase the content.
ATTITUDE_NOUNS: frozenset[str] = frozenset(
    """claim assertion statement argument suggestion promise allegation charge comment remark
    belief warning insistence contention accusation announcement pledge vow demand proposal view
    call criticism critique support opposition endorsement praise plan decision concern worry
    fear hope doubt desire intention threat refusal denial admission acknowledgment
    acknowledgement assessment estimate forecast prediction request appeal complaint objection
    condemnation recommendation advice offer rejection approval disapproval skepticism
    scepticism suspicion explanation description account testimony message rhetoric theory
    idea push bid eagerness determination commitment willingness reluctance insistence
    position stance attack defense defence apology confession conviction calls question
    questions doubts concerns fears hopes warnings objections complaints case point
    displeasure frustration outrage anger dismay""".split()
)

#: Adjectives (and participles of feeling) that report their subject's view or feeling when
#: predicated of it: "X is worried that …", "Y was critical of …", "Z was alarmed by …".
ATTITUDE_ADJECTIVES: frozenset[str] = frozenset(
    """worried concerned confident sure certain convinced skeptical sceptical critical frustrated
    angry furious upset happy pleased glad proud optimistic pessimistic hopeful fearful afraid
    wary doubtful aware unaware eager keen determined willing unwilling reluctant opposed
    supportive sorry satisfied dissatisfied disappointed alarmed outraged adamant unsure
    uncertain insistent dismissive enthusiastic nervous anxious hesitant committed intent
    bullish bearish cautious emphatic unhappy unconvinced encouraged heartened shocked appalled
    troubled dismayed disturbed saddened angered impressed reassured relieved surprised
    offended""".split()
)

_IRREGULAR = {
    "know": ("knew", "known"),
    "feel": ("felt",),
    "understand": ("understood",),
    "see": ("saw", "seen"),
    "seek": ("sought",),
    "think": ("thought",),
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "find": ("found",),
    "speak": ("spoke", "spoken"),
    "swear": ("swore", "sworn"),
    "forget": ("forgot", "forgotten"),
    "show": ("shown",),
}


def _inflections(lemma: str) -> set[str]:
    """Regular English inflections of a verb (and the irregular ones listed above)."""
    if " " in lemma:
        return set()
    forms = {lemma, *_IRREGULAR.get(lemma, ())}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in set("aeiou"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    else:
        es = "es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s"
        forms |= {lemma + es, lemma + "ed", lemma + "ing"}
        if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", lemma):  # one syllable: "vetted", "planned"
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


#: surface forms of STANCE_VERBS, for when the parser's lemma is off ("rul", "blam")
STANCE_FORMS: dict[str, str] = {f: lemma for lemma in sorted(STANCE_VERBS) for f in _inflections(lemma)}

#: verbs whose complement carries the real action ("begun ... to export")
LIGHT_VERBS = {
    "begin",
    "start",
    "continue",
    "plan",
    "try",
    "seek",
    "want",
    "aim",
    "intend",
    "decide",
    "attempt",
    "threaten",
    "vow",
    "hope",
    "prepare",
    "work",
    "move",
    "launch",
    "resume",
    "agree",
    "refuse",
    "promise",
    "pledge",
    "be",
    "have",
    "go",
    "need",
    "use",
    "help",
    "schedule",
    "expect",
    "set",
    "due",
    "suppose",
}

PRONOUNS = {
    "he": "sg",
    "she": "sg",
    "him": "sg",
    "her": "sg",
    "his": "sg",
    "they": "pl",
    "them": "pl",
    "their": "pl",
    "it": "it",
    "its": "it",
    "we": "pl",
    "i": "sg",
}

#: Nouns for one person, as an unnamed speaker's head ("a spokesman", "the official"):
#: such a speaker is "he" or "she", where "the ministry" or "the coalition" is "it".
PERSON_NOUNS = frozenset(
    """official spokesman spokeswoman spokesperson minister president leader commander envoy
    diplomat ambassador source analyst expert witness resident aide adviser advisor officer
    general lawmaker senator secretary chief director chairman chairwoman governor mayor
    activist journalist reporter correspondent doctor lawyer negotiator mediator man woman
    person soldier fighter member representative candidate prosecutor judge""".split()
)

ORG_WORDS = {
    "Coalition",
    "Council",
    "Party",
    "Front",
    "Committee",
    "Union",
    "Organization",
    "Organisation",
    "Association",
    "Movement",
    "Network",
    "Institute",
    "Center",
    "Centre",
    "Commission",
    "Court",
    "Bank",
    "Company",
    "Corporation",
    "Corp",
    "Inc",
    "University",
    "Foundation",
    "Campaign",
    "Authority",
    "Federation",
    "League",
    "Alliance",
    "Observatory",
    "Group",
    "Fund",
    "Agency",
    "Office",
    "Bureau",
    "Society",
    "Congress",
    "Senate",
    "Board",
    "Service",  # "Federal Security Service", "Secret Service"
    "Services",
    "Directorate",
}
GOVERNMENT_WORDS = {
    "Ministry",
    "Government",
    "Administration",
    "Department",
    "Parliament",
    "Cabinet",
    "Presidency",
    "Assembly",
    "Police",
    "Regime",
}
ARMED_WORDS = {
    "Army",
    "Brigade",
    "Brigades",
    "Militia",
    "Guard",
    "Guards",
    "Battalion",
    "Forces",
    "Navy",
    "Staff",  # "Joint Chiefs of Staff", "General Staff"
    "Command",
}
MEDIA_WORDS = {
    "News",
    "Times",
    "Post",
    "Journal",
    "TV",
    "Television",
    "Radio",
    "Press",
    "Observer",
    "Herald",
    "Gazette",
    "Tribune",
    "Daily",
    "Telegraph",
    "Channel",
    "Media",
    "Magazine",
    "Reuters",
    "Broadcasting",
    "Online",
    "Monitor",
    "Review",
    "Chronicle",
    "Insider",
    "Today",
}


#: Penn tags of a finite verb form: a clause with its own subject has one
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})

#: Sentence adverbs a news sentence opens with ("Meanwhile, the spokesman … warned"): never
#: part of a source, though the parse may start the subject with one.
SENTENCE_ADVERBS = frozenset(
    """Meanwhile Meantime However Separately Earlier Later Moreover Instead Still Yet Also
    Nonetheless Nevertheless Furthermore Additionally Elsewhere Overnight Today Yesterday
    Previously Subsequently Similarly Likewise Indeed Besides Then Now""".split()
)

#: How news refers back to a body by a common noun ("the group said", "the ministry
#: added", "a Houthi spokesman said the group had …"), and the kinds of body each noun fits.
BODY_REFERENCES: dict[str, frozenset[str]] = {
    "organization": frozenset({"Organization", "ArmedGroup"}),
    "organisation": frozenset({"Organization", "ArmedGroup"}),
    "group": frozenset({"ArmedGroup", "Organization", "Group"}),
    "movement": frozenset({"ArmedGroup", "Organization", "Group"}),
    "faction": frozenset({"ArmedGroup", "Group"}),
    "militia": frozenset({"ArmedGroup"}),
    # a state's forces: only the "Armed forces of X" that news names them by (see attribution)
    "army": frozenset({"ArmedGroup"}),
    "military": frozenset({"ArmedGroup"}),
    "ministry": frozenset({"Government"}),
    "government": frozenset({"Government", "Country"}),
    "agency": frozenset({"MediaOutlet", "Government", "Organization"}),
    "monitor": frozenset({"Organization", "MediaOutlet"}),
    "watchdog": frozenset({"Organization"}),
}
