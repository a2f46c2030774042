/* The comparison of the experts' and the community's factors: themes in three columns
 * (common, experts only, community only). The console proposes, merges, renames,
 * confirms and moves factors between themes (drag and drop, or ⇄ then "Move here"
 * without dragging, or the menus), takes back
 * the confirmation of a theme and undoes the last decision; after each correction the
 * server proposes the unconfirmed rest again, and every screen marks for a moment what
 * moved and what was re-placed (chips on the console, their themes elsewhere); the
 * others only see it. An empty column says so. */
import {el, tool} from "../dom.js";
import {
  decisionHighlight, dropOnTheme, highlightMarks, reproposalStatus, seenDecision, themeTakes,
} from "./rules.js";
import {blocks, checkBlock, filled, fixed, made, screen} from "./blocks.js";
import {legend, sharesBar} from "./worksheet.js";

const COLUMNS = ["common", "experts_only", "community_only"];
const HIGHLIGHT_MS = 2500;
const marked = {seen: undefined, highlight: null, until: 0, timer: null};

function S() { return screen.ctx.S; }
function send(msg) { screen.ctx.send(msg); }
function comparison() { return screen.gs.comparison; }

function makeThemeCard(themeId) {
  const card = el("li", {id: "theme-" + themeId});
  if (!screen.opts.manage) return card;
  card.addEventListener("dragover", (e) => { if (themeTakes(screen.dragged, themeId)) e.preventDefault(); });
  card.addEventListener("drop", (e) => {
    e.preventDefault();
    const msg = dropOnTheme(screen.dragged, themeId);
    if (msg) send(msg);
    screen.dragged = null;
  });
  return card;
}

/** An icon button named by `label` (its tooltip too). */
function iconTool(symbol, label, onClick, extraClass) {
  const b = tool(symbol, onClick, "icon " + extraClass);
  b.setAttribute("aria-label", label);
  b.setAttribute("title", label);
  return b;
}

/* One row that fits a narrow column: rename and unconfirm as icons, the merge menu between. */
function themeTools(t) {
  const tools = el("div", {class: "theme-tools"});
  tools.appendChild(iconTool("✎", S().g_rename_theme + ": " + t.label, () => {
    const label = window.prompt(S().g_rename, t.label);
    if (label && label.trim()) send({action: "theme_rename", theme: t.id, label});
  }, "rename"));
  const merge = el("select", {"aria-label": S().g_merge_into + " " + t.label, class: "merge-into"});
  merge.appendChild(el("option", {value: ""}, S().g_merge_into + "…"));
  for (const o of comparison().themes) {
    if (o.id !== t.id) merge.appendChild(el("option", {value: String(o.id)}, o.label));
  }
  merge.addEventListener("change", () => {
    if (merge.value) send({action: "theme_merge", theme: t.id, into: Number(merge.value)});
  });
  tools.appendChild(merge);
  if (t.confirmed) {
    tools.appendChild(iconTool("↶", S().g_unconfirm + ": " + t.label,
                               () => send({action: "theme_unconfirm", theme: t.id}), "unconfirm"));
  } else {
    tools.appendChild(iconTool("✓", S().g_confirm_theme + ": " + t.label,
                               () => send({action: "theme_confirm", theme: t.id}), "confirm"));
  }
  return tools;
}

function themeHead(t) {
  const manage = screen.opts.manage;
  const head = el("div", {class: "theme-head", draggable: manage ? "true" : "false"});
  head.appendChild(el("span", {class: "label"}, t.label));
  if (manage && t.confirmed) head.appendChild(el("span", {class: "confirmed-mark"}, " ✓ " + S().g_theme_confirmed));
  if (!manage) {
    head.appendChild(el("span", {class: "count"}, " (" + t.factors.length + ")"));
    return head;
  }
  head.addEventListener("dragstart", (e) => {
    screen.dragged = {theme: t.id};
    e.dataTransfer.setData("text/plain", "t" + t.id);
  });
  head.appendChild(themeTools(t));
  return head;
}

function factorChip(f, split, picked) {
  const li = el("li", {class: "chip " + f.side + (picked ? " picked" : ""), draggable: "true",
                       id: "chip-" + f.id}, f.group + ": " + f.text);
  li.addEventListener("dragstart", (e) => {
    e.stopPropagation();
    screen.dragged = {factor: f.id};
    e.dataTransfer.setData("text/plain", "f" + f.id);
  });
  // Without dragging (keyboard, touch screens): pick the factor, then "Move here".
  const pick = iconTool("⇄", S().g_move_factor + ": " + f.text, () => {
    screen.picked = picked ? null : f.id;
    redraw();
  }, "small pick");
  pick.setAttribute("aria-pressed", picked ? "true" : "false");
  li.appendChild(pick);
  if (split) li.appendChild(tool("⇱", () => send({action: "factor_set_theme", factor: f.id, theme: null}), "small split"));
  return li;
}

/* The factor picked to be moved without dragging (null: none), if it is still shown. */
function pickedFactor() {
  const id = screen.picked;
  return comparison().themes.some((t) => t.factors.some((f) => f.id === id)) ? id : null;
}

function placeButton(t, picked) {
  return tool("↧ " + S().g_move_here, () => {
    screen.picked = null;
    send({action: "factor_set_theme", factor: picked, theme: t.id});
    redraw();
  }, "place");
}

function redraw() {
  const box = document.getElementById("comparison");
  if (box) {
    fillComparison(box);
    markChanges(box);
  }
}

function fillThemeCard(card, t) {
  const manage = screen.opts.manage;
  card.setAttribute("class", "theme " + t.status + (t.confirmed ? " confirmed" : ""));
  const others = manage ? comparison().themes.map((o) => [o.id, o.label]) : t.factors.length;
  const split = t.factors.length > 1;
  const picked = manage ? pickedFactor() : null;
  const here = picked !== null && !t.factors.some((f) => f.id === picked);
  blocks(card, [
    made("head" + JSON.stringify([t.label, t.confirmed, others]), () => themeHead(t)),
    here ? made("place" + picked, () => placeButton(t, picked)) : null,
    manage ? filled("factors", () => el("ul", {class: "theme-factors"}), (ul) => blocks(ul, t.factors.map(
      (f) => made(JSON.stringify([f.id, f.text, f.group, f.side, split, f.id === picked]),
                  () => factorChip(f, split, f.id === picked))))) : null,
  ]);
}

function fillColumn(col, c, themes) {
  blocks(col, [
    fixed("h3", {}, S()["g_" + c]),
    filled("themes", () => el("ul", {class: "themes"}), (ul) => blocks(ul, themes.map(
      (t) => filled("t" + t.id, () => makeThemeCard(t.id), (card) => fillThemeCard(card, t))))),
    themes.length ? null : fixed("p", {class: "empty column-empty"}, S().g_column_empty),
  ]);
}

function chart(common) {
  const box = el("section", {class: "resp-chart"});
  box.appendChild(el("h3", {}, S().g_chart));
  box.appendChild(legend());
  for (const t of common) {
    const row = el("div", {class: "resp-row"});
    row.appendChild(el("p", {class: "resp-label"}, t.label));
    for (const [who, shares] of [[S().g_experts, t.experts], [S().g_community, t.community]]) {
      const bar = el("div", {class: "resp-bar"});
      bar.appendChild(el("span", {class: "who"}, who));
      bar.appendChild(sharesBar(shares, true));
      row.appendChild(bar);
    }
    box.appendChild(row);
  }
  return box;
}

function consoleTools(cmp) {
  const has = cmp.themes.length > 0;
  const kept = cmp.themes.some((t) => t.confirmed);
  const propose = !has ? S().g_propose : kept ? S().g_propose_again_kept : S().g_propose_again;
  return [
    made("propose" + propose, () => tool(propose,
                                     () => send({action: "comparison_propose"}), has ? "" : "primary")),
    has ? made("confirm" + cmp.confirmed, () => tool(cmp.confirmed ? S().g_confirmed : S().g_confirm,
                                                     () => send({action: "comparison_confirm"}))) : null,
    cmp.undo ? made("undo", () => tool(S().g_undo, () => send({action: "comparison_undo"}), "undo")) : null,
    pickedFactor() !== null ? made("unpick", () => tool(S().g_cancel_move, () => {
      screen.picked = null;
      redraw();
    }, "unpick")) : null,
    has ? checkBlock("shown", S().g_show_comparison, () => !!comparison().shown,
                     (shown) => send({action: "comparison_show", shown})) : null,
  ];
}

function fillComparison(box) {
  const cmp = comparison(), manage = screen.opts.manage;
  const common = cmp.themes.filter((t) => t.status === "common" && t.experts && t.community);
  blocks(box, [
    fixed("h2", {}, S().g_comparison),
    manage ? filled("tools", () => el("div", {class: "speaking-tools"}), (bar) => blocks(bar, consoleTools(cmp))) : null,
    manage ? filled("status", () => el("p", {class: "reproposal-status", role: "status", "aria-live": "polite"}),
                    () => {}) : null,
    manage && cmp.unthemed ? fixed("p", {class: "hint"}, S().g_unthemed + ": " + cmp.unthemed) : null,
    manage && cmp.themes.length ? fixed("p", {class: "hint"}, S().g_compare_hint) : null,
    filled("columns", () => el("div", {class: "columns"}), (cols) => blocks(cols, COLUMNS.map(
      (c) => filled(c, () => el("section", {class: "column " + c}),
                    (col) => fillColumn(col, c, cmp.themes.filter((t) => t.status === c)))))),
    common.length ? made("chart" + JSON.stringify(common.map((t) => [t.label, t.experts, t.community])),
                         () => chart(common)) : null,
  ]);
}

/* What the last decision changed: marked for HIGHLIGHT_MS after a newer decision arrives
 * (never on the first drawing), again on redraws within that time. */
function markChanges(box) {
  const cmp = comparison();
  const fresh = decisionHighlight(marked.seen, cmp.last);
  marked.seen = seenDecision(marked.seen, cmp.last);
  if (fresh) {
    marked.highlight = fresh;
    marked.until = Date.now() + HIGHLIGHT_MS;
    clearTimeout(marked.timer);
    marked.timer = setTimeout(() => unmark(box), HIGHLIGHT_MS);
    const status = box.querySelector(".reproposal-status");
    if (status) status.textContent = reproposalStatus(fresh, S());
  }
  if (!marked.highlight || Date.now() >= marked.until) return;
  const marks = highlightMarks(marked.highlight, cmp.themes);
  for (const [id, mark] of marks.chips) {
    const chip = box.querySelector("#chip-" + id);
    if (chip) chip.classList.add(mark);
  }
  if (screen.opts.manage) return;
  for (const id of marks.themes) {
    const card = box.querySelector("#theme-" + id);
    if (card) card.classList.add("changed");
  }
}

function unmark(box) {
  marked.highlight = null;
  for (const node of box.querySelectorAll(".chip.moved, .chip.replaced, .theme.changed")) {
    node.classList.remove("moved", "replaced", "changed");
  }
}

/** The comparison section (#comparison). */
export function comparisonBlock() {
  return filled("comparison", () => el("section", {class: "comparison", id: "comparison"}), (box) => {
    fillComparison(box);
    markChanges(box);
  });
}
