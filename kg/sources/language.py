"""A cheap language check: is this text English?

kg's pipeline, gazetteer and cue lists are English-only, so a French article would go
through without error and come out as an empty or nonsense graph. Counting common
function words ("the", "of", "and" …) is enough to tell the languages news arrives in
apart, costs microseconds, and needs no model or download.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["detect_language", "english_or_reason"]

# The most frequent function words per language (lower case). Only words that are rare in
# the other listed languages, so a language's share is a usable signal on its own.
_STOPWORDS: dict[str, frozenset[str]] = {
    "English": frozenset(
        "the of and to in is that it was for on are with as his they be at this have from or "
        "had by but not what all were we when your can said there an which she do their if will "
        "would about has been who its him could them than then these so some her into also".split()
    ),
    "French": frozenset(
        "le la les des du et est une un dans que qui pour pas sur au aux avec ce ces son sa ses "
        "mais ou par plus ont été elle nous vous ils leur sont cette être avait fait comme".split()
    ),
    "German": frozenset(
        "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es "
        "wird sie er wir ich bei nach aus wie noch oder aber werden hat haben einen".split()
    ),
    "Spanish": frozenset(
        "el la los las de del y que en un una es por con para se su sus al lo como más pero "
        "ya este esta fue han ha muy sobre entre cuando también sin".split()
    ),
    "Italian": frozenset(
        "il lo la gli le di del della che e un una per non con si sono è da nel nella anche "
        "come più ma questo questa ha hanno stato alla dei".split()
    ),
    "Portuguese": frozenset(
        "o a os as de do da dos das e que em um uma não para com por se mais como mas foi ao "
        "pelo pela seu sua também está são".split()
    ),
    "Dutch": frozenset(
        "de het een en van in is dat op te zijn met voor niet aan er ook als bij door maar "
        "om dan nog wel uit wordt hij zij worden".split()
    ),
}

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MIN_WORDS = 12  # below this a stopword ratio is noise; let short texts through
MIN_ENGLISH_SHARE = 0.12  # English news runs at 0.35-0.5; other languages at < 0.05


def _script(text: str) -> str | None:
    """The dominant non-Latin script of the letters, when most letters are not Latin."""
    counts: dict[str, int] = {}
    letters = 0
    for ch in text[:20000]:
        if ch.isalpha():
            letters += 1
            name = unicodedata.name(ch, "")
            script = name.split(" ", 1)[0] if name else ""
            if script != "LATIN":
                counts[script] = counts.get(script, 0) + 1
    if not letters or not counts:
        return None
    script, n = max(counts.items(), key=lambda kv: kv[1])
    if n / letters < 0.5:
        return None
    names = {"CJK": "Chinese or Japanese", "HANGUL": "Korean", "HIRAGANA": "Japanese", "KATAKANA": "Japanese"}
    return names.get(script, script.title() + " script")


def detect_language(text: str) -> tuple[str | None, dict[str, float]]:
    """The likeliest language name (None when the text is too short to tell) and the
    stopword share of every candidate, for messages and tests."""
    script = _script(text)
    if script:
        return script, {}
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text[:50000])]
    if len(words) < MIN_WORDS:
        return None, {}
    shares = {lang: sum(w in sw for w in words) / len(words) for lang, sw in _STOPWORDS.items()}
    best = max(shares, key=lambda k: shares[k])
    if shares["English"] >= MIN_ENGLISH_SHARE:
        return "English", shares
    return best, shares


def english_or_reason(text: str) -> str | None:
    """None when the text is English (or too short to tell), else why it is refused."""
    lang, shares = detect_language(text)
    if lang is None or lang == "English":
        return None
    if not shares:
        return f"looks like {lang}, not English; kg analyses English articles only"
    if shares[lang] < 0.05:
        return (
            f"does not look like English (only {shares['English']:.0%} common English words); "
            "kg analyses English articles only"
        )
    return f"looks like {lang}, not English; kg analyses English articles only"
