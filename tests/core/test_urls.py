"""Absolute URLs come from settings.SITE_URL, and production must set it."""

from django.test import SimpleTestCase, override_settings

from core.checks import site_url_is_configured
from core.urls import absolute_url, site_domain, site_scheme


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
