"""The routine builder's GET parameters, validated; bad values fall back to defaults."""

from django import forms

from catalogue.choices import Level
from catalogue.filters import LenientMultipleChoiceField

DAYS = [(n, f"{n} day{'s' if n > 1 else ''} a week") for n in (1, 2, 3, 4)]
MINUTES = [(n, f"{n} minutes") for n in (20, 30, 45)]
DEFAULTS = {"days": 2, "minutes": 30, "level": Level.BEGINNER.value}


class RoutineForm(forms.Form):
    days = forms.TypedChoiceField(
        label="Sessions a week", choices=DAYS, coerce=int, widget=forms.RadioSelect
    )
    minutes = forms.TypedChoiceField(
        label="Time per session", choices=MINUTES, coerce=int, widget=forms.RadioSelect
    )
    level = forms.ChoiceField(
        label="Your level", choices=Level.choices, widget=forms.RadioSelect
    )
    # Unknown items are dropped, the rest kept (as on the list).
    have = LenientMultipleChoiceField(
        label="What you own", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, data, equipment_choices):
        data = data.copy()
        self.replaced = []
        for name, value in DEFAULTS.items():
            # /routine/ alone shows a routine; a bad value shows the default.
            offered = {str(v) for v, _ in self.base_fields[name].choices}
            if data.get(name, "") not in offered:
                if name in data:
                    self.replaced.append(self.base_fields[name].label)
                data[name] = str(value)
        super().__init__(data)
        self.fields["have"].choices = list(equipment_choices)

    def values(self):
        """days, minutes, level and the kit (slugs), all valid."""
        self.is_valid()
        return {**DEFAULTS, "have": [], **self.cleaned_data}

    def notices(self):
        notes = [
            f"{label}: that is not one of the choices, so the default is used."
            for label in self.replaced
        ]
        known = {slug for slug, _ in self.fields["have"].choices}
        unknown = [
            s for s in dict.fromkeys(self.data.getlist("have")) if s not in known
        ]
        notes += [
            f"There is no equipment called “{s[:60]}”, so it was left out."
            for s in unknown[:5]
        ]
        return notes
