"""Sets, repetitions and rest for each exercise of a routine, and how long it takes.

The strength numbers are general guidance consistent with the American College
of Sports Medicine position stand "Progression models in resistance training
for healthy adults" (Medicine & Science in Sports & Exercise, 2009): about 8-12
repetitions for novices and intermediates, one to three sets for novices and
more for trained lifters, one to two minutes' rest for lighter and assistance
work and longer for heavier multi-joint lifts. The holds for stretches and the
times below (warm-up, time per set) are our own general guidance.
"""

from dataclasses import dataclass

from catalogue.choices import Level, Pattern

SOURCE = (
    "Sets, repetitions and rest are general guidance, consistent with the American "
    "College of Sports Medicine position stand “Progression models in resistance "
    "training for healthy adults” (2009). Stretch holds, the warm-up and the time "
    "estimates are our own general guidance. Stop if anything hurts, and ask a "
    "doctor or physiotherapist first if you have pain or an injury."
)

WARM_UP_SECONDS = 180  # a few minutes of easy movement before the first exercise
SECONDS_PER_SET = 45  # a set done with control, for the time estimate
CHANGEOVER_SECONDS = 60  # moving to the next exercise and setting up


@dataclass(frozen=True)
class LevelPlan:
    """The most sets, the longest rest and the repetitions for one level."""

    max_sets: int
    rests: tuple  # seconds, longest first: shortened only to fit the time
    reps: str
    isolation_reps: str


PLANS = {
    Level.BEGINNER: LevelPlan(3, (90, 60), "10–12", "12–15"),
    Level.INTERMEDIATE: LevelPlan(4, (120, 90, 60), "8–12", "10–15"),
    Level.ADVANCED: LevelPlan(4, (150, 120, 90, 60), "6–10", "10–15"),
}
MIN_SETS = 2
# Patterns worked with lighter loads and more repetitions.
ISOLATION_PATTERNS = {Pattern.RETRACTION, Pattern.ELEVATION, Pattern.PULLOVER}
HOLD_PATTERNS = {Pattern.MOBILITY}


@dataclass(frozen=True)
class Dose:
    sets: int
    reps: str
    rest: int  # seconds

    @property
    def seconds(self):
        """How long the exercise takes, changeover included."""
        return (
            self.sets * SECONDS_PER_SET
            + (self.sets - 1) * self.rest
            + CHANGEOVER_SECONDS
        )

    @property
    def rest_label(self):
        minutes, seconds = divmod(self.rest, 60)
        if not seconds:
            return f"{minutes} min"
        return f"{minutes} min {seconds} s" if minutes else f"{seconds} s"


def dose_for(pattern, level, sets, rest):
    """The dose of one exercise, given the session's sets and rest."""
    plan = PLANS[level]
    if pattern in HOLD_PATTERNS:
        return Dose(2, "hold 20–30 s", 15)
    if pattern == Pattern.TRUNK_EXTENSION:
        return Dose(sets, "8–10 slow repetitions, pausing at the top", min(rest, 60))
    reps = plan.isolation_reps if pattern in ISOLATION_PATTERNS else plan.reps
    return Dose(sets, f"{reps} repetitions", rest)


def session_seconds(doses):
    return WARM_UP_SECONDS + sum(dose.seconds for dose in doses)


def fitting_volume(patterns, level, minutes):
    """The most sets, then the longest rest, with which ``patterns`` fit the time.

    Falls back to the least (two sets, the shortest rest) when nothing fits.
    """
    plan = PLANS[level]
    budget = minutes * 60
    for sets in range(plan.max_sets, MIN_SETS - 1, -1):
        for rest in plan.rests:
            doses = [dose_for(p, level, sets, rest) for p in patterns]
            if session_seconds(doses) <= budget:
                return sets, rest
    return MIN_SETS, plan.rests[-1]
