"""Media never 500s; uploads are named after their real format; EXIF rotation counts."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from catalogue.models import Exercise
from core.images import CheckedImageFormField
from tests.factories import image_file, make_exercise


def rotated_jpeg(size=(800, 600), orientation=6, name="phone.jpg"):
    """A JPEG stored landscape whose EXIF says "turn a quarter": shown portrait."""
    from PIL import Image

    image = Image.new("RGB", size, (30, 120, 200))
    exif = Image.Exif()
    exif[0x0112] = orientation
    buffer = BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


class MediaRequestTests(TestCase):
    def test_hostile_names_are_404s(self):
        for path in (
            "/media/" + "a" * 300 + ".jpg",
            "/media/images/" + "é" * 200 + ".png",
            "/media/a%00b.jpg",
            "/media/../../etc/passwd",
            "/media/%2e%2e/%2e%2e/etc/hosts.jpg",
            "/media/..%2f..%2fsecret.png",
            "/media/images/missing.webp",
            "/media/",
            "/media/images/",
            "/media/" + "x/" * 600 + "y.jpg",
        ):
            response = self.client.get(path)
            assert response.status_code == 404, (path, response.status_code)

    def test_only_image_types_are_served(self):
        for suffix in ("pdf", "eps", "html", "svg", "txt"):
            assert self.client.get(f"/media/images/x.{suffix}").status_code == 404


class UploadNameTests(TestCase):
    def test_a_png_named_pdf_is_stored_as_png_and_served_as_an_image(self):
        field = CheckedImageFormField()
        for claimed in ("diagram.pdf", "diagram.eps", "diagram.jpg", "diagram"):
            upload = field.clean(image_file(claimed, kind="PNG"))
            assert upload.name == "diagram.png", claimed
        exercise = make_exercise("Seal Row", status="published")
        exercise.image = field.clean(image_file("seal.pdf", kind="PNG"))
        exercise.image_alt = "A seal row"
        exercise.save()
        assert exercise.image.name.endswith(".png")
        response = self.client.get(exercise.image.url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"
        response.close()

    def test_each_kept_format_gets_its_own_extension(self):
        field = CheckedImageFormField()
        assert field.clean(image_file("a.png", kind="JPEG")).name == "a.jpg"
        assert field.clean(image_file("a.jpg", kind="WEBP")).name == "a.webp"


class ExifOrientationTests(TestCase):
    def test_dimensions_and_renditions_follow_the_exif_rotation(self):
        exercise = make_exercise("Phone Photo Row", status="published")
        exercise.image = CheckedImageFormField().clean(rotated_jpeg())
        exercise.image_alt = "A row, photographed upright"
        exercise.save()
        exercise = Exercise.objects.get(pk=exercise.pk)
        assert (exercise.image_width, exercise.image_height) == (600, 800)
        widths = [r["width"] for r in exercise.image_renditions]
        assert max(widths) == 600
        for rendition in exercise.image_renditions:
            # Portrait: every rendition is taller than wide, in the stored ratio.
            assert rendition["height"] == round(rendition["width"] * 800 / 600)
        assert "600w" in exercise.image_srcset

    def test_an_unrotated_photo_keeps_its_size(self):
        exercise = make_exercise("Plain Photo Row", status="published")
        exercise.image = rotated_jpeg(orientation=1)
        exercise.image_alt = "A row"
        exercise.save()
        exercise.refresh_from_db()
        assert (exercise.image_width, exercise.image_height) == (800, 600)
