"""A seeded synthetic city as real ``kyodo-case/1`` files, so the benchmark measures the real loader and CLI.

``write_city(actors, folder, seed=...)`` writes one file per district (``d001.yaml`` …) and one file of
cross-district ties per ward (``links-01.yaml`` …, no actors of its own; it ``include``s the district files
whose actors it joins). Pass every file of the folder to ``kyodo``: ``kyodo bridges city-2000/*.yaml``.

The city: districts of 50–200 actors (uniform), dealt to Yokohama's 18 wards in turn, until ``actors`` are
placed. Inside a district each actor draws about 6.6 partners at random (a G(n, p) block, p = 6.6/(size-1));
about 1.4 more ties per actor go to another district, four in five of them in the same ward: an average degree
of about 8. Sectors follow a civic mix (neighbourhood associations and NPOs most common, one ward office per
ward); each actor has one to three of 12 themes, up to two offers and one need; each district runs two
projects of three to six of its actors. The same ``actors`` and ``seed`` always give byte-identical files.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as d:
...     files = write_city(120, pathlib.Path(d), seed=1)
...     again = write_city(120, pathlib.Path(d) / "b", seed=1)
...     [f.read_bytes() == g.read_bytes() for f, g in zip(files, again)] == [True] * len(files)
True
"""

from __future__ import annotations

import random
from pathlib import Path

WARDS = [
    ("青葉区", "Aoba"),
    ("旭区", "Asahi"),
    ("泉区", "Izumi"),
    ("磯子区", "Isogo"),
    ("神奈川区", "Kanagawa"),
    ("金沢区", "Kanazawa"),
    ("港南区", "Konan"),
    ("港北区", "Kohoku"),
    ("栄区", "Sakae"),
    ("瀬谷区", "Seya"),
    ("都筑区", "Tsuzuki"),
    ("鶴見区", "Tsurumi"),
    ("戸塚区", "Totsuka"),
    ("中区", "Naka"),
    ("西区", "Nishi"),
    ("保土ケ谷区", "Hodogaya"),
    ("緑区", "Midori"),
    ("南区", "Minami"),
]
SECTORS = {
    "neighbourhood": 6,
    "npo": 5,
    "company": 2,
    "school": 2,
    "council": 2,
    "person": 3,
    "support": 1,
    "government": 1,
}
THEMES = [
    "子育て",
    "高齢者福祉",
    "見守り",
    "まちづくり",
    "防犯",
    "環境・自然",
    "子どもの遊び場",
    "居場所",
    "食事サービス",
    "地域福祉",
    "協働推進",
    "市民活動支援",
]
ITEMS = ["会場", "人手", "情報", "広報", "資金", "専門知識", "調整", "相談", "物品", "研修"]
TYPES = ["cooperation", "cooperation", "co_host", "information", "support", "advice", "member", "coordination"]
INSIDE, OUTSIDE, SAME_WARD = 6.6, 1.4, 0.8


def plan_city(actors: int, *, seed: int = 2010) -> dict:
    """The city as plain data: districts (with their actors, ties and projects) and cross-district ties."""
    rng = random.Random(seed)
    districts, placed = [], 0
    while placed < actors:
        size = min(rng.randint(50, 200), actors - placed)
        if actors - placed - size < 50 and placed + size < actors:
            size = actors - placed  # never leave a district smaller than 50 at the end
        k = len(districts)
        districts.append({"id": f"d{k + 1:03d}", "ward": k % 18, "actors": list(range(placed, placed + size))})
        placed += size
    sectors, weights = list(SECTORS), list(SECTORS.values())
    actor = []
    for d in districts:
        for i, a in enumerate(d["actors"]):
            sector = "government" if i == 0 else rng.choices(sectors, weights)[0]
            actor.append(
                {
                    "id": f"a{a:06d}",
                    "district": d["id"],
                    "sector": sector,
                    "themes": rng.sample(THEMES, rng.randint(1, 3)),
                    "offers": rng.sample(ITEMS, rng.randint(0, 2)),
                    "needs": rng.sample(ITEMS, rng.randint(0, 1)),
                }
            )
    ties: dict[str, list] = {d["id"]: [] for d in districts}
    for d in districts:
        ids = d["actors"]
        n = len(ids)
        p = min(1.0, INSIDE / max(n - 1, 1))
        for i in range(n):
            for j in range(i + 1, n):
                if rng.random() < p:
                    ties[d["id"]].append((ids[i], ids[j]))
        d["projects"] = [sorted(rng.sample(ids, min(n, rng.randint(3, 6)))) for _ in range(2)]
    by_ward: dict[int, list] = {}
    for d in districts:
        by_ward.setdefault(d["ward"], []).append(d)
    links: dict[int, list] = {w: [] for w in range(18)}
    seen = set()
    for d in districts:
        for a in d["actors"]:
            for _ in range(int(OUTSIDE / 2) + (1 if rng.random() < (OUTSIDE / 2) % 1 else 0)):
                pool = by_ward[d["ward"]] if rng.random() < SAME_WARD and len(by_ward[d["ward"]]) > 1 else districts
                other = rng.choice([x for x in pool if x is not d] or [d])
                if other is d:
                    continue
                b = rng.choice(other["actors"])
                pair = (min(a, b), max(a, b))
                if pair not in seen:
                    seen.add(pair)
                    links[d["ward"]].append(pair)
    rels = {}
    for key, pairs in list(ties.items()) + [(f"w{w}", p) for w, p in links.items()]:
        rels[key] = [(u, v, rng.choice(TYPES), rng.randint(1, 3)) for u, v in pairs]
    return {"districts": districts, "actors": actor, "relations": rels}


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _district_head(ident: str, name: str, name_en: str, ward: tuple[str, str]) -> list[str]:
    return [
        "format: kyodo-case/1",
        "district:",
        f"  id: {ident}",
        f"  name: {_q(name)}",
        f"  name_en: {_q(name_en)}",
        f"  ward: {ward[0]}",
        f"  ward_en: {ward[1]} Ward",
        "  city: 横浜市",
        "  cite: synthetic benchmark city",
    ]


def _relation_lines(rels: list) -> list[str]:
    out = ["relations:"]
    for u, v, t, w in rels:
        out += [f"  - {{from: a{u:06d}, to: a{v:06d}, type: {t}, weight: {w}, cite: synthetic}}"]
    return out


def write_city(actors: int, folder: Path, *, seed: int = 2010) -> list[Path]:
    """Write the city of :func:`plan_city` to ``folder`` (created); returns the files, districts first."""
    plan = plan_city(actors, seed=seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    by_district: dict[str, list] = {}
    for a in plan["actors"]:
        by_district.setdefault(a["district"], []).append(a)
    home = {int(a["id"][1:]): a["district"] for a in plan["actors"]}
    files = []
    for d in plan["districts"]:
        ward = WARDS[d["ward"]]
        num = d["id"][1:]
        lines = _district_head(d["id"], f"{ward[0]}第{int(num)}地区", f"{ward[1]} district {int(num)}", ward)
        lines.append("actors:")
        for a in by_district[d["id"]]:
            n = int(a["id"][1:])
            lines += [
                f"  - id: {a['id']}",
                f"    name: 団体{n}",
                f"    name_en: Actor {n}",
                f"    sector: {a['sector']}",
                f"    themes: [{', '.join(a['themes'])}]",
                f"    offers: [{', '.join(a['offers'])}]",
                f"    needs: [{', '.join(a['needs'])}]",
                "    cite: synthetic",
            ]
        lines += _relation_lines(plan["relations"][d["id"]])
        lines.append("projects:")
        for i, members in enumerate(d["projects"], 1):
            lines += [
                f"  - id: {d['id']}-p{i}",
                f"    name: {_q(f'{ward[0]}第{int(num)}地区の事業{i}')}",
                f"    name_en: {_q(f'Project {i} of district {int(num)}')}",
                f"    participants: [{', '.join(f'a{m:06d}' for m in members)}]",
                "    cite: synthetic",
            ]
        path = folder / f"{d['id']}.yaml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(path)
    for w in range(18):
        rels = plan["relations"][f"w{w}"]
        if not rels:
            continue
        ward = WARDS[w]
        lines = _district_head(
            f"links-{w + 1:02d}", f"{ward[0]}の地区間のつながり", f"Ties across districts of {ward[1]}", ward
        )
        used = sorted({home[u] for u, v, *_ in rels} | {home[v] for u, v, *_ in rels})
        lines.append(f"include: [{', '.join(f'{x}.yaml' for x in used)}]")
        lines += _relation_lines(rels)
        path = folder / f"links-{w + 1:02d}.yaml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(path)
    return files


if __name__ == "__main__":
    import sys

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(f"benchmarks/.cache/city-{n}")
    print("\n".join(map(str, write_city(n, out))))
