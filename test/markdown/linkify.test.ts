// The bare-URL search (src/markdown/plugins/linkify.ts) skips linkify-it's bare-domain search for
// text without a dot before a letter. It must find exactly the links linkify-it itself finds with
// bare domains on: checked on texts made at random from pieces that are, or almost are, links.
import { LinkifyIt } from 'linkify-it';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/compile/parse-deck.js';
import { createMarkdown } from '../../src/markdown/create-markdown.js';
import { seededRandom } from '../helpers/random.js';

const PIECES = [
  'Besøk',
  'nrk.no',
  'www.example.org',
  'example.com/sti?q=1',
  'пример.рф',
  'xn--bcher-kva.example',
  'https://example.org/a',
  'http://user:pass@example.com/x',
  'mailto:post@example.no',
  'post@example.no',
  '//localhost:8080/x',
  'ftp://files.example.net',
  'Mål for året.',
  '1. punkt',
  'kl. 10:30',
  'Ansvar:',
  'e.g',
  'a.b',
  '3.14',
  '192.168.0.1',
  'localhost',
  '…',
  '«sitat»',
  '(www.example.org)',
  'slutt.',
  'æøå',
];

describe('bare URLs', () => {
  it('are found exactly as linkify-it finds them with bare domains on', () => {
    const md = createMarkdown();
    const reference = new LinkifyIt().set({ fuzzyLink: true, urlAuth: true });
    const next = seededRandom(19);
    for (let n = 0; n < 3000; n++) {
      const words = Array.from({ length: 1 + Math.floor(next() * 6) }, () => PIECES[Math.floor(next() * PIECES.length)]);
      const text = words.join(next() < 0.5 ? ' ' : '');
      expect(md.linkify.test(text), text).toBe(reference.test(text));
      expect(md.linkify.match(text), text).toEqual(reference.match(text));
    }
  });

  it('are linked in a slide, bare domains included', () => {
    const { html } = parseDeck('Se nrk.no, www.example.org og пример.рф, eller skriv til post@example.no.\n').slides[0];
    expect([...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'http://nrk.no',
      'http://www.example.org',
      'http://xn--e1afmkfd.xn--p1ai',
      'mailto:post@example.no',
    ]);
  });
});
