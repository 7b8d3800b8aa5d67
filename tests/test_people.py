import dataclasses

import pytest

from cleaner.fields.people import Byline, parse_byline


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("Von Max Mustermann und Erika Musterfrau", ("Max Mustermann", "Erika Musterfrau")),
        ("Par Jean Dupont et Marie Curie", ("Jean Dupont", "Marie Curie")),
        ("Por Juan Pérez y María López", ("Juan Pérez", "María López")),
        ("Di Mario Rossi", ("Mario Rossi",)),
        ("Autor: Hans Meier", ("Hans Meier",)),
        ("Written by Jane Doe & John Roe", ("Jane Doe", "John Roe")),
        ("Jane Doe | John Roe; Ann Poe", ("Jane Doe", "John Roe", "Ann Poe")),
        ("Dana Ford, James Corey, and Tom Watkins, CNN", ("Dana Ford", "James Corey", "Tom Watkins")),
        ("Jane Doe, E Roe", ("Jane Doe", "E Roe")),
        ('By Amanda "Tania Mae" Tan', ('Amanda "Tania Mae" Tan',)),
    ],
)
def test_strips_labels_and_splits_names(text, authors):
    assert parse_byline(text).authors == authors


def test_agency_credit_is_not_an_author():
    result = parse_byline("Source:AFP Published: 2015-12-16 0:43:03")
    assert result == Byline("Source:AFP Published: 2015-12-16 0:43:03", (), "AFP")


def test_first_agency_wins_and_names_stay_authors():
    assert parse_byline("ap/dpa/afp").agency == "AP"
    result = parse_byline("By Jane Doe | Reuters")
    assert (result.authors, result.agency) == (("Jane Doe",), "Reuters")
    assert parse_byline("Jane Doe (AFP)").agency == "AFP"


@pytest.mark.parametrize("text", ["Staff", "Editorial Board", "News Desk", "Photo: Julia Hitz",
                                  "jane@example.com", "15 December 2015, 3:00 PM"])
def test_rejects_non_people(text):
    assert parse_byline(text) == Byline(None)


def test_newsroom_credit_goes_to_agency():
    assert parse_byline("The Associated Press") == Byline("The Associated Press", (), "AP")


def test_site_name_is_not_an_author():
    assert parse_byline("By Jane Doe, DW", site="DW").authors == ("Jane Doe",)
    assert parse_byline("The Guardian", site="The Guardian") == Byline(None)


def test_job_title_and_place_are_trimmed():
    assert parse_byline("Jane Doe, Senior Editor").authors == ("Jane Doe",)
    assert parse_byline("Jane Doe in Kabul").authors == ("Jane Doe",)


def test_editors_and_photographers_are_not_authors():
    assert parse_byline("Reporting by Jane Doe; Editing by John Roe").authors == ("Jane Doe",)
    assert parse_byline("Jane Doe; Photos by Max Roe").authors == ("Jane Doe",)


def test_acronym_alone_is_an_organisation():
    assert parse_byline("By Kate Smith, CNN").authors == ("Kate Smith",)


def test_shouted_names_are_title_cased():
    assert parse_byline("By JANE DOE, Associated Press") == Byline(
        "By JANE DOE, Associated Press", ("Jane Doe",), "AP")


def test_byline_is_trimmed_and_frozen():
    result = parse_byline("  By   Jane Doe \n")
    assert result.byline == "By Jane Doe"
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.byline = "x"


def test_weekday_glued_to_a_name_is_dropped_but_a_surname_is_kept():
    assert parse_byline("Jeff Foust Monday").authors == ("Jeff Foust",)
    assert parse_byline("Billy Sunday").authors == ("Billy Sunday",)


def test_trailing_separator_and_style_text_leave_the_printed_byline():
    assert parse_byline("By Monroe Roark -").byline == "By Monroe Roark"
    assert parse_byline("By Jane Doe .css-1x{color:red}") == Byline("By Jane Doe", ("Jane Doe",))


def test_author_bio_after_the_byline_is_cut():
    found = parse_byline("By Jane Doe Jane Doe is a reporter covering climate for the paper.")
    assert found == Byline("By Jane Doe", ("Jane Doe",))


def test_dated_wire_credit_is_the_agency():
    assert parse_byline("REUTERS 19 NOV 2019") == Byline("REUTERS 19 NOV 2019", (), "Reuters")


def test_brand_written_longer_than_the_site_name_is_no_author():
    assert parse_byline("Business Insider", site="Insider").authors == ()
    assert parse_byline("Jane Post", site="Post").authors == ("Jane Post",)


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Dylan Bailey, MS, RD, FAND", ("Dylan Bailey, MS, RD, FAND",)),
        ("Doris Munoz-Mantilla, MD, FOMA, DABOM", ("Doris Munoz-Mantilla, MD, FOMA, DABOM",)),
        ("Sarah Knowles MW", ("Sarah Knowles MW",)),
        ("Jillian Kubala, MS, RD and John Roe, PhD", ("Jillian Kubala, MS, RD", "John Roe, PhD")),
        ("Dr. Jane Doe", ("Dr. Jane Doe",)),
    ],
)
def test_credentials_and_honorifics_stay_with_the_name_as_printed(text, authors):
    assert parse_byline(text).authors == authors


def test_an_unknown_acronym_after_a_name_is_an_outlet_not_a_credential():
    assert parse_byline("Jane Doe, CNN").authors == ("Jane Doe",)


def test_md_opening_a_name_is_a_first_name_not_a_credential():
    assert parse_byline("By Md Aynal Haque").authors == ("Md Aynal Haque",)


def test_a_person_printed_with_and_without_credentials_is_one_author():
    assert parse_byline("Cara Dumaplin RN, BSN | Cara Dumaplin").authors == ("Cara Dumaplin RN, BSN",)


def test_lower_case_names_only_when_a_metadata_field_gives_them():
    assert parse_byline("kirstin boatto").authors == ()
    assert parse_byline("kirstin boatto", lowercase=True).authors == ("kirstin boatto",)


def test_agency_printed_again_before_the_next_name_is_a_credit():
    result = parse_byline("By — Najib Jobain, Associated Press Najib Jobain, Associated Press")
    assert (result.authors, result.agency) == (("Najib Jobain",), "AP")
    assert parse_byline("Antara Ghosh").authors == ("Antara Ghosh",)


def test_newspaper_names_and_desks_of_the_site_are_no_people():
    assert parse_byline("Javier Espinoza and Patricia Nilsson, Financial Times").authors == (
        "Javier Espinoza", "Patricia Nilsson")
    assert parse_byline("CBC Arts", site="CBC").authors == ()


def test_organisation_words_are_no_person():
    for name in ("Cleveland Clinic", "British Heart Foundation", "Kneib Dentistry PC", "SmartEtailing Inc"):
        assert parse_byline(name).authors == ()


def test_former_job_title_and_bullets_end_the_name():
    assert parse_byline("Liz Kenny Former McKinsey Consultant").authors == ("Liz Kenny",)
    assert parse_byline("by Meaghan Weeden ● December 23, 2025 ● 6 min read").authors == ("Meaghan Weeden",)


def test_updated_by_and_contributions_from_credit_no_author():
    assert parse_byline("By Benjamin Preston Updated by Jon Linkov").authors == ("Benjamin Preston",)
    assert parse_byline("By Ben Roe Contributions From: Trish May, Sam Lee").authors == ("Ben Roe",)


def test_newspaper_named_as_author_is_no_person():
    assert parse_byline("Coldwater Daily").authors == ()


def test_bracketed_name_part_is_kept_as_printed():
    assert parse_byline("by Jean-Luc Aufranc (CNXSoft)").authors == ("Jean-Luc Aufranc (CNXSoft)",)
    assert parse_byline("Paramita (Guha) Ghosh").authors == ("Paramita (Guha) Ghosh",)
    assert parse_byline("Jane Doe (Photo)").authors == ("Jane Doe",)
    assert parse_byline("John Roe (AFP)") == Byline("John Roe (AFP)", ("John Roe",), "AFP")


def test_newspaper_and_degree_are_no_names():
    assert parse_byline("Manoj Jain | The Commercial Appeal").authors == ("Manoj Jain",)
    assert parse_byline("Licensed Q Arabica Grader, M.A. Journalism").authors == ()
    assert parse_byline("Rui Ma").authors == ("Rui Ma",)


def test_this_post_was_written_by_opens_a_byline_and_departments_are_no_names():
    text = "This post was written by Danielle Padula, Head of Marketing and Community Development"
    assert parse_byline(text).authors == ("Danielle Padula",)


def test_places_after_a_publisher_are_not_authors():
    assert parse_byline("SPIEGEL ONLINE, Hamburg, Germany", lowercase=True).authors == ()
    assert parse_byline("Newsroom, Jane Doe").authors == ("Jane Doe",)


def test_a_name_signed_with_a_web_address_is_the_publisher():
    assert parse_byline("Deutsche Welle (www.dw.com)", lowercase=True).authors == ()
    assert parse_byline("Jean-Luc Aufranc (CNXSoft)").authors == ("Jean-Luc Aufranc (CNXSoft)",)


def test_organisations_in_other_languages_and_their_places_are_not_authors():
    assert parse_byline("CDU - Fraktion Erfurt", lowercase=True).authors == ()
    byline = "Autor: Steffen Pache, Sächsische Landesanstalt für Landwirtschaft, Köllitsch (D)"
    assert parse_byline(byline).authors == ("Steffen Pache",)


def test_as_told_to_credits_the_writer_after_it():
    assert parse_byline("Amie Mock as told to Heather Eastman").authors == ("Heather Eastman",)


@pytest.mark.parametrize("text", ["Photos and Story By Dana Cole Special Correspondent to THE AUTO PAGE",
                                  "Story and photos by Dana Cole"])
def test_a_writer_who_took_the_photos_too_is_an_author(text):
    assert parse_byline(text).authors == ("Dana Cole",)


def test_photos_by_alone_still_credits_no_author():
    assert parse_byline("By Jane Roe Photos by Sam Lee").authors == ("Jane Roe",)


def test_a_credential_with_its_registered_mark_stays_with_the_name():
    assert parse_byline("Rebecca Lake, CEPF®").authors == ("Rebecca Lake, CEPF®",)
    assert parse_byline("By Jane Doe, CFP®, CPA").authors == ("Jane Doe, CFP®, CPA",)
