import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()

# Before gunicorn forks its workers (preload_app): see core.jinja.
from core.jinja import compile_site_templates  # noqa: E402 (needs Django set up)

compile_site_templates()
