"""Serves the bot's metrics over HTTP on 127.0.0.1, on the bot's own event loop.

On the loop rather than in prometheus-client's server thread: the gauges read the bot's SQLite connection,
which belongs to the loop's thread, and the server stops with the bot (aiohttp is already the bot's HTTP client).
"""

from __future__ import annotations

import logging

from aiohttp import web

from bot.config import ConfigError
from bot.operations.metrics import CONTENT_TYPE, Metrics

logger = logging.getLogger("tyonavi.metrics")

LISTEN = "127.0.0.1"


class MetricsServer:
    """`await start()`, then `await stop()`; any path answers the metrics (Prometheus scrapes /metrics)."""

    def __init__(self, metrics: Metrics, port: int, host: str = LISTEN):
        self._metrics = metrics
        self._port = port
        self._host = host
        self._runner: web.AppRunner | None = None

    async def _scrape(self, _request: web.Request) -> web.Response:
        return web.Response(body=self._metrics.exposition(), headers={"Content-Type": CONTENT_TYPE})

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/{tail:.*}", self._scrape)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        try:
            await web.TCPSite(self._runner, self._host, self._port).start()
        except OSError as exc:
            await self.stop()
            raise ConfigError(f"metrics.port: cannot listen on {self._host}:{self._port} ({exc.strerror}); "
                              "choose a free port, or 0 for no metrics") from None
        logger.info("metrics on http://%s:%d/metrics", self._host, self._port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
