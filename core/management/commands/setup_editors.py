from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand

# curation: exercises' review status and merged exercises' addresses.
CONTENT_APPS = ("anatomy", "catalogue", "articles", "curation")
GROUP_NAME = "Editors"


def editor_permissions():
    """Add, change, delete and view every content model; nothing about users."""
    for label in CONTENT_APPS:
        create_permissions(apps.get_app_config(label), verbosity=0)
    return Permission.objects.filter(content_type__app_label__in=CONTENT_APPS)


class Command(BaseCommand):
    help = "Create or update the Editors group: content permissions only, no user management."

    def add_arguments(self, parser):
        parser.add_argument(
            "--add",
            metavar="USERNAME",
            nargs="*",
            default=[],
            help="Also put these users in the group (and mark them staff).",
        )

    def handle(self, *args, add=(), **options):
        group, created = Group.objects.get_or_create(name=GROUP_NAME)
        permissions = list(editor_permissions())
        group.permissions.set(permissions)
        verb = "Created" if created else "Updated"
        self.stdout.write(
            f"{verb} the {GROUP_NAME} group with {len(permissions)} permissions."
        )
        if add:
            for user in get_user_model().objects.filter(username__in=add):
                user.is_staff = True
                user.save(update_fields=["is_staff"])
                user.groups.add(group)
                self.stdout.write(f"{user.username} is an editor.")
