"""One schema model of a database (``models.py``) and its single reader of a live database
(``reflect.py``). The designer's view of an existing project (``project/reflect.py``) and the reviewer's
(``review/reflect.py``) are filters over the one catalog."""
