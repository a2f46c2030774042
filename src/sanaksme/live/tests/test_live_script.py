"""The live pages preload every module their entry imports."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.template import Context, Template

from sanaksme.live.templatetags.live import module_graph

LIVE_JS = Path(settings.STATICFILES_DIRS[0]) / "js" / "live"
# The screens' modules, and the phone's service worker (registered, not imported).
ENTRIES = ("js/live/console.js", "js/live/phone.js", "js/live/projector.js",
           "js/live/worker.js")


def test_every_live_module_is_reached_from_an_entry() -> None:
    reached = {m for entry in ENTRIES for m in module_graph(entry, dynamic=True)} | set(ENTRIES)

    on_disk = {f"js/live/{p.relative_to(LIVE_JS).as_posix()}" for p in LIVE_JS.rglob("*.js")}

    assert reached == on_disk


def test_nested_imports_are_followed() -> None:
    graph = module_graph("js/live/phone.js")

    assert {"js/live/screen.js", "js/live/connection.js", "js/live/outbox.js",
            "js/live/dom.js", "js/live/groups/rules.js"} <= set(graph)


def test_the_tag_preloads_the_graph_before_the_entry_module() -> None:
    html = Template('{% load live %}{% live_script "js/live/phone.js" %}').render(Context())

    assert html.count('<link rel="modulepreload"') == len(module_graph("js/live/phone.js"))
    assert html.endswith('<script type="module" src="/static/js/live/phone.js"></script>')


def test_the_simple_views_modules_are_fetched_only_by_the_phones_that_chose_it() -> None:
    preloaded = set(module_graph("js/live/phone.js"))
    reachable = set(module_graph("js/live/phone.js", dynamic=True))

    pictures = {"js/live/easy/boards.js", "js/live/easy/groups.js", "js/live/easy/speaking.js"}
    assert pictures <= reachable
    assert not pictures & preloaded
