// The options of `::: chart {type=bar title="…" unit="%" min=0 max=100}`, read off the div.
import type { Token } from 'markdown-it';
import { tokenAttributes } from '../../attributes.js';
import { fencedDiv } from '../fenced-divs.js';
import { CHART_TYPES, type ChartType } from './chart-words.js';
import { parseNumber } from './chart-data.js';

export interface ChartOptions {
  type: ChartType;
  title?: string;
  unit?: string;
  min?: number;
  max?: number;
}

const OPTION_NAMES = ['type', 'title', 'unit', 'min', 'max'];

/**
 * Takes the chart options off the div (from its fenced-div attributes, or from the token when
 * markdown-it-attrs read the braces first), so they are not rendered as HTML attributes.
 */
function takeOptions(open: Token): Record<string, string> {
  const found: Record<string, string> = {};
  const meta = fencedDiv(open);
  for (const [name, value] of [...(meta?.attributes ?? []), ...tokenAttributes(open)]) {
    if (OPTION_NAMES.includes(name)) found[name] = value;
  }
  if (meta) meta.attributes = meta.attributes.filter(([name]) => !OPTION_NAMES.includes(name));
  if (open.attrs) open.attrs = open.attrs.filter(([name]) => !OPTION_NAMES.includes(name));
  return found;
}

export function readChartOptions(open: Token): ChartOptions | { problem: string } {
  const given = takeOptions(open);
  const type = (given.type ?? 'bar') as ChartType;
  if (!CHART_TYPES.includes(type)) return { problem: `unknown type "${given.type}" (use ${CHART_TYPES.join(', ')})` };
  const options: ChartOptions = { type };
  if (given.title) options.title = given.title;
  if (given.unit) options.unit = given.unit;
  for (const bound of ['min', 'max'] as const) {
    if (given[bound] === undefined) continue;
    const value = parseNumber(given[bound]);
    if (value === undefined) return { problem: `${bound}="${given[bound]}" is not a number` };
    options[bound] = value;
  }
  if (options.min !== undefined && options.max !== undefined && options.min >= options.max) {
    return { problem: `min (${options.min}) must be below max (${options.max})` };
  }
  return options;
}
