"""Markdown to safe HTML, once, when an article is saved.

Python-Markdown renders; nh3 (an allow-list sanitiser) then keeps only the
tags and attributes an article needs, so a pasted ``<script>``, an
``onerror=`` or a ``javascript:`` link never reaches a page.

Editors link exercises by name: ``[[Inverted Row]]``, or
``[[Inverted Row|bodyweight rows]]`` to show other words. Names resolve,
however they are hyphenated or pluralised, to the exercise's page when the
article is saved; a name that matches no exercise is reported back.
"""

import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from datetime import datetime
from functools import reduce
from operator import or_

import markdown
import nh3
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString

from catalogue.models import Exercise
from catalogue.search import compact_key
from catalogue.text_index import current_link_index
from core.link_syntax import EXERCISE_LINK, plain_text  # noqa: F401 (re-exported)
from core.models import PublicationStatus

ALLOWED_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "em",
    "h2",
    "h3",
    "h4",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
    "del",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "td": {"align"},
    "th": {"align", "scope"},
    "ol": {"start"},
}
ALLOWED_CLASSES = {
    "a": {"exercise-link"},
    "span": {"exercise-link", "exercise-link--missing"},
}
# Heading ids must not clash with the ids the page itself uses.
RESERVED_IDS = {"main", "content", "toc", "faq", "references", "top"}


def heading_id(value, separator):
    slug = slugify(html.unescape(re.sub(r"<[^>]+>", "", value)))[:80] or "section"
    return f"{slug}-section" if slug in RESERVED_IDS else slug


@dataclass
class Rendered:
    """An article's markdown made into what is stored and shown."""

    html: str  # sanitised
    toc: list[dict]  # {"id", "name", "level", "children"}: the h2 and h3 headings
    missing_links: list[str]  # linked names that match no exercise
    # Names of exercises that exist but readers may not see yet (drafts,
    # scheduled): shown as plain text, like a missing name, and flagged to editors.
    hidden_links: list[str]
    relink_at: datetime | None  # when the first hidden one goes live


def exercise_names_in(text):
    return list(
        dict.fromkeys(match.group(1).strip() for match in EXERCISE_LINK.finditer(text))
    )


@dataclass
class Resolved:
    """Linked names resolved against what readers may see."""

    urls: dict = field(default_factory=dict)  # name -> URL of a public exercise
    hidden: list = field(default_factory=list)  # names of drafts or scheduled ones
    relink_at: object = None  # when the first scheduled one goes live


def resolve_exercises(names, *, rendering=False):
    """Map each linked name to its exercise's URL, by name or alias.

    Only exercises readers may see are linked: a draft's or a scheduled
    exercise's name and slug must not reach a page (the link would be a 404
    anyway). Such names are reported as hidden, and ``relink_at`` says when
    the first scheduled one goes live, so the article is rendered again then.

    A page being rendered (``rendering``) looks the names up in the link
    index of its content state, which its cache key holds: a dictionary
    look-up, where the database would test every exercise's names. What is
    saved asks the database, so that it never keeps another process's
    slightly older view of the content.
    """
    keys = {name: compact_key(name) for name in names}
    wanted = {key for key in keys.values() if key}
    if not wanted:
        return Resolved()
    if rendering:
        candidates = current_link_index().having_name_keys(wanted)
    else:
        candidates = Exercise.objects.filter(
            reduce(or_, (Q(search_names__contains=f" {key} ") for key in wanted))
        ).only("name", "slug", "search_names", "status", "published_at")
    public, private, scheduled = {}, set(), []
    now = timezone.now()
    for exercise in candidates:
        if not exercise.is_public:
            private.update(exercise.search_names.split())
            if exercise.status == PublicationStatus.PUBLISHED:
                scheduled.append(exercise.published_at)
            continue
        url, own_key = exercise.get_absolute_url(), compact_key(exercise.name)
        for key in exercise.search_names.split():
            # The exercise's own name wins over another exercise's alias.
            if key not in public or own_key == key:
                public[key] = url
    return Resolved(
        urls={name: public[key] for name, key in keys.items() if key in public},
        hidden=[
            name for name, key in keys.items() if key not in public and key in private
        ],
        relink_at=min((at for at in scheduled if at > now), default=None),
    )


class ExerciseLinkProcessor(InlineProcessor):
    def __init__(self, pattern, md, urls, missing):
        super().__init__(pattern, md)
        self.urls = urls
        self.missing = missing

    def handleMatch(self, match, data):  # noqa: N802 (Markdown's API)
        name = match.group(1).strip()
        text = (match.group(2) or name).strip()
        url = self.urls.get(name)
        if url:
            element = etree.Element("a", {"href": url, "class": "exercise-link"})
        else:
            self.missing.append(name)
            element = etree.Element(
                "span", {"class": "exercise-link exercise-link--missing"}
            )
        element.text = AtomicString(text)
        return element, match.start(0), match.end(0)


class ExerciseLinkExtension(Extension):
    def __init__(self, urls, missing):
        super().__init__()
        self.urls = urls
        self.missing = missing

    def extendMarkdown(self, md):  # noqa: N802 (Markdown's API)
        processor = ExerciseLinkProcessor(
            EXERCISE_LINK.pattern, md, self.urls, self.missing
        )
        # Before links (160), so that "[[...]]" is not read as a reference link.
        md.inlinePatterns.register(processor, "exercise_link", 175)


def flatten_toc(tokens):
    return [
        {
            "id": token["id"],
            "name": html.unescape(
                nh3.clean(token.get("html", token["name"]), tags=set())
            ).strip(),
            "level": token["level"],
            "children": flatten_toc(token.get("children", [])),
        }
        for token in tokens
    ]


def sanitise(dirty_html):
    return nh3.clean(
        dirty_html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
    )


def render_markdown(text):
    missing = []
    resolved = resolve_exercises(exercise_names_in(text))
    urls = resolved.urls
    md = markdown.Markdown(
        extensions=[
            "sane_lists",
            "tables",
            "smarty",
            ExerciseLinkExtension(urls, missing),
            "toc",
        ],
        extension_configs={"toc": {"slugify": heading_id, "toc_depth": "2-3"}},
        output_format="html",
    )
    body = md.convert(text)
    return Rendered(
        html=sanitise(body),
        toc=flatten_toc(md.toc_tokens),
        missing_links=[
            name for name in dict.fromkeys(missing) if name not in resolved.hidden
        ],
        hidden_links=resolved.hidden,
        relink_at=resolved.relink_at,
    )
