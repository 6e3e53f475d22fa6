"""One archive with the whole site: content, users, history and images.

``backup_site`` writes a gzipped tar holding ``data.json`` (``dumpdata`` of
the content apps, users and groups, the admin history, with natural keys
for content types and permissions so it loads into any freshly migrated
database), every file under MEDIA_ROOT in ``media/``, and a small
``manifest.json``. ``restore_site`` puts it back into an empty database.
Sessions and sign-in lockouts are left out: they are transient.
"""

import io
import json
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone

from core.content import editorial_app_configs

FORMAT = 1
DATA = "data.json"
MANIFEST = "manifest.json"
MEDIA = "media"
USERS_AND_HISTORY = ("auth.group", "auth.user", "admin.logentry", "reversion")


def content_labels():
    """The content version (core), every app editors work in (found by
    core.content: content, reviews and merges, comments)."""
    return ["core", *(config.label for config in editorial_app_configs())]


def dumped():
    return [*USERS_AND_HISTORY[:3], *content_labels(), USERS_AND_HISTORY[3]]


def content_models():
    return [
        model
        for label in content_labels()
        for model in apps.get_app_config(label).get_models()
    ]


def media_files():
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file())


def add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def backup(target):
    """Write the archive to ``target``; return the manifest."""
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / DATA
        call_command(
            "dumpdata",
            *dumped(),
            use_natural_foreign_keys=True,
            output=str(data),
            verbosity=0,
        )
        files = media_files()
        manifest = {
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "objects": {
                model._meta.label: model._default_manager.count()
                for model in [get_user_model(), *content_models()]
            },
            "media_files": len(files),
        }
        root = Path(settings.MEDIA_ROOT)
        with tarfile.open(target, "w:gz") as archive:
            add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2).encode())
            archive.add(data, arcname=DATA)
            for path in files:
                relative = path.relative_to(root).as_posix()
                archive.add(path, arcname=f"{MEDIA}/{relative}", recursive=False)
    return manifest


def described(manifest):
    """What an archive holds, in a few words, from its manifest."""
    total = sum(manifest["objects"].values())
    return f"{total} objects, {manifest['media_files']} media files"


def is_empty():
    """No users and no content: a database just migrated."""
    models = [get_user_model(), *content_models()]
    core_version = apps.get_model("core", "ContentVersion")
    return not any(
        model._default_manager.exists() for model in models if model is not core_version
    )


def safe_media_path(name):
    """The MEDIA_ROOT-relative path of an archive member, or None if it is not
    a plain path under media/ (absolute, with "..", or anything odd)."""
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or len(path.parts) < 2:
        return None
    if path.parts[0] != MEDIA:
        return None
    return PurePosixPath(*path.parts[1:])


def restore(source):
    """Load an archive into an empty database; return its manifest."""
    if not is_empty():
        raise CommandError(
            "The database is not empty. Restore into a freshly migrated database "
            "(a new DATABASE_URL, then `manage.py migrate`), so nothing is mixed "
            "or overwritten."
        )
    try:
        archive = tarfile.open(source, "r:gz")
    except (OSError, tarfile.TarError) as error:
        raise CommandError(f"{source} is not a backup archive: {error}") from error
    with archive, tempfile.TemporaryDirectory() as folder:
        members = {member.name: member for member in archive.getmembers()}
        if DATA not in members or MANIFEST not in members:
            raise CommandError(f"{source} has no {DATA} or {MANIFEST}: not a backup.")
        manifest = json.load(archive.extractfile(members[MANIFEST]))
        if manifest.get("format") != FORMAT:
            raise CommandError(f"Unknown backup format {manifest.get('format')!r}.")
        data = Path(folder) / DATA
        data.write_bytes(archive.extractfile(members[DATA]).read())
        with transaction.atomic():
            call_command("loaddata", str(data), verbosity=0)
        root = Path(settings.MEDIA_ROOT)
        for member in members.values():
            relative = safe_media_path(member.name)
            if relative is None or not member.isfile():
                continue
            target = root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.extractfile(member).read())
    return manifest
