"""Finding an actor by what a person writes: its id or its name (Japanese or English).

The loader uses :class:`ActorIndex` for relation ends and project participants; the CLI's actor arguments
(``whatif --remove``, ``map --focus``, ``suggest --for``) use :func:`resolve_actor`. Both compare with
:func:`kyodo_network.words.key`, so full-width letters and stray spaces do not matter. An id always wins over a
name; a name that fits two actors is never guessed.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from .errors import KyodoError, Msg, msg
from .words import key

__all__ = ["ActorIndex", "ActorNameError", "resolve_actor"]


class ActorIndex:
    """Actors by id and by name, for lookups by either.

    Parameters
    ----------
    actors
        ``(id, name, name_en)`` triples; ``name_en`` may be empty.

    Examples
    --------
    >>> ix = ActorIndex([("a", "みどりの会", ""), ("b", "NPO法人 そら", "Sora")])
    >>> ix.find("ＮＰＯ法人そら"), ix.find("sora"), ix.find("a"), ix.find("x")
    (['b'], ['b'], ['a'], [])
    """

    def __init__(self, actors: Iterable[tuple[str, str, str]]) -> None:
        self.names: dict[str, str] = {}
        self._english: dict[str, str] = {}
        for ident, name, name_en in actors:
            if ident not in self.names:
                self.names[ident] = name
                if name_en:
                    self._english[ident] = name_en
        self._keys: tuple[dict[str, str], dict[str, list[str]]] | None = None

    def _by_key(self) -> tuple[dict[str, str], dict[str, list[str]]]:
        """Ids and names compared by :func:`~kyodo_network.words.key`; built at the first lookup that needs
        them (most references are written exactly as an id, so most loads never do)."""
        if self._keys is None:
            by_id: dict[str, str] = {}
            by_name: dict[str, list[str]] = {}
            for ident, name in self.names.items():
                by_id.setdefault(key(ident), ident)
                for n in {key(name), key(self._english.get(ident, ""))} - {""}:
                    by_name.setdefault(n, []).append(ident)
            self._keys = by_id, by_name
        return self._keys

    def find(self, text: str) -> list[str]:
        """Ids of the actors ``text`` names: one id, several (an ambiguous name) or none."""
        if text in self.names:  # written exactly as the id
            return [text]
        by_id, by_name = self._by_key()
        k = key(text)
        if k in by_id:
            return [by_id[k]]
        return list(by_name.get(k, []))

    def candidates(self, ids: Iterable[str]) -> tuple[Msg, ...]:
        """The actors ``ids`` as phrases 「name」 (id …), for a message listing them."""
        return tuple(msg("part.candidate", name=self.names[i], id=i) for i in ids)

    def close(self, text: str) -> str | None:
        """The id or name most like ``text``, for a did-you-mean, or None."""
        words = list(self.names) + list(self.names.values())
        keys = {key(w): w for w in words}
        found = difflib.get_close_matches(key(text), list(keys), n=1, cutoff=0.6)
        return keys[found[0]] if found else None


class ActorNameError(KyodoError, LookupError):
    """No actor, or more than one, fits what was written; the message says which and offers the fix."""


def _index_of(source: Any) -> ActorIndex:
    if isinstance(source, ActorIndex):
        return source
    if hasattr(source, "nodes"):  # a graph from graph_from_cases
        return ActorIndex((str(n), d.get("name") or str(n), d.get("name_en") or "")
                          for n, d in source.nodes(data=True) if d.get("kind", "actor") == "actor")
    return ActorIndex((a.id, a.name, a.name_en) for case in source for c in case.reachable() for a in c.actors)


def resolve_actor(source: Any, text: str) -> str:
    """The id of the actor that ``text`` names, by id or name.

    Parameters
    ----------
    source
        A graph from :func:`~kyodo_network.graph.graph_from_cases`, loaded cases, or an :class:`ActorIndex`.
    text
        An id, a Japanese name or an English name (compared after NFKC normalisation, ignoring spaces).

    Raises
    ------
    ActorNameError
        If no actor fits (with a did-you-mean) or the name fits several (listing them with their ids).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph(); G.add_node("seya-shakyo", name="瀬谷区社会福祉協議会", name_en="")
    >>> resolve_actor(G, "瀬谷区 社会福祉協議会")
    'seya-shakyo'
    """
    index = _index_of(source)
    found = index.find(text)
    if len(found) == 1:
        return found[0]
    if found:
        raise ActorNameError(msg("arg.ambiguous-actor", value=text, candidates=index.candidates(found)))
    close = index.close(text)
    hint = msg("hint.did-you-mean", value=close) if close else ""
    raise ActorNameError(msg("arg.unknown-actor", value=text, hint=hint))
