"""The link-preview tags: what a page passes, and the site's defaults."""

from types import SimpleNamespace

from django.template import Context
from django.test import override_settings

from core.templatetags.sharing import DEFAULT_DESCRIPTION, share_tags
from tests.utils import Page

CARD = SimpleNamespace(
    url="/cards/site/backbone.png", alt="The card", width=1200, height=630
)


def tags(**page):
    context = Context(
        {
            "SITE_NAME": "Backbone",
            "canonical_url": "https://x.example/a/",
            "share_card": CARD,
        }
    )
    html = share_tags(context, **page)
    return {
        a.get("property") or a.get("name"): a["content"] for _, a in Page(html).tags
    }


@override_settings(SITE_URL="https://x.example")
def test_a_page_that_passes_nothing_shares_the_site_s_name_description_and_card():
    shared = tags()
    assert shared["og:title"] == shared["twitter:title"] == "Backbone"
    assert (
        shared["og:description"] == shared["twitter:description"] == DEFAULT_DESCRIPTION
    )
    assert shared["og:type"] == "website"
    assert shared["og:url"] == "https://x.example/a/"
    assert (
        shared["og:image"] == shared["twitter:image"] == "https://x.example" + CARD.url
    )
    assert (shared["og:image:width"], shared["og:image:height"]) == ("1200", "630")
    assert shared["og:image:alt"] == shared["twitter:image:alt"] == "The card"


@override_settings(SITE_URL="https://x.example")
def test_a_page_s_own_title_and_description_are_escaped_and_cut_at_200_characters():
    shared = tags(title='Row "&" <b>', description="x" * 300, kind="article")
    assert shared["og:title"] == 'Row "&" <b>'  # parsed back: it was escaped
    assert len(shared["og:description"]) == 200
    assert shared["og:type"] == "article"
