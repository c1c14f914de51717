"""The web channel served by aiohttp's test server on 127.0.0.1, over the shipped knowledge base's engine."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient, TestServer

from handlers.web.app import make_app


@pytest.fixture
async def client(engine):
    async with TestClient(TestServer(make_app(engine), host="127.0.0.1")) as test_client:
        yield test_client
