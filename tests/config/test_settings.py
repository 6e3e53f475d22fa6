"""What config.settings makes of DATABASE_URL."""

from config.settings import database_from_url


def test_postgres_urls_use_the_backend_with_the_socket_health_check():
    database = database_from_url("postgres://postgres@127.0.0.1:5432/shop")
    assert database["ENGINE"] == "core.postgresql"
    assert database["NAME"] == "shop"
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["CONN_MAX_AGE"] == 60
    assert "jit=off" in database["OPTIONS"]["options"]


def test_sqlite_urls_keep_django_s_backend():
    database = database_from_url("sqlite:///catalogue.sqlite3")
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert "OPTIONS" not in database or "options" not in database["OPTIONS"]
