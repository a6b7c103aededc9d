"""Running SQL on real engines: scratch databases on a server or embedded (``scratch.py``), the statement
splitter each engine's client implies (``splitter.py``), and one :class:`Engine` per engine
(``postgresql.py``, ``mysql.py``, ``sqlite.py`` over ``base.py``) for what differs when talking to a live
one: which server URL it reads, how its catalog is queried, how its driver binds values.

The SQL *text* an engine accepts is :mod:`schemawright.emit.sql`'s business (``Engine.sql`` is that
dialect); this package is the one place besides it where code may branch on the engine."""
