"""Bad input: a participant list saved by Excel, where a quote inside a quoted cell is
written twice (Ivanova "Olga" is saved as three cells' worth of quotes). It was
refused or misread; it must read as Excel meant it, and a really broken file must
still change nothing."""

from __future__ import annotations

import pytest

from sanaksme.core.exceptions import ImportRejected
from sanaksme.participants.models import Participant
from sanaksme.participants.services import participants_import_csv
from sanaksme.programme.models import Meeting

pytestmark = pytest.mark.django_db


def names(meeting: Meeting) -> list[str]:
    return list(Participant.objects.filter(meeting=meeting).values_list("name", flat=True))


def test_excel_doubled_quotes_are_one_quote(meeting: Meeting) -> None:
    text = 'name,category,institution\n"Ivanova ""Olga""",expert,"Biedrība ""Ceļš"""\r\n'

    participants_import_csv(meeting=meeting, text=text)

    person = Participant.objects.get(meeting=meeting)
    assert (person.name, person.institution) == ('Ivanova "Olga"', 'Biedrība "Ceļš"')


def test_excel_semicolons_and_doubled_quotes_are_read(meeting: Meeting) -> None:
    text = '\ufeffname;category\r\n"Ivanova ""Olga""";expert\r\n"Bērziņš; Jānis";municipal\r\n'

    participants_import_csv(meeting=meeting, text=text)

    assert sorted(names(meeting)) == ["Bērziņš; Jānis", 'Ivanova "Olga"']


def test_an_unclosed_quote_changes_nothing(meeting: Meeting) -> None:
    text = 'name,category\n"Ivanova ""Olga"",expert\nJānis,expert\n'

    with pytest.raises(ImportRejected):
        participants_import_csv(meeting=meeting, text=text)

    assert names(meeting) == []
