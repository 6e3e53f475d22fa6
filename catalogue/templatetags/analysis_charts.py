"""The analysis's bars: each number of the analysis, linked, with its bar.

Written here rather than as an included partial: the analysis shows about 150
of them (each muscle twice, each item of equipment, each step of the kit
twice), and an include apiece was most of the page's render time
(bench/profile_pages.py). The markup is the same as the partial's was.
"""

from html import escape

from django.utils.safestring import mark_safe

from core.jinja import helper

CHART = (
    '<svg class="bar__chart{}" viewBox="0 0 100 10" preserveAspectRatio="none" '
    'aria-hidden="true" focusable="false"><rect class="bar__track" width="100" '
    'height="10"/><rect class="bar__fill" width="{}" height="10"/></svg>'
)


@helper
def bar(figure, kind=""):
    """One ``Figure`` (``catalogue.analysis``): the count, a link to exactly
    those exercises, and its bar (a picture of the number, hidden from screen
    readers, which read the number). ``kind`` picks the bar's colour."""
    count = int(figure.count)
    if count:
        plural = "" if count == 1 else "s"
        number = (
            f'<a class="bar__n" href="{escape(str(figure.url))}">{count}'
            f'<span class="visually-hidden"> exercise{plural}</span></a>'
        )
    else:
        number = '<span class="bar__n">0</span>'
    modifier = f" bar__chart--{escape(kind)}" if kind else ""
    chart = CHART.format(modifier, int(figure.percent))
    return mark_safe(f'<span class="bar">{number}{chart}</span>')
