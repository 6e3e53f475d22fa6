"""Admin sign-in throttling (django-axes): refused for a while, others unaffected."""

from django.contrib.auth.models import User
from django.test import TestCase, override_settings

LOGIN = "/admin/login/?next=/admin/"


@override_settings(AXES_FAILURE_LIMIT=3)
class LoginThrottlingTests(TestCase):
    def setUp(self):
        for name in ("alice", "bob"):
            User.objects.create_user(name, password=f"{name}-right-pw", is_staff=True)

    def sign_in(self, username, password, address="10.0.0.1"):
        return self.client_for(address).post(
            LOGIN, {"username": username, "password": password}
        )

    def client_for(self, address):
        client = self.client_class(REMOTE_ADDR=address)
        return client

    def test_the_right_password_works_after_a_few_mistakes(self):
        assert self.sign_in("alice", "wrong").status_code == 200
        assert self.sign_in("alice", "wrong").status_code == 200
        response = self.sign_in("alice", "alice-right-pw")
        assert response.status_code == 302
        assert response["Location"] == "/admin/"

    def test_a_username_is_refused_after_repeated_failures_even_with_the_right_password(
        self,
    ):
        for address in ("10.0.0.1", "10.0.0.2", "10.0.0.3"):
            self.sign_in("alice", "wrong", address=address)
        response = self.sign_in("alice", "alice-right-pw", address="10.0.0.9")
        assert response.status_code == 429
        text = response.content.decode()
        assert "Too many failed sign-ins" in text
        assert "15 minutes" in text
        assert "_auth_user_id" not in self.client.session

    def test_an_address_is_refused_after_failures_across_usernames(self):
        for name in ("x", "y", "z"):
            self.sign_in(name, "wrong", address="10.6.6.6")
        assert (
            self.sign_in("bob", "bob-right-pw", address="10.6.6.6").status_code == 429
        )

    def test_everyone_else_still_signs_in(self):
        for _ in range(5):
            self.sign_in("alice", "wrong", address="10.6.6.6")
        response = self.sign_in("bob", "bob-right-pw", address="10.0.0.2")
        assert response.status_code == 302

    def test_a_locked_sign_in_is_not_even_checked(self):
        for _ in range(3):
            self.sign_in("alice", "wrong")
        # The page is the lockout, with no login form that would re-check the password.
        response = self.sign_in("alice", "alice-right-pw", address="10.0.0.7")
        assert response.status_code == 429
        assert 'name="password"' not in response.content.decode()
