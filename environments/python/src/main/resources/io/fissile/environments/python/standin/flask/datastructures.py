"""The two containers Flask code touches most, with Werkzeug's method names."""

MISSING = object()


class MultiDict(dict):
    """Query or form fields: indexing gives a key's first value, getlist() all of them."""

    def __init__(self, pairs=()):
        super().__init__()
        self._lists = {}
        for key, value in pairs:
            self.add(key, value)

    def add(self, key, value):
        self._lists.setdefault(key, []).append(value)
        if not dict.__contains__(self, key):
            dict.__setitem__(self, key, value)

    def __setitem__(self, key, value):
        self._lists[key] = [value]
        dict.__setitem__(self, key, value)

    def __delitem__(self, key):
        del self._lists[key]
        dict.__delitem__(self, key)

    def get(self, key, default=None, type=None):
        if key not in self:
            return default
        return convert(self[key], type, default)

    def getlist(self, key, type=None):
        values = self._lists.get(key, [])
        if type is None:
            return list(values)
        return [value for value in (convert(v, type, MISSING) for v in values) if value is not MISSING]

    def items(self, multi=False):
        if not multi:
            return dict.items(self)
        return [(key, value) for key, values in self._lists.items() for value in values]

    def lists(self):
        return [(key, list(values)) for key, values in self._lists.items()]

    def to_dict(self, flat=True):
        return dict(self) if flat else {key: list(values) for key, values in self._lists.items()}


class Headers:
    """Case-insensitive HTTP headers in order. As Werkzeug's, iterating yields (name, value) pairs."""

    def __init__(self, headers=None):
        self._items = []
        if headers is not None:
            self.extend(headers)

    def get(self, key, default=None, type=None):
        for name, value in self._items:
            if name.lower() == key.lower():
                return convert(value, type, default)
        return default

    def getlist(self, key):
        return [value for name, value in self._items if name.lower() == key.lower()]

    def __getitem__(self, key):
        value = self.get(key, MISSING)
        if value is MISSING:
            raise KeyError(key)
        return value

    def __contains__(self, key):
        return any(name.lower() == key.lower() for name, _ in self._items)

    def __iter__(self):
        return iter(list(self._items))

    def __len__(self):
        return len(self._items)

    def keys(self):
        return [name for name, _ in self._items]

    def values(self):
        return [value for _, value in self._items]

    def items(self):
        return list(self._items)

    def add(self, key, value):
        self._items.append((key, str(value)))

    def set(self, key, value):
        self.remove(key)
        self.add(key, value)

    __setitem__ = set

    def remove(self, key):
        self._items = [(name, value) for name, value in self._items if name.lower() != key.lower()]

    __delitem__ = remove

    def setdefault(self, key, default):
        if key not in self:
            self.add(key, default)
        return self[key]

    def extend(self, headers):
        for key, value in pairs_of(headers):
            self.add(key, value)

    def update(self, headers):
        """Replaces the named headers (all values of a list are kept)."""
        pairs = list(pairs_of(headers))
        for key in {key.lower() for key, _ in pairs}:
            self.remove(key)
        for key, value in pairs:
            self.add(key, value)

    def to_wsgi_list(self):
        return list(self._items)

    def __repr__(self):
        return f"Headers({self._items!r})"


def pairs_of(headers):
    if isinstance(headers, Headers):
        return headers.items()
    if isinstance(headers, dict):
        return [(key, item) for key, value in headers.items() for item in (value if isinstance(value, (list, tuple)) else [value])]
    return list(headers)


def convert(value, type, default):
    """get(key, type=int) and the like: the converted value, or default when it does not convert."""
    if type is None:
        return value
    try:
        return type(value)
    except (ValueError, TypeError):
        return default
