/* The projector: read-only, what the whole room sees. The board is the room's own
 * (room/brainstorm.js: one sheet at a time, paged); the welcome screen shows how to join.
 * `?pace=<seconds>` in the address turns the board's pages at that pace (tests). */
import {startScreen} from "./screen.js";
import * as groups from "./groups.js";
import * as presenting from "./presenting.js";
import * as board from "./room/brainstorm.js";
import {beforeDraw} from "./room/welcome.js";
import * as speaking from "./speaking.js";

const pace = Number(new URLSearchParams(window.location.search).get("pace")) || null;

startScreen({
  presenting: {module: presenting, opts: {images: true, player: true, fullScreen: true, summary: true}},
  speaking: {module: speaking, opts: {showNext: true, queueLine: true, keyPoints: true}},
  groups: {module: groups, opts: {}, options: {manage: false, phone: false, big: true}},
  boards: {module: board, opts: {pace}},
}, {beforeDraw});
