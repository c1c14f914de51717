"""Routing rules from routing.yaml: which service points answer, and whether we must ask first."""

from __future__ import annotations

from dataclasses import dataclass

from bot.kb.model import KnowledgeBase


@dataclass(frozen=True, slots=True)
class Route:
    points: tuple[str, ...]
    needs_municipality: bool


def route(kb: KnowledgeBase, topic: str, audiences: tuple[str, ...], municipality: str | None,
          named_point: str | None = None) -> Route:
    """Service point ids for a topic, audience and home municipality, in the order to show them."""
    spec = kb.routing.topics[topic]
    result: Route | None = None
    for audience in audiences:
        audience_route = kb.routing.audiences.get(audience)
        if audience not in spec.audience_routes or audience_route is None:
            continue
        key = municipality if municipality in audience_route.points else (
            "default" if municipality else "unknown")
        if key in audience_route.points:
            result = Route(_expand(kb, audience_route.points[key], municipality), False)
            break
    if result is None:
        missing = municipality is None and "own" in spec.points and spec.needs_municipality
        result = Route(_expand(kb, spec.points, municipality), missing)
    if named_point:
        rest = tuple(p for p in result.points if p != named_point)
        return Route((named_point, *rest), False)
    return result


def _expand(kb: KnowledgeBase, points: tuple[str, ...], municipality: str | None) -> tuple[str, ...]:
    out: list[str] = []
    for point in points:
        if point == "own":
            if municipality is None:
                continue
            point = kb.routing.home_points[municipality]
        if point not in out:
            out.append(point)
    return tuple(out)
