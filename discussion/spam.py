"""The spam and abuse rules a reader's comment passes before it is stored.

Every rule refuses with a message for the form, never an error page:

- a honeypot field people never see (see forms.py);
- a minimum time between showing the confirmation form and posting it, read
  from a signed, timestamped token in that form (so nothing is kept per reader);
- a per-address rate limit kept in the cache;
- more than ``MAX_LINKS`` links are held for a careful look by an editor.
"""

import hashlib
import re
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

TOKEN_SALT = "discussion.form-issued"
LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
MAX_LINKS = 2


def setting(name, default):
    return getattr(settings, f"DISCUSSION_{name}", default)


def min_seconds():
    return setting("MIN_SECONDS", 3)


def form_max_age():
    return setting("FORM_MAX_AGE", 2 * 60 * 60)


def rate_limit():
    """(posts, seconds): at most this many posts from one address in that time."""
    return setting("RATE_LIMIT", (5, 600))


def issue_token(on, now=None):
    """A signed note of which page the form is for and when it was shown."""
    return signing.dumps(
        {"on": on, "t": int(now if now is not None else time.time())},
        salt=TOKEN_SALT,
        compress=True,
    )


def token_problem(token, on, now=None):
    """Why a confirmation form's token is refused, or None when it is fine."""
    now = now if now is not None else time.time()
    try:
        data = signing.loads(token or "", salt=TOKEN_SALT)
        issued = int(data["t"])
        same_page = data["on"] == on
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return "This form could not be checked. Please look over your comment and post it again."
    if not same_page:
        return "This form belongs to another page. Please post your comment again."
    age = now - issued
    if age < min_seconds():
        return (
            "That was very quick, so we could not tell you from a robot. "
            "Please read your comment over and post it again."
        )
    if age > form_max_age():
        return "This form has expired. Please look over your comment and post it again."
    return None


def client_address(request):
    # REMOTE_ADDR, not X-Forwarded-For: a header the poster writes cannot be a
    # limit's key. Behind a proxy, it must pass on the reader's own address.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _rate_key(address):
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"discussion:posts:{digest}"


def rate_limited(address):
    """True when this address has already posted its share for now."""
    posts, _ = rate_limit()
    return (cache.get(_rate_key(address)) or 0) >= posts


def count_post(address):
    """Count one post against the address; the window starts at its first post."""
    _, seconds = rate_limit()
    key = _rate_key(address)
    if not cache.add(key, 1, timeout=seconds):
        try:
            cache.incr(key)
        except ValueError:  # expired between the two calls
            cache.add(key, 1, timeout=seconds)


def link_count(text):
    return len(LINK.findall(text))


def held_reason(text):
    """Why an editor should look twice at this comment, or ''."""
    links = link_count(text)
    if links > MAX_LINKS:
        return f"{links} links (more than {MAX_LINKS})"
    return ""
