"""Operation objects and migration plans: every schema change the designer makes is an operation with
a ``reverse()``; down migrations are the reversed operations of the up, never written separately."""
