from django import template

from core.structured_data import breadcrumb_list, json_ld

register = template.Library()


@register.simple_tag(takes_context=True)
def breadcrumb_data(context, crumbs):
    """The page's breadcrumbs as a schema.org BreadcrumbList."""
    return json_ld(breadcrumb_list(crumbs, context.get("canonical_url", "")))
