"""The actor knowledge base for attribution: who holds which role when, and which bodies exist.

Compiled from the Phoenix actor dictionaries by ``tools/gen_actor_kb.py``; meant to live in
``briefing/positions/`` once the attribution pipeline replaces ``briefing/positions.py``.
"""
