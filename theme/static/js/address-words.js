// A typed address as the search index holds a source's address: one word of a-z and 0-9, the same however it is written
// (plugins/archive_core/address_words.py makes the index's words: keep the two alike; tests/test_address_words.py runs
// both on the same addresses). `https://www.un.org/en/x#top` is `w03org0302un0200002en002001x001`: after
// ADDRESS_WORD_LETTER, the host's labels from the last, each between its length in two figures (a domain typed is the
// start of its own and its subdomains' words, never of a longer label's: `un.org` is not `un.organic.net`), `www.` left
// out (not of `www.org`), `00`, then the path's segments, each between its length in three figures (a path typed is the
// start of its own and of the paths under it, never of a longer segment's: `un.org/en/hanoi` is not
// `un.org/en/hanoi-convention`), then `000` and the query, so. Percent-escapes are decoded and hosts written in
// punycode (`łódź.example` is `xn--d-uga0v4h.example`, `%C4%99` is `ę`), each letter outside ASCII then as its UTF-8
// bytes in hex. A path cut short with an ellipsis (`un.org/en/hanoi-conv…`) is its segments before the cut one.

export const ADDRESS_WORD_LETTER = "w";
const HOST_END = "00";
const QUERY_START = "000";
const SEGMENT_LENGTH_FIGURES = 3;
const SEGMENT_MAX_HELD = 10 ** SEGMENT_LENGTH_FIGURES - 1;
// The run of punctuation that ends a typed address, and the ellipsis in it that cuts it short. Each run starts after a
// letter, a figure, `_`, `/` or at the start (a lookbehind): a pattern tried from each place in a run read it to its
// end from each (the square of its length: 200,000 `-` pasted took a minute).
const LAST_PUNCTUATION = /(?<![^\p{L}\p{N}_/])[^\p{L}\p{N}_/]*$/u;
const TRAILING_NOT_WORD = /(?<![^\p{L}\p{N}])[^\p{L}\p{N}]+$/u;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//iu;
// A host: a name whose last label is letters, or an IP address (IPv4 in dotted decimal, IPv6 in brackets).
const HOST = String.raw`(?:[\p{L}\p{N}-]+\.)+(?:\p{L}{2,}|xn--[a-z0-9-]+)|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\]`;
const ADDRESS = new RegExp(String.raw`^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:${HOST})(?::\d+)?(?:[/?#]\S*)?$`, "iu");

// The words a typed address (`typed`, with what follows it: `un.org/en/x),`) may be held as: the whole, then without
// its query (an address shared carries one a site adds to track its readers, `?utm_source=...`, that no source has). A
// domain (no path, or `/`) is its host's part only: the start of the words of its addresses and its subdomains'.
export function addressWords(typed) {
  const cut = cutShortAt(typed);
  const core = (cut < 0 ? typed : typed.slice(0, cut).replace(/[/?][^/?]*$/u, "")).replace(TRAILING_NOT_WORD, "");
  if (!ADDRESS.test(core)) return [];
  const bare = core.trim().replace(SCHEME, "").split("#")[0];
  const [, host, rest] = /^([^/?]*)(.*)$/su.exec(bare);
  const held = heldHost(host);
  if (!held) return []; // `[:]`: its word, ADDRESS_WORD_LETTER alone, begins every address's
  const word = (tail) => {
    const path = heldRest(tail);
    return ADDRESS_WORD_LETTER + held + (path ? HOST_END + path : "");
  };
  return [...new Set([word(rest), word(rest.split("?")[0])])];
}

// Where an ellipsis (`…`, `...`) in the punctuation that ends `typed` cuts it short; -1 for none.
function cutShortAt(typed) {
  const run = LAST_PUNCTUATION.exec(typed).index;
  const found = [typed.indexOf("…", run), typed.indexOf("...", run)].filter((at) => at >= 0);
  return found.length ? Math.min(...found) : -1;
}

// The path's segments, each between its length (`/en/x-y/` is `002en002003xy003`), then QUERY_START and the query so,
// where it has one; each decoded after the path is cut at its `/` (an escaped `%2F` cuts no segment).
function heldRest(rest) {
  const at = rest.indexOf("?");
  const [path, query] = at < 0 ? [rest, ""] : [rest.slice(0, at), rest.slice(at + 1)];
  const segments = path.split("/").map((segment) => framed(heldText(decoded(segment))));
  const heldQuery = heldText(decoded(query));
  return segments.join("") + (heldQuery ? QUERY_START + framed(heldQuery) : "");
}

// `held` (its first SEGMENT_MAX_HELD) between its length in SEGMENT_LENGTH_FIGURES figures; nothing for no letter or
// figure. A longer segment's length written in more figures (`1000`) made a shorter one starting with `0` its start.
function framed(whole) {
  const held = whole.slice(0, SEGMENT_MAX_HELD);
  const length = String(held.length).padStart(SEGMENT_LENGTH_FIGURES, "0");
  return held ? length + held + length : "";
}

// `text` with its percent-escapes decoded (UTF-8), NFC; as written where one is not a valid escape.
function decoded(text) {
  let plain = text;
  try {
    plain = decodeURIComponent(text);
  } catch {
    // `100%`, `%C4` alone: kept as written, as the index keeps such an address
  }
  return plain.normalize("NFC");
}

// The host's labels from the last, each between its length, `www.` left out: `www.un.org` is `03org0302un02`.
function heldHost(host) {
  let name = decoded(host.split("@").pop().replace(/:\d*$/u, "")).toLowerCase().replace(/\.+$/u, "");
  try {
    name = new URL(`http://${name}/`).hostname; // `łódź.example` -> `xn--d-uga0v4h.example`
    if (name.startsWith("[")) name = exploded(name.slice(1, -1));
  } catch {
    // not a host the URL parser takes: its letters as written
  }
  const labels = name.split(".").map(heldText).filter(Boolean);
  if (labels.length > 2 && labels[0] === "www") labels.shift(); // `www.org` is a site's name, not the domain `org`
  return labels
    .reverse()
    .map((label) => {
      const length = String(label.length).padStart(2, "0");
      return length + label + length;
    })
    .join("");
}

// An IPv6 address as the URL parser writes it (`2001:db8::1`, its IPv4 part in hex) as its 32 hex figures, as Python's
// `ipaddress` writes it `exploded`: `1::` and `::1` are not one word.
function exploded(address) {
  const [start, end] = address.includes("::") ? address.split("::") : [address, undefined];
  const [head, tail] = [start ? start.split(":") : [], end ? end.split(":") : []];
  const groups = [...head, ...Array(Math.max(0, 8 - head.length - tail.length)).fill("0"), ...tail];
  return groups.map((group) => group.padStart(4, "0")).join("");
}

// The letters and figures of `text`, lowercase, each outside ASCII as its UTF-8 bytes in hex (`ę` is `c499`).
const UTF8 = new TextEncoder();

function heldText(text) {
  return [...text.toLowerCase()]
    .filter((char) => /[\p{L}\p{N}]/u.test(char))
    .map((char) => (char < "\x80" ? char : Array.from(UTF8.encode(char), (byte) => byte.toString(16).padStart(2, "0")).join("")))
    .join("");
}
