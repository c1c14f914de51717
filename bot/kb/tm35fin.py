"""ETRS-TM35FIN (EPSG:3067) plane coordinates to latitude and longitude, by the published closed form.

PTV gives a service location's coordinates in Finland's national plane system: its `latitude` is the
northing and its `longitude` the easting, in metres. ETRS-TM35FIN is a transverse Mercator projection of
the GRS80 ellipsoid (central meridian 27° E, scale 0.9996, false easting 500 000 m, no false northing),
and its inverse is the Krüger series that JHS 154 (the public administration's recommendation on
Finland's coordinate systems) publishes. Its error is far below a millimetre across Finland, so a
projection library (pyproj with PROJ: about 30 MB installed) is not needed for this one conversion.
ETRS89 and WGS84 differ by well under a metre in Finland, which is nothing for a map pin.
"""

from __future__ import annotations

from math import asin, asinh, atan, atanh, cos, cosh, degrees, radians, sin, sinh, sqrt, tan, tanh

#: GRS80, the ellipsoid of ETRS89.
SEMI_MAJOR_AXIS = 6_378_137.0
FLATTENING = 1 / 298.257222101
#: The projection's constants.
CENTRAL_MERIDIAN = radians(27.0)
SCALE = 0.9996
FALSE_EASTING = 500_000.0

_N = FLATTENING / (2 - FLATTENING)
_A1 = SEMI_MAJOR_AXIS / (1 + _N) * (1 + _N**2 / 4 + _N**4 / 64)
_E = sqrt(FLATTENING * (2 - FLATTENING))
#: The inverse series' coefficients h1'..h4' (JHS 154, annex 1).
_H = (
    _N / 2 - 2 * _N**2 / 3 + 37 * _N**3 / 96 - _N**4 / 360,
    _N**2 / 48 + _N**3 / 15 - 437 * _N**4 / 1440,
    17 * _N**3 / 480 - 37 * _N**4 / 840,
    4397 * _N**4 / 161280,
)


def to_wgs84(northing: float, easting: float) -> tuple[float, float]:
    """(latitude, longitude) in decimal degrees of an ETRS-TM35FIN point given as northing and easting (m)."""
    xi = northing / (_A1 * SCALE)
    eta = (easting - FALSE_EASTING) / (_A1 * SCALE)
    xi_prime, eta_prime = xi, eta
    for j, h in enumerate(_H, start=1):
        xi_prime -= h * sin(2 * j * xi) * cosh(2 * j * eta)
        eta_prime -= h * cos(2 * j * xi) * sinh(2 * j * eta)
    beta = asin(sin(xi_prime) / cosh(eta_prime))
    longitude_offset = asin(tanh(eta_prime) / cos(beta))
    q = asinh(tan(beta))
    q_prime = q + _E * atanh(_E * tanh(q))
    for _ in range(4):  # converges to far below a millimetre in three rounds
        q_prime = q + _E * atanh(_E * tanh(q_prime))
    return degrees(atan(sinh(q_prime))), degrees(CENTRAL_MERIDIAN + longitude_offset)

