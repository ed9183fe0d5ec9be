// Rules about what slides point at: images without alt text, and links whose URL is
// malformed (form only: nothing is fetched).
import type { Deck, Diagnostic } from '../model/deck.js';
import { diagnostic } from '../model/diagnostic.js';
import { allSlides } from './diagnostic.js';

export function checkAltText(deck: Deck): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const slide of allSlides(deck)) {
    for (const image of slide.images) {
      if (image.alt.trim() !== '') continue;
      const how = image.from === 'markdown' ? 'in ![…](…)' : 'in its alt="…"';
      const message = `image "${image.src}" has no alt text: write what it shows ${how}`;
      out.push(diagnostic('warning', 'alt-text', message, { file: deck.file, line: image.line }));
    }
  }
  return out;
}

/** Why a link's URL is malformed, or undefined when its form is fine. */
export function urlProblem(href: string): string | undefined {
  if (href.trim() === '') return 'the link has no URL';
  if (/\s/.test(href)) return 'the URL contains a space (write %20, or <…> around it)';
  if (/^(https?)\/\//i.test(href) || /^(https?):\/?[^/]/i.test(href) || /^(https?):\/{3,}/i.test(href)) return 'the URL is missing "://"';
  if (/^www\./i.test(href)) return 'the URL has no scheme: it would be read as a file next to the deck (add https://)';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
  if (!scheme) return undefined; // a relative path or an in-deck anchor
  if (scheme === 'mailto') return /^mailto:[^@\s]+@[^@\s]+\.[^@\s]+/i.test(href) ? undefined : 'not an e-mail address';
  if (scheme === 'http' || scheme === 'https') {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      return 'the URL cannot be parsed';
    }
    const host = url.hostname;
    if (!host) return 'the URL has no host';
    if (!/^(localhost|\[[\da-f:.]+\]|[\w-]+(\.[\w-]+)*\.[a-z\d-]{2,}|\d+\.\d+\.\d+\.\d+)$/i.test(host) || /\.\./.test(host)) {
      return `"${host}" is not a host name`;
    }
  }
  return undefined;
}

export function checkLinks(deck: Deck): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const slide of allSlides(deck)) {
    for (const link of slide.links) {
      const why = urlProblem(link.href);
      if (why) out.push(diagnostic('error', 'link', `malformed link "${link.href}": ${why}`, { file: deck.file, line: link.line }));
    }
  }
  return out;
}
