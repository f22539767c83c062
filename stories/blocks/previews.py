"""Sample values for the block picker's previews (Wagtail's ``preview_value``).

Blocks that need an image, a document or a story preview with whatever the site has first, so
editors see the block as readers will; on an empty site they render their empty state. These run
only in the admin's block preview view, never for visitors.
"""

from __future__ import annotations


# Objects, not ids: a StructBlock's preview value is not passed through its children's to_python.
def _first(model, **filters):
    return model.objects.filter(**filters).order_by("pk").first()


def image(position: int = 0):
    from wagtail.images import get_image_model

    images = list(get_image_model().objects.order_by("pk")[: position + 1])
    return images[position] if len(images) > position else (images[0] if images else None)


def first_document():
    from wagtail.documents import get_document_model

    return _first(get_document_model())


def first_story():
    from stories.models import StoryPage

    return _first(StoryPage, live=True)


def image_with_caption():
    return {
        "image": image(0),
        "alt_text": "Pupils at their desks in a rebuilt classroom",
        "caption": "The first lessons in the rebuilt school.",
        "credit": "Coalition media",
    }


def gallery():
    return {
        "title": "Reopening day",
        "images": [
            {"image": image(i), "alt_text": f"Photo {i + 1} of the reopening", "caption": ""}
            for i in range(3)
        ],
    }


def before_after():
    return {
        "before_image": image(1),
        "before_alt_text": "The market in ruins",
        "before_label": "2017",
        "after_image": image(0),
        "after_alt_text": "The market rebuilt",
        "after_label": "2021",
        "caption": "The blacksmith market, 2017 and 2021.",
    }


def static_map():
    return {
        "image": image(0),
        "alt_text": "A map of northern Iraq with Dohuk marked",
        "place": "Dohuk, Iraq",
        "latitude": "36.86709",
        "longitude": "42.98845",
        "caption": "",
    }


def scrollytelling():
    return {
        "title": "A school year",
        "steps": [
            {
                "media": [
                    ("image", {"image": image(1), "alt_text": "The school in ruins"}),
                ],
                "zoom": "1",
                "focus_x": 50,
                "focus_y": 50,
                "text": "In 2017 the school stood empty.",
            },
            {
                "media": [],
                "zoom": "2",
                "focus_x": 40,
                "focus_y": 40,
                "text": "Its roof had fallen in.",
            },
            {
                "media": [
                    ("image", {"image": image(0), "alt_text": "A rebuilt classroom"}),
                ],
                "zoom": "1",
                "focus_x": 50,
                "focus_y": 50,
                "text": "By 2019 it was full again.",
            },
        ],
    }


def background_video():
    from media_pipeline.models import Video

    videos = Video.objects.order_by("-pk")
    video = videos.filter(status=Video.Status.READY).first() or videos.first()
    return {
        "video": video,
        "description": "Children walking to school in Mosul",
        "overlay_text": "Back to school",
        "caption": "",
    }


def related_story():
    return {"story": first_story(), "lead": "Read also"}


def embed():
    # Rendered as the consent placeholder: nothing is fetched from the provider in the preview.
    return {
        "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        "title": "Rebuilding Mosul's old city",
        "caption": "",
    }


def digest_item():
    return {
        "date": "2024-03-01",
        "headline": "Coalition partners pledge support for stabilisation",
        "summary": "Partners met in Rome to coordinate support for liberated areas.",
        "source_name": "Associated Press",
        "source_url": "https://apnews.com/",
    }


def document():
    return {"document": first_document(), "title": "Annual report", "description": "PDF, 12 pages"}
