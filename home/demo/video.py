"""The demo video: a generated 10-second clip (ffmpeg test pattern and tone) with captions in
English, French and Arabic, placed in Zahra's story. It goes through the real pipeline: probed,
stored, queued for the worker (``make demo`` starts it), transcoded to HLS + MP4."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from django.core.files import File
from django.db import transaction
from wagtail.models import Locale

from media_pipeline.forms import VideoForm
from media_pipeline.models import CaptionTrack, Video
from media_pipeline.probe import validate_video_file

ZAHRA_SLUG = "zahra-draws-again-raqqa"
TITLE = "Zahra’s classroom in Raqqa (demo clip)"
CLIP_SECONDS = 10
CLIP_SIZE = "960x540"

CUES = [
    (0.5, 3.5, "Zahra’s classroom reopened after the liberation of Raqqa."),
    (3.8, 6.8, "Drawing lets her say what words cannot."),
    (7.0, 9.8, "Her teacher says: “Every child deserves a school.”"),
]
CUE_TRANSLATIONS = {
    "fr": {
        CUES[0][2]: "La classe de Zahra a rouvert après la libération de Raqqa.",
        CUES[1][2]: "Le dessin lui permet de dire ce que les mots ne peuvent pas dire.",
        CUES[2][2]: "Son enseignante le dit : « Chaque enfant mérite une école. »",
    },
    "ar": {
        CUES[0][2]: "أُعيد فتح صف زهراء بعد تحرير الرقة.",
        CUES[1][2]: "الرسم يتيح لها أن تقول ما لا تستطيع الكلمات قوله.",
        CUES[2][2]: "تقول معلمتها: «كل طفل يستحق مدرسة».",
    },
}
BLOCK_CAPTION = "Zahra back at school: a short film (demo clip)."
LOOP_DESCRIPTION = "A moving test pattern standing in for a loop of the classroom (demo clip)."
LOOP_OVERLAY = "Every child deserves a school."


def generate_clip(path: Path) -> Path:
    command = [
        "ffmpeg", "-v", "error", "-y",
        "-f", "lavfi", "-i", f"testsrc2=size={CLIP_SIZE}:rate=25",
        "-f", "lavfi", "-i", "sine=frequency=330:sample_rate=48000",
        "-t", str(CLIP_SECONDS),
        "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac",
        "-movflags", "+faststart", str(path),
    ]  # fmt: skip
    subprocess.run(command, check=True)  # noqa: S603
    return path


def demo_video() -> Video:
    """The demo video, uploaded through the same validation as the admin on first use."""
    video = Video.objects.filter(title=TITLE).first()
    if video is not None:
        return video
    with tempfile.TemporaryDirectory() as folder:
        clip = generate_clip(Path(folder) / "zahra-classroom.mp4")
        probe = validate_video_file(clip, clip.name, clip.stat().st_size)
        video = Video(title=TITLE)
        VideoForm.apply_probe(video, probe, clip.stat().st_size)
        with clip.open("rb") as handle:
            video.source.save(clip.name, File(handle), save=False)
        video.save()
    video.request_transcode()
    return video


def demo_captions(video: Video, translate) -> None:
    """English source track, translated into French and Arabic through wagtail-localize."""
    source_locale = Locale.get_default()
    track = CaptionTrack.objects.filter(video=video, locale=source_locale).first() or CaptionTrack(
        video=video, locale=source_locale
    )
    track.cues = [("cue", {"start": s, "end": e, "text": text}) for s, e, text in CUES]
    track.save()
    for code, catalogue in CUE_TRANSLATIONS.items():
        translate(track, Locale.objects.get(language_code=code), catalogue)


@transaction.atomic
def add_demo_video(stories, translate, catalogues: dict[str, dict[str, str]]) -> Video:
    """Put the demo video at the top of Zahra's story (once) and give it captions.

    ``translate`` is the demo builder's wagtail-localize helper; ``catalogues`` its page
    translations, which learn the block caption here."""
    video = demo_video()
    demo_captions(video, translate)
    for code, catalogue in catalogues.items():
        if code in CUE_TRANSLATIONS:
            catalogue.setdefault(BLOCK_CAPTION, _BLOCK_CAPTION_TRANSLATIONS[code])
            catalogue.setdefault(LOOP_DESCRIPTION, _LOOP_TRANSLATIONS[code][0])
            catalogue.setdefault(LOOP_OVERLAY, _LOOP_TRANSLATIONS[code][1])
    zahra = next(story for story in stories if story.slug == ZAHRA_SLUG)
    blocks = [(child.block_type, child.value) for child in zahra.body]
    if not any(block_type == "video" for block_type, _value in blocks):
        video_block = zahra.body.stream_block.child_blocks["video"].to_python(
            {"video": video.pk, "caption": BLOCK_CAPTION}
        )
        blocks.insert(1, ("video", video_block))
        zahra.body = blocks
        zahra.save_revision().publish()
    if not any(block_type == "background_video" for block_type, _value in blocks):
        # A muted loop before the closing paragraph, so the demo shows the background video
        # block and its pause button.
        loop = zahra.body.stream_block.child_blocks["background_video"].to_python(
            {
                "video": video.pk,
                "description": LOOP_DESCRIPTION,
                "overlay_text": LOOP_OVERLAY,
                "caption": "",
            }
        )
        blocks.insert(len(blocks) - 2, ("background_video", loop))
        zahra.body = blocks
        zahra.save_revision().publish()
    return video


_BLOCK_CAPTION_TRANSLATIONS = {
    "fr": "Zahra de retour à l’école : un court film (extrait de démonstration).",
    "ar": "زهراء تعود إلى المدرسة: فيلم قصير (مقطع تجريبي).",
}
_LOOP_TRANSLATIONS = {
    "fr": (
        "Une mire animée, à la place d’une boucle filmée en classe (extrait de démonstration).",
        "Chaque enfant mérite une école.",
    ),
    "ar": (
        "نمط اختبار متحرك بدلاً من لقطة متكررة من الصف (مقطع تجريبي).",
        "كل طفل يستحق مدرسة.",
    ),
}
