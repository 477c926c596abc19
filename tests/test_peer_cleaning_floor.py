"""A floor on the peer reply-parser fixtures (shared/peer-email-fixtures beside the clone).

The floor is a regression guard set on the very cases it scores (232 of 236 right when it
was written; the issue's target is 225 and 90% per set), not a tuned threshold: it fails
when a change to cleaning makes cases go wrong that were right.
"""

from __future__ import annotations

import pytest

from bench.peer_cleaning import FIXTURES_ENV, FIXTURES_NAME, find_fixtures, run

FLOOR_RIGHT = 225
FLOOR_SET_PERCENT = 90.0


def test_peer_fixture_score_stays_above_the_floor():
    folder = find_fixtures()
    if folder is None:
        pytest.skip(
            f"peer fixtures absent: no {FIXTURES_NAME} beside the repository and no ${FIXTURES_ENV}"
        )
    report = run(folder, repeat=1)
    low_sets = {
        n: r["percent"] for n, r in report["sets"].items() if r["percent"] < FLOOR_SET_PERCENT
    }
    assert report["right"] >= FLOOR_RIGHT, report["wrong"]
    assert not low_sets, low_sets
