// The words a chart's generated description uses, in the deck's language (compile's UI strings).

/** The chart types `::: chart {type=…}` draws. */
export const CHART_TYPES = ['bar', 'hbar', 'stacked', 'hstacked', 'line', 'area', 'pie', 'donut', 'bullet'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export interface ChartWords {
  /** What each chart type is called, first in its description: "Bar chart". */
  names: Record<ChartType, string>;
  /** The decimal separator of axis numbers: `.` or `,`. */
  decimal: string;
}

export const ENGLISH_CHART_WORDS: ChartWords = {
  names: {
    bar: 'Bar chart',
    hbar: 'Horizontal bar chart',
    stacked: 'Stacked bar chart',
    hstacked: 'Horizontal stacked bar chart',
    line: 'Line chart',
    area: 'Area chart',
    pie: 'Pie chart',
    donut: 'Donut chart',
    bullet: 'Actual against target',
  },
  decimal: '.',
};
