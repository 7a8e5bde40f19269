"""Attribution: who (source) said (cue) what (content), with exact spans.

Rules work per paragraph so a quotation can run over several sentences. Shapes covered:
    “Q,” SOURCE said.        “Q,” said SOURCE.       SOURCE said (that|:) Q.
    Q, writes SOURCE.        Q, SOURCE said.         According to SOURCE, Q.   Q, according to SOURCE.
    SOURCE described X as “Q”.                       SOURCE told REPORTERS (that) Q.
Pronouns ("he said") and nominal references ("the statement argued") go to the last
compatible claimant; sources with no proper name are kept as unnamed actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..models import Claim, Mention, Span
from .lexicon import CUE_FORMS, PARTICIPLE_CUES, PRONOUNS, cue_regex
from .mentions import classify_name, name_runs

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
_BOUNDARY = re.compile(r"[,;:(\[—–]|[”\"](?=\s)|\b(?:" + "|".join(sorted(_BOUNDARY_WORDS)) + r")\b")
_APPOSITIVE = re.compile(
    r"\s*(?:(?:But|And|Meanwhile|However|Still|Yet|On\s+\w+|Last\s+\w+)\s*,?\s+)?"
    r"(?P<name>(?:[A-Z][\w.'’-]*|al-[A-Z][\w'’-]*)"
    r"(?:\s+(?:[A-Z][\w.'’-]*|al-[A-Z][\w'’-]*|\([^)]{1,12}\))){0,4})"
    r",\s+(?P<desc>[^,;“”\"]{2,120}?(?:,\s+(?:which|who)\s+[^,;“”\"]{3,80}|,\s+[^,;“”\"]{2,40}){0,3}),\s*"
)
_PARTICIPLE_AFTER = re.compile(r",\s+(?:" + "|".join(PARTICIPLE_CUES) + r")\b")
_TOLD_OBJECT = re.compile(
    r"\s+(?:reporters|journalists|him|her|them|us|me|you"
    r"|(?:the|a|an|his|her|their|its)\s+[\w'’-]+(?:\s+[\w'’-]+)?"
    r"|[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4})"
    r"(?:\s+(?:on|in|at|last|this)\s+[\w'’-]+(?:\s+[\w'’-]+)?)?\s+(?:that\s+)?"
    r"(?=(?:he|she|they|it|we|i|the|a|an|there|his|her|their|[A-Z])\b)"
)
_SKIP_BEFORE_CUE = re.compile(
    r"(?:\s+(?:has|have|had|also|previously|later|then|again|already|recently|reportedly|"
    r"once|repeatedly|earlier|further|publicly|privately|had\s+previously|would|will|"
    r"has\s+also|have\s+also|did|does|do|not|never|is|was|were|are|"
    r"(?:continues?|continued|wants?|wanted|plans?|planned|going|has|have|had|need|needs|will\s+continue)\s+to))+\s*$"
)
_REFERENCE_NOUNS = {"statement", "report", "communique", "communiqué", "announcement", "release", "letter"}
_MAX_SOURCE_WORDS = 16


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
            paras.append(Paragraph(b, e, sents))
    return paras


def _strip(text: str, b: int, e: int, chars: str = " \t\n,;:") -> tuple[int, int]:
    while b < e and text[b] in chars:
        b += 1
    while e > b and text[e - 1] in chars:
        e -= 1
    return b, e


def _trim_content(text: str, b: int, e: int) -> tuple[int, int]:
    """Drop surrounding spaces, commas and a final full stop; drop quotation marks only
    when they wrap the whole content."""
    b, e = _strip(text, b, e, " \t\n,;:")
    if e > b and text[e - 1] in ".!?" and not (e - b > 1 and text[e - 2] in _CLOSE):
        e -= 1
    b, e = _strip(text, b, e, " \t\n,;:")
    if e - b >= 4 and text[b : b + 2] == "''" and text[e - 2 : e] == "''" and "''" not in text[b + 2 : e - 2]:
        b, e = _strip(text, b + 2, e - 2, " \t\n,;:")
        return b, e
    if e - b >= 2 and text[b] in _OPEN and text[e - 1] in _CLOSE:
        inner = text[b + 1 : e - 1]
        if not any(c in inner for c in '“”"'):
            b, e = b + 1, e - 1
            b, e = _strip(text, b, e, " \t\n,;:")
            if e > b and text[e - 1] in ",":
                e -= 1
    return b, e


def _quotes(text: str, para: Paragraph) -> list[tuple[int, int]]:
    """Quotation spans (including the marks) inside a paragraph."""
    return [
        (para.begin + m.start(), para.begin + m.end()) for m in _QUOTE.finditer(text[para.begin : para.end])
    ]


def _source_before(text: str, sent_b: int, cue_b: int) -> tuple[int, int] | None:
    """The noun phrase right before a cue, back to a clause boundary."""
    left = text[sent_b:cue_b]
    skip = _SKIP_BEFORE_CUE.search(left)
    if skip:
        left = left[: skip.start()]
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
        if appos:
            return _strip(text, appos.start("name"), appos.end("desc"), " \t\n,;:")
    b, e = _strip(text, start, end, ' \t\n,;:"“”')
    # a reporting verb inside the phrase starts a new clause ("Merrill says Machado")
    inner = [m for m in _CUE.finditer(text, b, e) if m.group("cue")]
    if inner:
        b, e = _strip(text, inner[-1].end(), e, ' \t\n,;:"“”')
    words = text[b:e].split()
    if not words or len(words) > _MAX_SOURCE_WORDS:
        return None
    if not any(w[:1].isalpha() for w in words):
        return None
    return b, e


def _parse_subject(doc: Doc | None, sb: int, cue_b: int, cue_e: int) -> tuple[int, int] | None:
    """The subject phrase of the cue verb from the parse, when it ends before the cue
    (appositives and relative clauses included, as the tree has them)."""
    if doc is None:
        return None
    cue = doc.char_span(cue_b, cue_e, alignment_mode="expand")
    if cue is None or not len(cue):
        return None
    verb = cue[0]
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubj:pass"} and c.i < verb.i), None)
    if subj is None:
        return None
    b = subj.left_edge.idx
    last = subj.right_edge
    while last.i > subj.i and last.is_punct:
        last = last.nbor(-1)
    e = last.idx + len(last)
    if b < sb or e > cue_b or re.search(r"[,;:“”\"]", doc.text[e:cue_b]):
        return None  # a subject set off by a comma is not this cue's ("…, writes SY 24")
    return b, e


def _inside_name(text: str, b: int, e: int) -> bool:
    """Whether a conjunction joins capitalised words ("Revolutionary and Opposition")."""
    prev = re.search(r"(\S+)\s+$", text[max(0, b - 40) : b])
    nxt = re.match(r"\s+(\S+)", text[e : e + 40])
    return bool(prev and nxt and prev.group(1)[:1].isupper() and nxt.group(1)[:1].isupper())


def _source_after(text: str, cue_e: int, sent_e: int) -> tuple[int, int] | None:
    """The noun phrase after an inverted cue ("said Ahwazi", "writes SY 24"), up to the
    sentence end; only short phrases, since a long tail is a clause, not a name."""
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
    if not words or len(words) > 8:
        return None
    return b, e


@dataclass
class _Resolver:
    """Carries speakers across the article for pronoun and nominal references."""

    mentions: list[Mention]
    doc: Doc | None = None
    last_person: Mention | None = None
    last_plural: Mention | None = None
    last_any: Mention | None = None

    def source(self, text: str, b: int, e: int, cue_lemma: str) -> Mention:
        phrase = text[b:e]
        low = phrase.lower()
        words = low.split()
        if low in PRONOUNS:
            kind = PRONOUNS[low]
            ref = self.last_person if kind == "sg" else self.last_plural if kind == "pl" else self.last_any
            ref = ref or self.last_any
            if ref is not None:
                return Mention(
                    Span(b, e, phrase),
                    ref.label,
                    ref.kind,
                    affiliations=ref.affiliations,
                    vague=ref.vague,
                    key=ref.key,
                )
        if (
            words
            and words[-1] in _REFERENCE_NOUNS
            and words[0] in {"the", "this", "that", "its"}
            and self.last_any
        ):
            ref = self.last_any
            return Mention(
                Span(b, e, phrase),
                ref.label,
                ref.kind,
                affiliations=ref.affiliations,
                vague=ref.vague,
                key=ref.key,
            )
        inside = [m for m in self.mentions if b <= m.span.begin and m.span.end <= e]
        affiliations = tuple(dict.fromkeys(m.label for m in inside if m.kind in {"Country", "City", "Place"}))
        # a known actor that is the head of the phrase (ends it)
        for m in reversed(inside):
            if m.kind in {"City", "Place"}:
                continue  # a speaker is never a place; a name the NER called one is reread below
            if m.span.end >= e - 1 or (m.span.begin == b and m.span.end == e):
                return self._remember(
                    Mention(m.span, m.label, m.kind, affiliations=m.affiliations or (), key=m.key)
                )
        runs = [(rb + b, re_ + b) for rb, re_ in name_runs(phrase)]
        runs = [r for r in runs if not _only_demonyms(text[r[0] : r[1]], inside)]
        if runs and runs[-1][1] >= e - 1:
            rb, re_ = runs[-1]
            name = re.sub(r"^(?:The|the)\s+", "", text[rb:re_])
            if name.startswith("The "):
                rb += 4
            rb = re_ - len(name)
            kind = classify_name(name, cue_lemma)
            return self._remember(Mention(Span(rb, re_, name), name, kind, affiliations=affiliations))
        label = re.sub(r"^(?:the|a|an|some|several|many|other|two|three)\s+", "", phrase, flags=re.I)
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

    def _remember(self, m: Mention, plural: bool = False) -> Mention:
        self.last_any = m
        if m.kind == "Person":
            self.last_person = m
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


def _only_demonyms(run: str, inside: list[Mention]) -> bool:
    return all(
        w in {m.span.text for m in inside if m.kind == "Country"} or w.lower() in {"the"}
        for w in re.split(r"[\s-]+", run)
    )


def find_claims(
    text: str, sentence_bounds: list[tuple[int, int]], mentions: list[Mention], doc: Doc | None = None
) -> list[Claim]:
    """All attributions in the article, in text order. With a parsed `doc`, a cue verb's
    grammatical subject bounds the source phrase; without one, clause boundaries do."""
    resolver = _Resolver(mentions, doc if doc is not None and doc.has_annotation("DEP") else None)
    claims: list[Claim] = []
    used_content: list[tuple[int, int]] = []
    for para in paragraphs(text, sentence_bounds):
        quotes = _quotes(text, para)
        colon = _colon_claim(text, para, resolver)
        if colon is not None and not _clashes(colon, used_content, allow_nested=False):
            used_content.append((colon.content.begin, colon.content.end))
            claims.append(colon)
        for sb, se in para.sentences:
            for m in _CUE.finditer(text, sb, se):
                if any(qb < m.start() < qe - 1 for qb, qe in quotes):
                    continue  # words inside a quotation are the quoted speech, not its cue
                claim = _claim_at(text, para, sb, se, m, quotes, resolver)
                if claim is None:
                    continue
                coordinated = re.search(r"\b(?:and|but)\s+(?:also\s+)?$", text[sb : m.start()])
                if _clashes(claim, used_content, allow_nested=bool(coordinated)):
                    continue
                cb, ce = claim.content.begin, claim.content.end
                used_content.append((cb, ce))
                claims.append(claim)
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
                if claim is not None and not _clashes(claim, used_content, allow_nested=True):
                    used_content.append((claim.content.begin, claim.content.end))
                    claims.append(claim)
    claims.sort(key=lambda c: c.evidence.begin)
    return claims


# "Pat Caddell: Democrat voters worried …" (headlines), "WALLACE: Let's start …" (transcripts)
_COLON = re.compile(
    r"[ \t]*[\"“]?(?P<src>(?:Mr\.|Mrs\.|Ms\.|Dr\.|Sen\.|Gov\.)?\s*"
    r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})"
    r":[ \t]+(?P<content>\S[^\n]*)"
)
_NOT_SPEAKERS = {
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
}


def _colon_claim(text: str, para: Paragraph, resolver: _Resolver) -> Claim | None:
    """A line that opens with a speaker and a colon gives the rest of the line to them."""
    m = _COLON.match(text, para.begin, para.end)
    if m is None or m.group("src").strip().lower() in _NOT_SPEAKERS or len(m.group("content").split()) < 3:
        return None
    src_b = m.start("src") + len(m.group("src")) - len(m.group("src").lstrip())
    colon = m.end("src")
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


def _clashes(claim: Claim, used: list[tuple[int, int]], allow_nested: bool) -> bool:
    """Whether a claim's content overlaps one already found, other than by nesting inside
    it (an attribution reported within another one's content, cue included)."""
    cb, ce = claim.content.begin, claim.content.end
    for ub, ue in used:
        if cb < ue and ub < ce:
            nested = allow_nested and ub <= cb and ce <= ue and ub <= claim.cue.begin < ue
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
    # a noun ("the reports", "a claim") is not a cue unless its verb reading is clear
    before = text[max(sb, cue_b - 12) : cue_b].lower()
    if re.search(
        r"(?:\b(?:the|a|an|these|those|such|his|her|their|its|our|on|of|about|to|in|by|from|amid)|(?<=\w)[’']s?)\s+$",
        before,
    ):
        return None
    progressive = re.search(r"\b(?:is|are|was|were|been|be|keeps|kept)\s+$", text[max(sb, cue_b - 8) : cue_b])
    if form in PARTICIPLE_CUES and not progressive:
        return _participle(text, sb, se, cue_b, cue_e, PARTICIPLE_CUES[form], quotes, resolver)
    q_before = [q for q in quotes if q[1] <= cue_b and q[1] >= para.begin]
    # 1) “Q,” SOURCE said / “Q,” said SOURCE
    for qb, qe in reversed(q_before):
        between = text[qe:cue_b]
        if re.fullmatch(r"\s*,?\s*", between):  # “Q,” said X
            src = _source_after(text, cue_e, se)
            if src and _looks_like_source(text[src[0] : src[1]]):
                return _build(text, resolver, src, (cue_b, cue_e), lemma, (qb, qe), qb, se, "direct")
        if (
            re.fullmatch(r"\s*,?\s*[^,;“”\"]{1,80}?\s*", between)
            and len(between.split()) <= 10
            and qe >= sb - 2
            and text[qe - 2 : qe].strip(_CLOSE)[-1:] in {",", "?", "!", ""}
        ):
            src = (qe + len(between) - len(between.lstrip(" ,")), cue_b)
            src = _strip(text, src[0], src[1])
            s2 = _source_before(text, src[0], cue_b)
            if s2:
                return _build(text, resolver, s2, (cue_b, cue_e), lemma, (qb, qe), qb, se, "direct")
        break
    # 2) SOURCE said (that|:) CONTENT
    src = _parse_subject(resolver.doc, sb, cue_b, cue_e) or _source_before(text, sb, cue_b)
    if src is None and re.search(r"\b(?:and|but)\s+(?:also\s+)?$", text[sb:cue_b]):
        # "X promised … and said …": the coordinated verb shares the sentence subject
        lead = _SUBJECT.match(text, sb + len(text[sb:cue_b]) - len(text[sb:cue_b].lstrip()), cue_b)
        if lead:
            src = (lead.start(), lead.end())
    elif src is None and re.search(r"\b(?:who|which)\s+(?:also\s+)?$", text[sb:cue_b]):
        # "listeners to his program who said …": the antecedent is the source
        rel = re.search(r",?\s*\b(?:who|which)\s+(?:also\s+)?$", text[sb:cue_b])
        src = _source_before(text, sb, sb + rel.start() + 1) if rel else None
    after = text[cue_e:se]
    if src and re.match(r"\s*(?:[,:]|that\b|\s+[“\"]|\s+\w)", after):
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
        # a quotation that starts in the content runs to its closing mark
        for qb, qe in quotes:
            if cb <= qb < se and qe > se:
                ce = qe
        body = text[cb:ce].strip(" ,:")
        if len(body.split()) < 3 or not _looks_like_source(text[src[0] : src[1]]):
            return None
        qtype = (
            "direct"
            if re.match(r"\s*[:,]?\s*[“\"]", text[cb:ce]) and text[ce - 1 : ce] in _CLOSE
            else ("mixed" if any(cb <= qb and qe <= ce + 1 for qb, qe in quotes) else "indirect")
        )
        return _build(text, resolver, src, (cue_b, cue_e), lemma, (cb, ce), sb, max(se, ce), qtype)
    # 3) CONTENT, SOURCE said.  /  CONTENT, writes SOURCE.
    tail = text[cue_e:se]
    if re.fullmatch(r"[^,;“”\"]{0,80}(?:,[^;“”\"]{0,160})?[.!?]?\s*", tail) and re.search(
        r",\s*[^,]{0,80}$", text[sb:cue_b]
    ):
        comma = sb + text[sb:cue_b].rfind(",")
        start = sb
        for qb, qe in quotes:
            if qb < sb < qe:
                start = qb
        src_after = _source_after(text, cue_e, se)
        between = text[comma + 1 : cue_b].strip()
        if between and len(between.split()) <= 8 and not src_after:
            src = _strip(text, comma + 1, cue_b)
        elif not between and src_after:
            src = src_after
        else:
            return None
        if not _looks_like_source(text[src[0] : src[1]]) or len(text[start:comma].split()) < 3:
            return None
        qtype = "direct" if text[start] in _OPEN else "indirect"
        return _build(text, resolver, src, (cue_b, cue_e), lemma, (start, comma), start, se, qtype)
    return None


_SUBJECT = re.compile(
    r"(?:(?:[Tt]he|[Aa]|[Aa]n)\s+[\w'’-]+(?:\s+[\w'’-]+){0,3}?|He|She|They|It|We|I"
    r"|(?:[A-Z][\w.'’-]*|al-[A-Z][\w'’-]*)(?:\s+(?:of\s+|the\s+)?(?:[A-Z][\w.'’-]*|al-[A-Z][\w'’-]*)){0,5})"
    r"(?=\s+(?:has\s+|have\s+|had\s+|also\s+|was\s+|were\s+|is\s+|are\s+|will\s+|would\s+)?[a-z]+\b)"
)


def _participle(text, sb, se, cue_b, cue_e, lemma, quotes, resolver) -> Claim | None:
    """ "SUBJECT did X, saying CONTENT": the claim belongs to the sentence's subject."""
    if not re.search(r",\s*$", text[sb:cue_b]):
        return None
    lead = re.match(r"\s*(?:[“\"][^”\"]*[”\"],?\s*)?", text[sb:cue_b])
    start = sb + (lead.end() if lead else 0)
    m = _SUBJECT.match(text, start, cue_b)
    if not m or not _looks_like_source(m.group()):
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
    qtype = "direct" if re.match(r"\s*[:,]?\s*[“\"]", text[cb:ce]) else "indirect"
    return _build(text, resolver, (m.start(), m.end()), (cue_b, cue_e), lemma, (cb, ce), sb, se, qtype)


def _according_to(text, para, sb, se, m, resolver) -> Claim | None:
    cue_b, cue_e = m.start("acc"), m.end("acc")
    rest = text[cue_e:se]
    sm = re.match(r"\s+([^,.;]+)", rest)
    if not sm:
        return None
    src = _strip(text, cue_e + sm.start(1), cue_e + sm.end(1))
    if cue_b - sb <= 2:  # According to X, CONTENT.
        cb = src[1]
        return _build(text, resolver, src, (cue_b, cue_e), "according to", (cb, se), sb, se, "indirect")
    # CONTENT, according to X.
    return _build(text, resolver, src, (cue_b, cue_e), "according to", (sb, cue_b), sb, se, "indirect")


def _looks_like_source(phrase: str) -> bool:
    """A source names or refers to someone: not a bare number, date or a long clause."""
    words = phrase.split(",")[0].split()  # an appositive may be long; the head may not
    if not words or len(words) > _MAX_SOURCE_WORDS:
        return False
    if re.fullmatch(r"[\d\s.,%$-]+", phrase):
        return False
    low = phrase.lower()
    if low in {"it", "this", "that", "there", "which", "what"}:
        return False
    return True


def _build(text, resolver, src, cue, lemma, content, ev_b, ev_e, qtype) -> Claim | None:
    cb, ce = _trim_content(text, *content)
    if ce - cb < 3:
        return None
    source = resolver.source(text, src[0], src[1], lemma)
    eb, ee = _strip(text, ev_b, ev_e, " \t\n")
    return Claim(
        source=source,
        cue=Span(cue[0], cue[1], text[cue[0] : cue[1]]),
        cue_lemma=lemma,
        content=Span(cb, ce, text[cb:ce]),
        evidence=Span(eb, ee, text[eb:ee]),
        quote_type=qtype,
        source_span=Span(src[0], src[1], text[src[0] : src[1]]),
    )
