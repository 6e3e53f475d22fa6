from anatomy.cards import site_card
from articles.markdown import plain_text
from core.jinja import helper
from core.sharing import share_image
from core.structured_data import image_object, json_ld, organization
from core.urls import absolute_url


def reviewer(article):
    if not article.reviewer:
        return None
    return {
        "@type": "Person",
        "name": article.reviewer,
        "honorificSuffix": article.reviewer_credentials,
    }


def citation(reference):
    return {
        "@type": "CreativeWork",
        "name": reference.title,
        "url": reference.link,
        "datePublished": str(reference.year) if reference.year else None,
    }


@helper
def article_structured_data(article):
    """The page (a WebPage, which is what a reviewer reviews) with the Article
    as its main entity, and the FAQPage, for search engines.

    Dates are only those the page shows and the source gives: no publication
    date when the source gives none (``show_published_date`` off), and
    "Updated" only for a revision editors called meaningful.
    """
    url = absolute_url(article.get_absolute_url())
    page = {
        "@type": "WebPage",
        "@id": url,
        "url": url,
        "name": article.title,
        "reviewedBy": reviewer(article),
        "publisher": organization(),
        "mainEntity": {
            "@type": "Article",
            "headline": article.title,
            "description": article.standfirst,
            "image": image_object(share_image(article) or site_card()),
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
            "publisher": organization(),
            "mainEntityOfPage": url,
            "citation": [citation(ref) for ref in article.references.all()],
        },
    }
    faqs = list(article.faqs.all())
    faq_page = {
        "@type": "FAQPage",
        "url": url,
        "mainEntity": [
            {
                "@type": "Question",
                "name": faq.question,
                "acceptedAnswer": {"@type": "Answer", "text": plain_text(faq.answer)},
            }
            for faq in faqs
        ],
    }
    return json_ld(page, faq_page if faqs else None)
