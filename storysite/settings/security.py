"""Browser-facing security policy: Content-Security-Policy and Permissions-Policy.

Our templates carry no inline scripts (all JS is in static files), so the policy can forbid them
outright without nonces — which also keeps cached pages identical for every visitor. Styles may
be inline (``style=""`` attributes set by blocks); scripts may not.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from csp.constants import NONE, SELF


def media_origins(storage_options: dict | None) -> list[str]:
    """Origins that serve uploaded media (images, video segments, captions) when media is on S3."""
    if not storage_options:
        return []
    if storage_options.get("custom_domain"):
        scheme = storage_options.get("url_protocol", "https:").rstrip(":")
        return [f"{scheme}://{storage_options['custom_domain']}"]
    endpoint = storage_options.get("endpoint_url")
    if endpoint:
        parts = urlsplit(endpoint)
        return [f"{parts.scheme}://{parts.netloc}"]
    bucket = storage_options["bucket_name"]
    region = storage_options.get("region_name")
    host = f"s3.{region}.amazonaws.com" if region else "s3.amazonaws.com"
    return [f"https://{host}", f"https://{bucket}.{host}"]


def content_security_policy(extra_media_origins: list[str], embed_origins: list[str]) -> dict:
    media = [SELF, *extra_media_origins]
    return {
        # The Wagtail admin ships inline scripts of its own; the policy guards the public site.
        "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF],
            "style-src": [SELF, "'unsafe-inline'"],
            "img-src": [*media, "data:"],
            # hls.js feeds segments to the <video> through Media Source (blob:) from a worker.
            "media-src": [*media, "blob:"],
            "connect-src": media,
            "worker-src": [SELF, "blob:"],
            "font-src": [SELF],
            "frame-src": embed_origins or [NONE],
            "object-src": [NONE],
            "base-uri": [SELF],
            "form-action": [SELF],
            "frame-ancestors": [NONE],
        },
    }


# Nothing on the public site needs these; saying so stops embedded third parties asking.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "interest-cohort": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
    "fullscreen": ["self"],
}
