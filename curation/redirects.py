from django.http import HttpResponsePermanentRedirect

from curation.models import ExerciseRedirect

EXERCISE_PAGE = "catalogue:exercise_detail"


class MergedExerciseRedirectMiddleware:
    """A merged exercise's old address answers a permanent redirect to the
    exercise it was merged into, for good (as django.contrib.redirects does for
    any 404): the catalogue's view only knows the address is not an exercise."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = request.resolver_match
        if response.status_code != 404 or not match or match.view_name != EXERCISE_PAGE:
            return response
        redirect = (
            ExerciseRedirect.objects.filter(old_slug=match.kwargs.get("slug", ""))
            .select_related("target")
            .first()
        )
        if redirect is None:
            return response
        return HttpResponsePermanentRedirect(redirect.target.get_absolute_url())
