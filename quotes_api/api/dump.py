"""A marshmallow schema compiled into one plain function, for list answers.

`Schema.dump` walks every field of every item through several calls (get_value, serialize,
_serialize); on a page of 20 quotes that was a fifth of the request. :func:`compile_dump` reads the
schema once and writes a function that builds the same dict in one expression: one attribute read
and one conversion per field. The schema stays the one description of the answer (and the OpenAPI
document); tests check that both give the same JSON.

>>> class Point(ma.Schema):
...     x = ma.fields.Integer()
...     label = ma.fields.String(allow_none=True)
>>> compile_dump(Point())(type("P", (), {"x": 3.0, "label": None})())
{'x': 3, 'label': None}
"""

import datetime
import keyword

import marshmallow as ma

# Field classes whose dump is a plain conversion of the attribute (None stays None). Exact classes
# only: a subclass may serialise differently, and goes through marshmallow.
_CONVERSIONS = {
    ma.fields.Integer: int,
    ma.fields.Float: float,
    ma.fields.String: str,
    ma.fields.Boolean: bool,
    ma.fields.Date: datetime.date.isoformat,
}


class _Missing(Exception):
    """A field marshmallow leaves out of the dump: the whole object then goes through marshmallow."""


def _or_none(convert):
    return lambda value: None if value is None else convert(value)


def _converter(field):
    """A function from the attribute's value (not None) to its JSON value, or None when marshmallow must do it."""
    kind = type(field)
    # A Date's default format is "iso" (marshmallow 4): date.isoformat, as converted here.
    if (
        kind in _CONVERSIONS
        and not getattr(field, "as_string", False)
        and getattr(field, "format", None) in (None, "iso")
    ):
        return _CONVERSIONS[kind]
    if kind is ma.fields.Nested and isinstance(field.schema, ma.Schema):
        inner = compile_dump(field.schema)
        return (lambda items: [inner(item) for item in items]) if field.many else inner
    if kind is ma.fields.List:
        convert = _converter(field.inner)
        if convert is not None:
            convert = _or_none(convert)
            return lambda items: [convert(item) for item in items]
    return None


def _expression(i, name, field, schema, scope):
    """Python source for the field's JSON value of `obj`, with the functions it calls put in scope."""
    if type(field) is ma.fields.Function and field.serialize_func is not None:
        scope[f"f{i}"] = field.serialize_func
        return f"f{i}(obj)"
    if type(field) is ma.fields.Constant:
        scope[f"c{i}"] = field.constant
        return f"c{i}"
    convert = _converter(field) if field._CHECK_ATTRIBUTE else None
    attribute = field.attribute or name
    if convert is not None and attribute.isidentifier() and not keyword.iskeyword(attribute):
        scope[f"c{i}"] = convert
        return f"(None if (v{i} := obj.{attribute}) is None else c{i}(v{i}))"
    if convert is not None:  # a dotted path: marshmallow's accessor follows it
        scope[f"c{i}"] = _or_none(convert)
        scope[f"g{i}"] = lambda obj: schema.get_attribute(obj, attribute, None)
        return f"c{i}(g{i}(obj))"

    def serialize(obj):
        value = field.serialize(name, obj, accessor=schema.get_attribute)
        if value is ma.missing:
            raise _Missing(name)
        return value

    scope[f"g{i}"] = serialize
    return f"g{i}(obj)"


def compile_dump(schema):
    """A function obj -> dict giving what ``schema.dump(obj)`` gives, for objects with every attribute.

    The function is written as Python source, one dict display reading each attribute once, so that a
    page of quotes costs one call per object, not several per field. An object lacking an attribute
    (marshmallow then leaves the key out) is dumped by the schema itself.
    """
    scope = {"schema": schema, "_Missing": _Missing}
    entries = [
        f"{field.data_key if field.data_key is not None else name!r}: {_expression(i, name, field, schema, scope)}"
        for i, (name, field) in enumerate(schema.dump_fields.items())
    ]
    source = (
        "def dump(obj):\n"
        "    try:\n"
        f"        return {{{', '.join(entries)}}}\n"
        "    except (AttributeError, _Missing):\n"
        "        return schema.dump(obj)\n"
    )
    exec(compile(source, f"<dump {type(schema).__name__}>", "exec"), scope)
    return scope["dump"]
