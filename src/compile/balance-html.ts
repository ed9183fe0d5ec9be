// Keeps an author's raw HTML inside its slide. reveal.js's own Markdown plugin sets each slide
// with innerHTML, so a stray `</div>` or an unclosed `<div>`, `<script>` or `<!--` stays in
// that slide; in one static page it would close `.slides` early or swallow the rest of the
// deck. This drops closing tags that close nothing open in the slide, closes what is left
// open, and shows a `<` that starts no complete tag as text.
// Not an HTML5 parser: parse5 (parseFragment + serialize) kept every slide whole too, but
// rewrote 166 of the corpus's 994 slide and note texts (quotes, entities, `/>`, copied
// formatting elements), dropped the rest of a slide after an unclosed tag where this shows it
// as text, and took 12× as long (issue 18, measured on the test corpus).

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose content is text up to their own closing tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);

/** A whole tag: name, then anything up to the first `>` outside a quoted value. */
const TAG = /<(\/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;

/** `html` with its tags balanced (see above); text and well-formed HTML come back unchanged. */
export function balanceHtml(html: string): string {
  let out = '';
  const open: string[] = [];
  // No tag completes after the last `>`: without this, each `<` of `<a <a <a …` would rescan to the end.
  const lastGt = html.lastIndexOf('>');
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 2);
      if (end < 0) {
        out += `${html.slice(lt)} -->`;
        break;
      }
      out += html.slice(lt, end + 3);
      i = end + 3;
      continue;
    }
    TAG.lastIndex = lt;
    const m = lt < lastGt ? TAG.exec(html) : null;
    if (!m) {
      // A `<` that starts no complete tag (`<img src='…` never closed) is text.
      out += /^<[a-zA-Z/!?]/.test(html.slice(lt, lt + 2)) ? '&lt;' : '<';
      i = lt + 1;
      continue;
    }
    const [tag, closing, rawName, rest] = m;
    const name = rawName.toLowerCase();
    i = lt + tag.length;
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at < 0) continue; // closes nothing of this slide: dropped
      while (open.length > at) out += `</${open.pop()}>`;
      continue;
    }
    out += tag;
    if (VOID.has(name) || rest.trimEnd().endsWith('/')) continue;
    if (RAW_TEXT.has(name)) {
      const end = new RegExp(`</${name}`, 'gi');
      end.lastIndex = i;
      const found = end.exec(html);
      const close = found ? html.indexOf('>', found.index) : -1;
      if (close < 0) {
        out += `${html.slice(i)}</${name}>`;
        i = html.length;
      } else {
        out += html.slice(i, close + 1);
        i = close + 1;
      }
      continue;
    }
    open.push(name);
  }
  while (open.length) out += `</${open.pop()}>`;
  return out;
}
