from django.urls import path

from training import views

app_name = "training"

urlpatterns = [
    path("routine/", views.routine, name="routine"),
]
