"""A marshmallow schema compiled into one plain function, for list answers.

`Schema.dump` walks every field of every item through several calls (get_value, serialize,
_serialize); on a page of 20 quotes that was a fifth of the request. :func:`compile_dump` reads the
schema once and returns a function that builds the same dict with one attribute read and one
conversion per field. The schema stays the one description of the answer (and the OpenAPI
document); tests check that both give the same JSON.

>>> class Point(ma.Schema):
...     x = ma.fields.Integer()
...     label = ma.fields.String(allow_none=True)
>>> compile_dump(Point())(type("P", (), {"x": 3.0, "label": None})())
{'x': 3, 'label': None}
"""

import datetime

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


def _value_converter(field):
    """A function from the attribute's value to its JSON value, or None when marshmallow must do it."""
    kind = type(field)
    if kind in _CONVERSIONS and not getattr(field, "as_string", False) and getattr(field, "format", None) is None:
        return _or_none(_CONVERSIONS[kind])
    if kind is ma.fields.Nested and isinstance(field.schema, ma.Schema):
        inner = compile_dump(field.schema)
        if field.many:
            return _or_none(lambda items: [inner(item) for item in items])
        return _or_none(inner)
    if kind is ma.fields.List:
        convert = _value_converter(field.inner)
        if convert is not None:
            return _or_none(lambda items: [convert(item) for item in items])
    return None


def _getter(name, field, schema):
    """obj -> the field's JSON value."""
    if type(field) is ma.fields.Function and field.serialize_func is not None:
        return field.serialize_func
    if type(field) is ma.fields.Constant:
        constant = field.constant
        return lambda obj: constant
    convert = _value_converter(field) if field._CHECK_ATTRIBUTE else None
    if convert is None:

        def serialize(obj):
            value = field.serialize(name, obj, accessor=schema.get_attribute)
            if value is ma.missing:
                raise _Missing(name)
            return value

        return serialize
    attribute = field.attribute or name
    if "." in attribute:  # a dotted path: marshmallow's accessor follows it
        return lambda obj: convert(schema.get_attribute(obj, attribute, None))
    return lambda obj: convert(getattr(obj, attribute))


def compile_dump(schema):
    """A function obj -> dict giving what ``schema.dump(obj)`` gives, for objects with every attribute.

    An object lacking an attribute (marshmallow then leaves the key out) is dumped by the schema itself.
    """
    parts = [
        (field.data_key if field.data_key is not None else name, _getter(name, field, schema))
        for name, field in schema.dump_fields.items()
    ]

    def dump(obj):
        try:
            return {key: get(obj) for key, get in parts}
        except (AttributeError, _Missing):
            return schema.dump(obj)

    return dump
