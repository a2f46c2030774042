/* The facilitator's console: writes notes (for anyone, Enter sends, Alt+digits pick),
 * runs every method with its tools. */
import {startScreen} from "./screen.js";
import * as boards from "./boards.js";
import * as groups from "./groups.js";
import * as presenting from "./presenting.js";
import {applyPresence, drawPresence} from "./presence.js";
import {withProjectorControl} from "./room/projector_control.js";
import * as speaking from "./speaking.js";
import * as visit from "./visit_console.js";

startScreen({
  presenting: {module: presenting, opts: {controls: true, images: true}},
  speaking: {module: speaking, opts: {controls: true, showNext: true}},
  groups: {module: groups, opts: {}, options: {manage: true, phone: false, big: false}},
  visit: {module: visit, opts: {}},
  boards: {module: withProjectorControl(boards), opts: {composer: true, fold: true, author: true, enterSends: true, tools: true, scrollToNew: true}},
}, {beforeDraw: drawPresence, onEvent: applyPresence, idle: "console_idle"});
