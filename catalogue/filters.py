"""The A–Z list's filters, built with django-filter.

Every filter is a GET parameter, so any combination is a URL a reader can
share or bookmark. Values within one facet widen the list (any of them);
facets narrow it together (all of them). Bad values never fail the page: an
unknown slug is dropped with a notice, the rest of the query still applies.
"""

from functools import cached_property

import django_filters
from django import forms

from catalogue.models import Category, Exercise, Level, Pattern
from catalogue.search import MAX_QUERY_LENGTH
from catalogue.selection import Selection
from core.cache import MANY, ONE, PAGE_PARAMETER

MAX_VALUES_PER_FACET = 30


class Sort:
    NAME = "name"
    NAME_DESC = "-name"
    RELEVANCE = "relevance"
    choices = [(NAME, "A to Z"), (NAME_DESC, "Z to A"), (RELEVANCE, "Best match")]


class CheckboxFlag(forms.CheckboxInput):
    """A checkbox parameter: ``best=1`` (or on/true/yes) is ticked; 0, false or absent is not."""

    def value_from_datadict(self, data, files, name):
        return str(data.get(name, "")).strip().lower() in {"1", "on", "true", "yes"}


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Keep the known values of a repeated parameter, drop the unknown ones.

    The reader still gets the list for what was understood; the filterset
    reports what was dropped (see ``ExerciseFilter.notices``).
    """

    def clean(self, value):
        # A set, in order: the page depends on which values, never on their order
        # or repeats (the page cache keys on the same normal form).
        known = sorted(
            {item for item in self.to_python(value) if self.valid_value(item)}
        )
        return super().clean(known[:MAX_VALUES_PER_FACET])

    def __deepcopy__(self, memo):
        # Each form deep-copies its fields, and ChoiceField copies its choices
        # one tuple at a time: some seventy per list page, a tenth of an
        # uncached page's time. Ours are plain strings, fixed when the filterset
        # is made and never changed by a form, so the copies share them:
        # Field's own copy (widget, validators, messages), without ChoiceField's.
        result = forms.Field.__deepcopy__(self, memo)
        result._choices = self._choices
        return result


class FacetFilter(django_filters.MultipleChoiceFilter):
    field_class = LenientMultipleChoiceField


class ExerciseFilter(django_filters.FilterSet):
    """Validates the list's GET parameters into a ``Selection`` and applies it.

    The filters here only declare and clean the parameters; the narrowing
    itself is ``ExerciseQuerySet.matching``, so every view that takes the
    list's parameters selects exactly the same exercises.
    """

    q = django_filters.CharFilter(
        label="Search", max_length=MAX_QUERY_LENGTH, strip=True
    )
    equipment = FacetFilter(label="Equipment")
    muscle = FacetFilter(label="Muscles")
    level = FacetFilter(label="Level", choices=Level.choices)
    category = FacetFilter(label="Type", choices=Category.choices)
    pattern = FacetFilter(label="Movement pattern", choices=Pattern.choices)
    # "What I own": exercises needing nothing outside these items (and body weight).
    have = FacetFilter(label="What I own")
    best = django_filters.BooleanFilter(
        label="Editors' picks only", widget=CheckboxFlag
    )
    sort = django_filters.ChoiceFilter(
        label="Sort", choices=Sort.choices, empty_label=None
    )

    class Meta:
        model = Exercise
        fields = []

    def __init__(
        self, data=None, queryset=None, *, equipment_choices=(), muscle_choices=()
    ):
        super().__init__(data, queryset)
        self.vocabulary = (tuple(equipment_choices), tuple(muscle_choices))
        equipment, muscles = self.vocabulary
        self.filters["equipment"].extra["choices"] = equipment
        self.filters["muscle"].extra["choices"] = muscles
        self.filters["have"].extra["choices"] = equipment

    # The form class of the latest vocabulary: (vocabulary, class).
    _latest_form_class = (None, None)

    def get_form_class(self):
        """django-filter makes a form class for each filterset, each field made
        anew with its choices normalised: a tenth of a list page's time. The
        fields depend only on the vocabulary, which changes with the content,
        so the class is kept until the vocabulary changes; its forms share it,
        as the forms of a declared form class do."""
        vocabulary, form_class = ExerciseFilter._latest_form_class
        if vocabulary != self.vocabulary:
            form_class = super().get_form_class()
            ExerciseFilter._latest_form_class = (self.vocabulary, form_class)
        return form_class

    def filter_queryset(self, queryset):
        return queryset.matching(self.selection)

    @cached_property
    def selection(self):
        value = self.value
        return Selection(
            q=value("q") or "",
            equipment=tuple(value("equipment")),
            muscles=tuple(value("muscle")),
            levels=tuple(value("level")),
            categories=tuple(value("category")),
            best=bool(value("best")),
            have=tuple(value("have")),
            patterns=tuple(value("pattern")),
        )

    # What the page needs to know about the request.

    @classmethod
    def query_parameters(cls):
        """Each GET parameter the list takes, repeatable (MANY) or not (ONE)."""
        return {
            **{
                name: MANY if isinstance(declared, FacetFilter) else ONE
                for name, declared in cls.base_filters.items()
            },
            PAGE_PARAMETER: ONE,
        }

    def value(self, name):
        """The cleaned value of one filter (an empty one when it was invalid)."""
        self.errors  # noqa: B018 (validates the form once)
        default = [] if isinstance(self.filters[name], FacetFilter) else None
        return self.form.cleaned_data.get(name) or default

    @property
    def sort_order(self):
        requested = self.value("sort")
        if requested == Sort.RELEVANCE and not self.value("q"):
            return Sort.NAME
        if requested:
            return requested
        return Sort.RELEVANCE if self.value("q") else Sort.NAME

    def ordered(self, queryset):
        if self.sort_order == Sort.RELEVANCE:
            return queryset.order_by("search_rank", "name")
        return queryset.order_by(
            "-name" if self.sort_order == Sort.NAME_DESC else "name"
        )

    def notices(self):
        """Plain-language notes on anything in the query that was not used."""
        notes = []
        for name in ("equipment", "have", "muscle", "level", "category", "pattern"):
            field = self.form.fields[name]
            unknown = [
                value
                for value in dict.fromkeys(self.data.getlist(name))
                if value and not field.valid_value(value)
            ]
            noun = {
                "category": "exercise type",
                "have": "equipment",
                "pattern": "movement pattern",
            }.get(name, name)
            for value in unknown[:5]:
                notes.append(
                    f"There is no {noun} called “{value[:60]}”, so it was left out."
                )
        for name, errors in self.errors.items():
            if name in ("q", "sort", "best"):
                label = self.filters[name].label
                notes.append(f"{label}: {' '.join(errors)} It was left out.")
        return notes
