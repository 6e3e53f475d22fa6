"""The Jinja2 engine of the site's pages: what it renders, what it leaves to
Django's engine, and Django's behaviour where Django's Jinja2 backend differs."""

from types import SimpleNamespace

from django.template import engines
from django.template.loader import get_template
from django.test import RequestFactory

from core.jinja import SiteJinja2, compile_site_templates, regroup


def site_engine():
    return next(engine for engine in engines.all() if isinstance(engine, SiteJinja2))


def compiled_names(engine):
    return {key[1] for key in engine.env.cache.keys()}


def test_every_site_template_is_compiled_before_the_first_page_and_no_admin_one():
    engine = site_engine()
    engine.env.cache.clear()
    compile_site_templates()
    compiled = compiled_names(engine)
    assert {"base.html", "catalogue/exercise_detail.html", "404.html"} <= compiled
    assert not any(name.startswith("admin/") for name in compiled)
    assert compiled == set(engine.env.list_templates(extensions=["html"]))


def test_the_admin_s_templates_are_left_to_django_s_engine():
    assert get_template("admin/data_quality.html").backend.__class__.__name__ == (
        "DjangoTemplates"
    )
    assert isinstance(get_template("base.html").backend, SiteJinja2)


def test_the_view_s_context_wins_over_the_context_processors_defaults(db):
    request = RequestFactory().get("/anything/")
    html = get_template("base.html").render(
        {"canonical_url": "https://view.example/its-own/"}, request
    )
    assert '<link rel="canonical" href="https://view.example/its-own/">' in html


def test_regroup_keeps_runs_in_the_order_given_as_django_s_tag_does():
    items = [SimpleNamespace(letter=letter) for letter in "AABA"]
    groups = regroup(items, "letter")
    assert [(group.grouper, len(group.list)) for group in groups] == [
        ("A", 2),
        ("B", 1),
        ("A", 1),
    ]
