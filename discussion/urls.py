from django.urls import path

from discussion import views

app_name = "discussion"

urlpatterns = [
    # Before the catalogue's exercises/<slug>/, which would take it for an exercise.
    path("exercises/discussion/", views.discussion_list, name="discussion_list"),
    path("comments/preview/", views.preview, name="preview"),
    path("comments/post/", views.post, name="post"),
    path("comments/yours/<str:token>/", views.manage, name="manage"),
]
