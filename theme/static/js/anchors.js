// Anchors across pages and languages (docs/architecture.md, "Anchors"), on every page but the articles (which load
// no script). What it does no page needs to be read: without it, each address still reaches its page.
// 1. An address naming an event this page does not show (an old `/en/timeline/#signing-hanoi`, from when one page held
//    every event, or a year's first page before its events filled more) is followed to the page that shows it, in
//    place of itself: the timeline's pages name the map of where each event is (`data-anchors-url`, written by the
//    timeline plugin), fetched only then. Without a script, the page's list of years or its page numbers lead there.
// 2. The language switch keeps the part of the page the reader is at: the address's id, on the other language's
//    page, where pages in both languages share their ids (a year's events, a country's sections); or the id the
//    link's `data-anchors` maps it to, where they differ (the about page's headings).
// Each element is looked up when it is used, never kept: a script may put a new body in place of the page's (the 404
// page in the address's language, not-found.js), which says so with this event, and the new language switch is kept
// as the first was.
const BODY_REPLACED = "archive:body-replaced";

function currentId() {
  try {
    return decodeURIComponent(window.location.hash.slice(1));
  } catch {
    return "";
  }
}

async function followMoved(id) {
  const mapped = document.querySelector("[data-anchors-url]");
  if (!mapped || !id || document.getElementById(id)) return false;
  try {
    const response = await fetch(mapped.dataset.anchorsUrl);
    const anchors = response.ok ? await response.json() : {};
    if (!Object.hasOwn(anchors, id)) return false;
    const target = new URL(anchors[id], new URL(mapped.dataset.siteRoot, document.baseURI));
    if (target.origin !== window.location.origin) return false; // the site's own pages only
    window.location.replace(target.href);
    return true;
  } catch (error) {
    console.warn("anchors: the map of the timeline's events could not be read", error);
    return false;
  }
}

function keepInSwitch(id) {
  const here = id && document.getElementById(id) ? id : "";
  for (const link of document.querySelectorAll(".language-switch a[hreflang]")) {
    const anchors = link.dataset.anchors ? JSON.parse(link.dataset.anchors) : {};
    const url = new URL(link.href);
    url.hash = here && Object.hasOwn(anchors, here) ? anchors[here] : here;
    link.href = url.href;
  }
}

async function update() {
  const id = currentId();
  keepInSwitch(id);
  await followMoved(id);
}

window.addEventListener("hashchange", update);
document.addEventListener(BODY_REPLACED, update);
update();
