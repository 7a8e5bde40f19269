"""`kg.toml`: the peers a team federates with, and where its store lives.

    store = "http://127.0.0.1:7878/"          # optional: a SPARQL 1.1 + Graph Store server

    [peers.alpha]
    endpoint = "http://alpha.example.org/sparql"
    token = "..."                              # optional: sent as `Authorization: Bearer`
    timeout = 10                               # optional: seconds per request (default 10)

The file is given with `--config PATH` to any command, or read from `./kg.toml` when it
exists. The peer list is the SERVICE allow-list: a query may only call these endpoints, so
the file is the one place that decides which machines `kg` talks to.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .errors import InputError

__all__ = ["DEFAULT_CONFIG", "DEFAULT_TIMEOUT", "Config", "Peer", "load_config"]

DEFAULT_CONFIG = "kg.toml"
DEFAULT_TIMEOUT = 10.0
PEER_KEYS = {"endpoint", "token", "timeout", "max_bytes"}
DEFAULT_MAX_BYTES = 20_000_000  # a peer answer larger than this is refused, not buffered


@dataclass(frozen=True)
class Peer:
    """One allow-listed SPARQL endpoint."""

    name: str
    endpoint: str
    token: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES

    @property
    def origin(self) -> tuple[str, str, int]:
        """(scheme, host, port): what a redirect must keep to stay on this peer."""
        return _origin(self.endpoint)


@dataclass(frozen=True)
class Config:
    """The parsed file; an empty `Config()` allows no peer at all."""

    peers: dict[str, Peer] = field(default_factory=dict)
    store: str | None = None
    path: Path | None = None

    def peer_for(self, endpoint: str) -> Peer | None:
        """The peer whose endpoint is exactly `endpoint` (the allow-list test)."""
        for p in self.peers.values():
            if p.endpoint == endpoint:
                return p
        return None

    def peer_for_origin(self, url: str) -> Peer | None:
        """A peer on the same scheme/host/port as `url` (redirects may change the path only)."""
        try:
            origin = _origin(url)
        except InputError:
            return None
        for p in self.peers.values():
            if p.origin == origin:
                return p
        return None


def _origin(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"{url!r} is not an http(s) URL")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.scheme, parts.hostname.lower(), port


def _peer(path: Path, name: str, table: object) -> Peer:
    where = f"{path}: [peers.{name}]"
    if not isinstance(table, dict):
        raise InputError(f"{where} must be a table with an 'endpoint' key")
    unknown = set(table) - PEER_KEYS
    if unknown:
        raise InputError(
            f"{where}: unknown key(s) {', '.join(sorted(unknown))}; use {', '.join(sorted(PEER_KEYS))}"
        )
    endpoint = table.get("endpoint")
    if not isinstance(endpoint, str) or not endpoint:
        raise InputError(f"{where}.endpoint is missing; give the peer's SPARQL endpoint URL")
    try:
        _origin(endpoint)
    except InputError:
        raise InputError(f"{where}.endpoint = {endpoint!r} is not an http(s) URL") from None
    token = table.get("token")
    if token is not None and (not isinstance(token, str) or not token):
        raise InputError(f"{where}.token must be a non-empty string")
    timeout = table.get("timeout", DEFAULT_TIMEOUT)
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
        raise InputError(f"{where}.timeout = {timeout!r} must be a positive number of seconds")
    max_bytes = table.get("max_bytes", DEFAULT_MAX_BYTES)
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise InputError(f"{where}.max_bytes = {max_bytes!r} must be a positive integer")
    return Peer(name, endpoint, token, float(timeout), max_bytes)


def parse_config(text: str, path: Path) -> Config:
    """Parse the text of a config file (named `path` in errors)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise InputError(f"{path}: not valid TOML ({e})") from None
    unknown = set(data) - {"peers", "store"}
    if unknown:
        raise InputError(f"{path}: unknown key(s) {', '.join(sorted(unknown))}; use [peers.NAME] and store")
    peers_table = data.get("peers", {})
    if not isinstance(peers_table, dict):
        raise InputError(f"{path}: 'peers' must be tables [peers.NAME]")
    peers: dict[str, Peer] = {}
    for name, table in peers_table.items():
        peers[name] = _peer(path, name, table)
    endpoints = [p.endpoint for p in peers.values()]
    dup = {e for e in endpoints if endpoints.count(e) > 1}
    if dup:
        raise InputError(f"{path}: endpoint {sorted(dup)[0]} is listed for two peers")
    store = data.get("store")
    if store is not None and (not isinstance(store, str) or not store):
        raise InputError(f"{path}: 'store' must be a folder path or an http(s) URL")
    return Config(peers, store, path)


def load_config(path: str | Path | None = None) -> Config:
    """The config at `path`; without one, `./kg.toml` when present, else an empty config
    (no peers: every SERVICE is refused)."""
    if path is None:
        default = Path(DEFAULT_CONFIG)
        if not default.is_file():
            return Config()
        path = default
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{p}: config file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{p}: cannot read the config file ({e})") from None
    return parse_config(text, p)
