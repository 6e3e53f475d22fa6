"""An editor in a real browser: edit, upload, draft, and see it on the public site."""

import re

from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from tests.factories import image_file


def log_in(page, site, username="edith", password="a-long-editor-password"):
    page.goto(f"{site}/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()


def make_editor():
    editor = User.objects.create_user(
        "edith", password="a-long-editor-password", is_staff=True
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    return editor


def test_an_editor_edits_an_exercise_and_readers_see_it(site, page, browser, tmp_path):
    make_editor()
    log_in(page, site)
    page.goto(f"{site}/admin/catalogue/exercise/?q=Inverted+Row")
    page.get_by_role("link", name="Inverted Row", exact=True).click()

    # A step, reworded.
    step = page.locator('textarea[name="steps-2-text"]')
    step.fill("Pull your chest to the bar, squeezing your shoulder blades together.")
    # Equipment, through the autocomplete.
    page.locator(".field-equipment .select2-selection").click()
    page.locator(".field-equipment .select2-search__field").fill("Chair")
    page.locator(".select2-results__option", has_text="Chair").click()
    # An image, with its alt text, credit and licence.
    photo = tmp_path / "inverted-row.jpg"
    photo.write_bytes(image_file(size=(1200, 800)).read())
    page.locator("summary", has_text="Image").click()
    page.locator("#id_image").set_input_files(str(photo))
    page.get_by_label("Alt text:").fill("A man doing an inverted row under a bar.")
    page.get_by_label("Credit:").fill("Photo: Backbone")
    page.get_by_label("Licence:").fill("CC BY 4.0")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    reader = browser.new_context().new_page()
    reader.goto(f"{site}/exercises/inverted-row/")
    expect(reader.locator("#step-3")).to_contain_text(
        "squeezing your shoulder blades together"
    )
    expect(reader.locator(".fact-grid")).to_contain_text("Chair")
    image = reader.locator(".image-figure__img")
    expect(image).to_have_attribute("alt", "A man doing an inverted row under a bar.")
    assert re.search(r"\.webp 320w", image.get_attribute("srcset"))
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    expect(reader.locator(".image-figure__caption")).to_contain_text(
        "Photo: Backbone, CC BY 4.0"
    )
    reader.context.close()


def test_a_draft_is_invisible_to_readers(site, page, browser):
    make_editor()
    log_in(page, site)
    page.goto(f"{site}/admin/catalogue/exercise/add/")
    page.get_by_label("Name:").fill("Prone Y Raise")
    page.get_by_label("Status:").select_option("draft")
    page.locator('textarea[name="steps-0-text"]').fill(
        "Lie face down on an incline bench."
    )
    page.locator('input[name="steps-0-number"]').fill("1")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    # The editor previews it; a reader gets the designed 404 and no trace of it.
    page.goto(f"{site}/exercises/prone-y-raise/")
    expect(page.get_by_role("note")).to_contain_text("only editors can see it")
    reader = browser.new_context().new_page()
    response = reader.goto(f"{site}/exercises/prone-y-raise/")
    assert response.status == 404
    reader.goto(f"{site}/exercises/?q=prone")
    expect(reader.locator(".card__title").first).to_be_visible()
    assert "Prone Y Raise" not in reader.locator(".card__title").all_inner_texts()
    reader.context.close()


def test_an_editor_cannot_open_user_management(site, page):
    make_editor()
    log_in(page, site)
    response = page.goto(f"{site}/admin/auth/user/")
    assert response.status == 403


def test_an_editor_reorders_steps_with_the_move_buttons(site, page):
    make_editor()
    log_in(page, site)
    page.goto(f"{site}/admin/catalogue/exercise/?q=Barbell+Shrug")
    page.get_by_role("link", name="Barbell Shrug", exact=True).click()
    first_two = [
        page.locator(f'textarea[name="steps-{i}-text"]').input_value() for i in (0, 1)
    ]
    page.locator("#steps-0").get_by_role("button", name="Move down").click()
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    page.goto(f"{site}/exercises/barbell-shrug/")
    expect(page.locator("#step-1")).to_contain_text(first_two[1][:40])
    expect(page.locator("#step-2")).to_contain_text(first_two[0][:40])
