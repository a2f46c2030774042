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

/** Pages of units: like paginate, but a unit marked `alone` (a note that needs the
 * column's whole width, or is cut into pieces) always has a page of its own. */
export function paginateUnits(units, room, gap = 0, tracks = 1) {
  const pages = [];
  let run = [];
  const flush = () => {
    if (!run.length) return;
    const first = run[0];
    for (const [from, to] of paginate(run.map((u) => u.h), room, gap, tracks)) pages.push([first.i + from, first.i + to]);
    run = [];
  };
  units.forEach((u, i) => {
    if (u.alone) {
      flush();
      pages.push([i, i + 1]);
    } else {
      run.push({h: u.h, i});
    }
  });
  flush();
  return pages.length ? pages : [[0, 0]];
}

/** Pieces of a text higher than the room it has: its lines ({top, bottom}, from the
 * text's top, in order) in pieces at most `room` high, each starting at a line's top, so
 * no line is ever cut: [{from, to}] (from: where the piece starts; to: where it ends). A
 * line higher than the room alone is a piece of its own. */
export function pieces(lines, room) {
  if (!lines.length) return [{from: 0, to: 0}];
  const out = [];
  let from = lines[0].top, to = lines[0].bottom;
  for (const line of lines.slice(1)) {
    if (line.bottom - from > room) {
      out.push({from, to});
      from = line.top;
    }
    to = Math.max(to, line.bottom);
  }
  out.push({from, to});
  return out;
}

/** Lines from the boxes of a text's line fragments (getClientRects of its text nodes,
 * relative to the text's top): fragments that overlap vertically are one line. */
export function linesOf(rects) {
  const sorted = rects.filter((r) => r.bottom > r.top).sort((a, b) => a.top - b.top);
  const lines = [];
  for (const r of sorted) {
    const line = lines[lines.length - 1];
    if (line && r.top < line.bottom - 1) line.bottom = Math.max(line.bottom, r.bottom);
    else lines.push({top: r.top, bottom: r.bottom});
  }
  return lines;
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
