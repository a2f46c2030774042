/* Presenting: slides, a video, the day's summary. The slide image and the video element
 * stay the same nodes while they show the same thing (no flicker, the video keeps
 * playing); the summary form keeps what is typed until the server has it.
 * ctx.opts: controls (console: tools, materials, summary form), images (console and
 * projector: the slide image; phones get a line of text), player (projector: plays the
 * video), fullScreen (projector: body.presenting-now while something shows), summary
 * (show the summary text when the console shows it).
 */
import {el, tool} from "./dom.js";

let last = null;                       // {view, pr, ctx}
let media = {key: null, node: null};   // the video/iframe node, kept across draws
let slideImg = null;
let summaryDraft;                      // the summary typed but not yet saved

export function draw(view, pr, ctx) {
  let slots = view._slots;
  if (!slots) {
    const box = view.appendChild(el("section", {class: "presenting"}));
    slots = view._slots = {box};
    for (const name of ["showing", "tools", "materials", "summaryForm", "summaryText"]) {
      slots[name] = box.appendChild(el("div", {class: "slot-" + name}));
    }
  }
  last = {view, pr, ctx};
  const o = ctx.opts, sh = pr.showing;
  if (o.fullScreen) document.body.classList.toggle("presenting-now", !!sh);
  drawShowing(slots.showing, pr, ctx);
  if (o.controls) {
    drawTools(slots.tools, pr, ctx);
    drawMaterials(slots.materials, pr, ctx);
    drawSummaryForm(slots.summaryForm, pr, ctx);
  }
  const text = [];
  if (o.summary && pr.summary && pr.summary_shown) {
    const sum = el("section", {class: "summary-text"});
    if (!pr.is_summary) sum.appendChild(el("h2", {}, ctx.S.summary));
    sum.appendChild(el("p", {}, pr.summary));
    text.push(sum);
  }
  fill(slots.summaryText, text);
  if (sh && sh.kind === "video" && o.player) syncVideo(sh, ctx);
}

export function apply() {
  return false;  // presenting.changed: the whole state comes again
}

/** Console: arrows, Page Up/Down (a presenter's clicker) and space turn the slides. */
export function onKey(e, ctx) {
  const pr = ctx.state.presenting;
  if (!ctx.opts.controls || !pr || e.altKey || e.ctrlKey || e.metaKey) return false;
  const sh = pr.showing;
  const t = e.target && e.target.tagName;
  if (!sh || sh.kind !== "slide" || t === "INPUT" || t === "TEXTAREA" || t === "SELECT") return false;
  const step = {ArrowRight: 1, PageDown: 1, " ": 1, ArrowLeft: -1, PageUp: -1}[e.key];
  if (!step) return false;
  e.preventDefault();
  slideTo(sh, sh.page + step, ctx);
  return true;
}

function fill(slot, nodes) {
  // Keep a node that stays (the slide image, the video) instead of detaching it.
  for (const child of Array.from(slot.childNodes)) if (!nodes.includes(child)) slot.removeChild(child);
  nodes.forEach((node, i) => { if (slot.childNodes[i] !== node) slot.insertBefore(node, slot.childNodes[i] || null); });
}

function slideTo(sh, page, ctx) {
  if (page < 1 || page > sh.pages || page === sh.page) return;
  ctx.send({action: "slide_show", deck: sh.deck_id, page});
}

function drawShowing(slot, pr, ctx) {
  const o = ctx.opts, S = ctx.S, sh = pr.showing, item = ctx.state.item;
  const nodes = [];
  if (sh && sh.kind === "slide") {
    if (!o.images) {
      nodes.push(el("p", {class: "speaking-label"}, S.presentation));
      if (sh.title.indexOf(item.title) !== 0) nodes.push(el("p", {class: "speaker"}, sh.title));
      nodes.push(el("p", {class: "speaker"}, S.slide + " " + sh.page + " / " + sh.pages));
    } else {
      if (!slideImg || slideImg.getAttribute("src") !== sh.src) slideImg = el("img", {src: sh.src, class: "slide"});
      slideImg.setAttribute("alt", S.slide + " " + sh.page + " / " + sh.pages);
      nodes.push(slideImg);
      if (sh.next_src) new Image().src = sh.next_src;
    }
  } else if (sh && sh.kind === "video") {
    if (o.player) {
      nodes.push(videoNode(sh));
      let unmute = document.getElementById("unmute");
      if (!unmute) {
        unmute = el("button", {type: "button", id: "unmute", class: "unmute", hidden: ""}, "🔈 " + S.click_to_play);
        unmute.addEventListener("click", () => { media.node.muted = false; unmute.hidden = true; });
      }
      nodes.push(unmute);
    } else if (o.images) {
      nodes.push(el("p", {class: "speaker"}, "▶ " + sh.title));
    } else {
      nodes.push(el("p", {class: "speaking-label"}, S.video));
      nodes.push(el("p", {class: "speaker"}, sh.title));
    }
  }
  if (!sh || sh.kind !== "video") media = {key: null, node: null};
  fill(slot, nodes);
}

function videoPosition(v, ctx) {
  let at = v.played;
  if (v.playing && v.playing_since) at += (ctx.now() - Date.parse(v.playing_since)) / 1000;
  return Math.max(at, 0);
}

function syncVideo(v, ctx) {
  const node = media.node;
  if (!node || node.tagName !== "VIDEO") return;
  const want = videoPosition(v, ctx);
  if (Math.abs((node.currentTime || 0) - want) > 1.5 && node.readyState > 0) node.currentTime = want;
  if (v.playing && node.paused) {
    const p = node.play();
    if (p && p.catch) p.catch(() => {  // no sound allowed without a click here
      node.muted = true; node.play().catch(() => {});
      const btn = document.getElementById("unmute");
      if (btn) btn.hidden = false;
    });
  } else if (!v.playing && !node.paused) node.pause();
}

function videoNode(v) {
  const key = v.kind + ":" + v.src;
  if (media.key !== key) {
    media.key = key;
    if (v.kind === "embed") {
      media.node = el("iframe", {src: v.src, class: "video", allow: "autoplay; fullscreen", allowfullscreen: "",
                                 referrerpolicy: "strict-origin-when-cross-origin", title: v.title});
    } else {
      media.node = el("video", {src: v.src, class: "video", preload: "auto", playsinline: ""});
      media.node.addEventListener("loadedmetadata", () => {
        const now = last && last.ctx.state.presenting && last.ctx.state.presenting.showing;
        if (now && now.kind === "video") syncVideo(now, last.ctx);
      });
    }
  }
  return media.node;
}

function drawTools(slot, pr, ctx) {
  const S = ctx.S, sh = pr.showing, send = ctx.send;
  const nodes = [];
  if (sh && sh.kind === "slide") {
    nodes.push(el("p", {class: "hint", id: "slide-number"}, S.slide + " " + sh.page + " / " + sh.pages + " · " + sh.title));
  }
  if (sh) {
    const bar = el("div", {class: "speaking-tools"});
    if (sh.kind === "slide") {
      const prev = tool(S.prev_slide, () => slideTo(sh, sh.page - 1, ctx));
      const next = tool(S.next_slide, () => slideTo(sh, sh.page + 1, ctx), "primary big");
      prev.disabled = sh.page <= 1; next.disabled = sh.page >= sh.pages;
      bar.append(prev, next);
    }
    if (sh.kind === "video") {
      bar.appendChild(tool(sh.playing ? S.pause_video : S.play,
                           () => send({action: "video_play", playing: !sh.playing}), "primary big"));
    }
    bar.appendChild(tool(S.take_off_screen, () => send({action: "screen_clear"})));
    nodes.push(bar);
    if (sh.kind === "slide") nodes.push(el("p", {class: "hint"}, S.slide_keys));
  }
  fill(slot, nodes);
}

function drawMaterials(slot, pr, ctx) {
  const S = ctx.S, sh = pr.showing, send = ctx.send;
  const nodes = [];
  if (pr.decks.length || pr.videos.length) {
    const list = el("ul", {class: "materials"});
    for (const d of pr.decks) {
      const li = list.appendChild(el("li", {class: sh && sh.deck_id === d.id ? "now" : ""}));
      li.appendChild(el("img", {src: d.thumb, alt: "", class: "thumb", width: "120", loading: "lazy"}));
      li.appendChild(el("span", {}, d.title + " (" + d.pages + ")"));
      li.appendChild(tool(S.show_on_screen, () => send({action: "slide_show", deck: d.id, page: 1})));
    }
    for (const v of pr.videos) {
      const li = list.appendChild(el("li", {class: sh && sh.video_id === v.id ? "now" : ""}));
      li.appendChild(el("span", {}, "▶ " + v.title));
      li.appendChild(tool(S.show_on_screen, () => send({action: "video_show", video: v.id})));
    }
    nodes.push(list);
  } else if (!pr.is_summary) {
    nodes.push(el("p", {class: "hint"}, S.no_materials));
  }
  if (pr.materials_url) nodes.push(el("a", {href: pr.materials_url, class: "button small"}, S.add_materials));
  fill(slot, nodes);
}

function drawSummaryForm(slot, pr, ctx) {
  const S = ctx.S, send = ctx.send;
  if (!(pr.is_summary || pr.summary)) { fill(slot, []); return; }
  if (!slot._form) {
    const form = el("form", {class: "minutes-form"});
    form.appendChild(el("label", {for: "summary"}, S.summary));
    form.appendChild(el("p", {class: "hint"}, S.summary_hint));
    const area = form.appendChild(el("textarea", {id: "summary", rows: "8"}));
    area.addEventListener("input", () => { summaryDraft = area.value; slot._saved.textContent = ""; });
    form.appendChild(el("button", {type: "submit", class: "tool primary"}, S.save));
    slot._saved = form.appendChild(el("span", {class: "hint"}));
    form.addEventListener("submit", (e) => { e.preventDefault(); send({action: "summary_write", text: area.value}); });
    const draft = tool(S.summary_draft, () => {
      if (summaryDraft !== undefined) send({action: "summary_write", text: area.value});
      summaryDraft = undefined;
      send({action: "summary_add_draft"});
    });
    const show = el("label", {class: "author"});
    const cb = show.appendChild(el("input", {type: "checkbox"}));
    cb.addEventListener("change", () => send({action: "summary_show", shown: cb.checked}));
    show.appendChild(document.createTextNode(" " + S.show_summary));
    slot._form = {form, area, draft, show, cb};
  }
  const f = slot._form;
  if (summaryDraft !== undefined && summaryDraft === pr.summary) summaryDraft = undefined;
  if (summaryDraft === undefined && f.area.value !== pr.summary) f.area.value = pr.summary;
  slot._saved.textContent = summaryDraft === undefined && pr.summary ? "✓ " + S.saved : "";
  f.cb.checked = pr.summary_shown;
  fill(slot, pr.is_summary ? [f.form, f.draft, f.show] : [f.form, f.show]);
}
