/* The join page after "Not you?" (or before anyone joined on this phone): the last
 * person's kept phone screens go — the service worker's copies of the phone page and the
 * last state kept for drawing offline — so the next person holding the phone cannot see
 * them without the network. Notes still waiting in the outbox are left alone. */
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.getRegistration("/p/").then((registration) => {
    if (registration && registration.active) registration.active.postMessage({type: "forget"});
  }).catch(() => undefined);
}
try {
  for (const key of Object.keys(window.localStorage)) {
    if (key.startsWith("sanaksme.state.")) window.localStorage.removeItem(key);
  }
} catch (e) {
  // Storage may be off (a private window): nothing was kept then.
}
