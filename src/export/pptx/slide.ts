// One deck slide on one PowerPoint slide: the background, the title in the title placeholder,
// the body's blocks stacked and centred as reveal.js centres them (shrunk when they do not fit,
// as the PDF does), and the speaker notes.
import type { Pres } from './pptxgen.js';
import type { Slide } from '../../model/deck.js';
import { parasHeight, StackBlock, type SlideContext } from './block.js';
import { Canvas } from './canvas.js';
import { flowBlocks } from './flow.js';
import { Element, collapsedText, elements, hasClass, isElement, parseHtml, type ChildNode } from './html.js';
import { inlineRuns, type Para } from './text.js';

export const TITLE_MASTER = 'DECKMARK';
/** The title frame's name, by which write-pptx makes it the slide's title placeholder. */
export const TITLE_NAME = 'Title';

/** The node that is the slide's title: its first heading, when it comes first. */
function titleNode(nodes: ChildNode[], title: string): Element | undefined {
  const first = nodes.find((n) => n instanceof Element || collapsedText(n) !== '');
  return first && isElement(first, 'h1', 'h2', 'h3') && title !== '' ? first : undefined;
}

function isFootnotes(node: ChildNode): boolean {
  return hasClass(node, 'footnotes');
}

/** Notes as plain text: a line per paragraph or list item. */
function notesText(html: string): string {
  const lines: string[] = [];
  const walk = (nodes: ChildNode[]): void => {
    for (const n of nodes) {
      if (!(n instanceof Element)) {
        if (collapsedText(n)) lines.push(collapsedText(n));
      } else if (n.name === 'li') lines.push(`• ${collapsedText(n)}`);
      else if (['ul', 'ol', 'div', 'section', 'blockquote'].includes(n.name) && elements(n).length > 0) walk(n.children);
      else if (collapsedText(n)) lines.push(collapsedText(n));
    }
  };
  walk(parseHtml(html));
  return lines.join('\n');
}

export interface SlideSpec {
  width: number;
  height: number;
  lang: string;
}

export function writeSlide(pres: Pres, slide: Slide, ctx: SlideContext, spec: SlideSpec): void {
  const out = pres.addSlide({ masterName: TITLE_MASTER });
  const theme = ctx.theme;
  const palette = ctx.palette;
  const background = slide.attributes['data-background-image'];
  const picture = background ? ctx.picture(background) : undefined;
  out.background = picture ? { data: picture.data } : { color: palette.bg };
  if (background && !picture)
    ctx.warn('pptx-left-out', `the background image ${background} could not be read and is left out of the .pptx`);

  const nodes = parseHtml(slide.html);
  const heading = titleNode(nodes, slide.title);
  const size = theme.fontSize;
  const isTitleSlide = heading?.name === 'h1';
  const titleSize = size * (isTitleSlide ? theme.h1 : theme.h2);
  const title: Para[] = heading
    ? [
        {
          runs: inlineRuns(heading.children, ctx),
          size: titleSize,
          font: theme.fonts.heading,
          color: palette.heading,
          bold: true,
          level: 0,
          spaceBefore: 0,
          align: 'left',
        },
      ]
    : [];
  // A title slide's text is set in the muted colour under its big heading, as the theme does.
  const bodyCtx = isTitleSlide ? { ...ctx, palette: { ...palette, fg: palette.muted } } : ctx;
  // Footnotes sit at the foot of the slide under a hairline, as the theme sets them.
  const footnotes = new StackBlock(flowBlocks(bodyCtx, nodes.filter(isFootnotes), size), 0);
  const body = new StackBlock(
    flowBlocks(
      bodyCtx,
      nodes.filter((n) => n !== heading && !isFootnotes(n)),
      size,
    ),
    size * 0.7,
  );

  const width = spec.width - 2 * theme.padX;
  const room = spec.height - 2 * theme.padY;
  const titleGap = titleSize * 0.5;
  const footGap = footnotes.blocks.length > 0 ? size * 0.8 : 0;
  const total = (scale: number): number =>
    (title.length > 0 ? parasHeight(title, width, scale) * 1.05 + titleGap * scale : 0) +
    body.height(width, scale) +
    footnotes.height(width, scale) +
    footGap * scale;
  // Shrink until it fits (a few rounds: wrapping changes as the text gets smaller).
  let scale = 1;
  for (let i = 0; i < 6 && total(scale) > room; i++) scale = Math.max(0.35, scale * Math.min(0.97, room / total(scale)));
  const footH = footnotes.height(width, scale);
  const top = theme.padY + Math.max(0, (room - footH - footGap * scale - (total(scale) - footH - footGap * scale)) / 2);

  const canvas = new Canvas(pres, out, spec.lang);
  let y = top;
  if (title.length > 0) {
    const h = parasHeight(title, width, scale) * 1.05;
    if (isTitleSlide)
      canvas.shape({ x: theme.padX, y: y - 40 * scale, w: 80 * scale, h: 7 * scale }, { fill: palette.accent, radius: 3 * scale });
    canvas.text(title, { x: theme.padX, y, w: width, h }, scale, { name: TITLE_NAME });
    y += h + titleGap * scale;
  }
  body.draw(canvas, { x: theme.padX, y, w: width, h: body.height(width, scale) }, scale);
  if (footH > 0) {
    const footY = spec.height - theme.padY - footH;
    canvas.shape({ x: theme.padX, y: footY - 12 * scale, w: width, h: 1 }, { fill: palette.border });
    footnotes.draw(canvas, { x: theme.padX, y: footY, w: width, h: footH }, scale);
  }
  const notes = notesText(slide.notes);
  if (notes) out.addNotes(notes);
}
