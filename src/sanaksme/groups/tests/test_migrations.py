"""Migration groups/0002: learned concepts get an owner; foreign series are detached."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("groups", "0001_initial"), ("programme", "0004_item_runs")]
AFTER = [("groups", "0002_learned_concept_organisation")]


def migrate(targets: list[tuple[str, str]]) -> Any:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def old_apps(no_demo: None) -> Iterator[Any]:
    """The database before the migration, without the session's demo meeting."""
    apps = migrate(BEFORE)
    yield apps
    migrate(executor_leaves())


def executor_leaves() -> list[tuple[str, str]]:
    leaves: list[tuple[str, str]] = MigrationExecutor(connection).loader.graph.leaf_nodes()
    return leaves


def test_concepts_of_the_only_organisation_become_its_own(old_apps: Any) -> None:
    organisation = old_apps.get_model("programme", "Organisation").objects.create(name="A")
    old_apps.get_model("groups", "LearnedConcept").objects.create(
        key="chess", label="Galda spēles", terms=["šahs"], learned=True)

    new_apps = migrate(AFTER)

    concept = new_apps.get_model("groups", "LearnedConcept").objects.get(key="chess")
    assert concept.organisation_id == organisation.pk


def test_concepts_of_unknown_origin_are_read_by_nobody(old_apps: Any) -> None:
    organisations = old_apps.get_model("programme", "Organisation").objects
    organisations.create(name="A")
    organisations.create(name="B")
    old_apps.get_model("groups", "LearnedConcept").objects.create(
        key="chess", label="Galda spēles", terms=["šahs"], learned=True)

    new_apps = migrate(AFTER)

    concept = new_apps.get_model("groups", "LearnedConcept").objects.get(key="chess")
    assert concept.organisation_id is None


def test_a_meeting_in_another_organisations_series_is_detached(old_apps: Any) -> None:
    organisations = old_apps.get_model("programme", "Organisation").objects
    a, b = organisations.create(name="A"), organisations.create(name="B")
    series = old_apps.get_model("programme", "Series").objects.create(
        organisation=a, slug="a-series", title="A")
    day = dt.date(2017, 1, 26)
    meetings = old_apps.get_model("programme", "Meeting").objects
    own = meetings.create(organisation=a, series=series, slug="a1", title="A1",
                          place="X", starts_on=day, ends_on=day, join_code="AAAAAA")
    smuggled = meetings.create(organisation=b, series=series, slug="b1", title="B1",
                               place="X", starts_on=day, ends_on=day, join_code="BBBBBB")

    new_apps = migrate(AFTER)

    after = new_apps.get_model("programme", "Meeting").objects
    assert after.get(pk=own.pk).series_id == series.pk
    assert after.get(pk=smuggled.pk).series_id is None
