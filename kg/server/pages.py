"""HTML for people: the query page (`/`) and one page per resource (actor, claim, article,
meeting, anything else). Plain HTML and a little inline JavaScript, no external CDN, so
the pages work offline and under a strict CSP."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import HTMLResponse

from kg.namespaces import KG, NIF, PREFIXES, RDF, RDFS

__all__ = ["load_examples", "query_page", "resource_page"]

STYLE = """body{font-family:system-ui,sans-serif;max-width:72rem;margin:1rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;
vertical-align:top}th{background:#f3f3f3}mark{background:#ffe066}textarea{width:100%;font-family:monospace}
.text{white-space:pre-wrap;border:1px solid #ddd;padding:.75rem;background:#fafafa}.err{color:#a00}
nav a{margin-right:1rem}code{font-size:90%}"""


def load_examples(folder: Path | None) -> list[dict[str, str]]:
    """The competency queries as examples: name, first comment line as title, text."""
    if folder is None or not Path(folder).is_dir():
        return []
    out = []
    for f in sorted(Path(folder).glob("*.rq")):
        text = f.read_text(encoding="utf-8")
        first = text.splitlines()[0] if text else f.stem
        title = first.lstrip("# ").strip() if first.startswith("#") else f.stem
        out.append({"name": f.stem.upper().replace("CQ0", "CQ"), "title": title, "query": text})
    return out


def _page(title: str, body: str) -> str:
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f'<meta name="viewport" content="width=device-width,initial-scale=1"><style>{STYLE}</style></head>'
        f'<body><nav><a href="/">query</a><a href="/.well-known/void">VoID</a><a href="/sparql">service</a>'
        f"</nav>{body}</body></html>"
    )


QUERY_JS = r"""
const EXAMPLES = __EXAMPLES__, BASE = __BASE__;
const $ = (id) => document.getElementById(id);
function local(iri) { return iri.startsWith(BASE) ? "/" + iri.slice(BASE.length) : iri; }
function cell(b) {
  const td = document.createElement("td");
  if (!b) return td;
  if (b.type === "uri") {
    const a = document.createElement("a");
    a.href = local(b.value); a.textContent = b.value; td.appendChild(a);
  } else { td.textContent = b.value; }
  return td;
}
function downloads(q) {
  const d = $("downloads"); d.innerHTML = "Download: ";
  for (const f of ["json", "xml", "csv", "tsv", "turtle", "ntriples", "jsonld", "rdfxml"]) {
    const a = document.createElement("a");
    a.href = "/sparql?format=" + f + "&query=" + encodeURIComponent(q); a.textContent = f; a.className = "dl";
    d.appendChild(a); d.appendChild(document.createTextNode(" "));
  }
}
async function run() {
  const q = $("query").value, out = $("results");
  out.textContent = "running…"; $("status").textContent = "";
  const t0 = performance.now();
  const r = await fetch("/sparql", {method: "POST", headers: {
    "Content-Type": "application/x-www-form-urlencoded",
    "Accept": "application/sparql-results+json, text/turtle;q=0.9"}, body: "query=" + encodeURIComponent(q)});
  const ms = Math.round(performance.now() - t0);
  out.textContent = "";
  if (!r.ok) { out.innerHTML = ""; const p = document.createElement("pre"); p.className = "err";
    p.textContent = r.status + " " + await r.text(); out.appendChild(p); return; }
  downloads(q);
  const ct = r.headers.get("content-type") || "";
  if (!ct.includes("json")) { const p = document.createElement("pre"); p.textContent = await r.text();
    out.appendChild(p); return; }
  const data = await r.json();
  if ("boolean" in data) { out.textContent = String(data.boolean); return; }
  const vars = data.head.vars, table = document.createElement("table"); table.id = "results-table";
  const tr = document.createElement("tr");
  for (const v of vars) { const th = document.createElement("th"); th.textContent = v; tr.appendChild(th); }
  table.appendChild(tr);
  for (const row of data.results.bindings) {
    const tr = document.createElement("tr");
    for (const v of vars) tr.appendChild(cell(row[v]));
    table.appendChild(tr);
  }
  out.appendChild(table);
  const cut = r.headers.get("KG-Truncated");
  $("status").textContent =
    data.results.bindings.length + " rows in " + ms + " ms" + (cut ? " (" + cut + ")" : "");
}
const sel = $("examples");
EXAMPLES.forEach((e, i) => {
  const o = document.createElement("option"); o.value = i; o.textContent = e.name + ": " + e.title;
  sel.appendChild(o); });
sel.addEventListener("change", () => {
  if (sel.value !== "") $("query").value = EXAMPLES[+sel.value].query;
});
$("run").addEventListener("click", run);
$("query").addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(); });
"""


async def query_page(request: Request) -> HTMLResponse:
    """/: a textarea editor with the competency queries as examples and a results table."""
    examples = request.app.state.examples
    base = request.app.state.settings.base
    first = examples[0]["query"] if examples else "SELECT * WHERE { ?s ?p ?o } LIMIT 20"
    js = QUERY_JS.replace("__EXAMPLES__", json.dumps(examples).replace("</", "<\\/")).replace(
        "__BASE__", json.dumps(base)
    )
    body = (
        "<h1>kg SPARQL</h1><p>The default graph is the union of the article graphs. "
        "Prefixes kg:, rdf:, rdfs:, xsd:, prov:, schema:, skos:, nif: are predeclared.</p>"
        '<label>Example: <select id="examples"><option value="">(choose a competency query)</option>'
        "</select></label>"
        f'<p><textarea id="query" rows="16" spellcheck="false">{html.escape(first)}</textarea></p>'
        '<p><button id="run" type="button">Run</button> <span id="status"></span></p>'
        '<p id="downloads"></p><div id="results"></div>'
        f"<script>{js}</script>"
    )
    return HTMLResponse(_page("kg SPARQL", body))


# ---------------------------------------------------------------- resource pages
def _label(store: ox.Store, node: Any) -> str:
    if isinstance(node, ox.NamedNode):
        for q in store.quads_for_pattern(node, RDFS.label, None, None):
            return q.object.value
        return node.value.rsplit("/", 1)[-1]
    return node.value if isinstance(node, ox.Literal) else str(node)


def _short(iri: str) -> str:
    for p, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{p}:{iri[len(ns) :]}"
    return iri


def _link(store: ox.Store, node: Any, base: str, text: str | None = None) -> str:
    if isinstance(node, ox.NamedNode):
        label = html.escape(text or _label(store, node))
        if node.value.startswith(base):
            return f'<a href="/{html.escape(node.value[len(base) :])}">{label}</a>'
        return f'<a href="{html.escape(node.value)}">{html.escape(_short(node.value))}</a>'
    return html.escape(node.value if isinstance(node, ox.Literal) else str(node))


def _triples_table(store: ox.Store, node: ox.NamedNode, base: str) -> str:
    rows = []
    seen = set()
    for q in store.quads_for_pattern(node, None, None, None):
        key = (q.predicate, q.object)
        if key in seen:
            continue
        seen.add(key)
        obj = q.object
        text = obj.value if isinstance(obj, ox.Literal) else None
        if text is not None and len(text) > 300:
            text = text[:300] + "…"
        cell = (
            html.escape(text)
            if text is not None
            else _link(store, obj, base, obj.value if not obj.value.startswith(base) else None)
        )
        rows.append(f"<tr><td>{html.escape(_short(q.predicate.value))}</td><td>{cell}</td></tr>")
    return (
        "<h2>All statements</h2><table><tr><th>property</th><th>value</th></tr>" + "".join(rows) + "</table>"
    )


def _one(store: ox.Store, s: Any, p: ox.NamedNode) -> Any:
    for q in store.quads_for_pattern(s, p, None, None):
        return q.object
    return None


def _span(store: ox.Store, span: Any) -> tuple[int, int] | None:
    b, e = _one(store, span, NIF.beginIndex), _one(store, span, NIF.endIndex)
    if b is None or e is None:
        return None
    return int(b.value), int(e.value)


def _highlighted(text: str, spans: list[tuple[int, int]]) -> str:
    """The article text with each evidence span in <mark> (overlaps merged)."""
    merged: list[list[int]] = []
    for b, e in sorted(spans):
        if merged and b <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([b, e])
    out, pos = [], 0
    for b, e in merged:
        out.append(html.escape(text[pos:b]))
        out.append(f"<mark>{html.escape(text[b:e])}</mark>")
        pos = e
    out.append(html.escape(text[pos:]))
    return '<div class="text">' + "".join(out) + "</div>"


def _claims_list(store: ox.Store, claims: list[Any], base: str) -> str:
    items = []
    for c in claims:
        content = _one(store, c, KG.content)
        claimant = _one(store, c, KG.claimant)
        who = _link(store, claimant, base) if claimant is not None else "?"
        items.append(
            f"<li>{who}: “{html.escape(content.value if content else '')}” "
            f"({_link(store, c, base, 'claim')})</li>"
        )
    return "<ul>" + "".join(items) + "</ul>" if items else "<p>none</p>"


def resource_page(store: ox.Store, iri: str, base: str) -> str:
    """The HTML page for one resource, shaped by its type."""
    node = ox.NamedNode(iri)
    types = {q.object.value for q in store.quads_for_pattern(node, RDF.type, None, None)}
    title = _label(store, node)
    parts: list[str] = []
    if KG.Claim.value in types:
        content = _one(store, node, KG.content)
        claimant = _one(store, node, KG.claimant)
        cue = _one(store, node, KG.cue)
        article = _one(store, node, KG.statedIn)
        title = f"Claim by {_label(store, claimant)}" if claimant is not None else "Claim"
        parts.append(
            f"<p><b>Claimant:</b> {_link(store, claimant, base) if claimant is not None else '?'} "
            f"<b>cue:</b> {html.escape(cue.value if cue else '')}</p>"
            f"<blockquote>{html.escape(content.value if content else '')}</blockquote>"
        )
        if article is not None:
            text = _one(store, article, NIF.isString)
            spans = [
                s
                for q in store.quads_for_pattern(node, KG.evidence, None, None)
                if (s := _span(store, q.object)) is not None
            ]
            parts.append(f"<h2>In {_link(store, article, base, _label(store, article))}</h2>")
            if text is not None:
                parts.append(_highlighted(text.value, spans))
    elif KG.Article.value in types:
        headline = _one(store, node, ox.NamedNode("https://schema.org/headline"))
        title = headline.value if headline is not None else title
        claims = [
            q.subject
            for q in store.quads_for_pattern(None, KG.statedIn, node, None)
            if KG.Claim in {t.object for t in store.quads_for_pattern(q.subject, RDF.type, None, None)}
        ]
        parts.append(f"<h2>Claims ({len(claims)})</h2>" + _claims_list(store, claims, base))
        text = _one(store, node, NIF.isString)
        if text is not None:
            parts.append(f'<h2>Text</h2><div class="text">{html.escape(text.value)}</div>')
    elif KG.Actor.value in types or KG.Place.value in types:
        claims = [q.subject for q in store.quads_for_pattern(None, KG.claimant, node, None)]
        meetings = {q.subject for q in store.quads_for_pattern(None, KG.participant, node, None)}
        meetings |= {q.subject for q in store.quads_for_pattern(None, KG.place, node, None)}
        about = [q.subject for q in store.quads_for_pattern(None, KG.about, node, None)]
        parts.append(f"<h2>Claims made ({len(claims)})</h2>" + _claims_list(store, claims, base))
        items = "".join(
            f"<li>{_link(store, m, base, 'meeting ' + m.value.rsplit('/', 1)[-1])}</li>"
            for m in sorted(meetings, key=lambda n: n.value)
        )
        parts.append(
            f"<h2>Meetings ({len(meetings)})</h2>" + (f"<ul>{items}</ul>" if items else "<p>none</p>")
        )
        parts.append(f"<h2>Claims about it ({len(about)})</h2>" + _claims_list(store, about, base))
    elif KG.Meeting.value in types:
        title = "Meeting " + iri.rsplit("/", 1)[-1]
        people = [q.object for q in store.quads_for_pattern(node, KG.participant, None, None)]
        place = _one(store, node, KG.place)
        status = _one(store, node, KG.status)
        parts.append(
            "<p><b>Participants:</b> "
            + ", ".join(_link(store, p, base) for p in people)
            + (f" <b>place:</b> {_link(store, place, base)}" if place is not None else "")
            + (f" <b>status:</b> {html.escape(_short(status.value))}" if status is not None else "")
            + "</p>"
        )
    type_text = ", ".join(html.escape(_short(t)) for t in sorted(types))
    head = f"<h1>{html.escape(title)}</h1><p><code>{html.escape(iri)}</code> — {type_text}</p>"
    alt = '<p>As <a href="?format=turtle">Turtle</a> · <a href="?format=jsonld">JSON-LD</a></p>'
    return _page(title, head + "".join(parts) + _triples_table(store, node, base) + alt)
