"""Names are listed in Latvian alphabetical order, not by code point."""

from __future__ import annotations

from typing import Any

import pytest

from sanaksme.participants.selectors import participant_list_for_joining
from sanaksme.programme.models import Meeting

pytestmark = pytest.mark.django_db


def test_names_sort_in_latvian_order(meeting: Meeting, participant_factory: Any) -> None:
    for name in ("Jeļena Ivanova", "Žanna Kalniņa", "Jānis Ozols", "Zane Bērziņa",
                 "Česlavs Ruks", "Cilda Lapa"):
        participant_factory(meeting=meeting, name=name, category="municipality")

    names = [name for _pk, name in participant_list_for_joining(meeting)]

    # By code point "Jeļena" came before "Jānis" and "Žanna" before "Zane".
    assert names == ["Cilda Lapa", "Česlavs Ruks", "Jānis Ozols", "Jeļena Ivanova",
                     "Zane Bērziņa", "Žanna Kalniņa"]
