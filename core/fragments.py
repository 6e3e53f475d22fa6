"""Rendered fragments that change only with the content, kept in each process.

A fragment (an exercise card, the back figure with some muscles highlighted)
is rendered once per content state and reused by every page that shows it,
whatever the page's filters: the part of a page the page cache cannot help
with, because the page around it is new. Kept in process memory, not in the
shared cache: a lookup costs no network round trip, and a process that has
not seen a fragment renders it (the content state in the key makes an
editor's save invalidate them all: callers read it once per page, from
``core.content_state``). Bounded: least recently used go first.
"""

import threading
from collections import OrderedDict

MAX_FRAGMENTS = 4000

_lock = threading.Lock()
_fragments = OrderedDict()


def get_fragment(key):
    with _lock:
        html = _fragments.get(key)
        if html is not None:
            _fragments.move_to_end(key)
        return html


def keep_fragment(key, html):
    with _lock:
        _fragments[key] = html
        _fragments.move_to_end(key)
        while len(_fragments) > MAX_FRAGMENTS:
            _fragments.popitem(last=False)


def clear():
    with _lock:
        _fragments.clear()
