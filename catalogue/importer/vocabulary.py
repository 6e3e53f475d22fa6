"""free-exercise-db's vocabulary (from its schema.json) translated into ours.

This is a translation table, not content: the equipment and muscles it names
are ours, and come from fixtures/01_anatomy.json and 02_equipment.json. The
import refuses a file that needs one the database lacks.
"""

from catalogue.models import Category, Level

SOURCE = "free-exercise-db"
SOURCE_PREFIX = f"{SOURCE}:"

LEVELS = {
    "beginner": Level.BEGINNER,
    "intermediate": Level.INTERMEDIATE,
    "expert": Level.ADVANCED,
}
FORCES = {None: "", "static": "static", "pull": "pull", "push": "push"}
MECHANICS = {None: "", "isolation": "isolation", "compound": "compound"}
CATEGORIES = {
    "powerlifting": Category.POWERLIFTING,
    "strength": Category.STRENGTH,
    "stretching": Category.STRETCHING,
    "cardio": Category.CARDIO,
    "olympic weightlifting": Category.OLYMPIC_WEIGHTLIFTING,
    "strongman": Category.STRONGMAN,
    "plyometrics": Category.PLYOMETRICS,
}
# Source equipment -> our Equipment slug (None: no equipment).
EQUIPMENT = {
    None: None,
    "other": None,
    "barbell": "barbell",
    "dumbbell": "dumbbells",
    "body only": "bodyweight",
    "bands": "resistance-band",
    "kettlebells": "kettlebells",
    "cable": "cable-machine",
    "machine": "weight-machine",
    "medicine ball": "medicine-ball",
    "exercise ball": "exercise-ball",
    "foam roll": "foam-roller",
    "e-z curl bar": "ez-curl-bar",
}
# Source muscle -> the slugs of our specific muscles (never groups).
MUSCLES = {
    "abdominals": ("rectus-abdominis",),
    "abductors": ("hip-abductors",),
    "adductors": ("hip-adductors",),
    "biceps": ("biceps-brachii",),
    "calves": ("calves",),
    "chest": ("pectoralis-major",),
    "forearms": ("forearm-flexors",),
    "glutes": ("gluteus-maximus",),
    "hamstrings": ("hamstrings",),
    "lats": ("latissimus-dorsi",),
    "lower back": ("erector-spinae",),
    "middle back": ("middle-trapezius", "rhomboids"),
    "neck": ("neck-muscles",),
    "quadriceps": ("quadriceps",),
    "shoulders": ("deltoids",),
    "traps": ("upper-trapezius",),
    "triceps": ("triceps-brachii",),
}


def source_names(mapping, slug):
    """The source's names that translate to our ``slug``, for messages."""
    return [
        name
        for name, ours in mapping.items()
        if name is not None and slug in (ours if isinstance(ours, tuple) else (ours,))
    ]
