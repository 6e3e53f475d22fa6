"""The article's expert tips that apply to a routine.

The tips live once, in the article's body (a "## Expert Tips..." list in
Markdown); the routine quotes those that fit its exercises rather than
copying them into code.
"""

import re
from dataclasses import dataclass

from articles.markdown import heading_id
from articles.models import Article
from catalogue.choices import Pattern

TIPS_HEADING = re.compile(r"^##\s+(Expert Tips\b.*)$", re.IGNORECASE | re.MULTILINE)
PULLS = {Pattern.VERTICAL_PULL, Pattern.HORIZONTAL_PULL, Pattern.RETRACTION}
# A tip about one of these words applies when the routine has these patterns;
# the others (control, posture) apply to any routine.
TOPICS = [
    ("grip", PULLS),
    ("elbow", PULLS | {Pattern.PULLOVER}),
    ("shoulder blades", {Pattern.HORIZONTAL_PULL, Pattern.RETRACTION}),
]


@dataclass
class Tips:
    items: list
    article: Article
    anchor: str


def tips_section(body):
    """(heading, bullet texts) of the expert tips in a Markdown body, or None."""
    match = TIPS_HEADING.search(body)
    if not match:
        return None
    rest = body[match.end() :]
    following = re.search(r"^#{1,2}\s", rest, re.MULTILINE)
    section = rest[: following.start()] if following else rest
    bullets = re.findall(r"^\s*[-*]\s+(.+)$", section, re.MULTILINE)
    return match.group(1).strip(), [bullet.strip() for bullet in bullets]


def applies(tip, patterns, loaded):
    text = tip.lower()
    if "weight" in text and not loaded:
        return False
    return all(word not in text or patterns & needs for word, needs in TOPICS)


def tips_for(patterns, loaded):
    """The tips that fit a routine of these patterns (loaded: any equipment): one query."""
    article = (
        Article.objects.published()
        .filter(body__icontains="## Expert Tips")
        .only("title", "slug", "body")
        .order_by("published_at", "pk")
        .first()
    )
    if article is None:
        return None
    found = tips_section(article.body)
    if not found:
        return None
    heading, bullets = found
    chosen = [tip for tip in bullets if applies(tip, set(patterns), loaded)]
    return Tips(chosen, article, heading_id(heading, "-"))
