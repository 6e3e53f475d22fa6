from core.jinja import inclusion


@inclusion("curation/review_status.html", takes_context=True)
def review_status(context, exercise, steps):
    """What has been reviewed of this exercise, by whom and when, and whether it
    still holds: ``steps`` are the page's steps, already fetched."""
    try:
        review = exercise.review
    except exercise._meta.model.review.RelatedObjectDoesNotExist:
        review = None
    return {
        "SITE_NAME": context.get("SITE_NAME", ""),
        "review": review,
        "current": review is not None and review.is_current_for(steps),
    }
