"""Jinja2 for the site's own pages, through Django's own backend.

Rendering took more than half of an uncached exercise page's time with
Django's template language, where every variable is looked up through a
chain of attempts and every node is an object call. Jinja2 compiles a
template to Python once: the same HTML in about two thirds of the time
(7.1 -> 4.5 ms in-process for the exercise page; bench/README.md). The admin
keeps Django's templates: this engine does not see ``admin/`` (``SiteLoader``).

Template helpers live where they did, in each app's ``templatetags`` package
(the convention django-jinja follows too), registered with ``helper``,
``template_filter`` and ``inclusion`` below; ``environment`` imports them all.
"""

import functools
import itertools
import operator
import pkgutil
from importlib import import_module

import jinja2
from django.apps import apps
from django.template import defaultfilters
from django.template.backends.jinja2 import Jinja2, Template
from django.template.backends.utils import csrf_input_lazy, csrf_token_lazy
from django.template.defaulttags import GroupedResult
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.test.signals import template_rendered
from django.urls import reverse
from django.utils.html import strip_spaces_between_tags
from django.utils.safestring import mark_safe

from core.urls import view_path

# Template names this engine leaves to Django's (the admin and its overrides).
DJANGO_TEMPLATES = ("admin/", "django/", "registration/")

_globals = {}
_filters = {}


def helper(function=None, *, name=None, takes_context=False):
    """A function templates call, as ``{{ name(...) }}``; ``takes_context``
    passes the template's context first (its ``get()`` reads a variable)."""

    def register(function):
        _globals[name or function.__name__] = (
            jinja2.pass_context(function) if takes_context else function
        )
        return function

    return register(function) if function else register


def template_filter(function=None, *, name=None):
    def register(function):
        _filters[name or function.__name__] = function
        return function

    return register(function) if function else register


def inclusion(template_name, *, takes_context=False):
    """A helper that renders ``template_name`` with the dictionary the
    decorated function returns; the function itself stays importable and
    returns that dictionary (tests read it)."""

    def register(function):
        @functools.wraps(function)
        def render(*args, **kwargs):
            return render_to_string(template_name, function(*args, **kwargs))

        helper(render, name=function.__name__, takes_context=takes_context)
        return function

    return register


def regroup(items, attribute):
    """Django's ``{% regroup %}``: runs of items sharing ``attribute``, in the
    order given (Jinja2's ``groupby`` sorts first)."""
    key = operator.attrgetter(attribute)
    return [
        GroupedResult(grouper=grouper, list=list(members))
        for grouper, members in itertools.groupby(items, key)
    ]


def spaceless(html):
    """Django's ``{% spaceless %}``, as a filter block."""
    return mark_safe(strip_spaces_between_tags(str(html).strip()))


# Django's filters that the templates use, with Django's behaviour (Jinja2's
# own ``capitalize`` lowers the rest of the string; its ``default`` only
# replaces undefined values, so templates write ``value or "default"``).
DJANGO_FILTERS = {
    "capfirst": defaultfilters.capfirst,
    "date": defaultfilters.date,
    "default_if_none": defaultfilters.default_if_none,
    "linebreaks": defaultfilters.linebreaks_filter,
    "linebreaksbr": defaultfilters.linebreaksbr,
    "pluralize": defaultfilters.pluralize,
    "regroup": regroup,
    "spaceless": spaceless,
    "truncatechars": defaultfilters.truncatechars,
}


class SiteLoader(jinja2.FileSystemLoader):
    """The project's templates, less the ones Django's engine renders."""

    def get_source(self, environment, template):
        if template.startswith(DJANGO_TEMPLATES):
            raise jinja2.TemplateNotFound(template)
        return super().get_source(environment, template)

    def list_templates(self):
        return [
            name
            for name in super().list_templates()
            if not name.startswith(DJANGO_TEMPLATES)
        ]


def compile_site_templates():
    """Compile every site template now, so that no reader waits for it.

    Called by config.wsgi: under gunicorn (``preload_app``) that is the master
    process, before it forks, and every worker starts with them compiled. A
    fresh worker's first pages had waited for it (about 270 ms on a slow
    machine), and so had every request queued behind them. A template that
    does not compile stops the server from starting, not a page.
    """
    from django.template import engines

    for engine in engines.all():
        if isinstance(engine, SiteJinja2):
            for name in engine.env.list_templates(extensions=["html"]):
                engine.env.get_template(name)


def template_modules():
    """Every installed app's ``templatetags`` modules, imported."""
    for config in apps.get_app_configs():
        try:
            package = import_module(f"{config.name}.templatetags")
        except ImportError:
            continue
        for module in pkgutil.iter_modules(package.__path__):
            import_module(f"{package.__name__}.{module.name}")


def environment(**options):
    options["loader"] = SiteLoader(options["loader"].searchpath)
    env = jinja2.Environment(**options)
    template_modules()
    env.globals.update(url=reverse_url, static=static_url, **_globals)
    env.filters.update(DJANGO_FILTERS, **_filters)
    return env


@functools.lru_cache(maxsize=256)
def static_url(path):
    """Django's ``{% static %}``, once per file and process: the manifest of
    hashed names is read at start-up and never changes while it runs."""
    return static(path)


def reverse_url(viewname, *args, **kwargs):
    """Django's ``{% url %}``; a view without arguments is reversed once
    (``core.urls.view_path``): a page links to the list a dozen times."""
    if args or kwargs:
        return reverse(viewname, args=args or None, kwargs=kwargs or None)
    return view_path(viewname)


class SiteTemplate(Template):
    def render(self, context=None, request=None):
        """As Django's, but the view's context wins over what the context
        processors give (as with Django's own engine: a view passes its own
        ``canonical_url``), and the rendering is announced when someone
        listens, as Django's templates do under test, so that the test
        client's ``response.context`` works."""
        context = dict(context or {})
        if request is not None:
            given = {
                "request": request,
                "csrf_input": csrf_input_lazy(request),
                "csrf_token": csrf_token_lazy(request),
            }
            for processor in self.backend.template_context_processors:
                given.update(processor(request))
            context = given | context
        if template_rendered.has_listeners():
            template_rendered.send(sender=self, template=self, context=context)
        # Safe, as Django's templates return: a helper that renders one
        # (an inclusion) hands it to another template as HTML.
        return mark_safe(self.template.render(context))


class SiteJinja2(Jinja2):
    def get_template(self, template_name):
        template = super().get_template(template_name)
        return SiteTemplate(template.template, self)
