"""``manage.py setup_translators``: create or refresh the translator groups (one per translated
language) and their permissions on a production site, where ``load_demo`` is never run. Run it
again after the French or Arabic home page is created or replaced."""

from django.core.management.base import BaseCommand

from translation.translators import ensure_translator_groups


class Command(BaseCommand):
    help = "Create or refresh the translator groups: each edits only its own language."

    def handle(self, *args, **options):
        for code, group in ensure_translator_groups().items():
            pages = group.page_permissions.count()
            self.stdout.write(f"{group.name} ({code}): {pages} page permissions.")
