/* Forming the groups: the console draws them and moves people (drag a name or choose its
 * group), the projector shows the groups, a phone its own group and worksheet. */
import {el, tool} from "../dom.js";
import {dropOnGroup} from "./rules.js";
import {blocks, checkBlock, filled, fixed, made, screen} from "./blocks.js";
import {worksheetBlock} from "./worksheet.js";

function S() { return screen.ctx.S; }
function send(msg) { screen.ctx.send(msg); }

function drawGroups(everyone) {
  if (!screen.gs.drawn || window.confirm(S().g_draw_again_confirm)) send({action: "groups_draw", everyone});
}

function drawTools() {
  const gs = screen.gs, p = gs.pool;
  const style = gs.drawn ? "" : "primary big";
  const draw = gs.drawn ? S().g_draw_again : S().g_draw;
  const list = [];
  if (p.present && p.present < p.registered) {
    const label = draw + " — " + S().g_from_present + " (" + p.eligible_present + ")";
    list.push(made("present" + label + style, () => tool(label, () => drawGroups(false), style)));
    const all = S().g_from_all + " (" + p.eligible_all + ")";
    list.push(made("all" + all, () => tool(all, () => drawGroups(true))));
  } else {
    list.push(made("draw" + draw + style, () => tool(draw, () => drawGroups(false), style)));
  }
  if (gs.drawn) {
    const late = S().g_add_late + " (" + p.waiting.length + ")";
    list.push(made("late" + late, () => tool(late, () => send({action: "groups_add_late"}))));
    list.push(checkBlock("open", S().g_open_worksheets, () => !!screen.gs.open,
                         (open) => send({action: "worksheets_set_open", open})));
  }
  return list;
}

function consoleBlocks() {
  const gs = screen.gs, p = gs.pool;
  return [
    fixed("p", {class: "hint"}, S().g_present + ": " + p.present + " · " + S().g_registered + ": " + p.registered),
    filled("draw-tools", () => el("div", {class: "speaking-tools"}), (bar) => blocks(bar, drawTools())),
    gs.drawn ? fixed("p", {class: "hint"}, S().g_drag_hint + " · " + S().g_seed + " " + gs.seed) : null,
  ];
}

function memberChip(m, groupId) {
  const chip = el("li", {class: "member", draggable: screen.opts.manage ? "true" : "false"});
  chip.appendChild(el("span", {}, m.name));
  if (!screen.opts.manage) return chip;
  chip.addEventListener("dragstart", (e) => {
    screen.dragged = {participant: m.id};
    e.dataTransfer.setData("text/plain", String(m.id));
  });
  const sel = el("select", {"aria-label": S().g_move_to + " " + m.name, class: "move-to"});
  for (const o of screen.gs.groups) {
    const opt = el("option", {value: String(o.id)}, o.name);
    if (o.id === groupId) opt.selected = true;
    sel.appendChild(opt);
  }
  sel.addEventListener("change", () => send({action: "group_move", participant: m.id, group: Number(sel.value)}));
  chip.appendChild(sel);
  return chip;
}

function makeCard(groupId) {
  const card = el("section", {id: "group-" + groupId});
  if (!screen.opts.manage) return card;
  card.addEventListener("dragover", (e) => { if (dropOnGroup(screen.dragged, groupId)) e.preventDefault(); });
  card.addEventListener("drop", (e) => {
    e.preventDefault();
    const msg = dropOnGroup(screen.dragged, groupId);
    if (msg) send(msg);
    screen.dragged = null;
  });
  return card;
}

function placeInput(g) {
  const place = el("input", {type: "text", value: g.place, maxlength: "100", placeholder: S().g_place,
                             "aria-label": S().g_place + " " + g.name});
  place.addEventListener("change", () => send({action: "group_set_place", group: g.id, place: place.value}));
  return place;
}

function fillCard(card, g) {
  const gs = screen.gs, manage = screen.opts.manage;
  card.setAttribute("class", "group-card" + (g.id === gs.my_group ? " mine" : "") + (g.dedicated ? " dedicated" : ""));
  const everyGroup = JSON.stringify(gs.groups.map((o) => [o.id, o.name]));
  blocks(card, [
    made("h" + JSON.stringify([g.name, g.label]), () => {
      const h = el("h2", {}, g.name);
      if (g.label) h.appendChild(el("span", {class: "label"}, " · " + g.label));
      return h;
    }),
    manage ? filled("place" + g.name, () => placeInput(g), (input) => {
      if (input.ownerDocument.activeElement !== input) input.value = g.place;  // not while typed in
    }) : g.place ? fixed("p", {class: "place"}, g.place) : null,
    g.members.length ? filled("members", () => el("ul", {class: "members"}), (ul) => blocks(ul, g.members.map(
      (m) => made(JSON.stringify([m.id, m.name, g.id, manage ? everyGroup : ""]), () => memberChip(m, g.id)))))
      : fixed("p", {class: "hint"}, S().g_people + ": " + g.size),
    screen.opts.phone ? null : fixed("p", {class: "count"}, S().g_factors_written + ": " + g.factors),
  ]);
}

function cardBlock(g) {
  return filled("g" + g.id, () => makeCard(g.id), (card) => fillCard(card, g));
}

/** Bring a group's card up to date (its count of factors), in place. */
export function redrawCard(groupId) {
  const card = screen.view && screen.view.ownerDocument.getElementById("group-" + groupId);
  const g = screen.gs.groups.find((x) => x.id === groupId);
  if (card && g) fillCard(card, g);
}

function yourGroup(me) {
  const you = el("div", {class: "your-group"});
  you.appendChild(el("p", {class: "hint"}, S().g_your_group));
  you.appendChild(el("p", {class: "big-number"}, String(me.number)));
  if (me.place) you.appendChild(el("p", {class: "place"}, me.place));
  you.appendChild(el("p", {class: "hint"}, me.members.map((m) => m.name).join(", ")));
  return you;
}

function phoneBlocks() {
  const gs = screen.gs;
  const me = gs.groups.find((g) => g.id === gs.my_group);
  if (!me) return [fixed("p", {class: "waiting"}, S().g_no_group)];
  return [
    made("you" + JSON.stringify([me.number, me.place, me.members.map((m) => m.name)]), () => yourGroup(me)),
    ...gs.worksheets.map((ws) => worksheetBlock(ws, ws.group_id === gs.my_group, false)),
  ];
}

function worksheetGrid(editable) {
  return filled("worksheets", () => el("div", {class: "worksheet-grid"}),
                (box) => blocks(box, screen.gs.worksheets.map((ws) => worksheetBlock(ws, editable, false))));
}

/** The blocks of a group-work item's screen. */
export function formingBlocks() {
  const gs = screen.gs, o = screen.opts;
  const list = [gs.question ? fixed("p", {class: "question"}, gs.question) : null];
  if (o.manage) list.push(...consoleBlocks());
  if (!gs.drawn) return list.concat([fixed("p", {class: "waiting"}, S().g_not_formed)]);
  if (o.phone) return list.concat(phoneBlocks());
  list.push(filled("groups", () => el("div", {class: "group-grid"}), (grid) => blocks(grid, gs.groups.map(cardBlock))));
  if (o.manage) {
    const waiting = gs.pool.waiting;
    if (waiting.length) list.push(fixed("p", {class: "hint"}, S().g_waiting + ": " + waiting.map((m) => m.name).join(", ")));
    list.push(worksheetGrid(true));
  } else if (gs.worksheets.length) {
    list.push(worksheetGrid(false));
  }
  return list;
}
