// The start of every HTML page deckmark writes: doctype, language, charset, viewport, title.
import { escapeHtml } from '../markdown/html.js';

/**
 * Everything up to and including `<title>`; the caller adds the rest of `<head>`. `viewport`
 * extends the viewport meta (the phone remote uses `viewport-fit=cover`).
 */
export function documentStart(lang: string, title: string, viewport = ''): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1${viewport ? `, ${escapeHtml(viewport)}` : ''}">
<meta name="generator" content="deckmark">
<title>${escapeHtml(title)}</title>
`;
}
