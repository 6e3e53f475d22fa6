from django.db import connections


class QueryCountMiddleware:
    """Report how many SQL queries a response took, in an X-Query-Count header.

    Only installed when DJANGO_QUERY_COUNT_HEADER=1 (the benchmark turns it on),
    so that query counts can be read from outside the process.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        counter = {"queries": 0}

        def count(execute, sql, params, many, context):
            counter["queries"] += 1
            return execute(sql, params, many, context)

        with connections["default"].execute_wrapper(count):
            response = self.get_response(request)
        response["X-Query-Count"] = str(counter["queries"])
        return response
