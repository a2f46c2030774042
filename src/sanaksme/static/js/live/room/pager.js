/* Paging a board on the projector, as pure rules (tested with node --test).
 *
 * A column whose notes do not fit is split into pages; a sheet takes as many steps as
 * its longest column has pages (a shorter column stays on its last page); "every sheet
 * in turn" walks through the steps of each sheet, then starts again. The position is
 * kept by sheet id and step, so new notes (more pages) never send the cycle back to the
 * start.
 */

/** Pages of items with these heights in a box `room` high, `tracks` items side by side
 * (a row is as high as its highest item), `gap` between rows: [[start, end), …]. An item
 * higher than the box gets a page of its own. No items: one empty page. */
export function paginate(heights, room, gap = 0, tracks = 1) {
  const pages = [];
  let start = 0, used = 0;
  for (let row = 0; row < heights.length; row += tracks) {
    const h = Math.max(...heights.slice(row, row + tracks));
    const need = row === start ? h : used + gap + h;
    if (row > start && need > room) {
      pages.push([start, row]);
      start = row;
      used = h;
    } else {
      used = need;
    }
  }
  pages.push([start, heights.length]);
  return pages;
}

/** The page a column shows at a sheet's step: its last page once it has no more. */
export function pageAt(pageCount, step) {
  return Math.max(0, Math.min(step, pageCount - 1));
}

/** A fresh position: the first step of the first sheet, no full round yet. */
export function newCycle() {
  return {sheet: null, step: 0, rounds: 0};
}

/** Keep the position on one of these sheets: a sheet that is gone restarts at the
 * first sheet's first step. */
export function settle(cycle, sheetIds) {
  if (sheetIds.length && !sheetIds.includes(cycle.sheet)) {
    cycle.sheet = sheetIds[0];
    cycle.step = 0;
  }
  return cycle;
}

/** The next step, given how many steps the current sheet has now: the sheet's next
 * page, else the next sheet's first; after the last sheet the first again (one more
 * full round). */
export function advance(cycle, sheetIds, steps) {
  settle(cycle, sheetIds);
  if (!sheetIds.length) return cycle;
  if (cycle.step + 1 < steps) {
    cycle.step += 1;
    return cycle;
  }
  const at = sheetIds.indexOf(cycle.sheet);
  if (at + 1 >= sheetIds.length) cycle.rounds += 1;
  cycle.sheet = sheetIds[(at + 1) % sheetIds.length];
  cycle.step = 0;
  return cycle;
}

/** Seconds a page stays up: time to read `chars` characters slowly, from the back. */
export function dwell(chars) {
  return Math.max(8, Math.min(30, 4 + chars / 25));
}
