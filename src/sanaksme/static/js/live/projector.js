/* The projector: read-only, what the whole room sees. */
import {startScreen} from "./screen.js";
import * as boards from "./boards.js";
import * as groups from "./groups.js";
import * as presenting from "./presenting.js";
import * as speaking from "./speaking.js";

startScreen({
  presenting: {module: presenting, opts: {images: true, player: true, fullScreen: true, summary: true}},
  speaking: {module: speaking, opts: {showNext: true, queueLine: true, keyPoints: true}},
  groups: {module: groups, opts: {}, options: {manage: false, phone: false, big: true}},
  boards: {module: boards, opts: {scrollToNew: true}},
});
