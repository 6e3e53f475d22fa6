from django.urls import include, path

from catalogue import analysis_views, export, views

app_name = "catalogue"

# Everything under /exercises/, in the order it is matched.
exercises = [
    path("", views.exercise_list, name="exercise_list"),
    path("export.csv", export.exercise_export, name="exercise_export"),
    # Before the exercise pages, so "compare" is never read as an exercise's slug.
    path("compare/", views.exercise_compare, name="exercise_compare"),
    path("analysis/", analysis_views.analysis, name="analysis"),
    path("<slug:slug>/", views.exercise_detail, name="exercise_detail"),
]

urlpatterns = [
    path("exercises/", include(exercises)),
    path("equipment/", views.equipment_list, name="equipment_list"),
]
