/* Live screens (console, projector, phone): one small client, no framework.
 *
 * The server sends the full state on every (re)connect; after that, events carry the
 * meeting's sequence number and a gap makes us ask for the state again. Phones keep
 * unsent notes in localStorage with a client id and resend them until stored or
 * refused for good (see the outbox below); the server stores each client id once.
 * Everything people wrote is put in the page with textContent, never as HTML.
 */
(function () {
  "use strict";
  var root = document.getElementById("live");
  var cfgNode = document.getElementById("live-config");
  if (!root || !cfgNode) return;
  var cfg = JSON.parse(cfgNode.textContent);
  var S = cfg.strings;
  // Symbols every Debian laptop font (DejaVu) and Android font has: no emoji font needed.
  var ICONS = {positive: "☺", problem: "⚠", existing_solution: "✔",
               possible_solution: "✚", feedback: "✎", suggestion: "➜"};
  var socket = null, lastSeq = 0, state = null, backoff = 500, syncAsked = 0;
  var skew = 0, pingSent = 0;  // server clock minus ours, for countdowns
  var chosen = {sheet: null, column: null, author: ""};
  var outboxKey = "sanaksme.outbox." + cfg.ws;
  var sentKey = "sanaksme.sent." + cfg.ws;
  var refusedKey = "sanaksme.refused." + cfg.ws;  // notes the server refused for good

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function load(key) {
    try { return JSON.parse(localStorage.getItem(key) || "[]"); } catch (e) { return []; }
  }
  function store(key, list) {
    try { localStorage.setItem(key, JSON.stringify(list)); } catch (e) { /* full: keep in memory */ }
  }
  function newClientId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }
  function setStatus(online) {
    document.body.classList.toggle("offline", !online);
    var badge = document.getElementById("conn");
    if (badge) badge.textContent = online ? S.online : S.offline;
  }
  function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(message));
      return true;
    }
    return false;
  }

  function connect() {
    var proto = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(proto + location.host + cfg.ws);
    socket.onopen = function () { backoff = 500; lastPong = Date.now(); outboxReset(); setStatus(true); };
    socket.onmessage = function (event) { handle(JSON.parse(event.data)); };
    socket.onclose = function (event) {
      outboxReset(); setStatus(false);
      if (event.code === 4403) { location.reload(); return; }
      if (navigator.onLine === false) return;  // the "online" event reconnects
      setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, 8000);
    };
  }

  function handle(msg) {
    if (msg.type === "state") {
      syncAsked = 0;
      if (state && msg.seq < lastSeq) return;  // an older answer overtaken by events
      state = msg; lastSeq = msg.seq; render(); flushOutbox();
      if (groupsUi) groupsUi.flush();
      if (state.speaking || state.groups) { pingSent = Date.now(); send({action: "ping"}); }  // learn the clock
      return;
    }
    if (msg.type === "pong") {
      lastPong = Date.now();
      if (msg.now && pingSent) {  // server time minus ours, half the round trip allowed for
        skew = Date.parse(msg.now) + (lastPong - pingSent) / 2 - lastPong;
        pingSent = 0;
      }
      if (msg.seq > lastSeq) resync();  // missed the last events of a burst
      return;
    }
    if (msg.type === "ack") {
      if (groupsUi && groupsUi.ack(msg.client_id)) render(); else acknowledged(msg.client_id);
      return;
    }
    if (msg.type === "done") return;  // a console action; its event brings the change
    if (msg.type === "error") { if (groupsUi) groupsUi.failed(msg); failed(msg); return; }
    if (typeof msg.seq === "number") {
      if (msg.seq <= lastSeq) return;               // already in the state we have
      if (msg.seq !== lastSeq + 1) { resync(); return; }  // a gap: heal from the database
      lastSeq = msg.seq;
    }
    if (msg.type === "boards.note_added") addNote(msg);
    else if (msg.type !== "live.seq_advanced") resync();
  }
  function resync() {  // one request at a time; ask again only if it got lost
    if (syncAsked && Date.now() - syncAsked < 10000) return;
    if (send({action: "sync"})) syncAsked = Date.now();
  }

  /* ---- board (console and projector) ---- */
  function noteNode(note, sheet) {
    var li = el("li", {id: "note-" + note.id, "class": "note" + (note.hidden ? " hidden-note" : "") +
                       (note.merged_into ? " merged-note" : "")});
    li.appendChild(el("span", {"class": "text"}, note.text));
    if (note.merged) li.appendChild(el("span", {"class": "merged", title: S.merged}, "×" + (note.merged + 1)));
    (note.replies || []).forEach(function (r) {
      var p = el("p", {"class": "reply r-" + r.kind});
      p.appendChild(el("strong", {}, r.label + ": "));
      p.appendChild(document.createTextNode(r.text));
      li.appendChild(p);
    });
    if (note.hidden) li.appendChild(el("p", {"class": "reason"}, S.hidden + ": " + note.reason));
    if (note.merged_into) li.appendChild(el("p", {"class": "reason"}, S.merged_into));
    if (cfg.audience === "console" && sheet) li.appendChild(noteTools(note, sheet));
    if (cfg.audience === "phone" && state.can_reply && state.item.reply_kinds.length) {
      var bar = el("div", {"class": "tools"});
      bar.appendChild(tool(S.reply, function () { replyForm(note, bar); }));
      li.appendChild(bar);
    }
    return li;
  }
  var mergeFrom = null;
  function tool(label, onClick, extra) {
    var b = el("button", {type: "button", "class": "tool" + (extra ? " " + extra : "")}, label);
    b.addEventListener("click", onClick);
    return b;
  }
  function noteTools(note, sheet) {
    var bar = el("div", {"class": "tools"});
    if (mergeFrom && mergeFrom.sheet === sheet.id && mergeFrom.note !== note.id && !note.merged_into) {
      bar.appendChild(tool(S.merge_here, function () {
        send({action: "note.merge", note: mergeFrom.note, into: note.id}); mergeFrom = null; render();
      }, "primary"));
      return bar;
    }
    if (note.hidden) bar.appendChild(tool(S.show, function () { send({action: "note.show", note: note.id}); }));
    else bar.appendChild(tool(S.hide, function () {
      var reason = window.prompt(S.hide_reason);
      if (reason && reason.trim()) send({action: "note.hide", note: note.id, reason: reason});
    }));
    if (note.merged_into) bar.appendChild(tool(S.unmerge, function () { send({action: "note.unmerge", note: note.id}); }));
    else bar.appendChild(tool(mergeFrom && mergeFrom.note === note.id ? S.cancel : S.merge, function () {
      mergeFrom = mergeFrom && mergeFrom.note === note.id ? null : {note: note.id, sheet: sheet.id}; render();
    }));
    if (state.item.reply_kinds.length) bar.appendChild(tool(S.reply, function () { replyForm(note, bar); }));
    return bar;
  }
  function replyForm(note, bar) {
    if (bar.querySelector("form")) return;
    var form = el("form", {"class": "reply-form"});
    var kind = el("select", {"aria-label": S.reply_kind});
    state.item.reply_kinds.forEach(function (k) { kind.appendChild(el("option", {value: k.key}, k.label)); });
    var text = el("input", {type: "text", "aria-label": S.reply_text, maxlength: String(cfg.limit)});
    form.appendChild(kind); form.appendChild(text);
    form.appendChild(el("button", {type: "submit", "class": "tool primary"}, S.send));
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (!text.value.trim()) return;
      send({action: "reply.add", note: note.id, kind: kind.value, text: text.value, client_id: newClientId()});
    });
    bar.appendChild(form);
    text.focus();
  }
  function addNote(msg) {
    if (!state) return;
    var sheet = (state.sheets || []).filter(function (s) { return s.id === msg.sheet_id; })[0];
    if (!sheet) { resync(); return; }
    if (document.getElementById("note-" + msg.note_id)) return;
    var note = {id: msg.note_id, column: msg.column, text: msg.text, seq: msg.seq, merged: 0, replies: []};
    sheet.notes.push(note);
    var list = document.getElementById("col-" + msg.sheet_id + "-" + msg.column);
    if (list) { list.appendChild(noteNode(note, sheet)); list.lastChild.scrollIntoView({block: "nearest"}); }
    var counter = document.getElementById("count-" + msg.sheet_id + "-" + msg.column);
    if (counter) counter.textContent = String(Number(counter.textContent) + 1);
  }
  function renderBoard(container, onlySheet) {
    state.sheets.forEach(function (sheet) {
      if (onlySheet && sheet.id !== onlySheet) return;
      var section = el("section", {"class": "sheet", id: "sheet-" + sheet.id});
      if (sheet.title !== state.item.title) section.appendChild(el("h2", {}, sheet.title));
      if (cfg.audience === "console" && !sheet.revealed) {
        section.appendChild(el("p", {"class": "hint"}, S.not_shown));
        section.appendChild(tool(S.reveal, function () { send({action: "sheet.reveal", sheet: sheet.id, revealed: true}); }, "primary"));
      } else if (cfg.audience === "console" && sheet.key === "feedback") {
        section.appendChild(tool(S.withdraw, function () { send({action: "sheet.reveal", sheet: sheet.id, revealed: false}); }));
      }
      if (cfg.audience !== "console" && !sheet.revealed) {
        section.appendChild(el("p", {"class": "waiting"}, S.collected_later));
        container.appendChild(section);
        return;
      }
      var grid = el("div", {"class": "columns cols-" + sheet.columns.length});
      sheet.columns.forEach(function (col) {
        var box = el("div", {"class": "column c-" + col.key});
        var head = el("h3", {});
        head.appendChild(el("span", {"class": "icon", "aria-hidden": "true"}, ICONS[col.key] || ""));
        head.appendChild(document.createTextNode(" " + col.label + " "));
        var notes = sheet.notes.filter(function (n) { return n.column === col.key; });
        head.appendChild(el("span", {"class": "count", id: "count-" + sheet.id + "-" + col.key}, String(notes.length)));
        box.appendChild(head);
        var ul = el("ul", {id: "col-" + sheet.id + "-" + col.key});
        notes.forEach(function (n) { ul.appendChild(noteNode(n, sheet)); });
        box.appendChild(ul);
        grid.appendChild(box);
      });
      section.appendChild(grid);
      container.appendChild(section);
    });
  }

  /* ---- writing notes (phone and console) ---- */
  function choiceButtons(name, options, current, onPick) {
    var group = el("div", {"class": "choices choices-" + name, role: "group"});
    options.forEach(function (opt) {
      var b = el("button", {type: "button", "class": "choice", "aria-pressed": String(opt.value === current)});
      if (opt.icon) b.appendChild(el("span", {"class": "icon", "aria-hidden": "true"}, opt.icon));
      b.appendChild(el("span", {}, opt.label));
      b.addEventListener("click", function () { onPick(opt.value); });
      group.appendChild(b);
    });
    return group;
  }
  function renderComposer(container) {
    var sheets = state.sheets;
    if (!sheets.some(function (s) { return s.id === chosen.sheet; })) chosen.sheet = sheets[0].id;
    var sheet = sheets.filter(function (s) { return s.id === chosen.sheet; })[0];
    if (!sheet.columns.some(function (c) { return c.key === chosen.column; })) chosen.column = null;
    var form = el("form", {"class": "composer", id: "composer"});
    if (sheets.length > 1) {
      form.appendChild(el("p", {"class": "step"}, S.which_sheet));
      form.appendChild(choiceButtons("sheet", sheets.map(function (s) {
        return {value: s.id, label: s.title};
      }), chosen.sheet, function (v) { chosen.sheet = v; render(); }));
    }
    form.appendChild(el("p", {"class": "step"}, S.which_column));
    form.appendChild(choiceButtons("column", sheet.columns.map(function (c) {
      return {value: c.key, label: c.label, icon: ICONS[c.key]};
    }), chosen.column, function (v) { chosen.column = v; render(); focusText(); }));
    if (cfg.audience === "console" && cfg.people.length) {
      var who = el("label", {"for": "note-author", "class": "author"}, S.author + " ");
      var pick = el("select", {id: "note-author"});
      pick.appendChild(el("option", {value: ""}, S.anonymous));
      cfg.people.forEach(function (p) {
        var o = el("option", {value: String(p.id)}, p.name);
        if (String(p.id) === chosen.author) o.selected = true;
        pick.appendChild(o);
      });
      pick.addEventListener("change", function () { chosen.author = pick.value; });
      who.appendChild(pick);
      form.appendChild(who);
    }
    var label = el("label", {"for": "note-text"}, S.your_note);
    var area = el("textarea", {id: "note-text", name: "text", rows: "3", maxlength: String(cfg.limit)});
    area.value = sessionStorage.getItem("draft." + cfg.ws) || "";
    area.addEventListener("input", function () { sessionStorage.setItem("draft." + cfg.ws, area.value); });
    area.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && !e.shiftKey && cfg.audience === "console") { e.preventDefault(); submit(); }
    });
    if (cfg.audience === "console") form.appendChild(el("p", {"class": "hint"}, S.shortcuts));
    form.appendChild(label); form.appendChild(area);
    var error = el("p", {"class": "form-error", id: "note-error", role: "alert"});
    form.appendChild(error);
    var button = el("button", {type: "submit", "class": "send"}, S.send);
    form.appendChild(button);
    form.addEventListener("submit", function (e) { e.preventDefault(); submit(); });
    container.appendChild(form);
  }
  function focusText() { var a = document.getElementById("note-text"); if (a) a.focus(); }
  function submit() {
    var area = document.getElementById("note-text");
    var error = document.getElementById("note-error");
    var text = area.value.trim();
    if (!chosen.column) { error.textContent = S.pick_column; return; }
    if (!text) { error.textContent = S.empty; return; }
    var note = {action: "note.add", client_id: newClientId(), sheet: chosen.sheet,
                column: chosen.column, text: text};
    if (chosen.author) note.author = Number(chosen.author);
    var box = load(outboxKey); box.push(note); store(outboxKey, box);
    area.value = ""; sessionStorage.removeItem("draft." + cfg.ws); error.textContent = "";
    flushOutbox();
    renderMine();
    focusText();
  }
  /* The outbox: a note stays in localStorage until the server has stored it (ack) or
     refused it for good (error with retry: false, e.g. too long). A refusal for now
     (retry: true: too many notes at once, a busy database, a server going down) keeps
     it; the whole queue then waits retry_after seconds, or a growing back-off, and
     sends again. Notes go out a few at a time, each once per connection or retry, so a
     long offline queue neither floods the server nor gets sent twice. */
  var OUTBOX_AT_ONCE = 3;        // notes waiting for an answer at any time
  var OUTBOX_STALE = 60000;      // no answer on an open socket this long: send again
  var inFlight = {};             // client id -> when it went out on this socket
  var retryReason = {};          // client id -> the last "for now" refusal
  var holdUntil = 0, holdTimer = null, retries = 0;
  function flushOutbox() {
    if (holdTimer) { clearTimeout(holdTimer); holdTimer = null; }
    if (!state || !socket || socket.readyState !== WebSocket.OPEN) return;
    var now = Date.now();
    if (now < holdUntil) { holdTimer = setTimeout(flushOutbox, holdUntil - now); return; }
    var box = load(outboxKey), busy = 0;
    box.forEach(function (n) {
      if (inFlight[n.client_id] && now - inFlight[n.client_id] > OUTBOX_STALE) delete inFlight[n.client_id];
      if (inFlight[n.client_id]) busy++;
    });
    box.forEach(function (n) {
      if (busy >= OUTBOX_AT_ONCE || inFlight[n.client_id]) return;
      if (send(n)) { inFlight[n.client_id] = now; busy++; }
    });
  }
  function outboxReset() { inFlight = {}; }  // a new socket: everything unanswered goes again
  function acknowledged(clientId) {
    delete inFlight[clientId]; delete retryReason[clientId]; retries = 0;
    var box = load(outboxKey);
    var note = box.filter(function (n) { return n.client_id === clientId; })[0];
    if (note) {
      store(outboxKey, box.filter(function (n) { return n.client_id !== clientId; }));
      var sent = load(sentKey); sent.push({client_id: clientId, text: note.text, column: note.column});
      store(sentKey, sent.slice(-50));
    }
    renderMine();
    flushOutbox();
  }
  function failed(msg) {
    var error = document.getElementById("note-error");
    var box = load(outboxKey);
    var note = msg.client_id ? box.filter(function (n) { return n.client_id === msg.client_id; })[0] : null;
    if (note && msg.retry) {  // kept: the queue waits, then sends it again
      delete inFlight[note.client_id];
      retryReason[note.client_id] = msg.message;
      var wait = typeof msg.retry_after === "number" && msg.retry_after > 0 ? msg.retry_after * 1000
        : Math.min(1000 * Math.pow(2, retries), 30000);
      retries = Math.min(retries + 1, 5);
      holdUntil = Math.max(holdUntil, Date.now() + wait + Math.random() * 1000);
      renderMine();
      flushOutbox();
      return;
    }
    if (note) {  // refused for good: out of the outbox, shown beside the note
      delete inFlight[note.client_id]; delete retryReason[note.client_id];
      store(outboxKey, box.filter(function (n) { return n.client_id !== msg.client_id; }));
      var refused = load(refusedKey); refused.push({client_id: note.client_id, text: note.text, message: msg.message});
      store(refusedKey, refused.slice(-10));
      var area = document.getElementById("note-text");
      if (area && !area.value) area.value = note.text;
    }
    if (error) error.textContent = msg.message;
    else if (!msg.retry) window.alert(msg.message);  // a worksheet line retries by itself
    renderMine();
    flushOutbox();
  }
  function renderMine() {
    var list = document.getElementById("mine");
    if (!list) return;
    list.textContent = "";
    load(refusedKey).slice().reverse().forEach(function (n) {
      var li = el("li", {"class": "refused"});
      li.appendChild(el("span", {"class": "state"}, "✗ " + n.message));
      li.appendChild(el("span", {"class": "text"}, n.text));
      list.appendChild(li);
    });
    load(outboxKey).forEach(function (n) {
      var li = el("li", {"class": "pending"});
      li.appendChild(el("span", {"class": "state"}, "⏳ " + S.waiting));
      li.appendChild(el("span", {"class": "text"}, n.text));
      if (retryReason[n.client_id]) li.appendChild(el("p", {"class": "hint"}, retryReason[n.client_id]));
      list.appendChild(li);
    });
    load(sentKey).slice().reverse().slice(0, 10).forEach(function (n) {
      var li = el("li", {"class": "sent"});
      li.appendChild(el("span", {"class": "state"}, "✓ " + S.sent));
      li.appendChild(el("span", {"class": "text"}, n.text));
      list.appendChild(li);
    });
  }

  /* ---- speaking: tour de table ---- */
  function clockText(seconds) {
    var s = Math.abs(Math.round(seconds));
    return (seconds < 0 ? "+" : "") + Math.floor(s / 60) + ":" + ("0" + (s % 60)).slice(-2);
  }
  function secondsLeft(cur) {
    if (cur.ends_at) return (Date.parse(cur.ends_at) - (Date.now() + skew)) / 1000;
    return cur.left === null ? null : cur.left;
  }
  function tick() {
    var sp = state && state.speaking;
    var clock = document.getElementById("clock");
    if (!sp || !sp.current || !clock) return;
    var left = secondsLeft(sp.current);
    if (left === null) { clock.textContent = ""; return; }
    clock.textContent = clockText(left);
    var warnAt = Math.min(sp.current.allowed * 0.2, 30);
    clock.className = "clock" + (sp.current.paused ? " paused" : "") +
      (left < 0 ? " overrun" : left <= warnAt ? " warning" : "");
    var status = document.getElementById("clock-status");
    if (status) status.textContent = sp.current.paused ? S.paused : left < 0 ? S.over_time : "";
    var end = document.getElementById("projected-end");
    if (end && sp.current.allowed) {
      var at = new Date(Date.now() + skew + (Math.max(left, 0) + sp.speakers_left * sp.current.allowed) * 1000);
      end.textContent = S.projected_end + " " + ("0" + at.getHours()).slice(-2) + ":" + ("0" + at.getMinutes()).slice(-2);
    }
  }
  setInterval(tick, 250);
  function speakingTool(label, message, extra) {
    return tool(label, function () { send(message()); }, extra);
  }
  function renderDiscussion(box, sp) {
    var mineInQueue = -1;
    sp.queue.forEach(function (h, i) { if (h.participant_id === cfg.me) mineInQueue = i; });
    if (cfg.audience === "phone") {
      var speakingNow = sp.current && sp.current.participant_id === cfg.me;
      if (!speakingNow) {
        var raised = mineInQueue >= 0;
        box.appendChild(tool(raised ? S.lower_hand : S.raise_hand, function () {
          send({action: raised ? "hand.lower" : "hand.raise"}); }, "send hand" + (raised ? " raised" : "")));
        if (raised) box.appendChild(el("p", {"class": "hint"}, S.your_place + ": " + (mineInQueue + 1)));
      }
    }
    if (cfg.audience === "projector" && sp.queue.length) {
      box.appendChild(el("p", {"class": "next-speaker"}, S.waiting_to_speak + ": " +
        sp.queue.slice(0, 5).map(function (h) { return h.name; }).join(", ")));
    }
    if (cfg.audience !== "console" && sp.show_key_points && sp.key_points.length) {
      var kp = el("section", {"class": "key-points"});
      kp.appendChild(el("h2", {}, S.key_points));
      sp.key_points.forEach(function (k) {
        k.points.forEach(function (point) { kp.appendChild(el("p", {}, point)); });
      });
      box.appendChild(kp);
    }
    if (cfg.audience !== "console") return;
    var q = el("ol", {"class": "queue"});
    var expected = sp.current ? sp.current.turn_id : null;
    sp.queue.forEach(function (h) {
      var li = el("li", {}, (h.priority ? "★ " : "") + h.name + " ");
      li.appendChild(tool(S.give_floor, function () { send({action: "turn.call", hand: h.hand_id, expected: expected}); }));
      q.appendChild(li);
    });
    box.appendChild(el("h3", {}, S.queue + " (" + sp.queue.length + ")"));
    box.appendChild(q);
    var add = el("form", {"class": "reply-form"});
    var who = el("select", {"aria-label": S.raised_in_room});
    sp.people.forEach(function (p) { who.appendChild(el("option", {value: String(p.id)}, p.name)); });
    add.appendChild(who);
    add.appendChild(el("button", {type: "submit", "class": "tool"}, S.raised_in_room));
    add.addEventListener("submit", function (e) { e.preventDefault(); send({action: "hand.add", participant: Number(who.value)}); });
    box.appendChild(add);
    if (sp.current) {
      var cur = sp.minutes.filter(function (m) { return m.turn_id === sp.current.turn_id; })[0] || {minutes: "", key_points: []};
      var f = el("form", {"class": "minutes-form"});
      f.appendChild(el("label", {"for": "minutes-" + sp.current.turn_id}, S.minutes + ": " + sp.current.name));
      var mins = draftArea("minutes-" + sp.current.turn_id, cur.minutes, 3);
      f.appendChild(mins);
      f.appendChild(el("label", {"for": "key-points-" + sp.current.turn_id}, S.key_points_lines));
      var pts = draftArea("key-points-" + sp.current.turn_id, cur.key_points.join("\n"), 2);
      f.appendChild(pts);
      f.appendChild(el("button", {type: "submit", "class": "tool primary"}, S.save));
      f.addEventListener("submit", function (e) {
        e.preventDefault();
        send({action: "turn.write", turn: sp.current.turn_id, minutes: mins.value,
              key_points: pts.value.split("\n")});
      });
      box.appendChild(f);
    }
    var kpToggle = el("label", {"class": "author"});
    var cb = el("input", {type: "checkbox"}); cb.checked = sp.show_key_points;
    cb.addEventListener("change", function () { send({action: "round.key_points", show: cb.checked}); });
    kpToggle.appendChild(cb); kpToggle.appendChild(document.createTextNode(" " + S.show_key_points));
    box.appendChild(kpToggle);
    if (sp.totals.categories.length) {
      box.appendChild(el("h3", {}, S.floor_by_category));
      var t = el("ul", {"class": "totals"});
      sp.totals.categories.forEach(function (c) { t.appendChild(el("li", {}, c.label + ": " + clockText(c.seconds))); });
      box.appendChild(t);
      var per = el("ul", {"class": "totals people-totals"});
      sp.totals.people.forEach(function (p) { per.appendChild(el("li", {}, p.name + ": " + clockText(p.seconds))); });
      box.appendChild(per);
    }
    var log = el("ol", {"class": "minutes-log"});
    sp.minutes.forEach(function (m) {
      var li = el("li", {}, m.name + " (" + clockText(m.spoken) + ")" + (m.minutes ? ": " + m.minutes : ""));
      m.key_points.forEach(function (p) { li.appendChild(el("p", {"class": "reason"}, "• " + p)); });
      log.appendChild(li);
    });
    if (sp.minutes.length) { box.appendChild(el("h3", {}, S.minutes)); box.appendChild(log); }
  }
  /* Tour de table order: drag a name (or use ↑ ↓) to move it; "Skip" leaves out
     someone who is not here. Whoever has spoken or speaks now stays where they are. */
  var dragged = null;
  function arrange(ids) { send({action: "round.arrange", order: ids}); }
  function renderOrder(box, sp, cur) {
    var ids = sp.order.map(function (p) { return p.id; });
    box.appendChild(el("p", {"class": "hint"}, S.drag_hint));
    var list = el("ol", {"class": "speaking-order", id: "speaking-order"});
    sp.order.forEach(function (p, i) {
      var fixed = p.spoken !== null || (cur && cur.participant_id === p.id);
      var li = el("li", {"class": (cur && cur.participant_id === p.id ? "now" : "") + (p.spoken !== null ? " done" : ""),
                         "data-id": String(p.id)});
      li.appendChild(el("span", {"class": "name"}, p.name + (p.spoken !== null ? " — " + clockText(p.spoken) : "")));
      if (!fixed) {
        li.setAttribute("draggable", "true");
        li.addEventListener("dragstart", function (e) {
          dragged = p.id; li.classList.add("dragging");
          e.dataTransfer.effectAllowed = "move"; e.dataTransfer.setData("text/plain", String(p.id));
        });
        li.addEventListener("dragend", function () { dragged = null; li.classList.remove("dragging"); });
        var up = tool("↑", function () { var o = ids.slice(); o.splice(i, 1); o.splice(i - 1, 0, p.id); arrange(o); });
        up.setAttribute("aria-label", S.move_up + ": " + p.name); up.disabled = i === 0;
        var down = tool("↓", function () { var o = ids.slice(); o.splice(i, 1); o.splice(i + 1, 0, p.id); arrange(o); });
        down.setAttribute("aria-label", S.move_down + ": " + p.name); down.disabled = i === ids.length - 1;
        li.appendChild(up); li.appendChild(down);
        li.appendChild(tool(S.skip, function () { send({action: "round.skip", participant: p.id, skipped: true}); }));
      }
      li.addEventListener("dragover", function (e) { if (dragged !== null && !fixed) e.preventDefault(); });
      li.addEventListener("drop", function (e) {
        e.preventDefault();
        if (dragged === null || dragged === p.id || fixed) return;
        var o = ids.filter(function (x) { return x !== dragged; });
        o.splice(o.indexOf(p.id) + (ids.indexOf(dragged) < i ? 1 : 0), 0, dragged);
        dragged = null; arrange(o);
      });
      list.appendChild(li);
    });
    box.appendChild(list);
    if (sp.skipped && sp.skipped.length) {
      var sk = el("p", {"class": "skipped"}, S.skipped + ": ");
      sp.skipped.forEach(function (p) {
        sk.appendChild(document.createTextNode(p.name + " "));
        sk.appendChild(tool(S.bring_back, function () { send({action: "round.skip", participant: p.id, skipped: false}); }));
        sk.appendChild(document.createTextNode(" "));
      });
      box.appendChild(sk);
    }
  }
  function renderSpeaking(container) {
    var sp = state.speaking;
    var box = el("section", {"class": "speaking"});
    var cur = sp.current;
    if (cur) {
      var mine = cfg.audience === "phone" && cur.participant_id === cfg.me;
      box.appendChild(el("p", {"class": "speaking-label" + (mine ? " mine" : "")}, mine ? S.your_turn : S.speaking_now));
      box.appendChild(el("p", {"class": "speaker"}, cur.name));
      if (cur.institution) box.appendChild(el("p", {"class": "institution"}, cur.institution));
      box.appendChild(el("p", {id: "clock", "class": "clock", role: "timer"}));
      box.appendChild(el("p", {id: "clock-status", "class": "clock-status"}));
    } else if (sp.finished) {
      box.appendChild(el("p", {"class": "waiting"}, S.round_over));
    }
    if (sp.kind === "discussion" && !cur) box.appendChild(el("p", {"class": "waiting"}, S.nobody_speaking));
    if (sp.next && cfg.audience !== "phone") {
      box.appendChild(el("p", {"class": "next-speaker"}, S.next_speaker + ": " + sp.next.name));
    }
    if (cfg.audience === "console") {
      var bar = el("div", {"class": "speaking-tools"});
      var expected = cur ? cur.turn_id : null;
      var discussion = sp.kind === "discussion";
      bar.appendChild(speakingTool(discussion ? S.next_from_queue : cur || sp.finished ? S.next : S.start_round,
        function () { return {action: "turn.next", expected: expected}; }, "primary big"));
      if (!discussion) bar.appendChild(speakingTool(S.back, function () { return {action: "turn.back", expected: expected}; }));
      if (cur) {
        bar.appendChild(speakingTool(cur.paused ? S.resume : S.pause, function () {
          return {action: cur.paused ? "turn.resume" : "turn.pause"}; }));
        if (cur.allowed) bar.appendChild(speakingTool(S.add_minute, function () { return {action: "turn.add", seconds: 60}; }));
      }
      box.appendChild(bar);
      var totals = el("p", {"class": "hint"}, (discussion ? "" : sp.done + " / " + sp.total + " · ") + S.spoken_of + " " +
        clockText(sp.spoken_total) + (sp.slot_seconds ? " · " + S.slot + " " + clockText(sp.slot_seconds) : ""));
      totals.appendChild(el("span", {id: "projected-end", "class": "projected"}));
      box.appendChild(totals);
      if (sp.kind !== "discussion") renderOrder(box, sp, cur);
    }
    if (sp.kind === "discussion") renderDiscussion(box, sp);
    container.appendChild(box);
    tick();
  }

  /* ---- presenting: slides, video, the day's summary ---- */
  // Text being typed in a textarea survives re-renders until the server has it.
  var drafts = {};
  function draftArea(id, serverValue, rows) {
    var area = el("textarea", {id: id, rows: String(rows)});
    var d = drafts[id];
    if (d !== undefined && d === serverValue) { delete drafts[id]; d = undefined; }
    area.value = d !== undefined ? d : serverValue;
    area.addEventListener("input", function () { drafts[id] = area.value; });
    return area;
  }
  var media = {key: null, node: null};  // the video/iframe node, kept across renders
  var slideImg = null;
  function videoPosition(v) {
    var at = v.played;
    if (v.playing && v.playing_since) at += (Date.now() + skew - Date.parse(v.playing_since)) / 1000;
    return Math.max(at, 0);
  }
  function syncVideo(v) {
    var node = media.node;
    if (!node || node.tagName !== "VIDEO") return;
    var want = videoPosition(v);
    if (Math.abs((node.currentTime || 0) - want) > 1.5 && node.readyState > 0) node.currentTime = want;
    if (v.playing && node.paused) {
      var p = node.play();
      if (p && p.catch) p.catch(function () {  // no sound allowed without a click here
        node.muted = true; node.play().catch(function () {});
        var btn = document.getElementById("unmute");
        if (btn) btn.hidden = false;
      });
    } else if (!v.playing && !node.paused) node.pause();
  }
  function videoNode(v) {
    var key = v.kind + ":" + v.src;
    if (media.key !== key) {
      media.key = key;
      if (v.kind === "embed") {
        media.node = el("iframe", {src: v.src, "class": "video", allow: "autoplay; fullscreen",
                                   allowfullscreen: "", referrerpolicy: "strict-origin-when-cross-origin",
                                   title: v.title});
      } else {
        media.node = el("video", {src: v.src, "class": "video", preload: "auto", playsinline: ""});
        media.node.addEventListener("loadedmetadata", function () {
          var sh = state && state.presenting && state.presenting.showing;
          if (sh && sh.kind === "video") syncVideo(sh);
        });
      }
    }
    return media.node;
  }
  function slideTo(sh, page) {
    if (page < 1 || page > sh.pages || page === sh.page) return;
    send({action: "slide.show", deck: sh.deck_id, page: page});
  }
  function renderPresenting(container) {
    var pr = state.presenting, sh = pr.showing;
    var box = el("section", {"class": "presenting"});
    document.body.classList.toggle("presenting-now", cfg.audience === "projector" && !!sh);
    if (sh && sh.kind === "slide") {
      if (cfg.audience === "phone") {
        box.appendChild(el("p", {"class": "speaking-label"}, S.presentation));
        if (sh.title.indexOf(state.item.title) !== 0) box.appendChild(el("p", {"class": "speaker"}, sh.title));
        box.appendChild(el("p", {"class": "speaker"}, S.slide + " " + sh.page + " / " + sh.pages));
      } else {
        // The same page keeps its image element: no flicker when other things change.
        if (!slideImg || slideImg.getAttribute("src") !== sh.src) slideImg = el("img", {src: sh.src, "class": "slide"});
        slideImg.setAttribute("alt", S.slide + " " + sh.page + " / " + sh.pages);
        box.appendChild(slideImg);
        if (sh.next_src) { var pre = new Image(); pre.src = sh.next_src; }
      }
    } else if (sh && sh.kind === "video") {
      if (cfg.audience === "phone") {
        box.appendChild(el("p", {"class": "speaking-label"}, S.video));
        box.appendChild(el("p", {"class": "speaker"}, sh.title));
      } else if (cfg.audience === "projector") {
        box.appendChild(videoNode(sh));
        var unmute = el("button", {type: "button", id: "unmute", "class": "unmute", hidden: ""}, "🔈 " + S.click_to_play);
        unmute.addEventListener("click", function () { media.node.muted = false; unmute.hidden = true; });
        box.appendChild(unmute);
      } else {
        box.appendChild(el("p", {"class": "speaker"}, "▶ " + sh.title));
      }
    }
    if (!sh) media = {key: null, node: null};
    if (cfg.audience === "console") renderPresentingTools(box, pr, sh);
    if (pr.summary && (cfg.audience !== "console") && pr.summary_shown) {
      var sum = el("section", {"class": "summary-text"});
      if (!pr.is_summary) sum.appendChild(el("h2", {}, S.summary));
      sum.appendChild(el("p", {}, pr.summary));
      box.appendChild(sum);
    }
    container.appendChild(box);
    if (sh && sh.kind === "video" && cfg.audience === "projector") syncVideo(sh);
  }
  function renderPresentingTools(box, pr, sh) {
    var bar = el("div", {"class": "speaking-tools"});
    if (sh && sh.kind === "slide") {
      box.appendChild(el("p", {"class": "hint", id: "slide-number"}, S.slide + " " + sh.page + " / " + sh.pages + " · " + sh.title));
      var prev = tool(S.prev_slide, function () { slideTo(sh, sh.page - 1); });
      var next = tool(S.next_slide, function () { slideTo(sh, sh.page + 1); }, "primary big");
      prev.disabled = sh.page <= 1; next.disabled = sh.page >= sh.pages;
      bar.appendChild(prev); bar.appendChild(next);
    }
    if (sh && sh.kind === "video") {
      bar.appendChild(tool(sh.playing ? S.pause_video : S.play, function () {
        send({action: "video.play", playing: !sh.playing}); }, "primary big"));
    }
    if (sh) bar.appendChild(tool(S.take_off_screen, function () { send({action: "screen.clear"}); }));
    if (sh) { box.appendChild(bar); }
    if (sh && sh.kind === "slide") box.appendChild(el("p", {"class": "hint"}, S.slide_keys));
    if (pr.decks.length || pr.videos.length) {
      var list = el("ul", {"class": "materials"});
      pr.decks.forEach(function (d) {
        var li = el("li", {"class": sh && sh.deck_id === d.id ? "now" : ""});
        li.appendChild(el("img", {src: d.thumb, alt: "", "class": "thumb", width: "120", loading: "lazy"}));
        li.appendChild(el("span", {}, d.title + " (" + d.pages + ")"));
        li.appendChild(tool(S.show_on_screen, function () { send({action: "slide.show", deck: d.id, page: 1}); }));
        list.appendChild(li);
      });
      pr.videos.forEach(function (v) {
        var li = el("li", {"class": sh && sh.video_id === v.id ? "now" : ""});
        li.appendChild(el("span", {}, "▶ " + v.title));
        li.appendChild(tool(S.show_on_screen, function () { send({action: "video.show", video: v.id}); }));
        list.appendChild(li);
      });
      box.appendChild(list);
    } else if (!pr.is_summary) {
      box.appendChild(el("p", {"class": "hint"}, S.no_materials));
    }
    if (pr.materials_url) box.appendChild(el("a", {href: pr.materials_url, "class": "button small"}, S.add_materials));
    if (pr.is_summary || pr.summary) {
      var form = el("form", {"class": "minutes-form"});
      form.appendChild(el("label", {"for": "summary"}, S.summary));
      form.appendChild(el("p", {"class": "hint"}, S.summary_hint));
      var area = draftArea("summary", pr.summary, 8);
      form.appendChild(area);
      var saved = el("span", {"class": "hint"}, drafts.summary === undefined && pr.summary ? "✓ " + S.saved : "");
      form.appendChild(el("button", {type: "submit", "class": "tool primary"}, S.save));
      form.appendChild(saved);
      form.addEventListener("submit", function (e) { e.preventDefault(); send({action: "summary.write", text: area.value}); });
      box.appendChild(form);
      if (pr.is_summary) box.appendChild(tool(S.summary_draft, function () {
        if (drafts.summary !== undefined) send({action: "summary.write", text: area.value});
        delete drafts.summary;
        send({action: "summary.draft"});
      }));
      var show = el("label", {"class": "author"});
      var cb = el("input", {type: "checkbox"}); cb.checked = pr.summary_shown;
      cb.addEventListener("change", function () { send({action: "summary.show", shown: cb.checked}); });
      show.appendChild(cb); show.appendChild(document.createTextNode(" " + S.show_summary));
      box.appendChild(show);
    }
  }
  /* Console: arrows, Page Up/Down (a presenter's clicker) and space turn the slides. */
  document.addEventListener("keydown", function (e) {
    if (cfg.audience !== "console" || !state || !state.presenting || e.altKey || e.ctrlKey || e.metaKey) return;
    var sh = state.presenting.showing;
    var t = e.target && e.target.tagName;
    if (!sh || sh.kind !== "slide" || t === "INPUT" || t === "TEXTAREA" || t === "SELECT") return;
    var step = {ArrowRight: 1, PageDown: 1, " ": 1, ArrowLeft: -1, PageUp: -1}[e.key];
    if (!step) return;
    e.preventDefault();
    slideTo(sh, sh.page + step);
  });

  function render() {
    var active = document.activeElement, focusId = active && active.id && root.contains(active) ? active.id : null;
    var caret = focusId && typeof active.selectionStart === "number" ? [active.selectionStart, active.selectionEnd] : null;
    if (media.node && media.node.parentNode) media.node.parentNode.removeChild(media.node);
    draw();
    var again = focusId && document.getElementById(focusId);
    if (again) { again.focus(); if (caret && again.setSelectionRange) again.setSelectionRange(caret[0], caret[1]); }
  }
  function draw() {
    root.textContent = "";
    var item = state.item;
    document.body.classList.remove("presenting-now");
    if (!item) { root.appendChild(el("p", {"class": "waiting"}, S.waiting_for_start)); return; }
    var head = el("header", {"class": "item"});
    head.appendChild(el("p", {"class": "method"}, item.method_label +
      (item.starts_at ? " · " + item.starts_at + "–" + item.ends_at : "")));
    head.appendChild(el("h1", {}, item.title));
    root.appendChild(head);
    if (state.presenting) renderPresenting(root);
    if (state.speaking) { renderSpeaking(root); return; }
    if (state.groups && groupsUi) { groupsUi.render(root, state.groups); return; }
    if (!state.sheets || !state.sheets.length) return;
    if (cfg.audience === "phone") {
      renderComposer(root);
      root.appendChild(el("h2", {"class": "mine-title"}, S.my_notes));
      root.appendChild(el("ul", {id: "mine", "class": "mine"}));
      renderMine();
      var shared = el("details", {"class": "shared"});
      shared.appendChild(el("summary", {}, S.shared_board));
      renderBoard(shared, chosen.sheet);
      root.appendChild(shared);
      return;
    }
    if (cfg.audience === "console") renderComposer(root);
    renderBoard(root);
  }

  /* Bad Wi-Fi leaves sockets half-open: the browser's offline signal and a missing
     pong both close the socket, so notes wait in the outbox until a fresh one is up. */
  var lastPong = Date.now();
  setInterval(function () {
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    if (Date.now() - lastPong > 45000) { socket.close(); return; }
    pingSent = Date.now();
    send({action: "ping"});
    flushOutbox();  // a note whose answer got lost goes again (after OUTBOX_STALE)
  }, 15000);
  /* Console: Alt+1…9 picks a column, Alt+Shift+1…9 a sheet, for a scribe at speed. */
  document.addEventListener("keydown", function (e) {
    if (cfg.audience !== "console" || !e.altKey || !state || !state.sheets.length) return;
    var m = /^Digit([1-9])$/.exec(e.code || "");
    if (!m) return;
    var i = Number(m[1]) - 1;
    var sheet = state.sheets.filter(function (s) { return s.id === chosen.sheet; })[0] || state.sheets[0];
    if (e.shiftKey && state.sheets[i]) chosen.sheet = state.sheets[i].id;
    else if (!e.shiftKey && sheet.columns[i]) chosen.column = sheet.columns[i].key;
    else return;
    e.preventDefault();
    var draft = document.getElementById("note-text");
    if (draft) sessionStorage.setItem("draft." + cfg.ws, draft.value);
    render(); focusText();
  });
  window.addEventListener("offline", function () { if (socket) socket.close(); setStatus(false); });
  window.addEventListener("online", function () {
    if (!socket || socket.readyState > 1) { backoff = 500; connect(); }
  });
  var groupsUi = window.SanaksmeGroups ? window.SanaksmeGroups({
    el: el, tool: tool, send: send, S: S, cfg: cfg, load: load, store: store,
    newClientId: newClientId, clockText: clockText, rerender: render,
    now: function () { return Date.now() + skew; }
  }) : null;
  setStatus(false);
  connect();
})();
