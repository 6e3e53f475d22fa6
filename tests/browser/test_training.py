"""Issue 15's pages in a real browser: what I own, alternatives, comparison, routine."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import accessibility_problems, save_screenshot

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "list-have": "/exercises/?have=dumbbells&have=flat-bench-without-rack&pattern=horizontal-pull",
    "exercise-have": "/exercises/pull-up/?have=pull-up-bar",
    "compare": "/exercises/compare/?e=pull-up&e=lat-pulldown&e=inverted-row",
    "compare-notice": "/exercises/compare/?e=pull-up&e=pull-up&e=nope",
    "routine": "/routine/?days=3&minutes=30&level=intermediate&have=dumbbells&have=pull-up-bar&have=single-pulley-tower&have=fly-machine",
    "routine-short": "/routine/?days=2&minutes=20&level=beginner&have=bodyweight",
}


def test_no_accessibility_violations(site, scheme_page, axe_source):
    assert accessibility_problems(scheme_page, axe_source, site, PAGE_TYPES) == {}


def test_screenshots_at_phone_and_desktop_width(site, sized_page, screenshots_dir):
    for name, path in PAGE_TYPES.items():
        sized_page.goto(f"{site}{path}")
        expect(sized_page.locator("h1")).to_be_visible()
        save_screenshot(sized_page, screenshots_dir, name)


def test_no_console_or_csp_errors(site, page, console_errors):
    for path in PAGE_TYPES.values():
        page.goto(f"{site}{path}")
    assert console_errors == []


def test_compare_and_no_equipment_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/exercises/")
    page.get_by_role(
        "link", name="No equipment? Show body-weight exercises only"
    ).click()
    assert "have=bodyweight" in page.url
    expect(page.get_by_role("link", name="Superman", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Pull-Up", exact=True)).to_have_count(0)
    page.goto(f"{site}/exercises/?muscle=upper-trapezius")
    page.get_by_label("Compare Dumbbell Shrug").check()
    page.get_by_label("Compare Barbell Shrug").check()
    page.get_by_role("button", name="Compare ticked exercises").first.click()
    assert "/exercises/compare/?e=" in page.url
    headers = page.locator("thead th")
    expect(headers).to_have_text(["Barbell Shrug", "Dumbbell Shrug"])
    context.close()


def test_the_routine_builds_without_javascript_and_prints_a_page_per_session(
    site, browser
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/routine/")
    page.get_by_label("3 days a week").check()
    page.get_by_label("45 minutes").check()
    page.get_by_label("Intermediate").check()
    for item in ("Dumbbells", "Pull Up Bar", "Single Pulley Tower", "Fly Machine"):
        page.get_by_label(item, exact=True).check()
    page.get_by_role("button", name="Build my routine").click()
    assert re.search(r"days=3.*minutes=45.*level=intermediate", page.url)
    expect(page.locator(".session")).to_have_count(3)
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 3
    context.close()
