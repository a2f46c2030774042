/* Pictograms of the simple view: inline SVG built with the DOM (no emoji font needed, no
 * HTML strings). Each is a few shapes on a 48×48 grid in currentColor; `cut` shapes are
 * drawn in the background colour (the "!" of the warning sign, the check in a circle).
 */

const NS = "http://www.w3.org/2000/svg";

// name -> shapes: [tag, attributes]; the attribute "cut" paints a shape in white.
const SHAPES = {
  thumb: [["path", {d: "M4 22h9v22H4z"}],
          ["path", {d: "M16 44h18c2 0 3.6-1.3 4.2-3.2l4.6-14.6c.8-2.6-1.2-5.2-3.9-5.2H29l1.8-8.6C31.4 9.5 29.5 7 27 7h-1L16 22z"}]],
  warning: [["path", {d: "M24 3 46 43H2z"}], ["path", {d: "M21.5 16h5l-1 15h-3z", cut: true}],
            ["circle", {cx: "24", cy: "36.5", r: "2.8", cut: true}]],
  check: [["circle", {cx: "24", cy: "24", r: "21"}],
          ["path", {d: "m13 24.5 3.5-3.5 5 5 10-10 3.5 3.5L21.5 33z", cut: true}]],
  bulb: [["path", {d: "M24 3a14.5 14.5 0 0 0-8.5 26.3V34h17v-4.7A14.5 14.5 0 0 0 24 3z"}],
         ["path", {d: "M16 37h16v3.5H16zM19 42.5h10V46H19z"}]],
  speech: [["path", {d: "M7 6h34a5 5 0 0 1 5 5v20a5 5 0 0 1-5 5H21l-11 9v-9H7a5 5 0 0 1-5-5V11a5 5 0 0 1 5-5z"}]],
  arrow: [["path", {d: "M3 19h25V8l18 16-18 16V29H3z"}]],
  hand: [["path", {d: "M17 46c-5-3-11-11-13-15-1-2.3 1.6-4.4 3.8-2.6L14 33V10a3 3 0 0 1 6 0v13h1.2V6a3 3 0 0 1 6 0v17h1.2V8a3 3 0 0 1 6 0v15h1.2v-9a3 3 0 0 1 6 0v18c0 8-5.5 14-13 14z"}]],
  send: [["path", {d: "M3 21 45 4 36 44 24.5 30.5 40 9.5 19.5 26z"}]],
  back: [["path", {d: "M45 19H20V8L2 24l18 16V29h25z"}]],
  pictures: [["path", {d: "M3 7h42v34H3zm4 4v26h34V11z"}], ["circle", {cx: "16", cy: "18", r: "4"}],
             ["path", {d: "M9 35l10-12 7 8 5-5 8 9z"}]],
  words: [["path", {d: "M4 8h40v5H4zM4 17h33v5H4zM4 26h40v5H4zM4 35h26v5H4z"}]],
  building: [["path", {d: "M24 2 46 14H2z"}], ["path", {d: "M3 40h42v6H3zM7 17h6v21H7zM21 17h6v21h-6zM35 17h6v21h-6z"}]],
  flag: [["path", {d: "M6 3h4v43H6z"}], ["path", {d: "M12 5c8-3 13 3 20 1s9-2 12-1v20c-3-1-6-1-12 1s-12-4-20-1z"}]],
  people: [["circle", {cx: "15", cy: "12", r: "7"}], ["circle", {cx: "34", cy: "14", r: "6"}],
           ["path", {d: "M2 44c0-10 5.5-17 13-17s13 7 13 17zM26 44c0-5-1-9-3-12 2.4-2.5 6-4 11-4 7 0 12 6.5 12 16z"}]],
  plus: [["path", {d: "M20 6h8v14h14v8H28v14h-8V28H6v-8h14z"}]],
  minus: [["path", {d: "M6 20h36v8H6z"}]],
  speaker: [["circle", {cx: "16", cy: "12", r: "8"}], ["path", {d: "M2 46c0-11 6-19 14-19s14 8 14 19z"}],
            ["path", {d: "M33 10c5 4 5 14 0 18l2.6 2.6c6.5-5.5 6.5-17.7 0-23.2zM38 5c8 7 8 21 0 28l2.6 2.6c9.6-8.6 9.6-24.6 0-33.2z"}]],
  clock: [["circle", {cx: "24", cy: "24", r: "21"}], ["path", {d: "M22 10h4v13l9 5-2 3.5-11-6.5z", cut: true}]],
  // A phone holding what waits to be sent (an hourglass on its screen).
  phone: [["path", {d: "M14 2h20a4 4 0 0 1 4 4v36a4 4 0 0 1-4 4H14a4 4 0 0 1-4-4V6a4 4 0 0 1 4-4z"}],
          ["path", {d: "M14 7h20v31H14z", cut: true}],
          ["path", {d: "M18 11h12v3l-4.5 5.5L30 25v3H18v-3l4.5-5.5L18 14z"}]],
};

export const PICTO_NAMES = Object.keys(SHAPES);

/** An <svg> pictogram (decorative: aria-hidden), or null for an unknown name. */
export function picto(name, extraClass) {
  const shapes = SHAPES[name];
  if (!shapes) return null;
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", "0 0 48 48");
  svg.setAttribute("class", "picto picto-" + name + (extraClass ? " " + extraClass : ""));
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  for (const [tag, attrs] of shapes) {
    const shape = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "cut") shape.setAttribute("class", "cut");
      else shape.setAttribute(k, v);
    }
    svg.appendChild(shape);
  }
  return svg;
}
