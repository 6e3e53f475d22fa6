"""Writing the audit's results: scores.md (also printed) and scores.json."""

import json

from bench.lighthouse.reading import CATEGORIES, METRICS

ITEMS_SHOWN = 4  # offending elements or URLs listed per failing audit


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def code(text):
    return f"`{text}`" if "`" not in text else f"``{text}``"


def scores_table(results):
    head = ["Page", "URL", *CATEGORIES.values(), *METRICS.values()]
    lines = [
        "| " + " | ".join(head) + " |",
        "|" + "---|" * 2 + "--:|" * len(CATEGORIES) + "--:|" * len(METRICS),
    ]
    for result in results:
        scores = result["scores"] or {}
        metrics = result["metrics"] or {}
        row = [result["page"], code(result["path"])]
        row += ["failed" if not scores else str(scores[key]) for key in CATEGORIES]
        row += [cell(metrics.get(label) or "") for label in METRICS.values()]
        lines.append("| " + " | ".join(row) + " |")
    return lines


def score_text(score):
    return "error" if score is None else f"{score:g}"


def where_notes(audits):
    """Up to ITEMS_SHOWN offending elements or resources per audit, with the
    pages each is on when the audit covers several pages."""
    notes = []
    for audit in audits:
        if audit["items"]:
            notes.append(f"- {code(audit['id'])}:")
            for item in audit["items"][:ITEMS_SHOWN]:
                pages = audit.get("item_pages", {}).get(item)
                on = f" ({', '.join(pages)})" if pages else ""
                notes.append(f"    - {code(item)}{on}")
            if len(audit["items"]) > ITEMS_SHOWN:
                notes.append(f"    - and {len(audit['items']) - ITEMS_SHOWN} more")
    return ["", "Where:", "", *notes] if notes else []


def failing_section(result):
    title = f"### {result['page']} ({code(result['path'])}, HTTP {result['status']})"
    if result["scores"] is None:
        return [title, "", "Not audited:", "", "```", *result["errors"], "```", ""]
    if not result["failing"]:
        return []
    lines = [
        title,
        "",
        "| Category | Audit id | Title | Score | Weight | Value |",
        "|---|---|---|--:|--:|---|",
    ]
    for audit in result["failing"]:
        lines.append(
            f"| {audit['category']} | {code(audit['id'])} | {cell(audit['title'])} "
            f"| {score_text(audit['score'])} | {audit['weight']} "
            f"| {cell(audit['displayValue'] or '')} |"
        )
    lines += where_notes(result["failing"])
    if result["status"] >= 400:
        lines += [
            "",
            f"Expected: this page answers {result['status']} on purpose, so audits "
            "about that status (`http-status-code`, the document's console error) "
            "fail here.",
        ]
    for warning in result.get("warnings") or []:
        lines += ["", f"Lighthouse warning: {cell(warning)}"]
    return lines + [""]


def diagnostics_section(results):
    """Each unweighted performance audit that fails, with the pages it fails on."""
    by_id = {}
    for result in results:
        for audit in result["diagnostics"]:
            entry = by_id.setdefault(
                audit["id"], {**audit, "pages": [], "item_pages": {}}
            )
            value = f" ({audit['displayValue']})" if audit["displayValue"] else ""
            entry["pages"].append(f"{result['page']}{value}")
            for item in audit["items"]:
                entry["item_pages"].setdefault(item, []).append(result["page"])
    if not by_id:
        return []
    for entry in by_id.values():
        entry["items"] = list(entry["item_pages"])
        if len(entry["pages"]) == 1:
            entry["item_pages"] = {}
    lines = [
        "## Performance diagnostics",
        "",
        "Performance audits with no weight in the score (Lighthouse's opportunities",
        "and diagnostics) that do not pass, on any page, whatever its score.",
        "",
        "| Audit id | Title | Pages (value) |",
        "|---|---|---|",
    ]
    for audit in by_id.values():
        lines.append(
            f"| {code(audit['id'])} | {cell(audit['title'])} "
            f"| {cell(', '.join(audit['pages']))} |"
        )
    return lines + where_notes(by_id.values()) + [""]


def markdown(results, meta):
    lines = [
        f"# Lighthouse scores ({meta['preset']})",
        "",
        f"{meta['date']}, Lighthouse {meta['lighthouse']}, {meta['target']}.",
        "Scores 0-100; metrics as Lighthouse measured them under its throttling.",
        "",
        *scores_table(results),
        "",
        "## Failing audits",
        "",
    ]
    sections = [line for result in results for line in failing_section(result)]
    if sections:
        lines += [
            "Every audit below a full score in each category that scored below",
            "100 (weight: its share of the category score; 0: not scored).",
            "",
            *sections,
        ]
    else:
        lines += ["None: every category scored 100.", ""]
    return "\n".join(lines + diagnostics_section(results))


def write_results(out, results, meta):
    text = markdown(results, meta)
    (out / "scores.md").write_text(text)
    (out / "scores.json").write_text(
        json.dumps({**meta, "pages": results}, indent=2) + "\n"
    )
    print(text)
