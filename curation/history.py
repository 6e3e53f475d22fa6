"""Which content is recorded by django-reversion, with the rows each version
carries along (an exercise's steps, muscle links and review; an article's FAQ
and references), so one restore brings back the whole exercise as it was.
The admin's side is ``core.history_admin``; describing a change, ``core.history``.
"""

import reversion


def register():
    """Register the content models, with the rows each one's versions carry along.

    Called while the models load (curation.models), before the admin's
    VersionAdmin would register them on its own without these choices.
    """
    from anatomy.models import Muscle
    from articles.models import FAQ, Article, Reference
    from catalogue.models import Equipment, Exercise, ExerciseMuscle, Step
    from curation.models import ExerciseReview

    recorded = {
        Exercise: ["steps", "muscle_links", "review"],
        Step: [],
        ExerciseMuscle: [],
        ExerciseReview: [],
        Equipment: [],
        Muscle: [],
        Article: ["faqs", "references"],
        FAQ: [],
        Reference: [],
    }
    for model, follow in recorded.items():
        if not reversion.is_registered(model):
            reversion.register(model, follow=follow)
