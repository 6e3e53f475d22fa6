"""gunicorn's master builds the content's shared values before it forks, and
leaves no connection for a worker to inherit."""

import gc
import logging
from types import SimpleNamespace
from unittest import mock

from django.db import OperationalError, connections
from django.test import TransactionTestCase

from catalogue import facet_index
from config import gunicorn
from tests.factories import make_exercise


def master():
    return SimpleNamespace(log=logging.getLogger("tests.gunicorn"))


class WhenReadyTests(TransactionTestCase):
    def setUp(self):
        make_exercise("Cable Row")
        self.addCleanup(gc.unfreeze)

    def test_the_facet_index_is_built_before_the_fork(self):
        gunicorn.when_ready(master())
        with mock.patch.object(facet_index._index, "build", side_effect=AssertionError):
            index = facet_index.current_index()  # the first page builds nothing
        assert len(index.order) == 1

    def test_no_database_connection_is_left_open_for_a_worker(self):
        with mock.patch.object(connections, "close_all") as close_all:
            gunicorn.when_ready(master())
        close_all.assert_called_once_with()

    def test_a_database_that_does_not_answer_only_logs(self):
        failing = mock.patch(
            "core.content_state.build_per_state_values",
            side_effect=OperationalError("connection refused"),
        )
        closing = mock.patch.object(connections, "close_all")
        logging_ = self.assertLogs("tests.gunicorn", "WARNING")
        with failing, closing as close_all, logging_ as logs:
            gunicorn.when_ready(master())
        assert "connection refused" in logs.output[0]
        close_all.assert_called_once_with()

    def test_what_the_master_holds_is_frozen_out_of_the_collectors_sight(self):
        gunicorn.when_ready(master())
        index = facet_index.current_index()
        assert gc.get_freeze_count() > 0
        # Frozen: no collection walks it (get_objects() lists what they walk).
        assert not any(tracked is index.order for tracked in gc.get_objects())
