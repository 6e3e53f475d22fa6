"""The Analysis and Discussion tabs and the comment form in a real browser."""

import pytest
from playwright.sync_api import expect

from catalogue.models import Exercise
from discussion.models import Comment, Status
from tests.browser.conftest import (
    accessibility_problems,
    run_axe,
    save_screenshot,
)

TABS = {
    "analysis": "/exercises/analysis/",
    "analysis-filtered": "/exercises/analysis/?equipment=dumbbells&muscle=back",
    "discussion": "/exercises/discussion/",
}


@pytest.fixture
def discussed(site):
    """A few approved comments, one with the site's reply, and one waiting."""
    pull_up = Exercise.objects.get(slug="pull-up")
    question = Comment.objects.create(
        exercise=pull_up,
        name="Priya",
        body="Is a slow lowering phase worth it?\nMy grip gives out first.",
        status=Status.APPROVED,
    )
    Comment.objects.create(
        exercise=pull_up,
        parent=question,
        name="April Edwards",
        body="Yes: three seconds down builds strength where you are weakest. "
        "Chalk or straps help the grip.",
        status=Status.APPROVED,
        by_site=True,
    )
    Comment.objects.create(
        exercise=Exercise.objects.get(slug="renegade-rows"),
        name="Tom",
        body="Widening my feet stopped my hips rocking.",
        status=Status.APPROVED,
    )
    Comment.objects.create(
        exercise=pull_up,
        name="Waiting",
        body="Not approved yet.",
        status=Status.PENDING,
    )
    return site


def test_posting_a_comment_without_javascript_from_a_cached_page(
    site, browser, settings
):
    settings.DISCUSSION_MIN_SECONDS = 0
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/exercises/pull-up/")  # stored in the page cache
    page.goto(f"{site}/exercises/pull-up/")  # and served from it
    expect(page.get_by_role("heading", name="0 Comments")).to_be_visible()
    page.get_by_label("Your name").fill("Sam Reader")
    page.get_by_label("Email (optional)").fill("sam@example.com")
    page.get_by_label("Your comment").fill("Dead hangs first\nhelped my grip.")
    page.get_by_role("button", name="Preview your comment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your comment")
    expect(page.locator(".compose__preview")).to_contain_text("Dead hangs first")
    page.get_by_role("button", name="Post comment").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("waiting for approval")
    comment = Comment.objects.get()
    assert comment.status == Status.PENDING
    assert comment.body == "Dead hangs first\nhelped my grip."
    # The private link deletes it, email and all.
    page.get_by_role("button", name="Delete my comment and my email address").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your comment is deleted")
    assert not Comment.objects.exists()
    context.close()


def test_a_refusal_keeps_what_the_reader_wrote(site, browser, settings):
    settings.DISCUSSION_MIN_SECONDS = 60  # posting at once is too quick
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/articles/middle-back-workouts/")
    page.get_by_label("Your name").fill("Quick")
    page.get_by_label("Your comment").fill("Typed fast.")
    page.get_by_role("button", name="Preview your comment").click()
    page.get_by_role("button", name="Post comment").click()
    expect(page.get_by_role("alert")).to_contain_text("very quick")
    expect(page.get_by_label("Your comment")).to_have_value("Typed fast.")
    assert not Comment.objects.exists()
    context.close()


def test_the_tabs_keep_the_filters(site, page):
    page.goto(f"{site}/exercises/?equipment=dumbbells&muscle=back")
    page.get_by_role("link", name="Analysis", exact=True).click()
    assert page.url.endswith("/exercises/analysis/?equipment=dumbbells&muscle=back")
    # A number leads to exactly those exercises.
    link = page.locator("table.chart a.bar__n").first
    count = int(link.inner_text().split()[0])
    link.click()
    expect(page.get_by_role("status").first).to_contain_text(
        f"{count} exercise{'s' if count != 1 else ''}"
    )
    page.get_by_role("link", name="Discussion", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Exercises A–Z: discussion"
    )


def test_the_tabs_and_comments_have_no_accessibility_violations(
    discussed, scheme_page, axe_source
):
    page = scheme_page
    pages = {**TABS, "exercise-with-comments": "/exercises/pull-up/"}
    problems = accessibility_problems(page, axe_source, discussed, pages)
    # The confirmation page, with an error on it.
    page.goto(f"{discussed}/exercises/pull-up/")
    page.get_by_label("Your name").fill("Sam")
    page.get_by_role("button", name="Preview your comment").click()
    if violations := run_axe(page, axe_source):
        problems["compose"] = violations
    assert problems == {}


def test_the_analysis_reads_in_print(discussed, page):
    page.goto(f"{discussed}/exercises/analysis/")
    page.emulate_media(media="print")
    expect(page.locator(".tabs")).to_be_hidden()
    expect(
        page.get_by_role("heading", name="The kit for this selection")
    ).to_be_visible()
    fill = page.locator(".bar__fill").first
    assert fill.evaluate("el => getComputedStyle(el).fill") == "rgb(51, 51, 51)"


def test_no_console_or_csp_errors(discussed, page, console_errors):
    for path in TABS.values():
        page.goto(f"{discussed}{path}")
    page.goto(f"{discussed}/exercises/pull-up/")
    assert console_errors == []


def test_screenshots_of_both_tabs(discussed, sized_page, screenshots_dir):
    pages = {**TABS, "exercise-comments": "/exercises/pull-up/#comments"}
    for name, path in pages.items():
        sized_page.goto(f"{discussed}{path}")
        save_screenshot(sized_page, screenshots_dir, name)
