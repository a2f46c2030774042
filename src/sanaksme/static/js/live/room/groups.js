/* Small groups on the projector: groups.js (the same module every screen uses), paged to
 * fit one screen (room/fit.js). Group work: the groups' cards page by page, then (once the
 * worksheets are open to all) the worksheets; a presentation: the presenting group's
 * factors; the comparison: the three columns of themes side by side, then the chart. */
import * as groups from "../groups.js";
import {paged} from "./fit.js";

function phases(inner) {
  const q = (sel) => inner.querySelector(sel);
  const list = [];
  const cards = q(".group-grid");
  if (cards) list.push({key: "groups", root: cards, lists: [[cards, ".group-card"]]});
  const sheets = q(".worksheet-grid");
  if (sheets) list.push({key: "worksheets", root: sheets, lists: [[sheets, ".worksheet"]]});
  const big = q(".worksheet.big .factors");
  if (big) list.push({key: "factors", root: null, lists: [[big, "li"]], cut: true});
  const columns = q(".comparison .columns");
  if (columns) {
    list.push({key: "themes", root: columns,
               lists: Array.from(columns.querySelectorAll(".themes")).map((ul) => [ul, ".theme"]), cut: true});
  }
  const chart = q(".comparison .resp-chart");
  if (chart) list.push({key: "chart", root: chart, lists: [[chart, ".resp-row"]]});
  return list;
}

export const {draw, apply} = paged(groups, phases);
