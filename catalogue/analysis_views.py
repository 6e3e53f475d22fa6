from django.shortcuts import render
from django.views.decorators.http import require_safe

from catalogue.analysis import Analysis, selection
from catalogue.drilldown import list_parameters
from core.cache import cache_page_for_readers


@require_safe
@cache_page_for_readers(parameters=list_parameters())
def analysis(request):
    """The Analysis tab: the same GET parameters, and selection, as /exercises/."""
    chosen = selection(request)
    return render(
        request,
        "catalogue/analysis.html",
        {"selection": chosen, "analysis": Analysis(chosen)},
    )
