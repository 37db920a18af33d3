from __future__ import annotations

import gc

import pytest

from archive_core.tests.effort import cpu_seconds


def test_the_work_is_timed_with_the_objects_before_it_out_of_the_collector_s_reach():
    seen: list[int] = []
    assert cpu_seconds(lambda: seen.append(gc.get_freeze_count())) >= 0
    assert seen[0] > 0 and gc.get_freeze_count() == 0


def test_the_objects_are_given_back_to_the_collector_when_the_work_fails():
    with pytest.raises(ZeroDivisionError):
        cpu_seconds(lambda: 1 / 0)
    assert gc.get_freeze_count() == 0
