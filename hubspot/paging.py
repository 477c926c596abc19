"""Follow HubSpot's `paging.next.after` cursors, with a guard against endless listings.

A server that hands back a cursor it already gave in this listing (a bug, a proxy cache, a
replayed response) or an absurd number of pages would otherwise keep an activity looping
until its timeout, spending the rate limit; the guard stops it with an error naming the
endpoint and the cursor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

from hubspot.errors import HubSpotPagingError
from hubspot.models import Page

# 1,000 pages of 100 are 100,000 threads in one poll or messages in one thread: far past
# any real inbox, yet only about 100 s of requests at the default rate limit.
MAX_PAGES_PER_LISTING = 1000

P = TypeVar("P", bound=Page)


def iter_pages(
    fetch: Callable[[str | None], P],
    *,
    endpoint: str,
    what: str,
    max_pages: int | None = None,
) -> Iterator[P]:
    """Every page of one listing: `fetch(None)` first, then `fetch(after)` while HubSpot
    gives a next cursor. Raises HubSpotPagingError on a repeated cursor or past max_pages
    (default MAX_PAGES_PER_LISTING, read at call time)."""
    if max_pages is None:
        max_pages = MAX_PAGES_PER_LISTING
    if max_pages < 1:
        raise ValueError(f"max_pages must be at least 1, got {max_pages}")
    used: set[str] = set()
    cursor: str | None = None
    pages = 0
    while True:
        page = fetch(cursor)
        pages += 1
        yield page
        following = page.next_after
        if not following:
            return
        if following in used:
            raise HubSpotPagingError(
                f"HubSpot repeated the paging cursor after={following!r} on {endpoint} "
                f"({what}) after {pages} page(s); stopped instead of looping",
                endpoint=endpoint,
                cursor=following,
                pages=pages,
            )
        if pages >= max_pages:
            raise HubSpotPagingError(
                f"HubSpot listing {endpoint} ({what}) still has more after {pages} pages "
                f"(next cursor after={following!r}); stopped at the bound of {max_pages} pages",
                endpoint=endpoint,
                cursor=following,
                pages=pages,
            )
        used.add(following)
        cursor = following
