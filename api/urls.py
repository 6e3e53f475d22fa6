from django.urls import path, re_path

from api import views

app_name = "api"

urlpatterns = [
    path("openapi.json", views.openapi, name="openapi"),
    path("exercises/", views.exercise_list, name="exercise_list"),
    path("exercises/<slug:slug>/", views.exercise_detail, name="exercise_detail"),
    path("equipment/", views.equipment_list, name="equipment_list"),
    path("muscles/", views.muscle_list, name="muscle_list"),
    # Anything else under /api/ is a JSON 404, not the site's HTML page.
    re_path(r"^", views.not_found),
]
