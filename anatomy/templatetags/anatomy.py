from dataclasses import dataclass

from django import template

from anatomy.figure import MIRROR, REGIONS, SILHOUETTE, VIEWBOX

register = template.Library()

ROLE_LABELS = {
    "primary": "primary muscle",
    "secondary": "secondary muscle",
    "stretched": "stretched, not worked",
    "selected": "",
}


@dataclass
class Region:
    slug: str
    path: str
    role: str
    url: str
    label: str


@register.inclusion_tag("anatomy/includes/back_figure.html")
def back_figure(
    muscles=(),
    highlights=None,
    title="The muscles of the back",
    legend=True,
    id_prefix="body-figure",
):
    """The back figure: ``muscles`` become links; ``highlights`` maps slug to role.

    ``id_prefix`` keeps ids unique when a page shows several figures (the
    comparison); only the default one defines the hatch pattern the CSS names.

    A region is a link (focusable, named by its <title>) when its muscle is
    given; otherwise it is drawn but hidden from assistive technology, which
    gets the same facts from the text beside the figure.
    """
    highlights = highlights or {}
    by_slug = {muscle.slug: muscle for muscle in muscles}
    regions = []
    for slug, path in REGIONS.items():
        role = highlights.get(slug, "")
        muscle = by_slug.get(slug)
        label = ""
        if muscle:
            suffix = ROLE_LABELS.get(role, "")
            label = f"{muscle.name} ({suffix})" if suffix else muscle.name
        regions.append(
            Region(slug, path, role, muscle.get_absolute_url() if muscle else "", label)
        )
    roles = set(highlights.values())
    return {
        "viewbox": VIEWBOX,
        "silhouette": SILHOUETTE,
        "mirror": MIRROR,
        "regions": regions,
        "title": title,
        "legend": legend and bool(roles & {"primary", "secondary", "stretched"}),
        "has_primary": "primary" in roles,
        "has_secondary": "secondary" in roles,
        # Only when a stretched muscle is drawn: most are on the front of the body.
        "has_stretched": any(
            role == "stretched" and slug in REGIONS for slug, role in highlights.items()
        ),
        "id_prefix": id_prefix,
    }


@register.simple_tag
def on_figure(slug):
    """Whether a muscle has a region on the back figure."""
    return slug in REGIONS
