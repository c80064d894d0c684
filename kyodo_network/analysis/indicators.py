"""The indicators :func:`~kyodo_network.analysis.compare.compare_districts` computes for each district, in display
order: their stable ids and names (defined in :mod:`kyodo_network.analysis.compare`'s docstring).

A table of words with no analysis behind it, so that writing a kept comparison (``kyodo compare`` answered from
the cache, :mod:`kyodo_network._answers`) does not import networkx.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["Indicator", "INDICATORS"]


class Indicator(NamedTuple):
    """An indicator of :func:`compare_districts`: its stable id and labels."""

    id: str
    name: str
    name_en: str


#: Indicators in display order (``actors_by_sector`` is a mapping; the others are numbers, ids or ``None``).
INDICATORS: tuple[Indicator, ...] = (
    Indicator("actors", "アクター数", "Actors"),
    Indicator("actors_by_sector", "セクター別アクター数", "Actors by sector"),
    Indicator("relations", "関係の数", "Relations"),
    Indicator("ties", "つながりの数", "Ties"),
    Indicator("projects", "協働事業の数", "Projects"),
    Indicator("density", "密度", "Density"),
    Indicator("components", "連結成分", "Components"),
    Indicator("isolates", "孤立したアクター", "Isolates"),
    Indicator("cross_sector_share", "セクター横断の割合", "Cross-sector share"),
    Indicator("ei_index", "E–I指数（セクター）", "E–I index (sectors)"),
    Indicator("avg_clustering", "平均クラスタ係数", "Average clustering"),
    Indicator("degree_centralisation", "次数中心化", "Degree centralisation"),
    Indicator("top_bridge", "最大の橋渡し役", "Top bridge"),
    Indicator("top_bridge_share", "橋渡し役の仲介の割合", "Top bridge's share"),
    Indicator("single_points_of_failure", "単一障害点", "Single points of failure"),
    Indicator("formal_share", "協定・委託・補助の割合", "Formal share"),
    Indicator("first_year", "最初の年", "First year"),
    Indicator("last_year", "最後の年", "Last year"),
    Indicator("years_active", "活動年数", "Years active"),
)
