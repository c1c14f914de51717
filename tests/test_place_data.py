"""Place data: Finland's current municipalities, former ones mapped to today's, and villages that share a name.

The lists were built from Posti's postal code file of 2026-05-26 by tools/build_place_data.py; these
tests check the shipped result only and never read that file.
"""

from __future__ import annotations

from pathlib import Path

from kb_edit import line_of, replace_in

from bot.kb import KnowledgeBase, validate_directory
from bot.kb.normalise_names import fold

ALAND = {"Brändö", "Eckerö", "Finström", "Föglö", "Geta", "Hammarland", "Jomala", "Kumlinge", "Kökar", "Lemland",
         "Lumparland", "Maarianhamina", "Saltvik", "Sottunga", "Sund", "Vårdö"}




def errors_of(directory: Path) -> list[str]:
    errors = [str(e) for e in validate_directory(directory)]
    assert errors, "the broken copy was accepted"
    return errors


def others(kb: KnowledgeBase) -> dict[str, object]:
    return {o.name: o for o in kb.other_municipalities}


# -- the shipped lists ------------------------------------------------------------------------------
def test_all_298_current_municipalities_outside_the_area_and_the_former_ones(kb):
    current = [o for o in kb.other_municipalities if not o.merged_into]
    former = [o for o in kb.other_municipalities if o.merged_into]
    assert len(current) == 298  # Posti's 308 municipalities less the area's 10
    assert len(former) >= 20
    assert all(o.current for o in current) and not any(o.current for o in former)
    area_names = {fold(m.name["fi"]) for m in kb.municipalities.values()}
    assert not area_names & {fold(o.name) for o in kb.other_municipalities}
    current_names = {o.name for o in current} | {m.name["fi"] for m in kb.municipalities.values()}
    for old in former:
        assert old.merged_into in current_names, old
        assert old.merged_year and 2000 <= old.merged_year <= 2026, old
        assert old.name not in current_names
    assert len({fold(o.name) for o in kb.other_municipalities}) == len(kb.other_municipalities)


def test_valtimo_and_pertunmaa_are_former_municipalities_mapped_to_the_current_ones(kb):
    by_name = others(kb)
    assert (by_name["Valtimo"].merged_into, by_name["Valtimo"].merged_year) == ("Nurmes", 2020)
    assert (by_name["Pertunmaa"].merged_into, by_name["Pertunmaa"].merged_year) == ("Mäntyharju", 2025)
    for name, now in (("Jalasjärvi", "Kurikka"), ("Nastola", "Lahti"), ("Köyliö", "Säkylä"),
                      ("Juankoski", "Kuopio"), ("Maaninka", "Kuopio"), ("Tarvasjoki", "Lieto"),
                      ("Kiikoinen", "Sastamala"), ("Honkajoki", "Kankaanpää")):
        assert by_name[name].merged_into == now, name
    assert by_name["Nurmes"].current and by_name["Mäntyharju"].current
    assert by_name["Vaala"].current  # Vaala has not merged


def test_vuolijoki_is_kajaanis_village_not_an_outside_municipality(kb):
    assert "Vuolijoki" not in others(kb)
    assert "Vuolijoki" in {v.name for v in kb.municipalities["kajaani"].villages}


def test_aland_municipalities_are_marked(kb):
    marked = {o.name for o in kb.other_municipalities if o.aland}
    assert marked == ALAND
    assert not others(kb)["Helsinki"].aland and not others(kb)["Valtimo"].aland


def test_swedish_names_and_irregular_demonyms(kb):
    by_name = others(kb)
    assert by_name["Turku"].sv == "Åbo" and by_name["Maarianhamina"].sv == "Mariehamn"
    assert by_name["Kuopio"].sv == ""  # only where it differs
    assert by_name["Lahti"].demonym == "lahtelainen"
    assert by_name["Virrat"].demonym == "virtolainen"
    assert by_name["Kuopio"].demonym == ""  # kuopio + -lainen: the bot builds it
    for other in kb.other_municipalities:
        assert other.genitive.endswith("n"), other
        assert not other.demonym or other.demonym.endswith(("lainen", "läinen")), other


def test_kallunki_is_not_kuusamos(kb):
    for municipality in kb.municipalities.values():
        assert "Kallunki" not in {v.name for v in municipality.villages}
    assert "98980" not in kb.municipalities["kuusamo"].postal_codes


def test_maanselka_is_in_sotkamo_and_kuusamo_each_pointing_at_the_other(kb):
    def village(mid: str, name: str):
        return next(v for v in kb.municipalities[mid].villages if v.name == name)

    assert "Kuusamo" in village("sotkamo", "Maanselkä").also_in
    assert "Sotkamo" in village("kuusamo", "Maanselkä").also_in


def test_homonyms_from_posti_are_marked(kb):
    taivalkoski = {v.name: v for v in kb.municipalities["taivalkoski"].villages}
    assert taivalkoski["Metsäkylä"].also_in == ("Hamina",)
    assert taivalkoski["Jokijärvi"].also_in == ("Pielavesi",)
    assert "Inget" in taivalkoski
    assert {v.name: v for v in kb.municipalities["suomussalmi"].villages}["Vaaranniva"].genitive == "Vaarannivan"


def test_postal_codes_are_street_address_codes_of_their_own_municipality(kb):
    assert kb.municipalities["kuusamo"].postal_codes == ("93600", "93700", "93800", "93830", "93900")
    assert "74390" in kb.municipalities["sotkamo"].postal_codes  # Laakajärvi, Sotkamo, in Posti's file
    assert "89440" in kb.municipalities["suomussalmi"].postal_codes  # Sakara
    seen: set[str] = set()
    for municipality in kb.municipalities.values():
        assert not seen & set(municipality.postal_codes)
        seen |= set(municipality.postal_codes)


def test_the_generator_is_never_imported_by_the_bot():
    root = Path(__file__).resolve().parents[1]
    for path in [*(root / "bot").rglob("*.py"), *(root / "handlers").rglob("*.py")]:
        assert "build_place_data" not in path.read_text(encoding="utf-8"), path


# -- validation -------------------------------------------------------------------------------------
def test_a_dangling_merged_into_is_refused_with_its_line(kb_copy: Path):
    path = kb_copy / "other_municipalities.yaml"
    replace_in(path, "merged_into: Nurmes,", "merged_into: Nurmeksi,")
    line = line_of(path, "merged_into: Nurmeksi")
    errors = errors_of(kb_copy)
    assert any(e.startswith(f"{path}:{line}:") and "'Nurmeksi' is not a listed municipality" in e
               and "Fix:" in e for e in errors), errors


def test_merged_into_a_former_municipality_is_refused(kb_copy: Path):
    path = kb_copy / "other_municipalities.yaml"
    replace_in(path, "merged_into: Mäntyharju,", "merged_into: Valtimo,")
    line = line_of(path, "merged_into: Valtimo")
    errors = errors_of(kb_copy)
    assert any(e.startswith(f"{path}:{line}:") and "itself a former municipality" in e
               and "merged_into: Nurmes" in e for e in errors), errors


def test_merged_into_without_a_year_is_refused(kb_copy: Path):
    path = kb_copy / "other_municipalities.yaml"
    replace_in(path, "merged_into: Nurmes, merged_year: 2020}", "merged_into: Nurmes}")
    line = line_of(path, "{name: Valtimo,")
    errors = errors_of(kb_copy)
    assert any(e.startswith(f"{path}:{line}:") and "without merged_year" in e for e in errors), errors


def test_a_name_listed_twice_is_refused(kb_copy: Path):
    path = kb_copy / "other_municipalities.yaml"
    replace_in(path, "  - {name: Akaa, genitive: Akaan, region: Pirkanmaa}\n",
               "  - {name: Akaa, genitive: Akaan, region: Pirkanmaa}\n  - {name: Nurmes, genitive: Nurmeksen}\n")
    copy = line_of(path, "  - {name: Nurmes, genitive: Nurmeksen}")
    original = line_of(path, "{name: Nurmes, genitive: Nurmeksen,")
    errors = errors_of(kb_copy)
    assert any(e.startswith(f"{path}:{original}:") and f"'Nurmes' at line {copy}" in e and "listed twice" in e
               for e in errors), errors


def test_a_one_sided_duplicate_village_is_refused_with_its_line(kb_copy: Path):
    path = kb_copy / "municipalities.yaml"
    one_sided = "{name: Maanselkä, genitive: Maanselän}"
    replace_in(path, "{name: Maanselkä, genitive: Maanselän, also_in: [Sotkamo]}", one_sided)
    line = line_of(path, one_sided)
    errors = [e for e in errors_of(kb_copy) if e.startswith(f"{path}:")]
    assert len(errors) == 1, errors  # Sotkamo's entry does name Kuusamo: only Kuusamo's is wrong
    assert errors[0].startswith(f"{path}:{line}:")
    assert "also listed under 'sotkamo'" in errors[0] and "add Sotkamo to its also_in" in errors[0]


def test_a_village_copied_to_a_second_municipality_is_refused_on_both_lines(kb_copy: Path):
    path = kb_copy / "municipalities.yaml"
    replace_in(path, "      - {name: Kemilä, genitive: Kemilän}\n",
               "      - {name: Kemilä, genitive: Kemilän}\n      - {name: Hossa, genitive: Hossan}\n")
    lines = [n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "{name: Hossa," in text]
    errors = errors_of(kb_copy)
    for line in lines:
        assert any(e.startswith(f"{path}:{line}:") and "village 'Hossa'" in e for e in errors), (line, errors)


def test_also_in_must_name_a_current_municipality(kb_copy: Path):
    path = kb_copy / "municipalities.yaml"
    replace_in(path, "also_in: [Hamina]", "also_in: [Haminaa, Valtimo]")
    line = line_of(path, "also_in: [Haminaa, Valtimo]")
    errors = errors_of(kb_copy)
    assert any(e.startswith(f"{path}:{line}:") and "'Haminaa', which is not a municipality" in e for e in errors)
    assert any(e.startswith(f"{path}:{line}:") and "now part of 'Nurmes'" in e for e in errors), errors
