/* A live character counter under a text field (a note, a reply, a worksheet line).
 *
 * The field must have no maxlength: a paste beyond the limit keeps the whole text (nothing is
 * cut silently), the counter says "at most N characters" and the send button waits
 * until the text fits. The counter is a polite live region; it turns to a warning near
 * the limit.
 */
import {el} from "./dom.js";

export const NEAR = 20;  // characters left when the counter turns to a warning

/** What the counter shows for `length` characters of `limit`: {text, level, fits};
 * level is "ok", "near" (NEAR or fewer left) or "over". S: the screen's strings. */
export function countState(length, limit, S) {
  const count = length + "/" + limit;
  if (length > limit) {
    return {text: count + " · " + S.too_long.replace("%(limit)s", String(limit)), level: "over", fits: false};
  }
  return {text: count, level: limit - length <= NEAR ? "near" : "ok", fits: true};
}

/** Length as the server counts it: trimmed, line ends as one character. */
export function textLength(value) {
  return value.replace(/\r\n/g, "\n").trim().length;
}

/** A counter for `field` (an <input> or <textarea>), kept up to date on every input;
 * `button` (optional) is disabled while the text is too long. Returns the counter's
 * element (put it after the field) with .refresh() for a value set from code. */
export function counter(field, limit, S, button) {
  const id = (field.id || "field") + "-count";
  const out = el("p", {class: "counter", id, "aria-live": "polite"});
  field.setAttribute("aria-describedby", id);
  let shown = "";
  out.refresh = () => {
    const c = countState(textLength(field.value || ""), limit, S);
    out.setAttribute("class", "counter " + c.level);
    if (c.text !== shown) { out.textContent = c.text; shown = c.text; }
    field.setAttribute("aria-invalid", String(!c.fits));
    if (button) button.disabled = !c.fits;
    return c.fits;
  };
  field.addEventListener("input", out.refresh);
  out.refresh();
  return out;
}
