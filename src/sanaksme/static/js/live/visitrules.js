/* Pure rules of the phone's site visit (js/live/visit.js) and of its offline banner: no
 * DOM, so node --test can check them. */
import {COLUMN_LOOKS} from "./easy/rules.js";

export const VISIT_ACTION = "visit_note_add";

/** `date` as ISO 8601 with the phone's own offset ("2017-01-26T10:15:03+02:00"): when
 * the phone says the observation was written (the server bounds it). */
export function isoWithOffset(date) {
  const pad = (n) => String(Math.floor(Math.abs(n))).padStart(2, "0");
  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? "+" : "-";
  return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate())
    + "T" + pad(date.getHours()) + ":" + pad(date.getMinutes()) + ":" + pad(date.getSeconds())
    + sign + pad(minutes / 60) + ":" + pad(minutes % 60);
}

/** The big buttons of a visit's sheet: the brainstorm's columns with their pictogram,
 * colour and label (the column's label, S["col_<code>"]; the simple view's short word
 * when `easy` and S has it). */
export function columnButtons(columns, S, easy) {
  return columns.map((key) => {
    const look = COLUMN_LOOKS[key] || {picto: "speech", tone: "say", word: null};
    const label = S["col_" + key] || key;
    const word = easy && look.word && S[look.word] ? S[look.word] : label;
    return {key, picto: look.picto, tone: look.tone, label: word};
  });
}

/** The message an observation goes out as, or null when there is nothing to send. */
export function visitMessage(visit, column, text, clientId, now) {
  const trimmed = (text || "").trim();
  if (!visit || !visit.sheet || !visit.open || !column || !trimmed) return null;
  if (!visit.sheet.columns.includes(column)) return null;
  return {action: "visit_note_add", client_id: clientId, sheet: visit.sheet.id, column,
          text: trimmed, written_at: isoWithOffset(now)};
}

/** This phone's observations of the visit's sheet, newest first: refused for good, then
 * those waiting in the outbox, then those stored (the state's `mine`, and those the
 * server stored since the state came: the outbox's sent history). `box`: {pending(),
 * sent(), refused(), reason(clientId)}. */
export function visitRows(visit, box, S) {
  if (!visit || !visit.sheet) return [];
  const sheet = visit.sheet.id;
  const ours = (m) => m.action === VISIT_ACTION && m.sheet === sheet;
  const rows = [];
  for (const m of box.refused().filter(ours).reverse()) {
    rows.push({key: "r" + m.client_id, cls: "refused", column: m.column, text: m.text, state: m.message});
  }
  for (const m of box.pending().filter(ours).reverse()) {
    rows.push({key: "p" + m.client_id, cls: "pending", column: m.column, text: m.text, state: S.waiting,
               hint: box.reason ? box.reason(m.client_id) : ""});
  }
  const mine = visit.mine || [];
  const known = new Set(mine.map((n) => n.client_id).filter(Boolean));
  const same = new Set(mine.map((n) => n.column + "\n" + n.text));
  for (const m of box.sent().filter(ours).reverse()) {
    if (known.has(m.client_id) || same.has(m.column + "\n" + m.text)) continue;
    rows.push({key: "s" + m.client_id, cls: "sent", column: m.column, text: m.text, state: S.sent});
  }
  for (const n of mine.slice().reverse()) {
    rows.push({key: "n" + n.id, cls: "sent", column: n.column, text: n.text, state: S.sent});
  }
  return rows;
}

/** How many of the outbox's entries (notes, observations, worksheet lines) wait. */
export function waitingCount(box) {
  return box.pending().length;
}

/** The offline banner: shown while something waits and the phone cannot send it now. */
export function bannerShown(count, online) {
  return count > 0 && !online;
}

/** The state kept for a reload without the server (the last one the phone received, per
 * meeting), read back from storage: null when there is none or it is not a state. */
export function keptState(text) {
  try {
    const state = JSON.parse(text || "null");
    return state && typeof state === "object" && state.type === "state" ? state : null;
  } catch (e) { return null; }
}
