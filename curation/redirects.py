from django.http import Http404, HttpResponsePermanentRedirect

from curation.models import ExerciseRedirect


def redirect_merged_exercise(slug):
    """A 301 to the exercise this slug was merged into; 404 when it never was."""
    redirect = (
        ExerciseRedirect.objects.filter(old_slug=slug).select_related("target").first()
    )
    if redirect is None:
        raise Http404("No exercise here.")
    return HttpResponsePermanentRedirect(redirect.target.get_absolute_url())
