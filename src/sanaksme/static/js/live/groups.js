/* Small groups on the live screens: forming groups, worksheets, presentations and the
 * comparison. The screen entry modules call draw() with the state's `groups` part and
 * route "groups.*" events to apply(). Both update the view in place (keyed by ids), so an
 * unfolded factor, a focused field, its caret and half-typed text survive new state.
 * Everything people wrote goes in with textContent, never as HTML.
 *
 *   groups/rules.js       pure rules (tap clamp, order, applying a worksheet event, drops)
 *   groups/blocks.js      the shared screen state and in-place children
 *   groups/worksheet.js   a group's worksheet
 *   groups/forming.js     drawing and moving groups
 *   groups/showing.js     the presentations and their countdown
 *   groups/comparison.js  common and different themes
 */
import {applyWorksheetChanged} from "./groups/rules.js";
import {blocks, fixed, screen} from "./groups/blocks.js";
import {formingBlocks, redrawCard} from "./groups/forming.js";
import {afterShowing, showingBlocks} from "./groups/showing.js";
import {redrawWorksheet} from "./groups/worksheet.js";

/** What this screen does with the groups: manage (the console's tools), phone (its own
 * group and worksheet), big (the projector's big worksheet). ctx.options, if the entry
 * module passes them, else read once from the screen's audience. */
export function optionsFor(ctx) {
  if (ctx.options) return ctx.options;
  const audience = ctx.cfg.audience;
  return {manage: audience === "console", phone: audience === "phone", big: audience === "projector"};
}

/** Draw (or bring up to date, in place) the groups part `part` of the state into `view`.
 * The view's children are this module's: it removes any it did not make. */
export function draw(view, part, ctx) {
  screen.gs = part;
  screen.ctx = ctx;
  screen.view = view;
  screen.opts = optionsFor(ctx);
  if (part.kind === "group_presentations") {
    blocks(view, part.drawn ? showingBlocks() : [fixed("p", {class: "waiting"}, ctx.S.g_not_formed)]);
    if (part.drawn) afterShowing();
  } else {
    blocks(view, formingBlocks());
  }
}

/** Apply a "groups.*" event to `state` and the screen. Only "groups.worksheet_changed" is
 * applied in place (that worksheet and its group's count); false = re-sync. */
export function apply(event, state, ctx) {
  if (event.type !== "groups.worksheet_changed" || !state || !state.groups) return false;
  const what = applyWorksheetChanged(state.groups, event, state.item ? state.item.id : undefined);
  if (what === "resync") return false;
  if (screen.gs !== state.groups || !screen.view) return true;  // not drawn: the state holds it
  screen.ctx = ctx;
  if (what === "applied") redrawWorksheet(event.group_id);
  redrawCard(event.group_id);
  return true;
}
