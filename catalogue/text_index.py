"""The search keys of every exercise, held per content state.

Two things read an exercise's stored search keys (``search_names``,
``search_text``, see ``catalogue.search``) on many pages: the search box, and
the ``[[Name]]`` links of plain-text fields (``articles.links``). Asked of the
database, each is a LIKE over every row, so its cost grows with the catalogue
(and a broad search then sends back thousands of rows). Held in memory, a
search looks up the distinct keys that match and costs a step per match, and a
link is a dictionary look-up: the same at 45 exercises or 10,000.

``SearchKeys`` is built from the keys ``catalogue.facet_index`` reads (no query
of its own) the first time a search needs it. Its tests are the database's
substring tests on the same strings (``ExerciseQuerySet.search``), so rows and
ranks are the same. That is the whole search on SQLite (``answers_searches``);
PostgreSQL's search adds stemmed words and typos, which only it can find, and
``catalogue.facets.search_ranks`` asks it for those extras alone.
``LinkIndex`` is read in one query per content state, like the facet index,
and used while rendering pages, whose cache keys hold that state; what is
saved (an article's links) still asks the database.
"""

from array import array
from bisect import bisect_left, bisect_right

from django.db import connections

from catalogue import search
from catalogue.models import Exercise
from core.content_state import PerContentState

# The ranks of ExerciseQuerySet.search: the whole name, the start of a name,
# inside a name, only the words.
WHOLE_NAME, NAME_START, IN_NAME, WORDS_ONLY = 0.0, 1.0, 2.0, 3.0

# A key held by more than one exercise in DENSE keeps a mask (see Postings.mask).
DENSE = 32

LINK_FIELDS = ("name", "slug", "search_names", "status", "published_at")


class Postings:
    """Each distinct key of one column -> the exercises (bit numbers of the
    facet index) that have it. A search reads the keys that match, then their
    exercises: a step per matching key, whatever the catalogue's size."""

    def __init__(self, values):
        postings = {}
        for number, value in enumerate(values):
            for key in value.split():
                postings.setdefault(key, array("I")).append(number)
        self.size = len(values)
        self.postings = postings
        self.masks = {}  # key -> mask, for the keys many exercises have
        self.sorted = sorted(postings)
        # Every key in one string, for substring tests in C (``inside``).
        self.text = "\n".join(self.sorted)
        self.starts, at = [], 0
        for key in self.sorted:
            self.starts.append(at)
            at += len(key) + 1

    def starting(self, prefix):
        """The keys that start with ``prefix``."""
        keys, at = self.sorted, bisect_left(self.sorted, prefix)
        while at < len(keys) and keys[at].startswith(prefix):
            yield keys[at]
            at += 1

    def inside(self, part):
        """The keys that hold ``part``."""
        text, starts = self.text, self.starts
        at = text.find(part)
        while at != -1:
            number = bisect_right(starts, at) - 1
            yield self.sorted[number]
            if number + 1 == len(starts):
                break
            at = text.find(part, starts[number + 1])

    def mask(self, keys):
        """The exercises having any of ``keys``, as a mask. A key most exercises
        have ("the") keeps its mask after the first search that needs it."""
        bits, found = bytearray((self.size + 7) // 8), 0
        for key in keys:
            numbers = self.postings[key]
            if len(numbers) * DENSE > self.size:
                if key not in self.masks:
                    self.masks[key] = self.mask_of(numbers)
                found |= self.masks[key]
                continue
            for number in numbers:
                bits[number >> 3] |= 1 << (number & 7)
        return found | int.from_bytes(bits, "little")

    def mask_of(self, numbers):
        bits = bytearray((self.size + 7) // 8)
        for number in numbers:
            bits[number >> 3] |= 1 << (number & 7)
        return int.from_bytes(bits, "little")


class SearchKeys:
    """The search keys of every exercise by bit number (``FacetIndex``)."""

    def __init__(self, search_names, search_text):
        self.names = Postings(search_names)
        self.words = Postings(search_text)

    def search(self, query):
        """{rank: mask} as ``ExerciseQuerySet.search`` ranks its matches on
        SQLite, whose tests on the stored strings these are: a name key holding
        the query's key (ranked by whether it is the key, or starts with it),
        or for each of the query's words, a word starting with it."""
        terms = search.words(query)[: search.MAX_QUERY_WORDS]
        if not terms:
            return None  # no words: everything, unranked
        key = "".join(terms)
        matches = -1  # every bit
        for term in terms:
            matches &= self.words.mask(self.words.starting(term))
        by_rank = {WHOLE_NAME: [], NAME_START: [], IN_NAME: []}
        for name_key in self.names.inside(key):
            if name_key == key:
                by_rank[WHOLE_NAME].append(name_key)
            elif name_key.startswith(key):
                by_rank[NAME_START].append(name_key)
            else:
                by_rank[IN_NAME].append(name_key)
        ranks, ranked = {}, 0
        for rank, name_keys in by_rank.items():  # an exercise takes its best rank
            ranks[rank] = self.names.mask(name_keys) & ~ranked
            ranked |= ranks[rank]
        ranks[WORDS_ONLY] = matches & ~ranked
        return {rank: mask for rank, mask in ranks.items() if mask}


class LinkIndex:
    """Each whole-name key (``search.names_index``) -> the exercises having it,
    A–Z: the ``[[Name]]`` look-up of ``articles.links``."""

    def __init__(self, rows):
        self.rows = rows  # (name, slug, search_names, status, published_at), A–Z
        keyed = {}
        for number, row in enumerate(rows):
            for key in row[2].split():
                keyed.setdefault(key, []).append(number)
        self.by_name_key = keyed
        self._exercises = {}

    @classmethod
    def build(cls):
        return cls(
            list(Exercise.objects.order_by("name", "pk").values_list(*LINK_FIELDS))
        )

    def having_name_keys(self, keys):
        """The exercises with any of these whole-name keys, A–Z, with the
        fields a link reads (unsaved instances: the model's own rules apply).
        Each is built once per index and shared, read only: a page with a
        few linked texts had spent most of their cost building instances."""
        numbers = {n for key in keys for n in self.by_name_key.get(key, ())}
        return [self._exercise(number) for number in sorted(numbers)]

    def _exercise(self, number):
        if number not in self._exercises:
            fields = dict(zip(LINK_FIELDS, self.rows[number], strict=True))
            self._exercises[number] = Exercise(**fields)
        return self._exercises[number]


def answers_searches():
    """Whether the database's search is the plain substring tests answered here
    (PostgreSQL adds full-text and typo matches, which only it can make)."""
    return connections[Exercise.objects.db].vendor != "postgresql"


_links = PerContentState(LinkIndex.build)


def current_link_index():
    """The link index of the content as it stands (built at most once per state)."""
    return _links.get()
