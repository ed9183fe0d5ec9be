// The plain text of inline tokens: what a heading, link, image's alt or table cell says, with
// its markup dropped. Every reader of "what does this say" (titles, link texts, alt texts,
// video titles, chart cells, card names) uses this one reading.
import type { Token } from 'markdown-it';

/** Text and code spans joined, line breaks as spaces, an image's alt text included; spaces collapsed, trimmed. */
export function inlineText(tokens: readonly Token[] | null | undefined): string {
  const walk = (children: readonly Token[] | null | undefined): string =>
    (children ?? [])
      .map((t) =>
        t.type === 'text' || t.type === 'code_inline'
          ? t.content
          : t.type === 'softbreak' || t.type === 'hardbreak'
            ? ' '
            : walk(t.children),
      )
      .join('');
  return walk(tokens).replace(/\s+/g, ' ').trim();
}
