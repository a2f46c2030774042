/* Pure rules of the simple view (pictures and short words): no DOM, so node --test can
 * check them. */

/* How a column looks: its pictogram, its colour (a CSS class) and its short word (a key
 * of cfg.strings; the column's own label when there is none). */
export const COLUMN_LOOKS = {
  positive: {picto: "thumb", tone: "good", word: "e_positive"},
  problem: {picto: "warning", tone: "problem", word: "e_problem"},
  existing_solution: {picto: "check", tone: "works", word: "e_existing_solution"},
  possible_solution: {picto: "bulb", tone: "idea", word: "e_possible_solution"},
  feedback: {picto: "speech", tone: "say", word: "e_feedback", mine: true},
  suggestion: {picto: "arrow", tone: "idea", word: "e_suggestion", mine: true},
};
// mine: the short word speaks for the writer ("My opinion"): what everyone wrote is
// headed by the column's own label instead.
const OTHER_COLUMN = {picto: "speech", tone: "say", word: null};

/* Who can change a factor: pictogram and colour (the words are the g_* strings). */
export const PART_LOOKS = {
  municipality: {picto: "building", tone: "municipality"},
  state: {picto: "flag", tone: "state"},
  community: {picto: "people", tone: "community"},
};

/** A column's look, with its short word resolved from `S` (else the column's label). */
export function columnLook(column, S) {
  const look = COLUMN_LOOKS[column.key] || OTHER_COLUMN;
  return {...look, word: (look.word && S[look.word]) || column.label};
}

/** Which view a phone shows: "words" when the meeting has no simple mode, else the
 * person's own choice kept on the phone ("pictures" / "words"), or "ask" the first time. */
export function viewChoice(easyMode, stored) {
  if (!easyMode) return "words";
  return stored === "pictures" || stored === "words" ? stored : "ask";
}

/** Whether a phone must load its page again to follow the meeting's setting: the value
 * to remember for that reload ("on" / "off"), or null. `shown`: the setting the page was
 * built with (cfg.easy); `now`: the state's `easy` (undefined in an older state: no
 * change); `reloaded`: what the last reload was for, so a page that still disagrees after
 * it does not reload again and again. */
export function reloadFor(shown, now, reloaded) {
  if (now === undefined || Boolean(now) === Boolean(shown)) return null;
  const wanted = now ? "on" : "off";
  return reloaded === wanted ? null : wanted;
}

/** One question per screen. From what was tapped (`pick`: {sheet, column, board}) and
 * the sheets, the screen to show: {step: "sheet" | "column" | "write" | "board", sheet,
 * column}. A sheet or column that is gone is forgotten; a single sheet needs no
 * question; what everyone wrote ("board") only once the room may see the sheet. */
export function screenFor(pick, sheets) {
  let sheet = sheets.find((s) => s.id === pick.sheet) || null;
  if (!sheet && sheets.length === 1) sheet = sheets[0];
  if (!sheet) return {step: "sheet", sheet: null, column: null};
  const column = sheet.columns.find((c) => c.key === pick.column) || null;
  if (!column && pick.board && sheet.revealed) return {step: "board", sheet, column: null};
  if (!column) return {step: "column", sheet, column: null};
  return {step: "write", sheet, column};
}

/** The note the composer sends for the picked sheet and column (the same `note_submit`
 * as the words view), or null when there is nothing to send. */
export function noteMessage(screen, text, clientId) {
  const trimmed = (text || "").trim();
  if (screen.step !== "write" || !trimmed) return null;
  return {action: "note_submit", client_id: clientId, sheet: screen.sheet.id,
          column: screen.column.key, text: trimmed};
}
