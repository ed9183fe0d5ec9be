// balanceHtml: an author's raw HTML stays inside its slide (found by the fuzz test).
import { describe, expect, it } from 'vitest';
import { balanceHtml } from '../../src/compile/balance-html.js';
import { parseDeck } from '../../src/compile/parse-deck.js';
import { renderDeck } from '../../src/compile/render-deck.js';
import { expectWholeDeck } from './helpers.js';

describe('balanceHtml', () => {
  it.each([
    ['<p>text</p>\n<div class="x"><img src="a.png" alt=""><br></div>\n', 'well-formed HTML'],
    ['<svg viewBox="0 0 1 1"><path d="M0 0"/></svg>', 'self-closing SVG'],
    ['<p title="a > b">x</p>', 'a > inside a quoted value'],
    ['<script>if (a < b) document.write("</p>")</script>', 'markup inside a script'],
    ['<!-- </div> -->', 'a comment'],
    ['1 < 2 and a<-b', 'a < that starts no tag'],
  ])('leaves %j alone (%s)', (html) => {
    expect(balanceHtml(html)).toBe(html);
  });

  it.each([
    ['<p>a</p></div></section>', '<p>a</p>'],
    ['<div><b>bold', '<div><b>bold</b></div>'],
    ['<div><span>x</div>', '<div><span>x</span></div>'],
    ['<script>alert(1)', '<script>alert(1)</script>'],
    ['<!-- never closed', '<!-- never closed -->'],
    ["<img src='https://example.org <p>x</p>", "&lt;img src='https://example.org <p>x</p>"],
  ])('balances %j', (html, want) => {
    expect(balanceHtml(html)).toBe(want);
  });
});

describe('raw HTML that is not whole', () => {
  it.each([
    ['a stray </div>', '# A\n\n<div>in</div>\n</div></div>\n\n---\n\n# B\n'],
    ['an unclosed <div>', '# A\n\n<div class="two-column">\n\n<b>bold\n\n---\n\n# B\n'],
    ['an unclosed <script>', '# A\n\n<script>\nlet a = 1;\n\n---\n\n# B\n'],
    ['an unterminated quote', '# A\n\n<img src=\'x.png alt="a">\n\n---\n\n# B\n'],
    ['a stray </div> in the notes', '# A\n\nNote: said </div></section>\n\n---\n\n# B\n'],
  ])('stays in its slide: %s', (_, text) => {
    const deck = parseDeck(text);
    expect(deck.slides).toHaveLength(2);
    expectWholeDeck(renderDeck(deck, { styles: [], scripts: [] }), deck);
  });
});
