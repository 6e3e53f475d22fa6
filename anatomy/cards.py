"""Sharing-card images (1200×630 PNG): a page's name beside the back figure.

Drawn with Pillow from the same region geometry as the page's SVG figure
(``anatomy.figure``), so a link preview shows what the page shows. A card is
identified by a digest of what is drawn on it: the same content always gives
the same file, and any change (a renamed exercise, a muscle's new role) gives
a new URL, so a card can be cached for ever.
"""

import hashlib
import io
import json
import re
import textwrap
from functools import cache

from django.urls import reverse
from PIL import Image, ImageDraw, ImageFont

from anatomy.figure import REGIONS, SILHOUETTE

WIDTH, HEIGHT = 1200, 630
# Bump when the drawing changes, so every card gets a new digest and URL.
CARD_VERSION = 1

BACKGROUND = "#f6f4ef"
BRAND = "#0f5c4d"
TEXT = "#1b1f1e"
MUTED = "#4b5552"
SKIN = "#d9d2c5"
MUSCLE = "#bfb6a6"
FILLS = {"primary": "#c2410c", "selected": "#c2410c", "secondary": "#f0a35e"}

FIGURE_BOX = (760, 30, 1160, 600)  # where the 240×430 figure is drawn
FIGURE_SIZE = (240, 430)
CURVE_SAMPLES = 8


def card_digest(title, subtitle="", highlights=None):
    """A short fingerprint of everything a card shows."""
    content = [CARD_VERSION, title, subtitle, sorted((highlights or {}).items())]
    encoded = json.dumps(content, ensure_ascii=False).encode()
    return hashlib.sha256(encoded).hexdigest()[:16]


TOKEN = re.compile(r"[MCLZ]|-?\d+(?:\.\d+)?")


@cache
def polygon(path):
    """The outline of an SVG path made of M, L, C and Z (absolute coordinates),
    with each cubic curve sampled into short straight segments."""
    tokens = TOKEN.findall(path)
    points, position, command, i = [], (0.0, 0.0), "M", 0
    while i < len(tokens):
        if tokens[i] in "MCLZ":
            command = tokens[i]
            i += 1
            if command == "Z":
                continue
        if command in "ML":
            position = (float(tokens[i]), float(tokens[i + 1]))
            points.append(position)
            i += 2
        elif command == "C":
            c = [float(t) for t in tokens[i : i + 6]]
            (x0, y0), i = position, i + 6
            for step in range(1, CURVE_SAMPLES + 1):
                t = step / CURVE_SAMPLES
                a, b, d, e = (
                    (1 - t) ** 3,
                    3 * (1 - t) ** 2 * t,
                    3 * (1 - t) * t**2,
                    t**3,
                )
                points.append(
                    (
                        a * x0 + b * c[0] + d * c[2] + e * c[4],
                        a * y0 + b * c[1] + d * c[3] + e * c[5],
                    )
                )
            position = points[-1]
    return tuple(points)


def placed(points, mirror=False):
    left, top, right, bottom = FIGURE_BOX
    scale = min((right - left) / FIGURE_SIZE[0], (bottom - top) / FIGURE_SIZE[1])
    offset = left + ((right - left) - FIGURE_SIZE[0] * scale) / 2
    return [
        (offset + ((FIGURE_SIZE[0] - x) if mirror else x) * scale, top + y * scale)
        for x, y in points
    ]


def font(size):
    # Pillow's bundled scalable font: no system font path to depend on.
    return ImageFont.load_default(size=size)


def draw_card(title, subtitle="", highlights=None):
    """The card as PNG bytes. ``highlights`` maps a muscle slug to its role."""
    highlights = highlights or {}
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 24, HEIGHT), fill=BRAND)
    draw.polygon(placed(polygon(SILHOUETTE)), fill=SKIN)
    for slug, path in REGIONS.items():
        fill = FILLS.get(highlights.get(slug, ""), MUSCLE)
        for mirror in (False, True):
            draw.polygon(
                placed(polygon(path), mirror), fill=fill, outline=BACKGROUND, width=2
            )
    draw.text((80, 70), "Backbone", font=font(40), fill=BRAND)
    lines = textwrap.wrap(title, width=20)[:4] or [""]
    y = 150
    for line in lines:
        draw.text((80, y), line, font=font(68), fill=TEXT)
        y += 84
    if subtitle:
        for line in textwrap.wrap(subtitle, width=38)[:2]:
            draw.text((80, y + 20), line, font=font(32), fill=MUTED)
            y += 44
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


class Card:
    """What one page's sharing card shows, and where its image is served."""

    width, height = WIDTH, HEIGHT

    def __init__(self, kind, slug, title, subtitle="", highlights=None, alt=""):
        self.kind, self.slug, self.title, self.subtitle = kind, slug, title, subtitle
        self.highlights = dict(highlights or {})
        self.alt = alt or f"{title}, with the back figure."
        self.digest = card_digest(title, subtitle, self.highlights)

    @property
    def url(self):
        return reverse("website:card", args=[self.kind, self.slug, self.digest])

    def png(self):
        return draw_card(self.title, self.subtitle, self.highlights)


@cache
def site_card():
    return Card(
        "site",
        "backbone",
        "Back exercises, step by step",
        "Technique, equipment and the muscles each one works",
        alt="Backbone: the back figure beside the words “Back exercises, step by step”.",
    )


def muscle_card(muscle, members):
    """The card of a muscle page (``members``: a group's muscles, else empty)."""
    if muscle.is_group:
        highlights = dict.fromkeys((m.slug for m in members), "selected")
        subtitle = "Muscle group"
    else:
        highlights = {muscle.slug: "selected"}
        subtitle = f"Anatomy · {muscle.group.name}" if muscle.group else "Anatomy"
    return Card(
        "muscle",
        muscle.slug,
        muscle.name,
        subtitle,
        highlights,
        alt=f"{muscle.name}, highlighted on a drawing of the back.",
    )
