/* The projector: read-only, what the whole room sees, one screen that never scrolls.
 * Each method's part is the room's own: the board one sheet at a time (room/brainstorm.js),
 * the groups, the speaking screens and the summary paged to fit (room/groups.js,
 * room/speaking.js, room/presenting.js); a site visit's place and the day's visits
 * (room/visit.js); the welcome and break screens (room/welcome.js).
 * `?pace=<seconds>` in the address turns the pages at that pace (tests). */
import {startScreen} from "./screen.js";
import * as board from "./room/brainstorm.js";
import * as groups from "./room/groups.js";
import * as presenting from "./room/presenting.js";
import * as speaking from "./room/speaking.js";
import * as visit from "./room/visit.js";
import {beforeDraw} from "./room/welcome.js";

const pace = Number(new URLSearchParams(window.location.search).get("pace")) || null;

startScreen({
  presenting: {module: presenting, opts: {images: true, player: true, fullScreen: true, summary: true, pace}},
  speaking: {module: speaking, opts: {showNext: true, queueLine: true, keyPoints: true, pace}},
  groups: {module: groups, opts: {pace}, options: {manage: false, phone: false, big: true}},
  boards: {module: board, opts: {pace}},
  visit: {module: visit, opts: {}},
}, {beforeDraw});
