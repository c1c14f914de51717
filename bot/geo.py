"""Where a shared location falls: the nearest municipality centre of the area, or outside the area."""

from __future__ import annotations

from dataclasses import dataclass
from math import asin, cos, radians, sin, sqrt

from bot.kb.model import KnowledgeBase

EARTH_RADIUS_KM = 6371.0
#: Farther than this from every municipality centre counts as outside the area.
OUTSIDE_AREA_KM = 60.0


@dataclass(frozen=True, slots=True)
class Located:
    municipality: str
    distance_km: float
    inside: bool


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(radians, (*a, *b))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * asin(sqrt(h))


def nearest_municipality(kb: KnowledgeBase, lat: float, lon: float) -> tuple[str, float]:
    """The area municipality whose centre is nearest, and the distance to it in km."""
    distances = {m: haversine_km((lat, lon), kb.municipalities[m].centre) for m in kb.area.municipalities}
    nearest = min(distances, key=distances.__getitem__)
    return nearest, distances[nearest]


def locate(kb: KnowledgeBase, lat: float, lon: float, limit_km: float = OUTSIDE_AREA_KM) -> Located:
    municipality, distance = nearest_municipality(kb, lat, lon)
    return Located(municipality, distance, distance <= limit_km)
