// Bare URLs become links, as in reveal.js's marked (GFM). markdown-it 15 (linkify-it 6) no
// longer links a bare `www.example.com` or `example.com`, and cuts `http://user:pass@host` at
// the colon: both are back, as in markdown-it 14 (marked links the `www.` one and the whole
// `user:pass@` URL). linkify-it finds bare domains with one large regex tried at every word
// boundary of a text: a quarter of a deck's parse. A bare domain holds a dot followed by a letter
// (its top-level domain's first), so text without one is searched for schemes (`https:`,
// `mailto:`, `//`) and e-mail addresses only: the same links, found without that regex.
import { LinkifyIt } from 'linkify-it';
import type { MarkdownIt } from 'markdown-it';

const MAYBE_BARE_DOMAIN = /\.\p{L}/u;

export function linkifyPlugin(md: MarkdownIt): void {
  const options = { fuzzyLink: true, urlAuth: true };
  const withBareDomains = new LinkifyIt().set(options);
  const withoutBareDomains = new LinkifyIt().set({ ...options, fuzzyLink: false });
  const searcher = (text: string): LinkifyIt => (MAYBE_BARE_DOMAIN.test(text) ? withBareDomains : withoutBareDomains);
  // The three methods markdown-it's linkify rules call; a scheme at the start needs no bare domains.
  const linkify: Pick<LinkifyIt, 'test' | 'match' | 'matchAtStart'> = {
    test: (text) => searcher(text).test(text),
    match: (text) => searcher(text).match(text),
    matchAtStart: (text) => withBareDomains.matchAtStart(text),
  };
  md.linkify = linkify as LinkifyIt;
}
