/* Icons as inline SVG: Debian's Chromium has no emoji font, so ⏳ or ✋ would show as
 * empty boxes. Each icon is drawn on a 24×24 grid with the text's colour (currentColor)
 * and is decorative (aria-hidden): the words next to it say what it means.
 *
 *   import {icon} from "./icons.js";
 *   button.prepend(icon("hand"));
 */
const NS = "http://www.w3.org/2000/svg";

// name -> shapes: [tag, attributes]
const SHAPES = {
  hourglass: [["path", {d: "M6 2h12M6 22h12M7 2v4l5 6-5 6v4M17 2v4l-5 6 5 6v4"}]],
  hand: [["path", {d: "M8 12V5a1.5 1.5 0 0 1 3 0v6m0-7.5a1.5 1.5 0 0 1 3 0V11m0-6a1.5 1.5 0 0 1 3 0v7"
                      + "M8 12V9.5a1.5 1.5 0 0 0-3 0V15a7 7 0 0 0 7 7h1a6 6 0 0 0 6-6V9a1.5 1.5 0 0 0-3 0"}]],
  person: [["circle", {cx: "12", cy: "7", r: "4"}], ["path", {d: "M4 22a8 8 0 0 1 16 0"}]],
  people: [["circle", {cx: "9", cy: "7", r: "3.5"}], ["path", {d: "M2 21a7 7 0 0 1 14 0"}],
           ["path", {d: "M16 3.5a3.5 3.5 0 0 1 0 7M18 14a7 7 0 0 1 4 7"}]],
  check: [["path", {d: "M4 12.5l5 5L20 6"}]],
  cross: [["path", {d: "M6 6l12 12M18 6L6 18"}]],
  clock: [["circle", {cx: "12", cy: "12", r: "10"}], ["path", {d: "M12 6v6l4 2"}]],
  mic: [["rect", {x: "9", y: "2", width: "6", height: "12", rx: "3"}],
        ["path", {d: "M5 11a7 7 0 0 0 14 0M12 18v4M8 22h8"}]],
  arrow: [["path", {d: "M4 12h16M14 6l6 6-6 6"}]],
  phone: [["rect", {x: "6", y: "2", width: "12", height: "20", rx: "2"}], ["path", {d: "M11 18h2"}]],
  pause: [["path", {d: "M8 5v14M16 5v14"}]],
  star: [["path", {d: "M12 2.5l2.9 6 6.6.9-4.8 4.6 1.2 6.5L12 17.4l-5.9 3.1 1.2-6.5-4.8-4.6 6.6-.9z"}]],
  // The brainstorm's columns and the feedback's kinds.
  positive: [["circle", {cx: "12", cy: "12", r: "10"}], ["path", {d: "M8 14s1.5 2.5 4 2.5 4-2.5 4-2.5"}],
             ["path", {d: "M9 9h.01M15 9h.01"}]],
  problem: [["path", {d: "M12 3l10 18H2z"}], ["path", {d: "M12 10v4.5M12 17.5h.01"}]],
  existing_solution: [["path", {d: "M4 12.5l5 5L20 6"}]],
  possible_solution: [["path", {d: "M9 18h6M10 22h4M12 2a7 7 0 0 0-4 12.7V16h8v-1.3A7 7 0 0 0 12 2z"}]],
  feedback: [["path", {d: "M4 20h4L20 8l-4-4L4 16z"}]],
  suggestion: [["path", {d: "M4 12h16M14 6l6 6-6 6"}]],
};

export const ICON_NAMES = Object.freeze(Object.keys(SHAPES));

/** An <svg> icon (aria-hidden, class "icon icon-<name>"); null for an unknown name. */
export function icon(name, doc) {
  const shapes = SHAPES[name];
  if (!shapes) return null;
  const d = doc || document;
  const svg = d.createElementNS(NS, "svg");
  const attrs = {viewBox: "0 0 24 24", class: "icon icon-" + name, "aria-hidden": "true",
                 focusable: "false", fill: "none", stroke: "currentColor", "stroke-width": "2",
                 "stroke-linecap": "round", "stroke-linejoin": "round"};
  for (const [k, v] of Object.entries(attrs)) svg.setAttribute(k, v);
  for (const [tag, shapeAttrs] of shapes) {
    const shape = d.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(shapeAttrs)) shape.setAttribute(k, v);
    svg.appendChild(shape);
  }
  return svg;
}
