"""Reading and posting the comment forms as a browser without JavaScript would."""

from html.parser import HTMLParser


class Forms(HTMLParser):
    """Every form of a page: its action and the values it would submit."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.forms, self._textarea = [], None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action"), "fields": {}})
        elif tag == "input" and self.forms and attrs.get("name"):
            self.forms[-1]["fields"][attrs["name"]] = attrs.get("value") or ""
        elif tag == "textarea" and self.forms:
            self._textarea = attrs["name"]
            self.forms[-1]["fields"][self._textarea] = ""

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            fields = self.forms[-1]["fields"]
            fields[self._textarea] += data.removeprefix("\n")

    def posting_to(self, action):
        return next(form for form in self.forms if form["action"] == action)


def comment_form(response, action="/comments/preview/"):
    return Forms(response.content.decode()).posting_to(action)["fields"]


def fill(fields, **values):
    return {**fields, **values}
