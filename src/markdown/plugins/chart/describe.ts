// The chart's text alternative: its kind, title and every value, e.g.
// "Stolpediagram: Følgere per kanal. Facebook 1200, Instagram 800 (følgere)".
import type { ChartData } from './chart-data.js';
import type { ChartOptions } from './chart-options.js';
import type { ChartWords } from './chart-words.js';

export function describeChart(data: ChartData, options: ChartOptions, words: ChartWords): string {
  const single = data.series.length === 1;
  const values = data.categories.map((category, i) =>
    single ? `${category} ${data.series[0].labels[i]}` : `${category}: ${data.series.map((s) => `${s.name} ${s.labels[i]}`).join(', ')}`,
  );
  const title = options.title ? ` ${options.title}.` : '';
  const unit = options.unit ? ` (${options.unit})` : '';
  return `${words.names[options.type]}:${title} ${values.join(single ? ', ' : '; ')}${unit}`;
}
