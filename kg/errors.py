"""Every error `kg` raises on purpose, in one tree.

    KgError                 exit 2, HTTP 500   anything the user can act on
    ├── InputError          exit 1, HTTP 400   a file, URL, query text or option is unusable
    │   └── QueryError      exit 1, HTTP 400   SPARQL that does not parse or cannot run
    ├── ValidationError     exit 1, HTTP 422   data that breaks the SHACL shapes
    ├── StoreError          exit 2, HTTP 503   the store cannot be opened, read or written
    └── PeerError           exit 2, HTTP 502   a federated peer failed or is not allowed

The CLI prints `str(error)` as one line and exits with `exit_code`; the HTTP server answers
with `http_status` and the same message, so both shells report a failure the same way.
"""

from __future__ import annotations

__all__ = [
    "InputError",
    "KgError",
    "PeerError",
    "QueryError",
    "StoreError",
    "ValidationError",
]


class KgError(Exception):
    """Base class: a failure with a message meant for the person running `kg`."""

    exit_code: int = 2
    http_status: int = 500


class InputError(KgError):
    """An input (file, URL, option, query) cannot be used as given."""

    exit_code = 1
    http_status = 400


class QueryError(InputError):
    """A SPARQL query or update that does not parse or fails to evaluate."""


class ValidationError(KgError):
    """Data that does not conform to the shapes; `report` holds pySHACL's text report."""

    exit_code = 1
    http_status = 422

    def __init__(self, message: str, report: str = "") -> None:
        super().__init__(message)
        self.report = report


class StoreError(KgError):
    """The store cannot be opened, read or written (locked, missing, corrupt)."""

    exit_code = 2
    http_status = 503


class PeerError(KgError):
    """A federation peer is not allow-listed, unreachable or answered badly."""

    exit_code = 2
    http_status = 502
