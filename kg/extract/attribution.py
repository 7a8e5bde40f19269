"""Attribution: who (source) said (cue) what (content), with exact spans.

Rules work per paragraph so a quotation can run over several sentences. Shapes covered:
    “Q,” SOURCE said.        “Q,” said SOURCE.       SOURCE said (that|:) Q.
    Q, writes SOURCE.        Q, SOURCE said.         According to SOURCE, Q.   Q, according to SOURCE.
    SOURCE described X as “Q”.                       SOURCE told REPORTERS (that) Q.
    “Q1,” SOURCE said. “Q2.”  (and quote paragraphs that follow)   “Q” ― SOURCE
    SOURCE said:  ¶ Q         (a paragraph ending in a cue and a colon introduces the next)
With a dependency parse, any verb of speech, cognition, volition or evaluation
(lexicon.STANCE_VERBS), and any verb taking a subject and a "that"-clause, is a cue: its
subject (or the agent of a passive, the antecedent of "who", the controller of "to …") is
the source and its complement the content ("X wants to …", "X called Y a Z").
Pronouns ("he said") and nominal references ("the statement argued") go to the last
compatible claimant; sources with no proper name are kept as unnamed actors.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..gazetteer import load_gazetteer
from ..models import Claim, Mention, Span
from ..nlp import TEXT_KEY
from . import nominals
from .lexicon import (
    ATTITUDE_ADJECTIVES,
    ATTITUDE_NOUNS,
    BODY_REFERENCES,
    COGNITION_VERBS,
    CUE_FORMS,
    FINITE_TAGS,
    MEDIA_WORDS,
    ORG_WORDS,
    PARTICIPLE_CUES,
    PERSON_NOUNS,
    PRONOUNS,
    SENTENCE_ADVERBS,
    STANCE_FORMS,
    STANCE_VERBS,
    cue_regex,
)
from .mentions import (
    classify_name,
    fits_pronoun,
    genders,
    is_title,
    mention_at,
    name_runs,
    only_titles,
    subject_antecedent,
)
from .quotes import as_double_quotes
from .timex import DATELINE, TIME, WEEKDAY

__all__ = ["Paragraph", "find_claims", "paragraphs"]

_CUE = cue_regex()
_OPEN = '“"‘'
_CLOSE = '”"’'
_QUOTE = re.compile(r"''(?P<q2>(?:(?!'').){3,}?)(?:''|$)|[“\"](?P<q>[^“”\"]{3,}?)(?:[”\"]|$)", re.S)
_BOUNDARY_WORDS = {
    "that",
    "which",
    "who",
    "whom",
    "when",
    "because",
    "but",
    "while",
    "if",
    "after",
    "before",
    "since",
    "although",
    "though",
    "whereas",
    "where",
    "and",
    "or",
    "as",
    "so",
}
# a bracket opens a clause break, but not a short tag that closes at once ("Pence (R-Ind.)")
_BOUNDARY = re.compile(
    r"[,;:\[—–]|\((?![^()]{1,20}\))|[”\"](?=\s)|\b(?i:" + "|".join(sorted(_BOUNDARY_WORDS)) + r")\b"
)
_APPOSITIVE = re.compile(
    r"\s*(?:(?:But|And|Meanwhile|However|Still|Yet|On\s+\w+|Last\s+\w+)\s*,?\s+)?"
    r"(?P<name>(?:[A-Z][\w.'’-]*|al-[A-Z][\w'’-]*)"
    r"(?:\s+(?:[A-Z][\w.'’-]*|al-[A-Z][\w'’-]*|\([^)]{1,12}\))){0,4})"
    r",\s+(?P<desc>[^,;“”\"]{2,120}?(?:,\s+(?:which|who)\s+[^,;“”\"]{3,80}|,\s+[^,;“”\"]{2,40}){0,3}),\s*"
)
# what opens a participle clause after a comma: ", saying", ",” adding", ", also noting"
_COMMA_LEAD = r",[”\"’']*\s+(?:(?:even|also|then)\s+)?"
_PARTICIPLE_AFTER = re.compile(
    r"(?:" + _COMMA_LEAD + r"|\s+(?:while|by|without)\s+)(?:" + "|".join(PARTICIPLE_CUES) + r")\b"
)
# ", referencing …", ", also noting …" right after a cue
#: when it was said, between the cue and what follows it ("said on Tuesday, adding …")
_WHEN_SAID = (
    # … and where: "said in a report released Tuesday, accusing …"
    r"(?:\s+(?:in|on|at)\s+(?:an?|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:report|statement"
    r"|interview|briefing|post|speech|video|letter|message|conference)(?:\s+(?:released|published|issued))?)?"
    r"(?:\s+(?:(?:late|early)\s+)?(?:on\s+)?" + WEEKDAY + r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|\s+(?:yesterday|today|tonight|overnight|earlier|later)"
    r"|\s+(?:last|this)\s+(?:week|weekend|month|year))?"
)
_OWN_PARTICIPLE = re.compile(_WHEN_SAID + _COMMA_LEAD + r"(?P<v>[a-z]+ing)\b")
_TOLD_OBJECT = re.compile(
    r"\s+(?:reporters|journalists|lawmakers|legislators|diplomats|supporters|parliament|him|her|them|us|me|you"
    r"|(?:the|a|an|his|her|their|its)\s+[\w'’-]+(?:\s+[\w'’-]+)?"
    r"|[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4})"
    r"(?:\s+(?:on|in|at|last|this)\s+[\w'’-]+(?:\s+[\w'’-]+)?)?\s+(?:that\s+)?"
    r"(?=(?:he|she|they|it|we|i|the|a|an|there|his|her|their)\b"
    # a name opens the content only as the subject of a verb ("told journalists Moscow
    # would …"), not as the rest of a recipient's name ("told Breitbart News Daily host …")
    r"|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+(?:would|will|had|has|have|was|were|is|are|could|can|may"
    r"|might|should|must|did|does|do|[a-z]+ed)\b)"
)
_SKIP_BEFORE_CUE = re.compile(
    r"(?:\s+(?:has|have|had|also|previously|later|then|again|already|recently|reportedly|"
    r"once|repeatedly|earlier|further|publicly|privately|had\s+previously|would|will|"
    r"has\s+also|have\s+also|did|does|do|not|never|is|was|were|are|"
    r"(?:continues?|continued|wants?|wanted|plans?|planned|going|has|have|had|need|needs|will\s+continue)\s+to))+\s*$"
)
# ", at a later press gaggle," / ", in an interview with CNN," right before a cue
_SETTING_BEFORE_CUE = re.compile(
    r",\s*(?:at|in|on|during|after|before|speaking|writing|from|with|like|via)\s[^,;“”\"]{2,80},\s*$"
)
_REFERENCE_NOUNS = {"statement", "report", "communique", "communiqué", "announcement", "release", "letter"}
#: "the organization added", "the ministry said": a body named before, of a kind the noun fits
_BODY_KINDS = {"Organization", "Government", "ArmedGroup", "Group", "MediaOutlet"}
_MAX_SOURCE_WORDS = 16
#: what an outlet's name may stand before ("Tasnim news agency", "Al Jazeera television")
_OUTLET_NOUN = re.compile(
    r"\s+(?:state\s+)?(?:news\s+agency|agency|television|TV|newspaper|daily|broadcaster|channel|radio|website)"
)
#: where a body's office stands, after its name ("the Chinese embassy in Manila")
_POSTED_IN = re.compile(r"\s+(?:in|at)\s+(?:[A-Z][\w.'’-]*\s*)+")
#: "Benjamin Netanyahu's office", "the president's press office"
_PERSONS_OFFICE = re.compile(
    r"(?:(?P<owner>.+?)\s*['’]s|(?P<pron>[Hh]is|[Hh]er))\s+(?:press\s+|private\s+|media\s+)?office"
)
#: a party tag after a name: "Jo Doe (D-Ohio)"
_PARTY_TAG = re.compile(r"\s*\([^()]{1,20}\)$")
#: what joins the parts of a coordinated source
_CONJUNCTION = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


@dataclass
class Paragraph:
    begin: int
    end: int
    sentences: list[tuple[int, int]]  # absolute offsets


def paragraphs(text: str, sentence_bounds: list[tuple[int, int]]) -> list[Paragraph]:
    """Group sentence offsets by paragraph (lines separated by a line break)."""
    paras: list[Paragraph] = []
    for m in re.finditer(r"[^\n]+", text):
        b, e = m.start(), m.end()
        sents = [(max(sb, b), min(se, e)) for sb, se in sentence_bounds if sb < e and se > b]
        sents = [(sb, se) for sb, se in sents if text[sb:se].strip()]
        if sents:
            paras.append(Paragraph(b, e, _mend(text, sents)))
    return paras


# a full stop that ends an initial or a title, not a sentence ("John D.", "Sen.")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z][a-z]+\s[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Rev|St|Jr|Sr|No|vs"
    r"|Jan|Feb|Aug|Sept|Oct|Nov|Dec))\.$"
)


def _mend(text: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rejoin sentences the segmenter split inside one: after a word with no closing
    punctuation ("… Trump lawyer | Marc Kasowitz said."), or before a lowercase word or a
    comma ("Sen. Jo Doe (D-Vt. | ), who chairs …")."""
    out = [sents[0]]
    for sb, se in sents[1:]:
        prev = text[out[-1][0] : out[-1][1]].rstrip()
        nxt = text[sb:se].lstrip()
        ends = re.search(r"[.!?:;\"”’')\]…]$", prev) and not _ABBREVIATION.search(prev)
        if not ends or re.match(r"[a-z,;)\]]", nxt):
            out[-1] = (out[-1][0], se)
        else:
            out.append((sb, se))
    return out


def _strip(text: str, b: int, e: int, chars: str = ",;:") -> tuple[int, int]:
    """`b, e` without `chars` or white space of any kind (no-break spaces too) at either end."""
    while b < e and (text[b] in chars or text[b].isspace()):
        b += 1
    while e > b and (text[e - 1] in chars or text[e - 1].isspace()):
        e -= 1
    return b, e


_LEAD_DASH = re.compile(r"(?:--|-|—|–)\s+")


def _trim_content(text: str, b: int, e: int) -> tuple[int, int]:
    """Drop surrounding spaces, commas and a final full stop; drop quotation marks only
    when they wrap the whole content."""
    b, e = _strip(text, b, e)
    # "KYIV, July 19 (Reuters) - A strike killed …, officials said": the dateline (or the
    # dash left of it where the sentence splitter cut) is where the story was filed from
    dateline = DATELINE.match(text, b, e) or _LEAD_DASH.match(text, b, e)
    if dateline:
        b, e = _strip(text, dateline.end(), e)
    if e > b and text[e - 1] in ".!?" and not (e - b > 1 and text[e - 2] in _CLOSE):
        e -= 1
    b, e = _strip(text, b, e)
    if e - b >= 4 and text[b : b + 2] == "''" and text[e - 2 : e] == "''" and "''" not in text[b + 2 : e - 2]:
        b, e = _strip(text, b + 2, e - 2)
        return b, e
    if e - b >= 2 and text[b] in _OPEN and text[e - 1] in _CLOSE:
        inner = text[b + 1 : e - 1]
        if not any(c in inner for c in '“”"'):
            b, e = b + 1, e - 1
            b, e = _strip(text, b, e)
            if e > b and text[e - 1] in ",":
                e -= 1
    return b, e


def _opens_quote(text: str, i: int) -> bool:
    """Whether a quotation mark (or NYT's ''…'') opens at offset `i`."""
    return text.startswith((*_OPEN, "''"), i)


def _quotes(text: str, para: Paragraph) -> list[tuple[int, int]]:
    """Quotation spans (including the marks) inside a paragraph."""
    return [
        (para.begin + m.start(), para.begin + m.end()) for m in _QUOTE.finditer(text[para.begin : para.end])
    ]


def _token_at(doc: Doc | None, b: int, e: int) -> Token | None:
    """The first token of the words between two offsets, if the text is parsed."""
    span = doc.char_span(b, e, alignment_mode="expand") if doc is not None else None
    return span[0] if span is not None and len(span) else None


def _adverbial_participle(doc: Doc | None, offset: int) -> bool:
    """Whether the word at `offset` is a participle hanging on a verb before it ("…, she
    said, referencing …"), not a gerund heading a clause of its own ("…, he said,
    replacing Clinton would be acrimonious")."""
    tok = _token_at(doc, offset, offset + 1)
    return (
        tok is not None
        and tok.tag_ == "VBG"
        and tok.dep_ in {"advcl", "xcomp", "conj"}
        and tok.head.i < tok.i
    )


def _parenthetical_start(doc: Doc | None, sb: int, src_b: int, cue_b: int, cue_e: int) -> int | None:
    """Where a sentence that a parenthetical "…, SOURCE said, …" interrupts begins: the
    parse hangs the cue on the sentence's main predicate (parataxis), whose phrase starts
    before the source and after the sentence's opening conjunction ("But", "Yet")."""
    verb = doc.char_span(cue_b, cue_e, alignment_mode="expand") if doc is not None else None
    if verb is None or not len(verb):
        return None
    text = _text(doc)
    if not re.search(r",\s*$", text[max(0, src_b - 4) : src_b]):
        return None
    cue = verb[-1]
    if cue.dep_ == "parataxis" and cue.head.i > cue.i:
        first = cue.head.left_edge
    else:
        # the parse missed it ("Iran, the minister said, exports militias to Yemen", with
        # "exports" read as a noun): a short phrase without a verb before the source, and
        # after the cue a verb with no subject of its own
        first = doc.char_span(sb, src_b, alignment_mode="expand")
        after = [t for t in doc[cue.i + 1 : cue.i + 4] if not t.is_punct]
        if first is None or not len(first) or len(after) < 2 or not _verbless(doc, sb, src_b):
            return None
        verb_next = after[0].pos_ in {"VERB", "AUX"} or (
            after[0].pos_ == "NOUN" and after[0].is_lower and after[1].pos_ not in {"VERB", "AUX", "PART"}
        )
        if not verb_next or len(text[sb:src_b].split()) > 8:
            return None
        first = first[0]
    while first.idx < src_b and (first.dep_ in {"cc", "punct"} or first.lower_ in {"yet", "so", "still"}):
        first = first.doc[first.i + 1]
    end = _strip(text, first.idx, src_b)[1]
    if not sb <= first.idx < end or _SETTING.match(text, first.idx, end) or _time_phrase(doc, first.idx, end):
        return None  # "In a statement Friday, she said, …", "Yesterday, she said, …"
    return first.idx


def _source_before(text: str, sent_b: int, cue_b: int, doc: Doc | None = None) -> tuple[int, int] | None:
    """The noun phrase right before a cue, back to a clause boundary."""
    left = text[sent_b:cue_b]
    skip = _SKIP_BEFORE_CUE.search(left)
    if skip:
        left = left[: skip.start()]
    setting = _SETTING_BEFORE_CUE.search(left)
    if setting and setting.start() > 0:
        # "Hillary Clinton, at a later press gaggle, said": the setting set off by commas is
        # neither source nor description; the source is the phrase before it
        found = _source_before(text, sent_b, sent_b + setting.start(), doc)
        conj = re.match(r"(?:and|or)\s+", text[found[0] : found[1]]) if found else None
        return (found[0] + conj.end(), found[1]) if found and conj else found
    end = sent_b + len(left.rstrip())
    # back to the last boundary: sentence start, comma-like punctuation, quote, or a word
    # that opens a clause
    start = sent_b
    for m in _BOUNDARY.finditer(text[sent_b:end]):
        if m.group() in {"and", "or", "of"} and _inside_name(text, sent_b + m.start(), sent_b + m.end()):
            continue
        start = sent_b + m.end()
    if left.rstrip().endswith(","):
        appos = _APPOSITIVE.fullmatch(text, sent_b, end)
        if appos and not _time_phrase(doc, appos.start("name"), appos.end("name")):
            if _participial(doc, appos.start("desc")):  # "Jo Doe, wearing a red cap, said"
                return appos.start("name"), appos.end("name")
            return _strip(text, appos.start("name"), appos.end("desc"))
        return _described_name(text, sent_b, end - 1, doc)
    b, e = _strip(text, start, end, ',;:"“”')
    # a reporting verb inside the phrase starts a new clause ("Merrill says Machado")
    inner = [m for m in _CUE.finditer(text, b, e) if m.group("cue") and not _tagged_noun(doc, *m.span("cue"))]
    if inner:
        b, e = _strip(text, inner[-1].end(), e, ',;:"“”')
    words = text[b:e].split()
    if not words or len(words) > _MAX_SOURCE_WORDS:
        return None
    if not any(w[:1].isalpha() or w.endswith("%") for w in words):
        return None
    return b, e


def _described_source(text: str, doc: Doc | None, sb: int, comma: int) -> tuple[tuple[int, int], int] | None:
    """An inverted cue's source set off by commas, "CONTENT, a spokeswoman, Jo Doe, said"
    or "CONTENT, Jo Doe, the mayor, said":
    the name before `comma` with the description before it, and the comma where what was
    said ends. None when no name closes there."""
    name = _source_before(text, sb, comma, doc)
    if name is None or not _verbless(doc, *name) or not re.search(r",\s*$", text[sb : name[0]]):
        return None
    cut = sb + text[sb : name[0]].rstrip().rfind(",")
    # a description before the name, or a name before a description ("Jo Doe, the mayor,")
    desc = re.search(
        r",\s*((?:an?|the)\s[^,;“”\"]{2,60}?|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*$", text[sb:cut]
    )
    if desc is not None and _verbless(doc, sb + desc.start(1), sb + desc.end(1)):
        return (sb + desc.start(1), name[1]), sb + desc.start()
    return name, cut


def _described_name(text: str, sent_b: int, comma: int, doc: Doc | None) -> tuple[int, int] | None:
    """The source before a cue whose subject closes with a comma that is not a name and
    its description: "One of the family's attorneys, Jo Doe, said" (a description, then
    the name in apposition) gives the whole phrase; a scene-setting phrase before the
    name ("In a statement, Jo Doe, said") is left out."""
    name = _source_before(text, sent_b, comma, doc) if doc is not None else None
    if name is None or not _verbless(doc, *name):
        return None
    before = text[sent_b : name[0]]
    if before.strip() and not before.rstrip().endswith(","):
        return None  # "The poll, which tracks …, showed": a relative clause, not a name
    lead = re.fullmatch(r"\s*([^,;:“”\"]{3,120}?)\s*,\s*", before)
    src = name
    if lead is not None:
        desc_b = sent_b + lead.start(1)
        desc_e = sent_b + lead.end(1)
        if (
            _verbless(doc, desc_b, desc_e)
            and not _SETTING.match(text, desc_b)
            and not _time_phrase(doc, desc_b, desc_e)
        ):
            src = (desc_b, name[1])
    # the phrase must be the cue's subject, not the end of a clause before an inverted cue
    # ("… as of 2005, said Jo Doe")
    toks = doc.char_span(*src, alignment_mode="expand")
    if toks is None:
        return None
    if not any(t.dep_ in {"nsubj", "nsubj:pass"} for t in toks) and not (
        not text[sent_b : src[0]].strip() and _misread_clause(doc, toks, comma)
    ):
        return None
    return src


def _misread_clause(doc: Doc, phrase, comma: int) -> bool:
    """ "A senior SDF commander, Mazloum Abdi, accused Turkey of …" parsed as one noun
    phrase, the verb an adjective of its object: the phrase (which opens the sentence)
    heads it and the word after the comma is a past-tense verb form."""
    nxt = next((t for t in doc[phrase.end :] if not t.is_space and t.idx > comma), None)
    return (
        nxt is not None
        and any(t.dep_ == "ROOT" for t in phrase)
        and any(t.pos_ == "PROPN" for t in phrase)  # someone named, not a stray noun
        and nxt.tag_ in {"VBD", "VBN"}
        and nxt.dep_ in {"amod", "acl"}
    )


def _text(doc: Doc) -> str:
    """The text the doc was made from (kg.nlp.analyse keeps it; its tokens read curly
    quotes as plain ones), else the doc's text, built once: spaCy's `Doc.text` joins
    every token on each call."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def _word(tok: Token) -> str:
    """A token as written in the text ("”", where the token reads a plain quote)."""
    return _text(tok.doc)[tok.idx : tok.idx + len(tok)]


# what may stand between a subject's closing comma and its verb: auxiliaries and adverbs
# ("Jo Doe, a lawyer, has also said"), never a noun ("The thing he needs, aides said")
_AFTER_APPOSITIVE = re.compile(
    r"\s*,\s*(?:(?:also|has|have|had|then|later|now|again|previously|recently|further|reportedly"
    r"|earlier|once|is|was|were|are|would|will|did|does|do|not|never|[a-z]+ly)\s+)*"
)


def _parse_subject(doc: Doc | None, sb: int, cue_b: int, cue_e: int) -> tuple[int, int] | None:
    """The subject phrase of the cue verb from the parse, when it ends before the cue
    (appositives and relative clauses included, as the tree has them)."""
    if doc is None:
        return None
    cue = doc.char_span(cue_b, cue_e, alignment_mode="expand")
    if cue is None or not len(cue):
        return None
    verb = cue[0]
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubj:pass"} and not c.is_space]
    before = [c for c in subjects if c.i < verb.i]
    subj = before[0] if before else None
    if subj is None:
        return None
    last_comma = _text(doc).rfind(",", subj.idx, before[-1].idx) if len(before) > 1 else -1
    if last_comma >= 0 and (
        "," in _text(doc)[subj.right_edge.idx : before[-1].left_edge.idx]
        or not _verbless(doc, subj.idx, last_comma)
    ):
        # "A strike … killed four people, Ukraine's air force said": the clause before the
        # comma is what was said, the subject nearest the verb says it (with the words the
        # parse hung elsewhere: "…, Human | Rights | Watch said")
        subj = before[-1]
    b, e = _subject_phrase(subj)
    e = _subject_end(subj, subjects, verb, e)
    if last_comma >= 0 and subj is before[-1] and b > last_comma + 1 and _verbless(doc, last_comma + 1, b):
        b = _after_comma(_text(doc), last_comma)
    comma = _text(doc).rfind(",", b, subj.idx)
    if comma >= 0 and any(c.dep_ == "compound" and c.idx < comma for c in subj.children):
        # "…host Vladimir Putin in August, Turkish officials said": the parse compounded the
        # end of what was said with the subject; who speaks starts after the comma
        b = _after_comma(_text(doc), comma)
    if b < sb or e > cue_b:
        return None
    # a subject set off by a comma is not this cue's ("…, writes SY 24"), unless the comma
    # closes the subject's own appositive or relative clause ("Jo Doe, a lawyer, said")
    closes_appositive = _AFTER_APPOSITIVE.fullmatch(_text(doc)[e:cue_b]) and any(
        c.dep_ in {"appos", "acl:relcl", "advcl:relcl"} and c.i > subj.i and c.right_edge.idx < e <= cue_b
        for c in subj.children
    )
    if re.search(r"[,;:“”\"]", _text(doc)[e:cue_b]) and not closes_appositive:
        return None
    return b, e


def _subject_phrase(subj: Token) -> tuple[int, int]:
    """A subject's words with its title, without a wh-determiner ("in what officials
    described as …": the officials describe it)."""
    b, e = _phrase(_title_start(subj), subj.right_edge, head=subj)
    wh = subj.doc[subj.left_edge.i]
    if wh.lower_ in {"what", "whatever"} and wh.head.i == subj.i and wh.i < subj.i and b <= wh.idx:
        b = subj.doc[wh.i + 1].idx
    return b, e


def _subject_end(subj: Token, subjects: list[Token], verb: Token, e: int) -> int:
    """Where a subject phrase ending at `e` ends once a second subject right after it
    joins it: the parse sometimes splits one phrase in two ("Hillary" + "Clinton's
    campaign manager Robby Mook", both subjects of "said")."""
    for more in subjects:
        if subj.i < more.i < verb.i and not _text(verb.doc)[e : more.left_edge.idx].strip():
            e = _phrase(more.left_edge, more.right_edge, head=more)[1]
    return e


def _antecedent(doc: Doc | None, src: tuple[int, int]) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun source ("who", "which") stands for."""
    toks = doc.char_span(*src, alignment_mode="expand") if doc is not None else None
    if toks is None or len(toks) != 1 or toks[0].lower_ not in _RELATIVE:
        return None
    pron = toks[0]
    # ", who said" is relative however the parse hangs the clause ("Sen. Jo Doe (R-Fla.),
    # who said" came out as parataxis)
    if not pron.head.dep_.endswith("relcl") and not (pron.i > 0 and doc[pron.i - 1].text == ","):
        return None
    noun = pron.head.head
    if noun.pos_ not in {"NOUN", "PROPN", "PRON", "NUM"}:  # misattached: take the word before
        noun = _word_before(doc, pron.i, pron.sent.start)
        if noun.pos_ not in {"NOUN", "PROPN", "PRON", "NUM"}:
            return None
    # the noun with its own words up to the relative clause ("Secretary of State Antony
    # Blinken, who said": the parse may hang the name on the title)
    last = _word_before(doc, pron.i, noun.i)
    if (
        pron.lower_ == "who"
        and doc[pron.i - 1].text == ","
        and last.pos_ == "PROPN"
        and last.ent_type_ not in {"GPE", "LOC"}
        and noun.ent_type_ != "PERSON"
        and last.i > noun.i
    ):
        # "talks hosted by X, who said", "the endorsement of former Sen. X, who told": "who"
        # is someone, and the parse hung the clause on a thing; the name right before it is who
        noun = last
        while (
            noun.dep_ in {"flat", "compound", "nmod"} and noun.head.pos_ == "PROPN" and noun.head.i < noun.i
        ):
            noun = noun.head
    words = doc[noun.i + 1 : last.i + 1]
    whole_name = (
        last.i > noun.i
        and noun in last.ancestors
        and last.pos_ == "PROPN"
        and not any(t.is_punct for t in words)
        # only a title runs on through a preposition ("Secretary of State Antony Blinken", not
        # "workers in New York" or "a professor at American University")
        and (is_title(noun.text) or not any(t.pos_ == "ADP" for t in words))
    )
    last = last if whole_name else noun
    first = noun.left_edge if noun.left_edge.i <= noun.i else noun
    while first.i < noun.i and first.dep_ == "case":
        first = doc[first.i + 1]  # "of former Sen. X": the preposition is not the phrase's
    return _edges(first, last)


def _body_name(m: Mention) -> bool:
    """Whether a mention is a body: a known one, or a name that says it is one ("the Qassam
    Brigades"), not a person's name the model took for an organisation (`_named_body`)."""
    return m.kind in _BODY_KINDS and _named_body(m.label)


def _word_before(doc: Doc, i: int, first: int) -> Token:
    """The last word before token `i`, back to token `first`, past punctuation and a
    bracket ("Sen. Marco Rubio (R-Fla.), who": the party and the state are not who)."""
    j = i - 1
    while j > first and (doc[j].is_punct or doc[j].is_space):
        if doc[j].text == ")":
            j = next((t.i for t in reversed(doc[first:j]) if t.text == "("), j)
        j -= 1
    return doc[max(j, first)]


def _inside_name(text: str, b: int, e: int) -> bool:
    """Whether a conjunction joins capitalised words ("Revolutionary and Opposition")."""
    prev = re.search(r"(\S+)\s+$", text[max(0, b - 40) : b])
    nxt = re.match(r"\s+(\S+)", text[e : e + 40])
    return bool(prev and nxt and prev.group(1)[:1].isupper() and nxt.group(1)[:1].isupper())


def _source_after(text: str, cue_e: int, sent_e: int, doc: Doc | None = None) -> tuple[int, int] | None:
    """The noun phrase after an inverted cue ("said Ahwazi", "writes SY 24"), up to the
    sentence end; only short phrases, since a long tail is a clause, not a name (nor is a
    phrase the parse finds a verb in: "said the hearing would go ahead")."""
    # a full stop ends the name only where it ends the sentence, not after an initial or a
    # title ("said John D. Podesta", "said Mr. Burman.")
    m = re.match(
        r"\s+((?:[^,.;:!?“”\"]|\.(?=\s*[A-Z][\w-]*[\s,.]))+?)\s*(?:[,;:!?]|\.(?!\s*[A-Z][\w-]*[\s,.])|$)",
        text[cue_e:sent_e],
    )
    if not m:
        return None
    b, e = cue_e + m.start(1), cue_e + m.end(1)
    # stop the name at an appositive or a trailing clause
    cut = re.search(r"\s+(?:in|on|at|who|which|that|to|from|during|after|before)\s", text[b:e])
    if cut:
        e = b + cut.start()
    words = text[b:e].split()
    if not words or len(words) > 8 or words[0] in _BOUNDARY_WORDS:
        return None
    toks = doc.char_span(b, e, alignment_mode="expand") if doc is not None else None
    if toks is not None and any(t.pos_ in {"VERB", "AUX"} for t in toks):
        return None
    b, e = _close_bracket(text, b, e)
    if not cut:
        # "said Jo Doe, a lawyer for the city, who …": the description that closes the
        # sentence belongs to the source phrase (the resolver names the speaker by its head)
        appos = re.match(r",\s+([^“”\"]{3,240}?)[.!?]?\s*$", text[e:sent_e])
        if appos and len(appos.group(1).split()) <= 35 and not _participial(doc, e + appos.start(1)):
            e += appos.end(1)
    return b, e


def _participial(doc: Doc | None, b: int) -> bool:
    """Whether a phrase opens with a participle ("wearing a red cap", "clad in …", "speaking
    to reporters"): a description of the moment, not of who the speaker is."""
    word = re.match(r"\w+", _text(doc)[b : b + 30]) if doc is not None else None
    if doc is None or word is None:
        return False
    toks = doc.char_span(b, b + word.end(), alignment_mode="expand")
    return bool(toks) and (toks[0].pos_ == "VERB" or toks[0].tag_ in {"VBG", "VBN"})


#: capitalised titles before a name in apposition ("General", "Lt. Gen.", "Sheikh")
_TITLES_BEFORE_NAME = re.compile(r"(?:[A-Z][a-z]*\.?\s+){1,3}")


@dataclass
class _Resolver:
    """Carries speakers across the article for pronoun and nominal references."""

    mentions: list[Mention]
    doc: Doc | None = None
    last_person: Mention | None = None
    last_plural: Mention | None = None
    last_any: Mention | None = None
    bodies: list[Mention] = field(default_factory=list)  # named bodies that spoke, in order
    speakers: list[str] = field(default_factory=list)  # labels of the people who spoke, in order
    # a coordinated source's span → the actor each part names
    coordinated: dict[tuple[int, int], list[Mention]] = field(default_factory=dict)
    # the actors of the last coordinated source, while "they" still points to them
    last_group: list[Mention] = field(default_factory=list)
    # surname → "m" / "f" where the article addresses the person as "Mr." or "Ms."
    by_surname: dict[str, str] = field(default_factory=dict)

    def _common_noun(self, b: int, e: int) -> bool:
        """ "Analysts say", "Witnesses said": a capitalised word at the start of a sentence
        that the tagger reads as a plural common noun, or that is a noun for people
        ("Witnesses" tagged a proper noun), is no name. (A singular common noun may be a
        surname: "Pate claimed", "Rice said".)"""
        span = self.doc.char_span(b, e, alignment_mode="expand") if self.doc is not None else None
        if span is None or len(span) != 1 or span[0].i != span[0].sent.start or span[0].ent_type_:
            return False
        word = span[0]
        return word.tag_ == "NNS" or re.sub(r"(?:e?s)$", "", word.lower_) in PERSON_NOUNS

    def _body_reference(self, phrase: str, b: int) -> Mention | None:
        """ "The organization added", "the rights group said", "the Lebanese group said": the
        last body of a kind the noun fits that spoke. Words between "the" and the noun may
        only describe it (lowercase, "Iran-backed"), or name the body's nation."""
        words = phrase.split()
        kinds = BODY_REFERENCES.get(words[-1].lower()) if 2 <= len(words) <= 5 else None
        if not kinds or words[0].lower() != "the":
            return None
        g = load_gazetteer()
        nations = set()
        for w in words[1:-1]:
            country = g.country_of_demonym(w) if w[:1].isupper() else None
            if country is not None:
                nations.add(country.label)
            elif not re.fullmatch(r"[a-z]+(?:-[a-z]+)*|[A-Z][\w.]*-(?:backed|based|led|linked|aligned)", w):
                return None
        forces = words[-1].lower() in {"army", "military"}
        if words[-1].lower() == "ministry":
            # "the ministry said" after the State Department spoke is no State Department
            candidates = [m for m in self.bodies if "ministry" in m.label.lower()]
        elif forces:
            # "the army said": a state's armed forces, the last that spoke or else the last
            # named ("Sudan's army is fighting the RSF … The army said"), never a militia
            named = [m for m in self.mentions if m.span.end <= b]
            candidates = [m for m in named + self.bodies if m.label.startswith("Armed forces of ")]
        else:
            candidates = self.bodies
        return next(
            (
                m
                for m in reversed(candidates)
                if m.kind in kinds and (not nations or nations <= set(m.affiliations))
            ),
            None,
        )

    def source(self, text: str, b: int, e: int, cue_lemma: str) -> Mention:
        parts = self._conjuncts(text, b, e)
        if parts:
            # "China and Russia said", "Mr. Grassley and Mr. Leahy wrote": each of them
            # claims it; the first is the claim's source, the others copy it (see
            # _each_claimant)
            named = [self.source(text, pb, pe, cue_lemma) for pb, pe in parts]
            self.coordinated[(b, e)] = named
            # "X, Y and Z condemned … They said": "they" is all of them
            self.last_plural, self.last_group = named[0], named
            return named[0]
        phrase = text[b:e]
        head = re.match(r"[^,]+?(?=\s*,\s)", phrase)
        if head and not re.search(r"\b(?:and|or)\s*$", head.group()) and len(head.group().split()) <= 8:
            he = b + head.end()
            named = self._named_appositive(text, he, e)
            if named is not None and not any(
                m.kind == "Person" and b <= m.span.begin and m.span.end <= he for m in self.mentions
            ):
                # "The UN envoy for Syria, Geir Pedersen,": the description names no one, the
                # appositive does
                person = self.source(text, *named, cue_lemma)
                body = any(_body_name(m) and m.span.begin == named[0] for m in self.mentions)
                if person.kind != "Person" and not body:  # the model's guess for a name it did not know
                    person = self._remember(dataclasses.replace(person, kind="Person"))
                return person
            # "Jo Doe, a lawyer for the city": the name before the appositive is who speaks
            return self.source(text, b, b + head.end(), cue_lemma)
        office = _PERSONS_OFFICE.fullmatch(phrase)
        if office is not None:
            # "Netanyahu's office said", "the prime minister's office said", "his office
            # said": the person's office speaks for the person
            owner_end = office.end("owner") if office.group("owner") else office.end("pron")
            owner = self.source(text, b, b + owner_end, cue_lemma)
            if owner.kind == "Person":
                return _standing_for(owner, Span(b, e, phrase))
        tag = _PARTY_TAG.search(phrase)
        if tag and tag.start() > 0:
            return self.source(text, b, b + tag.start(), cue_lemma)  # "Jo Doe (D-Ohio)": a party tag
        low = phrase.lower()
        words = low.split()
        if low in PRONOUNS:
            kind = PRONOUNS[low]
            ref = self.last_person if kind == "sg" else self.last_plural if kind == "pl" else self.last_any
            if low in {"he", "she", "his", "her"} and self.doc is not None:
                # a subject named just before beats the last speaker ("Clinton called it a
                # mistake, but she noted …" after a quote from Trump)
                ref = (
                    subject_antecedent(
                        self.doc, b, self.mentions, speaking=low in {"he", "she"}, by_surname=self.by_surname
                    )
                    or ref
                )
            ref = ref or self.last_any
            if ref is not None and ref.kind == "Person" and not fits_pronoun(ref, low, self.by_surname):
                ref = None  # "she said" after "Mr. Trump" spoke: someone the article has not named
            if low in {"he", "she"} and ref is not None and ref.kind not in {"Person", "UnnamedActor"}:
                ref = None  # a state, a city or a body is never "he"
            if low in {"they", "them"} and ref is not None and self.last_group and ref is self.last_group[0]:
                self.coordinated[(b, e)] = [_standing_for(m, Span(b, e, phrase)) for m in self.last_group]
            if ref is not None:
                return _standing_for(ref, Span(b, e, phrase))
            # no one it can stand for: an unnamed speaker, never a name ("He" is no surname),
            # and no one a later pronoun could stand for either
            return Mention(Span(b, e, phrase), phrase, "UnnamedActor", vague=True)
        body = self._body_reference(phrase, b)
        if body is not None:
            # "The White Helmets said … The organization added …": the last body of that kind
            return _standing_for(body, Span(b, e, phrase))
        if (
            words
            and words[-1] in _REFERENCE_NOUNS
            and words[0] in {"the", "this", "that", "its"}
            and self.last_any
        ):
            return _standing_for(self.last_any, Span(b, e, phrase))
        inside = [m for m in self.mentions if b <= m.span.begin and m.span.end <= e]
        affiliations = tuple(dict.fromkeys(m.label for m in inside if m.kind in {"Country", "City", "Place"}))
        # a known actor that is the head of the phrase (ends it, and no preposition governs
        # it: "the envoy for Syria" is an envoy, not Syria)
        for m in reversed(inside):
            if m.kind in {"City", "Place"}:
                continue  # a speaker is never a place; a name the NER called one is reread below
            if _governed(text, b, m.span.begin):
                continue
            if (
                m.span.end >= e - 1
                or (m.span.begin == b and m.span.end == e)
                or (
                    m.kind == "MediaOutlet" and _OUTLET_NOUN.fullmatch(text, m.span.end, e)
                )  # "Tasnim news agency"
                or (
                    m.kind == "Government" and _POSTED_IN.fullmatch(text, m.span.end, e)
                )  # "China's embassy in Manila"
            ):
                return self._remember(
                    Mention(m.span, m.label, m.kind, affiliations=m.affiliations or (), key=m.key)
                )
        runs = [(rb + b, re_ + b) for rb, re_ in name_runs(phrase)]
        runs = [r for r in runs if not _only_demonyms(text[r[0] : r[1]], inside)]
        # a name after "of", "in", "at" is not who speaks ("the mayor of Kyiv", "a professor at
        # Yale"); one after "by" or "from" is ("a report by Politico")
        if (
            runs
            and runs[-1][1] >= e - 1
            and not _governed(text, b, runs[-1][0], "of|for|in|at|to|on")
            and not (len(runs) > 1 and _governed(text, b, runs[-1][0]))
        ):
            rb, re_ = runs[-1]
            name = re.sub(r"^(?:The|the)\s+", "", text[rb:re_])
            if name.startswith("The "):
                rb += 4
            rb = re_ - len(name)
            # a capital that speaks ("Tehran said") stays a city, for kg.resolve to read as
            # its state; it is never a person ("he" after it is someone else)
            entry = load_gazetteer().lookup(name)
            kind = (
                entry.kind if entry is not None and entry.kind == "City" else classify_name(name, cue_lemma)
            )
            # "Amirabdollahian wrote" after "Hossein Amirabdollahian said": the person named
            # before, whatever a lone name with "wrote" would suggest
            person = next(
                (
                    m
                    for m in self.mentions
                    if m.kind == "Person"
                    and m.span.end <= rb
                    and m.label.split()[-1] == name
                    and " " in m.label
                ),
                None,
            )
            if person is not None:
                return self._remember(Mention(Span(rb, re_, name), person.label, "Person", key=person.key))
            full = (
                re.search(rf"\b[A-Z][a-z]+[ \t]+{re.escape(name)}\b", text[:rb]) if " " not in name else None
            )
            if (
                full is not None
                and kind != "Person"
                and full.group().split()[0]
                not in {"The", "A", "An", "In", "On", "At", "By", "For", "And", "But"}
                and classify_name(full.group()) == "Person"
            ):
                # "Aksyonov wrote" after "…, Sergei Aksyonov, …" that the model did not tag: a
                # person's surname, not an outlet
                kind = "Person"
            if not (kind == "Person" and self._common_noun(rb, re_)):
                return self._remember(Mention(Span(rb, re_, name), name, kind, affiliations=affiliations))
        person = nominals.antecedent(text, b, e, self.mentions, self.speakers)
        if person is not None:
            # "the foreign minister said" after "Foreign Minister Dmytro Kuleba …"
            return self._remember(_standing_for(person, Span(b, e, phrase)))
        # "the envoy" -> "envoy"; "some of the rebels" keeps its quantifier
        label = re.sub(r"^(?:the|a|an|some|several|many|other|two|three)\s+(?!of\b)", "", phrase, flags=re.I)
        return self._remember(
            Mention(
                Span(b, e, phrase),
                label.strip() or phrase,
                "UnnamedActor",
                affiliations=affiliations,
                vague=True,
            ),
            plural=not words or words[-1].endswith("s"),
        )

    def _conjuncts(self, text: str, b: int, e: int) -> list[tuple[int, int]]:
        """The parts of a coordinated source ("Sudan's army and the Rapid Support Forces",
        "the United States, Britain and France", "Moscow and Beijing") when each names an
        actor: it ends with a mention of one (a party tag after a name aside) that no
        preposition governs ("polls in Ohio and Iowa" are no two sources)."""
        phrase = text[b:e]
        if not re.search(r"\band\b", phrase):
            return []
        parts: list[tuple[int, int]] = []
        both = re.match(r"(?:both|all)\s+", phrase, re.I)
        start = b + (both.end() if both else 0)
        for sep in _CONJUNCTION.finditer(phrase, start - b):
            parts.append((start, b + sep.start()))
            start = b + sep.end()
        parts.append((start, e))
        if len(parts) < 2:
            return []
        for pb, pe in parts:
            tag = _PARTY_TAG.search(text, pb, pe)
            end = tag.start() if tag else pe
            head = next(
                (m for m in self.mentions if pb <= m.span.begin and end - 1 <= m.span.end <= end), None
            )
            if head is not None and head.kind == "Person" and _only_title(text[pb : head.span.begin]):
                continue  # "U.S. Deputy Secretary of State Kurt Campbell": a title, however long
            if (
                head is None
                # "polls in Ohio", "the student from New Mexico", "populists like Mr. Trump"
                or re.search(
                    r"\b(?:of|for|from|in|at|to|with|on|by|like|among)\b", text[pb : head.span.begin]
                )
                or len(text[pb:end].split()) > 6
                or re.search(r"\b[A-Z]\.$", text[pb:end])  # "Charles G. and David H. Koch": one surname
            ):
                return []
        return parts

    def _named_appositive(self, text: str, b: int, e: int) -> tuple[int, int] | None:
        """The span of ", Geir Pedersen," after a description, when it is a person's name, or
        of ", the Qassam Brigades," when it is a body's."""
        m = re.match(r"\s*,\s*([^,]+?)\s*,?\s*$", text[b:e])
        if m is None:
            return None
        nb, ne = b + m.start(1), b + m.end(1)
        for mention in self.mentions:
            if (
                _body_name(mention)
                and re.fullmatch(r"(?:the\s+)?", text[nb : mention.span.begin])
                and ne <= mention.span.end + 1
            ):
                return mention.span.begin, ne  # "Hamas' armed wing, the Qassam Brigades,": the body
            if mention.kind != "Person" or not ne <= mention.span.end + 1:
                continue
            if mention.span.begin <= nb:
                return nb, ne
            if _TITLES_BEFORE_NAME.fullmatch(text, nb, mention.span.begin):
                return mention.span.begin, ne  # "…, General Abdel Fattah al-Burhan,": the name
        name = text[nb:ne]
        g = load_gazetteer()
        if (
            re.fullmatch(r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}", name)
            and classify_name(name) == "Person"
            and not any(g.lookup(w) or g.country_of_demonym(w) for w in name.split())
        ):
            return nb, ne  # a name the model did not tag ("the governor …, Sergei Aksyonov,")
        return None

    def _remember(self, m: Mention, plural: bool = False) -> Mention:
        self.last_any = m
        if m.kind in _BODY_KINDS and not m.vague and _named_body(m.label):
            self.bodies.append(m)
        if m.kind == "Person":
            self.last_person = m
            self.speakers.append(m.label)
        elif plural or m.kind in {
            "Organization",
            "Government",
            "ArmedGroup",
            "Group",
            "MediaOutlet",
            "Country",
        }:
            self.last_plural = m
        return m


def _only_title(words: str) -> bool:
    """Whether the words before a name are all its title ("Japanese Vice Foreign Minister",
    "U.S. Deputy Secretary of State"): offices, their modifiers and capitalised words."""
    return all(only_titles(w) or w[:1].isupper() or w in {"of", "the", "for"} for w in words.split()) and any(
        is_title(w) for w in words.split()
    )


def _standing_for(ref: Mention, span: Span) -> Mention:
    """The mention a pronoun, a description or an office at `span` makes of the actor
    `ref` stands for: the words are the span's, everything else is `ref`'s."""
    return Mention(span, ref.label, ref.kind, affiliations=ref.affiliations, vague=ref.vague, key=ref.key)


def _named_body(label: str) -> bool:
    """A body's name one can refer back to as "the organization": a known one, or one whose
    words say it is a body ("Tax Foundation", "Congressional Budget Office"), not a name
    the recogniser merely tagged as one."""
    if load_gazetteer().lookup(label) is not None:
        return True
    # a bare noun in a title-case headline ("Ministry warns on Yemen") names no one body
    return len(label.split()) > 1 and classify_name(label) != "Person"


def _governed(text: str, b: int, at: int, prepositions: str = "of|for|from|in|at|to|with|on|by") -> bool:
    """Whether the word at `at` follows a preposition inside the phrase starting at `b`."""
    # … also as the second of two ("the presidents of Venezuela and Guyana")
    return bool(
        re.search(
            rf"\b(?:{prepositions})\s+(?:the\s+)?(?:[^,;]{{1,40}}?\s+(?:and|or)\s+(?:the\s+)?)?$",
            text[b:at],
            re.I,
        )
    )


def _only_demonyms(run: str, inside: list[Mention]) -> bool:
    return all(
        w in {m.span.text for m in inside if m.kind == "Country"} or w.lower() in {"the"}
        for w in re.split(r"[\s-]+", run)
    )


def find_claims(
    text: str, sentence_bounds: list[tuple[int, int]], mentions: list[Mention], doc: Doc | None = None
) -> list[Claim]:
    """All attributions in the article, in text order. With a parsed `doc`, a cue verb's
    grammatical subject bounds the source phrase; without one, clause boundaries do.

    The rules read the text with single-mark quotations made double (see
    `kg.extract.quotes`); the claims quote the article as written."""
    marked = as_double_quotes(text)
    if marked == text:
        return _find_claims(text, sentence_bounds, mentions, doc)
    written = doc.user_data.get(TEXT_KEY) if doc is not None else None
    if doc is not None:
        doc.user_data[TEXT_KEY] = marked
    try:
        claims = _find_claims(marked, sentence_bounds, mentions, doc)
    finally:
        if doc is not None:
            doc.user_data[TEXT_KEY] = written if written is not None else text
    return [_as_written(text, c) for c in claims]


def _as_written(text: str, claim: Claim) -> Claim:
    """The claim with its spans' words as the article writes them (a mention stays the
    same object when its words did not change: later stages key on it)."""

    def span(s: Span) -> Span:
        written = text[s.begin : s.end]
        return s if s.text == written else Span(s.begin, s.end, written)

    src = claim.source
    if span(src.span) is not src.span:
        src = dataclasses.replace(src, span=span(src.span))
    return dataclasses.replace(
        claim,
        source=src,
        cue=span(claim.cue),
        content=span(claim.content),
        evidence=span(claim.evidence),
        source_span=span(claim.source_span) if claim.source_span is not None else None,
    )


def _find_claims(
    text: str, sentence_bounds: list[tuple[int, int]], mentions: list[Mention], doc: Doc | None
) -> list[Claim]:
    resolver = _Resolver(
        mentions, doc if doc is not None and doc.has_annotation("DEP") else None, by_surname=genders(text)
    )
    claims: list[Claim] = []
    speaker: Claim | None = None  # the last direct quotation, for quote paragraphs after it
    paras = paragraphs(text, sentence_bounds)
    for i, para in enumerate(paras):
        quotes = _quotes(text, para)
        lead = _lead_in(text, paras[i - 1], para, resolver) if i else _headline(text, para, resolver)
        credit = _credit_line(text, paras[i - 1], para, resolver) if i else None
        for first in (_colon_claim(text, para, resolver), lead, _dash_credit(text, para, resolver), credit):
            if first is not None:
                _add(text, first, claims, allow_nested=False)
        for sb, se in para.sentences:
            dateline = DATELINE.match(text, sb, se)
            if dateline is not None:
                sb = dateline.end()  # "WASHINGTON -- President Obama said": a place, not a source
            found: list[tuple[Claim, bool]] = []
            inverted = _inverted_lead(text, resolver, sb, se, quotes)
            if inverted is not None:
                found.append((inverted, False))
            denial = _DENIAL.search(text, sb, se)
            for m in _CUE.finditer(text, sb, se):
                if any(qb < m.start() < qe - 1 for qb, qe in quotes):
                    continue  # words inside a quotation are the quoted speech, not its cue
                if denial is not None and denial.start() < m.start() < denial.end():
                    continue  # its source is not the phrase before the verb: see _denial
                claim = _claim_at(text, para, sb, se, m, quotes, resolver)
                if claim is not None:
                    coordinated = re.search(r"\b(?:and|but)\s+(?:also\s+)?$", text[sb : m.start()])
                    found.append((claim, bool(coordinated)))
            if resolver.doc is not None and any(c.quote_type == "indirect" for c, _ in found):
                # a verb of saying or believing the parse finds may report a surface cue's
                # indirect claim ("Some believe the data shows …"): it goes first
                surface = [c for c, _ in found]
                parsed = _parse_claims(text, resolver, sb, se, quotes, claims + surface)
                found += [(c, False) for c in parsed if _reports(resolver.doc, c, surface)]
            impersonal = _impersonal(text, sb, se, resolver.doc)
            if impersonal is not None:
                # the passive cue is no verb with a subject of its own ("It was reported")
                cue = impersonal.cue
                found = [(c, k) for c, k in found if not cue.begin <= c.cue.begin < cue.end]
                found.append((impersonal, False))
            for claim, coordinated in _outer_first(found):
                # a quotation credited inside another claim ("“Q,” X told troops, according
                # to a video") is an attribution of its own
                # a reporting verb's claim inside what an "according to" vouches for is hosted
                # by it; a verb the parse alone reads as a stance is not (see below)
                _add(
                    text,
                    claim,
                    claims,
                    allow_nested=coordinated
                    or claim.quote_type == "direct"
                    or _in_adverbial_clause(text, claim),
                    hosted=True,
                )
            if resolver.doc is not None:
                for claim in _parse_claims(text, resolver, sb, se, quotes, claims):
                    _add(text, claim, claims, allow_nested=False)
            for m in _NOUN_CUE.finditer(text, sb, se):
                if any(qb < m.start() < qe - 1 for qb, qe in quotes):
                    continue
                cb, ce = m.end(), se
                for qb, qe in quotes:
                    if cb <= qb < se and qe > se:
                        ce = qe
                if len(text[cb:ce].split()) < 3:
                    continue
                claim = _build(
                    text,
                    resolver,
                    (m.start("src"), m.end("src")),
                    (m.start("cue"), m.end("cue")),
                    _NOUN_LEMMAS.get(m.group("cue").lower(), m.group("cue").lower()),
                    (cb, ce),
                    sb,
                    se,
                    "indirect",
                )
                if claim is not None:
                    _add(text, claim, claims, allow_nested=True)
            if resolver.doc is not None:
                for claim in _noun_claims(text, resolver, sb, se, quotes, claims):
                    _add(text, claim, claims, allow_nested=False)
            if denial is not None and not any(qb < denial.start() < qe for qb, qe in quotes):
                claim = _denial(text, resolver, denial, sb, se, claims)
                if claim is not None:
                    claims.append(claim)  # it shares the content of the claim it denies
            # "TASS quoted him as saying …": read here, so "him" is who spoke last by now
            quoting = [c for c in claims if sb <= c.cue.begin < se and c.cue_lemma == "quote"]
            claims += [q for q in (_quoted_as_saying(text, resolver, c) for c in quoting) if q is not None]
        for claim in [c for c in claims if para.begin <= c.cue.begin < para.end]:
            more = _continued_quote(text, para, claim, quotes)
            if more is not None:
                _add(text, more, claims, allow_nested=False)
        speaker = _quote_paragraph(text, para, claims, speaker)
    if paras and resolver.doc is not None and _is_headline(text[paras[0].begin : paras[0].end]):
        for claim in claims:
            if paras[0].begin <= claim.cue.begin < paras[0].end:
                _headline_background(text, resolver.doc, claim)
    for claim in claims:
        _quotation_after_colon(text, claim)
        _topic_into_cue(text, claim)
        _setting_into_cue(text, claim)
        if resolver.doc is not None:
            claim.cue = _verb_group(text, resolver.doc, claim.cue, claim.source_span)
    claims.sort(key=lambda c: c.evidence.begin)
    return [each for claim in claims for each in _each_claimant(claim, resolver)]


def _each_claimant(claim: Claim, resolver: _Resolver) -> list[Claim]:
    """One claim per actor of a coordinated source, all with the same words: the source
    span stays the whole phrase that carries the attribution."""
    span = claim.source_span
    named = resolver.coordinated.get((span.begin, span.end)) if span is not None else None
    if not named:
        return [claim]
    return [claim] + [dataclasses.replace(claim, source=m) for m in named[1:]]


# "Said Ellis: “…”": a sentence that opens with the cue, then the speaker and a quotation
_INVERTED_LEAD = re.compile(
    r"\s*(?P<cue>Said|Says|Added|Adds|Asked|Asks|Wrote|Writes|Recalled|Explained|Noted|Replied)"
    r"\s+(?P<src>(?:[A-Z]|the\s|a\s|an\s)[^,:;“”\"\n]{1,80}?)\s*[:,]\s*(?=[“\"])"
)


def _inverted_lead(
    text: str, resolver: _Resolver, sb: int, se: int, quotes: list[tuple[int, int]]
) -> Claim | None:
    m = _INVERTED_LEAD.match(text, sb, se)
    if m is None:
        return None
    cb = m.end()
    ce = max(se, next((qe for qb, qe in quotes if qb == cb), se))  # the quotation may run on
    lemma = CUE_FORMS.get(m.group("cue").lower())
    if lemma is None:
        return None
    return _build(text, resolver, m.span("src"), m.span("cue"), lemma, (cb, ce), sb, ce, "direct")


_CUE_MODIFIERS = {"aux", "aux:pass", "advmod", "cop"}
_REPORTING = frozenset(CUE_FORMS.values()) | {"believe", "think", "feel", "know"}


def _headline_background(text: str, doc: Doc, claim: Claim) -> None:
    """A headline's "X denies Y as Z happens" gives the news around the claim, not its
    content: the content ends before an "as" that opens a clause with a finite verb
    ("as coalition steps up strikes"), not one that is a preposition ("sees US as threat")."""
    for m in re.finditer(r"\s+as\s+", text[claim.content.begin : claim.content.end]):
        at = claim.content.begin + m.end()
        after = doc.char_span(at, claim.content.end, alignment_mode="expand")
        # … or a verb of saying the tagger read as a plural noun after a name ("as U.S. urges
        # de-escalation")
        if after is None or not any(
            _finite(t)
            or (t.tag_ == "NNS" and t.lower_ in CUE_FORMS and t.i > 0 and t.doc[t.i - 1].tag_ == "NNP")
            for t in after[1:6]
        ):
            continue
        b, e = _trim_content(text, claim.content.begin, claim.content.begin + m.start())
        if len(text[b:e].split()) >= 2:
            claim.content = Span(b, e, text[b:e])
        return


def _finite(tok: Token) -> bool:
    # headlines put plural present verbs in the base form the tagger may call VB
    # ("as aid deliveries stall"); after "to" or a modal that form is no finite verb
    if tok.tag_ in {"VBZ", "VBP", "VBD"}:
        return True
    return tok.tag_ == "VB" and tok.i > 0 and tok.doc[tok.i - 1].tag_ not in {"TO", "MD"}


def _reports(doc: Doc, outer: Claim, others: list[Claim]) -> bool:
    """Whether a claim the parse found reports, in its content, one the surface patterns
    found: its cue says or believes (not a hypothetical "would know"), and the inner claim
    is indirect, so the quotation marks do not tie it to its own speaker."""
    if outer.cue_lemma not in _REPORTING:
        return False
    verb = doc.char_span(outer.cue.begin, outer.cue.end, alignment_mode="expand")
    if verb is None or any(c.lower_ in {"would", "could", "might"} for c in verb[0].children):
        return False
    return any(
        o.quote_type == "indirect"
        and outer.content.begin <= o.cue.begin
        and o.content.end <= outer.content.end
        for o in others
    )


#: words between a cue and a colon that opens a quotation ("said in a statement: “…”",
#: "said on Tuesday: “…”"): how or when it was said, not what
_BEFORE_COLON_QUOTE = re.compile(
    r"(?:in|on|at|during|through|via|from|to|of|after|before|with|last|this|earlier|later|yesterday"
    r"|today|" + WEEKDAY + r")\b[^“”\":;,.!?]{0,60}:\s*(?=[“\"]|'')"
)


#: "quoted the minister as saying (that) …", "… as telling reporters …"
_AS_SAYING = re.compile(
    r"(?P<src>[^,;:“”\"]{2,80}?)\s+as\s+(?P<cue>saying|telling\s+(?:(?:the|a|an|state)\s+)?[\w.'’-]+|stating|writing)"
    r"(?:\s+that\b)?[\s,:]*"
)


def _quoted_as_saying(text: str, resolver: _Resolver, claim: Claim) -> Claim | None:
    """ "IRNA quoted the minister as saying the talks were constructive": the outlet's
    claim quotes the minister's words, and the minister said them. The outlet keeps its
    claim, now with the words alone as content; the minister gets one of their own."""
    if claim.cue_lemma != "quote":
        return None
    content = claim.content
    m = _AS_SAYING.match(text, content.begin, content.end)
    if m is None or not _looks_like_source(m.group("src")):
        return None
    b, e = _trim_content(text, m.end(), content.end)
    if e - b < 3:
        return None
    cue_e = m.start("cue") + len(m.group("cue").split()[0])
    ev = claim.evidence
    qtype = "direct" if _opens_quote(text, m.end()) else "indirect"
    cue = (m.start("cue"), cue_e)
    said = _build(text, resolver, m.span("src"), cue, "say", (b, e), ev.begin, ev.end, qtype)
    if said is not None:
        claim.content = said.content
        claim.quote_type = qtype
    return said


def _quotation_after_colon(text: str, claim: Claim) -> None:
    """ "The army said in a statement: “Our forces responded.”" quotes the army: the
    content is the quotation after the colon, not the phrase before it."""
    content = claim.content
    if content.begin < claim.cue.end or text[claim.cue.end : content.begin].strip():
        return
    lead = _BEFORE_COLON_QUOTE.match(text, content.begin, content.end)
    if lead is None:
        return
    b, e = _trim_content(text, lead.end(), content.end)
    if e - b < 3 or _has_quote_mark(text, b, e):
        return  # the quotation does not run to the content's end: more than a quotation
    claim.content = Span(b, e, text[b:e])
    claim.quote_type = "direct"


def _topic_into_cue(text: str, claim: Claim) -> None:
    """ "spoke of X", "complained about X": the preposition right after the verb is part of
    the cue, and what follows it is the content."""
    cue, content = claim.cue, claim.content
    if content.begin < cue.end or text[cue.end : content.begin].strip():
        return
    topic = _TOPIC_START.match(text, content.begin, content.end)
    if topic is None or len(text[topic.end() : content.end].split()) < 2:
        return
    day = re.match(r"on\s+" + WEEKDAY + r"\b\s*", text[content.begin : content.end])
    if day is not None:
        # "agreed on Thursday not to use force": "on" opens the day, not the topic
        b, e = _trim_content(text, content.begin + day.end(), content.end)
        claim.content = Span(b, e, text[b:e])
        return
    cue_e = content.begin + len(topic.group(1))
    claim.cue = Span(cue.begin, cue_e, text[cue.begin : cue_e])
    claim.content = Span(topic.end(), content.end, text[topic.end() : content.end])


#: where or through what something was said, right after the verb: "said in an interview
#: with CNN", "wrote in a post on X", "told a news conference in Beirut"
_SETTING_AFTER_CUE = re.compile(
    r"\s+(?:in|at|on|during|via|through)\s+(?:(?:an?|the|his|her|their|its|a\s+recent)\s+)?"
    r"(?:[\w’'-]+\s+){0,3}?(?:interview|statement|speech|briefing|(?:news|press)\s+conference|email|e-mail"
    r"|letter|post|tweet|video|message|op-ed|column|appearance|broadcast|address|hearing|rally|call)s?"
    r"(?:\s+(?:with|on|to)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*(?:['’]s\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?)?"
)


def _setting_into_cue(text: str, claim: Claim) -> None:
    """ "said in an interview with CNN that …": how or where it was said belongs with the
    verb that says it, not with what was said or who said it (as PolNeAR marks cues)."""
    cue, content = claim.cue, claim.content
    setting = _SETTING_AFTER_CUE.match(text, cue.end)
    if setting is None:
        return
    end = setting.end()
    if content.begin < end and cue.end <= content.begin:
        # "saying in a statement read on state television that its forces …": the content
        # starts after the "that" the setting leads to; otherwise the words are what was
        # said ("said in a statement" as its content)
        that = re.match(r"([^,.;:“”\"]{0,60}?)\s+that\s+", text[end : content.end])
        if that is None:
            return
        cb, end = end + that.end(), end + len(that.group(1))
        claim.content = Span(cb, content.end, text[cb : content.end])
    claim.cue = Span(cue.begin, end, text[cue.begin : end])


def _modifies_cue(tok: Token) -> bool:
    """An auxiliary, adverb or negation that belongs with the cue verb it precedes."""
    return (tok.dep_ in _CUE_MODIFIERS and tok.is_alpha) or tok.lower_ in {"n't", "not"}


def _verb_group(text: str, doc: Doc, cue: Span, source: Span | None = None) -> Span:
    """The cue verb with the auxiliaries and adverbs right before it that belong to it
    ("has also said", "did not deny") and a colon that introduces the content ("said:"):
    tense, modality and negation are part of how the source put it. Words of the source
    phrase stay out ("most said": the parse may call a quantifier subject an adverb)."""
    toks = doc.char_span(cue.begin, cue.end, alignment_mode="expand")
    if toks is None or not len(toks) or toks[0].pos_ not in {"VERB", "ADJ"}:
        return cue
    verb = toks[0]
    b, e = cue.begin, cue.end
    i = verb.i - 1
    src = (source.begin, source.end) if source is not None else (-1, -1)
    while True:
        while (
            i >= 0 and doc[i].head.i == verb.i and _modifies_cue(doc[i]) and not src[0] <= doc[i].idx < src[1]
        ):
            b = doc[i].idx
            i -= 1
        # "continued to call for", "went on to say", "refused to disclose": the verb of
        # aspect or attempt that governs the cue is part of how it was put
        head = verb.head
        to = doc[i] if i >= 0 else None
        if to is None or to.lower_ != "to" or to.head.i != verb.i or verb.dep_ != "xcomp":
            break
        j = to.i - 1
        if j >= 0 and doc[j].lower_ == "on" and doc[j].head.i == head.i:
            j -= 1  # "went on to"
        if j != head.i or head.lemma_.lower() not in _GOVERNING or src[0] <= head.idx < src[1]:
            break
        b, verb, i = head.idx, head, j - 1
    colon = re.match(r"\s*:", text[e : e + 3])
    if colon:
        e += colon.end()
    return cue if (b, e) == (cue.begin, cue.end) else Span(b, e, text[b:e])


# --- attributions read off the dependency parse -------------------------------------------
#
# The patterns above need a reporting verb in a fixed word order. The parse generalises them
# to any verb of speech, cognition, volition or evaluation (lexicon.STANCE_VERBS): the
# grammatical subject is the source and the verb's complement is the content, whatever
# the word order or the words in between. It runs after the surface patterns and only
# adds cues they did not take, so their tested readings stand.

_SUBJ_DEPS = {"nsubj"}
_CLAUSE_DEPS = {"ccomp", "xcomp"}
_RELATIVE = {"who", "that", "which", "whom"}
# a possessive or object pronoun is never a verb's subject ("his recently revealed plans")
_NOT_SUBJECTS = frozenset("his her its their our my your him them us me".split())
_NOT_SOURCES = {"this", "that", "there", "which", "what", "these", "those"}
_NOT_VERB_SOURCES = _NOT_SOURCES | _NOT_SUBJECTS
_TOPIC_CASES = {"about", "of", "on", "for", "against", "over"}
# verbs of saying whose object is the addressee and whose prepositional phrase is the venue
_SAYING = {"say", "tell", "inform", "remind", "assure", "notify"}
_TOPIC_START = re.compile(r"(" + "|".join(sorted(_TOPIC_CASES)) + r")\s+")


def _free_tokens(
    doc: Doc, sb: int, se: int, quotes: list[tuple[int, int]], claims: list[Claim]
) -> Iterator[Token]:
    """The sentence's tokens that may still open a claim: not a cue or source already
    taken, and not words inside a quotation (those are the quoted speech)."""
    span = doc.char_span(sb, se, alignment_mode="contract")
    if span is None:
        return
    taken = [(c.cue.begin, c.cue.end) for c in claims]
    taken += [(c.source_span.begin, c.source_span.end) for c in claims if c.source_span is not None]
    taken = [(b, e) for b, e in taken if b < se and e > sb]  # only this sentence's
    for tok in span:
        used = any(b <= tok.idx < e for b, e in taken)
        if not used and not any(qb < tok.idx < qe - 1 for qb, qe in quotes):
            yield tok


def _parse_claims(
    text: str, resolver: _Resolver, sb: int, se: int, quotes: list[tuple[int, int]], claims: list[Claim]
) -> list[Claim]:
    """Claims whose cue is a stance verb in the sentence the surface patterns left alone."""
    doc = resolver.doc
    if doc is None:
        return []
    heads = _participle_heads(doc, claims, sb, se)
    out: list[Claim] = []
    for tok in _free_tokens(doc, sb, se, quotes, claims):
        attitude = tok.lower_ in ATTITUDE_ADJECTIVES and (
            tok.pos_ == "ADJ" or (tok.pos_ == "VERB" and any(c.dep_ == "nsubj:pass" for c in tok.children))
        )
        stance = tok.pos_ == "VERB" and (_stance_lemma(tok) is not None or _takes_proposition(tok))
        if not attitude and not stance:
            continue
        if tok.i in heads or (tok.i and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_):
            continue  # a participle's own claim covers it; or a compound ("so-called")
        claim = (_adjective_claim if attitude else _parse_claim)(text, resolver, tok, sb, se, quotes)
        if claim is not None:
            out.append(claim)
    return out


def _adjective_claim(
    text: str, resolver: _Resolver, adj: Token, sb: int, se: int, quotes: list[tuple[int, int]]
) -> Claim | None:
    """ "X is worried that …", "Y was critical of …": a predicated attitude adjective
    reports its subject's view; its clause or the phrase after its preposition is the
    content, and the preposition joins the cue."""
    # only a predicated adjective has a subject ("the confident mayor" has none); a
    # participle of feeling has its experiencer as passive subject ("X was alarmed by Y")
    src = _dep_source(adj)
    experiencer = next((c for c in adj.children if c.dep_ == "nsubj:pass"), None)
    if src is None and experiencer is not None:
        src = _phrase(_title_start(experiencer), experiencer.right_edge, head=experiencer)
    if src is None:
        return None
    cue_e = adj.idx + len(adj)
    content = None
    for c in adj.rights:
        # "were frustrated that …": the parse may call the clause a subject
        that = c.dep_ == "csubj" and c.left_edge.lower_ == "that"
        if c.dep_ in _CLAUSE_DEPS or that:
            first = c.left_edge
            if first.lower_ == "that" and first.dep_ == "mark":
                first = first.doc[first.i + 1]
            content = _edges(first, c.right_edge)
            break
        case = next((k for k in c.children if k.dep_ == "case"), None)
        topic = case is not None and case.lower_ in _TOPIC_CASES | {"with", "at", "by", "to"}
        if c.dep_ in {"obl", "obl:agent"} and topic:
            if case.i == adj.i + 1:
                cue_e = case.idx + len(case)
            content = _edges(adj.doc[case.i + 1], c.right_edge)
            break
    if content is None:
        return None
    cb, ce = content
    if ce <= cb or (len(text[cb:ce].split()) < 2 and not _named_target(adj.doc, cb, ce)):
        return None
    phrase = text[src[0] : src[1]]
    if src[0] < ce and cb < src[1] or phrase.lower() in _NOT_VERB_SOURCES or not _looks_like_source(phrase):
        return None
    for qb, qe in quotes:
        if cb <= qb < ce and qe > ce:
            ce = qe
    return _build(text, resolver, src, (adj.idx, cue_e), adj.lower_, (cb, ce), sb, max(se, ce), "indirect")


def _noun_claims(
    text: str, resolver: _Resolver, sb: int, se: int, quotes: list[tuple[int, int]], claims: list[Claim]
) -> list[Claim]:
    """Claims carried by a noun of stance with its holder: "Trump's call for a ban",
    "their plan to cut taxes", "criticism of the deal from Democrats". The possessor (or
    the "by"/"from" phrase) is the source; a "that"/"to" clause or the topic phrase is the
    content. A noun with no holder ("the plan to build a wall") reports no one's view."""
    if resolver.doc is None:
        return []
    out: list[Claim] = []
    for tok in _free_tokens(resolver.doc, sb, se, quotes, claims):
        if tok.pos_ != "NOUN" or not {tok.lemma_.lower(), tok.lower_} & ATTITUDE_NOUNS:
            continue
        claim = _noun_claim(text, resolver, tok, sb, se)
        if claim is not None:
            out.append(claim)
    return out


def _holder(noun: Token) -> tuple[int, int] | None:
    """Who holds the attitude a noun names: its possessor, else a "by"/"from" phrase."""
    for c in noun.children:
        if c.dep_ == "nmod:poss":
            ends = [t for t in c.subtree if t.dep_ != "case" or t.head.i != c.i]
            return _phrase(c.left_edge, ends[-1] if ends else c, head=c)
    for c in noun.rights:
        if (
            c.dep_ == "nmod"
            and c.pos_ in {"PROPN", "NOUN", "PRON"}
            and any(k.dep_ == "case" and k.lower_ in {"by", "from"} for k in c.children)
        ):
            return _phrase(_after_case(c), c.right_edge, head=c)
    return None


# verbs that only carry the attitude noun they take as object: "raised concerns about",
# "voiced doubts that", "issued a warning to", "made the case that"
_LIGHT_VERBS = {
    "raise",
    "voice",
    "express",
    "issue",
    "make",
    "offer",
    "level",
    "lodge",
    "file",
    "sound",
    "air",
}


def _light_verb(noun: Token) -> Token | None:
    """The verb whose object an attitude noun is, when the verb only carries it."""
    head = noun.head
    if noun.dep_ != "obj" or head.pos_ != "VERB" or head.lemma_.lower() not in _LIGHT_VERBS:
        return None
    return head if any(c.dep_ == "nsubj" for c in head.children) else None


def _light_verb_as_modifier(noun: Token) -> Token | None:
    """ "Grossi expressed concern that …" parsed with "expressed" as an adjective of
    "concern", which then heads the clause and has the subject: the participle is the verb."""
    if not any(c.dep_ == "nsubj" for c in noun.children):
        return None
    return next(
        (
            c
            for c in noun.lefts
            if c.dep_ == "amod" and c.tag_ in {"VBD", "VBN"} and c.lemma_.lower() in _LIGHT_VERBS
        ),
        None,
    )


def _complete_clause(verb: Token) -> bool:
    """Whether a clause has a subject and an object or complement of its own (no gap)."""
    deps = {c.dep_ for c in verb.children if c.lower_ != "that"}
    return any(d.startswith("nsubj") for d in deps) and bool(deps & {"obj", "ccomp", "xcomp", "obl", "cop"})


def _noun_claim(text: str, resolver: _Resolver, noun: Token, sb: int, se: int) -> Claim | None:
    src = _holder(noun)
    cue_b = noun.idx
    light = _light_verb(noun) if src is None else None
    if light is not None:
        # "Republicans raised concerns about the plan": the verb's subject holds them
        src = _dep_source(light)
        cue_b = light.idx
    elif src is None and (misread := _light_verb_as_modifier(noun)) is not None:
        src = _dep_source(noun)
        cue_b = misread.idx
    if src is None:
        return None
    content = None
    cue_e = noun.idx + len(noun)
    for c in noun.rights:
        marks = {k.lower_ for k in c.children if k.dep_ in {"mark", "case"}}
        if c.dep_ == "acl:relcl" and c.left_edge.lower_ == "that" and _complete_clause(c):
            # "the point that the levy would hurt farmers" read as a relative clause: a
            # clause with its own subject and object is the noun's content, not a relative
            content = _edges(c.doc[c.left_edge.i + 1], c.right_edge)
            break
        if c.dep_ in {"acl", "ccomp"} and c.pos_ in {"VERB", "AUX", "ADJ", "NOUN"} and marks & {"to", "that"}:
            first = next(k for k in c.subtree if k.lower_ in {"to", "that"})
            if first.lower_ == "that":
                first = first.doc[first.i + 1]
            content = _edges(first, c.right_edge)
            break
        if c.dep_ == "nmod" and marks & _TOPIC_CASES and not marks & {"by", "from"}:
            case = next((k for k in c.children if k.dep_ == "case"), None)
            if case is None:
                continue
            if case.i == noun.i + 1:
                cue_e = case.idx + len(case)
            first = next((t for t in c.subtree if t.i > case.i), c)
            content = _edges(first, c.right_edge)
            break
    if content is None:
        return None
    cb, ce = content
    if ce <= cb or (len(text[cb:ce].split()) < 2 and not _named_target(noun.doc, cb, ce)):
        return None
    if src[0] < ce and cb < src[1]:
        return None
    if not _looks_like_source(text[src[0] : src[1]]) or text[src[0] : src[1]].lower() in _NOT_SOURCES:
        return None
    lemma = noun.lemma_.lower()
    return _build(text, resolver, src, (cue_b, cue_e), lemma, (cb, ce), sb, se, "indirect")


# verbs that report speech only with a clause of their own ("continued: …", "continued that")
_ASPECTUAL = {"continue"}
# verbs of aspect or attempt whose "to" complement is the cue: they join the cue
_GOVERNING = {"continue", "begin", "start", "go", "try", "attempt", "refuse", "decline", "seem", "appear"}
# verbs that report speech only before a quotation, a colon or "that" ("added that …"),
# not before an object ("added 160 security personnel", "continued the work")
# voice verbs report words only with the words quoted ("chanted “What curfew?”")
_VOICE = {"chant", "shout", "yell", "scream", "exclaim"}
_SPEECH_ONLY = {"add", "continue", "respond", "reply", "maintain", "observe"} | _VOICE
# what opens reported words after such a verb: a quotation, a colon or "that"
_WORDS_FOLLOW = re.compile(r"\s*(?:[:,]\s*)?(?:[“\"]|that\b)")
# verbs that state a stance only toward a topic phrase ("voted against", "pushed for")
_TOPIC_ONLY = {"vote", "push"}
# "made clear that …", "made plain that …": the adjective belongs to the cue
_MAKE_CLEAR = {"clear", "plain", "known"}

# verbs that take a finite clause without reporting anyone's view of it
_NON_ATTITUDE = set("make ensure mean be have get let help seem appear happen matter turn prove".split())


# prepositions that open what a stance says of its object ("blamed X for Y", "accused X of Y")
_SAID_OF = {"as", "for", "of", "over"}


def _case(tok: Token) -> str | None:
    """The preposition a phrase opens with ("as" in "as a trap"), lowercased."""
    return next((k.lower_ for k in tok.children if k.dep_ in {"case", "mark"} and k.i < tok.i), None)


def _made_clear(verb: Token) -> Token | None:
    """The "clear" of "made clear that …" (its that-clause, on either word, is the content)."""
    if verb.lemma_.lower() != "make":
        return None
    clear = next((c for c in verb.children if c.dep_ == "xcomp" and c.lower_ in _MAKE_CLEAR), None)
    clauses = [c for t in (verb, clear) if t is not None for c in t.children if c.dep_ == "ccomp"]
    return clear if clauses else None


def _takes_proposition(verb: Token) -> bool:
    """A verb with a subject and a finite "that"-clause after it is a verb of saying or
    thinking whatever its lemma ("X fumed that …", "Y reckons that …"): only
    propositional-attitude verbs select such a complement."""
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    if verb.lemma_.lower() in _NON_ATTITUDE:
        return _made_clear(verb) is not None
    for c in verb.rights:
        if c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return True
    return False


def _stance_lemma(tok: Token) -> str | None:
    """The stance verb a token is, by its form first (the parser's lemmatiser clips some:
    "rul", "blam"), else by its lemma."""
    lemma = STANCE_FORMS.get(tok.lower_) or tok.lemma_.lower()
    return lemma if lemma in STANCE_VERBS else None


def _participle_heads(doc: Doc, claims: list[Claim], sb: int, se: int) -> set[int]:
    """Verbs a claimed participle hangs from: in "denied the report, saying …" the claim
    is what "saying" carries; "denied the report" is the act it comments on."""
    heads: set[int] = set()
    for c in claims:
        if not sb <= c.cue.begin < se:
            continue
        cue = doc.char_span(c.cue.begin, c.cue.end, alignment_mode="expand")
        for t in cue or ():
            if t.dep_ in {"advcl", "xcomp", "conj"} and t.tag_ == "VBG":
                heads.add(t.head.i)
    return heads


def _parse_claim(
    text: str, resolver: _Resolver, verb: Token, sb: int, se: int, quotes: list[tuple[int, int]]
) -> Claim | None:
    src, content = _passive_agent(verb) or (_dep_source(verb), _dep_content(verb))
    refers = None
    relative = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in _RELATIVE), None)
    if relative is not None and verb.dep_.endswith("relcl") and src is not None:
        # "officials, who said …": the source is the relative pronoun, standing for them
        refers, src = src, (relative.idx, relative.idx + len(relative))
    if _stance_lemma(verb) in COGNITION_VERBS and not any(c.dep_ in _CLAUSE_DEPS for c in verb.children):
        return None  # "knew the hoodlums", "maintains a wide lead": no view is reported
    if _stance_lemma(verb) in _ASPECTUAL and not any(c.dep_ == "ccomp" for c in verb.children):
        return None  # "will continue applying pressure": an aspect, not a view
    predicated = any(c.dep_ == "obl" and _case(c) == "as" for c in verb.children)
    if _stance_lemma(verb) == "see" and not predicated and not any(c.dep_ == "ccomp" for c in verb.children):
        return None  # "saw the video" is perception; "sees the plan as a trap" is a view
    if src is None and content is not None and not any(c.dep_.startswith("nsubj") for c in verb.children):
        # the parse lost the subject (a paragraph break taken for it): read the words before
        # the verb back to a clause boundary, as the surface patterns do
        src = _source_before(text, sb, verb.idx, resolver.doc)
        if src is not None and (len(text[src[0] : src[1]].split()) > 8 or not _verbless(resolver.doc, *src)):
            src = None
    if src is None or content is None or _time_phrase(verb.doc, *src):
        return None  # no source, no content, or a date the parse made the subject
    if _other_sense(_stance_lemma(verb), text, verb.idx + len(verb), se):
        return None
    if _agenda(verb):
        return None  # "met X in Geneva to discuss the talks": what a meeting is for, not a view
    if verb.lower_ == "talks" and _meeting_noun_in_headline(text[sb : verb.idx], text[verb.idx + 5 : se]):
        return None  # "Gaza truce talks resume in Cairo": the meeting, not a verb of saying
    if _stance_lemma(verb) in _COMBAT_VERBS and _combat_sense(verb, resolver.mentions):
        return None  # "Russian forces attacked the city": an act of war, not a view
    if _stance_lemma(verb) in _VOICE and not _has_quote_mark(text, *content):
        return None  # "shouted at the officers for an hour": no words reported
    # a phrase the parse runs over a sentence break is cut at it ("Headline\n\nTrump wants")
    src = _strip(text, max(src[0], sb), min(src[1], se))
    content = _strip(text, max(content[0], sb), min(content[1], se))
    sb_, se_ = src
    cb, ce = content
    if se_ <= sb_ or ce <= cb or sb_ < ce and cb < se_:
        return None  # nothing left in the sentence, or the source sits in the content
    phrase = text[sb_:se_]
    # an active stance verb's "it" refers (to a paper, a report, a letter); the expletive "it"
    # of "it is said" is a passive subject and never gets here
    plain = phrase.lower() not in _NOT_VERB_SOURCES and (phrase.lower() == "it" or _looks_like_source(phrase))
    if refers is None and not plain:
        return None
    part = _PARTICIPLE_AFTER.search(text, cb, ce)  # "…, saying …" opens a claim of its own
    if part:
        ce = _strip(text, cb, part.start(), ",;:-—–")[1]
    for qb, qe in quotes:  # a quotation that opens in the content runs to its closing mark
        if cb <= qb < ce and qe > ce:
            ce = qe
    if len(text[cb:ce].split()) < 2 and not _named_target(verb.doc, cb, ce):
        return None
    cue_e = verb.idx + len(verb)
    prt = next((c for c in verb.children if c.dep_ == "compound:prt" and c.i == verb.i + 1), None)
    if prt is not None:
        cue_e = prt.idx + len(prt)
    clear = _made_clear(verb)
    if clear is not None:
        cue_e = clear.idx + len(clear)
    inner = [q for q in quotes if cb <= q[0] and q[1] <= ce + 1]
    qtype = "direct" if text[cb] in _OPEN and text[ce - 1] in _CLOSE else "mixed" if inner else "indirect"
    lemma = (_stance_lemma(verb) or verb.lemma_.lower()) + (" " + prt.text.lower() if prt is not None else "")
    return _build(text, resolver, src, (verb.idx, cue_e), lemma, (cb, ce), sb, max(se, ce), qtype, refers)


_LEAD_WORDS = {"but", "and", "or", "so", "then", "yet", "though", "although", "while", "because", "also"}


def _named_target(doc: Doc, b: int, e: int) -> bool:
    """A one-word content is a view only when it names someone: "Cruz endorsed Trump",
    "Trump attacked Machado"; a lone common noun or pronoun ("said it") is not."""
    span = doc.char_span(b, e, alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].pos_ == "PROPN" and not _when(span[0])


_WHEN_WORDS = set(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december today yesterday tomorrow tonight""".split()
)


_TIME_FILLERS = {"last", "this", "next", "earlier", "later", "early", "late", "on", "in", "at", "the", "of"}


def _past_time_lead(text: str, doc: Doc | None, cb: int, ce: int) -> int:
    """Where the content starts past a time phrase that belongs to the reporting clause
    ("As the Times reported last week, the ministry …": "last week" dates the report)."""
    m = re.match(r"([^,;“”\"]{2,40}),\s+", text[cb:ce])
    return cb + m.end() if m and _time_phrase(doc, cb, cb + m.end(1)) else cb


def _without_time(text: str, doc: Doc | None, src: tuple[int, int]) -> tuple[int, int]:
    """A source phrase without the time phrase at its end ("Iran on Monday | rejected"):
    it dates the claim, it does not name who made it."""
    for m in TIME.finditer(text, src[0], src[1]):
        if m.start() == src[0] or text[m.end() : src[1]].strip(" ,") or "," in text[src[0] : m.start()]:
            continue  # not at the end, or inside an appositive or relative clause
        if m.group()[0].isupper() and m.group().split()[0] in {"Today", "Tonight", "Yesterday", "Tomorrow"}:
            continue  # "USA Today"
        head = re.search(r"(\S+)\s+(?:(?:in|on)\s+)?$", text[src[0] : m.start()])
        prev = _token_at(doc, src[0] + head.start(1), src[0] + head.end(1)) if head else None
        tag = head is not None and head.group(1).endswith(")")
        if prev is not None and prev.pos_ not in {"NOUN", "PROPN", "PRON"} and not tag:
            continue  # "a poll released Friday" dates the poll; "Jo Doe (R-Iowa) on Friday" does not
        end = src[0] + head.end(1) if head is not None else m.start()
        return _strip(text, src[0], end)  # and a preposition left before it ("a poll in | Wednesday")
    return src


def _past_time_after_cue(text: str, doc: Doc | None, cb: int, ce: int) -> int:
    """Where the content starts past a time phrase right after the cue ("said on Sunday
    it had …"), when a clause follows it ("said Tuesday was the deadline" keeps it)."""
    m = TIME.match(text, cb, ce)
    if m is None or not re.match(r"\s+(?![\w-]*['’]s\b)", text[m.end() : ce]):
        return cb  # "said Monday's attack …", "statement of Thursday night's debate"
    nxt = _token_at(doc, m.end() + 1, ce)
    if nxt is not None and nxt.pos_ not in {"PRON", "DET", "PROPN", "NOUN", "SCONJ", "NUM", "ADJ"}:
        return cb  # "said Tuesday was the deadline"; "said Thursday during a taping …"
    rest = re.match(r"\s+(?:that\s+)?", text[m.end() : ce])
    b = m.end() + rest.end()
    return b if len(text[b:ce].split()) >= 3 else cb


def _time_phrase(doc: Doc | None, b: int, e: int) -> bool:
    """Whether a phrase only says when ("last week", "Earlier Tuesday", "on Friday")."""
    toks = doc.char_span(b, e, alignment_mode="contract") if doc is not None else None
    if toks is None or not len(toks) or not any(_when(t) for t in toks):
        return False
    return all(_when(t) or t.lower_ in _TIME_FILLERS or t.like_num for t in toks)


def _when(tok: Token) -> bool:
    """Whether a phrase head says when (a date, a weekday, "the last month"), not what."""
    return (
        tok.ent_type_ in {"DATE", "TIME"}
        or tok.lower_.rstrip(".") in _WHEN_WORDS
        or tok.lower_
        in {
            "month",
            "week",
            "year",
            "day",
            "night",
            "morning",
            "evening",
            "afternoon",
        }
    )


_TITLE_DEPS = {"dep", "compound", "amod", "nmod:desc", "flat", "det"}


def _title_dep(tok: Token) -> bool:
    # a name is never a subordinator: "U.N." made the "mark" of "said" in "U.N. envoy Jo
    # Doe said" is the start of the title
    return tok.dep_ in _TITLE_DEPS or (tok.pos_ == "PROPN" and tok.dep_ in {"mark", "advmod"})


def _title_start(subj: Token) -> Token:
    """Where a subject phrase starts, with the title or description before a name that
    the parser hung off the verb instead ("Republican nominee Donald Trump said": the
    tree makes "nominee" a dependent of "said")."""
    office = _office_before_for(subj.head, subj)
    if office is not None:
        return office.left_edge
    first = subj.left_edge
    doc = subj.doc
    if first.pos_ == "ADP" and first.i < subj.i:
        # 'On "Face the Nation," Sen. Jo Doe said': a fronted setting the parse glued to the
        # subject ends at its comma
        comma = max((t.i for t in doc[first.i : subj.i] if t.text == ","), default=None)
        if comma is not None:
            first = next((t for t in doc[comma + 1 : subj.i + 1] if not t.is_punct), subj)
    i = first.i - 1
    while i >= 0 and doc[i].pos_ in {"ADJ", "NOUN", "PROPN", "DET"} and _title_dep(doc[i]):
        if doc[i].head.i != subj.head.i and not first.i <= doc[i].head.i <= subj.right_edge.i:
            break
        first = doc[i]
        i -= 1
    return first


# adverbs that belong to the phrase they quantify ("nearly eight of 10", "not everyone")
_PHRASE_ADVERBS = {"not", "only", "nearly", "almost", "roughly", "just", "far", "about", "some", "fully"}


def _phrase(first: Token, last: Token, head: Token) -> tuple[int, int]:
    """Character span of a noun phrase from the parse: without a conjunction the clause
    opens with ("but the council") or trailing punctuation, but keeping the closing
    bracket of a tag inside it ("Sen. Jane Doe (D-Ore.)")."""
    doc = head.doc
    i, j = first.i, last.i
    while i < head.i and (
        doc[i].lower_ in _LEAD_WORDS
        or doc[i].pos_ in {"PUNCT", "INTJ", "SPACE"}
        or (doc[i].pos_ == "ADV" and doc[i].lower_ not in _PHRASE_ADVERBS)
    ):
        i += 1
    while j > head.i and doc[j].pos_ in {"PUNCT", "SPACE"}:
        if doc[j].text == ")" and "(" in doc[i:j].text:
            break
        j -= 1
    return doc[i].idx, doc[j].idx + len(doc[j])


#: verbs of getting to see a document: "a report seen by Reuters" says nothing of Reuters' view
_PERCEPTION = frozenset({"see", "obtain", "review", "read", "hear", "watch"})


def _passive_agent(verb: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "Y was endorsed by X": X is the source and Y what the stance is about."""
    agent = next((c for c in verb.children if c.dep_ == "obl:agent"), None)
    patient = next((c for c in verb.children if c.dep_ == "nsubj:pass"), None)
    if agent is not None and patient is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        # "the ceasefire announced by Russia": the participle modifies what was announced;
        # "a report seen by Reuters" was only read ("a move seen by Kyiv as …" is a view)
        if verb.lemma_.lower() in _PERCEPTION and not any(c.lower_ == "as" for c in verb.subtree):
            return None
        head = verb.head
        if head.pos_ in {"NOUN", "PROPN"} and head.i < verb.i:
            return _agent_phrase(agent), _phrase(_after_case(head), head, head=head)
    if agent is None or patient is None:
        return None
    about = _phrase(patient.left_edge, patient.right_edge, head=patient)
    return _agent_phrase(agent), about


def _after_case(tok: Token) -> Token:
    """The first word of a phrase past its own preposition ("the council" of "by the council")."""
    return next((t for t in tok.subtree if t.dep_ != "case" or t.head.i != tok.i), tok)


def _agent_phrase(agent: Token) -> tuple[int, int]:
    """The "by" phrase of a passive without its preposition, and without a date after it."""
    first = _after_case(agent)
    last = agent
    for c in agent.rights:  # "by the council on Tuesday": the date is when, not who
        when = c.ent_type_ in {"DATE", "TIME"} or any(
            k.dep_ == "case" and k.lower_ in {"on", "in", "at", "during", "after", "before", "since"}
            for k in c.children
        )
        if not when:
            last = c.right_edge
    return _phrase(first, last, head=agent)


def _edges(first: Token, last: Token) -> tuple[int, int]:
    """Character span from one token to another, without punctuation at either end."""
    doc = first.doc
    i, j = first.i, last.i
    while i < j and (doc[i].is_punct and _word(doc[i]) not in _OPEN):
        i += 1
    while j > i and (doc[j].is_punct and _word(doc[j]) not in _CLOSE):
        j -= 1
    return doc[i].idx, doc[j].idx + len(doc[j])


def _dep_source(verb: Token, depth: int = 0) -> tuple[int, int] | None:
    """The verb's subject phrase; a relative pronoun stands for the noun it modifies, and a
    subjectless participle or coordinated verb shares its head's subject."""
    subj = next((c for c in verb.children if c.dep_ in _SUBJ_DEPS and not c.is_space), None)
    if subj is not None and _after_preposition(subj):
        subj = None  # "a statement on Radio Niger saying": a phrase after a preposition is no subject
    if subj is not None:
        if subj.lower_ in _RELATIVE and verb.dep_.endswith("relcl"):
            return _antecedent(verb.doc, (subj.idx, subj.idx + len(subj)))
        if subj.pos_ == "PRON" and subj.lower_ in {"nobody", "something", "nothing", "anything"}:
            return None  # no one in particular
        if subj.pos_ in {"ADP", "SCONJ", "CCONJ", "ADV", "VERB", "AUX", "PART", "PUNCT"}:
            return None  # "In", "Though": a misparse, not a phrase naming anyone
        b, e = _subject_phrase(subj)
        return b, _subject_end(subj, [c for c in verb.children if c.dep_ in _SUBJ_DEPS], verb, e)
    head = verb.head
    if depth >= 2 or head.i >= verb.i:
        return None
    named = _hung_on_name(verb)
    if named is not None:
        return named
    anchor = _appositive_anchor(verb)
    if anchor is not None:
        b, _ = _phrase(_title_start(anchor), anchor, head=anchor)
        last = verb.doc[verb.i - 2]
        return b, last.idx + len(last)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in {"NOUN", "PROPN"}:
        author = _message_author(head)
        if author is not None:
            return author  # "the council issued a statement calling …": the council's words
        last = max(
            [head] + [c for c in head.rights if c.dep_ in {"flat", "compound"} and c.i < verb.i],
            key=lambda t: t.i,
        )
        return _phrase(head.left_edge, last, head=head)  # "footage of Clinton asking, …"
    infinitive = any(c.dep_ == "mark" and c.lower_ == "to" for c in verb.children)
    if head.pos_ not in {"VERB", "AUX"}:
        return None
    if verb.dep_ == "xcomp" and depth == 0:
        # object control: "forced Stumpf to admit …", "urged voters to reject …"; not for a
        # participle's head ("not allowing Muslims to enter …, citing a poll": no Muslims cite)
        ctrl = next((c for c in head.children if c.dep_ in {"obj", "iobj"} and c.i < verb.i), None)
        if ctrl is not None and ctrl.pos_ in {"PROPN", "NOUN", "PRON"}:
            return _phrase(ctrl.left_edge, ctrl.right_edge, head=ctrl)
    if verb.dep_ == "conj" and verb.tag_ in {"VBD", "VBZ"} and head.tag_ == "VB":
        # "said the deliveries would only prolong the conflict and warned that …": a past or
        # third-person verb cannot be coordinated with a base form after "would"; it is the
        # reporting verb's conjunct, whatever the parse says (VBP is left out: the tagger
        # gives it to coordinated base forms)
        outer = next((a for a in head.ancestors if a.tag_ == verb.tag_ and a.pos_ == "VERB"), None)
        if outer is not None:
            return _dep_source(outer, depth + 1)
    if verb.dep_ in {"conj", "xcomp"} or (verb.dep_ == "advcl" and (verb.tag_ == "VBG" or infinitive)):
        return _dep_source(head, depth + 1)
    return None


def _office_before_for(verb: Token, subj: Token) -> Token | None:
    """ "A spokesman for the ministry said": the parse may read "for the ministry said …"
    as a "for X to do" clause hung on "spokesman"; the speaker is then the noun before
    "for", and the source phrase runs from it."""
    mark = next(
        (c for c in verb.children if c.dep_ == "mark" and c.lower_ == "for" and c.i < subj.left_edge.i), None
    )
    head = verb.head
    if mark is None or verb.dep_ not in {"acl", "acl:relcl"} or head.i != mark.i - 1 or head.pos_ != "NOUN":
        return None
    return head


def _appositive_anchor(verb: Token) -> Token | None:
    """ "Jo Doe, a lawyer for the city, called the ruling a disgrace": the parse reads the
    verb after the appositive's closing comma as a participle on it ("a lawyer ... called
    X"); a verb there with an object of its own is the sentence's, and its subject is the
    name the appositive describes."""
    head = verb.head
    doc = verb.doc
    if verb.dep_ != "acl" or verb.tag_ not in {"VBD", "VBN"} or head.dep_ != "appos" or verb.i < 2:
        return None
    if doc[verb.i - 1].text != "," or head.head.i >= head.i or head.head.pos_ not in {"PROPN", "NOUN"}:
        return None
    if not any(c.dep_ in {"obj", "ccomp", "xcomp"} for c in verb.children):
        return None  # "Jo Doe, a lawyer, born in Ohio": a description after all
    return head.head


#: what someone issues, sends or posts: a participle after it ("a letter urging …") reports
#: the words of whoever issued it, not of the paper itself
_MESSAGES = {
    "statement",
    "letter",
    "paper",
    "tweet",
    "message",
    "post",
    "email",
    "e-mail",
    "memo",
    "note",
    "release",
    "ad",
    "advertisement",
    "video",
    "op-ed",
    "column",
    "editorial",
    "resolution",
    "petition",
    "motion",
    "filing",
    "brief",
    "series",
    "string",
    "flurry",
}


def _message_author(noun: Token) -> tuple[int, int] | None:
    """Who issued the message a noun names: the subject of the verb it is the object of
    ("X issued a statement", "X unleashed a series of tweets", "X sent a letter to Y")."""
    if noun.lemma_.lower() not in _MESSAGES and noun.lower_ not in _MESSAGES:
        return None
    verb = noun.head
    if noun.dep_ not in {"obj", "iobj"} or verb.pos_ != "VERB":
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < noun.i), None)
    if subj is None:
        return _hung_on_name(verb)
    if subj.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return None
    if subj.lower_ in _RELATIVE:
        return _antecedent(noun.doc, (subj.idx, subj.idx + len(subj)))
    return _phrase(_title_start(subj), subj.right_edge, head=subj)


def _after_preposition(subj: Token) -> bool:
    """Whether the subject the parse gave a verb follows a preposition that it hung on
    that verb ("a statement on Radio Niger saying"): a phrase after a preposition is no
    subject."""
    first = subj.left_edge
    if first.i == 0:
        return False
    prev = subj.doc[first.i - 1]
    return prev.tag_ == "IN" and prev.dep_ == "case" and prev.head == subj.head


def _hung_on_name(verb: Token) -> tuple[int, int] | None:
    """ "The spokesman, Colonel Amadou Abdramane, read a statement …": a subjectless verb
    the parse hung on the name before it (as a parenthetical) has that name for subject."""
    name = verb.head
    if verb.dep_ != "parataxis" or name.pos_ != "PROPN" or name.i > verb.i or name.sent.start == 0:
        return None  # (a headline's parse is too rough to trust this far)
    doc = name.doc
    if "," not in {doc[verb.left_edge.i - 1].text, verb.left_edge.text}:
        return None  # set off by a comma, as a parenthetical would be
    last = max(
        [name]
        + [
            c.right_edge
            for c in name.rights
            if c.i < verb.i and not c.left_edge.is_punct and not doc[c.left_edge.i - 1].is_punct
        ],
        key=lambda t: t.i,
    )
    first = _title_start(name)
    # not back over a dateline ("New York (AFP) – Oscar-winning actress Susan Sarandon")
    cut = [t for t in doc[first.i : name.i] if t.tag_ in {"-LRB-", "-RRB-", ":", ",", "``", "''"}]
    return _phrase(doc[cut[-1].i + 1] if cut else first, last, head=name)


def _dep_content(verb: Token) -> tuple[int, int] | None:
    """What the verb reports: its clausal complement, else its object (with a predicate:
    "called the plan a disaster"), else a topic phrase ("spoke about the economy")."""
    right = list(verb.rights)
    clause = [c for c in right if c.dep_ in _CLAUSE_DEPS]
    # "told The Huffington Post", "said on Fox News": whom and where, not what
    phrasal = _stance_lemma(verb) not in _SAYING
    obj = [c for c in right if c.dep_ in {"obj", "iobj"}] if phrasal else []
    if _stance_lemma(verb) in _TOPIC_ONLY:
        clause, obj = [], []  # "voted against the bill", not "pushed the cart"
    clear = _made_clear(verb)
    if clause and clear is not None and clause[0].i == clear.i:
        clause = clause[1:] or [c for c in clear.children if c.dep_ == "ccomp"]
    if clause:
        first = clause[0]
        if obj and obj[0].i < first.i and (clause[0].dep_ == "xcomp" or first.left_edge.lower_ == "as"):
            first = obj[0]  # "called the charges unsubstantiated", "sees the levy as a tax"
        b, e = _edges(first.left_edge, clause[-1].right_edge)
    elif obj:
        # "sees the program as a way in", "attacked Clinton for her vote", "accused the
        # audience of bias": the phrase after the object is what is said of it
        pred = [c for c in right if c.dep_ in {"obl", "advcl"} and c.i > obj[-1].i and _case(c) in _SAID_OF]
        if not pred and verb.lemma_.lower() == "call":
            # "called the shootings … and the unrest that followed a moment similar to …": the
            # parse lost the predicate inside a long object; what follows it all is said of it
            pred = [
                c
                for c in right
                if c.i > obj[-1].i and c.dep_ in {"obl", "obl:unmarked", "xcomp", "obj"} and not _when(c)
            ][-1:]
        b, e = _edges(obj[0].left_edge, (pred[0] if pred else obj[-1]).right_edge)
    else:
        # "voted for", "pushed against": a stance; "voted on the budget" is only an act
        cases = {"for", "against"} if _stance_lemma(verb) in _TOPIC_ONLY else _TOPIC_CASES
        topic = [
            c
            for c in right
            if phrasal
            and c.dep_ == "obl"
            and any(k.dep_ == "case" and k.lower_ in cases for k in c.children)
            and not _when(c)  # "decided over the last month", "made the request on Jan. 23"
            and c.lower_ != "condition"  # "speaking on condition of anonymity"
        ]
        if topic:
            b, e = _edges(topic[0].left_edge, topic[0].right_edge)
        else:
            fronted = _fronted_content(verb)
            if fronted is None:
                return None
            b, e = fronted
    mark = re.match(r"that\s+", _text(verb.doc)[b:e])
    if mark:
        b += mark.end()
    return b, e


def _fronted_content(verb: Token) -> tuple[int, int] | None:
    """Content put before a verb with nothing after it: "Q, the source added" parses as a
    clausal complement on the left, or as the verb hanging off Q's clause (parataxis)."""
    left = [c for c in verb.lefts if c.dep_ == "ccomp"]
    if left:
        return _edges(left[0].left_edge, left[-1].right_edge)
    head = verb.head
    if verb.dep_ == "parataxis" and head.i < verb.i:
        last = verb.left_edge.i - 1
        if last > head.left_edge.i:
            return _edges(head.left_edge, head.doc[last])
    return None


# "The Times reports:" / "Sanders made the following comment:" closing a paragraph
_LEAD_IN = re.compile(r"(?P<cue>\w+)(?:\s+the\s+following(?:\s+\w+)?)?\s*:\s*$")


def _lead_in(text: str, prev: Paragraph, para: Paragraph, resolver: _Resolver) -> Claim | None:
    """A paragraph that ends "SOURCE said:" introduces the next paragraph as what was said
    (block quotes, transcripts); the cue runs from the verb to the colon."""
    sb, se = prev.sentences[-1]
    m = _LEAD_IN.search(text, sb, se)
    form = m.group("cue").lower() if m else ""
    lemma = CUE_FORMS.get(form) or STANCE_FORMS.get(form)
    if m is None or lemma is None:
        return None
    cue_b = m.start("cue")
    cue_e = m.start() + len(m.group().rstrip())
    src = _parse_subject(resolver.doc, sb, cue_b, m.end("cue"))
    src = src or _source_before(text, sb, cue_b, resolver.doc)
    b, e = _strip(text, para.begin, para.end, "")
    if src is None or not _looks_like_source(text[src[0] : src[1]]) or len(text[b:e].split()) < 3:
        return None
    qtype = "direct" if _opens_quote(text, b) else "indirect"
    return _build(text, resolver, src, (cue_b, cue_e), lemma, (b, e), sb, e, qtype)


def _is_headline(line: str) -> bool:
    """Whether a first paragraph reads as a headline: title case, or one short line (a
    sentence-case headline, "Union endorses Ruiz for mayor"), rather than a lead paragraph."""
    words = re.findall(r"[\w’'-]+", line)
    title_case = sum(w[:1].isupper() for w in words) >= 0.7 * len(words)
    return title_case or (len(words) <= 20 and "\n" not in line.strip())


def _headline(text: str, para: Paragraph, resolver: _Resolver) -> Claim | None:
    """A headline in the news register: "Senator Urges Calm After Storm", "Storm damage
    is worse than feared, mayor says". The tagger cannot be trusted on headlines, so the
    first word that is a present or base form of a cue verb is the cue."""
    line = text[para.begin : para.end]
    words = list(re.finditer(r"[\w’'-]+", line))
    if len(words) < 4 or not _is_headline(line):
        return None
    colon = re.match(r"[^:]{1,40}:\s+", line)
    start = colon.end() if colon else 0
    # "Houthis attack ship in Red Sea, US military says": the credit at the end is the cue,
    # not a verb of the news it credits
    credit = _HEADLINE_CREDIT.search(line)
    for w in words:
        form = w.group().lower()
        lemma = CUE_FORMS.get(form) or STANCE_FORMS.get(form)
        if credit is not None and w.start() < credit.start("cue"):
            continue
        if w.start() <= start or lemma is None or form.endswith(("ed", "ing")) or form in {"said", "told"}:
            continue
        prev = line[start : w.start()].split()
        if not form.endswith("s") and not (prev and prev[-1].lower().endswith("s")):
            continue  # a base form only after a plural ("Lawmakers Rip"), else a noun ("Terror Suspect")
        if form in _MEETING_NOUNS and _meeting_noun_in_headline(line[start : w.start()], line[w.end() :]):
            return None
        before = (para.begin + start, para.begin + w.start())
        after = _strip(text, para.begin + w.end(), para.end, ".,;:")
        if after[1] - after[0] < 2:  # "Y, X Says."
            comma = text.rfind(",", *before)
            if comma < 0:
                return None
            src, content = _strip(text, comma + 1, before[1]), (before[0], comma)
        else:
            src, content = _strip(text, *before), after
        if not 1 <= len(text[src[0] : src[1]].split()) <= 6 or "," in text[src[0] : src[1]]:
            return None
        if len(text[content[0] : content[1]].split()) < 2:
            return None
        cue = (para.begin + w.start(), para.begin + w.end())
        return _build(text, resolver, src, cue, lemma, content, para.begin, para.end, "indirect")
    return None


#: ", X says" closing a headline
_HEADLINE_CREDIT = re.compile(
    r",\s+[^,]{2,60}?\s+(?P<cue>says|say|reports|claims|tells|warns)\s*\.?\s*$", re.I
)
#: what a headline does with talks: "Kyiv, Moscow Hold Peace Talks In Istanbul"
_TALKS_BEFORE = frozenset("peace ceasefire truce direct indirect fresh new nuclear trade border".split())
_TALKS_AFTER = frozenset("in at with on amid after over as for between to stall resume".split())


def _meeting_noun_in_headline(before: str, after: str) -> bool:
    """ "Azerbaijan and Armenia hold peace talks in Berlin": "talks" is the meeting, not a
    cue verb, when a modifier or a verb precedes it or a place or party follows it; the
    tagger cannot tell on headlines. "Biden talks economy", "talks up" stay cues."""
    prev = before.split()[-1:]
    nxt = after.split()[:1]
    if prev and (prev[0].lower() in _TALKS_BEFORE or prev[0].lower() in _MEETING_VERB_FORMS):
        return True
    return bool(nxt) and nxt[0].lower() in _TALKS_AFTER


#: verb forms that take talks as their object in a headline
_MEETING_VERB_FORMS = {
    f + s
    for f in ("hold", "resume", "open", "join", "host", "start", "begin", "end", "enter", "seek")
    for s in ("", "s")
} | {"held", "holding", "hosting", "resumed"}


# lowercase words that end a group's name before a colon ("Clinton camp: …")
_GROUP_TAILS = ("camp", "campaign", "aides", "aide", "officials", "official", "spokesman", "spokeswoman")
# "Pat Caddell: Democrat voters worried …" (headlines), "WALLACE: Let's start …" (transcripts)
_COLON = re.compile(
    r"[ \t]*[\"“]?(?P<src>(?:Mr\.|Mrs\.|Ms\.|Dr\.|Sen\.|Gov\.)?\s*"
    r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}(?:[ \t]+(?:" + "|".join(_GROUP_TAILS) + "))?)"
    r":[ \t]+(?P<content>\S[^\n]*)"
)
_NOT_SPEAKERS = {
    "wow",
    "boom",
    "busted",
    "whoa",
    "update",
    "note",
    "photo",
    "watch",
    "video",
    "related",
    "source",
    "sources",
    "exclusive",
    "breaking",
    "editor's note",
    "read more",
    "live",
    "analysis",
    "opinion",
    "q",
    "a",
    "question",
    "answer",
    "warning",
    "correction",
    "disclosure",
    "credit",
    "image",
    "listen",
    "more",
    "also",
    "see also",
    "by",
    "tags",
    "topics",
    "clarification",
}


# what after a cue verb makes it a verb of something else: a dateline credit, a particle
_NOT_REPORTING = {
    "report": r"\s+from\b",
    "show": r"\s+up\b",
    "write": r"\s+from\b",
    # "calling into question", "called off the talks", "called up reservists"
    "call": r"\s+(?:into|in|off|up|back)\b",
    # "who asked not to be named", "asked for anonymity": the terms of speaking, not words
    "ask": r"\s+(?:not\s+to\s+be\s+(?:named|identified|quoted)|for\s+anonymity)\b",
}


#: verbs that, as an infinitive of purpose, name a meeting's agenda ("met … to discuss …")
_AGENDA_VERBS = {"discuss", "talk", "speak", "review", "address"}
#: what one does to discuss something at: meet, travel, gather, hold talks
_MEETING_LEMMAS = {"meet", "travel", "visit", "gather", "convene", "arrive", "fly", "host", "hold", "summon"}
_MEETING_NOUNS = {"meeting", "talks", "summit", "conference", "session", "visit", "trip"}


def _agenda(verb: Token) -> bool:
    """ "Met Pedersen in Geneva to discuss the talks", "a meeting to discuss the budget": an
    infinitive that says what a meeting is for; "appeared on Fox to discuss polls" is
    still a view, as PolNeAR marks it."""
    if _stance_lemma(verb) not in _AGENDA_VERBS or not any(
        c.dep_ == "mark" and c.lower_ == "to" for c in verb.children
    ):
        return False
    head = verb.head
    return head.lemma_.lower() in _MEETING_LEMMAS or head.lower_ in _MEETING_NOUNS


#: Verbs of criticism that are also verbs of combat: "Trump attacked Clinton over her
#: emails" is a view, "gunmen attacked a checkpoint" is not.
_COMBAT_VERBS = {"attack", "hit", "target", "strike", "hammer", "blast", "slam", "bash", "rip", "fire"}
#: who fights and what is fought over: a subject or an object headed by one of these makes
#: the verb an act of war
_ARMED_NOUNS = set(
    """force troop army military militant gunman gunmen fighter rebel insurgent soldier jet
    warplane drone aircraft plane helicopter militia police navy artillery tank missile rocket
    bomber sniper attacker assailant jihadist guerrilla paramilitary""".split()
)
_TARGET_NOUNS = set(
    """city town village base station convoy ship vessel tanker boat checkpoint position target
    camp hospital school airport embassy building headquarters facility plant pipeline port
    post patrol area neighborhood neighbourhood district outpost depot compound bridge road
    refinery barracks site infrastructure territory border capital residence palace mosque
    church market""".split()
)


def _combat_sense(verb: Token, mentions: list[Mention]) -> bool:
    """Whether a verb like "attack" is an act of war here: an armed subject (by its noun or
    a known armed group) or a place or a physical target as its object."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in verb.children if c.dep_ == "obj"), None)
    if subj is not None:
        if subj.lemma_.lower() in _ARMED_NOUNS or subj.lower_ in _ARMED_NOUNS:
            return True
        if mention_at(mentions, subj.idx, {"ArmedGroup"}) is not None:
            return True
    if obj is not None:
        if obj.lemma_.lower() in _TARGET_NOUNS or obj.ent_type_ in {"GPE", "LOC"}:
            return True
        if mention_at(mentions, obj.idx, {"City", "Place"}) is not None:
            return True
    return False


def _other_sense(lemma: str | None, text: str, cue_e: int, end: int) -> bool:
    """Whether the words after a cue verb make it another verb ("reported from Cairo",
    "showed up"): then it reports nothing."""
    pattern = _NOT_REPORTING.get(lemma or "")
    return pattern is not None and re.match(pattern, text[cue_e:end]) is not None


def _names_an_actor(doc: Doc | None, b: int, e: int) -> bool:
    """Whether a line's lead-in before a colon is someone: one word (a transcript's
    "WALLACE", "Brooks", "Insiders", "Poll") but not a place ("Iowa: …" heads a list), or
    a phrase the entity recogniser finds a person, group or place in."""
    toks = doc.char_span(b, e, alignment_mode="expand") if doc is not None else None
    if toks is None:
        return True
    words = [t for t in toks if t.is_alpha]
    if len(words) == 1:
        w = words[0]
        # "Iran: US responsible for attack" is the state speaking; "Iowa: …" heads a list
        entry = load_gazetteer().lookup(w.text)
        return w.ent_type_ not in {"LOC", "GPE"} or (entry is not None and entry.kind == "Country")
    if not words:
        return True
    # "NY Daily News: …", "Clinton campaign: …": an outlet or a group by its last word
    if words[-1].text in MEDIA_WORDS or words[-1].text in ORG_WORDS or words[-1].text in _GROUP_TAILS:
        return True
    return any(t.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} for t in toks)


def _colon_claim(text: str, para: Paragraph, resolver: _Resolver) -> Claim | None:
    """A line that opens with a speaker and a colon gives the rest of the line to them."""
    m = _COLON.match(text, para.begin, para.end)
    if m is None or m.group("src").strip().lower() in _NOT_SPEAKERS or len(m.group("content").split()) < 3:
        return None
    src_b = m.start("src") + len(m.group("src")) - len(m.group("src").lstrip())
    colon = m.end("src")
    if not _names_an_actor(resolver.doc, src_b, colon):
        return None  # "The Latest: …", "Stealth Over Health: …": a heading, not a speaker
    qtype = "direct" if text[m.start("content")] in _OPEN else "indirect"
    return _build(
        text,
        resolver,
        (src_b, m.end("src")),
        (colon, colon + 1),
        "say",
        (m.start("content"), m.end("content")),
        para.begin,
        para.end,
        qtype,
    )


# “Q.” ― Jane Doe   (a quotation credited with a dash, as in reader panels and epigraphs)
_DASH_CREDIT = re.compile(
    r"[^\S\n]*(?P<content>[“”\"][^\n]{3,}?[”\"])[^\S\n]*(?P<cue>―|—|–|--)[^\S\n]*"
    r"(?P<src>[A-Z][\w.'’-]*(?:[^\S\n]+(?:[A-Z][\w.'’-]*|de|del|la|van|von|al-\w+)){0,5})"
    r"[^\S\n]*(?:,[^\n“”\"]{0,80})?[^\S\n.]*"
)


def _dash_credit(text: str, para: Paragraph, resolver: _Resolver) -> Claim | None:
    """A paragraph that is a quotation followed by a dash and a name is that person's words."""
    m = _DASH_CREDIT.fullmatch(text, para.begin, para.end)
    if m is None or len(m.group("content").split()) < 3:
        return None
    src_e = m.end("src")
    if re.search(r"\w{2}\.$", m.group("src")):
        src_e -= 1  # a full stop after the name, not an initial ("Karen Bobadilla.")
    return _build(
        text,
        resolver,
        (m.start("src"), src_e),
        (m.start("cue"), m.end("cue")),
        "say",
        (m.start("content"), m.end("content")),
        para.begin,
        para.end,
        "direct",
    )


# a credit line of its own under a quotation paragraph: "- Bernie Sanders." / "— Jo Doe, mayor"
_CREDIT_LINE = re.compile(
    r"[^\S\n]*(?P<cue>―|—|–|--|-)[^\S\n]*"
    r"(?P<src>[A-Z][\w.'’-]*(?:[^\S\n]+(?:[A-Z][\w.'’-]*|de|del|la|van|von|al-\w+)){0,5})"
    r"[^\S\n]*(?:,[^\n“”\"]{0,80})?[^\S\n]*\n*"
)
_QUOTE_PARAGRAPH = re.compile(r"[^\S\n]*(?P<content>[“\"][^\n]{3,}[”\"])[^\S\n]*\n*")


def _credit_line(text: str, prev: Paragraph, para: Paragraph, resolver: _Resolver) -> Claim | None:
    """A paragraph that only credits a name ("- Bernie Sanders.") under a paragraph that
    is only a quotation: the quotation is that person's words (pull quotes, fact checks)."""
    m = _CREDIT_LINE.fullmatch(text, para.begin, para.end)
    q = _QUOTE_PARAGRAPH.fullmatch(text, prev.begin, prev.end) if m else None
    if m is None or q is None or len(q.group("content").split()) < 3:
        return None
    src_e = m.end("src")
    if re.search(r"\w{2}\.$", m.group("src")):
        src_e -= 1  # the full stop after the name, not an initial
    cb, ce = q.start("content") + 1, q.end("content") - 1
    return _build(
        text,
        resolver,
        (m.start("src"), src_e),
        (m.start("cue"), m.end("cue")),
        "say",
        (cb, ce),
        prev.begin,
        para.end,
        "direct",
    )


#: an adverbial clause opening after a comma, with the source right after its subordinator
_ADVERBIAL_OPENING = re.compile(
    # (not "as": "…, as a ruling found, a decision X rejects" credits the clause before it)
    r",\s+(?:after|before|while|when|since|because|although|though|even\s+as|until|days\s+after"
    r"|hours\s+after|a\s+day\s+after|shortly\s+after)\s+$"
)


def _in_adverbial_clause(text: str, claim: Claim) -> bool:
    """Whether a claim's source opens an adverbial clause after a comma ("Vucic denied that
    …, after the White House said it was monitoring …"): a report of its own, which may sit
    inside what the main clause's speaker says."""
    src = claim.source_span
    if src is None or src.end > claim.cue.begin:
        return False
    return _ADVERBIAL_OPENING.search(text, max(0, src.begin - 30), src.begin) is not None


def _outer_first(found: list[tuple[Claim, bool]]) -> list[tuple[Claim, bool]]:
    """Order a sentence's claims so that a reporting clause comes before the attributions
    reported inside its content ("X called for Y, sources said": the sources are the
    source; what X called for is what they said). When two claims hold each other's cue,
    the one whose content precedes its cue ("…, sources said") is the reporting clause."""

    def holds(a: Claim, b: Claim) -> bool:
        return a.content.begin <= b.cue.begin < a.content.end

    def contains(a: Claim, b: Claim) -> bool:
        return a is not b and holds(a, b) and (not holds(b, a) or a.content.end <= a.cue.begin)

    def key(cf: tuple[Claim, bool]) -> tuple[bool, int]:
        # reporting clauses first, and of those the outermost ("Some believe the data
        # shows that X is worried": believe, then shows, then worried)
        a = cf[0]
        return (not any(contains(a, b) for b, _ in found), sum(contains(b, a) for b, _ in found))

    return sorted(found, key=key)


# what separates a coordinated clause from the one before it: "…, and", "… but", "— and"
_COORDINATION = re.compile(
    r"(?:(?:[,;(—–]|\s-)\s*(?:(?:and|but|while|whereas|(?:even\s+|al)?though)\s+)?|\b(?:and|but)\s+)"
    r"(?:(?:also|then|later|did|does|do|not|has|have|had|would|will|could)\s+)*$"
)


_MIN_QUOTE_PARAGRAPH_WORDS = 6

#: ", a charge Tehran denies", ", an allegation the Kremlin has rejected", ", a figure the
#: rebels dispute", ", which Iran disputes": the source right before the verb denies what the
#: clause before says
_DENIAL = re.compile(
    r",\s+(?:(?:an?|the)\s+(?:[a-z]+\s+)?(?:charges?|claims?|allegations?|accusations?|assertions?"
    r"|reports?|accounts?|suggestions?|figures?|tolls?|estimates?|findings?|rulings?|decisions?|verdicts?"
    r"|versions?|views?|positions?|assessments?)\s+(?:that\s+)?|which\s+)"
    r"(?P<src>[^\s,;:“”\"][^,;:“”\"]{0,60}?)\s+"
    r"(?:(?:has|have|had|also)\s+)?(?:[a-z]+ly\s+)?"
    r"(?P<cue>(?P<lemma>deni|deny|reject|disput|dismiss|contest)(?:es|ed|s|e)?"
    # "…, an allegation Tehran called a lie": what the denier called it is the denial
    r"|(?P<called>call(?:s|ed)?\s+(?:it\s+)?(?:an?\s+)?(?:outright\s+|complete\s+|total\s+)?"
    r"(?:lie|lies|baseless|false|fabricat\w*|propaganda|nonsense|absurd|groundless|unfounded|fake)))\b"
    # "… dismissed as “baseless propaganda.”": what the denier called it
    r"(?:\s+as\s+[^.;,]{1,60}?)?(?=[”\"]?\s*[.;,]|[”\"]?\s*$)"
)
#: ", as a U.N. report found": who else said it, closing what was said
_AS_CREDIT = re.compile(r",\s+as\s+[^,;:“”\"]{2,60}?\s+(?P<cue>[a-z]+)\s*$")
_DENIAL_LEMMAS = {"deni": "deny", "disput": "dispute"}


#: "It was reported that …", "It is widely believed that …": an attribution with no one named
_IMPERSONAL = re.compile(
    r"\b(?P<it>[Ii]t)\s+(?P<cue>(?:is|was|has\s+been|had\s+been)\s+(?:\w+ly\s+)?"
    r"(?P<verb>reported|believed|said|claimed|alleged|understood|rumou?red|thought|feared|expected|"
    r"estimated|suspected))\s+that\s+"
)
#: "Assad is said to have approved the plan": the subject is what the content is about
_RAISED = re.compile(
    r"(?P<subj>[A-Z][^,;:“”\"]{1,60}?)\s+(?P<cue>(?:is|are|was|were)\s+(?:\w+ly\s+)?"
    r"(?P<verb>reported|believed|said|alleged|understood|rumou?red|thought|suspected))\s+to\s+"
)
#: "Malian troops were accused of killing civilians", and in headlines without the
#: auxiliary ("Russia accused of war crimes in Bucha"): the active verb would need an
#: object before "of" / "for", so the subject is the accused, and the accuser unnamed
_ACCUSED = re.compile(
    r"(?P<subj>[A-Z][^,;:“”\"]{1,60}?)\s+(?P<cue>(?P<aux>(?:is|are|was|were|has\s+been|have\s+been|had\s+been)"
    r"\s+(?:\w+ly\s+)?)?(?P<verb>accused|suspected)\s+of|(?P<aux2>(?:is|are|was|were|has\s+been|have\s+been"
    r"|had\s+been)\s+(?:\w+ly\s+)?)?(?P<verb2>blamed|critici[sz]ed|condemned)\s+for)\s+"
)
#: the two participles above that are no stance verb's forms (lexicon.STANCE_FORMS has the rest)
_RUMOURED = {"rumoured": "rumour", "rumored": "rumor"}


def _accused(text: str, sb: int, se: int, doc: Doc | None) -> re.Match[str] | None:
    """A passive accusation at the start of the sentence. Without an auxiliary it must be
    the sentence's only finite verb ("The man accused of fraud was arrested" is no report)."""
    m = _ACCUSED.match(text, sb, se)
    if m is None or m.group("aux") or m.group("aux2") or doc is None:
        return m
    tok = _token_at(doc, m.start("cue"), m.end("cue"))
    if tok is None:
        return m
    later = [t for t in tok.sent if t.i > tok.i and t.tag_ in {"VBD", "VBZ", "VBP", "MD"}]
    return None if later else m


def _impersonal(text: str, sb: int, se: int, doc: Doc | None = None) -> Claim | None:
    """A passive report that names no one ("It was reported that …", "X is said to have
    …"): what was said is attributed to unnamed sources, and the span that says so is the
    cue. The claimant is an unnamed actor with no words of its own in the text."""
    m = _IMPERSONAL.search(text, sb, se)
    if m is not None and (m.start() == sb or re.search(r"(?:[,;]|\bbut|\band)\s+$", text[sb : m.start()])):
        cb, ce = m.end(), se
    else:
        m = _RAISED.match(text, sb, se) or _accused(text, sb, se, doc)
        if m is None:
            return None
        cb, ce = m.start("subj"), se
    cb, ce = _trim_content(text, cb, ce)
    if len(text[cb:ce].split()) < 3:
        return None
    verb = (m.group("verb") or m.group("verb2")).lower()
    lemma = STANCE_FORMS.get(verb) or _RUMOURED[verb]
    source = Mention(Span(m.start("cue"), m.start("cue"), ""), "unnamed sources", "UnnamedActor", vague=True)
    return Claim(
        source=source,
        cue=Span(m.start("cue"), m.end("cue"), text[m.start("cue") : m.end("cue")]),
        cue_lemma=lemma,
        content=Span(cb, ce, text[cb:ce]),
        evidence=Span(sb, se, text[sb:se]),
        quote_type="indirect",
        source_span=None,
    )


def _denial(
    text: str, resolver: _Resolver, m: re.Match[str], sb: int, se: int, claims: list[Claim]
) -> Claim | None:
    """The denial after a clause ("X accuses Iran of arming the rebels, a charge Tehran
    denies"): the source denies what the claim in that clause reports, or else the clause."""
    src = m.span("src")
    if not _looks_like_source(text[src[0] : src[1]]):
        return None
    # what was said ends where the denial begins (applied only once the denial stands), and
    # before a credit that closes it ("…, as a 2016 ruling found, a decision China rejects")
    end = m.start()
    credit = _AS_CREDIT.search(text, sb, end)
    if credit is not None and credit.group("cue").lower() in CUE_FORMS:
        end = credit.start()
    cut = {
        id(c): _trim_content(text, c.content.begin, end)
        for c in claims
        if sb <= c.content.begin < end < c.content.end and c.cue.end <= end
    }
    spans = [cut.get(id(c), (c.content.begin, c.content.end)) for c in claims]
    reported = [(b, e) for b, e in spans if sb <= b and e <= end]
    content = reported[-1] if reported else (sb, end)
    lemma = "deny" if m.group("called") else _DENIAL_LEMMAS.get(m.group("lemma"), m.group("lemma"))
    denial = _build(text, resolver, src, m.span("cue"), lemma, content, sb, se, "indirect")
    if denial is not None:
        for c in claims:
            if id(c) in cut:
                b, e = cut[id(c)]
                c.content = Span(b, e, text[b:e])
    return denial


def _quote_paragraph(text: str, para: Paragraph, claims: list[Claim], speaker: Claim | None) -> Claim | None:
    """A paragraph that is a quotation with no attribution of its own goes on quoting the
    speaker of the paragraph before (news style names a speaker once per run of quotes).
    Returns the direct or mixed quotation a following quote paragraph would continue, if any."""
    own = [c for c in claims if para.begin <= max(c.cue.begin, c.evidence.begin) < para.end]
    if own:
        last = max(own, key=lambda c: c.cue.begin)
        # a quotation in part ("X said Sanders “voted with the NRA”") names a speaker too
        speaks = last.quote_type == "direct" or (last.quote_type == "mixed" and last.cue_lemma in _SAYING)
        return last if speaks else None
    b, e = _strip(text, para.begin, para.end, "")
    if speaker is None or e - b < 3 or not _opens_quote(text, b):
        return None
    cb, ce = _trim_content(text, b, e)
    if len(text[cb:ce].split()) < _MIN_QUOTE_PARAGRAPH_WORDS:
        return None  # a section heading that quotes ("‘A Really Tough Decision.’")
    _add(text, _same_speaker(text, speaker, (cb, ce), (b, e)), claims, allow_nested=False)
    return speaker


def _same_speaker(text: str, claim: Claim, content: tuple[int, int], evidence: tuple[int, int]) -> Claim:
    """A further quotation by the speaker of `claim`, under the same source and cue."""
    return Claim(
        source=claim.source,
        cue=claim.cue,
        cue_lemma=claim.cue_lemma,
        content=Span(*content, text[content[0] : content[1]]),
        evidence=Span(*evidence, text[evidence[0] : evidence[1]]),
        quote_type="direct",
        source_span=claim.source_span,
    )


def _continued_quote(text: str, para: Paragraph, claim: Claim, quotes: list[tuple[int, int]]) -> Claim | None:
    """“Q1,” she said. “Q2.”  /  “Q1,” she said, “Q2.”  The quotation that resumes right
    after the attribution is the same speaker's words: a claim with the same source and cue."""
    if claim.quote_type not in {"direct", "mixed"} or claim.content.end > claim.cue.begin:
        return None  # a mixed one too: "“People were celebrating” before it, she said. “…”"
    tail = max(claim.cue.end, claim.source_span.end if claim.source_span is not None else 0)
    sent_end = next((e for b, e in para.sentences if b <= tail < e), None)
    if sent_end is None:
        return None
    for qb, qe in quotes:
        if qb < tail:
            continue
        gap = text[tail:qb]
        # between them only the rest of the attribution sentence (", she said in an interview."),
        # and the quotation opens the same sentence's last clause or the next sentence
        if _has_quote_mark(text, tail, qb) or "''" in gap:
            return None
        next_sentence = sent_end <= qb and not text[sent_end:qb].strip()
        if not next_sentence and (qb > sent_end or len(gap) > 60):
            return None
        cb, ce = _trim_content(text, qb, qe)
        if len(text[cb:ce].split()) < 3:
            return None
        return _same_speaker(text, claim, (cb, ce), (qb, qe))
    return None


def _add(text: str, claim: Claim, claims: list[Claim], allow_nested: bool, hosted: bool = False) -> None:
    """Keep a claim unless its content overlaps one already kept. A claim coordinated
    after another one's content ("X agreed that A, but he said that B", "X said A and
    called it B") ends that content where its own clause begins, since B is not part of A."""
    for i, other in enumerate(claims):
        oc = other.content
        start = claim.cue.begin
        src = claim.source_span
        shared = src is not None and src.begin < other.cue.begin  # "X claimed A and argued B"
        if src is not None and not shared:
            start = min(start, src.begin)
        if not (oc.begin < start < oc.end and other.cue.end <= oc.begin and claim.cue.begin < oc.end):
            continue
        # "said A, a figure the U.N. confirmed": the judgement of A is no part of A
        cut = _COORDINATION.search(text, oc.begin, start) or _JUDGED_AFTER.search(text, oc.begin, start)
        if cut is None:
            continue
        b, e = _trim_content(text, oc.begin, cut.start())
        # a contrast is always a clause of its own ("denied the allegations, while Ukraine said …")
        contrast = re.search(r"\b(?:while|whereas|but)\b", cut.group())
        if len(text[b:e].split()) >= (1 if shared or contrast else 3):
            claims[i].content = Span(b, e, text[b:e])
    # "The ministry said X, according to a statement": what the statement vouches for holds
    # the ministry's claim, which is an attribution of its own
    used = [(c.content.begin, c.content.end, hosted and c.cue_lemma == "according to") for c in claims]
    for ub, ue, host in used:
        cb, ce = claim.content.begin, claim.content.end
        if host and ub <= claim.cue.begin < ue and ub <= cb < ue < ce:
            b, e = _trim_content(text, cb, ue)  # the inner claim ends where "according to" begins
            claim.content = Span(b, e, text[b:e])
    if not _clashes(text, claim, used, allow_nested):
        claims.append(claim)


def _clashes(text: str, claim: Claim, used: list[tuple[int, int, bool]], allow_nested: bool) -> bool:
    """Whether a claim's content overlaps one already found, other than by nesting inside
    it (an attribution reported within another one's content, cue included)."""
    cb, ce = claim.content.begin, claim.content.end
    for ub, ue, host in used:
        if (cb, ce) == (ub, ue) and _JUDGED_AFTER.match(text, ue, claim.source.span.begin):
            continue  # "…, a figure the U.N. confirmed": a judgement after what was said shares it
        if cb < ue and ub < ce:
            nested = (allow_nested or host) and ub <= cb and ce <= ue and ub <= claim.cue.begin < ue
            if not nested:
                return True
    return False


# "Trump's claim that …", "the campaign's statement that …": a possessor and a speech noun
_NOUN_LEMMAS = {"comments": "comment", "remarks": "remark", "claims": "claim", "statements": "statement"}
_NOUN_CUE = re.compile(
    r"(?P<src>(?:[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,4})|(?:the|a|an|his|her|their)\s+[\w-]+(?:\s+[\w-]+)?)"
    r"(?:’s|'s|’|')\s+(?:(?:repeated|latest|earlier|recent|new|own|public|false|baseless)\s+)?"
    r"(?P<cue>claims?|assertion|statements?|argument|suggestion|promise|allegation|charge|comments?|remarks?"
    r"|belief|warning|insistence|contention|accusation|announcement|pledge|vow|demand|proposal|view)"
    r"\s+that\s+"
)


def _claim_at(text, para, sb, se, m, quotes, resolver) -> Claim | None:
    if m.group("acc"):
        return _according_to(text, para, sb, se, m, resolver)
    cue_b, cue_e = m.start("cue"), m.end("cue")
    form = m.group("cue")
    lemma = CUE_FORMS[form]
    if text[cue_b - 1 : cue_b] == "-":
        return None  # a compound adjective: "self-described", "so-called"
    if _tagged_noun(resolver.doc, cue_b, cue_e) or _adjectival(resolver.doc, cue_b, cue_e):
        # "face questions", "any tough questions": the tagger reads a noun; "his recently
        # revealed tax strategies": a participle describing a noun reports nothing
        return None
    if lemma == "put it" and not re.search(r"\b[Aa]s\s+[^,;]{1,80}$", text[sb:cue_b]):
        return None  # only "as X put it": "she put it on the table" says nothing
    if _other_sense(lemma, text, cue_e, se):
        return None  # "Lerer reported from Los Angeles", "120,000 showed up": no content
    if _modifier_participle(resolver.doc, cue_b, cue_e) or _passive_cue(resolver.doc, cue_b, cue_e, lemma):
        # "the ceasefire announced by Russia", "sanctions were announced by the ministry",
        # "the area has been declared …": the subject is not the source; the parse reads
        # the agent, if there is one (_passive_agent)
        return None
    # a noun ("the reports", "a claim") is not a cue unless its verb reading is clear
    before = text[max(sb, cue_b - 12) : cue_b].lower()
    if re.search(
        r"(?:\b(?:the|a|an|these|those|such|his|her|their|its|our|on|of|about|to|in|by|from|amid)|(?<=\w)[’']s?)\s+$",
        before,
    ) and not re.search(r"\b(?:he|she|it|who|that|there|what)[’']s\s+$", before):
        return None  # "the campaign's claims" is a noun; "he's said" is a verb
    progressive = re.search(r"\b(?:is|are|was|were|been|be|keeps|kept)\s+$", text[max(sb, cue_b - 8) : cue_b])
    if form in PARTICIPLE_CUES and not progressive:
        return _participle(text, sb, se, cue_b, cue_e, PARTICIPLE_CUES[form], quotes, resolver)
    if form.split()[0] in PARTICIPLE_CUES and not progressive:
        # "…, calling for a ceasefire": a participle with its particle, never an inverted cue
        # whose source follows it
        return _participle(text, sb, se, cue_b, cue_e, lemma, quotes, resolver)
    q_before = [q for q in quotes if q[1] <= cue_b and q[1] >= para.begin]
    # 1) “Q,” SOURCE said / “Q,” said SOURCE
    for qb, qe in reversed(q_before):
        if _TITLE_BEFORE.search(text, max(para.begin, qb - 12), qb):
            continue  # a programme or book title ("on Fox News's “Hannity,” X said …")
        between = text[qe:cue_b]
        if re.fullmatch(r"\s*,?\s*", between):  # “Q,” said X
            src = _source_after(text, cue_e, se, resolver.doc)
            if src and _looks_like_source(text[src[0] : src[1]]):
                return _build(text, resolver, src, (cue_b, cue_e), lemma, (qb, qe), qb, se, "direct")
        if (
            # the source may carry an age or a short description ("Mr. King, 82, told me")
            re.fullmatch(r"\s*,?\s*[^,;“”\"]{1,80}?(?:,[^,;“”\"]{1,40},)?\s*", between)
            and len(between.split()) <= 10
            and (qe >= sb - 2 or not re.search(r"[.!?]\s", text[qe:cue_b]))
            and text[qb:qe].rstrip(_CLOSE + "'")[-1:] in {",", "?", "!", ""}
        ):
            src = (qe + len(between) - len(between.lstrip(" ,")), cue_b)
            src = _strip(text, src[0], src[1])
            s2 = _source_before(text, src[0], cue_b, resolver.doc)
            if s2:
                return _build(text, resolver, s2, (cue_b, cue_e), lemma, (qb, qe), qb, se, "direct")
        break
    # 2) SOURCE said (that|:) CONTENT
    src = _parse_subject(resolver.doc, sb, cue_b, cue_e)
    if src is None and form.endswith("ing") and resolver.doc is not None:
        # "The parents sent a letter to the board urging …": a participle's source is whom
        # the parse gives it (the sentence's subject, a letter's sender), not the words before
        verb = _token_at(resolver.doc, cue_b, cue_e)
        if verb is not None:
            src = _message_author(verb.head) if verb.dep_ == "acl" else _dep_source(verb)
        src = src if src is not None and src[1] <= cue_b else None
    src = src or _source_before(text, sb, cue_b, resolver.doc)
    if src is not None and text[src[0] : src[1]].lower() in _NOT_SUBJECTS:
        return None  # "his recently revealed plans": a possessive is never a verb's subject
    if src is not None and _time_phrase(resolver.doc, *src):
        # a date the parse made the subject ("A report published Wednesday said")
        src = _source_before(text, sb, cue_b, resolver.doc)
    refers = _antecedent(resolver.doc, src) if src else None  # what a relative pronoun stands for
    if src is None and re.search(r"\b(?:and|but)\s+(?:also\s+)?$", text[sb:cue_b]):
        # "X promised … and said …": the coordinated verb shares the sentence subject
        # past a fronted time or place ("Last month, the director called …, but said …")
        start = sb + len(_FRONTED.match(text, sb, cue_b).group())
        src = _shared_subject(text, resolver.doc, start, cue_b)
    elif src is None and re.search(r"\b(?:who|which)\s+(?:also\s+)?$", text[sb:cue_b]):
        # "listeners to his program who said …": the pronoun is the source, standing for them
        rel = re.search(r",?\s*\b(?P<pron>who|which)\s+(?:also\s+)?$", text[sb:cue_b])
        refers = _source_before(text, sb, sb + rel.start() + 1, resolver.doc) if rel else None
        if refers is not None:
            src = (sb + rel.start("pron"), sb + rel.end("pron"))
    after = text[cue_e:se]
    # "“Q” to drive up the price, she said, referencing the bank's drive": a participle right
    # after the cue says how it was said, not what; the sentence ends there for the cue
    own = _OWN_PARTICIPLE.match(after)
    clause_e = (
        cue_e + own.start() if own and _adverbial_participle(resolver.doc, cue_e + own.start("v")) else se
    )
    # "…, the mayor told The Herald on Thursday.": no clause after the cue, so what was said
    # is the clause before the source (shape 3)
    inverted = src is not None and re.search(r",\s*$", text[sb : src[0]])
    # … unless what comes before is only a phrase of time or place ("In her 2003 book, X
    # noted the clot's existence"): then the object after the cue is what was said
    # … or only an adverbial clause, set off by a comma ("…, the envoy said, after the two
    # sides refused to meet")
    inverted = inverted and (
        clause_e < se or _verbless(resolver.doc, cue_e, se) or _ADVERBIAL_TAIL.match(after)
    )
    inverted = inverted and not _setting(text, resolver.doc, sb, src[0])
    # "Following the visit, the Minister said:" – the colon opens what was said
    inverted = inverted and not re.match(r"\s*:", after)
    if src and not inverted and re.match(r"\s*(?:[,:]|that\b|\s+[“\"]|\s+\w)", after):
        cb = cue_e
        # "told reporters (on Monday) that", "described the meeting as"
        tm = (
            re.match(r"\s*(?:[^,.;“”\"]{0,60}?\s)?that\s", after)
            if lemma
            in {
                "tell",
                "say",
                "confirm",
                "report",
                "announce",
                "write",
                "warn",
                "argue",
                "state",
                "note",
                "claim",
                "reveal",
                "add",
                "insist",
                "explain",
                "acknowledge",
                "admit",
                "indicate",
                "suggest",
                "believe",
                "find",
                "show",
                "stress",
            }
            else None
        )
        gap_e = cue_e + tm.end() - len(re.search(r"that\s*$", tm.group()).group()) if tm else cue_e
        if tm and text[cue_e:gap_e].strip() and not _scene_only(text, resolver.doc, cue_e, gap_e):
            # "said he meets families in a city that has seen …": a clause before the
            # "that" means the "that" is a relative pronoun, not the complementizer
            tm = None
        if tm:
            cb = cue_e + tm.end()
        elif lemma == "tell":
            tm2 = re.match(r"\s*[^,.;“”\"]{0,40}?[,:]\s", after) or _TOLD_OBJECT.match(after)
            if tm2:
                cb = cue_e + tm2.end()
        ce = se
        # "denied the report, saying …": the participle opens a claim of its own
        part = _PARTICIPLE_AFTER.search(text, cb, se)
        if part:
            ce = part.start()
        if refers is not None:
            ce = min(ce, _relative_clause_end(resolver.doc, cue_b, cue_e, ce))
            ce = next((qe for qb, qe in quotes if qb < ce < qe), ce)  # never inside a quotation
        # a quotation that starts in the content runs to its closing mark
        for qb, qe in quotes:
            if cb <= qb < se and qe > se:
                ce = qe
        if lemma in _VOICE:  # what was chanted is the quotation, not the rest of the clause
            ce = next((qe for qb, qe in quotes if cb <= qb and not text[cb:qb].strip(" ,:")), ce)
        body = text[cb:ce].strip(" ,:")
        quoted = body[:1] in _OPEN and body[-1:] in _CLOSE  # “What curfew?” is enough
        # "The fees, Ms. Berg said, have doubled": what was said runs from the sentence's
        # subject, before the source, through the cue to the end; there "it" is a source
        front = (
            _parenthetical_start(resolver.doc, sb, src[0], cue_b, cue_e) if re.match(r"\s*,", after) else None
        )
        named = text[slice(*(refers or src))]
        if len(body.split()) < (2 if quoted else 3) or not (
            _looks_like_source(named) or (front is not None and named.lower() == "it")
        ):
            return None
        if front is not None:
            cb = front
        if lemma in _SPEECH_ONLY and not (
            _words_follow(text, resolver.doc, cue_e, ce)
            or front is not None
            or (re.search(r"\b[Aa]s\s+$", text[sb : src[0]]) and re.match(r"\s*,", after))
        ):
            # "added 160 security personnel", "continued the work", "observed the truce": no
            # speech, unless the words follow or it is "as X observed, …"
            return None
        qtype = (
            "direct"
            if re.match(r"\s*[:,]?\s*[“\"]", text[cb:ce]) and text[ce - 1 : ce] in _CLOSE
            else ("mixed" if any(cb <= qb and qe <= ce + 1 for qb, qe in quotes) else "indirect")
        )
        return _build(text, resolver, src, (cue_b, cue_e), lemma, (cb, ce), sb, max(se, ce), qtype, refers)
    # 3) CONTENT, SOURCE said.  /  CONTENT, writes SOURCE.
    tail = text[cue_e:clause_e]
    if re.fullmatch(r"[^,;“”\"]{0,80}(?:,[^;“”\"]{0,160})?[.!?]?\s*", tail) and re.search(
        r",\s*[^,]{0,80}$", text[sb:cue_b]
    ):
        comma = sb + text[sb:cue_b].rfind(",")
        start = sb
        for qb, qe in quotes:
            if qb < sb < qe:
                start = qb
        src_after = _source_after(text, cue_e, se, resolver.doc)
        between = text[comma + 1 : cue_b].strip()
        if re.match(r"(?:which|who|whom|whose|that)\b", between, re.I):
            return None  # "… to the AP, which first reported the story": a relative clause
        src_b = comma + 1
        subject = _reduced_relative(text, resolver.doc, cue_b, cue_e, comma)
        if subject is not None:
            # "The ministry said 40 were killed, a figure the U.N. confirmed": the U.N. confirms
            # what the ministry said, not that the ministry said it
            src_b, between = subject, text[subject:cue_b].strip()
            start, comma = _reported(resolver.doc, start, comma) or (start, comma)
        if not between and re.search(r",\s*(?:which|who)\b[^,]*$", text[sb:comma]):
            # "Saudi Arabia and the US, which hosted the talks, urged both sides to …": the
            # comma closes a relative clause on the subject, not what was said
            return None
        named = _described_source(text, resolver.doc, sb, comma) if not between else None
        if between and len(between.split()) <= 8:
            src = _strip(text, src_b, cue_b)
        elif named is not None:
            (src, comma) = named  # "Facebook made the tool, a spokeswoman, Jo Doe, said on Friday"
        elif not between and src_after:
            src = src_after
        else:
            return None
        if not _looks_like_source(text[src[0] : src[1]]) or len(text[start:comma].split()) < 3:
            return None
        qtype = "direct" if text[start] in _OPEN else "indirect"
        if qtype == "direct" and not any(
            qb == start and qe >= _strip(text, start, comma)[1] for qb, qe in quotes
        ):
            qtype = "mixed"  # "“You squeezed employees” to drive up the price, she said"
        quoted = any(start <= qb < comma for qb, _ in quotes)
        inner = text.find(",", start, comma)
        # … but "In the end, the fees will double, officials said" sets a clause after it
        clause = inner > 0 and not _verbless(resolver.doc, inner + 1, comma)
        if qtype == "indirect" and _setting(text, resolver.doc, start, comma) and not quoted and not clause:
            # "In a speech Friday, she said", "A spokesman, Jo Doe, said": a setting or the
            # source itself, not what was said; a phrase holding a quotation is content
            # even where the tagger misses its verb ("the treaty signals “the end”")
            return None
        return _build(text, resolver, src, (cue_b, cue_e), lemma, (start, comma), start, se, qtype)
    return None


#: a subordinate clause set off after a cue: when it was said or why, never what
_ADVERBIAL_TAIL = re.compile(
    _WHEN_SAID
    + r"\s*,?\s*(?:(?:hours|days|weeks|months|a\s+day|a\s+week|shortly|soon|just|only|moments)\s+)?"
    r"(?:after|before|as|while|when|because|since|despite|amid|following|although|though|until"
    r"|once|even\s+as|without|ahead\s+of|in\s+what\b|in\s+(?:response|retaliation|reaction|reply|protest)\b)"
)
_FRONTED = re.compile(
    r"\s*(?:(?:(?:Last|This|Next|Earlier|Later|Early|Late|On|In|At|During|After|Before|Since)\b[^,.;:\n]{0,40},)\s*)?"
)
_SUBJECT = re.compile(
    r"(?:(?:[Tt]he|[Aa]|[Aa]n)\s+[\w'’-]+(?:\s+[\w'’-]+){0,3}?|He|She|They|It|We|I"
    r"|(?:[A-Z][\w.'’-]*|al-[A-Z][\w'’-]*)(?:\s+(?:of\s+|the\s+)?(?:[A-Z][\w.'’-]*|al-[A-Z][\w'’-]*)){0,5})"
    r"(?=\s+(?:has\s+|have\s+|had\s+|also\s+|was\s+|were\s+|is\s+|are\s+|will\s+|would\s+)?[a-z]+\b)"
)


def _participle(text, sb, se, cue_b, cue_e, lemma, quotes, resolver) -> Claim | None:
    """ "SUBJECT did X, saying CONTENT": the claim belongs to the sentence's subject, as
    after a preposition inside the clause ("he refused, aside from saying …", "was
    criticised for saying …")."""
    after_comma = re.search(r",[”\"’']*\s*(?:(?:even|also|then)\s+)?$", text[sb:cue_b])
    after_preposition = re.search(r"\S\s+(?:from|for|by|without|after|before|while)\s+$", text[sb:cue_b])
    if not after_comma and not after_preposition:
        return None  # "…, saying", "…,” adding", "…, even suggesting"
    lead = re.match(r"\s*(?:[“\"][^”\"]*[”\"],?\s*)?", text[sb:cue_b])
    start = sb + (lead.end() if lead else 0)
    src = _reporter(resolver.doc, cue_b, cue_e)
    if src is None or not _looks_like_source(text[src[0] : src[1]]):
        src = _shared_subject(text, resolver.doc, start, cue_b)
    if src is None or not _looks_like_source(text[src[0] : src[1]]):
        return None
    cb = cue_e
    tm = re.match(r"\s+that\s", text[cue_e:se])
    if tm:
        cb = cue_e + tm.end()
    ce = se
    for qb, qe in quotes:
        if cb <= qb < se and qe > se:
            ce = qe
    if len(text[cb:ce].split()) < 3:
        return None
    if lemma in _SPEECH_ONLY and not _words_follow(text, resolver.doc, cue_e, ce):
        return None  # "shouting at the officers": no words reported
    qtype = "direct" if re.match(r"\s*[:,]?\s*[“\"]", text[cb:ce]) else "indirect"
    return _build(text, resolver, src, (cue_b, cue_e), lemma, (cb, ce), sb, se, qtype)


def _words_follow(text: str, doc: Doc | None, cue_e: int, end: int) -> bool:
    """Reported words open after a verb that also has other senses ("add", "continue"): a
    quotation, a colon, "that", or a finite clause with its own subject ("adding he would
    never vote for her"), which "adding 160 troops" or "continued the talks" is not."""
    if _WORDS_FOLLOW.match(text, cue_e, end):
        return True
    first = _token_at(doc, cue_e, end)
    if first is None or first.idx < cue_e or first.pos_ not in {"DET", "PRON", "PROPN", "NOUN", "ADJ", "NUM"}:
        return False
    for t in doc[first.i : min(len(doc), first.i + 8)]:
        if t.left_edge.i != first.i or t.pos_ not in {"NOUN", "PROPN", "PRON"}:
            continue
        if first.i <= t.head.i <= t.right_edge.i:
            continue  # inside the noun phrase ("Russia" of "Russia's army")
        # the verb group comes right after the noun phrase; the parse may have taken the
        # clause's subject for the participle's object ("adding the toll could rise")
        phrase = doc[first.i : t.right_edge.i + 1]
        if len(phrase) > 6 or any(w.pos_ in {"VERB", "AUX", "PUNCT"} for w in phrase):
            return False
        verb = t.head if t.dep_ in {"nsubj", "nsubj:pass"} and t.head.i > t.i else None
        group = doc[t.right_edge.i + 1 : verb.i + 1 if verb is not None else t.right_edge.i + 2]
        if not group or any(g.dep_ not in _VERB_GROUP and g.tag_ != "TO" for g in group[:-1]):
            return False
        return any(g.tag_ in FINITE_TAGS for g in group)
    return False


_VERB_GROUP = {"aux", "aux:pass", "advmod", "cop"}


def _reporter(doc: Doc | None, cue_b: int, cue_e: int) -> tuple[int, int] | None:
    """The source of the verb of saying a participle hangs on ("The fees doubled, Ms. Berg
    said, adding …"): whoever said it is adding, not the sentence's first noun phrase."""
    verb = _token_at(doc, cue_b, cue_e)
    if verb is None or verb.dep_ not in {"advcl", "conj", "xcomp"}:
        return None
    head = verb.head
    while head.dep_ == "ccomp" and head.head.i < head.i and head.head.lemma_.lower() in _REPORTING:
        said = head.lemma_.lower()
        if said in _REPORTING and said not in _ASPECTUAL and not _pronoun_subject(head):
            break
        # "He said the fighting continued, adding …": he is adding, not the fighting; and in
        # "X said he believed …, adding …" the one adding is X, whom "he" names again
        head = head.head
    if head.i >= verb.i or head.lemma_.lower() not in _REPORTING:
        return None
    return _dep_source(head)


def _pronoun_subject(verb: Token) -> bool:
    return any(c.dep_.startswith("nsubj") and c.pos_ == "PRON" for c in verb.children)


def _shared_subject(text: str, doc: Doc | None, start: int, cue_b: int) -> tuple[int, int] | None:
    """The subject a coordinated verb or a participle shares with the clause before it
    ("X watched …, and said", "X chimed in, saying"): the noun phrase before the
    sentence's first verb, else the surface pattern, which stops at the first lowercase
    word ("Democratic" of "Democratic nominee Hillary Clinton"). The parse's own link from
    the participle to a subject is not used: it errs on long sentences far more often."""
    comma = text.find(",", start, cue_b)
    if comma > 0 and _SETTING.match(text, start, comma):
        # past a fronted setting longer than _FRONTED allows ("During a speech earlier in
        # the day, Trump attacked …, saying")
        start = comma + 1 + len(text[comma + 1 : cue_b]) - len(text[comma + 1 : cue_b].lstrip())
    run = _leading_noun_phrase(doc, start, cue_b) if doc is not None else None
    if run is not None:
        # "A Taliban spokesman, Zabihullah Mujahid, rejected … and said": with the name
        named = _APPOSITIVE_NAME.match(text, run[1], cue_b)
        return (run[0], named.end(1)) if named is not None else run
    m = _SUBJECT.match(text, start, cue_b)
    if m is None:
        return None
    e = m.end()
    if re.search(r"['’]s$", m.group()) and doc is not None:
        # "North Korea's state media KCNA said … and warned": a possessive is no subject;
        # the nouns after it are ("state media KCNA" with "KCNA" misread as a verb)
        after = doc.char_span(e, cue_b, alignment_mode="contract")
        for tok in after if after is not None else ():
            if not (tok.tag_.startswith(("NN", "JJ", "CD")) or tok.is_space):
                break
            e = tok.idx + len(tok)
        if e == m.end():
            return None  # "That’s the consensus of experts, …, saying": no subject at all
    return m.start(), e


#: a name set off by commas after a description (", Zabihullah Mujahid,")
_APPOSITIVE_NAME = re.compile(
    r"(,\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|al-[A-Z][\w'’-]*|bin|de|van)){0,4},)"
)
#: what a leading noun phrase is made of; it runs over "and" ("Former prosecutor and
#: mayor Rudy Giuliani")
_NOUN_PHRASE_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON", "PART", "CCONJ"}


def _leading_noun_phrase(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The words from `start` up to the first verb, when they make a short noun phrase."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return None
    words: list[Token] = []
    close = -1  # the closing bracket of a tag kept in the phrase ("Jo Doe (D-Ohio)")
    for tok in span:
        if tok.is_space or tok.i <= close:
            if tok.i == close:
                words.append(tok)
            continue
        if tok.text == "(":
            close = next((t.i for t in tok.doc[tok.i + 1 : tok.i + 6] if t.text == ")"), -1)
            if close > 0:
                continue
        if tok.lower_ in _RELATIVE:
            break
        if tok.pos_ == "CCONJ" and not words:
            continue  # "But the two …": the conjunction joins the sentence, not the phrase
        if tok.pos_ in {"VERB", "AUX", "PUNCT"} and not _misread_name(tok):
            break  # the verb, or a comma before an appositive ("Jo Doe's family, including …")
        if tok.pos_ not in _NOUN_PHRASE_POS and tok.lower_ != "of":
            return None
        words.append(tok)
    if not words or len(words) > 12 or words[-1].pos_ not in {"NOUN", "PROPN", "PRON", "NUM", "PUNCT"}:
        return None
    return words[0].idx, words[-1].idx + len(words[-1])


#: ", a Britain-based war monitor," after a source: a description set off by commas
_APPOSITIVE_AFTER = re.compile(r"\s*,\s*((?:an?|the)\s+[^,;:“”\"]{2,80}?)\s*,")


def _description(doc: Doc | None, b: int, e: int, src: tuple[int, int]) -> bool:
    """Whether b..e describes the source: a noun phrase in apposition to it, with no verb
    of its own (a participle inside a compound adjective, "Britain-based", describes)."""
    toks = doc.char_span(b, e, alignment_mode="contract") if doc is not None else None
    if toks is None or len(toks) == 0:
        return False
    root = toks.root
    return (
        root.dep_ == "appos"
        and src[0] <= root.head.idx < src[1]
        and not any(t.pos_ in {"VERB", "AUX"} and not (t.i and t.doc[t.i - 1].text == "-") for t in toks)
    )


#: ", Sergei Aksyonov," after a source: the name of the one it describes
_NAME_AFTER = re.compile(r"\s*,\s*([A-Z][\w.'’-]*(?:\s+(?:al-|bin\s+)?[A-Z][\w.'’-]*){1,3})\s*,")


def _according_to(text, para, sb, se, m, resolver) -> Claim | None:
    cue_b, cue_e = m.start("acc"), m.end("acc")
    rest = text[cue_e:se]
    # a full stop inside the name ("Mrs. Clinton", "John D. Podesta", "the U.N. office")
    # does not end it
    sm = re.match(r"\s+((?:[^,.;]|\.(?=\s*[A-Z][\w-]*[\s,.])|(?<=\b[A-Z])\.(?=\s*\w))+)", rest)
    if not sm:
        return None
    src = _strip(text, cue_e + sm.start(1), cue_e + sm.end(1))
    if cue_b - sb > 2 and re.match(r"\s*,", text[src[1] : se]):
        # "…, according to Jo Doe, a lawyer for the city." the description is the source's
        whole = _source_after(text, cue_e, se, resolver.doc)
        if whole is not None and whole[0] == src[0]:
            src = whole
    if cue_b - sb <= 2:  # According to X, CONTENT.
        cb = src[1]
        desc = _APPOSITIVE_AFTER.match(text, cb, se)
        if (
            desc
            and _description(resolver.doc, desc.start(1), desc.end(1), src)
            and len(text[desc.end() : se].split()) > 2
        ):
            # "According to the Observatory, a Britain-based monitor, militias have …":
            # the description belongs to the source, not to what it says
            src, cb = (src[0], desc.end(1)), desc.end()
        name = _NAME_AFTER.match(text, cb, se)
        if name and classify_name(name.group(1)) == "Person" and len(text[name.end() : se].split()) > 2:
            # "According to the governor installed by Moscow, Sergei Aksyonov, security …"
            src, cb = (src[0], name.end(1)), name.end()
        return _build(text, resolver, src, (cue_b, cue_e), "according to", (cb, se), sb, se, "indirect")
    # CONTENT, according to X.
    return _build(text, resolver, src, (cue_b, cue_e), "according to", (sb, cue_b), sb, se, "indirect")


_SETTING = re.compile(
    r"\s*(?:in|at|on|during|after|before|since|from|with|following|speaking|writing)\b", re.I
)


#: ", a ruling Somalia rejects", ", a move Washington welcomed": what was judged, before who judged it
_JUDGED_NOUN = (
    r"(?:an?|the|this|that)\s+(?:[a-z]+\s+)?(?:decision|ruling|verdict|move|findings?|conclusion|step"
    r"|plan|proposal|deal|agreement|policy|position|view|demand|request|offer|figure|estimate|toll"
    r"|version|assessment|interpretation|designation)"
)
_JUDGED = re.compile(r"\s*" + _JUDGED_NOUN + r"\s+(?P<subject>(?:the\s+)?[A-Z])")
#: … and the same noun ending what was said before it
_JUDGED_AFTER = re.compile(r",\s*" + _JUDGED_NOUN + r"\s+(?:the\s+)?$")


def _reported(doc: Doc | None, b: int, e: int) -> tuple[int, int] | None:
    """What the reporting verb heading the clause between two offsets says, if it does
    ("The ministry said [40 people were killed]")."""
    span = doc.char_span(b, e, alignment_mode="expand") if doc is not None else None
    if span is None or not len(span):
        return None
    head = span.root
    said = next((c for c in head.children if c.dep_ == "ccomp" and c.i >= span.start), None)
    if head.lemma_ not in _REPORTING or said is None:
        return None
    first = said.left_edge
    while first.i < said.i and first.dep_ == "mark":
        first = first.doc[first.i + 1]  # "said that …": the complementizer is not what was said
    return _edges(first, said.right_edge)


def _reduced_relative(text: str, doc: Doc | None, cue_b: int, cue_e: int, comma: int) -> int | None:
    """Where the subject starts, if the cue after `comma` is a relative clause with no
    pronoun on a noun before its subject (", a decision China rejects", ", a ruling the mayor
    criticised"): the verb's object is that noun, so the clause before the comma is not what
    the verb says. A claim noun there (", a charge Tehran denies") is a denial of the clause,
    read by `_DENIAL`."""
    judged = _JUDGED.match(text, comma + 1, cue_b)
    if judged is not None:
        return judged.start("subject")  # the tagger may read the noun as an adjective on the name
    verb = _token_at(doc, cue_b, cue_e)
    if verb is None or verb.dep_ != "acl:relcl" or verb.head.pos_ != "NOUN" or verb.head.idx < comma:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.head.i), None)
    if subject is None or any(c.tag_ in {"WDT", "WP", "IN"} for c in verb.children):
        return None
    return subject.left_edge.idx


def _setting(text: str, doc: Doc | None, b: int, e: int) -> bool:
    """Words before a comma that only set the scene: a phrase with no verb, or one opening
    with a preposition ("In a Wall Street Journal essay last week,": the tagger may read
    "essay" as a verb)."""
    return _verbless(doc, b, e) or _SETTING.match(text, b, e) is not None


def _modifier_participle(doc: Doc | None, b: int, e: int) -> bool:
    """Whether a cue word is a past participle modifying the noun before it ("a truce
    announced by Moscow", "a message posted Friday"): the phrase before it is not its
    source (the parse credits a "by" agent, _passive_agent)."""
    toks = doc.char_span(b, e, alignment_mode="expand") if doc is not None else None
    if toks is None or len(toks) != 1:
        return False
    t = toks[0]
    # a name before it is more often the misparsed subject ("… ,” Trump tweeted."), and a
    # quotation, colon or "that" after it is what a verb says ("Protesters chanted “…”")
    if t.head.pos_ == "PROPN" and not any(c.dep_ == "obl:agent" for c in t.children):
        return False
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    if nxt is not None and (_word(nxt) in _OPEN or nxt.lower_ in {"that", ":"}):
        return False
    return t.dep_ == "acl" and t.tag_ == "VBN" and t.head.i < t.i and t.head.pos_ in {"NOUN", "PROPN"}


# words before a quotation that make it a title, not speech: "on “Hannity,”", "ABC's “This Week”"
_TITLE_BEFORE = re.compile(r"(?:\b(?:on|in|at|of|from|titled|called|dubbed)|[’']s)\s+$")


def _passive_cue(doc: Doc | None, b: int, e: int, lemma: str) -> bool:
    """Whether a cue verb is passive ("was announced", "has been declared"); "was quoted
    (as saying)" keeps its subject as the source."""
    toks = doc.char_span(b, e, alignment_mode="expand") if doc is not None else None
    if toks is None or len(toks) != 1 or lemma == "quote":
        return False
    verb = toks[0]
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    # "he's said he …": the "'s" is "has" unless a "to" follows ("he's said to be ill")
    perfect = (nxt is None or nxt.lower_ != "to") and any(
        c.dep_.startswith("aux") and c.lower_ in {"'s", "’s"} for c in verb.children
    )
    # an agent is one with "by": the parse may call the name after an inverted "said"
    # one ("…,” said Victor Cha, a scholar …")
    return not perfect and any(
        c.dep_ in {"aux:pass", "nsubj:pass"}
        or (c.dep_ == "obl:agent" and any(g.lower_ == "by" for g in c.children))
        for c in verb.children
    )


def _scene_only(text: str, doc: Doc | None, b: int, e: int) -> bool:
    """Words between a cue and its "that" that only say where or to whom it was said: no
    verb, or a phrase opening with a preposition whose verbs are participles ("said in a
    report released on Tuesday that", "in a statement carried by SANA that"). A finite
    verb there makes the "that" a relative pronoun ("said he meets families in a city
    that has seen …")."""
    if _verbless(doc, b, e):
        return True
    toks = doc.char_span(b, e, alignment_mode="contract") if doc is not None else None
    return (
        toks is not None
        and _SETTING.match(text, b, e) is not None
        and not any(t.tag_ in {"VBD", "VBZ", "VBP", "VB", "MD"} or t.lower_ in {"who", "which"} for t in toks)
    )


def _after_comma(text: str, comma: int) -> int:
    """The first word after a comma, past spaces and a closing quotation mark ("“Hannity,” X")."""
    return comma + 1 + len(text[comma + 1 : comma + 6]) - len(text[comma + 1 : comma + 6].lstrip(" ”’'\""))


def _verbless(doc: Doc | None, b: int, e: int) -> bool:
    """Whether the parse finds no verb between two offsets (a phrase, not a clause)."""
    toks = doc.char_span(b, e, alignment_mode="contract") if doc is not None else None
    # the tagger and the morphologizer may disagree with each other and with the parser: a
    # root tagged as a verb ("shot" VBP), or a word with a subject ("defenses shot down",
    # "shot" a noun), heads a clause whatever its part of speech says
    return toks is not None and not any(
        t.pos_ in {"VERB", "AUX"}
        or (t.dep_ == "ROOT" and t.tag_.startswith("VB"))
        or (
            any(c.dep_.startswith("nsubj") for c in t.children)
            and not any(c.dep_ in {"case", "det"} for c in t.children)  # "a delegate on the slate"
        )
        for t in toks
    )


def _looks_like_source(phrase: str) -> bool:
    """A source names or refers to someone: not a bare number, date or a long clause."""
    words = phrase.split(",")[0].split()  # an appositive may be long; the head may not
    if not words or len(words) > _MAX_SOURCE_WORDS:
        return False
    if re.fullmatch(r"[\d\s.,$-]+", phrase):  # a share is a source: "42% say they are liberal"
        # … and so is a count of people ("520 said they back her, 39 have said …"), but
        # not a sum, a decimal or a year
        return re.fullmatch(r"\d{1,3}(?:,\d{3})*", phrase.strip()) is not None
    low = phrase.lower()
    if low in {"it", "this", "that", "there", "which", "what"}:
        return False
    return True


def _tagged_noun(doc: Doc | None, b: int, e: int) -> bool:
    """Whether the parse reads a one-word cue that could be a verb as a plural noun with a
    noun's dependents or role ("any tough questions", "face questions"); the tag alone is
    not trusted, since it often calls a verb ("says", "claims") a noun."""
    if doc is None:
        return False
    toks = doc.char_span(b, e, alignment_mode="expand")
    # a cue with its particle ("call for") is a noun when its first word is one ("a new
    # call for negotiations")
    particle = toks is not None and len(toks) == 2 and toks[1].pos_ in {"ADP", "PART"}
    if toks is None or not (len(toks) == 1 or particle) or toks[0].tag_ not in {"NNS", "NN"}:
        return False
    tok = toks[0]
    if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in {"that", ":", "."}:
        return False  # "the slide shows that …", "…, the Journal reports.": a verb's place
    if _infinitive_after_subject(tok):
        return False  # "The Tax Policy Center plans to release …"
    noun_children = any(c.dep_ in {"det", "amod", "nummod", "nmod:poss"} for c in tok.children)
    if tok.tag_ == "NN":  # "A news report published Wednesday said": only with a determiner
        return noun_children and any(c.dep_ == "det" for c in tok.children)
    # "discussed the delivery of munitions and plans for the day after": one of two nouns
    coordinated = (
        tok.dep_ == "conj"
        and tok.head.pos_ == "NOUN"
        and tok.head.i < tok.i
        # "…, but now Benford plans to caucus": a clause the parse hung on a noun
        and {c.lower_ for c in tok.children if c.dep_ in {"cc", "punct"}} <= {"and", "or"}
    )
    return tok.dep_ in {"obj", "obl"} or noun_children or coordinated


def _relative_clause_end(doc: Doc | None, cue_b: int, cue_e: int, end: int) -> int:
    """Where a relative clause holding the cue ends ("The council, which has denied that
    the port was sold, will meet": what was denied stops at the clause's comma)."""
    verb = _token_at(doc, cue_b, cue_e)
    if verb is None or not verb.dep_.endswith("relcl"):
        return end
    last = verb.right_edge
    while last.i > verb.i and last.is_punct and _word(last) not in _CLOSE:
        last = last.doc[last.i - 1]
    return last.idx + len(last)


_ADVERBIAL = {"ADV", "AUX", "PART"}


def _without_cue_modifiers(doc: Doc | None, src: tuple[int, int], cue: tuple[int, int]) -> tuple[int, int]:
    """A source phrase without the adverbs and auxiliaries at its end that modify the cue
    ("Mr. Obama often | says", "which has strongly | denied"): they belong to the verb
    group. A phrase made only of such words is left whole (a misparse, not a modifier)."""
    toks = doc.char_span(*src, alignment_mode="expand") if doc is not None else None
    verb = doc.char_span(*cue, alignment_mode="expand") if toks is not None else None
    if toks is None or verb is None or not len(toks) or not len(verb):
        return src
    j = toks.end - 1
    while (
        j > toks.start and doc[j].head.i == verb[0].i and _modifies_cue(doc[j]) and doc[j].pos_ in _ADVERBIAL
    ):
        j -= 1
    # an auxiliary never ends a noun phrase, whatever the parse hangs it on ("Tehran has
    # long | rejected accusations", where the parse made the noun the sentence's head)
    aux = _before_adverbs(doc[toks.end - 1], toks.start)
    if aux.i > toks.start and aux.pos_ == "AUX" and aux.dep_.startswith("aux"):
        j = min(j, aux.i - 1)
    return (src[0], doc[j].idx + len(doc[j])) if j < toks.end - 1 else src


def _before_adverbs(tok: Token, first: int) -> Token:
    """`tok`, or the word before the run of adverbs it ends, but not before token `first`
    ("has | long" → "has")."""
    i = tok.i
    while i > first and tok.doc[i].pos_ == "ADV":
        i -= 1
    return tok.doc[i]


def _adjectival(doc: Doc | None, b: int, e: int) -> bool:
    """Whether a one-word cue is a participle the parse makes an adjective of the noun
    after it ("the recently revealed strategies", "a reported attack")."""
    toks = doc.char_span(b, e, alignment_mode="expand") if doc is not None else None
    if toks is None or len(toks) != 1:
        return False
    tok = toks[0]
    if tok.dep_ != "amod" or tok.head.i < tok.i or tok.head.pos_ not in {"NOUN", "PROPN"} or not tok.i:
        return False
    # only inside a noun phrase: after its determiner, adverb or number ("Carter stressed
    # bipartisan support" is a clause the parse misread)
    aux = _before_adverbs(tok.doc[tok.i - 1], 0)
    if aux.lemma_ == "have" and aux.pos_ == "AUX":
        return False  # "Tehran has long rejected accusations …": a perfect tense is a verb
    prev = tok.doc[tok.i - 1]
    return prev.pos_ in {"DET", "ADJ", "ADV", "NUM"} or prev.dep_ == "nmod:poss" or prev.text == "-"


def _infinitive_after_subject(tok: Token) -> bool:
    """Whether a word the tagger calls a plural noun reads as a verb: right after a noun
    (the subject's head, not a determiner or possessor) and before "to" and a verb."""
    doc = tok.doc
    if tok.i < 1 or tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return False
    prev, nxt = doc[tok.i - 1], doc[tok.i + 2]
    return prev.pos_ in {"NOUN", "PROPN"} and nxt.pos_ in {"VERB", "AUX"} and nxt.tag_ == "VB"


def _names_someone(doc: Doc | None, b: int, e: int) -> bool:
    """Whether a source phrase has a noun, name, pronoun or number in it: a phrase of
    adverbs and particles ("repeatedly") is a misreading, not a source."""
    if doc is None:
        return True
    toks = doc.char_span(b, e, alignment_mode="expand")
    return toks is None or any(
        t.pos_ in {"NOUN", "PROPN", "PRON", "NUM", "X", "SYM"}
        or t.text[:1].isupper()
        or t.lower_ in _QUANTIFIER_HEADS  # "Yet another said", "most said they were worried"
        for t in toks
    )


_QUANTIFIER_HEADS = frozenset("another each both some many most several few all none others".split())


def _close_bracket(text: str, b: int, e: int) -> tuple[int, int]:
    """A source cut inside a bracketed tag gets its closing bracket back ("Sen. Jo Doe (D-N.C.")."""
    if text.count("(", b, e) > text.count(")", b, e):
        m = re.match(r"\.?\)", text[e : e + 2])
        if m:
            e += m.end()
    return b, e


def _misread_name(tok: Token) -> bool:
    """A capitalised word the tagger took for a verb although the parse makes it a subject
    or part of one ("Husted said": a surname that looks like a past tense)."""
    return tok.text[:1].isupper() and tok.dep_ in {"nsubj", "nsubj:pass", "flat"}


def _complementizer(doc: Doc | None, b: int) -> int:
    """Length of a "that" opening the content when the parse reads it as the clause's
    complementizer ("denied that the budget …"), not as a determiner ("denied that report")."""
    if doc is None:
        return 0
    toks = doc.char_span(b, b + 4, alignment_mode="contract")
    if toks is None or len(toks) != 1 or toks[0].lower_ != "that" or toks[0].dep_ != "mark":
        return 0
    return len(toks[0].text_with_ws)


def _noun_phrase_start(doc: Doc | None, b: int, e: int) -> int | None:
    """Where the noun phrase starts in a source phrase the patterns began too early ("moments
    after the senator", "contradicting Tulsa police"): after its last preposition, verb or
    subordinator. None when no noun phrase is left ("In", "Though")."""
    toks = doc.char_span(b, e, alignment_mode="expand") if doc is not None else None
    if toks is None or not len(toks):
        return b
    cuts = [t.i for t in toks if t.pos_ in {"ADP", "SCONJ", "VERB", "PART", "AUX"} and not _misread_name(t)]
    if not cuts or cuts[0] != toks[0].i:
        return b
    cut = max(cuts)
    rest = [t for t in toks if t.i > cut]
    if not any(t.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} for t in rest):
        return None
    return rest[0].idx


def _has_quote_mark(text: str, b: int, e: int, more: str = "") -> bool:
    """Whether a quotation mark (or one of `more`) stands between two offsets."""
    return any(q in text[b:e] for q in _OPEN + _CLOSE + more)


#: accusing verbs and the word that follows them when the accused is not named after them
_ACCUSING = {"accuse": "of", "suspect": "of", "blame": "for", "criticize": "for", "criticise": "for"}


def _accused_subject(text: str, src: tuple[int, int], cue: tuple[int, int], lemma: str) -> bool:
    """ "The man accused of the attack was arrested": with nothing between the accusing
    verb and its "of", the phrase before it is who is accused ("which Israel accused of
    …" keeps its accuser: the relative pronoun is the object)."""
    follows = _ACCUSING.get(lemma)
    return (
        follows is not None
        and re.match(rf"\s+{follows}\b", text[cue[1] : cue[1] + 6]) is not None
        and not re.search(r"\b(?:which|whom|who|that)\s+$", text[max(0, src[0] - 8) : src[0]])
    )


def _build(text, resolver, src, cue, lemma, content, ev_b, ev_e, qtype, refers=None) -> Claim | None:
    """A claim from its spans; `refers` is the phrase the source stands for when the source
    is a relative pronoun ("who"), so the claimant is named though the span is the pronoun."""
    start = _noun_phrase_start(resolver.doc, *src)
    if start is None or _accused_subject(text, src, cue, lemma):
        return None
    # a name the source phrase cuts ("Bashar al-Assad" parsed as two subjects, "RIA | Novosti")
    # is whole
    start = min(
        [start]
        + [
            m.span.begin
            for m in resolver.mentions
            if m.span.begin < start < m.span.end and not (m.span.begin < cue[1] and cue[0] < m.span.end)
        ]
    )
    src = _close_bracket(text, start, src[1])
    src = (
        src[0],
        max(
            [src[1]]
            + [
                m.span.end
                for m in resolver.mentions
                if src[0] <= m.span.begin < src[1] < m.span.end <= cue[0]
                and not re.fullmatch(r"['’]s", text[src[1] : m.span.end])  # a possessive's "'s"
            ]
        ),
    )
    dateline = DATELINE.match(text, src[0], src[1])
    if dateline:  # "PORT SUDAN — Sudan's army chief": the place the story was filed from
        src = (dateline.end(), src[1])
    adverb = re.match(r"(\w+)\s*,\s*", text[src[0] : src[1]])
    if adverb and adverb.group(1) in SENTENCE_ADVERBS:  # "Meanwhile, the spokesman … warned"
        src = (src[0] + adverb.end(), src[1])
    src = _without_cue_modifiers(resolver.doc, src, cue)
    src = _without_time(text, resolver.doc, src)
    closing = text[src[1] : src[1] + 1] == "," and not src[0] <= content[0] <= src[1]
    if closing and "," in text[src[0] : src[1]]:
        # "Jo Doe, a port official, said": the comma closing the appositive is part of the
        # phrase that names the source, as the one opening it is
        src = (src[0], src[1] + 1)
    cb, ce = _trim_content(text, *content)
    lead = _past_time_lead(text, resolver.doc, cb, ce)
    if lead == cb and cue[1] <= cb and not text[cue[1] : cb].strip():
        lead = _past_time_after_cue(text, resolver.doc, cb, ce)
    cb = lead
    semicolon = text.find(";", cb, ce)
    if semicolon > cb and not _has_quote_mark(text, cb, semicolon, "'"):
        # a semicolon outside a quotation joins a clause of its own ("… about the economy;
        # most said they were worried"): what was reported ends there
        ce = _trim_content(text, cb, semicolon)[1]
        if not _has_quote_mark(text, cb, ce):
            qtype = "indirect"
    cb += _complementizer(resolver.doc, cb)
    if ce - cb < 3 or not _names_someone(resolver.doc, *src):
        return None
    refers = src if refers is None or refers == src else refers
    if not text[refers[0] : refers[1]].strip():
        return None  # nothing names the speaker (a paragraph break taken for a subject)
    source = resolver.source(text, refers[0], refers[1], lemma)
    eb, ee = _strip(text, ev_b, ev_e, "")
    return Claim(
        source=source,
        cue=Span(cue[0], cue[1], text[cue[0] : cue[1]]),
        cue_lemma=lemma,
        content=Span(cb, ce, text[cb:ce]),
        evidence=Span(eb, ee, text[eb:ee]),
        quote_type=qtype,
        source_span=Span(src[0], src[1], text[src[0] : src[1]]),
    )
