from functools import cache
from html import escape

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from anatomy.figure import MIRROR, REGIONS, SILHOUETTE, VIEWBOX
from core.jinja import helper, inclusion

ROLE_LABELS = {
    "primary": "primary muscle",
    "secondary": "secondary muscle",
    "stretched": "stretched, not worked",
    "selected": "",
}


def region_markup(id_prefix, slug, role, url, label):
    """One muscle region: a link named by its <title> when the muscle is given,
    otherwise drawn but hidden from assistive technology (which gets the same
    facts from the text beside the figure). Written here rather than in the
    template: thirteen regions of eight template variables each were most of
    the figure's cost on every page that shows it (bench/profile_pages.py)."""
    shape = f"#{escape(id_prefix)}-{escape(slug)}"
    uses = f'<use href="{shape}"/><use href="{shape}" transform="{MIRROR}"/>'
    modifier = f" body-figure__region--{escape(role)}" if role else ""
    if url:
        return (
            f'<a class="body-figure__region body-figure__region--link{modifier}" '
            f'href="{escape(url)}" data-muscle="{escape(slug)}">'
            f"<title>{escape(label)}</title>{uses}</a>"
        )
    return (
        f'<g class="body-figure__region{modifier}" data-muscle="{escape(slug)}" '
        f'aria-hidden="true">{uses}</g>'
    )


@cache
def shapes(id_prefix):
    """The figure's <defs> and silhouette: 16 KB of paths that depend on nothing
    but the code, rendered once per process instead of on every page that
    shows the figure."""
    return render_to_string(
        "anatomy/includes/back_figure_shapes.html",
        {
            "id_prefix": id_prefix,
            "regions": list(REGIONS.items()),
            "silhouette": SILHOUETTE,
        },
    )


@inclusion("anatomy/includes/back_figure.html")
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
    for slug in REGIONS:
        role = highlights.get(slug, "")
        muscle = by_slug.get(slug)
        url = label = ""
        if muscle:
            suffix = ROLE_LABELS.get(role, "")
            label = f"{muscle.name} ({suffix})" if suffix else muscle.name
            url = muscle.get_absolute_url()
        regions.append(region_markup(id_prefix, slug, role, url, label))
    roles = set(highlights.values())
    return {
        "viewbox": VIEWBOX,
        "shapes": shapes(id_prefix),
        "mirror": MIRROR,
        "regions": mark_safe("".join(regions)),  # escaped in region_markup
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


@helper
def on_figure(slug):
    """Whether a muscle has a region on the back figure."""
    return slug in REGIONS
