"""How exercises are read: one QuerySet method per page, and the one that filters.

``ExerciseQuerySet.matching(selection)`` is the only place the list is
narrowed: the list page, its facet counts and anything else that shows "these
exercises" call it with a validated ``catalogue.selection.Selection``.

Models are imported inside methods: ``catalogue.models`` builds its managers
from these classes, so it imports this module first.
"""

from collections import defaultdict

from django.db import connections, models
from django.db.models import (
    Case,
    Exists,
    F,
    FloatField,
    Prefetch,
    Q,
    Value,
    When,
)
from django.db.models.functions import Greatest

from anatomy.models import Muscle
from catalogue import search
from catalogue.conditions import (
    lacking_columns,
    needs_more_than,
    uses_equipment,
    works_muscles,
)
from core.expressions import RelatedRows
from core.models import ContentVersion, PublishableQuerySet

# An exercise's muscles as its page lists them: by role, then in site order.
MUSCLE_LINK_ORDER = ("role", "muscle__position", "muscle__name")

# The columns an exercise card needs (see ExerciseQuerySet.for_list).
CARD_FIELDS = (
    "name",
    "slug",
    "letter",
    "status",
    "published_at",
    "is_best",
    "best_order",
)

# The columns of an exercise in the open data (see ExerciseQuerySet.for_export).
EXPORT_FIELDS = (
    "name",
    "slug",
    "summary",
    "level",
    "category",
    "force",
    "mechanic",
    "is_best",
    "status",
    "published_at",
    "updated_at",
    "source_ref",
    "source_hash",
)


def tag_prefetches():
    """An exercise's equipment and muscle groups, into plain attributes
    (``to_attr``: no related manager per row), as cards and the open data
    show them."""
    from catalogue.models import Equipment

    return [
        Prefetch(
            "equipment",
            queryset=Equipment.objects.only("name", "slug"),
            to_attr="equipment_list",
        ),
        Prefetch(
            "muscle_groups",
            queryset=Muscle.objects.only("name", "slug", "position"),
            to_attr="muscle_group_list",
        ),
    ]


def card_prefetches():
    """The related rows a card shows: its tags and first two steps."""
    from catalogue.models import Step

    return [
        *tag_prefetches(),
        Prefetch(
            "steps",
            queryset=Step.objects.filter(number__lte=2).only(
                "exercise", "number", "text"
            ),
            to_attr="first_steps",
        ),
    ]


def substring_match(terms):
    """The stored keys' tests (``catalogue.search``): the name keys hold the
    words run together, or each word starts a word of the steps, name or aliases."""
    words_match = Q()
    for term in terms:
        words_match &= Q(search_text__contains=f" {term}")
    return Q(search_names__contains="".join(terms)) | words_match


def words_query(terms):
    """PostgreSQL: the words as a full-text query (stemmed, all of them)."""
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(
        " ".join(terms), config=search.POSTGRES_CONFIG, search_type="plain"
    )


def typo_match(text):
    """PostgreSQL: a name or alias like ``text`` (pg_trgm's %> operator)."""
    return Q(name__trigram_word_similar=text) | Q(
        search_names__trigram_word_similar=text
    )


def typo_similarity(text):
    from django.contrib.postgres.search import TrigramWordSimilarity

    return Greatest(
        TrigramWordSimilarity(text, "name"),
        TrigramWordSimilarity(text, "search_names"),
    )


class EquipmentQuerySet(models.QuerySet):
    def for_index(self, exercises):
        """Every item with the number of the given exercises that use it."""
        # order_by explicitly: Django drops Meta.ordering from a GROUP BY query,
        # and PostgreSQL's grouping then returns rows in storage order (which a
        # restore from backup, for one, changes).
        return self.annotate(
            exercise_count=models.Count("exercises", filter=Q(exercises__in=exercises))
        ).order_by("name")


class ExerciseQuerySet(PublishableQuerySet):
    def for_list(self):
        """What an exercise card shows: equipment, muscle groups, the first two steps.

        Lists of a few dozen cards are the hot path: only the card's columns are
        read, and the prefetched rows go to plain attributes (``to_attr``), which
        skips building a related manager per card.
        """
        return self.for_cards().prefetch_related(*card_prefetches())

    def for_cards(self):
        """The card's own columns only: ``catalogue.cards`` prefetches the rest
        for the cards it has not rendered already."""
        return self.only(*CARD_FIELDS)

    def for_detail(self):
        """Exercises with all their related rows, for the comparison and the API."""
        from catalogue.models import ExerciseMuscle

        return self.prefetch_related(
            "equipment",
            "muscle_groups",
            "steps",
            Prefetch(
                "muscle_links",
                queryset=ExerciseMuscle.objects.select_related(
                    "muscle__group"
                ).order_by(*MUSCLE_LINK_ORDER),
            ),
        )

    def for_exercise_page(self):
        """An exercise page's own row, in one query: the exercise with its
        review (the curation app's, by its relation: its status is on the
        page) and its steps' numbers and texts, as ``step_rows`` (in no set
        order: ``catalogue.detail`` sorts them). Its equipment, muscles,
        ladders and alternatives come from what is built once per content
        state."""
        return self.select_related("review").annotate(
            step_rows=RelatedRows("steps", "number", "text")
        )

    def for_export(self):
        """One row per exercise for the open data (the API's list, the CSV):
        its columns, equipment and muscle groups, in four queries whatever
        the number of rows."""
        return self.only(*EXPORT_FIELDS).prefetch_related(*tag_prefetches())

    def for_links(self):
        """Just enough to link to an exercise."""
        return self.only("name", "slug", "level")

    def matching(self, selection):
        """The exercises a reader's selection (``catalogue.selection``) asks for.

        Values within one facet widen the list (any of them); facets narrow it
        together (all of them). The list, its facet counts and the analysis all
        come through here.
        """
        exercises = self
        if selection.q:
            exercises = exercises.search(selection.q)
        if selection.equipment:
            exercises = exercises.filter(uses_equipment(selection.equipment))
        if selection.muscles:
            exercises = exercises.filter(works_muscles(selection.muscles))
        if selection.levels:
            exercises = exercises.filter(level__in=selection.levels)
        if selection.categories:
            exercises = exercises.filter(category__in=selection.categories)
        if selection.best:
            exercises = exercises.filter(is_best=True)
        if selection.patterns:
            exercises = exercises.filter(pattern__in=selection.patterns)
        if selection.have:
            exercises = exercises.filter(~needs_more_than(selection.owned))
        return exercises

    def for_routine(self, owned):
        """Each exercise with how many items it lacks from ``owned`` (0, 1, or 2
        for more) and which when just one: the routine builds from those lacking
        nothing and names the single item that would add the others."""
        columns, number = lacking_columns(owned)
        return (
            self.alias(lacking_n=number)
            .annotate(**columns)
            .only("name", "slug", "level", "pattern", "category", "is_best")
            .order_by("-is_best", "best_order", "name", "pk")
        )

    def search(self, query):
        """Exercises whose name, aliases or steps match the reader's words.

        Names and aliases match however they are hyphenated or pluralised
        ("pullups" finds Pull-Up); otherwise every word must appear in the
        name, aliases or steps. Whole-name matches rank first. On PostgreSQL,
        full-text search (English stemming) widens the match, and when nothing
        matches at all, trigram similarity finds names despite typos.

        The list's searches ask only for PostgreSQL's extras
        (``stem_matches``, ``typo_matches``): ``catalogue.text_index`` makes
        the same substring tests from memory (``catalogue.facets.search_ranks``).
        """
        terms = search.words(query)[: search.MAX_QUERY_WORDS]
        if not terms:
            return self.annotate(search_rank=Value(0.0))
        key = "".join(terms)
        name_match = Q(search_names__contains=key)
        matches = substring_match(terms)
        ranks = [
            When(search_names__contains=f" {key} ", then=Value(0.0)),
            When(search_names__contains=f" {key}", then=Value(1.0)),
            When(name_match, then=Value(2.0)),
        ]
        queryset, fallback_rank = self, Value(3.0)
        if connections[self.db].vendor == "postgresql":
            queryset, matches, fallback_rank = self._postgres_search(terms, matches)
        return queryset.filter(matches).annotate(
            search_rank=Case(*ranks, default=fallback_rank, output_field=FloatField())
        )

    def _postgres_search(self, terms, matches):
        exact = matches | Q(search_document=words_query(terms))
        # Typos only when nothing matches at all (the NOT EXISTS is evaluated once).
        # Every branch is indexable (trigram and full-text GIN indexes), so the
        # planner combines index scans instead of reading every row; the %>
        # operator's threshold is pg_trgm.word_similarity_threshold, set for each
        # connection in settings (search.TYPO_SIMILARITY).
        # "Nothing matched" is decided among the exercises being searched (what
        # this reader may see): a draft's exact match must not hide the typo
        # suggestions, nor reveal itself by their absence.
        document = search.StoredSearchVector()
        nothing_exact = ~Exists(self.alias(search_document=document).filter(exact))
        text = " ".join(terms)
        queryset = self.alias(
            search_document=document, search_similarity=typo_similarity(text)
        )
        # Words matched (as they are, or by their stem) rank together, A–Z;
        # names found despite typos after them, most alike first.
        rank = Case(
            When(exact, then=Value(3.0)),
            default=4.0 - F("search_similarity"),
            output_field=FloatField(),
        )
        return queryset, exact | (nothing_exact & typo_match(text)), rank

    def stem_matches(self, query):
        """PostgreSQL only: the exercises its full-text search finds by a word's
        stem ("rowing" finds rows) that the stored keys' substring tests miss."""
        terms = search.words(query)[: search.MAX_QUERY_WORDS]
        if not terms:
            return self.none()
        return (
            self.alias(search_document=search.StoredSearchVector())
            .filter(search_document=words_query(terms))
            .exclude(substring_match(terms))
        )

    def typo_matches(self, query):
        """PostgreSQL only: the exercises whose name is like the query despite
        typos, each with ``search_similarity`` (0 to 1)."""
        text = " ".join(search.words(query)[: search.MAX_QUERY_WORDS])
        if not text:
            return self.none()
        return self.filter(typo_match(text)).annotate(
            search_similarity=typo_similarity(text)
        )

    def reindex(self):
        """Recompute the index letter and search index of these exercises."""
        from catalogue.models import Step

        steps = defaultdict(list)
        for exercise_id, text in Step.objects.filter(exercise__in=self).values_list(
            "exercise_id", "text"
        ):
            steps[exercise_id].append(text)
        exercises = list(self.only("name", "aliases", "summary"))
        for exercise in exercises:
            exercise.refresh_derived_fields(steps[exercise.pk])
        self.model.objects.bulk_update(
            exercises, ["letter", "search_names", "search_text"], batch_size=500
        )
        # bulk_update sends no signal, and the index decides what search shows:
        # move the content version after it, not only before (core.signals).
        if exercises:
            ContentVersion.bump()
