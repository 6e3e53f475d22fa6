"""Absolute URLs come from settings.SITE_URL, and production must set it; the
paths of pages linked by slug are reverse()'s own."""

from urllib.parse import urlencode

import pytest
from django.test import SimpleTestCase, override_settings
from django.urls import NoReverseMatch, reverse, set_script_prefix

from core.checks import site_url_is_configured
from core.urls import (
    absolute_url,
    query_string,
    site_domain,
    site_scheme,
    slug_path,
    view_path,
)


class AbsoluteUrlTests(SimpleTestCase):
    @override_settings(SITE_URL="https://backbone.example")
    def test_paths_go_on_the_configured_origin(self):
        assert absolute_url("/exercises/?level=beginner") == (
            "https://backbone.example/exercises/?level=beginner"
        )
        assert absolute_url("media/x.png") == "https://backbone.example/media/x.png"
        assert absolute_url("https://doi.org/10.1/x") == "https://doi.org/10.1/x"
        assert (site_scheme(), site_domain()) == ("https", "backbone.example")


class SiteUrlCheckTests(SimpleTestCase):
    @override_settings(SITE_URL="http://127.0.0.1:8000", SITE_URL_CONFIGURED=False)
    def test_an_unset_site_url_is_a_deploy_warning(self):
        (warning,) = site_url_is_configured(None)
        assert warning.id == "core.W001" and "SITE_URL" in warning.msg

    @override_settings(SITE_URL="backbone.example/path", SITE_URL_CONFIGURED=True)
    def test_a_site_url_that_is_not_an_origin_is_a_deploy_warning(self):
        (warning,) = site_url_is_configured(None)
        assert warning.id == "core.W002"

    @override_settings(SITE_URL="https://backbone.example", SITE_URL_CONFIGURED=True)
    def test_a_configured_origin_passes(self):
        assert site_url_is_configured(None) == []


class SlugPathTests(SimpleTestCase):
    """slug_path and view_path give what reverse() gives, reversed once."""

    VIEWS = [
        "catalogue:exercise_detail",
        "anatomy:muscle_detail",
        "articles:article_detail",
    ]

    def test_a_slug_path_is_reverses_own_answer(self):
        for view in self.VIEWS:
            for slug in ("pull-up", "a", "x_1", "slug-in-here", "UPPER-case"):
                assert slug_path(view, slug) == reverse(view, args=[slug])
        assert view_path("catalogue:exercise_list") == reverse(
            "catalogue:exercise_list"
        )

    def test_a_slug_the_converter_refuses_raises_as_reverse_does(self):
        for slug in ("", "a/b", "é", "a b"):
            with pytest.raises(NoReverseMatch):
                slug_path("catalogue:exercise_detail", slug)

    def test_the_script_prefix_is_honoured(self):
        try:
            set_script_prefix("/backbone/")
            assert slug_path("catalogue:exercise_detail", "pull-up") == (
                "/backbone/exercises/pull-up/"
            )
            assert view_path("catalogue:exercise_list") == "/backbone/exercises/"
        finally:
            set_script_prefix("/")
        assert (
            slug_path("catalogue:exercise_detail", "pull-up") == "/exercises/pull-up/"
        )


class QueryStringTests(SimpleTestCase):
    def test_a_query_string_is_urlencodes_own_text(self):
        pairs = [
            ("equipment", "dumbbells"),
            ("q", "pull ups & rows"),
            ("q", "élan/100%"),
            ("page", 2),
            ("muscle", "latissimus-dorsi"),
        ]
        assert query_string(pairs) == urlencode(pairs)
        assert query_string([]) == ""
