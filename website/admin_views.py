from django.contrib import admin
from django.contrib.auth.decorators import permission_required
from django.template.response import TemplateResponse

from website.quality import report


@permission_required("catalogue.view_exercise", raise_exception=True)
def data_quality(request):
    checks = report()
    context = {
        **admin.site.each_context(request),
        "title": "Data quality",
        "checks": checks,
        "problem_total": sum(len(check.problems) for check in checks),
    }
    return TemplateResponse(request, "admin/data_quality.html", context)
