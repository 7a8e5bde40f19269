"""Run the app on a free port in a background thread: for tests, the benchmark and
embedding. Waits for uvicorn's own "started" flag, not a sleep."""

from __future__ import annotations

import threading
import time
from types import TracebackType

import uvicorn

from .app import Settings, create_app

__all__ = ["LiveServer"]


class LiveServer:
    """`with LiveServer(settings) as url:` serves on 127.0.0.1 (port 0 picks a free one)."""

    def __init__(self, settings: Settings, startup_timeout: float = 30.0) -> None:
        self.settings = settings
        self.app = create_app(settings)
        config = uvicorn.Config(
            self.app,
            host=settings.host,
            port=settings.port,
            log_level="warning",
            lifespan="on",
            access_log=False,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="kg-live-server", daemon=True)
        self.startup_timeout = startup_timeout
        self.url = ""

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + self.startup_timeout
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("kg server did not start")
            time.sleep(0.01)
        host, port = self.server.servers[0].sockets[0].getsockname()[:2]
        self.url = f"http://{host}:{port}"
        return self.url

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
