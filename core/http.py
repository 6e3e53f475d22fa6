"""HTTP helpers for the open-data responses."""

from functools import wraps


def allow_cross_origin(view):
    """Any site may read these responses from a browser (GET and HEAD only;
    they carry no credentials and nothing private)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapped
