"""The header and footer, rendered once per process: still the right section
marked on each page, and the right links under another script prefix."""

from django.template import Context
from django.urls import set_script_prefix

from tests.utils import Page
from website.templatetags.site_chrome import site_footer, site_header


def current_links(html):
    return [a["href"] for t, a in Page(html).tags if t == "a" and a.get("aria-current")]


def test_the_header_marks_the_section_each_page_is_in():
    assert current_links(site_header(Context({"section": "exercises"}))) == [
        "/exercises/"
    ]
    assert current_links(site_header(Context({"section": "anatomy"}))) == ["/anatomy/"]
    assert current_links(site_header(Context({"section": ""}))) == []


def test_the_header_and_footer_link_under_the_script_prefix_of_the_request():
    try:
        set_script_prefix("/site/")
        header = site_header(Context({"section": "exercises"}))
        footer = site_footer(Context({}))
    finally:
        set_script_prefix("/")
    assert "/site/exercises/" in Page(header).links
    assert "/site/anatomy/" in Page(footer).links
    assert "/exercises/" in Page(site_footer(Context({}))).links


def test_each_page_carries_the_header_and_footer_once(client, db):
    html = client.get("/exercises/").content.decode()
    assert html.count('<header class="site-header">') == 1
    assert html.count('<footer class="site-footer">') == 1
    assert set(current_links(html)) == {"/exercises/"}  # the nav and the A-Z tab
