// The 404 page in the language of the address not found (docs/architecture.md, "The 404 page"). A host that serves
// one 404 page for every missing address (GitHub Pages: `/404.html`, Polish first) serves it under `/en/` too; there
// this puts the English 404 page (`/en/404.html`, English first, its header and footer in English) in place of the
// page's body, title and what of its <head> is in Polish (description, feed links), at the same address (the reader
// can still read and correct it) and with the same 404 status. Without a script the page says the same in both
// languages, each part marked with its language.
const notFound = document.querySelector(".not-found[data-site-root]");
// What of <head> says something in the page's language, besides its title: put in place with the body.
const SPOKEN_IN_HEAD = 'meta[name="description"], meta[property^="og:"], link[rel="alternate"]';

function languageOfAddress(root) {
  if (!window.location.pathname.startsWith(root.pathname)) return "";
  return window.location.pathname.slice(root.pathname.length).split("/")[0];
}

// The attributes of those elements that say what they say: each is made anew with these only, so that none of the
// fetched page's others comes along (`http-equiv`: a refresh would take the reader away, a CSP or a cookie set).
const SPOKEN_ATTRIBUTES = ["name", "property", "content", "rel", "href", "hreflang", "type", "title"];

// What of the fetched <body> would act on this page once put in it, not be read: a `<meta http-equiv="refresh">`
// takes the reader away wherever it is, a `<base>` moves every link; a script the parser made is inert, and the CSP
// refuses inline handlers, but neither belongs in a 404 page's body.
const ACTS_ON_THE_PAGE = "script, meta, base, link, iframe, frame, object, embed";

// Sent on the document once the new body is in place: the page's other scripts (anchors.js) set up its elements
// again, as they did the first body's (the fetched page's scripts are removed above: this page's own still run).
const BODY_REPLACED = "archive:body-replaced";

function replaceSpokenInHead(head) {
  const own = [...document.head.querySelectorAll(SPOKEN_IN_HEAD)];
  const place = own[0] ?? document.head.querySelector("script");
  for (const element of head.querySelectorAll(SPOKEN_IN_HEAD)) {
    const copy = document.createElement(element.localName);
    for (const name of SPOKEN_ATTRIBUTES) {
      if (element.hasAttribute(name)) copy.setAttribute(name, element.getAttribute(name));
    }
    document.head.insertBefore(copy, place);
  }
  for (const element of own) element.remove();
}

async function showInLanguageOfAddress() {
  const root = new URL(notFound.dataset.siteRoot, document.baseURI);
  const lang = languageOfAddress(root);
  const spoken = [...notFound.querySelectorAll("section[lang]")].map((section) => section.lang);
  if (!spoken.includes(lang) || lang === document.documentElement.lang) return;
  const target = new URL(`${lang}/404.html`, root);
  if (target.origin !== window.location.origin) return; // the site's own pages only
  try {
    const response = await fetch(target);
    if (!response.ok) return;
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    if (page.documentElement.lang !== lang || !page.querySelector(".not-found")) return;
    for (const attribute of ["lang", "dir"]) {
      const value = page.documentElement.getAttribute(attribute);
      if (value === null) document.documentElement.removeAttribute(attribute);
      else document.documentElement.setAttribute(attribute, value);
    }
    document.title = page.title;
    replaceSpokenInHead(page.head);
    for (const element of page.body.querySelectorAll(ACTS_ON_THE_PAGE)) element.remove();
    document.body.replaceWith(document.adoptNode(page.body));
    document.dispatchEvent(new Event(BODY_REPLACED));
  } catch {
    // The page as it is, in both languages.
  }
}

if (notFound) showInLanguageOfAddress();
