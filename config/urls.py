from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from website import views as website_views
from website.admin_views import data_quality
from website.sitemaps import all_sitemaps

urlpatterns = [
    path("", include("website.urls")),
    path("", include("discussion.urls")),
    path("", include("catalogue.urls")),
    path("anatomy/", include("anatomy.urls")),
    path("articles/", include("articles.urls")),
    path("", include("training.urls")),
    path("api/", include("api.urls")),
    path(
        "admin/data-quality/", admin.site.admin_view(data_quality), name="data_quality"
    ),
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": all_sitemaps()}, name="sitemap"),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", website_views.media, name="media"),
    ]

handler404 = "website.views.page_not_found"
handler500 = "website.views.server_error"
