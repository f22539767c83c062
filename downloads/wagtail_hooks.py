"""Documents reach readers only through the site: ``/documents/<id>/<name>`` (Wagtail's serve
view) checks the collection's view restrictions, then, with S3, redirects to a link to the
object signed for ``DOCUMENT_URL_SECONDS``.

The bucket never serves ``documents/`` to unsigned requests (docs/operations.md, "Private
documents"): whether a document is private depends on its collection, which editors change after
the upload, while its key and the bucket policy stay put. So every document, public ones too, is
handed out by a signed link made after the check, never by a permanent bucket or CDN address.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import storages
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from wagtail import hooks
from wagtail.documents.models import document_served

# The STORAGES entry that signs links (storysite/settings/storage.py adds it with S3).
DOCUMENTS_STORAGE = "documents"
# After every check (Wagtail's view restrictions, two-step verification): this one answers.
LAST = 100


@hooks.register("before_serve_document", order=LAST)
def redirect_to_a_signed_link(document, request):
    if DOCUMENTS_STORAGE not in settings.STORAGES:
        return None  # files on disk: Wagtail's view streams them itself
    url = storages[DOCUMENTS_STORAGE].url(
        document.file.name,
        parameters={
            # What Wagtail's own view would send: inline PDFs, other files as attachments.
            "ResponseContentType": document.content_type,
            "ResponseContentDisposition": document.content_disposition,
            "ResponseCacheControl": "private, no-store",
        },
    )
    document_served.send(sender=type(document), instance=document, request=request)
    response = redirect(url)
    # A cache in front of the site must not hand this link (made for this reader) to others.
    add_never_cache_headers(response)
    return response
