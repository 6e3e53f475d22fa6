"""The data-quality report: every content app's checks, then those spanning them."""

from core import quality
from core.content import content_submodules


def report():
    checks = []
    for module in content_submodules("quality"):
        checks.extend(module.checks())
    return [*checks, *quality.checks()]
