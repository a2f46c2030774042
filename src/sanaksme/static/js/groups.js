/* Small groups on the live screens: forming groups, worksheets, presentations and the
 * comparison. Loaded before live.js, which calls SanaksmeGroups(api) with its helpers.
 * Everything people wrote goes in with textContent, never as HTML.
 */
window.SanaksmeGroups = function (api) {
  "use strict";
  var el = api.el, tool = api.tool, send = api.send, S = api.S, cfg = api.cfg;
  var PARTS = [["municipality", "⌂"], ["state", "⚑"], ["community", "☺"]];
  var outKey = "sanaksme.gout." + cfg.ws;
  var open = {};  // factor ids whose details are unfolded on this screen
  var dragged = null;
  var gs = null;

  function pending() { return api.load(outKey); }
  function queue(msg) {
    var box = pending(); box.push(msg); api.store(outKey, box); send(msg);
  }
  function flush() { pending().forEach(function (m) { send(m); }); }
  function ack(clientId) {
    var box = pending();
    var left = box.filter(function (m) { return m.client_id !== clientId; });
    if (left.length !== box.length) { api.store(outKey, left); return true; }
    return false;
  }
  function partLabel(p) { return S["g_" + p]; }
  function sharesBar(shares, big) {
    var bar = el("div", {"class": "shares" + (big ? " big" : "")});
    if (!shares) { bar.appendChild(el("span", {"class": "unset"}, S.g_not_weighed)); return bar; }
    PARTS.forEach(function (p) {
      if (!shares[p[0]]) return;
      var seg = el("span", {"class": "seg " + p[0]}, p[1] + " " + shares[p[0]] + "%");
      seg.style.flexGrow = String(shares[p[0]]);  // CSSOM: allowed by the CSP
      seg.title = partLabel(p[0]) + " " + shares[p[0]] + "%";
      bar.appendChild(seg);
    });
    return bar;
  }
  function legend() {
    var l = el("p", {"class": "shares-legend"});
    PARTS.forEach(function (p) { l.appendChild(el("span", {"class": "key " + p[0]}, p[1] + " " + partLabel(p[0]))); });
    return l;
  }

  /* ---- a worksheet: editable by its group's phones and the console ---- */
  function weigh(f, groupId) {
    var box = el("div", {"class": "weigh"});
    box.appendChild(el("p", {"class": "hint"}, S.g_who_can_change));
    PARTS.forEach(function (p) {
      var row = el("div", {"class": "weigh-row"});
      row.appendChild(el("span", {"class": "part " + p[0]}, p[1] + " " + partLabel(p[0])));
      var minus = tool("−", function () { tap(f, p[0], -1); }, "round");
      minus.setAttribute("aria-label", partLabel(p[0]) + " −");
      var dots = el("span", {"class": "dots", "aria-label": partLabel(p[0]) + ": " + f.weights[p[0]]});
      for (var i = 0; i < 10; i++) dots.appendChild(el("i", {"class": i < f.weights[p[0]] ? "on " + p[0] : ""}));
      var plus = tool("+", function () { tap(f, p[0], 1); }, "round");
      plus.setAttribute("aria-label", partLabel(p[0]) + " +");
      row.appendChild(minus); row.appendChild(dots); row.appendChild(plus);
      box.appendChild(row);
    });
    box.appendChild(sharesBar(f.shares));
    return box;
  }
  function tap(f, part, delta) {
    var w = {municipality: f.weights.municipality, state: f.weights.state, community: f.weights.community};
    w[part] = Math.max(0, Math.min(10, w[part] + delta));
    send({action: "factor.weigh", factor: f.id, weights: w});
  }
  function textForm(id, placeholder, label, onSend) {
    var form = el("form", {"class": "g-add"});
    var input = el("input", {id: id, type: "text", maxlength: "300", placeholder: placeholder, "aria-label": placeholder, autocomplete: "off"});
    form.appendChild(input);
    form.appendChild(el("button", {type: "submit", "class": "tool primary"}, label));
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var text = input.value.trim();
      if (!text) return;
      onSend(text); input.value = "";
    });
    return form;
  }
  function factorNode(f, ws, editable, big) {
    var li = el("li", {"class": "factor" + (f.top ? " top" : "") + (f.hidden ? " hidden" : ""), id: "factor-" + f.id});
    var head = el("div", {"class": "factor-head"});
    head.appendChild(el("span", {"class": "rank"}, f.hidden ? "–" : (f.top ? "★" : "") + f.rank));
    head.appendChild(el("span", {"class": "text"}, f.text));
    li.appendChild(head);
    if (f.hidden) {
      if (editable) li.appendChild(tool(S.bring_back, function () { send({action: "factor.hide", factor: f.id, hidden: false}); }));
      return li;
    }
    if (!editable || big) {
      if (f.solutions.length) {
        var sol = el("ul", {"class": "solutions"});
        f.solutions.forEach(function (s) { if (!s.hidden) sol.appendChild(el("li", {}, "✚ " + s.text)); });
        li.appendChild(sol);
      }
      li.appendChild(sharesBar(f.shares, big));
      return li;
    }
    var ids = ws.factors.filter(function (x) { return !x.hidden; }).map(function (x) { return x.id; });
    var at = ids.indexOf(f.id);
    var tools = el("div", {"class": "factor-tools"});
    var up = tool("↑", function () { move(ws, ids, at, -1); }, "round");
    up.setAttribute("aria-label", S.move_up); up.disabled = at === 0;
    var down = tool("↓", function () { move(ws, ids, at, 1); }, "round");
    down.setAttribute("aria-label", S.move_down); down.disabled = at === ids.length - 1;
    tools.appendChild(up); tools.appendChild(down);
    var n = f.solutions.filter(function (s) { return !s.hidden; }).length;
    tools.appendChild(tool((open[f.id] ? "▾ " : "▸ ") + S.g_solutions + " (" + n + ")", function () {
      open[f.id] = !open[f.id]; api.rerender(); }));
    li.appendChild(tools);
    li.appendChild(sharesBar(f.shares));
    if (open[f.id]) {
      var list = el("ul", {"class": "solutions"});
      f.solutions.forEach(function (s) {
        var sl = el("li", {"class": s.hidden ? "hidden" : ""}, (s.hidden ? "" : "✚ ") + s.text + " ");
        sl.appendChild(tool(s.hidden ? S.bring_back : "✕", function () {
          send({action: "solution.hide", solution: s.id, hidden: !s.hidden}); }, "small"));
        list.appendChild(sl);
      });
      li.appendChild(list);
      li.appendChild(textForm("solution-" + f.id, S.g_new_solution, S.g_add, function (text) {
        queue({action: "solution.add", factor: f.id, text: text, client_id: api.newClientId()});
      }));
      li.appendChild(weigh(f, ws.group_id));
      li.appendChild(tool(S.g_remove, function () { send({action: "factor.hide", factor: f.id, hidden: true}); }, "small danger"));
    }
    return li;
  }
  function move(ws, ids, at, step) {
    var order = ids.slice(); var id = order.splice(at, 1)[0]; order.splice(at + step, 0, id);
    var hidden = ws.factors.filter(function (x) { return x.hidden; }).map(function (x) { return x.id; });
    send({action: "factor.arrange", group: ws.group_id, order: order.concat(hidden)});
  }
  function renderWorksheet(box, ws, editable, big) {
    var sec = el("section", {"class": "worksheet" + (big ? " big" : ""), id: "worksheet-" + ws.group_id});
    sec.appendChild(el("h2", {}, ws.name + (ws.place ? " · " + ws.place : "")));
    var list = el("ol", {"class": "factors"});
    ws.factors.forEach(function (f) { if (!f.hidden || editable) list.appendChild(factorNode(f, ws, editable, big)); });
    pending().forEach(function (m) {
      if (m.action === "factor.add" && (editable && (m.group === ws.group_id || (!m.group && ws.group_id === gs.my_group))))
        list.appendChild(el("li", {"class": "factor pending"}, "⏳ " + m.text));
    });
    if (!ws.factors.length && !editable) sec.appendChild(el("p", {"class": "hint"}, S.g_no_factors));
    sec.appendChild(list);
    if (editable) {
      sec.appendChild(textForm("factor-new-" + ws.group_id, S.g_new_factor, S.g_add, function (text) {
        var msg = {action: "factor.add", text: text, client_id: api.newClientId()};
        if (cfg.audience === "console") msg.group = ws.group_id;
        queue(msg); api.rerender();
      }));
      if (ws.factors.length) sec.appendChild(el("p", {"class": "hint"}, S.g_order_hint));
    }
    box.appendChild(sec);
  }

  /* ---- forming the groups ---- */
  function memberChip(m, g) {
    var chip = el("li", {"class": "member", draggable: cfg.audience === "console" ? "true" : "false"});
    chip.appendChild(el("span", {}, m.name));
    if (cfg.audience !== "console") return chip;
    chip.addEventListener("dragstart", function (e) { dragged = {participant: m.id}; e.dataTransfer.setData("text/plain", String(m.id)); });
    var sel = el("select", {"aria-label": S.g_move_to + " " + m.name, "class": "move-to"});
    gs.groups.forEach(function (o) {
      var opt = el("option", {value: String(o.id)}, o.name);
      if (o.id === g.id) opt.selected = true;
      sel.appendChild(opt);
    });
    sel.addEventListener("change", function () { send({action: "groups.move", participant: m.id, group: Number(sel.value)}); });
    chip.appendChild(sel);
    return chip;
  }
  function groupCard(g) {
    var mine = g.id === gs.my_group;
    var card = el("section", {"class": "group-card" + (mine ? " mine" : "") + (g.dedicated ? " dedicated" : ""), id: "group-" + g.id});
    var h = el("h2", {}, g.name);
    if (g.label) h.appendChild(el("span", {"class": "label"}, " · " + g.label));
    card.appendChild(h);
    if (cfg.audience === "console") {
      var place = el("input", {type: "text", value: g.place, maxlength: "100", placeholder: S.g_place, "aria-label": S.g_place + " " + g.name});
      place.addEventListener("change", function () { send({action: "groups.place", group: g.id, place: place.value}); });
      card.appendChild(place);
      card.addEventListener("dragover", function (e) { if (dragged && dragged.participant) e.preventDefault(); });
      card.addEventListener("drop", function (e) {
        e.preventDefault();
        if (dragged && dragged.participant) send({action: "groups.move", participant: dragged.participant, group: g.id});
        dragged = null;
      });
    } else if (g.place) card.appendChild(el("p", {"class": "place"}, g.place));
    if (g.members.length) {
      var ul = el("ul", {"class": "members"});
      g.members.forEach(function (m) { ul.appendChild(memberChip(m, g)); });
      card.appendChild(ul);
    } else card.appendChild(el("p", {"class": "hint"}, S.g_people + ": " + g.size));
    if (cfg.audience !== "phone") card.appendChild(el("p", {"class": "count"}, S.g_factors_written + ": " + g.factors));
    return card;
  }
  function renderForming(root) {
    if (gs.question) root.appendChild(el("p", {"class": "question"}, gs.question));
    if (cfg.audience === "console") {
      var p = gs.pool, bar = el("div", {"class": "speaking-tools"});
      root.appendChild(el("p", {"class": "hint"}, S.g_present + ": " + p.present + " · " + S.g_registered + ": " + p.registered));
      var draw = function (everyone) {
        if (!gs.drawn || window.confirm(S.g_draw_again_confirm)) send({action: "groups.draw", everyone: everyone});
      };
      var style = gs.drawn ? "" : "primary big";
      if (p.present && p.present < p.registered) {
        bar.appendChild(tool((gs.drawn ? S.g_draw_again : S.g_draw) + " — " + S.g_from_present + " (" + p.eligible_present + ")",
          function () { draw(false); }, style));
        bar.appendChild(tool(S.g_from_all + " (" + p.eligible_all + ")", function () { draw(true); }));
      } else {
        bar.appendChild(tool(gs.drawn ? S.g_draw_again : S.g_draw, function () { draw(false); }, style));
      }
      if (gs.drawn) {
        bar.appendChild(tool(S.g_add_late + " (" + p.waiting.length + ")", function () { send({action: "groups.add_late"}); }));
        var lab = el("label", {"class": "check"});
        var cb = el("input", {type: "checkbox"}); cb.checked = !!gs.open;
        cb.addEventListener("change", function () { send({action: "groups.open", open: cb.checked}); });
        lab.appendChild(cb); lab.appendChild(document.createTextNode(" " + S.g_open_worksheets));
        bar.appendChild(lab);
      }
      root.appendChild(bar);
      if (gs.drawn) root.appendChild(el("p", {"class": "hint"}, S.g_drag_hint + " · " + S.g_seed + " " + gs.seed));
    }
    if (!gs.drawn) { root.appendChild(el("p", {"class": "waiting"}, S.g_not_formed)); return; }
    if (cfg.audience === "phone") {
      var me = gs.groups.filter(function (g) { return g.id === gs.my_group; })[0];
      if (!me) { root.appendChild(el("p", {"class": "waiting"}, S.g_no_group)); return; }
      var you = el("div", {"class": "your-group"});
      you.appendChild(el("p", {"class": "hint"}, S.g_your_group));
      you.appendChild(el("p", {"class": "big-number"}, String(me.number)));
      if (me.place) you.appendChild(el("p", {"class": "place"}, me.place));
      you.appendChild(el("p", {"class": "hint"}, me.members.map(function (m) { return m.name; }).join(", ")));
      root.appendChild(you);
      gs.worksheets.forEach(function (ws) { renderWorksheet(root, ws, ws.group_id === gs.my_group, false); });
      return;
    }
    var grid = el("div", {"class": "group-grid"});
    gs.groups.forEach(function (g) { grid.appendChild(groupCard(g)); });
    root.appendChild(grid);
    if (cfg.audience === "console") {
      if (gs.pool.waiting.length) root.appendChild(el("p", {"class": "hint"}, S.g_waiting + ": " +
        gs.pool.waiting.map(function (m) { return m.name; }).join(", ")));
      var sheets = el("div", {"class": "worksheet-grid"});
      gs.worksheets.forEach(function (ws) { renderWorksheet(sheets, ws, true, false); });
      root.appendChild(sheets);
    } else if (gs.worksheets.length) {
      var all = el("div", {"class": "worksheet-grid"});
      gs.worksheets.forEach(function (ws) { renderWorksheet(all, ws, false, false); });
      root.appendChild(all);
    }
  }

  /* ---- presentations ---- */
  function clock() {
    var sh = gs && gs.showing, node = document.getElementById("group-clock");
    if (!sh || !sh.current || !node) return;
    var left = sh.ends_at ? (Date.parse(sh.ends_at) - api.now()) / 1000 : sh.left;
    if (left === null || left === undefined) { node.textContent = ""; return; }
    node.textContent = api.clockText(left);
    node.className = "clock" + (sh.paused ? " paused" : "") +
      (left < 0 ? " overrun" : left <= Math.min(sh.allowed * 0.2, 30) ? " warning" : "");
  }
  setInterval(clock, 250);
  function renderShowing(root) {
    var sh = gs.showing, cmp = gs.comparison;
    if (cfg.audience !== "console" && cmp.shown) { renderComparison(root, cmp); return; }
    var cur = sh.order.filter(function (o) { return o.group_id === sh.current; })[0];
    if (cur) {
      var head = el("div", {"class": "speaking group-presenting"});
      head.appendChild(el("p", {"class": "speaking-label"}, S.g_presenting));
      head.appendChild(el("p", {"class": "speaker"}, cur.name));
      head.appendChild(el("p", {id: "group-clock", "class": "clock", role: "timer"}));
      root.appendChild(head);
    } else if (sh.finished) root.appendChild(el("p", {"class": "waiting"}, S.g_all_presented));
    if (cfg.audience === "console") {
      var bar = el("div", {"class": "speaking-tools"});
      bar.appendChild(tool(cur ? S.g_next_group : sh.finished ? S.g_next_group : S.g_start, function () {
        send({action: "show.next", expected: sh.current}); }, "primary big"));
      bar.appendChild(tool(S.back, function () { send({action: "show.back", expected: sh.current}); }));
      if (cur) {
        bar.appendChild(tool(sh.paused ? S.resume : S.pause, function () { send({action: "show.pause", paused: !sh.paused}); }));
        bar.appendChild(tool(S.add_minute, function () { send({action: "show.add", seconds: 60}); }));
      }
      root.appendChild(bar);
    }
    var order = el("ol", {"class": "speaking-order"});
    sh.order.forEach(function (o) {
      order.appendChild(el("li", {"class": o.group_id === sh.current ? "current" : ""},
        o.name + (o.presented_seconds ? " · " + api.clockText(o.presented_seconds) : "")));
    });
    if (!cur || cfg.audience === "console") root.appendChild(order);
    var ws = gs.worksheets.filter(function (w) { return w.group_id === sh.current; })[0];
    if (ws) { renderWorksheet(root, ws, false, cfg.audience === "projector"); if (cfg.audience === "projector") root.appendChild(legend()); }
    clock();
    if (cfg.audience === "console" && cmp.enabled) renderComparison(root, cmp);
  }

  /* ---- the comparison: common / experts only / community only ---- */
  var COLUMNS = ["common", "experts_only", "community_only"];
  function themeCard(t, cmp) {
    var card = el("li", {"class": "theme " + t.status + (t.confirmed ? " confirmed" : ""), id: "theme-" + t.id});
    var console_ = cfg.audience === "console";
    var head = el("div", {"class": "theme-head", draggable: console_ ? "true" : "false"});
    head.appendChild(el("span", {"class": "label"}, t.label));
    if (cfg.audience !== "console") head.appendChild(el("span", {"class": "count"}, " (" + t.factors.length + ")"));
    card.appendChild(head);
    if (!console_) return card;
    head.addEventListener("dragstart", function (e) { dragged = {theme: t.id}; e.dataTransfer.setData("text/plain", "t" + t.id); });
    card.addEventListener("dragover", function (e) { if (dragged && (dragged.theme !== t.id)) e.preventDefault(); });
    card.addEventListener("drop", function (e) {
      e.preventDefault();
      if (dragged && dragged.factor) send({action: "factor.theme", factor: dragged.factor, theme: t.id});
      else if (dragged && dragged.theme && dragged.theme !== t.id) send({action: "theme.merge", theme: dragged.theme, into: t.id});
      dragged = null;
    });
    var tools = el("div", {"class": "theme-tools"});
    tools.appendChild(tool("✎", function () {
      var label = window.prompt(S.g_rename, t.label);
      if (label && label.trim()) send({action: "theme.rename", theme: t.id, label: label});
    }, "small"));
    var merge = el("select", {"aria-label": S.g_merge_into + " " + t.label, "class": "merge-into"});
    merge.appendChild(el("option", {value: ""}, S.g_merge_into + "…"));
    cmp.themes.forEach(function (o) { if (o.id !== t.id) merge.appendChild(el("option", {value: String(o.id)}, o.label)); });
    merge.addEventListener("change", function () { if (merge.value) send({action: "theme.merge", theme: t.id, into: Number(merge.value)}); });
    tools.appendChild(merge);
    head.appendChild(tools);
    var ul = el("ul", {"class": "theme-factors"});
    t.factors.forEach(function (f) {
      var li = el("li", {"class": "chip " + f.side, draggable: "true", id: "chip-" + f.id}, f.group + ": " + f.text);
      li.addEventListener("dragstart", function (e) { e.stopPropagation(); dragged = {factor: f.id}; e.dataTransfer.setData("text/plain", "f" + f.id); });
      if (t.factors.length > 1) li.appendChild(tool("⇱", function () { send({action: "factor.theme", factor: f.id, theme: null}); }, "small split"));
      ul.appendChild(li);
    });
    card.appendChild(ul);
    return card;
  }
  function renderChart(box, cmp) {
    var common = cmp.themes.filter(function (t) { return t.status === "common" && t.experts && t.community; });
    if (!common.length) return;
    var chart = el("section", {"class": "resp-chart"});
    chart.appendChild(el("h3", {}, S.g_chart));
    chart.appendChild(legend());
    common.forEach(function (t) {
      var row = el("div", {"class": "resp-row"});
      row.appendChild(el("p", {"class": "resp-label"}, t.label));
      var a = el("div", {"class": "resp-bar"}); a.appendChild(el("span", {"class": "who"}, S.g_experts)); a.appendChild(sharesBar(t.experts, true));
      var b = el("div", {"class": "resp-bar"}); b.appendChild(el("span", {"class": "who"}, S.g_community)); b.appendChild(sharesBar(t.community, true));
      row.appendChild(a); row.appendChild(b);
      chart.appendChild(row);
    });
    box.appendChild(chart);
  }
  function renderComparison(root, cmp) {
    var box = el("section", {"class": "comparison", id: "comparison"});
    box.appendChild(el("h2", {}, S.g_comparison));
    if (cfg.audience === "console") {
      var bar = el("div", {"class": "speaking-tools"});
      bar.appendChild(tool(cmp.themes.length ? S.g_propose_again : S.g_propose, function () { send({action: "compare.run"}); }, cmp.themes.length ? "" : "primary"));
      if (cmp.themes.length) {
        bar.appendChild(tool(cmp.confirmed ? S.g_confirmed : S.g_confirm, function () { send({action: "compare.confirm"}); }));
        var lab = el("label", {"class": "check"});
        var cb = el("input", {type: "checkbox"}); cb.checked = !!cmp.shown;
        cb.addEventListener("change", function () { send({action: "compare.show", shown: cb.checked}); });
        lab.appendChild(cb); lab.appendChild(document.createTextNode(" " + S.g_show_comparison));
        bar.appendChild(lab);
      }
      box.appendChild(bar);
      if (cmp.unthemed) box.appendChild(el("p", {"class": "hint"}, S.g_unthemed + ": " + cmp.unthemed));
      if (cmp.themes.length) box.appendChild(el("p", {"class": "hint"}, S.g_compare_hint));
    }
    var cols = el("div", {"class": "columns"});
    COLUMNS.forEach(function (c) {
      var col = el("section", {"class": "column " + c});
      col.appendChild(el("h3", {}, S["g_" + c]));
      var ul = el("ul", {"class": "themes"});
      cmp.themes.forEach(function (t) { if (t.status === c) ul.appendChild(themeCard(t, cmp)); });
      col.appendChild(ul);
      cols.appendChild(col);
    });
    box.appendChild(cols);
    renderChart(box, cmp);
    root.appendChild(box);
  }

  return {
    render: function (root, state) {
      gs = state;
      if (gs.kind === "group_presentations") {
        if (!gs.drawn) { root.appendChild(el("p", {"class": "waiting"}, S.g_not_formed)); return; }
        renderShowing(root);
      } else renderForming(root);
    },
    ack: ack, flush: flush,
    /* A worksheet line refused for now (rate, a busy database, a restart) stays in the
       outbox and is sent again after retry_after; only a refusal for good drops it
       (live.js shows the message). The server stores a client id once. */
    failed: function (msg) {
      if (!msg.client_id) return;
      if (msg.retry) {
        var wait = typeof msg.retry_after === "number" && msg.retry_after > 0 ? msg.retry_after : 5;
        window.setTimeout(flush, wait * 1000 + Math.random() * 1000);
        return;
      }
      ack(msg.client_id);
    }
  };
};
