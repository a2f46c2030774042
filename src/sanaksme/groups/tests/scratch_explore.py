import json
import pytest
from sanaksme.programme.models import AgendaItem
from sanaksme.groups.services.formation import groups_draw
from sanaksme.groups.selectors import groups_state
pytestmark = pytest.mark.django_db

def test_x(demo_meeting):
    for i in AgendaItem.objects.filter(day__meeting=demo_meeting).order_by("day__date","position"):
        print(i.pk, i.day.date, i.position, i.method, i.title)
    item = AgendaItem.objects.get(day__meeting=demo_meeting, method="group_work")
    gs = groups_draw(item=item, seed=1)
    print(json.dumps(groups_state(item, audience="console"), ensure_ascii=False, indent=1)[:4000])
    print(json.dumps(groups_state(item, audience="projector"), ensure_ascii=False)[:3000])
