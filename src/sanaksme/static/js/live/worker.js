/* The phone's service worker (plain JS, no framework), served at /p/sw.js with scope /p/
 * by live.views.phone_worker, which puts its settings first:
 *   self.SANAKSME_WORKER = {version, assets: [static paths], scope: "/p/"};
 * It keeps the phone pages (/p/<code>/) and the scripts and styles they load, and nothing
 * else: not the console, the projector, the admin, the join pages, uploads or any API;
 * WebSocket traffic never passes through a service worker.
 * - a phone page: network first (the server's page is always the newest); a copy is kept,
 *   and served when the network fails or the server answers with an error;
 * - the listed assets: from the cache (filled at install), else the network;
 * - the cache's name carries the version of the assets, so a new deployment's worker
 *   replaces the old cache (the kept pages move over; their next load refreshes them).
 * docs/domain/visits.md, "Offline". */
/* global self, caches, fetch, Response, URL */
const SETTINGS = self.SANAKSME_WORKER || {version: "dev", assets: [], scope: "/p/"};
const PREFIX = "sanaksme-phone-";
const CACHE = PREFIX + SETTINGS.version;

/** What the worker does with a GET of `pathname`: "page" (network first), "asset" (cache
 * first) or "pass" (not ours: the browser fetches it as if there were no worker). */
function strategyFor(pathname, method, settings) {
  if (method !== "GET") return "pass";
  if (settings.assets.includes(pathname)) return "asset";
  const rest = pathname.startsWith(settings.scope) ? pathname.slice(settings.scope.length) : null;
  if (rest !== null && /^[A-Za-z0-9]+\/$/.test(rest)) return "page";  // /p/<code>/
  return "pass";
}

/** A response worth keeping: a page or asset the server sent as it is (no redirect to
 * the join page, no error). */
function keepable(response) {
  return Boolean(response) && response.ok && !response.redirected && response.type === "basic";
}

async function page(request) {
  const cache = await caches.open(CACHE);
  const key = new URL(request.url).pathname;
  try {
    const response = await fetch(request);
    if (keepable(response)) {
      await cache.put(key, response.clone());
      return response;
    }
    if (response.status < 500) {  // a redirect to join, a 404: as it is, and forgotten
      await cache.delete(key);
      return response;
    }
    return (await cache.match(key, {ignoreVary: true})) || response;
  } catch (e) {
    const kept = await cache.match(key, {ignoreVary: true});
    if (kept) return kept;
    throw e;
  }
}

async function asset(request) {
  const cache = await caches.open(CACHE);
  const key = new URL(request.url).pathname;
  const kept = await cache.match(key, {ignoreVary: true});
  if (kept) return kept;
  const response = await fetch(request);
  if (keepable(response)) await cache.put(key, response.clone());
  return response;
}

/* The page that registered the worker asks for itself to be kept (it was loaded before
 * the worker could see it). */
async function keepPage(url, client) {
  if (strategyFor(url, "GET", SETTINGS) !== "page") return;
  const cache = await caches.open(CACHE);
  const response = await fetch(url, {credentials: "same-origin", cache: "no-cache"});
  if (!keepable(response)) return;
  await cache.put(url, response);
  if (client) client.postMessage({type: "kept", url});
}

/* "Not you?": another person may hold this phone next, so the kept phone pages (with the
 * last person's name and screen) go; the assets stay. */
async function forgetPages() {
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX)) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      if (strategyFor(new URL(request.url).pathname, "GET", SETTINGS) === "page") {
        await cache.delete(request);
      }
    }
  }
}

/* A new version: the phone pages kept by the old one come along (until they load again). */
async function moveOver() {
  const cache = await caches.open(CACHE);
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const old = await caches.open(name);
    for (const request of await old.keys()) {
      const path = new URL(request.url).pathname;
      if (strategyFor(path, "GET", SETTINGS) === "page" && !(await cache.match(path))) {
        const response = await old.match(request);
        if (response) await cache.put(path, response);
      }
    }
    await caches.delete(name);
  }
}

if (typeof self.addEventListener === "function" && self.registration) {
  self.addEventListener("install", (event) => {
    event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SETTINGS.assets))
      .then(() => self.skipWaiting()));
  });
  self.addEventListener("activate", (event) => {
    event.waitUntil(moveOver().then(() => self.clients.claim()));
  });
  self.addEventListener("fetch", (event) => {
    const url = new URL(event.request.url);
    if (url.origin !== self.location.origin) return;
    const how = strategyFor(url.pathname, event.request.method, SETTINGS);
    if (how === "page") event.respondWith(page(event.request));
    else if (how === "asset") event.respondWith(asset(event.request));
  });
  self.addEventListener("message", (event) => {
    const data = event.data || {};
    if (data.type === "keep" && typeof data.url === "string") {
      event.waitUntil(keepPage(data.url, event.source).catch(() => undefined));
    }
    if (data.type === "forget") event.waitUntil(forgetPages().catch(() => undefined));
  });
}

if (typeof module !== "undefined") module.exports = {strategyFor, keepable};
