// Drawing on one PowerPoint slide in the deck's own CSS pixels: text frames, shapes, pictures
// and tables, converted to the inches pptxgenjs takes.
import type { ChartName, ChartOptions, ChartSeries, Pres, PptxSlide, TableRow } from './pptxgen.js';
import { pt, toTextProps, type Para } from './text.js';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ShapeStyle {
  fill?: string;
  line?: string;
  lineWidth?: number;
  /** Corner radius in CSS pixels. */
  radius?: number;
}

export interface TableCellSpec {
  paras: Para[];
  header: boolean;
  align?: 'left' | 'center' | 'right';
}

const PX_PER_INCH = 96;

function inches(box: Box): { x: number; y: number; w: number; h: number } {
  return { x: box.x / PX_PER_INCH, y: box.y / PX_PER_INCH, w: box.w / PX_PER_INCH, h: box.h / PX_PER_INCH };
}

/** pptxgenjs takes a corner radius in inches, at most half the shorter side. */
function radius(box: Box, px: number): number {
  return Math.min(px, Math.min(box.w, box.h) / 2) / PX_PER_INCH;
}

export class Canvas {
  constructor(
    private readonly pres: Pres,
    readonly slide: PptxSlide,
    readonly lang: string,
  ) {}

  text(paras: Para[], box: Box, scale: number, options: { valign?: 'top' | 'middle' | 'bottom'; name?: string } = {}): void {
    if (paras.every((p) => p.runs.length === 0)) return;
    this.slide.addText(toTextProps(paras, scale, this.lang), {
      ...inches(box),
      margin: 0,
      valign: options.valign ?? 'top',
      objectName: options.name,
      fit: 'none',
    });
  }

  shape(box: Box, style: ShapeStyle): void {
    const rounded = (style.radius ?? 0) > 0;
    this.slide.addShape(rounded ? this.pres.ShapeType.roundRect : this.pres.ShapeType.rect, {
      ...inches(box),
      fill: style.fill ? { color: style.fill } : { type: 'none' },
      line: style.line ? { color: style.line, width: pt(style.lineWidth ?? 1) } : { type: 'none' },
      rectRadius: rounded ? radius(box, style.radius!) : undefined,
    });
  }

  /** A shape holding text: a card's body that moves with its text when edited. */
  textShape(paras: Para[], box: Box, scale: number, style: ShapeStyle, padding: number, valign: 'top' | 'middle' = 'top'): void {
    const rounded = (style.radius ?? 0) > 0;
    this.slide.addText(toTextProps(paras, scale, this.lang), {
      ...inches(box),
      shape: rounded ? this.pres.ShapeType.roundRect : this.pres.ShapeType.rect,
      fill: style.fill ? { color: style.fill } : undefined,
      line: style.line ? { color: style.line, width: pt(style.lineWidth ?? 1) } : undefined,
      rectRadius: rounded ? radius(box, style.radius!) : undefined,
      margin: pt(padding),
      valign,
      fit: 'none',
    });
  }

  image(data: string, box: Box, altText: string, link?: string): void {
    this.slide.addImage({ data, ...inches(box), altText, hyperlink: link ? { url: link } : undefined });
  }

  /** A native chart (its data stays editable in PowerPoint), `altText` its description. */
  chart(type: ChartName, series: ChartSeries[], box: Box, options: ChartOptions): void {
    this.slide.addChart(type, series, { lang: this.lang, ...options, ...inches(box) });
  }

  /** A table ruled as the themes rule one: a strong line under the header row, a hairline under each row. */
  table(rows: TableCellSpec[][], box: Box, colWidths: number[], scale: number, style: { rule: string; headerRule: string }): void {
    const none = { type: 'none' as const };
    const cells: TableRow[] = rows.map((row) =>
      row.map((cell) => ({
        text: toTextProps(cell.paras, scale, this.lang),
        options: {
          align: cell.align,
          valign: 'middle',
          border: [
            none,
            none,
            cell.header ? { type: 'solid', color: style.headerRule, pt: 1.5 } : { type: 'solid', color: style.rule, pt: 0.75 },
            none,
          ],
          // [top, right, bottom, left] in inches (pptxgenjs reads points only when the first is ≥ 1)
          margin: [0, (12 * scale) / PX_PER_INCH, 0, 0],
        },
      })),
    );
    this.slide.addTable(cells, { ...inches(box), colW: colWidths.map((w) => w / PX_PER_INCH) });
  }
}
