"""The demo recording: a generated 6-second tone standing in for a testimony, with a
transcript, placed in Zahra's story. It goes through the real pipeline: probed, stored, queued
for the video worker, encoded to AAC and Opus."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from django.core.files import File
from django.db import transaction

from media_pipeline.audio import validate_audio_file
from media_pipeline.models import Audio

from .video import ZAHRA_SLUG

TITLE = "Zahra’s teacher speaks (demo recording)"
CAPTION = "Her teacher, Raqqa (demo recording: a tone stands in for her voice)."
TRANSCRIPT = "Every child deserves a school. Zahra comes every morning, before anyone else."
TRANSLATIONS = {
    "fr": {
        CAPTION: (
            "Son enseignante, Raqqa (enregistrement de démonstration : un son remplace sa voix)."
        ),
        TRANSCRIPT: (
            "Chaque enfant mérite une école. Zahra arrive chaque matin, avant tout le monde."
        ),
    },
    "ar": {
        CAPTION: "معلمتها، الرقة (تسجيل تجريبي: نغمة بدلاً من صوتها).",
        TRANSCRIPT: "كل طفل يستحق مدرسة. تأتي زهراء كل صباح قبل الجميع.",
    },
}


def generate_tone(path: Path) -> Path:
    command = [
        "ffmpeg", "-v", "error", "-y",
        "-f", "lavfi", "-i", "sine=frequency=220:sample_rate=48000",
        "-t", "6", "-c:a", "aac", "-b:a", "96k", str(path),
    ]  # fmt: skip
    subprocess.run(command, check=True)  # noqa: S603
    return path


def demo_audio() -> Audio:
    """The demo recording, checked by the same validation as the admin on first use."""
    audio = Audio.objects.filter(title=TITLE).first()
    if audio is not None:
        return audio
    with tempfile.TemporaryDirectory() as folder:
        tone = generate_tone(Path(folder) / "teacher.m4a")
        size = tone.stat().st_size
        probe = validate_audio_file(tone, tone.name, size)
        audio = Audio(
            title=TITLE, source_size=size, duration=probe.duration, audio_codec=probe.codec
        )
        with tone.open("rb") as handle:
            audio.source.save(tone.name, File(handle), save=False)
        audio.save()
    audio.request_transcode()
    return audio


@transaction.atomic
def add_demo_audio(stories, catalogues: dict[str, dict[str, str]]) -> Audio:
    """Put the demo recording after the video in Zahra's story (once)."""
    audio = demo_audio()
    for code, catalogue in catalogues.items():
        for source, translated in TRANSLATIONS.get(code, {}).items():
            catalogue.setdefault(source, translated)
    zahra = next(story for story in stories if story.slug == ZAHRA_SLUG)
    blocks = [(child.block_type, child.value) for child in zahra.body]
    if not any(block_type == "audio" for block_type, _value in blocks):
        block = zahra.body.stream_block.child_blocks["audio"].to_python(
            {"audio": audio.pk, "caption": CAPTION, "transcript": TRANSCRIPT}
        )
        blocks.insert(min(3, len(blocks)), ("audio", block))
        zahra.body = blocks
        zahra.save_revision().publish()
    return audio
