"""Readers for the kinds of input `kg ingest` accepts besides plain `.txt` files.

    html.py      HTML pages → main text and metadata (trafilatura)
    records.py   .json / .jsonl / .csv → one article per record (streamed)
    web.py       http(s) URLs and RSS/Atom feeds (requests, feedparser)
    language.py  is it English? (stopword ratio)
    dates.py     publication dates → datetime.date

`kg.ingest.iter_articles` dispatches to them; each yields `(origin, Article | InputError)`
so one bad record is reported and the rest go on.
"""
