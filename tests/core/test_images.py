from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import SimpleTestCase, TestCase
from PIL import Image

from core.images import MAX_BYTES, check_image
from tests.factories import image_file, make_exercise, png_bomb


class ImageCheckTests(SimpleTestCase):
    def test_an_ordinary_photo_passes(self):
        assert check_image(image_file()) == (800, 600)
        assert check_image(image_file("p.png", kind="PNG")) == (800, 600)
        assert check_image(image_file("p.webp", kind="WEBP")) == (800, 600)

    def refused(self, upload):
        with self.assertRaises(ValidationError) as caught:
            check_image(upload)
        return " ".join(caught.exception.messages)

    def test_a_text_file_named_png_is_refused(self):
        upload = SimpleUploadedFile(
            "notes.png", b"just some text\n" * 20, content_type="image/png"
        )
        assert "not an image" in self.refused(upload)

    def test_other_image_formats_are_refused(self):
        assert "upload a JPEG, PNG or WebP" in self.refused(
            image_file("a.gif", kind="GIF")
        )

    def test_too_many_pixels(self):
        message = self.refused(image_file("big.png", size=(8000, 6000), kind="PNG"))
        assert "8000×6000" in message and "40 megapixels" in message

    def test_a_decompression_bomb_is_refused_before_decoding(self):
        message = self.refused(png_bomb())
        assert "decompression bomb" in message or "megapixels" in message

    def test_a_file_over_10_mb_is_refused(self):
        upload = SimpleUploadedFile("huge.jpg", b"\xff\xd8" + b"0" * (MAX_BYTES + 1))
        assert "at most 10 MB; this file is 10.00 MB" in self.refused(upload)

    def test_a_truncated_image_is_refused(self):
        whole = image_file(kind="PNG").read()
        upload = SimpleUploadedFile("cut.png", whole[: len(whole) // 2])
        assert "damaged" in self.refused(upload) or "not an image" in self.refused(
            upload
        )


class RenditionTests(TestCase):
    def test_renditions_are_webp_with_sizes_and_the_alt_text_is_required(self):
        exercise = make_exercise("Photo Row")
        exercise.image = image_file("row.jpg", size=(1000, 750))
        exercise.image_alt = ""
        with self.assertRaises(ValidationError) as caught:
            exercise.full_clean()
        assert "image_alt" in caught.exception.message_dict
        exercise.image_alt = "A woman rowing a dumbbell on a bench."
        exercise.image_credit = "Photo: Backbone"
        exercise.image_licence = "CC BY 4.0"
        exercise.save()
        exercise.refresh_from_db()
        assert [r["width"] for r in exercise.image_renditions] == [320, 640, 960, 1000]
        assert all(r["url"].endswith(".webp") for r in exercise.image_renditions)
        assert exercise.image_renditions[0]["height"] == 240
        body = self.client.get("/exercises/photo-row/").content.decode()
        assert 'srcset="/media/renditions/' in body and "320w" in body
        assert 'width="1000" height="750"' in body
        assert 'alt="A woman rowing a dumbbell on a bench."' in body
        assert "Photo: Backbone, CC BY 4.0" in body
        rendition = self.client.get(exercise.image_renditions[0]["url"])
        assert rendition.status_code == 200
        assert (
            Image.open(BytesIO(b"".join(rendition.streaming_content))).format == "WEBP"
        )
