from core.jinja import helper
from core.structured_data import breadcrumb_list, json_ld


@helper(takes_context=True)
def breadcrumb_data(context, crumbs):
    """The page's breadcrumbs as a schema.org BreadcrumbList."""
    return json_ld(breadcrumb_list(crumbs, context.get("canonical_url", "")))
