// Code that runs inside the deck's page, in reveal.js's print view, before Chromium prints it.
// Each function is passed to page.evaluate, so it must not use anything from its module scope.

export interface OverflowReport {
  /** The slide's first source line (its section's data-line). */
  line: number;
  /** Pixels of content past the bottom and past the right edge of the slide, before it was shrunk. */
  overflowY: number;
  overflowX: number;
  /** The scale the slide was shrunk to so that it fits its page. */
  scale: number;
}

/**
 * Code on paper: never clipped (long lines wrap, a long block shows whole; see deckmark.css,
 * `dm-print-code`) and, unless each fragment step gets its own page, a stepped block prints
 * once with every line at full strength. Returns the lines of the slides whose code had lines
 * wider than their block.
 */
export function prepareCodeForPrint(allSteps: boolean): number[] {
  const wide = new Set<number>();
  for (const code of document.querySelectorAll<HTMLElement>('.pdf-page section pre code')) {
    const section = code.closest<HTMLElement>('section[data-line]');
    if (section && code.scrollWidth > code.clientWidth + 1) wide.add(Number(section.dataset.line));
  }
  document.documentElement.classList.add('dm-print-code');
  if (allSteps) document.documentElement.classList.add('dm-print-all-steps');
  return [...wide];
}

/**
 * Swaps each emoji of the printed slides that `images` has a picture of (see emoji-images.ts)
 * for that picture, one em high, with the emoji as its alt text.
 */
export function printEmojiAsImages(images: Record<string, string>): void {
  if (Object.keys(images).length === 0) return;
  const emoji = new RegExp('\\p{RGI_Emoji}', 'gv');
  const walker = document.createTreeWalker(document.querySelector('.reveal .slides')!, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('script, style, svg, textarea') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  for (const text of texts) {
    const value = text.data;
    if (![...value.matchAll(emoji)].some((m) => images[m[0]])) continue;
    const parts: Node[] = [];
    let last = 0;
    for (const match of value.matchAll(emoji)) {
      const src = images[match[0]];
      if (!src) continue;
      parts.push(document.createTextNode(value.slice(last, match.index)));
      const img = document.createElement('img');
      Object.assign(img, { src, alt: match[0], className: 'dm-emoji' });
      for (const [key, val] of Object.entries({
        display: 'inline',
        height: '1em',
        width: '1em',
        margin: '0 0.05em',
        padding: '0',
        border: '0',
        'vertical-align': '-0.1em',
        'box-shadow': 'none',
        background: 'none',
        'max-width': 'none',
        'max-height': 'none',
      }))
        img.style.setProperty(key, val, 'important');
      parts.push(img);
      last = match.index + match[0].length;
    }
    parts.push(document.createTextNode(value.slice(last)));
    text.replaceWith(...parts);
  }
}

/**
 * Shrinks every printed slide whose content is taller or wider than the slide, and reports
 * them: the deck's own runtime does it (src/client/fit.ts), the same fit as on screen.
 */
export function fitOverflowingSlides(): Promise<OverflowReport[]> {
  const fit = (window as unknown as { deckmarkFitPrintView?: () => Promise<OverflowReport[]> }).deckmarkFitPrintView;
  if (!fit) throw new Error("the deck's runtime has no print-view fit (an old build?)");
  return fit();
}

/** Puts each slide's notes under it on a taller page, shrinking long notes until they fit. */
export function layoutNotesBelow(slideWidth: number, slideHeight: number, notesHeight: number, label: string): void {
  const pageHeight = slideHeight + notesHeight;
  const style = document.createElement('style');
  style.textContent = `@page{size:${slideWidth}px ${pageHeight}px;margin:0} .reveal .speaker-notes-pdf::before{content:${JSON.stringify(label)}}`;
  document.head.appendChild(style);
  document.body.style.height = `${pageHeight}px`;
  for (const page of document.querySelectorAll<HTMLElement>('.pdf-page')) {
    page.style.height = `${pageHeight}px`;
    const notes = page.querySelector<HTMLElement>('.speaker-notes-pdf');
    if (!notes) continue;
    Object.assign(notes.style, {
      position: 'absolute',
      top: `${slideHeight}px`,
      bottom: 'auto',
      left: '0px',
      width: `${slideWidth}px`,
      height: `${notesHeight}px`,
      boxSizing: 'border-box',
      padding: '24px 48px',
      overflow: 'hidden',
      background: '#fff',
      color: '#111',
      borderTop: '2px solid #ccc',
      fontSize: '22px',
      lineHeight: '1.4',
    });
    for (let size = 22; size > 9 && notes.scrollHeight > notes.clientHeight; size--) notes.style.fontSize = `${size}px`;
  }
}

/** Rearranges the printed slides onto A4 portrait sheets, `perSheet` slides each. */
export function layoutHandout(perSheet: number, slideWidth: number, slideHeight: number): void {
  const sheetWidth = 794; // A4 at 96 CSS px per inch
  const sheetHeight = 1123;
  const margin = 48;
  const columns = perSheet === 6 ? 2 : 1;
  const rows = perSheet === 6 ? 3 : perSheet;
  const cellWidth = (sheetWidth - 2 * margin - (columns - 1) * 24) / columns;
  const cellHeight = (sheetHeight - 2 * margin - (rows - 1) * 24) / rows;
  const thumbWidth = Math.min(perSheet === 3 ? cellWidth * 0.52 : cellWidth, ((cellHeight - 8) * slideWidth) / slideHeight);
  const scale = thumbWidth / slideWidth;

  const style = document.createElement('style');
  style.textContent = `@page{size:210mm 297mm;margin:0}
    html.reveal-print body{width:${sheetWidth}px!important;height:auto!important}
    .dm-sheet{position:relative;width:${sheetWidth}px;height:${sheetHeight}px;box-sizing:border-box;padding:${margin}px;
      display:grid;grid-template-columns:repeat(${columns},1fr);grid-template-rows:repeat(${rows},1fr);gap:24px;
      page-break-after:always;break-after:page;background:#fff;overflow:hidden}
    .dm-sheet:last-child{page-break-after:avoid;break-after:avoid}
    .dm-cell{display:flex;gap:20px;align-items:flex-start;min-height:0}
    .dm-thumb{position:relative;flex:none;width:${thumbWidth}px;height:${slideHeight * scale}px;overflow:hidden;border:1px solid #bbb}
    .dm-thumb .pdf-page{position:absolute!important;top:0;left:0;width:${slideWidth}px;transform:scale(${scale});transform-origin:0 0;page-break-after:auto!important}
    .dm-lines{flex:1;align-self:stretch;display:flex;flex-direction:column;font:13px/1.4 sans-serif;color:#222}
    .dm-lines .dm-notes{margin-bottom:8px}
    .dm-lines .dm-rule{flex:1;border-bottom:1px solid #999;min-height:22px;max-height:28px}`;
  document.head.appendChild(style);

  const container = document.querySelector('.reveal .slides') as HTMLElement;
  const pages = [...container.querySelectorAll<HTMLElement>(':scope > .pdf-page')];
  container.replaceChildren();
  for (let i = 0; i < pages.length; i += perSheet) {
    const sheet = document.createElement('div');
    sheet.className = 'dm-sheet';
    for (const page of pages.slice(i, i + perSheet)) {
      const cell = document.createElement('div');
      cell.className = 'dm-cell';
      const thumb = document.createElement('div');
      thumb.className = 'dm-thumb';
      thumb.appendChild(page);
      cell.appendChild(thumb);
      if (perSheet === 3) {
        const lines = document.createElement('div');
        lines.className = 'dm-lines';
        const notes = page.querySelector('aside.notes');
        if (notes?.textContent?.trim()) {
          const text = document.createElement('div');
          text.className = 'dm-notes';
          text.innerHTML = notes.innerHTML;
          lines.appendChild(text);
        }
        for (let r = 0; r < 8; r++) lines.appendChild(Object.assign(document.createElement('div'), { className: 'dm-rule' }));
        cell.appendChild(lines);
      }
      sheet.appendChild(cell);
    }
    container.appendChild(sheet);
  }
}

export interface PrintMap {
  /** The 0-based page each slide (by its data-line) first appears on. */
  slidePages: Record<number, number>;
  /** For each element id an in-deck link names (`#/goals`), the data-line of its slide. */
  idLines: Record<string, number>;
  pageCount: number;
}

/** Which page each slide ends up on in the printed layout, and which slide holds each linked id. */
export function mapPrintedPages(): PrintMap {
  // The printed pages are the container's children, in order: slide pages, notes pages, handout sheets.
  const container = document.querySelector('.reveal .slides')!;
  const pages = [...container.children].filter((el) => el.matches('.pdf-page, .dm-sheet, .speaker-notes-pdf'));
  const slidePages: Record<number, number> = {};
  pages.forEach((page, index) => {
    for (const section of page.querySelectorAll<HTMLElement>('section[data-line]')) {
      const line = Number(section.dataset.line);
      if (!(line in slidePages)) slidePages[line] = index;
    }
  });
  const idLines: Record<string, number> = {};
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href^="#/"]')) {
    const id = decodeURIComponent(a.getAttribute('href')!.slice(2)).split('/')[0];
    const section = id && !/^\d+$/.test(id) ? document.getElementById(id)?.closest<HTMLElement>('section[data-line]') : null;
    if (section) idLines[id] = Number(section.dataset.line);
  }
  return { slidePages, idLines, pageCount: pages.length };
}

/**
 * Chromium drops a link to `#/3` from the PDF (no element has that id), so in-deck links get
 * a scheme of their own that it keeps as a URI; finishPdf turns them into links to pages.
 */
export function tagInDeckLinks(): void {
  for (const a of document.querySelectorAll('a[href^="#/"]')) a.setAttribute('href', `deckmark:${a.getAttribute('href')}`);
}
