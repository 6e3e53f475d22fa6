"""What the test modules share: small factory functions (each makes one valid
object, with overrides), admin form data, a test base and query counting."""

import itertools
import struct
import zlib
from io import BytesIO

from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import TestCase
from django.utils.text import slugify
from PIL import Image

from anatomy.models import Muscle
from articles.models import Article
from catalogue.generate import generate_exercises
from catalogue.models import Equipment, Exercise, ExerciseMuscle, Role, Step
from core import content_state, fragments
from core.models import PublicationStatus
from tests.utils import count_queries

_numbers = itertools.count(1)


def make_group(name="Back", **overrides):
    return Muscle.objects.get_or_create(
        slug=slugify(name), defaults={"name": name, **overrides}
    )[0]


def make_muscle(name="Latissimus Dorsi", group=None, **overrides):
    group = group or make_group("Back")
    return Muscle.objects.get_or_create(
        slug=slugify(name), defaults={"name": name, "group": group, **overrides}
    )[0]


def make_equipment(name="Dumbbells", **overrides):
    return Equipment.objects.get_or_create(
        slug=slugify(name), defaults={"name": name, **overrides}
    )[0]


def make_exercise(
    name=None,
    *,
    steps=4,
    equipment=(),
    groups=(),
    primary=(),
    secondary=(),
    **fields,
):
    """An exercise with ``steps`` numbered steps (or the given step texts)."""
    name = name or f"Exercise {next(_numbers)}"
    # New content starts as a draft; a test's exercise is public unless it says.
    fields.setdefault("status", PublicationStatus.PUBLISHED)
    exercise = Exercise.objects.create(
        name=name, slug=fields.pop("slug", slugify(name)), **fields
    )
    texts = (
        steps
        if isinstance(steps, list | tuple)
        else [f"Step {n} of {name}." for n in range(1, steps + 1)]
    )
    Step.objects.bulk_create(
        Step(exercise=exercise, number=n, text=text)
        for n, text in enumerate(texts, start=1)
    )
    exercise.equipment.set(equipment)
    exercise.muscle_groups.set(groups)
    ExerciseMuscle.objects.bulk_create(
        [
            ExerciseMuscle(exercise=exercise, muscle=m, role=Role.PRIMARY)
            for m in primary
        ]
        + [
            ExerciseMuscle(exercise=exercise, muscle=m, role=Role.SECONDARY)
            for m in secondary
        ]
    )
    Exercise.objects.filter(pk=exercise.pk).reindex()
    exercise.refresh_from_db()
    return exercise


def make_article(title="Middle back basics", body="## First\n\nText.", **fields):
    fields.setdefault("status", PublicationStatus.PUBLISHED)
    return Article.objects.create(
        title=title, slug=fields.pop("slug", slugify(title)), body=body, **fields
    )


def image_file(name="photo.jpg", size=(800, 600), kind="JPEG", colour=(180, 90, 40)):
    buffer = BytesIO()
    Image.new("RGB", size, colour).save(buffer, kind)
    return SimpleUploadedFile(
        name, buffer.getvalue(), content_type=f"image/{kind.lower()}"
    )


def png_bomb(width=100_000, height=100_000):
    """A tiny PNG whose header declares ten billion pixels."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 1024)
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )
    return SimpleUploadedFile("bomb.png", png, content_type="image/png")


def exercise_form(exercise, steps=None, **changes):
    """The POST data of the admin change form for an exercise, with changes."""
    steps = (
        steps
        if steps is not None
        else [(step.pk, step.number, step.text, False) for step in exercise.steps.all()]
    )
    data = {
        "name": exercise.name,
        "slug": exercise.slug,
        "aliases": exercise.aliases,
        "summary": exercise.summary,
        "level": exercise.level,
        "category": exercise.category,
        "force": exercise.force,
        "mechanic": exercise.mechanic,
        "pattern": exercise.pattern,
        "equipment": [e.pk for e in exercise.equipment.all()],
        "muscle_groups": [m.pk for m in exercise.muscle_groups.all()],
        "tips": exercise.tips,
        "status": exercise.status,
        "published_at_0": exercise.published_at.strftime("%Y-%m-%d"),
        "published_at_1": exercise.published_at.strftime("%H:%M:%S"),
        "best_order": "",
        "image_alt": "",
        "image_credit": "",
        "image_licence": "",
        "steps-TOTAL_FORMS": len(steps),
        "steps-INITIAL_FORMS": sum(1 for pk, *_ in steps if pk),
        "steps-MIN_NUM_FORMS": 0,
        "steps-MAX_NUM_FORMS": 1000,
        "muscle_links-TOTAL_FORMS": 0,
        "muscle_links-INITIAL_FORMS": 0,
        "muscle_links-MIN_NUM_FORMS": 0,
        "muscle_links-MAX_NUM_FORMS": 1000,
        "alternative_overrides-TOTAL_FORMS": 0,
        "alternative_overrides-INITIAL_FORMS": 0,
        "alternative_overrides-MIN_NUM_FORMS": 0,
        "alternative_overrides-MAX_NUM_FORMS": 1000,
    }
    data.update(review_form(exercise))
    links = list(exercise.muscle_links.all())
    data["muscle_links-TOTAL_FORMS"] = data["muscle_links-INITIAL_FORMS"] = len(links)
    for index, link in enumerate(links):
        data.update(
            {
                f"muscle_links-{index}-id": link.pk,
                f"muscle_links-{index}-exercise": exercise.pk,
                f"muscle_links-{index}-muscle": link.muscle_id,
                f"muscle_links-{index}-role": link.role,
            }
        )
    for index, (pk, number, text, delete) in enumerate(steps):
        data.update(
            {
                f"steps-{index}-id": pk or "",
                f"steps-{index}-exercise": exercise.pk,
                f"steps-{index}-number": number,
                f"steps-{index}-text": text,
            }
        )
        if delete:
            data[f"steps-{index}-DELETE"] = "on"
    data.update(changes)
    return data


def review_form(exercise):
    """The review inline's part of the form (curation), as it stands."""
    review = getattr(exercise, "review", None) if exercise.pk else None
    data = {
        "review-TOTAL_FORMS": int(review is not None),
        "review-INITIAL_FORMS": int(review is not None),
        "review-MIN_NUM_FORMS": 0,
        "review-MAX_NUM_FORMS": 1,
    }
    if review is not None:
        data.update(
            {
                "review-0-id": review.pk,
                "review-0-exercise": exercise.pk,
                "review-0-reviewer": review.reviewer,
                "review-0-reviewer_credentials": review.reviewer_credentials,
                "review-0-reviewed_on": review.reviewed_on or "",
                "review-0-scope": review.scope,
            }
        )
    return data


class EditorAndRowTestCase(TestCase):
    """An editor (in the Editors group, signed in) and a one-arm row to edit."""

    @classmethod
    def setUpTestData(cls):
        call_command("setup_editors", verbosity=0)
        cls.editor = User.objects.create_user("edith", password="pw", is_staff=True)
        cls.editor.groups.add(Group.objects.get(name="Editors"))
        cls.dumbbells = make_equipment("Dumbbells")
        cls.bench = make_equipment("Flat Bench Without Rack")
        cls.lats = make_muscle("Latissimus Dorsi", make_group("Back"))
        cls.row = make_exercise(
            "One-Arm Row",
            steps=["Kneel.", "Grip.", "Row.", "Lower."],
            equipment=[cls.dumbbells],
            primary=[cls.lats],
        )

    def setUp(self):
        self.client.force_login(self.editor)

    def url(self, exercise=None):
        return f"/admin/catalogue/exercise/{(exercise or self.row).pk}/change/"


def cold_queries(client, url):
    """The queries of a response made from nothing: no stored page, index or card."""
    cache.clear()
    fragments.clear()
    content_state.forget()
    return count_queries(client, url)[1]


def cold_queries_before_and_after_10000_exercises(client, urls):
    """Each URL's cold queries on the content as it is, then again once 10,000
    more exercises are generated (which bumps the content version)."""
    before = {url: cold_queries(client, url) for url in urls}
    generate_exercises(10_000)
    after = {url: cold_queries(client, url) for url in urls}
    return before, after
