/* Pure rules of the small-groups screen part: no DOM, so node --test can check them. */

/* The three who can change a factor, with their symbols (DejaVu and Android fonts have them). */
export const PARTS = [["municipality", "⌂"], ["state", "⚑"], ["community", "☺"]];

/** The weights after one tap on + (delta 1) or − (delta -1). Only the 0–10 clamp the
 * buttons need: the server decides what a weight may be (factor_weigh checks it again). */
export function tapWeights(weights, part, delta) {
  const w = {municipality: weights.municipality, state: weights.state, community: weights.community};
  w[part] = Math.max(0, Math.min(10, w[part] + delta));
  return w;
}

/** The factor order after moving factor `id` one step (-1 up, 1 down) among the visible
 * factors; hidden factors keep their places at the end. null when it cannot move. */
export function arrangeOrder(factors, id, step) {
  const order = factors.filter((f) => !f.hidden).map((f) => f.id);
  const at = order.indexOf(id);
  if (at < 0 || at + step < 0 || at + step >= order.length) return null;
  order.splice(at, 1);
  order.splice(at + step, 0, id);
  return order.concat(factors.filter((f) => f.hidden).map((f) => f.id));
}

/** Apply a "groups.worksheet_changed" event to the groups state part `gs` (in place).
 * Returns what the screen does next:
 *  "applied"  the group's worksheet was replaced: redraw it (and the group's count);
 *  "counted"  this screen does not show that worksheet: only the group's count changed;
 *  "ignored"  a phone's event (worksheet null) about a worksheet it does not show;
 *  "resync"   this screen cannot apply it: ask for the full state. */
export function applyWorksheetChanged(gs, event, itemId) {
  if (!gs || !gs.drawn) return "resync";
  if (itemId !== undefined && itemId !== null && event.item_id !== itemId) return "resync";
  const group = (gs.groups || []).find((g) => g.id === event.group_id);
  if (!group) return "resync";
  group.factors = event.factors;
  if (event.worksheet === null || event.worksheet === undefined) {
    return event.group_id === gs.my_group || gs.open ? "resync" : "ignored";
  }
  const at = gs.worksheets.findIndex((w) => w.group_id === event.group_id);
  if (at < 0) return "counted";
  gs.worksheets[at] = event.worksheet;
  return "applied";
}

/** Factor lines still in the outbox for a worksheet, minus those the worksheet already
 * shows (the event with the stored line can come before its ack). `mine` is the group
 * a phone's lines without a `group` go to. */
export function pendingFactors(outbox, ws, mine) {
  const stored = new Set(ws.factors.filter((f) => !f.hidden).map((f) => f.text));
  return outbox.filter((m) => m.action === "factor_add" &&
    (m.group === ws.group_id || (!m.group && ws.group_id === mine)) && !stored.has(m.text.trim()));
}

/* Drag and drop on the console: what is dragged is {participant}, {theme} or {factor}. */

/** The message for dropping `dragged` on group `groupId` (a person changes group). */
export function dropOnGroup(dragged, groupId) {
  if (!dragged || !dragged.participant) return null;
  return {action: "group_move", participant: dragged.participant, group: groupId};
}

/** Whether a theme card takes `dragged`: a factor, or another theme (to merge). */
export function themeTakes(dragged, themeId) {
  return !!dragged && (!!dragged.factor || (!!dragged.theme && dragged.theme !== themeId));
}

/** The message for dropping `dragged` on theme `themeId`: a factor moves into it, another
 * theme merges into it. */
export function dropOnTheme(dragged, themeId) {
  if (!dragged) return null;
  if (dragged.factor) return {action: "factor_set_theme", factor: dragged.factor, theme: themeId};
  if (dragged.theme && dragged.theme !== themeId) {
    return {action: "theme_merge", theme: dragged.theme, into: themeId};
  }
  return null;
}

/* The comparison's re-proposal: after a correction the screens mark what changed. */

/** What to highlight for the comparison state's `last` decision, given the highest
 * decision number this screen already saw (undefined: it has not drawn the comparison
 * yet, so nothing is highlighted). null unless a newer decision arrived (an undo lowers
 * the number: nothing new to show). */
export function decisionHighlight(seen, last) {
  if (seen === undefined || seen === null || !last || last.number <= seen) return null;
  const moved = new Set(last.moved);
  return {number: last.number, action: last.action, moved: [...moved],
          replaced: last.replaced.filter((id) => !moved.has(id))};
}

/** What the status line says after a correction: how many factors the proposal
 * re-placed, or that the other themes stayed as they were. */
export function reproposalStatus(highlight, strings) {
  if (!highlight) return "";
  if (highlight.action === "propose" && !highlight.replaced.length) return "";
  return highlight.replaced.length ? strings.g_replaced + ": " + highlight.replaced.length
    : strings.g_replaced_none;
}

/** The decision number to remember after drawing `last`: the highest seen so far. */
export function seenDecision(seen, last) {
  const number = last ? last.number : 0;
  return seen === undefined || seen === null ? number : Math.max(seen, number);
}

/** The marks to draw for a highlight: chips by factor id ("moved" or "replaced") and
 * the ids of the themes holding one of them (a screen without chips marks the theme). */
export function highlightMarks(highlight, themes) {
  const chips = new Map();
  if (!highlight) return {chips, themes: []};
  for (const id of highlight.replaced) chips.set(id, "replaced");
  for (const id of highlight.moved) chips.set(id, "moved");
  const marked = themes.filter((t) => t.factors.some((f) => chips.has(f.id))).map((t) => t.id);
  return {chips, themes: marked};
}
