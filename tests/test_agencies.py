import pytest

from cleaner.fields.agencies import canonical_agency, fold


@pytest.mark.parametrize(
    ("name", "canonical"),
    [("Agence France-Presse", "AFP"), ("the associated press", "AP"), ("REUTERS", "Reuters"),
     ("Deutsche Presse-Agentur", "dpa"), ("Press Trust of India", "PTI"), ("Jane Doe", None)],
)
def test_canonical_agency(name, canonical):
    assert canonical_agency(name) == canonical


def test_unknown_outlet_is_no_agency():
    assert canonical_agency("The Worcester Telegram") is None


def test_fold_makes_spellings_of_one_name_equal():
    assert fold("  Agence\u00a0FRANCE-Presse ") == fold("agence france-presse")
