// Reads a .pptx back (unzip + XML, jszip and cheerio in XML mode): each slide's title, the text
// of its text frames, its pictures, tables, links and notes, and the document's properties.
import { readFileSync } from 'node:fs';
import * as cheerio from 'cheerio';
import JSZip from 'jszip';

interface PptxSlide {
  /** The text of the title placeholder. */
  title: string;
  /** Every paragraph of every text frame (tables included), in order. */
  paragraphs: string[];
  /** `<p:pic>` descriptions (alt text). */
  pictures: string[];
  tables: number;
  /** Links: external addresses, or `slide:N` for a jump to slide N. */
  links: string[];
  /** Attributes of each paragraph's properties (`lvl`), with its bullet (`buChar`, `buAutoNum`) and text. */
  bullets: Array<{ text: string; kind: 'char' | 'number'; level: number }>;
  /** Bold runs' text. */
  bold: string[];
  italic: string[];
  background: string | undefined;
  notes: string;
  xml: string;
}

export interface PptxContents {
  slides: PptxSlide[];
  /** Slide size in inches. */
  width: number;
  height: number;
  core: Record<string, string>;
  fonts: { major: string; minor: string };
}

const EMU = 914400;

async function text(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  return file ? file.async('string') : '';
}

export async function readPptx(file: string): Promise<PptxContents> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const presentation = cheerio.load(await text(zip, 'ppt/presentation.xml'), { xml: true });
  const size = presentation('p\\:sldSz');
  const count = presentation('p\\:sldIdLst > p\\:sldId').length;
  const slides: PptxSlide[] = [];
  for (let n = 1; n <= count; n++) {
    const xml = await text(zip, `ppt/slides/slide${n}.xml`);
    const $ = cheerio.load(xml, { xml: true });
    const rels = cheerio.load(await text(zip, `ppt/slides/_rels/slide${n}.xml.rels`), { xml: true });
    const target = (id: string): string => {
      const rel = rels(`Relationship[Id="${id}"]`);
      const to = rel.attr('Target') ?? '';
      return /slide$/.test(rel.attr('Type') ?? '') ? `slide:${/slide(\d+)\.xml/.exec(to)?.[1]}` : to;
    };
    const paraText = (p: cheerio.Cheerio<never>): string =>
      $(p)
        .find('a\\:t')
        .map((_, t) => $(t).text())
        .get()
        .join('');
    const title = $('p\\:sp')
      .filter((_, sp) => $(sp).find('p\\:ph[type="title"]').length > 0)
      .find('a\\:p')
      .map((_, p) => paraText($(p) as never))
      .get()
      .filter((t) => t !== '')
      .join(' ');
    const paragraphs = $('a\\:p')
      .map((_, p) => paraText($(p) as never))
      .get()
      .filter((t) => t !== '');
    const bullets = $('a\\:p')
      .filter((_, p) => $(p).find('a\\:pPr > a\\:buChar, a\\:pPr > a\\:buAutoNum').length > 0)
      .map((_, p) => ({
        text: paraText($(p) as never),
        kind: $(p).find('a\\:buAutoNum').length > 0 ? ('number' as const) : ('char' as const),
        level: Number($(p).find('a\\:pPr').attr('lvl') ?? 0),
      }))
      .get();
    const runsWith = (attr: string): string[] =>
      $(`a\\:r`)
        .filter((_, r) => $(r).find(`a\\:rPr[${attr}="1"]`).length > 0)
        .map((_, r) => $(r).find('a\\:t').text())
        .get();
    const notesXml = await text(zip, `ppt/notesSlides/notesSlide${n}.xml`);
    const notes$ = cheerio.load(notesXml, { xml: true });
    slides.push({
      title,
      paragraphs,
      pictures: $('p\\:pic p\\:cNvPr')
        .map((_, e) => $(e).attr('descr') ?? '')
        .get(),
      tables: $('a\\:tbl').length,
      links: $('a\\:hlinkClick')
        .map((_, e) => target($(e).attr('r:id') ?? ''))
        .get(),
      bullets,
      bold: runsWith('b'),
      italic: runsWith('i'),
      background: $('p\\:bg a\\:srgbClr').attr('val'),
      notes: notes$('p\\:sp')
        .filter((_, sp) => notes$(sp).find('p\\:ph[type="body"]').length > 0)
        .find('a\\:t')
        .map((_, t) => notes$(t).text())
        .get()
        .join('\n'),
      xml,
    });
  }
  const core$ = cheerio.load(await text(zip, 'docProps/core.xml'), { xml: true });
  const core: Record<string, string> = {};
  core$('cp\\:coreProperties > *').each((_, e) => {
    core[(e as unknown as { name: string }).name] = core$(e).text();
  });
  const theme$ = cheerio.load(await text(zip, 'ppt/theme/theme1.xml'), { xml: true });
  return {
    slides,
    width: Number(size.attr('cx')) / EMU,
    height: Number(size.attr('cy')) / EMU,
    core,
    fonts: {
      major: theme$('a\\:majorFont > a\\:latin').attr('typeface') ?? '',
      minor: theme$('a\\:minorFont > a\\:latin').attr('typeface') ?? '',
    },
  };
}
