"""A reader in a real browser: filters, chips, Read more, keyboard, phone widths."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import accessibility_problems, save_screenshot

PAGE_TYPES = {
    "home": "/",
    "list": "/exercises/",
    "list-filtered": "/exercises/?equipment=dumbbells&muscle=back",
    "exercise": "/exercises/pull-up/",
    "anatomy": "/anatomy/",
    "muscle": "/anatomy/latissimus-dorsi/",
    "article": "/articles/middle-back-workouts/",
    "equipment": "/equipment/",
    "not-found": "/exercises/no-such-exercise/",
}


def card_titles(page):
    return page.locator(".card__title").all_inner_texts()


def test_filtering_by_ticking_boxes_and_following_chips(site, page, console_errors):
    page.goto(f"{site}/exercises/")
    assert len(card_titles(page)) == 45
    page.locator("summary", has_text="Equipment").click()  # opens the panel
    with page.expect_navigation():
        page.get_by_label(
            re.compile(r"^\s*Trap Bar \(1\)")  # not "I own Trap Bar (1)"
        ).check()  # the list updates by itself
    assert card_titles(page) == ["Trap Bar Shrug"]
    assert "equipment=trap-bar" in page.url
    expect(page.get_by_role("status").first).to_contain_text("1 exercise")
    # The ticked box keeps the focus after the reload, for keyboard users.
    expect(page.get_by_label(re.compile(r"^\s*Trap Bar \("))).to_be_focused()

    with page.expect_navigation():
        page.get_by_label(
            re.compile(r"^\s*Chair \(1\)")
        ).check()  # within a facet: either
    assert card_titles(page) == ["Chair Inverted Row", "Trap Bar Shrug"]
    page.locator("summary", has_text="Muscles").click()
    with page.expect_navigation():
        page.get_by_label(
            re.compile(r"^\s*Shoulder \(1\)")
        ).check()  # across facets: both
    assert card_titles(page) == ["Chair Inverted Row"]

    page.get_by_role("link", name="Remove filter: Trap Bar").click()
    assert card_titles(page) == ["Chair Inverted Row"]
    page.get_by_role("link", name="Remove filter: Chair").click()
    assert set(card_titles(page)) == {
        "Cable Crossover Reverse Fly",
        "Cable Face Pull",  # tagged Shoulder too: the rear delts drive it
        "Chair Inverted Row",
        "Inverted Row",
        "Rear Delt Fly Machine",
    }
    page.get_by_role("link", name="Remove filter: Shoulder").click()
    assert len(card_titles(page)) == 45
    page.goto(f"{site}/exercises/?equipment=trap-bar&muscle=abs")
    expect(
        page.get_by_role("heading", name="Nothing matches all of these filters")
    ).to_be_visible()
    assert console_errors == []


def test_the_filters_work_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/exercises/")
    page.locator("summary", has_text="Muscles").click()
    page.get_by_label(re.compile(r"Abs \(")).check()
    page.locator("summary", has_text="Level, type and order").click()
    page.get_by_label(re.compile(r"Advanced \(")).check()
    page.get_by_role("button", name="Show exercises").click()
    assert card_titles(page) == []
    page.get_by_label(re.compile(r"Advanced \(")).uncheck()
    page.get_by_role("button", name="Show exercises").click()
    assert card_titles(page) == ["Renegade Rows"]
    page.get_by_label("Search by name or step").fill("pullups")
    page.get_by_role("button", name="Search", exact=True).click()
    assert "q=pullups" in page.url
    context.close()


def test_read_more_lands_on_step_3(site, page):
    page.goto(f"{site}/exercises/")
    page.get_by_role("link", name="Read more about Pull-Up", exact=True).click()
    assert page.url.endswith("/exercises/pull-up/#step-3")
    step = page.locator("#step-3")
    expect(step).to_be_in_viewport()
    assert step.evaluate("el => el.matches(':target')")
    expect(page.locator("ol.steps > li")).to_have_count(7)


def test_keyboard_alone(site, page):
    page.goto(f"{site}/exercises/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
    # From the skip target, Tab reaches the search box first.
    page.keyboard.press("Tab")
    expect(page.get_by_label("Search by name or step")).to_be_focused()
    page.keyboard.type("hex bar")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=hex\+bar"))
    assert card_titles(page) == ["Trap Bar Shrug"]
    # Focus is always visible: the focused control draws an outline.
    link = page.get_by_role("link", name="Trap Bar Shrug", exact=True)
    link.focus()
    assert link.evaluate("el => getComputedStyle(el).outlineStyle") != "none"
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Trap Bar Shrug")


def test_the_anatomy_figure_works_by_keyboard(site, page):
    page.goto(f"{site}/anatomy/")
    region = page.locator('a.body-figure__region[data-muscle="rhomboids"]')
    expect(region).to_have_accessible_name("Rhomboids")
    region.focus()
    expect(region).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Rhomboids")


@pytest.mark.parametrize("width", [360, 390])
def test_phone_widths_never_scroll_sideways(site, browser, width):
    context = browser.new_context(
        viewport={"width": width, "height": 800}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    for name, path in PAGE_TYPES.items():
        page.goto(f"{site}{path}")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - window.innerWidth"
        )
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {width}px"
    # The filter panel is usable with a thumb: controls are at least 24px tall.
    page.goto(f"{site}/exercises/")
    page.locator("summary", has_text="Equipment").tap()
    box = (
        page.get_by_label(re.compile(r"^\s*Dumbbells \("))
        .locator("xpath=..")
        .bounding_box()
    )
    assert box["height"] >= 40
    context.close()


def test_no_accessibility_violations_on_any_page_type(site, scheme_page, axe_source):
    assert accessibility_problems(scheme_page, axe_source, site, PAGE_TYPES) == {}


def test_pages_raise_no_console_or_csp_errors(site, page, console_errors):
    for path in PAGE_TYPES.values():
        page.goto(f"{site}{path}")
    assert [e for e in console_errors if "404" not in e] == []


def test_screenshots_of_every_page_type_are_whole_rendered_pages(
    site, sized_page, screenshots_dir
):
    """Each page type at phone and desktop width, saved to screenshots/: the image
    is the viewport's width (nothing overflows sideways), at least a screen tall,
    and rendered (its heading is on screen, and it is not one flat colour)."""
    for name, path in PAGE_TYPES.items():
        sized_page.goto(f"{site}{path}")
        expect(sized_page.locator("h1")).to_be_visible()
        _, height = save_screenshot(sized_page, screenshots_dir, name)
        assert height >= 900, name


def test_an_exercise_prints_on_one_page(site, page):
    for slug in (
        "renegade-rows",
        "lat-pulldown",
        "rack-pulls",
        "close-grip-lat-pulldown",
    ):
        page.goto(f"{site}/exercises/{slug}/")
        pdf = page.pdf(format="A4")
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1, slug
    page.emulate_media(media="print")
    expect(page.locator(".prev-next")).to_be_hidden()
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator("#step-1")).to_be_visible()
