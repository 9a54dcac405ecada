"""Make the book's regional base map, ``data/geo/region.geojson``, from Natural Earth.

Source: Natural Earth 1:50m admin-0 countries (public domain), as redistributed in the
npm package ``world-atlas`` 2.x (file ``countries-50m.json``, TopoJSON; ISC licence by
Michael Bostock, copied next to the output as ``data/geo/LICENSE-world-atlas.txt``).

How to reproduce::

    cd /tmp && npm pack world-atlas@2 && tar xzf world-atlas-2.*.tgz
    python tools/make_region_map.py /tmp/package/countries-50m.json data/geo/region.geojson

What the script does, in plain steps (pure Python, no GIS packages):

1. decodes the TopoJSON arcs (delta-encoded, quantised) into longitude/latitude;
2. keeps every country that reaches into the frame FRAME (Belarus, Ukraine and their
   neighbours) and clips its rings to that rectangle (Sutherland-Hodgman), so Russia
   does not drag half of Asia into the file;
3. simplifies each ring (Douglas-Peucker) and rounds the coordinates: Belarus and
   Ukraine with TOLERANCE degrees and 2 decimals (about 1 km), the grey neighbours more
   coarsely (TOLERANCE_OTHER, 1 decimal): enough for a page-wide map, small enough for
   the page (the output is about 20 KB);
4. splits the Crimean peninsula (the part of Natural Earth's "Russia" lying wholly in
   CRIMEA_BOX) into a feature of its own, ``kind: "crimea"``, so the chapter can show
   that the source draws it with Russia instead of silently inheriting that choice;
5. adds one extra feature, the Belarus-Ukraine border, made of the arcs that the two
   countries share in the source, at the source's full 1:50m resolution (3 decimals),
   because the chapter measures distances to it.

Country boundaries are Natural Earth's (version 4.1.0 in world-atlas 2.0.2), drawn as
that dataset draws them; the book takes no position on them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

# lon_min, lat_min, lon_max, lat_max: Belarus and all of Ukraine with a margin.
FRAME = (16.0, 43.5, 41.0, 57.5)
TOLERANCE = 0.03  # degrees, Douglas-Peucker, for Belarus and Ukraine (2-decimal coordinates)
TOLERANCE_OTHER = 0.06  # degrees, for the neighbours, drawn as grey context (1 decimal)
FOCUS = ("Belarus", "Ukraine")
BORDER_PAIR = ("Belarus", "Ukraine")
CRIMEA_BOX = (32.0, 44.0, 37.0, 46.3)  # a Russia polygon wholly inside this is Crimea


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def arc_points(arcs, index: int):
    return arcs[index] if index >= 0 else arcs[~index][::-1]


def ring_from(arcs, indices) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for i in indices:
        pts = arc_points(arcs, i)
        ring.extend(pts if not ring else pts[1:])
    return ring


def polygons_of(geometry: dict, arcs) -> list[list[list[tuple[float, float]]]]:
    if geometry["type"] == "Polygon":
        parts = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        parts = geometry["arcs"]
    else:
        return []
    return [[ring_from(arcs, r) for r in poly] for poly in parts]


def clip_ring(ring, frame=FRAME):
    """Sutherland-Hodgman clip of a closed ring against the frame rectangle."""
    x0, y0, x1, y1 = frame
    edges = [
        (lambda p: p[0] >= x0, lambda a, b: _cross_x(a, b, x0)),
        (lambda p: p[0] <= x1, lambda a, b: _cross_x(a, b, x1)),
        (lambda p: p[1] >= y0, lambda a, b: _cross_y(a, b, y0)),
        (lambda p: p[1] <= y1, lambda a, b: _cross_y(a, b, y1)),
    ]
    pts = ring[:-1] if ring and ring[0] == ring[-1] else list(ring)
    for inside, cross in edges:
        if not pts:
            break
        out = []
        prev = pts[-1]
        for cur in pts:
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur))
            prev = cur
        pts = out
    if len(pts) < 3:
        return []
    return pts + [pts[0]]


def _cross_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _cross_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def simplify(points, tol=TOLERANCE):
    """Douglas-Peucker (iterative) on an open or closed point list."""
    if len(points) < 4:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        (ax, ay), (bx, by) = points[i], points[j]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        best, best_k = -1.0, None
        for k in range(i + 1, j):
            px, py = points[k]
            if norm == 0:
                d = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            else:
                d = abs(dy * px - dx * py + bx * ay - by * ax) / norm
            if d > best:
                best, best_k = d, k
        if best_k is not None and best > tol:
            keep[best_k] = True
            stack += [(i, best_k), (best_k, j)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def rounded(points, digits):
    out = []
    for x, y in points:
        p = [round(x, digits), round(y, digits)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def shared_border(topo, arcs, names=BORDER_PAIR):
    """The arcs two countries share, stitched into as few lines as possible."""
    geoms = {g["properties"]["name"]: g for g in topo["objects"]["countries"]["geometries"]}

    def used(name):
        g = geoms[name]
        parts = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
        return {i if i >= 0 else ~i for poly in parts for ring in poly for i in ring}

    common = sorted(used(names[0]) & used(names[1]))
    lines = [list(arcs[i]) for i in common]
    merged = True
    while merged and len(lines) > 1:
        merged = False
        for a in range(len(lines)):
            for b in range(len(lines)):
                if a == b:
                    continue
                la, lb = lines[a], lines[b]
                if la[-1] == lb[0]:
                    joined = la + lb[1:]
                elif la[-1] == lb[-1]:
                    joined = la + lb[::-1][1:]
                elif la[0] == lb[0]:
                    joined = la[::-1] + lb[1:]
                else:
                    continue
                lines = [ln for k, ln in enumerate(lines) if k not in (a, b)] + [joined]
                merged = True
                break
            if merged:
                break
    return lines


def _inside(poly, box) -> bool:
    x0, y0, x1, y1 = box
    return all(x0 <= x <= x1 and y0 <= y <= y1 for ring in poly for x, y in ring)


def build(topo: dict) -> dict:
    arcs = decode_arcs(topo)
    features = []
    for g in topo["objects"]["countries"]["geometries"]:
        focus = g["properties"]["name"] in FOCUS
        tol, digits = (TOLERANCE, 2) if focus else (TOLERANCE_OTHER, 1)
        polys = []
        for poly in polygons_of(g, arcs):
            rings = []
            for ring in poly:
                clipped = clip_ring(ring)
                if not clipped:
                    continue
                simple = rounded(simplify(clipped, tol), digits)
                if len(simple) >= 4:
                    if simple[0] != simple[-1]:
                        simple.append(simple[0])
                    rings.append(simple)
            if rings:
                polys.append(rings)
        name = g["properties"]["name"]
        if name == "Russia":
            crimea = [p for p in polys if _inside(p, CRIMEA_BOX)]
            polys = [p for p in polys if not _inside(p, CRIMEA_BOX)]
            if crimea:
                features.append({
                    "type": "Feature",
                    "properties": {"name": "Crimea", "kind": "crimea",
                                   "note": "drawn as part of Russia in Natural Earth 4.1.0"},
                    "geometry": {"type": "MultiPolygon", "coordinates": crimea},
                })
        if polys:
            features.append({
                "type": "Feature",
                "properties": {"name": g["properties"]["name"], "kind": "country"},
                "geometry": {"type": "MultiPolygon", "coordinates": polys},
            })
    lines = shared_border(topo, arcs)
    features.append({
        "type": "Feature",
        "properties": {"name": f"{BORDER_PAIR[0]}–{BORDER_PAIR[1]} border", "kind": "border"},
        "geometry": {"type": "MultiLineString", "coordinates": [rounded(ln, 3) for ln in lines]},
    })
    return {
        "type": "FeatureCollection",
        "x-source": "Natural Earth 1:50m admin-0 countries (public domain) via world-atlas 2.x "
                    "(countries-50m.json, ISC); clipped, simplified and rounded by "
                    "tools/make_region_map.py",
        "x-frame": list(FRAME),
        "features": features,
    }


def main(argv: list[str]) -> None:
    src, dest = Path(argv[1]), Path(argv[2])
    topo = json.loads(src.read_text(encoding="utf-8"))
    collection = build(topo)
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n",
                    encoding="utf-8")
    names = [f["properties"]["name"] for f in collection["features"]]
    print(f"wrote {dest} ({dest.stat().st_size / 1024:.0f} KB): {', '.join(names)}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv)
