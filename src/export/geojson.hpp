// GeoJSON (RFC 7946) of a Scenario: the output contract of `muster extract
// --format geojson` in docs/design-brief.md.
//
// A FeatureCollection with, in this order:
//   place    one feature per MENTION (in text order): text, start, end (code
//            points into the source text), name, country, feature, geonameid
//            (when known), confidence; a Point at the place. A place without
//            mentions (set by hand or by a script) is one feature, after
//            those, without text, start and end.
//   figure   one per figure: text, start, end, value, min, max, qualifier,
//            unit, category, actor, place (the place's name), country (the
//            place's ISO alpha-2); a Point at the place, or null geometry.
//   border   one per border: a, b, claimed_km (when the text gives one),
//            measured_km, and text, start, end of the words that named it; a
//            MultiLineString.
//   movement one per movement: from, to (place names), from_country,
//            to_country, figure (the words of the figure that moves) and its
//            actor, distance_km (geodesic), and text, start, end, sentence
//            of the words that state it; a LineString along the geodesic
//            (points at most 50 km apart), a MultiLineString of two lines
//            when it crosses the antimeridian.
//   label, arrow, line, area
//            one per annotation (the analyst's, not the text's; never in
//            `muster extract`'s output): kind is the annotation's kind; id,
//            text (the label or caption), actor, colour ("#RRGGBB"), places
//            (their names), time_start, time_end (when it is on the map); a
//            label's Point, an arrow's or line's LineString along great
//            circles (MultiLineString for several lines or across the
//            antimeridian), an area's own Polygon/MultiPolygon or the
//            MultiPoint of the places it covers; null when it stands on nothing.
// Every feature has properties.kind. Place and figure features also carry
// `sentence`, the sentence of the source they came from, for provenance
// (movement features too).
// Absent optional values are left out (no nulls, no empty strings); only a
// figure without a place has a null geometry. Coordinates are rounded to 6
// decimals (about 0.1 m), kilometres to 0.1, confidences to 0.001.
#pragma once

#include "scenario/scenario.hpp"

#include <nlohmann/json.hpp>

namespace muster {

nlohmann::json to_geojson(const scenario::Scenario& scenario);

}  // namespace muster
