"""Where a shared location falls: the nearest municipality centre whose radius holds it, or outside the area.

Each municipality's radius (`radius_km` in knowledge/municipalities.yaml) says how far from its centre a
location still counts as that municipality; a location beyond every radius is outside the area.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import asin, cos, radians, sin, sqrt

from bot.kb.model import KnowledgeBase

EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True, slots=True)
class Located:
    """The proposed municipality (the nearest centre when outside), the distance to its centre, and whether
    the location is inside the area."""

    municipality: str
    distance_km: float
    inside: bool


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(radians, (*a, *b))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * asin(sqrt(h))


def _distances(kb: KnowledgeBase, lat: float, lon: float) -> dict[str, float]:
    return {m: haversine_km((lat, lon), kb.municipalities[m].centre) for m in kb.area.municipalities}


def nearest_municipality(kb: KnowledgeBase, lat: float, lon: float) -> tuple[str, float]:
    """The area municipality whose centre is nearest, and the distance to it in km."""
    distances = _distances(kb, lat, lon)
    nearest = min(distances, key=distances.__getitem__)
    return nearest, distances[nearest]


def locate(kb: KnowledgeBase, lat: float, lon: float) -> Located:
    """The nearest municipality centre among those whose radius holds the location; outside when none does."""
    distances = _distances(kb, lat, lon)
    within = {m: d for m, d in distances.items() if d <= kb.municipalities[m].radius_km}
    candidates = within or distances
    municipality = min(candidates, key=candidates.__getitem__)
    return Located(municipality, candidates[municipality], bool(within))
