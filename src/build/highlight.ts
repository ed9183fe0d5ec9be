// Build-time code highlighting with shiki, loaded only when a deck has code in a language.
// The high-contrast palettes keep every token at WCAG AA on the themes' code backgrounds.
import type { Highlighter } from '../markdown/plugins/code-blocks.js';
import { escapeHtml } from '../markdown/html.js';

const FENCE_LANG = /^[ \t]*(?:`{3,}|~{3,})[ \t]*([\w#+.-]+)/gm;

/** The languages named on the deck's code fences. */
export function fenceLanguages(text: string): string[] {
  return [...new Set([...text.matchAll(FENCE_LANG)].map((m) => m[1].toLowerCase()))];
}

/** A highlighter for the languages of `text`, or undefined when it has no code in a known language. */
export async function loadHighlighter(text: string): Promise<Highlighter | undefined> {
  const wanted = fenceLanguages(text);
  if (wanted.length === 0) return undefined;
  const shiki = await import('shiki');
  const langs = wanted.filter((l) => l in shiki.bundledLanguages);
  if (langs.length === 0) return undefined;
  const { createJavaScriptRegexEngine } = await import('shiki/engine/javascript');
  const highlighter = await shiki.createHighlighter({
    themes: ['github-light-high-contrast', 'github-dark-high-contrast'],
    langs: langs as Array<keyof typeof shiki.bundledLanguages>,
    engine: createJavaScriptRegexEngine(),
  });
  const loaded = new Set(highlighter.getLoadedLanguages());
  return (code, lang) => {
    const name = lang.toLowerCase();
    if (!loaded.has(name)) return undefined;
    const { tokens } = highlighter.codeToTokens(code, {
      lang: name as keyof typeof shiki.bundledLanguages,
      themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
      defaultColor: false,
    });
    return tokens.map((line) =>
      line
        .map((t) => {
          const style = Object.entries(t.htmlStyle ?? {})
            .map(([k, v]) => `${k}:${v}`)
            .join(';');
          return style ? `<span style="${escapeHtml(style)}">${escapeHtml(t.content)}</span>` : escapeHtml(t.content);
        })
        .join(''),
    );
  };
}
