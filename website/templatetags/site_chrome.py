"""The header and footer around every page, rendered once per process.

They change only with the section a page is in (the header marks it) and with
the URLs they link to, never with content or the reader, yet rendering their
links took about a twentieth of a page's time.
"""

import functools

from django.template.loader import render_to_string

from core.jinja import helper
from core.urls import url_scope


@functools.lru_cache(maxsize=64)
def rendered(template_name, section, site_name, scope):
    return render_to_string(template_name, {"section": section, "site_name": site_name})


@helper(takes_context=True)
def site_header(context):
    return rendered(
        "includes/site_header.html",
        context.get("section", ""),
        context.get("SITE_NAME", ""),
        url_scope(),
    )


@helper(takes_context=True)
def site_footer(context):
    return rendered(
        "includes/site_footer.html", "", context.get("SITE_NAME", ""), url_scope()
    )
