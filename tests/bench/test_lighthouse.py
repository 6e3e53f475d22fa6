"""The pure parts of the Lighthouse audit (bench/lighthouse/): options, finding
Chrome, reading a report."""

import pytest

from bench.lighthouse.main import PAGES, parse_args
from bench.lighthouse.reading import failing, item_label, percent
from bench.lighthouse.runner import find_chrome, lighthouse_command


def test_parse_args_defaults_to_every_page_type_on_mobile():
    args = parse_args([])
    assert args.pages == list(PAGES)
    assert (args.preset, args.url) == ("mobile", None)


def test_parse_args_trims_the_url_and_refuses_unknown_pages(capsys):
    assert parse_args(["--url", "http://127.0.0.1:8000/"]).url == (
        "http://127.0.0.1:8000"
    )
    with pytest.raises(SystemExit):
        parse_args(["--pages", "home,nope"])
    assert "unknown page type(s) nope" in capsys.readouterr().err


def test_find_chrome_prefers_chrome_path():
    assert find_chrome({"CHROME_PATH": "/opt/chrome/chrome"}) == "/opt/chrome/chrome"


def test_lighthouse_command_ignores_the_status_only_when_asked():
    cmd = lighthouse_command("http://x/", "r.json", "desktop", ignore_status=True)
    assert "--preset=desktop" in cmd and "--ignore-status-code" in cmd
    cmd = lighthouse_command("http://x/", "r.json", "mobile", ignore_status=False)
    assert "--preset=desktop" not in cmd and "--ignore-status-code" not in cmd


def test_percent_rounds_as_lighthouse_does():
    assert [percent(s) for s in (None, 0.995, 0.994, 1)] == [None, 100, 99, 100]


def test_item_label_names_a_node_without_the_base_url():
    item = {"node": {"snippet": '<a href="http://site/x">\n  go</a>'}}
    assert item_label(item, "http://site") == '<a href="/x"> go</a>'


def test_failing_leaves_out_hidden_audits_and_full_scores():
    report = {
        "categories": {
            "seo": {
                "auditRefs": [
                    {"id": "ok", "weight": 1},
                    {"id": "bad", "weight": 2},
                    {"id": "hid", "weight": 0, "group": "hidden"},
                ]
            }
        },
        "audits": {
            "ok": {"id": "ok", "title": "Fine", "score": 1},
            "bad": {"id": "bad", "title": "Broken", "score": 0, "displayValue": "2"},
            "hid": {"id": "hid", "title": "Hidden", "score": 0},
        },
    }
    found = failing(report, "seo", "http://site")
    assert [(a["id"], a["weight"], a["displayValue"]) for a in found] == [
        ("bad", 2, "2")
    ]
