from django.urls import path

from catalogue import export, views

app_name = "catalogue"

urlpatterns = [
    path("exercises/", views.exercise_list, name="exercise_list"),
    path("exercises/export.csv", export.exercise_export, name="exercise_export"),
    path("exercises/<slug:slug>/", views.exercise_detail, name="exercise_detail"),
    path("equipment/", views.equipment_list, name="equipment_list"),
]
