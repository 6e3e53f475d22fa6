from django.urls import include, path, re_path

from api import views

app_name = "api"

# A prefix shared by several routes is written once, with include(), as the
# Django docs suggest; the names inside keep the app's namespace.
exercises = [
    path("", views.exercise_list, name="exercise_list"),
    path("<slug:slug>/", views.exercise_detail, name="exercise_detail"),
]

urlpatterns = [
    path("openapi.json", views.openapi, name="openapi"),
    path("exercises/", include(exercises)),
    path("equipment/", views.equipment_list, name="equipment_list"),
    path("muscles/", views.muscle_list, name="muscle_list"),
    # Anything else under /api/ is a JSON 404, not the site's HTML page.
    re_path(r"^", views.not_found),
]
