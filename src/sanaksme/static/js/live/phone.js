/* A participant's phone: writes notes (kept in the outbox until stored), raises a hand,
 * works on its group's worksheet, follows what the room sees. */
import {startScreen} from "./screen.js";
import * as boards from "./boards.js";
import * as groups from "./groups.js";
import * as presenting from "./presenting.js";
import * as speaking from "./speaking.js";
import {start} from "./easy/view.js";

const words = {
  presenting: {module: presenting, opts: {summary: true}},
  speaking: {module: speaking, opts: {mine: true, keyPoints: true}},
  groups: {module: groups, opts: {}, options: {manage: false, phone: true, big: false}},
  boards: {module: boards, opts: {composer: true, mine: true, shared: true, replies: true}},
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
  };
}
start(words, pictures, startScreen);
