/* Presentations and the day's summary on the projector: presenting.js (the same module
 * every screen uses), with a long summary cut into pieces shown in turn (room/fit.js). */
import * as presenting from "../presenting.js";
import {paged} from "./fit.js";

function phases(inner) {
  const text = inner.querySelector(".summary-text");
  return text ? [{key: "summary", root: null, lists: [[text, "p"]], cut: true}] : [];
}

export const {draw, apply} = paged(presenting, phases);
