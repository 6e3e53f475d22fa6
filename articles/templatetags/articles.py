import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles.markdown import plain_text

register = template.Library()

JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data):
    """A JSON-LD data block (not executable, so the strict CSP does not apply)."""
    encoded = json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html(
        '<script type="application/ld+json">{}</script>', mark_safe(encoded)
    )


@register.simple_tag(takes_context=True)
def article_structured_data(context, article):
    """Article and FAQPage structured data for search engines."""
    request = context["request"]
    blocks = [
        {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": article.title,
            "description": article.standfirst,
            # No date the source does not give (show_published_date off).
            "datePublished": article.published_at.isoformat()
            if article.show_published_date
            else None,
            "dateModified": article.revised_at.isoformat()
            if article.revised_at
            else None,
            "isBasedOn": article.source_url or None,
            "author": {"@type": "Organization", "name": article.author}
            if article.author
            else None,
            "reviewedBy": {"@type": "Person", "name": article.reviewer}
            if article.reviewer
            else None,
            "mainEntityOfPage": request.build_absolute_uri(article.get_absolute_url()),
            "citation": [ref.link for ref in article.references.all()],
        }
    ]
    faqs = list(article.faqs.all())
    if faqs:
        blocks.append(
            {
                "@context": "https://schema.org",
                "@type": "FAQPage",
                "mainEntity": [
                    {
                        "@type": "Question",
                        "name": faq.question,
                        "acceptedAnswer": {
                            "@type": "Answer",
                            "text": plain_text(faq.answer),
                        },
                    }
                    for faq in faqs
                ],
            }
        )
    cleaned = [{k: v for k, v in block.items() if v is not None} for block in blocks]
    return mark_safe("".join(json_ld(block) for block in cleaned))
