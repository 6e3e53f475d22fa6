from django.urls import path, re_path

from website import cards, feeds, views

app_name = "website"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("livez", views.livez, name="livez"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    re_path(
        r"^cards/(?P<kind>[a-z]+)/(?P<slug>[-\w]+)-(?P<digest>[0-9a-f]{16})\.png$",
        cards.card_image,
        name="card",
    ),
    path("feeds/updates.atom", feeds.updates_feed, name="updates_feed"),
]
