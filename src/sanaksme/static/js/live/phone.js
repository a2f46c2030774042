/* A participant's phone: writes notes (kept in the outbox until stored), raises a hand,
 * works on its group's worksheet, follows what the room sees. */
import {startScreen} from "./screen.js";
import * as boards from "./boards.js";
import * as groups from "./groups.js";
import * as presenting from "./presenting.js";
import * as speaking from "./speaking.js";
import * as visit from "./visit.js";
import {start} from "./easy/view.js";
import {offlineHooks} from "./offline.js";

const words = {
  presenting: {module: presenting, opts: {summary: true}},
  speaking: {module: speaking, opts: {mine: true, keyPoints: true}},
  groups: {module: groups, opts: {}, options: {manage: false, phone: true, big: false}},
  boards: {module: boards, opts: {composer: true, mine: true, shared: true, replies: true}},
  visit: {module: visit, opts: {}},
};
// The simple view (pictures, short words), when the meeting offers it and the person
// chose it: its modules are fetched only then (most phones never need them).
async function pictures() {
  const [easyBoards, easyGroups, easySpeaking] = await Promise.all([
    import("./easy/boards.js"), import("./easy/groups.js"), import("./easy/speaking.js")]);
  return {
    ...words,
    speaking: {module: easySpeaking, opts: {}},
    groups: {module: easyGroups, opts: {}, options: {manage: false, phone: true, big: false}},
    boards: {module: easyBoards, opts: {}},
    visit: {module: visit, opts: {easy: true}},
  };
}
// Away from the server: the kept page and state, and the waiting notes (offline.js).
const cfgNode = document.getElementById("live-config");
const away = cfgNode ? offlineHooks(JSON.parse(cfgNode.textContent)) : {};
start(words, pictures, (methods, hooks) => startScreen(methods, {...hooks, ...away}));
