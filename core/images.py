"""Images editors upload: checked with Pillow, stored, and served as WebP renditions.

Checks, before anything is stored: JPEG, PNG or WebP only; at most 10 MB and
40 megapixels (read from the header, so a decompression bomb is refused
before it is decoded); a file that is not an image, or is truncated, is
refused with a message saying so. Renditions are WebP at a few widths for
``srcset``, with their sizes stored so pages reserve the space.
"""

import hashlib
from io import BytesIO
from pathlib import PurePosixPath

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from PIL import Image, ImageOps, UnidentifiedImageError

from core.models import ContentVersion

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
# Stored files are named after what they are, not what the upload claimed: a
# PNG called "x.pdf" is served as an image, never as application/pdf.
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
EXIF_ORIENTATION = 0x0112
ROTATED_ORIENTATIONS = {5, 6, 7, 8}  # a quarter turn: width and height swap
RENDITION_WIDTHS = (320, 640, 960, 1280, 1600)
RENDITION_QUALITY = 80


def check_image(upload):
    """Refuse anything but a sound JPEG, PNG or WebP within our limits."""
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_BYTES:
        raise ValidationError(
            f"Images may be at most {MAX_BYTES // 2**20} MB; this file is "
            f"{size / 2**20:.2f} MB.",
            code="too_large",
        )
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            kind = image.format
            width, height = image.size
            if kind not in FORMATS:
                raise ValidationError(
                    f"This is a {kind or 'file of an unknown kind'} image; "
                    "upload a JPEG, PNG or WebP.",
                    code="format",
                )
            if width * height > MAX_PIXELS:
                raise ValidationError(
                    f"This image is {width}×{height} pixels "
                    f"({width * height / 1e6:.0f} megapixels); the limit is "
                    f"{MAX_PIXELS // 1_000_000} megapixels. Resize it before uploading.",
                    code="too_many_pixels",
                )
            image.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()  # decode it all: a truncated file fails here, not later
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            "This image declares far more pixels than it can hold (a "
            "“decompression bomb”), so it was refused.",
            code="bomb",
        ) from error
    except UnidentifiedImageError as error:
        raise ValidationError(
            "This file is not an image (whatever its name says). Upload a JPEG, PNG or WebP.",
            code="not_an_image",
        ) from error
    except Exception as error:  # truncated or corrupt data: Pillow raises many kinds
        raise ValidationError(
            "This image is damaged or incomplete and could not be read.", code="corrupt"
        ) from error
    finally:
        upload.seek(0)
    return width, height


class CheckedImageFormField(forms.ImageField):
    default_error_messages = {
        "invalid_image": "This file is not an image, or it is damaged. Upload a JPEG, PNG or WebP."
    }

    def to_python(self, data):
        if data in self.empty_values:
            return None
        check_image(data)
        upload = super().to_python(data)
        stem = PurePosixPath(upload.name or "").stem.strip(". ") or "image"
        upload.name = f"{stem}.{EXTENSIONS[upload.image.format]}"
        return upload


def oriented_size(image):
    """An opened Pillow image's size as it is displayed (its EXIF orientation applied)."""
    width, height = image.size
    try:
        orientation = image.getexif().get(EXIF_ORIENTATION)
    except Exception:  # damaged EXIF: the pixels are still what they are
        orientation = None
    return (height, width) if orientation in ROTATED_ORIENTATIONS else (width, height)


class OrientedImageFieldFile(ImageFieldFile):
    """Width and height as readers see the image, so that a phone photo stored
    sideways with an EXIF rotation gets the same box as its renditions."""

    def _get_image_dimensions(self):
        if not hasattr(self, "_dimensions_cache"):
            close = self.closed
            self.open()
            position = self.tell()
            try:
                self.seek(0)
                with Image.open(self) as image:
                    self._dimensions_cache = oriented_size(image)
            except Exception:
                self._dimensions_cache = (None, None)
            finally:
                if close:
                    self.close()
                else:
                    self.seek(position)
        return self._dimensions_cache


class CheckedImageField(models.ImageField):
    attr_class = OrientedImageFieldFile

    def formfield(self, **kwargs):
        widget = forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp"}
        )
        return super().formfield(
            **{"form_class": CheckedImageFormField, "widget": widget, **kwargs}
        )

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ImageField", args, kwargs


def make_renditions(field_file):
    """Write WebP renditions of an image; return [{"url", "width", "height"}, ...]."""
    if not field_file:
        return []
    field_file.open("rb")
    try:
        data = field_file.read()
    finally:
        field_file.close()
    digest = hashlib.sha256(data).hexdigest()[:16]
    stem = PurePosixPath(field_file.name).stem[:40]
    renditions = []
    with Image.open(BytesIO(data)) as original:
        image = ImageOps.exif_transpose(original)
        image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
        widths = [w for w in RENDITION_WIDTHS if w < image.width] + [
            min(image.width, RENDITION_WIDTHS[-1])
        ]
        for width in sorted(set(widths)):
            height = round(image.height * width / image.width)
            name = f"renditions/{digest}/{stem}-{width}.webp"
            if not default_storage.exists(name):
                buffer = BytesIO()
                image.resize((width, height), Image.Resampling.LANCZOS).save(
                    buffer, "WEBP", quality=RENDITION_QUALITY, method=4
                )
                default_storage.save(name, ContentFile(buffer.getvalue()))
            renditions.append(
                {"url": default_storage.url(name), "width": width, "height": height}
            )
    return renditions


class Illustrated(models.Model):
    """An image an editor uploads, with what readers need to know about it."""

    image = CheckedImageField(
        upload_to="images/%Y/%m/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
        help_text="JPEG, PNG or WebP; at most 10 MB and 40 megapixels. "
        "Smaller WebP copies are made for the site.",
    )
    image_alt = models.CharField(
        "alt text",
        max_length=250,
        blank=True,
        help_text="What the image shows, for people who cannot see it. Required with an image.",
    )
    image_credit = models.CharField(
        "credit",
        max_length=200,
        blank=True,
        help_text="Who made it, e.g. “Photo: Jane Doe”.",
    )
    image_licence = models.CharField(
        "licence",
        max_length=120,
        blank=True,
        help_text="e.g. “CC BY 4.0”, “Used with permission”, “Our own”.",
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_renditions = models.JSONField(default=list, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        image_changed = self._image_changed()
        super().save(*args, **kwargs)
        if image_changed:
            self.refresh_renditions()

    def clean(self):
        super().clean()
        if self.image and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": "Describe the image for people who cannot see it."}
            )

    def _image_changed(self):
        if not self.pk:
            return bool(self.image)
        previous = (
            type(self)
            .objects.filter(pk=self.pk)
            .values_list("image", flat=True)
            .first()
        )
        return (previous or "") != (self.image.name or "") or bool(
            self.image and not self.image_renditions
        )

    def refresh_renditions(self):
        self.image_renditions = make_renditions(self.image) if self.image else []
        type(self).objects.filter(pk=self.pk).update(
            image_renditions=self.image_renditions
        )
        # After the write (the save's own bump came before it), so that a page
        # cached in between, without the renditions, is not served on.
        ContentVersion.bump()

    @property
    def image_srcset(self):
        return ", ".join(f"{r['url']} {r['width']}w" for r in self.image_renditions)

    @property
    def image_src(self):
        """A middle-sized rendition, or the original when there are none."""
        if self.image_renditions:
            return self.image_renditions[min(1, len(self.image_renditions) - 1)]["url"]
        return self.image.url if self.image else ""
