"""Organisation walls: learned concepts get an owner; foreign series/projects detached.

Existing learned concepts go to the only organisation when there is one, else to the one
organisation whose confirmed themes carry the concept's label; a concept that cannot be
attributed keeps no organisation, so nobody reads it until the operator assigns it in
the admin (its terms come from participants' notes of an unknown organisation).

Meetings attached to another organisation's series or project (possible before the
walls, by posting a foreign id) are detached: the series report and the previous
meeting's suggestions must never mix organisations. The step lives here rather than in
`programme` so that this one migration carries the whole wall change.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import F


def attribute_concepts(apps, schema_editor):
    Organisation = apps.get_model("programme", "Organisation")
    LearnedConcept = apps.get_model("groups", "LearnedConcept")
    Theme = apps.get_model("groups", "Theme")
    organisations = list(Organisation.objects.values_list("pk", flat=True)[:2])
    for concept in LearnedConcept.objects.filter(organisation__isnull=True):
        owners = organisations
        if len(owners) != 1:
            owners = list(Theme.objects.filter(confirmed=True, label__iexact=concept.label)
                          .values_list("group_set__meeting__organisation_id", flat=True)
                          .distinct()[:2])
        if len(owners) == 1:
            concept.organisation_id = owners[0]
            concept.save(update_fields=["organisation"])


def detach_foreign_series_and_projects(apps, schema_editor):
    Meeting = apps.get_model("programme", "Meeting")
    (Meeting.objects.filter(series__isnull=False)
     .exclude(series__organisation_id=F("organisation_id")).update(series=None))
    (Meeting.objects.filter(project__isnull=False)
     .exclude(project__organisation_id=F("organisation_id")).update(project=None))


class Migration(migrations.Migration):

    dependencies = [
        ('groups', '0001_initial'),
        ('programme', '0004_item_runs'),
    ]

    operations = [
        migrations.AddField(
            model_name='learnedconcept',
            name='organisation',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='learned_concepts', to='programme.organisation', verbose_name='organisation'),
        ),
        migrations.AlterField(
            model_name='learnedconcept',
            name='key',
            field=models.CharField(max_length=100),
        ),
        migrations.AddConstraint(
            model_name='learnedconcept',
            constraint=models.UniqueConstraint(fields=('organisation', 'key'), name='learnedconcept_unique_key'),
        ),
        migrations.RunPython(attribute_concepts, migrations.RunPython.noop),
        migrations.RunPython(detach_foreign_series_and_projects, migrations.RunPython.noop),
    ]
