from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from anatomy.models import Muscle
from core.cache import cache_page_for_readers


@require_safe
@cache_page_for_readers
def muscle_list(request):
    return render(
        request, "anatomy/muscle_list.html", {"groups": Muscle.objects.for_index()}
    )


@require_safe
@cache_page_for_readers
def muscle_detail(request, slug):
    muscle = get_object_or_404(Muscle.objects.for_detail(), slug=slug)
    return render(request, "anatomy/muscle_detail.html", {"muscle": muscle})
