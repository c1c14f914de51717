"""Cut the small part of the schema.org vocabulary the `kb export` JSON-LD test needs, from a schema.org release.

    .venv/bin/python tools/schemaorg_subset.py PATH/TO/schemaorg-current-https.jsonld --version 30.0 \
        --released 2026-03-19 --origin "schemaorg/schemaorg@<commit> data/releases/30.0/schemaorg-current-https.jsonld"

The release file is schema.org's own (repository schemaorg/schemaorg, data/releases/<version>/); with a local
copy of that repository: `git show HEAD:data/releases/30.0/schemaorg-current-https.jsonld > /tmp/s.jsonld`.
For each type in TYPES (those the export writes, and those its values may be) the subset lists its supertypes
(rdfs:subClassOf, transitively) and every property whose domainIncludes names the type or a supertype, and for
each such property its rangeIncludes. Superseded properties (supersededBy, e.g. `map` for `hasMap`) are left
out, so the test refuses them too; terms schema.org marks pending stay in (`provider` is pending in 30.0) and
are listed under "pending". The result goes to tests/data/schemaorg_subset.json (--output to change).
When the export starts writing a new type, add it to TYPES and run this again.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

#: The types `kb export` writes (and that its values may be); tests/staff/test_kb_export.py names a missing one.
TYPES = (
    "AdministrativeArea", "ContactPoint", "CreativeWork", "Dataset", "GeoCoordinates", "GovernmentOffice",
    "GovernmentOrganization", "GovernmentService", "OpeningHoursSpecification", "Organization", "Place",
    "PostalAddress", "PropertyValue", "Service", "ServiceChannel", "Thing",
)
OUTPUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "schemaorg_subset.json"
PENDING = "https://pending.schema.org"


def _ids(value: Any) -> list[str]:
    """The schema.org names of a node reference or a list of them ({"@id": "schema:Place"} -> ["Place"])."""
    items = value if isinstance(value, list) else [value] if value else []
    return [item["@id"].removeprefix("schema:") for item in items if item["@id"].startswith("schema:")]


def subset(release: dict[str, Any], types: tuple[str, ...]) -> dict[str, Any]:
    """Supertypes and allowed properties (with their ranges) of `types`, from a release's JSON-LD graph."""
    nodes = {node["@id"].removeprefix("schema:"): node for node in release["@graph"]}
    missing = [t for t in types if t not in nodes]
    if missing:
        raise SystemExit(f"not in the release: {', '.join(missing)}")

    def supertypes(name: str) -> list[str]:
        found: list[str] = []
        for parent in _ids(nodes[name].get("rdfs:subClassOf")):
            for ancestor in (parent, *supertypes(parent)):
                if ancestor not in found:
                    found.append(ancestor)
        return found

    properties = {name: node for name, node in nodes.items()
                  if "rdf:Property" in (node["@type"] if isinstance(node["@type"], list) else [node["@type"]])
                  and "schema:supersededBy" not in node}
    result: dict[str, Any] = {}
    ranges: dict[str, list[str]] = {}
    pending: set[str] = set()
    for name in types:
        lineage = [name, *supertypes(name)]
        allowed = sorted(prop for prop, node in properties.items()
                         if set(_ids(node.get("schema:domainIncludes"))) & set(lineage))
        result[name] = {"supertypes": lineage[1:], "properties": allowed}
        for prop in allowed:
            ranges[prop] = sorted(_ids(properties[prop].get("schema:rangeIncludes")))
            if properties[prop].get("schema:isPartOf", {}).get("@id") == PENDING:
                pending.add(prop)
    return {"types": result, "ranges": dict(sorted(ranges.items())), "pending": sorted(pending)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("release", help="a schema.org release's schemaorg-current-https.jsonld")
    parser.add_argument("--version", required=True, help="the release's version, e.g. 30.0")
    parser.add_argument("--released", required=True, help="the release's date (versions.json), e.g. 2026-03-19")
    parser.add_argument("--origin", required=True, help="where the file came from (repository, commit, path)")
    parser.add_argument("--output", default=str(OUTPUT))
    args = parser.parse_args(argv)
    found = subset(json.loads(Path(args.release).read_text(encoding="utf-8")), TYPES)
    document = {
        "about": "The part of the schema.org vocabulary tests/staff/test_kb_export.py checks the JSON-LD export "
                 "against: per type, its supertypes and the properties allowed on it (including inherited ones), "
                 "and each property's ranges. Superseded properties are left out; pending ones are listed.",
        "schema_org_version": args.version,
        "released": args.released,
        "origin": args.origin,
        "generated_by": "tools/schemaorg_subset.py (see its docstring to rerun)",
        "license": "the schema.org vocabulary, CC BY-SA 3.0 (https://schema.org/docs/terms.html)",
        **found,
    }
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(found['types'])} types, {len(found['ranges'])} properties", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
