"""Read queries written once per shape: peewee builds the SQL the first time, each request binds values.

Writing a query's SQL (peewee walking its nodes) and turning rows into model instances cost a
list request more than running it. A *shape* is whatever decides the SQL text: which filters are
given, the sort, the paging mode; never a value. A builder decorated with :func:`prepared` takes
only the shape, so no request's value can slip into the SQL kept for the next one: values enter
through named :func:`slot` placeholders, in the backend's own parameter style.
"""

from functools import lru_cache, wraps

from peewee import Value

from .models import database


class Slot:
    """The name of a value given when a prepared query runs."""

    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Slot({self.name!r})"


def slot(name):
    """A placeholder for values[name], passed to the database as it is (no field conversion)."""
    return Value(Slot(name), converter=False)


class Prepared:
    """A query's SQL for the bound database's backend, and where each value goes."""

    __slots__ = ("sql", "params")

    def __init__(self, query):
        self.sql, self.params = database.obj.get_sql_context().parse(query)

    def rows(self, values=None):
        """The result rows as tuples, values filling the slots."""
        params = [values[p.name] if type(p) is Slot else p for p in self.params]
        return database.execute_sql(self.sql, params).fetchall()

    def scalar(self, values=None):
        rows = self.rows(values)
        return rows[0][0] if rows else None


def prepared(builder):
    """builder(*shape) -> a peewee query becomes f(*shape) -> Prepared, built once per shape and backend."""

    @lru_cache(maxsize=1024)
    def build(backend, *shape):
        return Prepared(builder(*shape))

    @wraps(builder)
    def get(*shape):
        return build(type(database.obj), *shape)

    get.cache_clear = build.cache_clear  # for a test that changes a constant the SQL was written with
    return get
