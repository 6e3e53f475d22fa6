"""Building a catalogue of an exact size through manage.py: the fixtures, an
import of a free-exercise-db file, then generated exercises up to the size."""

import json
import re
from dataclasses import dataclass, field

from bench.loadtest.backends import Backend
from bench.loadtest.options import FIXTURE_COUNT
from bench.processes import CommandError, log
from bench.production import manage

# Slugs the pages use when they exist (they do in the fixtures, at every size).
PREFERRED_SLUGS = {"exercise": "pull-up", "muscle": "latissimus-dorsi"}

INSPECT = """
import json
from anatomy.models import Muscle
from catalogue.models import Exercise
published = Exercise.objects.published()
def pick(queryset, preferred):
    if queryset.filter(slug=preferred).exists():
        return preferred
    return queryset.order_by("name").values_list("slug", flat=True).first()
print("BENCH-INSPECT " + json.dumps({
    "count": Exercise.objects.count(),
    "published": published.count(),
    "exercise": pick(published, PREFERRED["exercise"]),
    "muscle": pick(Muscle.objects.filter(group__isnull=False), PREFERRED["muscle"]),
}))
"""


@dataclass
class Catalogue:
    """One throwaway database, grown from size to size."""

    backend: Backend
    count: int = 0
    unpublished: int = 0
    parts: dict = field(default_factory=dict)  # how the exercises got there
    imported: bool = False
    slugs: dict = field(default_factory=dict)

    def inspect(self):
        """Read the number of exercises and the slugs the pages will use."""
        script = f"PREFERRED = {PREFERRED_SLUGS!r}\n{INSPECT}"
        output = manage(self.backend.env, "shell", "-v0", "-c", script)
        for line in output.splitlines():
            if line.startswith("BENCH-INSPECT "):
                info = json.loads(line.removeprefix("BENCH-INSPECT "))
                break
        else:
            raise CommandError(f"could not read the catalogue:\n{output[-2000:]}")
        self.count = info["count"]
        self.unpublished = info["count"] - info["published"]
        self.slugs = {"exercise": info["exercise"], "muscle": info["muscle"]}

    def describe(self):
        text = " + ".join(f"{n:,} {what}" for what, n in self.parts.items() if n)
        return text + (f" ({self.unpublished} unpublished)" if self.unpublished else "")


def create_catalogue(backend):
    log("  manage.py migrate, loadcontent")
    manage(backend.env, "migrate", "--no-input", "-v0")
    manage(backend.env, "loadcontent")
    catalogue = Catalogue(backend)
    catalogue.inspect()
    catalogue.parts["fixtures"] = catalogue.count
    return catalogue


def created_count(output):
    """How many exercises an import (or its dry run) reports it creates."""
    found = re.search(r"(\d+) created", output)
    if not found:
        raise CommandError(f"could not read the import's report:\n{output[-2000:]}")
    return int(found.group(1))


def grow(catalogue, size, dataset):
    """Add exercises until the catalogue holds exactly ``size``: the data set's
    import first when all of it fits, then generated exercises."""
    if catalogue.count > size:
        raise CommandError(
            f"the catalogue already holds {catalogue.count:,} exercises, more than "
            f"{size:,} (the fixtures alone are {FIXTURE_COUNT})"
        )
    env = catalogue.backend.env
    if size > catalogue.count and not catalogue.imported:
        would = created_count(
            manage(env, "import_exercises", "--dry-run", str(dataset))
        )
        if catalogue.count + would <= size:
            log(f"  manage.py import_exercises {dataset}")
            manage(env, "import_exercises", str(dataset))
            catalogue.imported = True
            catalogue.parts[f"imported from {dataset.name}"] = would
            catalogue.count += would
        else:
            log(f"  no import: its {would} exercises would pass {size:,}")
    if size > catalogue.count:
        missing = size - catalogue.count
        log(f"  manage.py generate_exercises {missing}")
        manage(env, "generate_exercises", str(missing))
        catalogue.parts["generated"] = catalogue.parts.get("generated", 0) + missing
    catalogue.backend.after_build()
    catalogue.inspect()
    if catalogue.count != size:
        raise CommandError(f"expected {size:,} exercises, found {catalogue.count:,}")
