"""A reference's DOI is checked, since its link is https://doi.org/ plus it."""

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import TestCase

from articles.models import Article, Reference, validate_doi
from tests.utils import ALL_FIXTURES


@pytest.mark.parametrize(
    "doi",
    [
        "10.3906/sag-1511-155",
        "10.3390/jcm12175510",
        "10.1530/EOR-23-0025",
        "10.1000.10/123456",  # a registrant code with a dotted sub-code
        "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0",
    ],
)
def test_a_real_doi_is_accepted(doi):
    validate_doi(doi)


@pytest.mark.parametrize(
    "pasted, prefix",
    [
        ("https://doi.org/10.3906/sag-1511-155", "https://doi.org/"),
        ("http://dx.doi.org/10.3906/sag-1511-155", "http://dx.doi.org/"),
        ("doi: 10.3906/sag-1511-155", "doi:"),
        ("DOI:10.3906/sag-1511-155", "DOI:"),
    ],
)
def test_a_doi_pasted_as_a_link_is_refused_naming_what_to_remove(pasted, prefix):
    with pytest.raises(ValidationError) as refused:
        validate_doi(pasted)
    assert refused.value.messages == [
        f"Enter the DOI without “{prefix}” in front: it is added for the link."
    ]


@pytest.mark.parametrize(
    "value",
    [
        "sag-1511-155",
        "10.3906",
        "10.39/sag",
        "11.3906/sag",
        "10.3906/sag 1511",
        "10.3906/",
    ],
)
def test_what_is_not_a_doi_is_refused(value):
    with pytest.raises(ValidationError) as refused:
        validate_doi(value)
    assert refused.value.code == "doi"


class ReferenceDoiTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_every_doi_in_the_content_is_valid(self):
        dois = Reference.objects.exclude(doi="").values_list("doi", flat=True)
        assert len(dois) == 3
        for doi in dois:
            validate_doi(doi)

    def test_a_reference_with_a_pasted_link_does_not_pass_full_clean(self):
        reference = Reference.objects.exclude(doi="").first()
        reference.doi = f"https://doi.org/{reference.doi}"
        with pytest.raises(ValidationError) as refused:
            reference.full_clean()
        assert list(refused.value.message_dict) == ["doi"]

    def test_the_data_quality_page_lists_a_stored_doi_that_is_not_one(self):
        article = Article.objects.get(slug="middle-back-workouts")
        # Saved without full_clean, as a file loaded before the check would be.
        Reference.objects.create(
            article=article,
            position=99,
            authors="A. Author",
            title="Bad link",
            doi="https://doi.org/10.1/x",
        )
        self.client.force_login(User.objects.create_superuser("root", password="pw"))
        page = self.client.get("/admin/data-quality/").content.decode()
        section = page.split("References with a DOI that is not one (1)</h2>")[1]
        assert f"<td>{article.title}: Bad link</td>" in section
        assert "“https://doi.org/10.1/x”: Enter the DOI without" in section
        assert f'href="/admin/articles/article/{article.pk}/change/"' in section

    def test_the_data_quality_page_finds_no_doi_problem_in_the_content(self):
        self.client.force_login(User.objects.create_superuser("root", password="pw"))
        page = self.client.get("/admin/data-quality/").content.decode()
        section = page.split("References with a DOI that is not one (0)</h2>")[1]
        assert section.split("</section>")[0].strip().endswith("<p>None.</p>")
