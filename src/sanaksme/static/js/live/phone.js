/* A participant's phone: writes notes (kept in the outbox until stored), raises a hand,
 * works on its group's worksheet, follows what the room sees. */
import {startScreen} from "./screen.js";
import * as boards from "./boards.js";
import * as groups from "./groups.js";
import * as presenting from "./presenting.js";
import * as speaking from "./speaking.js";

startScreen({
  presenting: {module: presenting, opts: {summary: true}},
  speaking: {module: speaking, opts: {mine: true, keyPoints: true}},
  groups: {module: groups, opts: {}, options: {manage: false, phone: true, big: false}},
  boards: {module: boards, opts: {composer: true, mine: true, shared: true, replies: true}},
});
