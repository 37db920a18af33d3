// The 404 page in the language of the address not found (docs/architecture.md, "The 404 page"). A host that serves
// one 404 page for every missing address (GitHub Pages: `/404.html`, Polish first) serves it under `/en/` too; there
// this puts the English 404 page (`/en/404.html`, English first, its header and footer in English) in place of the
// page's body, at the same address (the reader can still read and correct it) and with the same 404 status. Without
// a script the page says the same in both languages, each part marked with its language.
const notFound = document.querySelector(".not-found[data-site-root]");

function languageOfAddress(root) {
  if (!window.location.pathname.startsWith(root.pathname)) return "";
  return window.location.pathname.slice(root.pathname.length).split("/")[0];
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
    document.documentElement.lang = lang;
    document.title = page.title;
    document.body.replaceWith(document.adoptNode(page.body));
  } catch {
    // The page as it is, in both languages.
  }
}

if (notFound) showInLanguageOfAddress();
