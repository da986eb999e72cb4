"""What searches found, remembered by each process until the search index changes.

A search reads each of its words' lists in the index, and those grow with the archive (two
middling words: 0.76 ms on average at a million quotes, 0.14 ms at 100 k); then it sorts its
matches to find the page. Reading a page of rows by id costs the same at any size. The same searches come again and
again (a page that embeds "quotes on X" sends its search on every view), so, like a search
engine's query result cache, each process remembers what a search found (storage/queries.py
says what: the ids on a page, and its total) and reads those rows again by id.

The index's version stamp (:func:`.search.version`, changed in the transaction of every write to
the index, by any process) tells when that is stale. The stamp is read before the search runs, so
what is remembered is at least as new as the stamp it is filed under: a write in between costs
the next request a fresh search, never a stale answer.
"""

import threading
from collections import OrderedDict

from . import search

REMEMBERED = 4096  # searches per process; a page of 100 quotes takes 7 KB: 30 MB at most


class SearchCache:
    """Least recently used values by key, all forgotten when the stamp they were found under changes."""

    def __init__(self, size=REMEMBERED):
        self._size = size
        self._lock = threading.Lock()  # gunicorn's workers here are single-threaded; other servers may not be
        self._stamp = None
        self._values = OrderedDict()

    def lookup(self, key):
        """(the index's stamp now, the value remembered under key or None); keep() files under that stamp."""
        stamp = search.version()
        with self._lock:
            found = self._values.get(key) if stamp is not None and stamp == self._stamp else None
            if found is not None:
                self._values.move_to_end(key)
        return stamp, found

    def keep(self, stamp, key, value):
        if stamp is None:  # an index not written since migration 0008: another database could say the same
            return
        with self._lock:
            if stamp != self._stamp:
                self._values.clear()
                self._stamp = stamp
            self._values[key] = value
            if len(self._values) > self._size:
                self._values.popitem(last=False)


SEARCHES = SearchCache()
