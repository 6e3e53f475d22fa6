from django.shortcuts import render
from django.views.decorators.http import require_safe

from catalogue.models import Equipment, Exercise
from core.cache import cache_page_for_readers
from core.navigation import breadcrumbs
from training.forms import RoutineForm
from training.plan import plan_for


@require_safe
@cache_page_for_readers
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
    return render(request, "training/routine.html", context)
