"""Production: HTTPS only, secrets from the environment, PostgreSQL and S3 expected.

Starting without SECRET_KEY or ALLOWED_HOSTS fails at once with a message naming the variable.
"""

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, require

DEBUG = False
SECRET_KEY = require("SECRET_KEY")
require("ALLOWED_HOSTS")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

# Behind a TLS-terminating proxy or CDN that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
WHITENOISE_MAX_AGE = env_int("WHITENOISE_MAX_AGE", 31_536_000)

# Keep database connections open between requests (health-checked before reuse): opening a
# PostgreSQL connection per request costs more than rendering most pages.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("CONN_MAX_AGE", 60)  # noqa: F405
