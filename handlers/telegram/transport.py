"""HTTP to the Bot API over aiohttp, with a JSON body, and the raw updates kept for the inbox.

python-telegram-bot's own transport is httpx, whose pure-Python HTTP stack (h11, httpcore, anyio locks,
URL re-quoting) costs more CPU per request than everything else the bot does for a message; aiohttp parses
HTTP in C (llhttp) and cuts the cost of a send several times (`benchmarks/bench_capacity.py`). Parameters
go as one JSON body, as the Bot API allows: PTB's form encoding percent-escaped every byte of an answer
in Python. Files, which the bot never sends, would go as multipart.

Errors are raised as PTB raises them (TimedOut, NetworkError, chained to the aiohttp exception), so the
delivery rules (handlers/telegram/delivery.py) can tell a request that never left from one that may have arrived:
`never_sent` says which causes mean the request was not carried out.
"""

from __future__ import annotations

import json
from typing import Any

import aiohttp
import httpx
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

_USER_AGENT = "TyöNavi (python-telegram-bot, aiohttp)"
_JSON = "application/json"
#: Transport failures before the request was complete: Telegram cannot have carried it out. httpx's are those
#: of PTB's own transport (HTTPXRequest), should an Application be built with it.
_NEVER_SENT = (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError, httpx.ConnectError,
               httpx.ConnectTimeout, httpx.PoolTimeout, httpx.WriteError, httpx.WriteTimeout)


def never_sent(cause: BaseException | None) -> bool:
    """True when the transport failed before Telegram could have received the whole request."""
    return isinstance(cause, _NEVER_SENT)


def _chosen(value: Any, default: float | None) -> float | None:
    """PTB passes DEFAULT_NONE where the caller gave no timeout: then this transport's own applies."""
    return default if isinstance(value, type(BaseRequest.DEFAULT_NONE)) else value


class AiohttpRequest(BaseRequest):
    """A BaseRequest on one aiohttp session with a pool of `connection_pool_size` kept-alive connections."""

    def __init__(self, connection_pool_size: int = 1, trust_env: bool = True, read_timeout: float = 5.0,
                 write_timeout: float = 5.0, connect_timeout: float = 5.0, pool_timeout: float = 1.0) -> None:
        self._pool_size = connection_pool_size
        self._trust_env = trust_env  # proxies from the environment; never for a local Bot API server
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=self._pool_size),
                                                  trust_env=self._trust_env, headers={"User-Agent": _USER_AGENT})

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: Any = BaseRequest.DEFAULT_NONE, write_timeout: Any = BaseRequest.DEFAULT_NONE,
                         connect_timeout: Any = BaseRequest.DEFAULT_NONE,
                         pool_timeout: Any = BaseRequest.DEFAULT_NONE) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        connect = _chosen(connect_timeout, self._connect_timeout)
        pool = _chosen(pool_timeout, self._pool_timeout)
        read = _chosen(read_timeout, self._read_timeout)
        # aiohttp has no write timeout; `connect` covers waiting for a free connection and opening one
        timeout = aiohttp.ClientTimeout(total=None, connect=(connect or 0) + (pool or 0) or None,
                                        sock_connect=connect, sock_read=read)
        body, headers = _body(request_data)
        try:
            async with self._session.request(method, url, data=body, headers=headers, timeout=timeout) as response:
                return response.status, await response.read()
        except (TimeoutError, aiohttp.ServerTimeoutError) as err:
            raise TimedOut(f"aiohttp.{type(err).__name__}: {err}") from err
        except aiohttp.ClientError as err:
            raise NetworkError(f"aiohttp.{type(err).__name__}: {err}") from err


def _body(request_data: RequestData | None) -> tuple[Any, dict[str, str]]:
    """JSON for parameters; multipart when a file goes along."""
    if request_data is None:
        return None, {}
    if not request_data.contains_files:
        return (json.dumps(request_data.parameters, ensure_ascii=False, separators=(",", ":")).encode(),
                {"Content-Type": _JSON})
    form = aiohttp.FormData()
    for name, value in request_data.json_parameters.items():
        form.add_field(name, value)
    for name, (filename, content, mime_type) in (request_data.multipart_data or {}).items():
        form.add_field(name, content, filename=filename, content_type=mime_type)
    return form, {}


class UpdatesRequest(AiohttpRequest):
    """The getUpdates transport: keeps each update as Telegram sent it, for the inbox to store as it is
    (cheaper and truer than turning PTB's Update object back into a dict)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._raw: dict[int, dict] = {}

    def parse_json_payload(self, payload: bytes) -> dict:  # type: ignore[override]
        data = BaseRequest.parse_json_payload(payload)
        result = data.get("result") if isinstance(data, dict) else None
        if isinstance(result, list):
            self._raw = {u["update_id"]: u for u in result if isinstance(u, dict) and "update_id" in u}
        return data

    def raw_update(self, update_id: int) -> dict | None:
        """The update as received, once; None when it did not come through here (webhook)."""
        return self._raw.pop(update_id, None)
