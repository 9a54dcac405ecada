"""Distances on the map: great-circle kilometres from places to a border line."""

from __future__ import annotations

import numpy as np

#: Mean Earth radius (IUGG), for great-circle distances.
EARTH_RADIUS_KM = 6371.0088


def distance_km(lat1, lon1, lat2, lon2):
    """Great-circle (haversine) distance in km; works on numbers and numpy arrays."""
    lat1, lon1, lat2, lon2 = map(np.radians, (lat1, lon1, lat2, lon2))
    a = (np.sin((lat2 - lat1) / 2) ** 2
         + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(a))


def densify(lines, step_km: float = 0.5) -> tuple[np.ndarray, float]:
    """Points about ``step_km`` apart along a (Multi)LineString's coordinate lists
    (``[[lon, lat], ...]`` parts), and the line's length in km.

    The nearest of these points is then the nearest point of the line to well under a
    kilometre, which is plenty for a map label."""
    dense, length = [], 0.0
    for part in lines:
        pts = np.array(part)
        for a, b in zip(pts[:-1], pts[1:], strict=True):
            seg = float(distance_km(a[1], a[0], b[1], b[0]))
            length += seg
            dense.append(np.linspace(a, b, max(2, int(np.ceil(seg / step_km)))))
    return np.vstack(dense), length


def distance_to_line_km(lat, lon, dense: np.ndarray) -> float:
    """Distance from a point to the nearest point of a line densified by :func:`densify`."""
    return float(distance_km(lat, lon, dense[:, 1], dense[:, 0]).min())
