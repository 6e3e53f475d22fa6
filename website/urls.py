from django.urls import path, re_path

from website import cards, feeds, views

app_name = "website"

# What readers (and their feed readers and social sites) fetch, then the files
# crawlers and browsers ask every site for, then the probes of the operators.
urlpatterns = [
    path("", views.home, name="home"),
    path("feeds/updates.atom", feeds.updates_feed, name="updates_feed"),
    re_path(
        r"^cards/(?P<kind>[a-z]+)/(?P<slug>[-\w]+)-(?P<digest>[0-9a-f]{16})\.png$",
        cards.card_image,
        name="card",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("healthz", views.healthz, name="healthz"),
    path("livez", views.livez, name="livez"),
]
