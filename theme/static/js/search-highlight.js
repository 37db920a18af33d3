// Highlights the words a reader searched for, when they arrive from a search result (?pagefind-highlight=...).
// Pagefind's highlighter (mark.js) matches "l" with "ł", so "Bialorus" marks "Białorusi".
const PARAM = "pagefind-highlight";

if (new URLSearchParams(window.location.search).has(PARAM)) {
  const bundle = new URL("../../pagefind/pagefind-highlight.js", import.meta.url);
  const { default: PagefindHighlight } = await import(bundle.href);
  // addStyles: false, because Pagefind would add an inline <style>, which the CSP refuses; site.css styles the marks.
  // markContext: the page's main content, also on pages indexed by parts (the timeline), not the header.
  new PagefindHighlight({ highlightParam: PARAM, addStyles: false, markContext: "main" });
}
