"""The comment form: the same fields on the cached page and on the
confirmation page, which adds the signed token that makes posting possible."""

from django import forms
from django.core.exceptions import ValidationError

from articles.models import Article
from catalogue.models import Exercise
from discussion.models import MAX_BODY, MAX_NAME

TARGETS = {"exercise": Exercise, "article": Article}
HONEYPOT_MESSAGE = (
    "Please leave the field marked “Leave this empty” empty: it is there to "
    "catch spam robots."
)


def target_key(target):
    """What the form's hidden ``on`` field says: "exercise:pull-up"."""
    return f"{target._meta.model_name}:{target.slug}"


def find_target(key):
    """The published exercise or article a form is for, or None."""
    kind, _, slug = str(key or "").partition(":")
    model = TARGETS.get(kind)
    if model is None or not slug:
        return None
    return model.objects.published().filter(slug=slug[:200]).first()


def normalise_text(value):
    """One kind of line break, no trailing spaces at the ends."""
    return (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()


class CommentForm(forms.Form):
    on = forms.CharField(widget=forms.HiddenInput, max_length=220)
    name = forms.CharField(
        label="Your name",
        max_length=MAX_NAME,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="Email (optional)",
        required=False,
        max_length=254,
        help_text="Never shown on the site. Only editors see it, to answer you "
        "privately if needed, and it is deleted with your comment.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    body = forms.CharField(
        label="Your comment",
        # Counted in clean_body once line breaks are one character each, as the
        # browser counts them for maxlength.
        help_text=f"Plain text, up to {MAX_BODY:,} characters. Line breaks are "
        "kept; links are shown as text. An editor reads every comment before "
        "it appears.",
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": MAX_BODY}),
    )
    # The honeypot: hidden from people (and from assistive technology), filled
    # in by robots that fill in every field.
    website = forms.CharField(label="Leave this empty", required=False, max_length=200)

    def clean_body(self):
        body = normalise_text(self.cleaned_data["body"])
        if not body:
            raise ValidationError("Please write your comment.")
        if len(body) > MAX_BODY:
            raise ValidationError(
                f"Please keep your comment to {MAX_BODY:,} characters "
                f"(it has {len(body):,})."
            )
        return body

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise ValidationError("Please give a name to show with your comment.")
        return name

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise ValidationError(HONEYPOT_MESSAGE)
        return ""

    def clean_on(self):
        target = find_target(self.cleaned_data["on"])
        if target is None:
            raise ValidationError("This page does not take comments.")
        self.target = target
        return self.cleaned_data["on"]


class ConfirmForm(CommentForm):
    """The confirmation page's form: posted with a CSRF token and the signed
    note of when it was shown (see spam.py)."""

    issued = forms.CharField(widget=forms.HiddenInput, required=False)
