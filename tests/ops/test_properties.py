"""Properties of every operation: reversing twice gives it back, and it survives JSON."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from schemawright.ops import models as o
from schemawright.ops.plan import Step, down_operations
from tests.ops.strategies import involutive_operations, operations

ADAPTER: TypeAdapter[o.Operation] = TypeAdapter(o.Operation)


@given(involutive_operations)
def test_reversing_an_operation_twice_gives_it_back(op: o.Operation) -> None:
    assert op.reverse().reverse() == op
    assert op.reverse().transactional == op.transactional


@given(operations)
def test_every_operation_survives_json(op: o.Operation) -> None:
    assert ADAPTER.validate_json(ADAPTER.dump_json(op)) == op


@given(operations)
def test_validation_is_undone_by_nothing(op: o.Operation) -> None:
    if isinstance(op, o.ValidateConstraint):
        assert isinstance(op.reverse(), o.NoOp) and op.reverse().reverse() == op.reverse()


def _subsequence(part: list[o.Operation], whole: list[o.Operation]) -> bool:
    rest = iter(whole)
    return all(any(op == other for other in rest) for op in part)


@settings(max_examples=50)
@given(st.lists(involutive_operations, max_size=6))
def test_a_step_reversed_twice_is_itself_and_its_down_only_leaves_out(ops: list[o.Operation]) -> None:
    step = Step(operations=ops)
    assert step.reverse().reverse() == step
    # the derived down is the reversed up, less what a later DROP TABLE removes: it never adds or reorders
    assert _subsequence(down_operations(ops), step.reverse().operations)
