"""`kg serve`: a SPARQL 1.1 endpoint, linked-data pages and a query page over a kg store.

Names are imported lazily so that query worker processes, which import
`kg.server.worker`, do not pay for Starlette.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Settings", "create_app"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import app

        return getattr(app, name)
    raise AttributeError(name)
