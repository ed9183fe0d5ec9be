// A deck as an editable PowerPoint file (pptxgenjs): slide size, theme fonts, a master with a
// title placeholder, one slide per deck slide, document properties. No browser is involved here:
// display math is drawn as pictures by the caller's `drawMath` (export/math-pictures.ts), raw
// HTML parts (an iframe, a canvas) shot by its `drawParts` (export/part-pictures.ts).
import path from 'node:path';
import JSZip from 'jszip';
import { PptxGenJS } from './pptxgen.js';
import type { Deck, Diagnostic } from '../../model/deck.js';
import { DeckError } from '../../model/deck-error.js';
import { diagnostic } from '../../model/diagnostic.js';
import type { SlideContext } from './block.js';
import { displayMath, mathKey, type MathPictures, type MathRequest } from './math.js';
import { pictureReader, svgPicture } from './pictures.js';
import { partIndex, partKey, partLine, partName, partRequests, type PartPictures, type PartRequest } from './raw-parts.js';
import { TITLE_MASTER, TITLE_NAME, writeSlide } from './slide.js';
import { flatSlides, linkResolver } from './slide-links.js';
import { readTheme, slidePalette } from './theme.js';

export interface PptxResult {
  bytes: Uint8Array;
  slides: number;
  diagnostics: Diagnostic[];
}

export interface PptxOptions {
  /** Draws display formulas as pictures (in a browser); without it, or without a browser, they are their TeX as text. */
  drawMath?: (requests: MathRequest[]) => Promise<MathPictures>;
  /** Shoots raw HTML parts as the built deck shows them (in a browser); without it, or without a browser, they are left out. */
  drawParts?: (requests: PartRequest[]) => Promise<PartPictures>;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Repairs what pptxgenjs writes: it repeats a paragraph's properties before every run, which
 * is not valid OOXML; it places a placeholder only where its master says (so the title is a
 * named frame made a placeholder here); it has no field for the document's language, nor for a
 * bullet's colour (the theme's accent, `bulletColours[n - 1]` on slide n).
 */
async function finishPackage(bytes: Uint8Array, deck: Deck, bulletColours: string[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    const colour = bulletColours[Number(/slide(\d+)\.xml$/.exec(name)![1]) - 1];
    const title = new RegExp(`(name="${TITLE_NAME}">?(?:</p:cNvPr>)?)<p:cNvSpPr/><p:nvPr></p:nvPr>`);
    zip.file(
      name,
      xml
        .replace(/(<\/a:r>)<a:pPr\b[^>]*?(?:\/>|>.*?<\/a:pPr>)/g, '$1')
        // The title frame is written where the slide has it; as the title placeholder, outlines and screen readers find it.
        .replace(title, '$1<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr>')
        .replace(/<a:buSzPct val="100000"\/><a:buChar /g, `<a:buClr><a:srgbClr val="${colour}"/></a:buClr>$&`),
    );
  }
  const core = await zip.file('docProps/core.xml')!.async('string');
  const language = `<dc:language>${escapeXml(deck.meta.lang)}</dc:language>`;
  zip.file(
    'docProps/core.xml',
    core.replace(/<cp:lastModifiedBy>[^<]*<\/cp:lastModifiedBy>/, `<cp:lastModifiedBy>deckmark</cp:lastModifiedBy>${language}`),
  );
  // Level 3: nearly the size of the default level in half the time (the pictures inside are compressed already).
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 3 } });
}

/** Writes the deck built into `deckDir` (its pictures and `assets/theme.css` are read from there). */
export async function renderPptx(deck: Deck, deckDir: string, themeCss: string, options: PptxOptions = {}): Promise<PptxResult> {
  const theme = readTheme(deck, themeCss);
  const diagnostics: Diagnostic[] = [];
  // Every display formula, in its slide's text colour, drawn at once.
  const formulas = flatSlides(deck).flatMap((slide) => {
    const color = slidePalette(theme, slide.attributes).fg;
    return displayMath(slide.html).map((f) => ({ ...f, color, fontSize: theme.fontSize, line: slide.range.start }));
  });
  const drawn = formulas.length > 0 && options.drawMath ? await options.drawMath(formulas) : new Map();
  if ('unavailable' in drawn) {
    const message = `display math is written as text in the .pptx, not as pictures: ${drawn.unavailable}`;
    diagnostics.push(diagnostic('warning', 'pptx-math-text', message, { file: deck.file, line: formulas[0].line }));
  }
  const mathPictures = 'unavailable' in drawn ? new Map() : drawn;
  const parts = flatSlides(deck).flatMap(partRequests);
  const shot = parts.length > 0 && options.drawParts ? await options.drawParts(parts) : new Map<string, never>();
  if ('unavailable' in shot) {
    const first = flatSlides(deck)[parts[0].slide];
    const counted = parts.length === 1 ? 'a raw HTML part is' : `${parts.length} raw HTML parts are`;
    // The reason is no browser, or one that failed (crashed, the deck's page did not load).
    const message = `${counted} left out of the .pptx, not drawn as pictures (that needs a browser): ${shot.unavailable}`;
    diagnostics.push(
      diagnostic('warning', 'pptx-no-browser', message, { file: deck.file, line: first.embeds[0]?.line ?? first.range.start }),
    );
  }
  const partPictures = 'unavailable' in shot ? new Map() : shot;
  const { width, height } = deck.meta.size;
  const pres = new PptxGenJS();
  pres.defineLayout({ name: 'DECK', width: width / 96, height: height / 96 });
  pres.layout = 'DECK';
  pres.title = deck.meta.title;
  pres.author = deck.meta.author ?? '';
  pres.subject = deck.meta.description ?? '';
  pres.company = '';
  pres.theme = { headFontFace: theme.fonts.heading, bodyFontFace: theme.fonts.body };
  pres.defineSlideMaster({
    title: TITLE_MASTER,
    objects: [{ placeholder: { options: { name: 'title', type: 'title', x: 0.75, y: 0.4, w: width / 96 - 1.5, h: 1 }, text: '' } }],
  });

  const picture = pictureReader(deckDir);
  const link = linkResolver(deck);
  const bulletColours: string[] = [];
  for (const [n, slide] of flatSlides(deck).entries()) {
    const palette = slidePalette(theme, slide.attributes);
    bulletColours.push(palette.accent);
    const ctx: SlideContext = {
      theme,
      palette,
      link,
      picture,
      svgPicture,
      mathPicture: (tex) => mathPictures.get(mathKey({ tex, color: palette.fg, fontSize: theme.fontSize })),
      part: (node) => ({ picture: partPictures.get(partKey(n, partIndex(node))), name: partName(node), line: partLine(slide, node) }),
      diagnostics,
      warn: (code, message, line = slide.range.start) => diagnostics.push(diagnostic('warning', code, message, { file: deck.file, line })),
    };
    writeSlide(pres, slide, ctx, { width, height, lang: deck.meta.lang });
  }
  try {
    const written = (await pres.write({ outputType: 'uint8array' })) as Uint8Array;
    return { bytes: await finishPackage(written, deck, bulletColours), slides: flatSlides(deck).length, diagnostics };
  } catch (error) {
    throw new DeckError(
      'export-failed',
      `PowerPoint export of ${deck.file ?? path.basename(deckDir)} failed: ${(error as Error).message}`,
      {
        file: deck.file,
      },
    );
  }
}
