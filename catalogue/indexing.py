"""What search engines are told about one A–Z list URL: its canonical URL and
whether to index it.

There is one URL per list: the query as understood (``Browse.params``: unknown
parameters and values dropped, page 1 without ``?page``). Single-facet lists
("exercises with dumbbells") are pages worth finding; deeper combinations,
searches, re-orderings and anything the reader mistyped are followed for their
links but not indexed, so the index holds a few dozen lists rather than every
combination of them.
"""

from core.urls import absolute_url

FOLLOW_ONLY = "noindex, follow"
# Facet values (equipment, muscles, levels, types, editors' picks) a list may
# combine and still be indexed.
MAX_INDEXED_VALUES = 1


def list_indexing(browse):
    """The ``canonical_url`` and ``robots`` of the list page, for its template."""
    canonical = absolute_url(browse.pagination_url(browse.page.number))
    return {
        "canonical_url": canonical,
        "robots": FOLLOW_ONLY if not indexable(browse) else "",
    }


def indexable(browse):
    params = browse.params
    values = sum(
        len(params.get(name, ()))
        for name in ("equipment", "muscle", "level", "category", "best")
    )
    requested_page = browse.data.get("page")
    # ?page=2 of a one-page list, or ?page=abc, is served as another page: it
    # is that page, not a page of its own.
    page_is_real = requested_page in (None, str(browse.page.number))
    return (
        values <= MAX_INDEXED_VALUES
        and "q" not in params
        and "sort" not in params
        and not browse.notices
        and page_is_real
    )
