"""``manage.py media_backup dump|load DIR``: copy every file of the media storage (S3 bucket or
MEDIA_ROOT, whichever is configured) to a local folder, or back. Used by scripts/backup.sh and
scripts/restore.sh; works through Django's storage API, so it needs no cloud CLI."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.core.management.base import BaseCommand, CommandError


def walk(storage: Storage, folder: str = "") -> Iterator[str]:
    directories, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for directory in directories:
        yield from walk(storage, f"{folder}/{directory}" if folder else directory)


class Command(BaseCommand):
    help = (
        "Copy all media files from storage to a folder (dump) or from a folder to storage (load)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["dump", "load"])
        parser.add_argument("folder", type=Path)

    def handle(self, *args, action: str, folder: Path, **options):
        count = self.dump(folder) if action == "dump" else self.load(folder)
        self.stdout.write(f"{action}: {count} files")

    def dump(self, folder: Path) -> int:
        count = 0
        try:
            names = list(walk(default_storage))
        except FileNotFoundError:
            names = []  # local storage that never received a file
        for name in names:
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with default_storage.open(name, "rb") as source, target.open("wb") as out:
                for chunk in iter(lambda: source.read(1 << 20), b""):
                    out.write(chunk)
            count += 1
        return count

    def load(self, folder: Path) -> int:
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder of media files")
        count = 0
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = path.relative_to(folder).as_posix()
            # Same name, same bytes: the database refers to files by name.
            if default_storage.exists(name):
                default_storage.delete(name)
            with path.open("rb") as handle:
                saved = default_storage.save(name, File(handle))
            if saved != name:
                raise CommandError(f"storage renamed {name} to {saved}; restore stopped")
            count += 1
        return count
