"""Readers without the NLP: every input kind becomes Articles or one clear rejection."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from kg.ingest import SourceOptions, _stdin, iter_articles, read_article
from kg.sources.dates import date_from_name, parse_date
from kg.sources.language import english_or_reason
from kg.sources.records import FieldMap

ENGLISH = (
    "Talks in Geneva\n\nThe envoy said on Monday that the talks between the two delegations would "
    "resume in Geneva next week. Officials from both sides met in the city last month, and the "
    "foreign ministry said that the meeting was constructive.\n"
)
BODY = ENGLISH.split("\n\n", 1)[1].strip()
FRENCH = (
    "Le président de la République a annoncé mardi que les négociations avec les syndicats "
    "reprendraient la semaine prochaine à Paris, selon son porte-parole, qui a ajouté que le "
    "gouvernement était prêt à faire des concessions."
)
PAGE = f"""<html><head><title>Talks in Geneva | Daily News</title>
<meta property="og:site_name" content="Daily News">
<link rel="canonical" href="https://news.example.com/2024/03/talks">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<meta name="author" content="Jane Roe"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Talks in Geneva</h1><p>{BODY}</p></article><footer>Share this article</footer></body></html>"""


def items(*inputs, **kw):
    return list(iter_articles([str(i) for i in inputs], SourceOptions(**kw)))


def only_error(result) -> str:
    assert len(result) == 1, result
    origin, err = result[0]
    assert isinstance(err, Exception), err
    return str(err)


def test_txt_keeps_title_rule_and_dates_from_file_name(tmp_path):
    p = tmp_path / "reuters_2015-11-11_talks.txt"
    p.write_text(ENGLISH, encoding="utf-8")
    [(origin, art)] = items(p)
    assert art.title == "Talks in Geneva" and art.published == dt.date(2015, 11, 11)
    assert art.language == "en" and origin == str(p)
    assert read_article(p).title == "Talks in Geneva"  # the old entry point still works


def test_html_metadata(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(PAGE, encoding="utf-8")
    [(_, art)] = items(p)
    assert art.url == "https://news.example.com/2024/03/talks"
    assert art.published == dt.date(2024, 3, 5)
    assert art.publisher == "Daily News" and art.author == "Jane Roe"
    assert "Geneva next week" in art.text and "Home" not in art.text


def test_folder_is_walked_recursively_in_order(tmp_path):
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "b" / "c" / "z.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b" / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text(ENGLISH, encoding="utf-8")
    assert [o.rsplit("/", 1)[1] for o, _ in items(tmp_path)] == ["a.txt", "z.txt"]


def test_jsonl_fields_and_line_numbers(tmp_path):
    p = tmp_path / "corpus.jsonl"
    good = {"body": BODY, "headline": "Talks", "when": "Nov 11, 2015", "link": "https://x.example/1"}
    p.write_text(
        json.dumps(good) + "\n\n{not json\n" + json.dumps({"headline": "no body"}) + "\n[1, 2]\n",
        encoding="utf-8",
    )
    out = items(p, fields=FieldMap(text="body", title="headline", date="when", url="link"))
    art = out[0][1]
    assert (art.title, art.published, art.url) == ("Talks", dt.date(2015, 11, 11), "https://x.example/1")
    msgs = [str(e) for _, e in out[1:]]
    assert msgs[0].startswith(f"{p}:3: malformed JSON line")
    assert msgs[1].startswith(f"{p}:4: no 'body' field")
    assert msgs[2].startswith(f"{p}:5: expected a JSON object")


def test_malformed_json_file_names_line(tmp_path):
    p = tmp_path / "corpus.json"
    p.write_text('[\n {"text": "a"},\n {"text": oops}\n]', encoding="utf-8")
    assert f"{p}: malformed JSON at line 3" in only_error(items(p))


def test_json_array_and_bad_date(tmp_path):
    p = tmp_path / "corpus.json"
    p.write_text(json.dumps([{"text": BODY, "date": "2020-02-30"}, {"text": BODY, "date": "soon"}]))
    out = items(p)
    assert "is not a date" in str(out[0][1]) and out[0][0] == f"{p}[0]"
    assert "field 'date'" in str(out[1][1])


def test_csv_good_and_short_rows(tmp_path):
    p = tmp_path / "corpus.csv"
    p.write_text(f'title,text,date\nTalks,"{BODY}",2015-11-11\nShort row only\n', encoding="utf-8")
    out = items(p)
    assert out[0][1].published == dt.date(2015, 11, 11) and out[0][1].title == "Talks"
    assert str(out[1][1]).startswith(f"{p}:3: row has 1 of 3 columns; missing text")


def test_csv_without_text_column(tmp_path):
    p = tmp_path / "corpus.csv"
    p.write_text("headline,date\nTalks,2015-11-11\n", encoding="utf-8")
    msg = only_error(items(p))
    assert msg.startswith(f"{p}: no 'text' column (columns: headline, date)") and "--text-field" in msg


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 50, "looks like a binary file"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n  \r\n", "empty"),
        ("latin1.txt", "Café talks\n\nLe ministre a dit.".encode("latin-1"), "not valid UTF-8"),
        ("menu.html", b"<html><body><nav><a href='/'>Home</a> Login</nav></body></html>", "no article text"),
        ("empty.html", b"", "empty"),
        ("binary.html", b"\x00\x00\x89PNG" * 40, "looks like a binary file"),
        ("french.txt", ("Titre\n\n" + FRENCH).encode(), "looks like French, not English"),
        ("empty.jsonl", b"", None),  # no records: nothing to report, nothing stored
        ("records.docx", b"PK\x03\x04", "unsupported file type '.docx'"),
        ("empty.json", b"", "empty"),
        ("obj.json", b'"just a string"', "expected a JSON array"),
        ("empty.csv", b"", "empty (no header row)"),
    ],
)
def test_bad_files(tmp_path, name, data, reason):
    p = tmp_path / name
    p.write_bytes(data)
    out = items(p)
    if reason is None:
        assert out == []
        return
    msg = only_error(out)
    assert msg.startswith(str(p)) and reason in msg, msg


def test_utf16_with_bom_is_accepted(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes(ENGLISH.encode("utf-16"))
    [(_, art)] = items(p)
    assert art.title == "Talks in Geneva"


def test_size_cap_on_a_50mb_file(tmp_path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as f:
        line = (BODY + "\n").encode()
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    msg = only_error(items(p))
    assert msg.startswith(f"{p}: ") and "over the 20971520-byte limit" in msg


def test_missing_path():
    assert only_error(items("/nowhere/at/all.txt")) == "/nowhere/at/all.txt: no such file or folder"


def test_stdin_text_jsonl_and_empty():
    opts = SourceOptions()
    [(o, art)] = list(_stdin(io.BytesIO(ENGLISH.encode()), opts))
    assert o == "stdin" and art.title == "Talks in Geneva"
    out = list(_stdin(io.BytesIO((json.dumps({"text": BODY}) + "\n{bad\n").encode()), opts))
    assert out[0][1].text == BODY and str(out[1][1]).startswith("stdin:2: malformed JSON line")
    with pytest.raises(Exception, match="stdin: empty"):
        list(_stdin(io.BytesIO(b"  \n"), opts))


def test_dates_and_language_helpers():
    assert parse_date("2015-11-11T08:30:00+01:00") == dt.date(2015, 11, 11)
    assert parse_date("Wed, 11 Nov 2015 08:30:00 GMT") == dt.date(2015, 11, 11)
    assert parse_date("11 November 2015") == dt.date(2015, 11, 11)
    assert date_from_name("breitbart_2015-11-31_x.txt") is None and date_from_name("a20151111.txt")
    with pytest.raises(ValueError):
        parse_date("yesterday-ish")
    assert english_or_reason(BODY) is None
    assert english_or_reason("Short note.") is None  # too short to judge
    assert "German" in english_or_reason(
        "Der Präsident hat am Dienstag angekündigt, dass die Verhandlungen mit den Gewerkschaften "
        "in der nächsten Woche in Berlin wieder aufgenommen werden, sagte sein Sprecher."
    )
