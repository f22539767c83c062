"""Delivery: how pages reach visitors behind proxies and caches — the anonymous page cache and
its invalidation, the visitor's real address behind proxies, and health checks for load
balancers. Imports no other app of ours; page types opt in through plain attributes
(``cache_query_params``)."""
