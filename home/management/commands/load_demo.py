"""``manage.py load_demo``: build the demo site (home, campaigns, seed stories in English, French
and Arabic, generated images). Idempotent: running it again updates, never duplicates."""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from wagtail.users.models import UserProfile

from home.demo.build import load_demo
from translation.translators import ensure_translator_user


class Command(BaseCommand):
    help = "Build or refresh the demo content (three languages, generated images)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin",
            action="store_true",
            help="Also create the demo superuser (DEMO_ADMIN_USER / DEMO_ADMIN_PASSWORD, "
            "default admin / storysite-demo) and the demo translators translator-fr and "
            "translator-ar (same password) if they do not exist yet.",
        )

    def handle(self, *args, **options):
        counts = load_demo()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready: {counts['stories']} stories in {counts['languages']} languages, "
                f"{counts['pages']} live pages."
            )
        )
        if options["admin"]:
            self._ensure_admin()
            self._ensure_translators()

    def _ensure_admin(self):
        username = os.environ.get("DEMO_ADMIN_USER", "admin")
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "storysite-demo")
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Admin user “{username}” already exists; password left unchanged.")
            return
        User.objects.create_superuser(
            username=username, email="admin@example.com", password=password
        )
        self.stdout.write(self.style.SUCCESS(f"Created admin user “{username}”."))

    def _ensure_translators(self):
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "storysite-demo")
        for code in ("fr", "ar"):
            user, created = ensure_translator_user(code, f"translator-{code}", password)
            if created:
                # Demo translators see the admin in the language they translate into.
                profile = UserProfile.get_for_user(user)
                profile.preferred_language = code
                profile.save(update_fields=["preferred_language"])
            state = "Created" if created else "Kept"
            self.stdout.write(f"{state} translator “{user.username}” ({user.get_full_name()}).")
