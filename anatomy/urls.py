from django.urls import path

from anatomy import views

app_name = "anatomy"

urlpatterns = [
    path("", views.muscle_list, name="muscle_list"),
    path("<slug:slug>/", views.muscle_detail, name="muscle_detail"),
]
