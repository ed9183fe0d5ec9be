// pptxgenjs's types describe its CommonJS build, but Node loads its ES build, whose default
// export is the class itself: this module gives the rest of the exporter both, named plainly.
import type * as Types from 'pptxgenjs';
import PptxGenJSModule from 'pptxgenjs';

export type Pres = Types.default;
export type PptxSlide = Types.default.Slide;
export type TextProps = Types.default.TextProps;
export type TextPropsOptions = Types.default.TextPropsOptions;
export type TableRow = Types.default.TableRow;
export type ChartName = Types.default.CHART_NAME;
export type ChartOptions = Types.default.IChartOpts;
export type ChartSeries = Types.default.OptsChartData;

export const PptxGenJS = PptxGenJSModule as unknown as new () => Pres;
