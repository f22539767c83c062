"""Deployment material: the reference nginx configuration and the production-like topology
that ``make prod-like``, the topology tests and ``bench/topology.py`` start (``topology.py``)."""
