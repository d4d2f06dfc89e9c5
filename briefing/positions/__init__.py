"""Positions: who said what, for which country — parse → mentions → affiliation →
attribution → stance → speakers → grouping.

Each step is one module, in that order. :func:`find_statements` reads one article;
:func:`group_positions` gathers statements of many articles into one position per country,
international body or other voices, each speaker named one way across them
(:mod:`.speakers`). :func:`actors_of` reads the same layers for every sentence, narrative
included: each main clause's acting party and its country. Attribution keeps what the
article has said of its actors so far in :mod:`.memory` (for "he", "the minister", a bare
surname).
"""

from __future__ import annotations

from .actors import Actor, actors_of
from .attribution import candidates, find_statements
from .grouping import country_name, group_positions, merge_statements

__all__ = ["Actor", "actors_of", "candidates", "country_name", "find_statements",
           "group_positions", "merge_statements"]
