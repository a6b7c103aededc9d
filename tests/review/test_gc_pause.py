"""The collector pause the review runs under: on again after the block, unless the process ends with it
(then left off, and what is alive frozen)."""

import gc

from schemawright.gc_pause import collections_paused


def test_collector_on_again_after_the_block() -> None:
    assert gc.isenabled()
    with collections_paused():
        assert not gc.isenabled()
        with collections_paused():  # nested: leaves it to the outer block
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_left_off_only_when_asked() -> None:
    try:
        with collections_paused(leave_off=True):
            pass
        assert not gc.isenabled()
        assert gc.get_freeze_count() > 0  # the shutdown's collection skips what the process holds
    finally:
        gc.unfreeze()
        gc.enable()
