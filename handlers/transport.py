"""HTTP to the Bot API: PTB's httpx transport, with a JSON body and the raw updates kept for the inbox.

PTB sends parameters as an HTML form, and urlencoding percent-escapes every byte of a message's text in
pure Python (~0.3 ms for an answer, the largest single cost of a send). The Bot API takes the same
parameters as one JSON body, which the C encoder writes at once; files still go as multipart.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, HTTPXRequest, RequestData

_JSON_HEADERS = {"User-Agent": HTTPXRequest.USER_AGENT, "Content-Type": "application/json"}


def _chosen(value: Any, default: float | None) -> float | None:
    """PTB passes DEFAULT_NONE where the caller gave no timeout: then the client's own applies."""
    return default if isinstance(value, type(BaseRequest.DEFAULT_NONE)) else value


class JsonRequest(HTTPXRequest):
    """HTTPXRequest whose calls without files carry their parameters as `application/json`, to URLs parsed once
    (httpx parses and re-quotes a URL given as text on every request, character by character)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._urls: dict[str, httpx.URL] = {}

    def _url(self, url: str) -> httpx.URL:
        parsed = self._urls.get(url)
        if parsed is None:
            parsed = self._urls[url] = httpx.URL(url)  # one per Bot API method: a few dozen at most
        return parsed

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: Any = BaseRequest.DEFAULT_NONE, write_timeout: Any = BaseRequest.DEFAULT_NONE,
                         connect_timeout: Any = BaseRequest.DEFAULT_NONE,
                         pool_timeout: Any = BaseRequest.DEFAULT_NONE) -> tuple[int, bytes]:
        if request_data is None or request_data.contains_files or self._client.is_closed:
            return await super().do_request(url, method, request_data, read_timeout, write_timeout,
                                            connect_timeout, pool_timeout)
        defaults = self._client.timeout
        timeout = httpx.Timeout(connect=_chosen(connect_timeout, defaults.connect),
                                read=_chosen(read_timeout, defaults.read),
                                write=_chosen(write_timeout, defaults.write),
                                pool=_chosen(pool_timeout, defaults.pool))
        body = json.dumps(request_data.parameters, ensure_ascii=False, separators=(",", ":")).encode()
        try:
            response = await self._client.request(method=method, url=self._url(url), headers=_JSON_HEADERS,
                                                  timeout=timeout, content=body)
        except httpx.TimeoutException as err:  # as PTB maps them: the delivery rules read these causes
            if isinstance(err, httpx.PoolTimeout):
                raise TimedOut("Pool timeout: all connections are occupied; the request was not sent") from err
            raise TimedOut from err
        except httpx.HTTPError as err:
            raise NetworkError(f"httpx.{err.__class__.__name__}: {err}") from err
        return response.status_code, response.content


class UpdatesRequest(JsonRequest):
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
