from django.urls import include, path

from discussion import views

app_name = "discussion"

comments = [
    path("preview/", views.preview, name="preview"),
    path("post/", views.post, name="post"),
    path("yours/<str:token>/", views.manage, name="manage"),
]

urlpatterns = [
    # Before the catalogue's exercises/<slug>/, which would take it for an exercise.
    path("exercises/discussion/", views.discussion_list, name="discussion_list"),
    path("comments/", include(comments)),
]
