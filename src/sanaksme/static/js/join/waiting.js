/* "My data", above "This is not me: leave": how many of this person's notes still wait
 * on this phone. live/connection.js keeps them under the person's key (the outbox named
 * in data-outbox); leaving keeps them there, and they are sent when this person joins
 * again on this phone, so the person is told before they go. */
import {Outbox, browserStorage} from "../live/outbox.js";
import {picto} from "../live/easy/pictos.js";
import {waitingCount} from "../live/visitrules.js";

const box = document.getElementById("waiting-here");
if (box) {
  const key = box.dataset.outbox;
  const storage = browserStorage(window.localStorage);
  // Read only: no legacy outbox is adopted from this page.
  const outbox = new Outbox({load: storage.load, store: () => undefined}, {pending: key});
  const count = waitingCount(outbox);
  if (count > 0) {
    box.querySelector(".waiting-count").textContent = String(count);
    box.insertBefore(picto("phone"), box.firstChild);
    box.hidden = false;
  }
}
