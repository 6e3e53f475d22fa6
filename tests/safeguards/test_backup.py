"""backup_site then restore_site into an empty database: every public page and
every image is the same as before."""

import difflib
import shutil
import tarfile
import tempfile
from collections import deque
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import TestCase, override_settings

from catalogue.models import Exercise
from core.models import PublicationStatus
from tests.factories import image_file, make_exercise
from tests.utils import ALL_FIXTURES, Page
from website.management.commands.loadcontent import (
    copy_fixture_media,
    make_missing_renditions,
)

TABS_OF_A_SELECTION = ("/exercises/analysis/", "/exercises/discussion/")


def crawl():
    """Every public page and image reachable from /, with its exact bytes."""
    from django.test import Client

    client, seen, found = Client(), {"/"}, {}
    queue = deque(["/"])
    while queue:
        url = queue.popleft()
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response) if response.streaming else response.content
        found[url] = body
        if not response["Content-Type"].startswith("text/html"):
            continue
        page = Page(body.decode())
        targets = page.links + [
            attrs["src"] for tag, attrs in page.tags if tag == "img" and "src" in attrs
        ]
        for href in targets:
            target = urldefrag(urljoin(url, href))[0]
            parts = urlsplit(target)
            if parts.netloc not in ("", "testserver") or parts.scheme == "mailto":
                continue
            if parts.path.startswith(("/admin/", "/static/")):
                continue
            if parts.query and parts.path in TABS_OF_A_SELECTION:
                continue  # ever narrower selections: see tests/test_crawl.py
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return found


def empty_database():
    """What a fresh database holds: flush inside the test's transaction. On
    PostgreSQL, deferred foreign-key checks must run before TRUNCATE may."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)


class BackupRestoreTests(TestCase):
    fixtures = ALL_FIXTURES

    def setUp(self):
        self.folder = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.folder)
        self.media = self.folder / "media"
        override = override_settings(MEDIA_ROOT=self.media)
        override.enable()
        self.addCleanup(override.disable)

    def test_a_restored_dump_serves_every_public_page_identically(self):
        copy_fixture_media()
        make_missing_renditions()
        editor = User.objects.create_user("edith", password="pw", is_staff=True)
        editor.groups.add(Group.objects.create(name="Editors"))
        illustrated = make_exercise("Photographed Row")
        illustrated.image = image_file("row.png", kind="PNG")
        illustrated.image_alt = "A row"
        illustrated.save()
        make_exercise("Unfinished Row", status=PublicationStatus.DRAFT)
        LogEntry.objects.log_actions(
            user_id=editor.pk, queryset=[illustrated], action_flag=CHANGE
        )
        cache.clear()
        before = crawl()
        assert len(before) > 80
        assert any(url.startswith("/media/renditions/") for url in before)

        archive = self.folder / "site.tar.gz"
        call_command("backup_site", str(archive), verbosity=0)
        with tarfile.open(archive) as opened:
            names = opened.getnames()
        assert "data.json" in names and any(
            n.startswith("media/images/") for n in names
        )

        empty_database()
        shutil.rmtree(self.media)
        cache.clear()
        assert not Exercise.objects.exists()

        call_command("restore_site", str(archive), verbosity=0)
        cache.clear()
        after = crawl()
        assert after.keys() == before.keys()
        for url in before:
            if after[url] != before[url]:
                diff = difflib.unified_diff(
                    before[url].decode(errors="replace").splitlines(),
                    after[url].decode(errors="replace").splitlines(),
                    lineterm="",
                )
                raise AssertionError(f"{url} differs:\n" + "\n".join(list(diff)[:60]))
        restored = User.objects.get(username="edith")
        assert restored.check_password("pw")
        assert list(restored.groups.values_list("name", flat=True)) == ["Editors"]
        assert LogEntry.objects.filter(user=restored).count() == 1
        assert Exercise.objects.get(name="Unfinished Row").status == "draft"

    def test_restore_refuses_a_database_with_content(self):
        archive = self.folder / "site.tar.gz"
        call_command("backup_site", str(archive), verbosity=0)
        count = Exercise.objects.count()
        with self.assertRaisesMessage(CommandError, "not empty"):
            call_command("restore_site", str(archive), verbosity=0)
        assert Exercise.objects.count() == count

    def test_restore_refuses_what_is_not_a_backup(self):
        empty_database()
        junk = self.folder / "junk.tar.gz"
        junk.write_bytes(b"not an archive")
        with self.assertRaisesMessage(CommandError, "not a backup archive"):
            call_command("restore_site", str(junk), verbosity=0)
        hostile = self.folder / "hostile.tar.gz"
        with tarfile.open(hostile, "w:gz") as archive:
            archive.add(junk, arcname="../escape.txt")
        with self.assertRaisesMessage(CommandError, "not a backup"):
            call_command("restore_site", str(hostile), verbosity=0)
        assert not (self.folder.parent / "escape.txt").exists()
