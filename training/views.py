from django.shortcuts import render
from django.views.decorators.http import require_safe

from catalogue.models import Equipment, Exercise
from core.cache import MANY, ONE, cache_page_for_readers, keep_out_of_cache
from core.navigation import breadcrumbs
from training.forms import RoutineForm
from training.plan import plan_for


@require_safe
@cache_page_for_readers(
    parameters={"days": ONE, "minutes": ONE, "level": ONE, "have": MANY}
)
def routine(request):
    equipment = list(
        Equipment.objects.order_by("name").values_list("pk", "slug", "name")
    )
    form = RoutineForm(request.GET, [(slug, name) for _, slug, name in equipment])
    context = {
        "form": form,
        "plan": plan_for(form.values(), equipment, Exercise.objects.published()),
        "notices": form.notices(),
        "breadcrumbs": breadcrumbs(("Routine builder", None)),
    }
    response = render(request, "training/routine.html", context)
    # A routine for values that were replaced by defaults is not a page to keep.
    return keep_out_of_cache(response) if context["notices"] else response
