// An incremental PDF export prints only the slides that changed (src/export/pdf-reuse.ts): the
// others are emptied before reveal.js lays the print view out, so they cost a blank page that is
// never printed, and every slide keeps its place (its page, its slide number).

/** Empties every slide whose `data-line` is not in `lines`; no list, no change. */
export function keepOnlyForPrint(lines: unknown): void {
  if (!Array.isArray(lines)) return;
  const keep = new Set(lines.map(Number));
  for (const section of document.querySelectorAll<HTMLElement>('.reveal .slides section[data-line]')) {
    if (keep.has(Number(section.dataset.line))) continue;
    section.replaceChildren();
    // Nothing of it is printed: its background need not load either.
    for (const name of section.getAttributeNames()) if (name.startsWith('data-background')) section.removeAttribute(name);
  }
}
