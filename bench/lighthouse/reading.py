"""Reading a Lighthouse report: the scores, the metrics and what fails."""

import math

CATEGORIES = {
    "performance": "Performance",
    "accessibility": "Accessibility",
    "best-practices": "Best practices",
    "seo": "SEO",
}
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
}


def percent(score):
    """Lighthouse's own rounding of a 0-1 score to 0-100."""
    return None if score is None else math.floor(score * 100 + 0.5)


def item_label(item, base_url):
    """A short name for one offending element, resource or console message."""
    if not isinstance(item, dict):
        return None
    if item.get("items"):  # a nested table: name its first item
        labels = [item_label(sub, base_url) for sub in item["items"]]
        return next((label for label in labels if label), None)
    node = item.get("node")
    if isinstance(node, dict):
        text = node.get("snippet") or node.get("selector") or node.get("nodeLabel")
    else:
        keys = ("reason", "description", "url", "label", "name", "statistic")
        text = next((item[k] for k in keys if isinstance(item.get(k), str)), None)
    if not text and isinstance(item.get("source"), dict):
        text = item["source"].get("url")
    location = item.get("sourceLocation")  # console messages: which resource
    if text and isinstance(location, dict) and location.get("url"):
        text = f"{text} ({location['url']})"
    return " ".join(text.replace(base_url, "").split())[:160] if text else None


def audit_items(audit, base_url):
    labels = []
    for item in (audit.get("details") or {}).get("items") or []:
        label = item_label(item, base_url)
        if label and label not in labels:
            labels.append(label)
    return labels


def failing(report, category_key, base_url):
    """The audits of a category below a full score (or that errored).

    Like Lighthouse's own report, it leaves out the "hidden" group (in 12.x the
    performance insights, which repeat the classic audits, and max-potential-fid).
    """
    found = []
    for ref in report["categories"][category_key]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        errored = audit.get("scoreDisplayMode") == "error"
        below_full = audit.get("score") is not None and audit["score"] < 1
        if ref.get("group") == "hidden" or not (errored or below_full):
            continue
        found.append(
            {
                "category": CATEGORIES[category_key],
                "id": audit["id"],
                "title": audit["title"],
                "score": audit.get("score"),
                "weight": ref.get("weight", 0),
                "displayValue": (
                    audit.get("errorMessage") if errored else audit.get("displayValue")
                ),
                "items": audit_items(audit, base_url),
            }
        )
    return found


def failing_audits(report, base_url):
    """Failing audits in each category that scored below 100."""
    return [
        audit
        for key in CATEGORIES
        if percent(report["categories"][key]["score"]) < 100
        for audit in failing(report, key, base_url)
    ]


def diagnostics(report, base_url):
    """Unweighted performance audits that fail, whatever the score."""
    return [
        audit
        for audit in failing(report, "performance", base_url)
        if not audit["weight"]
    ]


def page_result(name, path, status, report, errors, base_url):
    result = {"page": name, "path": path, "status": status, "errors": errors}
    if report is None:
        return {
            **result,
            "scores": None,
            "metrics": None,
            "failing": [],
            "diagnostics": [],
        }
    return {
        **result,
        "lighthouseVersion": report["lighthouseVersion"],
        "scores": {
            key: percent(report["categories"][key]["score"]) for key in CATEGORIES
        },
        "metrics": {
            label: report["audits"][key].get("displayValue")
            for key, label in METRICS.items()
            if key in report["audits"]
        },
        "warnings": report.get("runWarnings", []),
        "failing": failing_audits(report, base_url),
        "diagnostics": diagnostics(report, base_url),
    }
