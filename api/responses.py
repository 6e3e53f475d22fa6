"""JSON responses of the API: every one states the licence of what it holds."""

from django.http import JsonResponse

from catalogue import licence


def api_response(data, status=200):
    return JsonResponse(
        {"licence": licence.statement(), **data},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )


def api_error(status, message, errors=None):
    """An error as JSON (never the HTML error pages): what was wrong, by parameter."""
    body = {"error": {"status": status, "message": message}}
    if errors:
        body["error"]["parameters"] = errors
    return api_response(body, status=status)
