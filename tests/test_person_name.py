import pytest

from cleaner.fields.person_name import person_name, person_shaped


@pytest.mark.parametrize(
    ("piece", "name"),
    [("Jane Doe Senior Editor", "Jane Doe"), ("Courtney Carr Courtney Carr", "Courtney Carr"),
     ("CM Craig McCarthy", "Craig McCarthy"), ("Brian Truitt USA TODAY", "Brian Truitt"),
     ("JANE DOE", "Jane Doe"), ("Ludwig van Beethoven", "Ludwig van Beethoven")],
)
def test_person_name_trims_what_follows_or_doubles_the_name(piece, name):
    assert person_name(piece, None) == name


@pytest.mark.parametrize("piece", ["CNN", "Newsroom Staff", "The Commercial Appeal", "www.example.com",
                                   "Jane Doe 2024", "jane doe"])
def test_person_name_rejects_what_is_no_person(piece):
    assert person_name(piece, None) is None


def test_lower_case_name_only_when_allowed():
    assert person_name("kirstin boatto", None, lowercase=True) == "kirstin boatto"


def test_site_name_and_its_longer_brand_are_no_person():
    assert person_name("Insider", "Insider") is None
    assert person_name("Business Insider", "Insider") is None
    assert person_name("CBC Arts", "CBC") is None


def test_person_shaped_wants_two_or_three_capitalised_words():
    assert person_shaped("Cory Dransfeldt")
    assert person_shaped("Jean-Luc Aufranc")
    assert not person_shaped("Cory")
    assert not person_shaped("the team here")
    assert not person_shaped("A B C D")


@pytest.mark.parametrize("name", ["George T. Conway III", "Ann Lee II", "Sam Roe JR"])
def test_a_generation_after_the_name_is_kept(name):
    assert person_name(name, None) == name


def test_outlet_initials_after_the_name_still_go():
    assert person_name("Brian Truitt USA TODAY", None) == "Brian Truitt"


def test_the_group_a_name_writes_on_behalf_of_is_no_part_of_it():
    assert person_name("Niko Matsakis on behalf of Vision Doc group", None) == "Niko Matsakis"
