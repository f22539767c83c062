"""``storysite.wsgi`` plus the uploaded media in MEDIA_ROOT, for benchmarks that load pages in a
browser (``gunicorn bench.media_wsgi``).

In production media come from S3 or a CDN, which the throwaway benchmark site does not have, so
without this every image would be a 404 in the browser. WhiteNoise stands in for the bucket
(with the bucket's one-day Cache-Control); ``autorefresh`` because renditions are written while
pages render, after the server started. Static files are still served by the site's own
WhiteNoise middleware, exactly as in production.
"""

from django.conf import settings
from whitenoise import WhiteNoise

from storysite.wsgi import application as site

application = WhiteNoise(
    site, root=settings.MEDIA_ROOT, prefix=settings.MEDIA_URL, autorefresh=True, max_age=86400
)
