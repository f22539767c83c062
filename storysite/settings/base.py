"""Storysite settings shared by every environment.

Read this file top to bottom to know the system. Every value a deployment may change comes from
an environment variable with a safe default; ``production.py`` refuses to start without the ones
that have no safe default (``SECRET_KEY``, ``ALLOWED_HOSTS``).
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .caches import build_caches
from .env import (
    database_from_url,
    default_sqlite_url,
    env_bool,
    env_int,
    env_list,
    env_networks,
    env_origin,
    env_str,
)
from .security import PERMISSIONS_POLICY, content_security_policy, media_origins
from .storage import build_storages, s3_options
from .translation import machine_translator

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

# --- Core ----------------------------------------------------------------------------------
SECRET_KEY = env_str("SECRET_KEY", "insecure-development-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # Our apps first so their templates override Wagtail's.
    "delivery",
    "home",
    "translation",
    "stories",
    "media_pipeline",
    "search",
    "admin_2fa",
    "downloads",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    # Background work: Django's task framework (backport) with its database backend.
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "storages",
    "csp",
    "axes",
    # Two-step verification: one-time codes from an authenticator app (admin_2fa/).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",  # recovery codes
]

MIDDLEWARE = [
    # The visitor's address for every log record of the request (delivery/client_ip.py).
    "delivery.log.ClientIPMiddleware",
    # Whole pages for anonymous visitors (delivery/page_cache.py): the outer one stores a
    # rendered page with every header the rest of the stack added; the inner one answers from
    # the cache before that stack runs, so a hit costs no session, locale, CSRF or auth work.
    "delivery.page_cache.StorePageMiddleware",
    "delivery.page_cache.FetchPageMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # django-csp's, except that Wagtail's previews may be framed by the admin's own page editor;
    # likewise for X-Frame-Options below (storysite/preview_framing.py).
    "storysite.preview_framing.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Right after SecurityMiddleware: static files skip the rest of the stack.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Tells whether this session has given its one-time code; then the admin asks for it.
    "django_otp.middleware.OTPMiddleware",
    "admin_2fa.middleware.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "storysite.preview_framing.PreviewFrameOptionsMiddleware",  # inside it: answers first
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Counts failed logins and locks out brute force.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "storysite.urls"
WSGI_APPLICATION = "storysite.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site_chrome",
            ],
        },
    },
]

# --- Database --------------------------------------------------------------------------------
# SQLite file by default (the demo); PostgreSQL in production via DATABASE_URL.
DATABASE_URL = env_str("DATABASE_URL") or default_sqlite_url(BASE_DIR)
DATABASES = {"default": database_from_url(DATABASE_URL, conn_max_age=env_int("CONN_MAX_AGE", 0))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords for one account from one address lock it for 15 minutes.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
# Failed logins are counted in the database (AXES_HANDLER's default), so a Redis outage neither
# locks nobody out nor everybody; the address is the one every part of the site uses.
AXES_CLIENT_IP_CALLABLE = "delivery.client_ip.client_ip_for_axes"
# Wrong two-step codes count as failed sign-ins too (admin_2fa/views.py); keep them out of the log.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "otp_token"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -----------------------------------------------------------------------------
# English is the source language; French and Arabic (right-to-left) are translated with
# wagtail-localize. URLs carry the language: /en/, /fr/, /ar/.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("ar", _("Arabic")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Machine translation in the translation editor: offline dummy by default, DeepL when
# DEEPL_API_KEY is set, none with MACHINE_TRANSLATOR=none (see settings/translation.py).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(os.environ)
# Submitting for translation makes drafts: a French or Arabic page goes live when a translator
# publishes it, never because its English source is live (wagtail-localize's default).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Translators work in their own language: the admin follows each user's language preference.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# --- Static files and media ------------------------------------------------------------------
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "collected-static")))
STATIC_URL = env_str("STATIC_URL", "/static/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = env_str("MEDIA_URL", "/media/")

# Media goes to S3 when AWS_STORAGE_BUCKET_NAME is set (see settings/storage.py), else MEDIA_ROOT.
# Static files are served by WhiteNoise with compressed (gzip/Brotli), content-hashed names.
STORAGES = build_storages(
    os.environ,
    static_backend="whitenoise.storage.CompressedManifestStaticFilesStorage",
)
WHITENOISE_MAX_AGE = env_int("WHITENOISE_MAX_AGE", 60)

# --- Browser security policy -------------------------------------------------------------------
CONTENT_SECURITY_POLICY = content_security_policy(
    media_origins(s3_options(os.environ)),
    embed_origins=env_list(
        "CSP_EMBED_ORIGINS", ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
    ),
)
PERMISSIONS_POLICY = PERMISSIONS_POLICY
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # bigger uploads stream to a temporary file, not RAM
# PO files back from translation agencies (translation/po_files.py): a page is a few hundred KB.
PO_UPLOAD_MAX_BYTES = env_int("PO_UPLOAD_MAX_BYTES", 2 * 1024 * 1024)

# --- Client addresses (delivery/client_ip.py) ---------------------------------------------------
# Proxies in front of the web processes (nginx: 1; a CDN and nginx: 2). Their X-Forwarded-For
# entries are believed, nothing the client wrote to the left of them. 0: REMOTE_ADDR only.
CLIENT_IP_PROXY_COUNT = env_int("PROXY_COUNT", 0)
# Or/and the proxies' addresses or networks: hops from the right are trusted while they are one
# of these (at most PROXY_COUNT of them when both are set).
CLIENT_IP_TRUSTED_PROXIES = env_networks("TRUSTED_PROXIES")

# --- Caches ----------------------------------------------------------------------------------
# Redis when REDIS_URL is set (shared by every web process), else memory local to each process.
# One alias per use, each under its own key prefix in the same Redis database: "default" (search
# rate limits, search texts, Wagtail's site paths), "pages" (whole rendered pages and the versions
# their keys include, delivery/generation.py) and "navigation" (menu and language links).
# Content changes never clear anything: they give the affected pages' versions new values.
# A Redis outage is not a site outage: every alias ignores connection errors (a get misses, a set
# is dropped, one warning every 10 s is logged), pages are served uncached and rate limits let
# requests through (docs/operations.md).
REDIS_URL = env_str("REDIS_URL")
CACHES = build_caches(REDIS_URL)  # settings/caches.py
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "delivery.cache"
# Without Redis each process has its own copy: a publish invalidates only the process that saw
# it, so keep the lifetime short unless REDIS_URL is set.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300 if REDIS_URL else 60)
# How long browsers may reuse a page (a publish reaches them after at most this long), and a CDN
# in front (s-maxage; 0 = the CDN does not keep pages). Pages not stored are sent private.
PAGE_CACHE_BROWSER_SECONDS = 60
PAGE_CACHE_CDN_SECONDS = env_int("PAGE_CACHE_CDN_SECONDS", 0)
# Left out of the page cache key and removed before the page renders: campaign tracking that does
# not change the page (analytics reads it from the address bar). Any other parameter a page type
# does not list in ``cache_query_params`` makes the request bypass the cache.
PAGE_CACHE_IGNORED_QUERY_PARAMS = [
    "utm_*",
    "fbclid",
    "gclid",
    "gclsrc",
    "dclid",
    "gbraid",
    "wbraid",
    "msclkid",
    "twclid",
    "li_fat_id",
    "mc_cid",
    "mc_eid",
    "_ga",
    "_gl",
    "_hsenc",
    "_hsmi",
    "igshid",
    "yclid",
    "mtm_*",
    "pk_*",
]
# Redis unreachable: each web process sends again its own copy of a page it served in the last
# PAGE_CACHE_STALE_IF_ERROR_SECONDS (X-Page-Cache: STALE, a warning logged) instead of rendering
# every request, keeping at most PAGE_CACHE_FALLBACK_BYTES of them (delivery/fallback.py).
PAGE_CACHE_STALE_IF_ERROR_SECONDS = 600
PAGE_CACHE_FALLBACK_BYTES = 32 * 1024**2
# Pages that list pages outside the page tree, purged from a CDN with every content change
# (delivery/dependencies.py); the feeds are reversed in each changed page's language.
PAGE_CACHE_LISTING_URL_NAMES = [
    "story_feed",
    "story_feed_atom",
    "news_feed",
    "news_feed_atom",
    "sitemap",
]
# The header menu and each page's translations (home/navigation.py), stale when a change affects
# them (delivery/dependencies.py); used even when whole pages are not cached (PAGE_CACHE_SECONDS=0).
NAVIGATION_CACHE_SECONDS = env_int("NAVIGATION_CACHE_SECONDS", 300 if REDIS_URL else 60)
# Rendered story bodies, cards, pictures and page routes (stories/render_cache.py), keyed by
# revision and language and made stale by any publish; the lifetime only bounds memory.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 24 * 60 * 60)

# A CDN in front: changed pages and the listings that show them are purged from it after the
# commit (delivery/invalidation.py, through wagtail.contrib.frontend_cache).
WAGTAILFRONTENDCACHE = {}
if env_str("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env_str("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"),
    }
if env_str("FRONTEND_CACHE_PURGE_URL"):
    # Varnish, Fastly-compatible or nginx purge endpoints that accept HTTP PURGE.
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env_str("FRONTEND_CACHE_PURGE_URL"),
    }

# --- Background tasks ---------------------------------------------------------------------------
# Django's task framework (django-tasks backport). The database backend queues work for
# `manage.py db_worker` processes. Two queues: "default" (Wagtail's search-index and
# reference-index tasks, deleting a video's files) and "video" (transcoding), each with its own
# worker, `db_worker --queue-name default` and `db_worker --queue-name video`, so a publish never
# waits behind an hour-long transcode (docs/operations.md, "Video workers").
# TASKS_BACKEND=immediate runs tasks inline (handy for one-off scripts and most tests).
TASKS_BACKEND = env_str("TASKS_BACKEND", "database")
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }.get(TASKS_BACKEND, TASKS_BACKEND),
        "QUEUES": ["default", "video"],
    }
}

# --- Video pipeline (media_pipeline) ------------------------------------------------------------
# Uploads are checked with ffprobe before they are stored; transcoding runs in the task worker.
MEDIA_PIPELINE_MAX_UPLOAD_BYTES = env_int("MEDIA_PIPELINE_MAX_UPLOAD_BYTES", 2 * 1024**3)
MEDIA_PIPELINE_MAX_DURATION_SECONDS = env_int("MEDIA_PIPELINE_MAX_DURATION_SECONDS", 2 * 60 * 60)
# Caption (.vtt) uploads are read in chunks and refused one byte past this.
MEDIA_PIPELINE_MAX_CAPTION_BYTES = env_int("MEDIA_PIPELINE_MAX_CAPTION_BYTES", 2 * 1024**2)
MEDIA_PIPELINE_FFMPEG = env_str("MEDIA_PIPELINE_FFMPEG", "ffmpeg")
MEDIA_PIPELINE_FFPROBE = env_str("MEDIA_PIPELINE_FFPROBE", "ffprobe")
# x264 speed/size trade-off: "veryfast" keeps a 2-core server near real time at 1080p.
MEDIA_PIPELINE_X264_PRESET = env_str("MEDIA_PIPELINE_X264_PRESET", "veryfast")
MEDIA_PIPELINE_LADDER = [
    int(h) for h in env_list("MEDIA_PIPELINE_LADDER", ["360", "540", "720", "1080"])
]
# The task queue of video jobs (must be one of TASKS["default"]["QUEUES"]).
MEDIA_PIPELINE_QUEUE = env_str("MEDIA_PIPELINE_QUEUE", "video")
# A running job renews its lease every third of this; a video whose lease is older is taken
# over by another video worker (its worker was killed or lost).
MEDIA_PIPELINE_LEASE_SECONDS = env_int("MEDIA_PIPELINE_LEASE_SECONDS", 60)
# Direct uploads to S3 left unfinished (or finished but never saved as a video) this many hours
# after they started are aborted and their parts or object deleted by the video worker.
MEDIA_PIPELINE_ABANDONED_UPLOAD_HOURS = float(
    env_str("MEDIA_PIPELINE_ABANDONED_UPLOAD_HOURS", "24")
)
# A job waiting out a storage outage whose retry is this overdue is started again by
# `manage.py requeue_stalled_videos`.
MEDIA_PIPELINE_STALE_AFTER_SECONDS = env_int("MEDIA_PIPELINE_STALE_AFTER_SECONDS", 600)
# Time limits of ffprobe (each run) and ffmpeg (a whole job: the larger of the minimum and
# factor × the video's duration). ffmpeg/ffprobe are killed past them.
MEDIA_PIPELINE_PROBE_TIMEOUT_SECONDS = env_int("MEDIA_PIPELINE_PROBE_TIMEOUT_SECONDS", 60)
MEDIA_PIPELINE_TRANSCODE_TIMEOUT_MIN_SECONDS = env_int(
    "MEDIA_PIPELINE_TRANSCODE_TIMEOUT_MIN_SECONDS", 600
)
MEDIA_PIPELINE_TRANSCODE_TIMEOUT_FACTOR = float(
    env_str("MEDIA_PIPELINE_TRANSCODE_TIMEOUT_FACTOR", "10")
)
# Scratch folders of the video workers (one per job); default: <system temp>/storysite-transcode.
MEDIA_PIPELINE_WORK_DIR = env_str("MEDIA_PIPELINE_WORK_DIR", "")
# Media storage (S3) outages: each storage call is tried MEDIA_PIPELINE_STORAGE_RETRIES times
# (0.5 s, 1 s, 2 s… apart); a job that still cannot reach the storage waits and starts again
# after each of these delays in turn (seconds), then is marked failed.
MEDIA_PIPELINE_STORAGE_RETRIES = env_int("MEDIA_PIPELINE_STORAGE_RETRIES", 4)
MEDIA_PIPELINE_STORAGE_RETRY_BASE_DELAY = float(
    env_str("MEDIA_PIPELINE_STORAGE_RETRY_BASE_DELAY", "0.5")
)
MEDIA_PIPELINE_OUTAGE_RETRY_DELAYS = [
    float(delay)
    for delay in env_list(
        "MEDIA_PIPELINE_OUTAGE_RETRY_DELAYS", ["30", "60", "120", "300", "600", "1200"]
    )
]

# --- Wagtail ----------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "Global Coalition against Daesh")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
# The public site's address (https://www.example.org): canonical and og:url, social images on
# local media, JSON-LD, hreflang, feeds, sitemap and the API's page URLs are built on it, never
# on the request's Host. Empty: WAGTAILADMIN_BASE_URL's origin (stories/public_urls.py).
PUBLIC_BASE_URL = env_origin("PUBLIC_BASE_URL")
WAGTAILIMAGES_IMAGE_MODEL = "media_pipeline.StoryImage"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("WAGTAILIMAGES_MAX_UPLOAD_SIZE", 20 * 1024 * 1024)
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Stores the upload while the form is validated, so a storage outage is a form error, not a 500.
WAGTAILIMAGES_IMAGE_FORM_BASE = "media_pipeline.forms.StoryImageForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("WAGTAILDOCS_MAX_UPLOAD_SIZE", 20 * 1024 * 1024)
# Document links always go to /documents/<id>/<name>, which checks the collection's view
# restrictions; with S3 it then redirects to a link signed for DOCUMENT_URL_SECONDS (default 60,
# storage.py), as the bucket serves no document to unsigned requests (docs/operations.md).
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# --- Two-step verification for the admin (admin_2fa/, docs/operations.md) ----------------------
# Optional by default: anyone may turn on an authenticator app (TOTP) under Account → Two-step
# verification, and from then on the admin asks them for a code after the password.
# WAGTAIL_2FA_REQUIRED=true makes it mandatory: admin users without an app must set one up first.
WAGTAIL_2FA_REQUIRED = env_bool("WAGTAIL_2FA_REQUIRED", False)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME  # the account's name in the authenticator app
# After each wrong code the device waits twice as long before checking another (1 s, 2 s, 4 s…)
# until a right code is given: six-digit codes cannot be guessed by brute force.
OTP_TOTP_THROTTLE_FACTOR = env_int("OTP_TOTP_THROTTLE_FACTOR", 1)

# --- Search (docs/search.md) ---------------------------------------------------------------------
# SEARCH_BACKEND=database (default): the database's own full-text search through Wagtail —
# PostgreSQL text search in production, SQLite FTS5 for the demo — with one PostgreSQL text-search
# configuration per language and Arabic spelling variants folded (search/backends.py).
# SEARCH_BACKEND=opensearch2|opensearch3 with SEARCH_URLS for deployments that outgrow one
# database (opensearch-py is locked; Elasticsearch's clients are not, so it is not offered); run
# `manage.py update_index` after switching.
SEARCH_BACKEND = env_str("SEARCH_BACKEND", "database")
SEARCH_BACKENDS_OFFERED = ("database", "opensearch2", "opensearch3")
if SEARCH_BACKEND not in SEARCH_BACKENDS_OFFERED:
    raise ImproperlyConfigured(
        f"SEARCH_BACKEND must be one of {', '.join(SEARCH_BACKENDS_OFFERED)}, "
        f"not {SEARCH_BACKEND!r}."
    )
if SEARCH_BACKEND == "database":
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends",
            "LANGUAGE_CONFIGS": {"en": "english", "fr": "french", "ar": "arabic"},
            "SEARCH_CONFIG": "simple",  # objects without a locale (images, documents)
            # Rank with the RUM index when search/migrations/0002 could create it (PostgreSQL
            # with Debian's postgresql-<version>-rum); 0 = Wagtail's own ts_rank ranking.
            "RUM": env_bool("SEARCH_POSTGRES_RUM", True),
        }
    }
else:
    # One OpenSearch index per root model holds every language, so its text fields share one
    # analyser: the `arabic` analyser's normalisation and light stemming (they only change
    # Arabic letters), Latin accents folded, no English/French stemming (it would mangle the
    # other languages' words). Built-in filters only, no ICU plugin (docs/search.md).
    _MULTILINGUAL_FILTERS = ["lowercase", "decimal_digit", "arabic_normalization", "asciifolding"]
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{SEARCH_BACKEND}",
            "URLS": env_list("SEARCH_URLS", ["http://localhost:9200"]),
            # Index names: <SEARCH_INDEX>_wagtailcore_page, <SEARCH_INDEX>_media_pipeline_…
            "INDEX_PREFIX": env_str("SEARCH_INDEX", "storysite") + "_",
            "TIMEOUT": env_int("SEARCH_TIMEOUT", 5),
            "OPTIONS": {},
            "INDEX_SETTINGS": {
                "settings": {
                    "analysis": {
                        "analyzer": {
                            "default": {
                                "type": "custom",
                                "tokenizer": "standard",
                                "filter": [*_MULTILINGUAL_FILTERS, "arabic_stem"],
                            },
                            # Autocomplete: the same folding, then prefixes.
                            "edgengram_analyzer": {
                                "type": "custom",
                                "tokenizer": "standard",
                                "filter": [*_MULTILINGUAL_FILTERS, "edgengram"],
                            },
                        },
                    },
                },
            },
        }
    }
# Visitor searches (and autocomplete requests) allowed per client IP per minute; beyond that
# the visitor gets a friendly "429 Too many searches" page. Counted in the default cache.
SEARCH_RATE_LIMIT_PER_MINUTE = env_int("SEARCH_RATE_LIMIT_PER_MINUTE", 30)
SUGGEST_RATE_LIMIT_PER_MINUTE = env_int("SUGGEST_RATE_LIMIT_PER_MINUTE", 120)

# --- Visitor's site ---------------------------------------------------------------------------
# Analytics script (e.g. a self-hosted Matomo/Plausible URL). Empty: no analytics at all. When set,
# it is only ever loaded after the visitor accepts cookies (home/consent.py).
ANALYTICS_SCRIPT_URL = env_str("ANALYTICS_SCRIPT_URL", "")
if ANALYTICS_SCRIPT_URL.startswith(("https://", "http://")):
    # The Content Security Policy lets the configured analytics host (and nothing else) in.
    _analytics = urlsplit(ANALYTICS_SCRIPT_URL)
    for _directive in ("script-src", "connect-src"):
        CONTENT_SECURITY_POLICY["DIRECTIVES"][_directive] = [
            *CONTENT_SECURITY_POLICY["DIRECTIVES"][_directive],
            f"{_analytics.scheme}://{_analytics.netloc}",
        ]
# The read-only Wagtail API (pages, images) for headless reuse; answers at /api/v2/.
WAGTAILAPI_BASE_URL = env_str("WAGTAILAPI_BASE_URL", WAGTAILADMIN_BASE_URL)
WAGTAILAPI_LIMIT_MAX = env_int("WAGTAILAPI_LIMIT_MAX", 50)
REST_FRAMEWORK = {
    # Anonymous read access only: the API never writes, and JSON is all it speaks.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
}

# --- Logging ----------------------------------------------------------------------------------
# Every record says which visitor it concerns (client_ip, as lockouts and rate limits see it,
# "-" outside requests); Redis outages are one warning every 10 s, not a traceback per call.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "client_ip": {"()": "delivery.log.ClientIPFilter"},
        "cache_outage": {"()": "delivery.log.CacheOutageFilter", "interval": 10},
    },
    "formatters": {
        "default": {"format": "%(asctime)s %(levelname)s %(name)s [%(client_ip)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "default",
            "filters": ["client_ip"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "delivery.cache": {
            "handlers": ["console"],
            "level": "WARNING",
            "filters": ["cache_outage"],
            "propagate": False,
        },
    },
}
