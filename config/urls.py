from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from core import views as core_views
from core.admin_views import data_quality
from core.sitemaps import SITEMAPS

urlpatterns = [
    path("", include("core.urls")),
    path("", include("discussion.urls")),
    path("", include("catalogue.urls")),
    path("anatomy/", include("anatomy.urls")),
    path("articles/", include("articles.urls")),
    path(
        "admin/data-quality/", admin.site.admin_view(data_quality), name="data_quality"
    ),
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", core_views.media, name="media"),
    ]

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
