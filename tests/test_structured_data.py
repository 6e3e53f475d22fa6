"""Every page's JSON-LD, checked against the schema.org definitions of the
types it uses (a subset vendored in tests/data/schema-org-subset.json)."""

import json
import re

from django.conf import settings
from django.test import TestCase

from catalogue.models import Exercise
from tests.utils import ALL_FIXTURES, PAGE_TYPES, ROOT, Page

SCHEMA = json.loads((ROOT / "tests" / "data" / "schema-org-subset.json").read_text())
TYPES, RANGES = SCHEMA["types"], SCHEMA["ranges"]
BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)

PAGES = [*PAGE_TYPES, "/exercises/?equipment=dumbbells", "/exercises/renegade-rows/"]


def ancestors(name):
    found, queue = set(), [name]
    while queue:
        current = queue.pop()
        if current not in found:
            found.add(current)
            queue.extend(TYPES[current]["parents"])
    return found


def allowed_properties(name):
    return {prop for t in ancestors(name) for prop in TYPES[t]["properties"]}


def problems(node, where="$"):
    """Every way ``node`` departs from the vendored schema.org definitions."""
    found = []
    if isinstance(node, list):
        for i, item in enumerate(node):
            found += problems(item, f"{where}[{i}]")
        return found
    if not isinstance(node, dict):
        return found
    kind = node.get("@type")
    if kind not in TYPES:
        return [f"{where}: unknown type {kind!r}"]
    allowed = allowed_properties(kind)
    for key, value in node.items():
        if key.startswith("@"):
            continue
        if key not in allowed:
            found.append(f"{where}: {kind} has no property {key!r}")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict) and key in RANGES:
                expected = set(RANGES[key])
                if not ancestors(item.get("@type", "Thing")) & expected:
                    found.append(
                        f"{where}.{key}: {item.get('@type')} not in {expected}"
                    )
        found += problems(value, f"{where}.{key}")
    return found


def blocks(response):
    return [json.loads(text) for text in BLOCK.findall(response.content.decode())]


def of_type(data, kind):
    return [block for block in data if block["@type"] == kind]


class StructuredDataTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_every_block_on_every_page_keeps_to_schema_org(self):
        for url in PAGES:
            for block in blocks(self.client.get(url)):
                assert block["@context"] == "https://schema.org", url
                assert not problems(block), (url, problems(block))

    def test_the_checker_catches_a_property_in_the_wrong_type(self):
        # The original defect: reviewedBy belongs to WebPage, not Article.
        article = {
            "@type": "Article",
            "headline": "x",
            "reviewedBy": {"@type": "Person"},
        }
        assert problems(article) == ["$: Article has no property 'reviewedBy'"]
        assert problems({"@type": "HowTo", "tool": {"@type": "Person"}})

    def test_breadcrumbs_show_as_a_breadcrumb_list(self):
        for url in (
            "/exercises/pull-up/",
            "/anatomy/latissimus-dorsi/",
            "/articles/middle-back-workouts/",
        ):
            response = self.client.get(url)
            (crumbs,) = of_type(blocks(response), "BreadcrumbList")
            items = crumbs["itemListElement"]
            assert [item["position"] for item in items] == list(
                range(1, len(items) + 1)
            )
            assert items[0]["item"] == f"{settings.SITE_URL}/"
            assert items[-1]["item"] == f"{settings.SITE_URL}{url}"
            assert 'aria-label="Breadcrumb"' in response.content.decode()

    def test_an_exercise_is_a_how_to_with_its_steps_and_tools(self):
        exercise = Exercise.objects.get(slug="pull-up")
        response = self.client.get(exercise.get_absolute_url())
        (how_to,) = of_type(blocks(response), "HowTo")
        steps = list(exercise.steps.all())
        assert how_to["name"] == exercise.name
        assert [s["text"] for s in how_to["step"]] == [s.text for s in steps]
        ids = set(Page(response.content.decode()).ids)
        page_url = f"{settings.SITE_URL}{exercise.get_absolute_url()}"
        for step in how_to["step"]:
            assert step["@type"] == "HowToStep"
            anchor = f"step-{step['position']}"
            assert step["url"] == f"{page_url}#{anchor}" and anchor in ids
        assert sorted(t["name"] for t in how_to["tool"]) == sorted(
            e.name for e in exercise.equipment.all()
        )
        assert how_to["image"]["width"] == 1200

    def test_the_article_is_an_article_in_a_reviewed_web_page_with_its_faq(self):
        data = blocks(self.client.get("/articles/middle-back-workouts/"))
        (page,) = of_type(data, "WebPage")
        assert page["reviewedBy"] == {
            "@type": "Person",
            "name": "April Edwards",
            "honorificSuffix": "MScPT",
        }
        article = page["mainEntity"]
        assert article["@type"] == "Article"
        assert article["headline"].startswith("35+ Middle Back Workouts")
        assert article["publisher"]["@type"] == "Organization"
        assert article["image"]["url"].startswith(settings.SITE_URL)
        # Only dates the page shows: the source gives none, so none is claimed;
        # the source is named as what the article is based on.
        assert "datePublished" not in article and "dateModified" not in article
        assert article["isBasedOn"].startswith("https://www.endomondo.com/")
        assert article["citation"] and all(
            c["@type"] == "CreativeWork" and c["url"].startswith("https://")
            for c in article["citation"]
        )
        (faq,) = of_type(data, "FAQPage")
        assert all(q["acceptedAnswer"]["text"] for q in faq["mainEntity"])
