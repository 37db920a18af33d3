// The search page: a small UI on Pagefind's JS API (plugins/search/README.md, docs/search-relevance.md).
// The header's search box is the page's search box: it holds ?q=, and typing in it searches (debounced).
// Results come ten at a time; the filters' data is loaded only when the reader opens the filter pane.
import { addressWords } from "./address-words.js";

const root = document.getElementById("search-ui");
const box = document.getElementById("site-search-query");
const form = box && box.form;

// Ranking for an archive of long articles beside short timeline events and country pages (docs/search-relevance.md).
const RANKING = {
  pageLength: 0, // a long article is not buried under short pages that mention the word once
  termFrequency: 0.3,
  metaWeights: { topic: 10, title: 5 }, // `topic`: a country page's name, so "Poland" finds the page on Poland first
};
const EXCERPT_WORDS = 30;
const PAGE_SIZE = 10;
const FEW_VALUES = 6; // filter values shown before "show all"
const DEBOUNCE_MS = 250;

const strings = JSON.parse(root.dataset.strings);
const filterNames = JSON.parse(root.dataset.filters); // in the order shown: kind, year, country
// Each filter's name in the address (`?q=Hanoi&kind=Artykuł&country=Wietnam`), in the order of filterNames: the same
// in every language, so that a link keeps its meaning whatever the names' translations become.
const filterParams = new Map(filterNames.map((name, index) => [name, JSON.parse(root.dataset.filterParams)[index]]));
const kindFilter = filterNames[0];
const yearFilter = filterNames[1];
const heading = document.getElementById("search-heading");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const pane = document.getElementById("search-filters");
const paneCount = document.getElementById("search-filters-count");
const groups = document.getElementById("search-filter-groups");
const clear = document.getElementById("search-filters-clear");
const siteTitle = document.title.split(" · ").pop();
const pageLang = document.documentElement.lang;
// The header's links to this page in the other languages (partials/language_switch.html), and the hint's
// under the count, shown when nothing is found: each language has an index of its own.
const otherLanguages = [...document.querySelectorAll(".language-switch a[hreflang], #search-other-language a")];
const otherHint = document.getElementById("search-other-language");

const chosen = new Map(filterNames.map((name) => [name, new Set()]));
const expanded = new Set(); // filter groups showing all their values
let query = "";
let term = ""; // what Pagefind was asked: the query, or its ASCII form (asciiRetry)
let results = [];
let shown = 0;
let generation = 0; // each search's number: an older search's results are dropped when they arrive
let filtersLoaded = null; // a promise, once the pane has been opened
let lastCounts = {};
const valueIds = new Map(); // "name\u0000value" -> a stable number, so focus stays on a value the list has moved
let timer;

// A count as the page's language writes it, as the pages' own counts are (archive_core.locales, ICU's): 1,234 in
// English; 1234 and 12 345 in Polish.
const numberFormat = new Intl.NumberFormat(pageLang);

function formatCount(value) {
  return numberFormat.format(value);
}

function text(name, values = {}) {
  return filled(strings[name], values);
}

function filled(template, values) {
  const shown = (value) => (typeof value === "number" ? formatCount(value) : String(value));
  return template.replace(/\[(\w+)\]/g, (all, key) => (key in values ? shown(values[key]) : all));
}

// A string with the query in it ("Wyniki dla [SEARCH_TERM]: [COUNT]") as nodes, the query in a <bdi>: a word of a
// right-to-left script, or an override the query carries, would otherwise take the words and figures after it to
// its side ("Wyniki dla الأدلة: 1" read "1 :الأدلة").
function textWithQuery(name, values = {}, shown = shownQuery()) {
  return strings[name]
    .split(/(\[SEARCH_TERM\])/)
    .filter(Boolean)
    .map((part) => (part === "[SEARCH_TERM]" ? element("bdi", "", shown) : filled(part, values)));
}

// The query as the page shows it: without what it carries unseen (INVISIBLE), which the search leaves out too.
function shownQuery() {
  return query.replace(INVISIBLE, "").trim();
}

function element(tag, className, content) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (content !== undefined) node.textContent = content;
  return node;
}

const pagefindLoaded = (async () => {
  const bundle = new URL(root.dataset.bundle, document.baseURI);
  const pagefind = await import(new URL("pagefind.js", bundle).href);
  const options = {
    baseUrl: root.dataset.baseUrl,
    excerptLength: EXCERPT_WORDS,
    ranking: RANKING,
  };
  await pagefind.options(options);
  await mergeOverlay(pagefind, options);
  return pagefind;
})();

// The devserver's index of the pages it has written again since its last full build (plugins/search/overlay.py):
// merged, and this index's results for those pages hidden. Only pages the devserver sends name one.
let hidden = new Set();

async function mergeOverlay(pagefind, options) {
  const named = document.querySelector('meta[name="search-overlay"]');
  if (!named) return;
  const overlay = new URL(named.content, document.baseURI);
  try {
    const response = await fetch(new URL("overlay.json", overlay), { cache: "no-store" });
    if (!response.ok) return; // a full build has just emptied it: the site index is whole again
    const manifest = await response.json();
    // Pagefind would fall back to another language's index: merge only one in the page's language.
    if (manifest.languages.includes(document.documentElement.lang)) await pagefind.mergeIndex(overlay.href, options);
    hidden = new Set(manifest.hidden);
  } catch (error) {
    console.warn("search: the devserver's overlay index could not be merged", error);
  }
}

function shownResults(found) {
  const seen = new Set(hidden);
  return found.filter((result) => !seen.has(result.id) && seen.add(result.id));
}

// --- the search in the address: the query (`q`, the header's box) and the filters chosen ---

// The header's form holds the chosen filters as hidden fields, so that what it GETs is what the address holds.
function addressParams() {
  form.querySelectorAll("input[data-search-filter]").forEach((input) => input.remove());
  const params = new URLSearchParams();
  if (query) params.set("q", addressQuery(query));
  for (const [name, values] of chosen) {
    for (const value of values) {
      params.append(filterParams.get(name), value);
      const input = element("input");
      input.type = "hidden";
      input.name = filterParams.get(name);
      input.value = value;
      input.dataset.searchFilter = "";
      form.append(input);
    }
  }
  return params;
}

// A new choice of filters is a step of its own (Back goes to the filters before). So is a search the reader made:
// the first letter typed after one (sent with Enter, or left by leaving the box: `change`; or the address the page
// was opened or gone Back to) is a new step, which the next letters replace, or every letter would be one.
let settled = true;

function writeAddress(step) {
  const url = new URL(window.location.href);
  url.search = addressParams().toString();
  if (url.href === window.location.href) return;
  if (step) window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}

// The search an address holds (on load, and on Back and Forward): a filter value no page has is kept, and shown
// chosen with no result, rather than left out for a search of everything.
function readAddress() {
  const params = new URLSearchParams(window.location.search);
  const typed = params.get("q") || "";
  // Its spaces as one line of words: the box drops a line break ("general\nassembly" was "generalassembly" there).
  query = decodedOnceMore(typed).replace(INVISIBLE, "").replace(/\s+/gu, " ").trim();
  box.value = query;
  for (const [name, values] of chosen) {
    values.clear();
    for (const value of params.getAll(filterParams.get(name))) if (value.trim()) values.add(value.trim());
  }
  if (activeCount()) pane.open = true; // the filters a search has are shown: the pane's data loads (toggle)
  settled = true;
}

// A link encoded twice (`?q=signed%2520convention`: a mail program or a site's editor encoded it again) holds the
// query with its escapes still in it, which Pagefind searched as letters ("signed20convention"). Readers do not
// type a "%" and two hex digits; a "%" that escapes nothing (`100%`) is kept. Every address is read so (a link, a
// reload, Back): the addresses this page writes (its own, the other language's) hold a query that carries such an
// escape with its "%" escaped once more (addressQuery), so that "100%25" typed comes back as typed, not as "100%".
function addressQuery(value) {
  return /%[0-9a-f]{2}/i.test(value) ? value.replace(/%/g, "%25") : value;
}

function decodedOnceMore(value) {
  if (!/%[0-9a-f]{2}/i.test(value)) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

// --- the query: the header's box, the address, the heading and the title ---

function showQuery(step = false) {
  const label = shownQuery() ? text("results_for", { SEARCH_TERM: shownQuery() }) : strings.search_the_archive;
  heading.replaceChildren(...(shownQuery() ? textWithQuery("results_for") : [label]));
  document.title = `${label} · ${siteTitle}`;
  writeAddress(step);
  // A word of the other language finds nothing here (each language has an index of its own): its
  // search page is one link away, with the query.
  for (const link of otherLanguages) {
    const other = new URL(link.href);
    if (query) other.searchParams.set("q", addressQuery(query));
    else other.searchParams.delete("q");
    link.href = other.href;
  }
}

function searchFor(value, delay) {
  query = value.trim();
  showQuery(settled);
  settled = false;
  // Busy from the first letter: the results shown are not yet those of the query in the box (the search waits for
  // the reader to stop typing), and a reader or a test waiting for the search to be done waits for this one.
  list.setAttribute("aria-busy", "true");
  // A search still running is of a query no longer in the box: dropped, as a newer search drops it (run), else done
  // before the debounce ends it showed its results, no longer busy, under a status naming the query typed since.
  generation += 1;
  window.clearTimeout(timer);
  timer = window.setTimeout(run, delay);
}

// --- searching ---

// Pagefind searches a phrase only between straight quotes ("wejście w życie"); readers also type „…”
// (Polish), “…” (a phone's smart punctuation) or «…»: a query between any quotation marks is that phrase.
const QUOTED = /^\s*\p{Quotation_Mark}(.+)\p{Quotation_Mark}\s*$/u;

// What a query carries that the reader does not see or mean: a soft hyphen, a zero-width space or joiner
// pasted from a web page splits a word in two for Pagefind ("kon\u200Bwencja" found nothing), as does any
// other character Unicode says to show as nothing (a bidirectional override or isolate: "\u202Esigned" found
// nothing); and an apostrophe typed as an accent or a modifier letter ("don`t", "don´t", "donʼt") is not one to it.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const APOSTROPHE_LIKE = /[`´ʹʼ′]/gu;

// A letter alone beside longer words ("2025 r.", "konwencja z Hanoi") is searched by Pagefind as the start of
// every word it begins: it narrowed almost nothing, and ranked first the pages with most such words ("rząd",
// "ratyfikować" above the page that writes "2025 r."). It is left out of a query with a word of three letters
// or more; a phrase keeps it, and so does a query of short words only ("i w na").
const LETTER_ALONE = /^\p{L}\.?$/u;
const LONG_WORD = /[\p{L}\p{N}]{3}/u;

function searchTerm(value) {
  const typed = withoutUnpairedQuote(value.replace(INVISIBLE, "").replace(APOSTROPHE_LIKE, "'"));
  const phrase = QUOTED.exec(typed);
  if (phrase) return `"${phrase[1]}"`;
  const words = typed.split(/\s+/).filter(Boolean);
  if (!words.some((word) => LONG_WORD.test(word))) return typed;
  return words.filter((word) => !LETTER_ALONE.test(word)).join(" ");
}

// A quotation mark typed without its pair (`"Europol ransomwere`, `Europol"`) opens no phrase: Pagefind searched the
// words after it as one phrase, as typed, and the search page kept them so (inAPhrase), with no word of them checked:
// a typo after a stray quote found nothing. The last mark of an odd number is left out; the pairs before it are kept.
const PHRASE_MARK = /["„“”«»]/gu;

function withoutUnpairedQuote(value) {
  const marks = [...value.matchAll(PHRASE_MARK)];
  if (marks.length % 2 === 0 || !/[\p{L}\p{N}]/u.test(value)) return value; // a mark alone is searched as typed
  const last = marks[marks.length - 1].index;
  return `${value.slice(0, last)}${value.slice(last + 1)}`.trim();
}

// Pagefind removes the punctuation inside a query's word and searches its parts as one word ("cyber/crime" is
// "cybercrime", "U.N." is "UN"): right where the index holds that word, as its indexer joins a written word's parts
// too. Where it does not ("signed+convention", "states:signed"), Pagefind searched the longest start of it the
// index holds ("signed", Pagefind/pagefind#315), as if the rest had not been typed: such a word is searched as its
// parts. Words of figures only (`25.10.2025`, `79/243`, `1,200`) and of single letters (`U.N.`) are Pagefind's.
const INNER_PUNCTUATION = /[\p{L}\p{N}][^\s\p{L}\p{N}'’]+(?=[\p{L}\p{N}])/u;
const PART_SEPARATOR = /[^\p{L}\p{N}'’]+/u;
// An address (`https://www.un.org/en/...`, `un.org`): Pagefind searched its parts joined, which no page's text
// holds, and found nothing. The index holds the address of each page's sources as one word (address-words.js): a
// typed address is searched as that word, where a page's source has it (a domain: every page whose source is on it
// or on a subdomain of it), else as before; where the whole is in no page, without its query (`?utm_source=...`).

// A word of letters the index does not hold (a typo: "ratyfkacja") is searched by Pagefind as the longest start of
// it the index holds, however short: "r", which ranked first the pages with "2025 r.", and missed the page with
// "ratyfikacją". It is searched as its longest start of at least MIN_START letters and half the word that the index
// holds ("ratyf…"), else left out of a query with other words; the status says what was searched. Only in a query
// of CHECKED_WORDS words or fewer (each check is one more search): a longer one is a pasted passage.
const CHECKED_WORDS = 6;
const MIN_START = 4;
// A word of two, three or four letters too ("Kuba", "dogs"; "AI", which no page held: Pagefind searched its held start
// "a", and listed every page with a word beginning with it, until search25).
const LETTERS_ONLY = /^\p{L}{2,}$/u;
// A number (`40`, `1999`, `2,5`) the index does not hold is in no page: its longest held start is another number (`4`
// of a page's `4 November 2025`), which Pagefind searched instead. Such a query finds nothing, as a day no page holds.
const FIGURES = /^\p{N}+(?:[.,]\p{N}+)*$/u;
let searchedAs = ""; // the query as searched, where words of it were not: "konwencja ratyf…"
// A day in figures ("31.12.2024", "12/31/2024", "2024-12-31") is one word to Pagefind, its figures joined. The index
// holds each day a page is dated so after DAY_WORD_LETTER (the `day` field: "d31122024"; archive_core/locales.py),
// that no number a reader types ("31", "71") is a start of, and the typed day is searched as that word; where no page
// is dated that day, as typed, for the pages that write it. For any other day Pagefind searched its longest indexed
// start ("31", "12"), and listed the pages with that number, none of that day: such a day is in no page, and the
// query finds nothing (`inNoPage`), as any query with a word no page holds would.
const DAY_IN_FIGURES = /^(?:\d{1,2}([./-])\d{1,2}\1(?:\d{2}|\d{4})|\d{4}([./-])\d{1,2}\2\d{1,2})$/u;
const DAY_WORD_LETTER = "d";
const HELD_DATE = new RegExp(`^${DAY_WORD_LETTER}(\\d{4})(\\d{2})?(\\d{2})?$`, "u");
const IN_NO_PAGE = Symbol("in no page");
let inNoPage = false; // the query holds a day in figures no page holds: it finds nothing
// A day no page is dated that a page's text may write: found only where a page's text writes it (withDayAsWritten),
// as Pagefind also finds its figures as the start of another day's ("25.11.20" of "25.11.2025").
const IN_TEXT_ONLY = Symbol("in a page's text only");
let inTextOnly = false;
// The query with its held days as a page's text writes them ("12.03.2026" in a report of another day; typed
// "12.03.26", in four figures, then as typed): Pagefind has no OR, so the pages that write the day are searched for
// too, and come after the day's own (withDayAsWritten).
let termsAsWritten = [];
// A word written as two (`cyber crime`, `cyber przestępczość`) where pages write it as one (`cybercrime`): Pagefind
// searched both words, and found only the pages that write them apart. The query with the two joined is searched too,
// where the index holds the joined word, and the pages it adds come after (withWordsJoined); where a word of the two
// is in no page as typed (`spider web` of `Spiderweb`), the query is searched with them joined. Each: [the query
// with them joined, the joined word, the letters a stemmer may cut of it].
let termsJoined = [];
// A word written as one (`cybercrime`, `takedown`) where pages write it as two (`cyber crime`, `take down`): the
// pages that write the two next to each other are searched for too, and come after those that write it as one;
// where no page writes it as one, only they are found, and the status says what was searched (`take down`), not a
// start of the word (`take…`, which found `take up`). Each: [the query with the word as its two, each word's two
// that a page must write next to each other].
let termsSplit = [];
// The query with each word searched as the word a page writes that it is a typo of (`Hanio` as `Hanoi`) between
// quotation marks, which Pagefind searches as typed (inAPhrase): the status links to it, as a search engine offers
// "search instead for", for a rare word a page writes that the correction missed. Else "".
let searchInstead = "";
// Whether the results are the pages that hold the most of the query's words, no page holding them all (mostWords).
let mostWordsOnly = false;

// [what Pagefind is asked, the query as the status shows it searched where that is not as typed, else "", the
// query with its held days in each form a page's text writes them in (dayAsHeld), else none, the query with two
// of its words joined where pages write them as one (termsJoined), else none, the query with two words split
// (termsSplit), and the query with each word taken as a typo quoted, searched as typed (searchInstead), else ""].
async function asTheIndexHoldsIt(pagefind, value) {
  if (!value || /^".*"$/.test(value)) return [value, "", [], [], []];
  const words = value.split(" ");
  const checked = words.length <= CHECKED_WORDS;
  const quoted = inAPhrase(words);
  // Of a passage pasted, its first MOST_WORDS_SEARCHED words only (its days, joined or dotted words each cost searches,
  // all at once: 200 of them kept the page busy); the rest are searched as typed, and mostWords follows where no page
  // holds them all.
  const leftAsTyped = (at) => quoted[at] || at >= MOST_WORDS_SEARCHED;
  const held = await Promise.all(
    words.map((word, at) => (leftAsTyped(at) ? [word] : wordAsHeld(pagefind, word, checked))),
  );
  if (held.some(([searched]) => searched === IN_NO_PAGE)) return [IN_NO_PAGE, "", [], [], []];
  const days = held.some(([searched]) => typeof searched === "symbol");
  const asJoined = [];
  for (const [at, join, cut] of checked && !days ? await joinsHeld(pagefind, words, quoted) : []) {
    const both = held[at][1] === undefined && held[at + 1][1] === undefined; // each held as typed
    if (!both) [held[at], held[at + 1]] = [[join, undefined, join], [""]];
    else asJoined.push([withJoined(held, at, join), join, cut]);
  }
  const splits = checked && !days ? await splitsHeld(pagefind, words, quoted, held) : [];
  // A word not held as typed is searched as its two only, on the pages that write them next to each other.
  const apart = new Map(splits.filter(([, , whole]) => !whole).map(([at, parts]) => [at, parts]));
  const asSplit = splits.map(([at, parts]) => withSplit(held, new Map([...apart, [at, parts]])));
  for (const [at, parts] of apart) held[at] = [IN_TEXT_ONLY, undefined, parts.join(" ")];
  const textOnly = held.some(([searched]) => searched === IN_TEXT_ONLY);
  const noneHeld = held.every(([searched]) => !searched);
  const kept = noneHeld ? await startsOfWordsInNoPage(pagefind, words) : held.filter(([searched]) => searched);
  if (!kept.length) return [IN_NO_PAGE, "", [], [], []];
  const retyped = held.some(([, start, as], at) => start !== undefined || (as !== undefined && as !== words[at]));
  const shown = kept.map(([searched, start, as = searched]) => (start ? `${start}…` : as)).join(" ");
  const asHeld = textOnly ? IN_TEXT_ONLY : kept.map(([searched]) => searched).join(" ");
  const typos = held.map((each) => each[4] === A_TYPO);
  const instead = typos.some(Boolean) ? words.map((word, at) => (typos[at] ? `"${word}"` : word)).join(" ") : "";
  return [asHeld, retyped ? shown : "", daysAsWritten(kept), asJoined, asSplit, instead];
}

// The query with its days each as a page is dated (its held word, where a page is) or as a page's text writes it:
// every way but all as held (Pagefind's own search), the held first. A page of one day that writes the other is
// found so, as is a page that writes both; with one form per day only, a day no page is dated (IN_TEXT_ONLY) took
// the other days to a page's text too, and a page dated one that writes the other was missed. At most DAY_WAYS.
const DAY_WAYS = 8;

function daysAsWritten(kept) {
  if (!kept.some(([, , , written = []]) => written.length)) return [];
  const options = kept.map(([searched, , , written]) =>
    written ? [...(typeof searched === "string" ? [searched] : []), ...written] : [searched],
  );
  const allHeld = kept.map(([searched]) => String(searched)).join(" ");
  const forms = options.map((each) => each.filter((word) => typeof word === "string"));
  if (forms.some((each) => !each.length)) return [];
  // Every day as a text writes it is one of them, last where it is not among the first: a passage pasted whole, with
  // more than three days, is found so (the first ways hold all its days but one as held, which no page is).
  const allWritten = forms.map((each) => each[each.length - 1]).join(" ");
  const ways = [];
  for (const way of combinations(forms)) {
    const asWritten = way.join(" ");
    if (asWritten !== allHeld) ways.push(asWritten);
    if (ways.length === DAY_WAYS) break;
  }
  if (!ways.includes(allWritten) && allWritten !== allHeld) ways.splice(DAY_WAYS - 1, 1, allWritten);
  return ways;
}

// Each way to take one of each of `options`, one at a time, the last one's changing first: a pasted passage of twenty
// days in figures, each in three forms, has 3^20 ways, which were all made before the first eight were kept (until
// search27).
function* combinations(options, from = 0) {
  if (from === options.length) {
    yield [];
    return;
  }
  for (const option of options[from]) for (const rest of combinations(options, from + 1)) yield [option, ...rest];
}

// [the words searched (`held`, as wordAsHeld gives them) with those of `split` as their two, those twos]: as
// termsSplit holds them.
function withSplit(held, split) {
  const words = held.flatMap(([searched], k) => split.get(k) ?? (searched ? [searched] : []));
  return [words.join(" "), [...split.values()]];
}

// The words of the query, none in a phrase, that pages write as two next to each other (`cybercrime` of `cyber
// crime`), each [its place, the two, whether the index holds it as one]: of each way to cut the word into two of
// SHORTEST_PART letters or more, the first whose two Pagefind finds next to each other (a phrase search) on a page
// that writes them so (writesApart). A word that is a typo of a word a page holds is not cut (typoStart): its place in
// `held` is then its longest held start. Cost: one search per way to cut a word of SHORTEST_JOIN letters or more, and
// one fragment per way found; where one is, one search and one fragment more, and the halving of a typo's start.
const SHORTEST_PART = 3;

async function splitsHeld(pagefind, words, quoted, held) {
  const cores = words.map((word) => word.replace(LEADING_NOT_WORD, "").replace(TRAILING_NOT_WORD, ""));
  const splittable = cores.map((core, at) => {
    // Searched as typed, or not held (searched as a start of it, or left out); not a word joined to the next.
    const asTyped = held[at][0] === words[at] || held[at][1] !== undefined;
    return !quoted[at] && asTyped && JOINABLE.test(core) && core.length >= SHORTEST_JOIN && !UNFOLDED.test(core);
  });
  const longest = await Promise.all(cores.map((core, at) => (splittable[at] ? longestFirstPart(pagefind, core) : 0)));
  const splits = await Promise.all(
    cutsWithin(cores, splittable, held, longest).map(async ([at, cuts]) => {
      const core = cores[at];
      const found = await Promise.all(cuts.map((parts) => writtenApart(pagefind, parts)));
      const first = cuts.find((_, k) => found[k]);
      if (!first) return null;
      const start = await typoStart(pagefind, core, first[0].length + 1);
      if (start) {
        held[at] = [start, start];
        return null;
      }
      // Held as one only where a page's word begins with the first and a letter of the second: else it was held by a
      // word the first begins (`take` of `take up`), as a stem.
      const cut = Math.min(STEM_CUT, first[1].length - 1);
      const whole = held[at][1] === undefined && (await indexHolds(pagefind, core, cut));
      return [at, first, whole];
    }),
  );
  return splits.filter(Boolean);
}

// A typo (typoOf) of a word a page holds that begins with its first `length` letters (one changed, added, left
// out, or two next to each other swapped: `ransomwere` of `ransomware`, beginning `ransomw`) is that word mistyped, not
// two words a page writes next to each other (`ransom were`, cut before the `w`): its longest held start, as a word not
// held is searched (`ransomw…`), else "". Until search26 `ransomwere` found the page that writes `ransom were` only:
// the index held it within the letters a stemmer may cut (`ransom`), and Pagefind searched it as `ransom`. A word
// one letter from it at its end (a letter more, less or changed) is a form of it, not a typo (`cyberattacks` of
// `cyberattack`, `cyberbezpieczeństwa` of `cyberbezpieczeństwo`): until review28 `cyberattack` was searched as
// `cyberattac…`, and the page that writes `cyber attack` was lost.
async function typoStart(pagefind, core, length) {
  const begun = fold(core.slice(0, length));
  const found = await pagefind.search(core.slice(0, length));
  if (!found || !found.results.length) return "";
  const page = await found.results[0].data();
  const wanted = fold(core);
  const typo = pageWords(page).some((word) => fold(word).startsWith(begun) && typoOf(fold(word), wanted));
  return typo ? longestHeldStart(pagefind, core) : "";
}

// Each way to cut each word that may be split (`splittable`), [its place, its cuts], within SPLIT_CUTS for the query:
// the words not held as typed first (they find nothing else), then the others in the query's order, a word whose
// cuts the budget has no room for left whole, but for the first (a word alone is cut every way its first part may be
// a word, `longest`: longestFirstPart). Each cut is a phrase search, loading the index chunk of its second part: six
// words of twelve letters were 42 searches, and on an archive of 2,000 articles 22 chunks (docs/search-relevance.md,
// "Cost at scale").
const SPLIT_CUTS = 20;

function cutsWithin(cores, splittable, held, longest) {
  const places = cores.map((_, at) => at).filter((at) => splittable[at]);
  const notHeld = (at) => (held[at][1] !== undefined ? 0 : 1);
  places.sort((a, b) => notHeld(a) - notHeld(b) || a - b);
  let left = SPLIT_CUTS;
  const chosen = [];
  for (const at of places) {
    const core = cores[at];
    const cuts = [];
    for (let cut = SHORTEST_PART; cut <= Math.min(core.length - SHORTEST_PART, longest[at]); cut++) {
      cuts.push([core.slice(0, cut), core.slice(cut)]);
    }
    if (cuts.length > left && chosen.length) continue;
    left -= cuts.length;
    chosen.push([at, cuts]);
  }
  return chosen;
}

// The longest first part a cut of `core` may have: a page writes it as a word, so the index holds it as a start of
// `core`, within the letters a stemmer may cut. A word of SPLIT_CUTS ways or fewer is cut every way (no search more);
// a longer one (a word pasted, of thousands of letters) only where its first part is at most its longest held start,
// and STEM_CUT letters, and at most LONGEST_FIRST_PART letters, no dictionary word of either language being longer:
// until search27 a word was cut every way however long (a 1,200-letter word was 1,195 phrase searches:
// docs/search-relevance.md, "Cost at scale"). Cost: the halving of its start, up to that length.
const LONGEST_FIRST_PART = 40;

async function longestFirstPart(pagefind, core) {
  const last = core.length - SHORTEST_PART;
  if (last - SHORTEST_PART < SPLIT_CUTS) return last;
  const start = await longestHeldStart(pagefind, core.slice(0, LONGEST_FIRST_PART + 1), SHORTEST_PART);
  return start ? Math.min(last, LONGEST_FIRST_PART, start.length + STEM_CUT) : 0;
}

// Whether a page writes the two `parts` next to each other: the first Pagefind's phrase search finds.
async function writtenApart(pagefind, parts) {
  const found = await pagefind.search(`"${parts.join(" ")}"`);
  return Boolean(found && found.results.length && writesApart(await found.results[0].data(), parts));
}

// Whether a page (its data) writes the two `parts` next to each other, in its title or its text.
function writesApart(page, parts) {
  return [page.meta?.title, page.content].some((text) => holdsPhrase(text || "", parts.map(fold)));
}

// The words searched (`held`, as wordAsHeld gives them), the one at `at` and the next as `join`.
function withJoined(held, at, join) {
  return held.flatMap(([searched], k) => (k === at ? [join] : k === at + 1 || !searched ? [] : [searched])).join(" ");
}

// The two words next to each other, neither in a phrase, that the index holds joined as one (`cyber crime` of
// `cybercrime`), each [the first's place, the joined word, the letters a stemmer may cut of it]: the joined word held
// beyond the first word, so that `spider web` is not held by a page that writes `spider` only. Two joins do not share
// a word. Cost: one search and one fragment per two words of letters.
const JOINABLE = /^\p{L}{2,}$/u;
const SHORTEST_JOIN = 6; // `in to` is not `into`, held by any word beginning `int`

async function joinsHeld(pagefind, words, quoted) {
  const cores = words.map((word) => word.replace(LEADING_NOT_WORD, "").replace(TRAILING_NOT_WORD, ""));
  const pairs = cores.slice(1).flatMap((second, at) => {
    const first = cores[at];
    const plain = !quoted[at] && !quoted[at + 1] && JOINABLE.test(first) && JOINABLE.test(second);
    const join = first + second;
    const joinable = plain && join.length >= SHORTEST_JOIN && !UNFOLDED.test(join);
    return joinable ? [[at, join, Math.min(STEM_CUT, second.length - 1)]] : [];
  });
  const held = await Promise.all(pairs.map(([, join, cut]) => indexHolds(pagefind, join, cut)));
  const joins = [];
  for (const [index, pair] of pairs.entries()) {
    if (held[index] && !joins.some(([at]) => at === pair[0] - 1)) joins.push(pair);
  }
  return joins;
}

// Whether each word is part of a quoted phrase: a phrase is searched as typed, its quotes kept whole.
function inAPhrase(words) {
  let open = false;
  return words.map((word) => {
    const quotes = (word.match(PHRASE_MARK) || []).length;
    const inside = open || quotes > 0;
    if (quotes % 2) open = !open;
    return inside;
  });
}

// [what the word is searched as, the start searched for it if it is not held ("" where none is: left out), the
// word as the status shows it searched where that is not what Pagefind is asked (a day: dayAsHeld), and, for a day
// searched as its held word, the forms of it a page's text may write too (each searched after: withDayAsWritten)].
async function wordAsHeld(pagefind, word, checked) {
  for (const address of addressWords(word.replace(LEADING_NOT_WORD, ""))) {
    if (await indexHolds(pagefind, address, 0)) return [address, undefined, word];
  }
  const parts = word.split(PART_SEPARATOR).filter(Boolean);
  if (INNER_PUNCTUATION.test(word) && /\p{L}/u.test(word) && parts.some((part) => part.length > 1)) {
    return [(await indexHolds(pagefind, parts.join(""))) ? word : parts.join(" ")];
  }
  // Initials (`U.N.`, `A.I.`) are searched by Pagefind joined (`UN`), as they should; where no page holds them
  // joined, it searched their held start (`a`), as a word's (LETTERS_ONLY).
  if (checked && parts.length > 1 && parts.every((part) => part.length === 1) && /\p{L}/u.test(word)) {
    return (await indexHolds(pagefind, parts.join(""))) ? [word] : ["", ""];
  }
  const core = word.replace(LEADING_NOT_WORD, "").replace(TRAILING_NOT_WORD, "");
  // A day is a day in a query of any length (a pasted sentence too, among its words checked: asTheIndexHoldsIt);
  // searched as typed, its figures were not it.
  if (DAY_IN_FIGURES.test(core)) return dayAsHeld(pagefind, word, core);
  if (checked && FIGURES.test(core)) {
    return (await indexHolds(pagefind, core.replace(/\P{N}/gu, ""), 0)) ? [word] : [IN_NO_PAGE];
  }
  if (!checked || !LETTERS_ONLY.test(core) || UNFOLDED.test(core)) return [word];
  const [held, meant] = await heldOrMeant(pagefind, core);
  if (meant) return [asTyped(meant, core), undefined, asTyped(meant, core), undefined, A_TYPO];
  if (held) return [word];
  const country = await countryOfCode(pagefind, core);
  if (country) return [country, undefined, word];
  const start = await longestHeldStart(pagefind, core);
  const repaired = start && (await meantByRepair(pagefind, core, start.length));
  if (repaired) return [asTyped(repaired, core), undefined, asTyped(repaired, core), undefined, A_TYPO];
  if (start) return [start, start];
  const undoubled = await undoubledAsHeld(pagefind, core);
  const typo = undoubled[0] ? "" : await meantByStart(pagefind, core);
  return typo ? [asTyped(typo, core), undefined, asTyped(typo, core), undefined, A_TYPO] : undoubled;
}

// A country's ISO code (`VN`, `vnm`) that no page holds as a word (its page holds it as COUNTRY_CODE_WORD and the code,
// `c0vn`: archive_core/countries.py, CODE_WORD) is searched as the code's word: it found nothing, as Pagefind searched
// its held start. A code that is a word pages write (`by`, `do`, `za`) is that word, as typed.
const COUNTRY_CODE_WORD = "c0";
const COUNTRY_CODE = /^\p{L}{2,3}$/u;

async function countryOfCode(pagefind, core) {
  const code = `${COUNTRY_CODE_WORD}${fold(core)}`;
  return COUNTRY_CODE.test(core) && (await indexHolds(pagefind, code, 0)) ? code : "";
}

// The mark of a word searched as the word a page writes that it is a typo of (heldOrMeant, meantByStart): the status
// offers the query with it as typed (searchInstead).
const A_TYPO = true;

// `written` in lower case where the reader typed `core` so: a page's word opening a sentence is not a name.
function asTyped(written, core) {
  return core === core.toLowerCase() ? written.toLowerCase() : written;
}

// [whether the index holds `core` (indexHolds), the word a page writes that `core` is a typo of, else ""]: where no
// page's word begins with all of it, a word of the first page Pagefind finds for it that is one letter from it before
// its last letter (one changed, added, left out, or two swapped: `Hanio` of `Hanoi`, `Wietanm` of `Wietnam`,
// `konwencaj` of `konwencja`), not a form of it (typoOf). Until search27 such a word was taken as held where a page's
// word shared all but its last STEM_CUT letters (`Wietanm`: `Wiet…`), and Pagefind searched its longest indexed start
// (two pages of 63 that write `Wietnam`, not the country's page); or, with a typo in its first half, found nothing
// (`Hanio`). Words of MIN_MEANT letters or more: of fewer, one letter apart is as often another word. Cost: none more
// (the search and the fragment indexHolds makes).
const MIN_MEANT = 5;

async function heldOrMeant(pagefind, core) {
  const found = await pagefind.search(core);
  if (!found || !found.results.length) return [false, ""];
  const page = await found.results[0].data();
  if (core.length < MIN_MEANT || pageHolds(page, core, 0)) return [pageHolds(page, core, STEM_CUT), ""];
  const meant = meantAmong(page, core);
  if (meant && (await writtenByAnother(pagefind, found, core, meant))) return [true, ""];
  return [!meant && pageHolds(page, core, STEM_CUT), meant];
}

// Whether a page Pagefind finds for `core` but not for `meant` writes `core` itself: such a word is no typo, however
// close to one the first page writes. Pagefind finds a word by its stem, so the first page for `organizations`
// (`organ…`) may write `organization` and `organisations` only, and a page further down `organizations`: searched as
// `organisations`, that page was lost (until review31). Of those pages, the best scored MEANT_CHECKS only. Cost, for a
// word taken as a typo only: one search (of the word searched instead) and at most MEANT_CHECKS fragments.
const MEANT_CHECKS = 5;

async function writtenByAnother(pagefind, found, core, meant) {
  const ofMeant = await pagefind.search(meant);
  const theirs = new Set((ofMeant ? ofMeant.results : []).map((result) => result.id));
  const others = found.results.slice(1).filter((result) => !theirs.has(result.id));
  const pages = await Promise.all(others.slice(0, MEANT_CHECKS).map((result) => result.data()));
  return pages.some((page) => pageHolds(page, core, 0));
}

// The word a page writes that `core`, of which no start of half is held, is a typo of (typoOf), by the first page of
// its longest held start (`Han…` of `Hanio`: a page that writes `Hanoi`), else "": Pagefind finds nothing for such a
// word, and until search27 nor did the search page. Cost: the halving of its start from two letters, one search and
// one fragment more.
async function meantByStart(pagefind, core) {
  if (core.length < MIN_MEANT) return "";
  const start = await longestHeldStart(pagefind, core, 1);
  const repaired = await meantByRepair(pagefind, core, start.length);
  const found = !repaired && start.length > 1 && (await pagefind.search(start));
  if (!found || !found.results.length) return repaired;
  return meantAmong(await found.results[0].data(), core);
}

// The word a page writes that `core` is a typo of (typoOf), where the typo is where its longest held start ends
// (`held` letters): the word with the letters there swapped, or one of them left out (`Hnaoi`, `Knowencja`,
// `Cnovention`, `Convetnion`, `Hxanoi`), held further, by the first page of its longest held start, else "". Until
// search28 such a typo in a word's first two letters was never found (the index holds no start of two letters of
// it: no page to read the word from), and one in its first half was searched as its held start (`Conve…`). A letter
// changed or added there is not tried: it would be a search per letter of the alphabet. Cost, for a word not held as
// typed only: up to REPAIRS halvings of a start, and a search and a fragment each.
const REPAIRS = 3;

async function meantByRepair(pagefind, core, held) {
  const swapped = (at) => core.slice(0, at) + core[at + 1] + core[at] + core.slice(at + 2);
  const tries = [held - 1, held].filter((at) => at >= 0 && at + 1 < core.length).map(swapped);
  tries.push(core.slice(0, held) + core.slice(held + 1));
  for (const word of [...new Set(tries)].filter((each) => each !== core).slice(0, REPAIRS)) {
    const start = await longestHeldStart(pagefind, word, held + 1);
    const found = start && (await pagefind.search(start));
    const meant = found && found.results.length ? meantAmong(await found.results[0].data(), core) : "";
    if (meant) return meant;
  }
  return "";
}

// The word of a page (its data) that `core` is a typo of (typoOf), of the fewest edits (`statistics`, not the
// `statistic` before it, for `statystics`), else "".
function meantAmong(page, core) {
  const wanted = fold(core);
  let [meant, fewest] = ["", Infinity];
  for (const word of pageWords(page)) {
    const edits = typoOf(fold(word), wanted);
    if (edits && edits < fewest) [meant, fewest] = [word, edits];
  }
  return meant;
}

// The words of a page (its data), in its text and metadata, as written.
function pageWords(page) {
  return [page.content || "", ...Object.values(page.meta || {})].join(" ").split(/[^\p{L}\p{N}]+/u);
}

// The edits by which `wanted` (folded) is `written` (folded) mistyped, else 0, counted as Meilisearch counts typos (its
// documentation, "Typo tolerance"): edits of one letter (changed, added, left out, or two next to each other swapped:
// Damerau), one in a word of MIN_MEANT letters or more, two in one of MIN_TWO_TYPOS or more, a change of the first
// letter counting two (readers seldom mistype it, and a word of another first letter is as often another word). Not at
// its end only: edits within its last letters are a form of it (`cyberattacks` of `cyberattack`, `konwencji` of
// `konwencja`, `Polsce` of `Polska`). Until search28, one edit, not in the first letter (docs/search-relevance.md).
const MIN_TWO_TYPOS = 9;

function typoOf(written, wanted) {
  const allowed = wanted.length >= MIN_TWO_TYPOS ? 2 : 1;
  const edits = editsApart(written, wanted, allowed);
  const counted = edits + (written[0] === wanted[0] ? 0 : 1);
  const aForm = sharedStart(written, wanted) >= Math.min(written.length, wanted.length) - edits;
  return edits && !aForm && counted <= allowed ? counted : 0;
}

// The edits between `a` and `b` (Damerau's: optimal string alignment), where at most `most`; else 0, as for `a === b`.
function editsApart(a, b, most) {
  if (a === b || Math.abs(a.length - b.length) > most) return 0;
  let [before, row] = [[], Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const change = a[i - 1] === b[j - 1] ? 0 : 1;
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + change);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        next[j] = Math.min(next[j], before[j - 2] + 1);
      }
    }
    [before, row] = [row, next];
  }
  return row[b.length] <= most ? row[b.length] : 0;
}

// A word of which nothing long enough is held, typed with a letter doubled (`Gutteres`: its held start `Gut` is
// shorter than half of it): the same word with a doubled letter typed once (`Guteres`), searched as typed where the
// index holds it, else as its longest held start (`Guter…`, of `Guterres`), as wordAsHeld gives it; the first of them
// that has either, and the status says what was searched. Until search25 nothing was found. At most UNDOUBLED_TRIES
// pairs, from the first: one search and one fragment each, and the halving of a start where the word is not held.
const UNDOUBLED_TRIES = 3;

async function undoubledAsHeld(pagefind, core) {
  const pairs = [...core.matchAll(/(\p{L})\1/gu)].slice(0, UNDOUBLED_TRIES).map((pair) => pair.index);
  for (const word of pairs.map((at) => core.slice(0, at) + core.slice(at + 1))) {
    if (await indexHolds(pagefind, word)) return [word, undefined, word];
    const start = await longestHeldStart(pagefind, word);
    if (start) return [start, start];
  }
  return ["", ""];
}

// A query none of whose words the index holds, nor a start of half of it (`Rosja`, `survelliance`): each word's longest
// held start of MIN_START letters or more, as wordAsHeld gives it (`surve…`); where none has one, nothing is found.
// Searched as typed, Pagefind searched the longest word its index holds that the query begins with, often a letter:
// `Rosja` listed the page that writes `2025 r.`.
async function startsOfWordsInNoPage(pagefind, words) {
  const cores = words.map((word) => word.replace(LEADING_NOT_WORD, "").replace(TRAILING_NOT_WORD, ""));
  const starts = await Promise.all(cores.map((core) => longestHeldStart(pagefind, core, MIN_START)));
  return starts.filter(Boolean).map((start) => [start, start]);
}

// The `date` field ("d20251025", "d202412", as days are held) as ISO, for <time datetime>: "2025-10-25", "2024-12".
function isoDate(held) {
  const parts = HELD_DATE.exec(held);
  return parts ? parts.slice(1).filter(Boolean).join("-") : held;
}

// The day typed as `word` (`core` without what surrounds it), as wordAsHeld gives it: as the `day` field holds it,
// its year in four figures (typed in two, "25.10.25": 20yy, then 19yy; the field never holds two, and "d1125", of
// "1/1/25", is the start of "d11252025", 11/25/2025, another day), with the forms a page's text may write it in
// too: as found, in four figures, and as typed; else IN_TEXT_ONLY, with the forms a page's text may write it in, in
// four figures, then as typed; else IN_NO_PAGE (DAY_IN_FIGURES). The status shows the day as a reader writes it
// (the first form), never as held.
const TWO_FIGURE_YEAR = /^(\d{1,2}([./-])\d{1,2}\2)(\d{2})$/u;

async function dayAsHeld(pagefind, word, core) {
  const short = TWO_FIGURE_YEAR.exec(core);
  const days = short ? ["20", "19"].map((century) => `${short[1]}${century}${short[3]}`) : [core];
  const shown = (day) => (day === core ? word : day);
  for (const day of days) {
    const held = DAY_WORD_LETTER + day.replace(/\D/gu, "");
    if (!(await indexHolds(pagefind, held, 0))) continue;
    // Which forms a page's text has a word beginning with: those pages' text is checked for the day (writesDays).
    const forms = [...new Set([shown(day), word])];
    const written = await Promise.all(forms.map((form) => indexHolds(pagefind, form.replace(/\D/gu, ""), 0)));
    return [held, undefined, shown(day), forms.filter((_, at) => written[at])];
  }
  const forms = [...new Set([...days, core])].map(shown);
  const written = await Promise.all(forms.map((form) => indexHolds(pagefind, form.replace(/\D/gu, ""), 0)));
  const found = forms.filter((_, at) => written[at]);
  return found.length ? [IN_TEXT_ONLY, undefined, found[0], found] : [IN_NO_PAGE];
}

// Whether a start is held is the same for every shorter one: halved until the longest is found.
async function longestHeldStart(pagefind, word, shortest = Math.max(MIN_START, Math.ceil(word.length / 2))) {
  let [low, high, found] = [shortest, word.length - 1, ""];
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    if (await indexHolds(pagefind, word.slice(0, middle), 0)) [found, low] = [word.slice(0, middle), middle + 1];
    else high = middle - 1;
  }
  return found;
}

// Whether the index holds `word` (or a word it is a start of, or of its stem) rather than a shorter start of it only,
// which Pagefind searches instead (its longest indexed start): whether the first page Pagefind finds for it has a
// word, in its text or metadata, that begins with all of `word` but the `cut` last letters a stemmer may cut off.
const STEM_CUT = 4;

async function indexHolds(pagefind, word, cut = STEM_CUT) {
  const found = await pagefind.search(word);
  if (!found || !found.results.length) return false;
  return pageHolds(await found.results[0].data(), word, cut);
}

// Whether a page (its data) has a word, in its text or metadata, that begins with all of `word` but the `cut` last
// letters a stemmer may cut off.
function pageHolds(page, word, cut) {
  const wanted = fold(word);
  const needed = wanted.length <= STEM_CUT ? shortNeeded(wanted.length, cut) : Math.max(STEM_CUT, wanted.length - cut);
  const text = [page.content || "", ...Object.values(page.meta || {})].join(" ").split(/\s+/);
  // Each written word joined and in its parts, as Pagefind indexes it (`cyber-crime`: `cybercrime`, `cyber`, `crime`).
  const written = text.flatMap((each) => [each.replace(/[^\p{L}\p{N}]+/gu, ""), ...each.split(/[^\p{L}\p{N}]+/u)]);
  return written.some((each) => sharedStart(fold(each), wanted) >= needed);
}

// A word of four letters may lose one to the stemmer ("dane" is held as the start of "danych"); of two or three, none.
function shortNeeded(length, cut) {
  return cut && length > 3 ? length - 1 : length;
}

function sharedStart(a, b) {
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at += 1;
  return at;
}

// Pagefind 1.5.2 misses a quoted phrase on a page that holds one of its words in two forms ("konwencję" and
// "konwencja"; "października" and the `month` field's "październik"): its exact search takes each form's
// positions as one more word of the phrase, so "25 października" found nothing on the page that writes it.
// The phrase's words are then searched as such, and of the pages Pagefind's phrase search left out, those
// whose text holds the words in that order (whatever the case, Polish letters and punctuation) are added.
// Each check loads the page's text (its fragment): the best scored PHRASE_CHECKS only.
const PHRASE_CHECKS = 20;

function missedPhraseSearches() {
  const phrase = /^"(.+)"$/.exec(term);
  const wanted = phrase ? plainWords(phrase[1]) : [];
  return wanted.length < 2 ? [] : [[phrase[1], (page) => holdsPhrase(page.content || "", wanted)]];
}

// The pages that write a held day (termsAsWritten, each form in turn), after the pages of that day: those whose text
// writes the day. Pagefind finds a day's figures as the start of longer ones too: "1/1/25" typed, the pages that
// write "11/25/2025", another day, were listed.
function dayAsWrittenSearches() {
  return termsAsWritten.map((asWritten) => [asWritten, (page) => writesDays(page.content || "", asWritten)]);
}

// The pages that write two words of the query as one (termsJoined), after those that write them apart: those that
// hold the joined word (not a shorter start of it).
function wordsJoinedSearches() {
  return termsJoined.map(([asJoined, join, cut]) => [asJoined, (page) => pageHolds(page, join, cut)]);
}

// The pages that write a word of the query as two next to each other (termsSplit), after those that write it as one.
// A query of that word alone is searched as the phrase of its two (as the way to cut it was found): the pages that
// write the two words apart score higher where they write them more, and on an archive of many pages the best scored
// PHRASE_CHECKS of a search of the two words held none that writes them next to each other (`moneylaundering` found
// nothing on 2,000 articles). A longer query is searched as words: Pagefind's phrase is the whole query.
function wordSplitSearches() {
  return termsSplit.map(([asSplit, twos]) => {
    const alone = twos.length === 1 && asSplit === twos[0].join(" ");
    return [alone ? `"${asSplit}"` : asSplit, (page) => twos.every((parts) => writesApart(page, parts))];
  });
}

// The pages a query finds besides Pagefind's own results (missedPhraseSearches, dayAsWrittenSearches,
// wordsJoinedSearches, wordSplitSearches), [result, its data] each: of each search in turn [what Pagefind is asked,
// whether a page it finds (its data) is one to add], the best scored PHRASE_CHECKS that no search before found.
// Found once for a query, without its filters, and kept while the query is searched (a filter chosen, the filters'
// counts): the pages of a filter are those of the query that have it (inFilters), so that a filter's count is the
// results it gives, and the checks are not made again for each filter group. `own`: Pagefind's own results of the
// query without filters, or null to search them.
let pagesAddedFor = { key: null, pages: [] };

async function pagesAdded(pagefind, own) {
  const searches = [
    ...missedPhraseSearches(),
    ...dayAsWrittenSearches(),
    ...wordsJoinedSearches(),
    ...wordSplitSearches(),
  ];
  const key = JSON.stringify([term, inTextOnly, searches.map(([other]) => other)]);
  if (pagesAddedFor.key === key) return pagesAddedFor.pages;
  const pages = [];
  if (searches.length) {
    const known = new Set((own || (await searchOf(pagefind, {}))).results.map((result) => result.id));
    for (const [other, wanted] of searches) {
      const found = await pagefind.search(other);
      const unchecked = found.results.filter((result) => !known.has(result.id)).slice(0, PHRASE_CHECKS);
      const data = await Promise.all(unchecked.map((result) => result.data()));
      for (const [at, result] of unchecked.entries()) {
        if (!wanted(data[at])) continue;
        known.add(result.id);
        pages.push([result, data[at]]);
      }
    }
  }
  pagesAddedFor = { key, pages };
  return pages;
}

// A query of MOST_WORDS words or more that no page holds all of (a question, a sentence pasted: `how many states
// ratified the convention`) found nothing: Pagefind's search needs every word, and the status said to try fewer. Such
// a query then finds the pages that hold the most of its words, at least half of them and two: each word is searched
// alone (with the filters chosen), and a page ranks by how many of them it holds, then by the sum of its scores, in
// which a word most pages hold (`the`, `w`) weighs little. The status says no page holds them all. Cost: one search a
// word, for such a query only, when nothing else is found, of its MOST_WORDS_SEARCHED longest words at most (a word
// most pages hold is short; a paragraph pasted ran a search for each of its words, on and on after a newer query had
// started; asTheIndexHoldsIt checks its first MOST_WORDS_SEARCHED words only, for the same reason); the data of at most MOST_WORDS_PAGES pages, for the filters' counts.
const MOST_WORDS = 3;
const MOST_WORDS_SEARCHED = 12;
const MOST_WORDS_PAGES = 50;

async function mostWords(pagefind, filters, number) {
  if (!term || /"/.test(term)) return null;
  const words = [...new Set(term.split(" ").filter((word) => /[\p{L}\p{N}]/u.test(word)))]
    .map((word, at) => [word, at])
    .sort(([a, atA], [b, atB]) => b.length - a.length || atA - atB)
    .slice(0, MOST_WORDS_SEARCHED)
    .map(([word]) => word);
  if (words.length < MOST_WORDS) return null;
  const pages = new Map();
  for (const word of words) {
    if (number !== generation) return null; // a newer search has started
    for (const result of (await pagefind.search(word, { filters })).results) {
      const page = pages.get(result.id) || { result, words: 0, score: 0 };
      pages.set(result.id, { ...page, words: page.words + 1, score: page.score + result.score });
    }
  }
  const least = Math.max(2, Math.ceil(words.length / 2));
  const ranked = [...pages.values()]
    .filter((page) => page.words >= least)
    .sort((a, b) => b.words - a.words || b.score - a.score)
    .slice(0, MOST_WORDS_PAGES)
    .map((page) => page.result);
  if (!ranked.length) return null;
  const counts = {};
  for (const page of await Promise.all(ranked.map((result) => result.data()))) {
    for (const [name, values] of Object.entries(page.filters || {})) {
      counts[name] ||= {};
      for (const value of values) counts[name][value] = (counts[name][value] || 0) + 1;
    }
  }
  return { results: ranked, filters: counts, mostWords: true };
}

// Whether a page (its data) has a value of each filter chosen (`filters`, as Pagefind is given them: any of them).
function inFilters(page, filters) {
  const has = (name, any) => (page.filters?.[name] || []).some((value) => any.includes(value));
  return Object.entries(filters).every(([name, { any }]) => has(name, any));
}

// Whether `content` writes each day in figures of `value` with these figures: not a longer day they begin.
const DAY_IN_TEXT = /(?<![\p{N}./-])(?:\d{1,2}([./-])\d{1,2}\1(?:\d{4}|\d{2})|\d{4}([./-])\d{1,2}\2\d{1,2})(?!\p{N})/gu;

function writesDays(content, value) {
  const days = (text) => [...text.matchAll(DAY_IN_TEXT)].map(([day]) => day.replace(/\D/gu, ""));
  const written = new Set(days(content));
  return days(value).every((day) => written.has(day));
}

// `search` with the pages a query adds (pagesAdded) that have the `filters`, after its own, counted in its filters
// (each value a page has); `added` says how many, which the ranking of Pagefind's own results leaves where they are
// (run).
function withAdded(search, added, filters) {
  const pages = added.filter(([, page]) => inFilters(page, filters));
  if (!pages.length) return search;
  const counted = Object.entries(search.filters || {});
  const counts = Object.fromEntries(counted.map(([name, values]) => [name, { ...values }]));
  for (const [, page] of pages) {
    for (const [name, values] of Object.entries(page.filters || {})) {
      counts[name] ||= {};
      for (const value of values) counts[name][value] = (counts[name][value] || 0) + 1;
    }
  }
  const results = search.results.concat(pages.map(([result]) => result));
  return { ...search, results, filters: counts, added: (search.added || 0) + pages.length };
}

function plainWords(value) {
  return fold(value).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function holdsPhrase(content, wanted) {
  const words = plainWords(content);
  return words.some((_, start) => wanted.every((word, offset) => words[start + offset] === word));
}

function activeFilters(except) {
  const filters = {};
  for (const [name, values] of chosen) {
    if (name !== except && values.size) filters[name] = { any: [...values] };
  }
  return filters;
}

function activeCount() {
  let count = 0;
  for (const values of chosen.values()) count += values.size;
  return count;
}

async function run() {
  const number = ++generation;
  const filters = activeFilters();
  if (!searchTerm(query) && !activeCount()) { // nothing typed, or only what a query is searched without
    results = [];
    list.replaceChildren();
    list.removeAttribute("aria-busy");
    more.hidden = true;
    status.textContent = "";
    if (otherHint) otherHint.hidden = true;
    pane.hidden = false; // the whole archive, to filter
    if (filtersLoaded) renderFilters(await pagefindLoaded.then((pagefind) => pagefind.filters()));
    return;
  }
  list.setAttribute("aria-busy", "true");
  if (!status.textContent) status.textContent = strings.searching; // the first search loads Pagefind: say so
  let search;
  try {
    const pagefind = await pagefindLoaded;
    if (filtersLoaded) await filtersLoaded;
    const [asHeld, statusAs, asWritten, asJoined, asSplit, instead = ""] = await asTheIndexHoldsIt(
      pagefind,
      searchTerm(query),
    );
    if (number !== generation) return;
    searchInstead = instead;
    [inNoPage, inTextOnly] = [asHeld === IN_NO_PAGE, asHeld === IN_TEXT_ONLY];
    [term, searchedAs] = [inNoPage || inTextOnly ? "" : asHeld, statusAs];
    [termsAsWritten, termsJoined, termsSplit] = [asWritten, asJoined, asSplit];
    search = await searchOf(pagefind, { filters });
    if (number !== generation) return; // a newer search has set `term`: not to be folded by this one
    if (search && query && !search.results.length && !inNoPage && !inTextOnly && UNFOLDED.test(query)) {
      term = fold(term); // see asciiRetry
      search = await pagefind.search(term, { filters });
    }
    if (number !== generation || !search) return; // a newer search has started
    const added = await pagesAdded(pagefind, activeCount() ? null : search);
    if (number !== generation) return;
    search = withAdded(search, added, filters);
    const own = search.results.length - (search.added || 0); // the pages added come after Pagefind's, as they are
    const byScore = await newestFirstAmongEqual(pagefind, search.results.slice(0, own), { filters });
    let ranked = (await wholeWordsFirst(byScore)).concat(search.results.slice(own));
    const most = ranked.length ? null : await mostWords(pagefind, filters, number);
    if (number !== generation) return;
    mostWordsOnly = Boolean(most);
    if (most) [search, ranked] = [most, most.results];
    results = shownResults(ranked);
    shown = 0;
    list.replaceChildren();
    await showMore(number);
    if (number !== generation) return;
    list.removeAttribute("aria-busy");
    say(summary(results.length));
    if (otherHint) otherHint.hidden = !(query && !results.length);
    // Nothing found and no filter chosen: the pane would open on nothing (no value has a result), so it is not offered.
    pane.hidden = !results.length && !activeCount();
    if (!filtersLoaded) return;
    const counts = await facetCounts(search, added, number);
    if (number === generation) renderFilters(counts);
  } catch (error) {
    if (number === generation) failed(error);
  }
}

// Pagefind's search of `term`, or none found where the query holds a day no page holds (DAY_IN_FIGURES), or no page
// is dated (IN_TEXT_ONLY: the pages that write it are added, withDayAsWritten).
async function searchOf(pagefind, options) {
  return inNoPage || inTextOnly ? { results: [], filters: {} } : pagefind.search(term || null, options);
}

// Pagefind ranks equal scores in no useful order (its index's page order: oldest URL first; a filter alone
// gives every page the same score). An archive of news lists the newest first: among equal scores only,
// the order of Pagefind's own `date` sort (partials/search_facets.html), asked for only when there is a tie.
// Pages without a date (country pages) come after the dated ones of their score.
async function newestFirstAmongEqual(pagefind, found, options) {
  if (!found.some((result, index) => index && result.score === found[index - 1].score)) return found;
  const byDate = await pagefind.search(term || null, { ...options, sort: { date: "desc" } });
  const position = new Map(byDate.results.map((result, index) => [result.id, index]));
  const place = (result) => position.get(result.id) ?? found.length;
  return [...found].sort((a, b) => b.score - a.score || place(a) - place(b));
}

// A query with short words (SHORT_WORD letters or fewer: `UN`, `EU`, `ONZ`, `UN Hanoi`): of Pagefind's best scored
// WHOLE_CHECKS pages, those that write each short word whole (in their text or any field: `UN`; `UE` among the names of
// the European Union's page) first, each group in its order; of them, for a word typed in capitals (`UN`), those that
// write it so before those that write it in small letters only (a French quote's `un`). Pagefind searches a word as
// the start of longer ones too, and scores each longer word a page holds once more: a hidden field of many forms of a
// name (`named_countries`, a country page's `topic`: `Union`, `Unia`, `Unii`, `unijny`…) scored 131.8 for `UN`, the
// article that writes `UN` 1.4, and a field's weight is no fix (at 0.05 the field still came first; at 0 a country
// named in the other language is lost: search27). Until review32 a query with a longer word too (`UN Hanoi`) was not
// re-ordered, and `UN` listed a page that writes `un` only among those that write `UN`, by its score. Cost: the
// fragments of at most WHOLE_CHECKS results (the ten shown are loaded anyway), for such a query only.
const SHORT_WORD = 3;
const WHOLE_CHECKS = 20;

async function wholeWordsFirst(found) {
  const words = term.split(" ").map((word) => word.replace(LEADING_NOT_WORD, "").replace(TRAILING_NOT_WORD, ""));
  const short = words.filter((word) => word && word.length <= SHORT_WORD);
  if (!term || /"/.test(term) || !short.length) return found;
  const checked = found.slice(0, WHOLE_CHECKS);
  const pages = await Promise.all(checked.map((result) => result.data()));
  const capitals = short.filter((word) => word.length > 1 && word === word.toUpperCase() && word !== fold(word));
  const group = pages.map((page) => {
    const written = pageWords(page);
    const folded = new Set(written.map(fold));
    if (!short.every((word) => folded.has(fold(word)))) return 2;
    const asTyped = new Set(written);
    return capitals.every((word) => asTyped.has(word)) ? 0 : 1;
  });
  const ordered = [0, 1, 2].flatMap((each) => checked.filter((_, at) => group[at] === each));
  return [...ordered, ...found.slice(WHOLE_CHECKS)];
}

// The status (role=status, the page's live region: a screen reader reads out each change to it) rewritten only where
// what it says changes: the same query searched again (Enter pressed, the filters opened) said its count, and a typo's
// correction and link, once more (until review31).
function say(nodes) {
  const said = element("p");
  said.append(...nodes);
  if (said.innerHTML !== status.innerHTML) status.replaceChildren(...said.childNodes);
}

// The status's words, as nodes (textWithQuery), and what was searched where it is not what was typed: after the
// count, or after how many of the results are shown (`found`: "More results" until search28 said that alone, and the
// correction and its link to the search as typed were gone). The count's sentence ends with a full stop before the
// next (until review32 the live region read "13 results for Hanio Some words are in no page…", as one sentence).
function summary(count, found = countSummary(count)) {
  if (mostWordsOnly) found = [...found, endsASentence(found.at(-1)) ? " " : ". ", strings.most_words];
  if (!searchedAs) return found;
  const stop = endsASentence(found.at(-1)) ? " " : ". ";
  const searched = [...found, stop, ...textWithQuery("searched_as", {}, searchedAs)];
  return searchInstead ? [...searched, " ", insteadLink()] : searched;
}

// Whether a text or node's text ends a sentence (a query may: `A.I.`, `k.k.`).
function endsASentence(last) {
  const written = typeof last === "string" ? last : (last && last.textContent) || "";
  return /[.!?…]$/u.test(written.trimEnd());
}

// The link to the query with its typos searched as typed (searchInstead), its filters kept: "Search instead for Hanio".
function insteadLink() {
  const address = new URL(window.location.href);
  address.searchParams.set("q", addressQuery(searchInstead));
  const link = element("a", "search-instead");
  link.href = address.href;
  link.append(...textWithQuery("search_instead"));
  return link;
}

function countSummary(count) {
  const values = { COUNT: count };
  if (count === 0) {
    // Say what the reader can do: with more words, fewer pages hold them all; a filter narrows too.
    const none = shownQuery() ? textWithQuery("zero_results_for", values) : [text("many_results", values)];
    // A query that ends a sentence itself (`A.I.`, `k.k.`) was followed by a second full stop ("No results for A.I..").
    const stop = /[.!?…]$/u.test(shownQuery()) ? " " : ". ";
    return [...none, `${stop}${strings[activeCount() ? "zero_hint_filters" : "zero_hint"]}`];
  }
  if (!shownQuery()) return [text(count === 1 ? "one_result" : "many_results", values)];
  return textWithQuery(count === 1 ? "one_result_for" : "many_results_for", values);
}

function failed(error) {
  list.removeAttribute("aria-busy");
  status.textContent = strings.failed;
  console.error("search:", error);
}

// Ten more results, each shown as soon as it and those above it are loaded (never an empty card).
async function showMore(number) {
  const page = results.slice(shown, shown + PAGE_SIZE).map((result) => result.data());
  let first;
  for (const pending of page) {
    const data = await pending;
    if (number !== generation) return;
    const item = card(data);
    list.append(item);
    first = first || item;
    shown += 1;
  }
  more.hidden = shown >= results.length;
  return first;
}

// --- a result ---

// A page with no version in this language is in this index as its stand-in (plugins/search/stand_ins.py): its
// result's URL is the page's with the fragment `#in-<this language>`, and its metadata `lang` is the page's language.
const STAND_IN_FRAGMENT = `#in-${pageLang}`;

function card(data) {
  const item = element("li", "search-result");
  const title = element("h2", "search-result-title");
  const link = element("a", "search-result-link", data.meta.title || data.url);
  const lang = data.meta.lang && data.meta.lang !== pageLang ? data.meta.lang : "";
  const url = lang && data.url.endsWith(STAND_IN_FRAGMENT) ? data.url.slice(0, -STAND_IN_FRAGMENT.length) : data.url;
  // Isolated from the text around it, left to right as the page's language is, but for a title with no
  // left-to-right letter (a headline kept in Arabic): as the `title_dir` filter gives the built pages.
  link.dir = titleDirection(link.textContent);
  if (lang) {
    link.lang = lang;
    link.hreflang = lang;
  }
  title.append(link);
  item.append(title);
  const about = element("p", "search-result-meta");
  const kind = (data.filters[kindFilter] || [])[0];
  if (kind) about.append(element("span", "search-result-kind", kind));
  if (data.meta.date_label) {
    if (kind) about.append(" · ");
    const time = element("time", "", data.meta.date_label);
    time.dateTime = isoDate(data.meta.date || "");
    about.append(time);
  }
  if (lang) {
    // Said as the pages listing it say it: the article is in another language (its title and excerpt are).
    if (about.childNodes.length) about.append(" · ");
    about.append(element("span", "search-result-lang", strings[`in_language_${lang}`] || languageName(lang)));
  }
  if (about.childNodes.length) item.append(about);
  const excerpt = element("p", "search-result-excerpt");
  const excerptParts = excerptNodes(data);
  excerpt.append(...excerptParts);
  const marks = excerptParts.some((node) => node.nodeName === "MARK");
  link.href = withTextFragment(url, marks ? excerptParts : titleNodes(link.textContent));
  if (lang) {
    excerpt.lang = lang;
    excerpt.dir = languageDirection(lang);
  }
  if (excerpt.textContent.trim()) item.append(excerpt);
  return item;
}

// --- the words found, marked on the page the result leads to ---

// The browser scrolls to the passage the excerpt shows and marks the words found there (a URL text fragment,
// `#:~:text=`: https://wicg.github.io/scroll-to-text-fragment/), so that the pages themselves need no script.
// Each marked word (or run of them) is pinned by the excerpt's words around it in the same sentence: both, then
// each alone, since Pagefind ends most blocks of its text with a full stop but joins some (a table's cells) with
// a space only, and a directive whose words are in two blocks matches nothing. Never the word alone: it would
// match the site's name in the header ("Hanoi", "Konwencji") or a menu. The browser marks every directive it
// matches and scrolls to the first. An excerpt that marks nothing (the query matched the title only) gives way to the
// title's words (titleNodes). A result that is a part of its page (a timeline entry, `#id`) gets none: a
// directive is matched on the whole page, and two entries of one wording would take the reader to the first.
const MAX_WORDS = 3;
const SENTENCE_END = /[.!?…:;]$/u;
const LEADING_NOT_WORD = /^[^\p{L}\p{N}]+/u;
const TRAILING_NOT_WORD = /[^\p{L}\p{N}]+$/u;

function withTextFragment(url, nodes) {
  if (url.includes("#")) return url;
  const directives = [];
  const words = new Set();
  for (const run of markedRuns(nodes)) {
    const forms = [
      run.before && run.after ? directive(run.before, run.words, run.after) : "",
      run.before ? directive(run.before, run.words, "") : "",
      run.after ? directive("", run.words, run.after) : "",
    ].filter((form) => form && !directives.includes(form));
    if (!forms.length) continue;
    words.add(run.words.toLocaleLowerCase(pageLang));
    if (words.size > MAX_WORDS) break;
    directives.push(...forms);
  }
  return directives.length ? `${url}#:~:${directives.join("&")}` : url;
}

function directive(before, words, after) {
  const prefix = before ? `${directivePart(before)}-,` : "";
  const suffix = after ? `,-${directivePart(after)}` : "";
  return `text=${prefix}${directivePart(words)}${suffix}`;
}

// The runs of marked words of an excerpt's nodes, without the punctuation around them, each with the word of
// the same sentence before and after it, if any. A run is marked words with only spaces between them; the text
// between two runs is read whole (a word of another script is a node of its own: `isolated`).
function markedRuns(nodes) {
  const parts = [];
  for (const node of nodes) {
    if (node.nodeType === Node.TEXT_NODE && /^(… | …)$/.test(node.textContent)) continue;
    const marked = node.nodeName === "MARK";
    const last = parts[parts.length - 1];
    if (!marked && last && !last.marked) last.text += node.textContent;
    else parts.push({ marked, text: node.textContent });
  }
  const runs = [];
  for (let i = 0; i < parts.length; i++) {
    if (!parts[i].marked) continue;
    const first = i;
    let marked = parts[i].text;
    // Joined while only spaces part them, in one sentence (`Hanoi.` and `Convention` are two runs).
    while (i + 2 < parts.length && parts[i + 2].marked && !parts[i + 1].text.trim() && !SENTENCE_END.test(marked)) {
      marked += ` ${parts[i + 2].text}`;
      i += 2;
    }
    const lead = marked.match(LEADING_NOT_WORD)?.[0] ?? "";
    const trail = marked.match(TRAILING_NOT_WORD)?.[0] ?? "";
    const words = marked.slice(lead.length, marked.length - trail.length).trim();
    if (!words) continue;
    const previous = (first > 0 && !parts[first - 1].marked ? parts[first - 1].text : "") + lead;
    const next = trail + (i + 1 < parts.length && !parts[i + 1].marked ? parts[i + 1].text : "");
    runs.push({ words, before: wordBefore(previous), after: wordAfter(next) });
  }
  return runs;
}

// The word before a run, with the punctuation between them (`Hanoi,`), if a space separates them in one sentence.
function wordBefore(text) {
  const word = text.trim().split(/\s+/).pop();
  return /\s$/u.test(text) && !SENTENCE_END.test(word) ? word.replace(LEADING_NOT_WORD, "") : "";
}

// The word after a run, with the punctuation between them (`, która`), if it is in the same sentence.
function wordAfter(text) {
  const found = text.match(/^([^\s\p{L}\p{N}]*)\s+(\S+)/u);
  if (!found || /[.!?…:;]/u.test(found[1])) return "";
  const word = found[2].replace(TRAILING_NOT_WORD, "");
  return word ? `${found[1]}${found[1] ? " " : ""}${word}`.trim() : "";
}

// A directive's text: percent-encoded, with "-", "," and "&" too (they separate its parts).
function directivePart(text) {
  return encodeURIComponent(text).replace(/-/g, "%2D");
}

function languageName(lang) {
  try {
    return new Intl.DisplayNames([pageLang], { type: "language" }).of(lang) || lang;
  } catch {
    return lang;
  }
}

function languageDirection(lang) {
  try {
    const locale = new Intl.Locale(lang);
    const info = locale.getTextInfo ? locale.getTextInfo() : locale.textInfo;
    return (info && info.direction) || "ltr";
  } catch {
    return "ltr";
  }
}

// Pagefind's excerpt (its text escaped, the matches in <mark>), rebuilt as text and <mark> nodes only.
function excerptNodes(data) {
  let html = excerptOfTheText(data);
  if (!html.includes("<mark>")) html = foldedExcerpt(data.content || "", query) || html;
  const template = document.createElement("template");
  template.innerHTML = html;
  const nodes = [...template.content.childNodes].flatMap((node) => {
    if (node.nodeName !== "MARK") return isolated(node.textContent);
    const mark = element("mark");
    mark.append(...isolated(node.textContent));
    return [mark];
  });
  // An ellipsis where the excerpt cuts the text, so that a sentence cut short does not read as whole.
  const words = (value) => value.split(/\s+/).filter(Boolean).join(" ");
  const shown = words(template.content.textContent);
  const whole = words(data.content || "");
  if (shown && whole && !whole.startsWith(shown)) nodes.unshift(document.createTextNode("… "));
  if (shown && whole && !whole.endsWith(shown)) nodes.push(document.createTextNode(" …"));
  return nodes;
}

// Pagefind's excerpt is words of the page's text from one place, the matches in <mark>, with `<` and `>` escaped
// but not `&`: read as HTML, text that spells an entity was shown as another (`?id=7&section=2` as `?id=7§ion=2`,
// `&amp;` as `&`, `&lt;b&gt;` as `<b>`). Its words are taken from the text itself, escaped here, at the place where
// Pagefind's words, escaped as Pagefind escapes them, are those of the text: its first match's place or the start.
function excerptOfTheText(data) {
  const excerpt = data.excerpt || "";
  const words = excerpt.split(" ");
  const text = (data.content || "").split(/[\r\n\s]+/g);
  const asPagefindEscapes = (word) => word.replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const bare = words.map((word) => word.replace(/<\/?mark>/g, ""));
  const firstMark = words.findIndex((word) => word.startsWith("<mark>"));
  const starts = [...(firstMark < 0 ? [] : (data.locations || []).map((at) => at - firstMark)), 0, 1];
  const fits = (at) => at >= 0 && bare.every((word, i) => asPagefindEscapes(text[at + i] ?? "") === word);
  const start = starts.find(fits);
  if (!excerpt || start === undefined) return excerpt; // a text Pagefind split otherwise (at zero-width spaces)
  return words
    .map((word, i) => [word.startsWith("<mark>"), escapeHtml(text[start + i])])
    .map(([isMatch, word]) => (isMatch ? `<mark>${word}</mark>` : word))
    .join(" ");
}

// A run of words in a right-to-left script (Arabic, Hebrew...), which the page isolates (its label in a <bdi>, a
// passage marked with its `dir`) and Pagefind's excerpt gives as bare text: isolated again, in a <bdi>, so that it
// does not carry the words and figures around it to its side.
const RTL_RUN = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]+(?:[\s\d.,:;!?"'()-]*[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]+)*/gu;

const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const LEFT_TO_RIGHT = /(?![\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF])\p{L}/u;

function titleDirection(title) {
  return RIGHT_TO_LEFT.test(title) && !LEFT_TO_RIGHT.test(title) ? "rtl" : "ltr";
}

function isolated(text) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(RTL_RUN)) {
    if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
    nodes.push(element("bdi", "", match[0]));
    last = match.index + match[0].length;
  }
  if (last < text.length || !nodes.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

// Letters that Unicode does not decompose, as plugins/search/folding.py gives them (Unidecode).
const FOLDS = { ł: "l", đ: "d", ø: "o", ß: "ss", æ: "ae", œ: "oe", ı: "i", þ: "th", ð: "d", ħ: "h", ŧ: "t" };

// asciiRetry: Pagefind folds "ó" but not "ł", so "Łódź" finds nothing on pages that write "Lodz" (English
// ones). Every page also carries the ASCII form of its words with such letters (folded terms), so the folded
// query finds both spellings: it is searched when the query as typed finds nothing.
const UNFOLDED = /[łđøßæœıþðħŧ]/iu;

function fold(word) {
  return word
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[łđøßæœıþðħŧ]/g, (letter) => FOLDS[letter]);
}

// Which of `words` the query stands for: those whose folded form begins with a folded word of the query
// (quotation marks and other punctuation around the query's words left out).
function queryHits(words, term) {
  const wanted = term
    .split(/\s+/)
    .map((part) => fold(part.replace(LEADING_NOT_WORD, "").replace(TRAILING_NOT_WORD, "")))
    .filter(Boolean);
  return words.map((word) => wanted.some((part) => fold(word.replace(/^\P{L}+/u, "")).startsWith(part)));
}

const escapeHtml = (word) => word.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

// A query written without Polish letters ("Bialorus") matches the page's folded terms, which Pagefind
// cannot place in the text: find the words it stands for, and show the words around the first one.
function foldedExcerpt(content, term) {
  const words = content.split(/\s+/);
  const hits = queryHits(words, term);
  const at = hits.indexOf(true);
  if (at < 0) return "";
  const start = Math.max(0, Math.min(at - Math.floor(EXCERPT_WORDS / 3), words.length - EXCERPT_WORDS));
  return words
    .slice(start, start + EXCERPT_WORDS)
    .map((word, index) => (hits[start + index] ? marked(word, escapeHtml) : escapeHtml(word)))
    .join(" ");
}

// A result whose excerpt marks nothing (the query matched its title only, which Pagefind keeps out of the text, or
// its metadata: a country's other names): the words of its title the query stands for, as nodes of text and <mark>
// for withTextFragment, which pins them by the title's words around them, as the page shows it, in its <h1>. A title
// of one word, or with no word the query stands for, gives none (never a word alone: see withTextFragment).
function titleNodes(title) {
  const words = title.split(/\s+/).filter(Boolean);
  const hits = queryHits(words, query);
  if (!hits.includes(true)) return [];
  const template = document.createElement("template");
  template.innerHTML = words.map((word, index) => (hits[index] ? marked(word, escapeHtml) : escapeHtml(word))).join(" ");
  return [...template.content.childNodes];
}

// A word of the text marked without the punctuation around it: `(Białorusi),` -> `(<mark>Białorusi</mark>),`.
function marked(word, escape) {
  const [, before, core, after] = word.match(/^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u);
  return core ? `${escape(before)}<mark>${escape(core)}</mark>${escape(after)}` : escape(word);
}

// --- filters: loaded when the pane first opens ---

// `search` (the results, with the pages the query adds to Pagefind's: `added`, pagesAdded) counted in each filter.
async function facetCounts(search, added, number) {
  // Values within a group are alternatives (any of them): a group's counts leave its own choices out.
  const counts = { ...search.filters };
  if (search.mostWords) return counts; // counted among the pages found with the filters chosen (mostWords)
  const pagefind = await pagefindLoaded;
  for (const [name, values] of chosen) {
    if (!values.size) continue;
    const filters = activeFilters(name);
    const other = withAdded(await searchOf(pagefind, { filters }), added, filters);
    if (number !== generation) return counts;
    counts[name] = other.filters[name] || {};
  }
  return counts;
}

function valueId(name, value) {
  const key = `${name}\u0000${value}`;
  if (!valueIds.has(key)) valueIds.set(key, valueIds.size);
  return `search-filter-value-${valueIds.get(key)}`;
}

function renderFilters(counts) {
  lastCounts = counts;
  const focused = document.activeElement && groups.contains(document.activeElement) ? document.activeElement.id : "";
  groups.replaceChildren();
  for (const name of filterNames) {
    const known = { ...Object.fromEntries([...chosen.get(name)].map((value) => [value, 0])), ...counts[name] };
    const values = Object.entries(known).filter(([value, count]) => count > 0 || chosen.get(name).has(value));
    if (!values.length) continue;
    // Years newest first, as the archive lists them; other values by how many results have them.
    if (name === yearFilter) values.sort(([a], [b]) => b.localeCompare(a, "en", { numeric: true }));
    else values.sort(([a, x], [b, y]) => y - x || a.localeCompare(b, document.documentElement.lang));
    groups.append(filterGroup(name, values));
  }
  const count = activeCount();
  paneCount.textContent = count ? `(${formatCount(count)})` : "";
  clear.hidden = count === 0;
  if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
}

function filterGroup(name, values) {
  const index = filterNames.indexOf(name);
  const group = element("fieldset", "search-filter-group");
  group.append(element("legend", "", name));
  const options = element("ul", "search-filter-values");
  options.id = `search-filter-${index}`;
  const all = expanded.has(name) || values.length <= FEW_VALUES + 1;
  values.forEach(([value, count], position) => {
    const option = element("li");
    const input = element("input");
    input.type = "checkbox";
    input.id = valueId(name, value);
    input.checked = chosen.get(name).has(value);
    input.addEventListener("change", () => {
      if (input.checked) chosen.get(name).add(value);
      else chosen.get(name).delete(value);
      writeAddress(true);
      settled = true;
      window.clearTimeout(timer);
      run();
    });
    const label = element("label");
    label.htmlFor = input.id;
    // A topic or publisher in Arabic or Hebrew script would take the count after it to its side: isolated.
    label.append(element("bdi", "", value), " ", element("span", "search-filter-count", `(${formatCount(count)})`));
    option.append(input, label);
    option.hidden = !all && position >= FEW_VALUES && !input.checked;
    options.append(option);
  });
  group.append(options);
  if (values.length > FEW_VALUES + 1) {
    const toggle = element("button", "search-filter-toggle");
    toggle.type = "button";
    toggle.id = `search-filter-${index}-toggle`;
    toggle.setAttribute("aria-controls", options.id);
    toggle.setAttribute("aria-expanded", String(all));
    toggle.textContent = all ? strings.show_fewer : text("show_all", { COUNT: values.length });
    toggle.addEventListener("click", () => {
      if (expanded.has(name)) expanded.delete(name);
      else expanded.add(name);
      renderFilters(lastCounts);
    });
    group.append(toggle);
  }
  return group;
}

pane.addEventListener("toggle", () => {
  if (!pane.open || filtersLoaded) return;
  groups.replaceChildren(element("p", "search-filters-loading", strings.loading_filters));
  filtersLoaded = pagefindLoaded.then((pagefind) => pagefind.filters());
  // With a query, the counts are those of its results (run); without, of the whole archive.
  filtersLoaded.then((totals) => (query || activeCount() ? run() : renderFilters(totals)), failed);
});

clear.addEventListener("click", () => {
  for (const values of chosen.values()) values.clear();
  writeAddress(true);
  settled = true;
  run();
  pane.querySelector("summary").focus(); // the button is gone: the reader stays in the pane
});

// A search started while the next results' texts load (the query searched again) has said its own count: the click's
// is not said after it (until review32 "Showing 10 of 13 results" replaced the new search's "13 results for …").
more.addEventListener("click", async () => {
  const number = generation;
  const first = await showMore(number);
  if (number !== generation) return;
  if (first) first.querySelector("a").focus(); // the reader goes on reading where the new results start
  say(summary(results.length, [text("showing", { SHOWN: shown, COUNT: results.length })]));
});

// --- the header's box ---

form.addEventListener("submit", (event) => {
  event.preventDefault(); // this page shows the results itself: no reload
  searchFor(box.value, 0);
  settled = true;
});
box.addEventListener("change", () => {
  settled = true;
});
box.addEventListener("input", () => {
  if (box.value.trim() !== query) searchFor(box.value, DEBOUNCE_MS);
});

window.addEventListener("popstate", () => {
  readAddress();
  showQuery();
  window.clearTimeout(timer);
  run();
});

root.hidden = false;
readAddress();
showQuery();
if (query || activeCount()) run();
else box.focus();
