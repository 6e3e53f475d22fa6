"""The sharing card (OpenGraph image) of an exercise page (drawn by ``anatomy.cards``)."""

from anatomy.cards import Card


def exercise_card(exercise, muscle_links):
    """``muscle_links``: the exercise's ExerciseMuscle rows, muscles loaded."""
    return Card(
        "exercise",
        exercise.slug,
        exercise.name,
        f"Exercise · {exercise.get_level_display()}",
        {link.muscle.slug: link.role for link in muscle_links},
        alt=f"{exercise.name}: the muscles it works, highlighted on a drawing of the back.",
    )
