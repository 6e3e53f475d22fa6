from django.urls import path

from catalogue import analysis_views, export, views

app_name = "catalogue"

urlpatterns = [
    path("exercises/", views.exercise_list, name="exercise_list"),
    path("exercises/export.csv", export.exercise_export, name="exercise_export"),
    # Before the exercise pages, so "compare" is never read as an exercise's slug.
    path("exercises/compare/", views.exercise_compare, name="exercise_compare"),
    path("exercises/analysis/", analysis_views.analysis, name="analysis"),
    path("exercises/<slug:slug>/", views.exercise_detail, name="exercise_detail"),
    path("equipment/", views.equipment_list, name="equipment_list"),
]
