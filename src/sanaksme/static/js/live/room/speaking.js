/* Tour de table and discussion on the projector: speaking.js (the same module every
 * screen uses; its own styles in projector.css), paged to fit one screen (room/fit.js):
 * key points and who waits to speak, page by page. */
import * as speaking from "../speaking.js";
import {paged} from "./fit.js";

function phases(inner) {
  const points = inner.querySelector(".key-points");
  return points ? [{key: "points", root: null, lists: [[points, "p"]], cut: true}] : [];
}

export const {draw, apply} = paged(speaking, phases);
