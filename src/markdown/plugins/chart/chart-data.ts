// Reads the Markdown table inside `::: chart`: the first column is the categories, every other
// column a series named by its header cell; each value cell must be a number.
import type { Token } from 'markdown-it';
import { inlineText } from '../../inline-text.js';

interface Series {
  name: string;
  values: number[];
  /** The cells as written ("1 200"), for labels and the description. */
  labels: string[];
}

export interface ChartData {
  categories: string[];
  series: Series[];
}

/** A problem with the table, and the 0-based line (relative to the slide) of the row it is on. */
export interface TableProblem {
  problem: string;
  map: [number, number] | null;
}

/**
 * A number as a deck writes it: `1200`, `1 200` (spaces or thin spaces between thousands),
 * `-3,5` or `-3.5` (comma or point for decimals), `12 %`. Undefined for anything else.
 */
export function parseNumber(cell: string): number | undefined {
  const compact = cell
    .replace(/[\s\u00a0\u202f\u2009]/g, '')
    .replace(/^[−–]/, '-')
    .replace(/%$/, '');
  if (!/^-?\d+(?:[.,]\d+)?$/.test(compact)) return undefined;
  return Number(compact.replace(',', '.'));
}

/** The cells of each row (header first) of the table tokens `table_open … table_close`. */
function rowsOf(table: Token[]): Array<{ cells: string[]; map: [number, number] | null }> {
  const rows: Array<{ cells: string[]; map: [number, number] | null }> = [];
  for (let i = 0; i < table.length; i++) {
    const token = table[i];
    if (token.type === 'tr_open') rows.push({ cells: [], map: token.map });
    else if (token.type === 'inline' && rows.length) rows[rows.length - 1].cells.push(inlineText(token.children));
  }
  return rows;
}

/** The chart's data, at most `maxRows` categories (`capped` says how many rows were left out). */
export function readChartTable(table: Token[], maxRows: number): { data: ChartData; capped: number } | TableProblem {
  const [header, ...body] = rowsOf(table);
  if (!header || header.cells.length < 2)
    return { problem: 'the table needs a column of categories and at least one column of numbers', map: table[0].map };
  if (body.length === 0) return { problem: 'the table has no rows of data', map: table[0].map };
  const kept = body.slice(0, maxRows);
  const series: Series[] = header.cells.slice(1).map((name) => ({ name, values: [], labels: [] }));
  for (const row of kept) {
    for (let c = 0; c < series.length; c++) {
      const cell = row.cells[c + 1] ?? '';
      const value = parseNumber(cell);
      if (value === undefined) {
        const what = cell === '' ? 'is empty' : `is "${cell}", not a number`;
        return { problem: `the cell in row "${row.cells[0]}", column "${series[c].name}" ${what}`, map: row.map };
      }
      series[c].values.push(value);
      series[c].labels.push(cell);
    }
  }
  return { data: { categories: kept.map((row) => row.cells[0]), series }, capped: body.length - kept.length };
}
