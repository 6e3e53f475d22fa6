"""Sharing-card images, drawn once per content and then served from storage.

A card's URL carries the digest of what it shows (``anatomy.cards``), so the
response may be cached for a year: new content means a new URL. An old URL
(a preview fetched before an edit) redirects to the current card.
"""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from anatomy.cards import muscle_card, site_card
from anatomy.models import Muscle
from catalogue.models import Exercise, ExerciseMuscle
from catalogue.sharing import exercise_card


def find_card(kind, slug):
    if kind == "exercise":
        exercise = get_object_or_404(Exercise.objects.published(), slug=slug)
        links = ExerciseMuscle.objects.filter(exercise=exercise).select_related(
            "muscle"
        )
        return exercise_card(exercise, links)
    if kind == "muscle":
        muscle = get_object_or_404(Muscle.objects.for_detail(), slug=slug)
        members = muscle.members.only("slug") if muscle.is_group else []
        return muscle_card(muscle, members)
    card = site_card()
    if kind == "site" and slug == card.slug:
        return card
    raise Http404("No such card")


@require_safe
def card_image(request, kind, slug, digest):
    card = find_card(kind, slug)
    if card.digest != digest:
        return redirect(card.url)
    name = f"cards/{kind}-{slug}-{digest}.png"
    if default_storage.exists(name):
        with default_storage.open(name) as stored:
            png = stored.read()
    else:
        png = card.png()
        default_storage.save(name, ContentFile(png))
    response = HttpResponse(png, content_type="image/png")
    # The digest names the content: ConditionalGetMiddleware answers 304 with it.
    response["ETag"] = f'"{digest}"'
    patch_cache_control(response, public=True, max_age=31_536_000, immutable=True)
    return response
