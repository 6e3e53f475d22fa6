"""Two editors pressing Save at the same moment, on real separate connections.

On PostgreSQL the stale-form check locks the row (SELECT ... FOR UPDATE), so
one save waits for the other and then sees it. (The SQLite test database is
in memory with a shared cache, whose table locks do not wait like a file
database's: the sequential two-editor tests cover SQLite.)
"""

import threading

import pytest
from django.contrib.auth.models import User
from django.db import connection, connections
from django.test import Client, TransactionTestCase

from catalogue.models import Exercise
from safeguards.admin import VERSION_FIELD
from tests.factories import exercise_form, make_exercise
from tests.safeguards.test_concurrent_edits import version_in


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
class SimultaneousSaveTests(TransactionTestCase):
    def test_one_save_wins_the_other_is_told_and_nothing_is_lost(self):
        row = make_exercise("Meadows Row", steps=["Stand.", "Grip.", "Row.", "Lower."])
        url = f"/admin/catalogue/exercise/{row.pk}/change/"
        clients, forms = [], []
        for name in ("alice", "bob"):
            client = Client()
            client.force_login(User.objects.create_superuser(name, password="pw"))
            form = exercise_form(Exercise.objects.get(pk=row.pk))
            form[VERSION_FIELD] = version_in(client.get(url).content.decode())
            form["summary"] = f"{name}'s summary."
            clients.append(client)
            forms.append(form)

        barrier = threading.Barrier(2)
        results = [None, None]

        def save(index):
            try:
                barrier.wait()
                results[index] = clients[index].post(url, forms[index])
            finally:
                connections.close_all()

        threads = [threading.Thread(target=save, args=(i,)) for i in (0, 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        statuses = sorted(response.status_code for response in results)
        assert statuses == [200, 302]
        refused = next(r for r in results if r.status_code == 200).content.decode()
        assert "Someone else saved this exercise after you opened it" in refused
        winner = 0 if results[0].status_code == 302 else 1
        assert Exercise.objects.get(pk=row.pk).summary == (
            f"{('alice', 'bob')[winner]}'s summary."
        )
