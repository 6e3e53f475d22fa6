"""The image a link preview shows for a page that has an editor's picture."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ShareImage:
    url: str
    alt: str
    width: int | None
    height: int | None


def share_image(owner):
    """The largest web copy of an ``Illustrated`` object's image, or None."""
    if not owner.image:
        return None
    if owner.image_renditions:
        largest = max(owner.image_renditions, key=lambda r: r["width"])
        return ShareImage(
            largest["url"], owner.image_alt, largest["width"], largest["height"]
        )
    return ShareImage(
        owner.image.url, owner.image_alt, owner.image_width, owner.image_height
    )
