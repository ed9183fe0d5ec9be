// A linear value axis with round ticks (1, 2 or 5 × 10ⁿ apart) covering the data and zero.

export interface Scale {
  min: number;
  max: number;
  ticks: number[];
  /** Where a value falls between min (0) and max (1), clamped. */
  at(value: number): number;
}

/** A round step that cuts `span` into about `count` parts. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/** A scale over `values` (and 0), with the author's `min`/`max` where given. */
export function linearScale(values: number[], bounds: { min?: number; max?: number } = {}): Scale {
  let lo = bounds.min ?? Math.min(0, ...values);
  let hi = bounds.max ?? Math.max(0, ...values);
  if (hi <= lo) hi = lo + 1;
  const step = niceStep(hi - lo, 5);
  if (bounds.min === undefined) lo = Math.floor(lo / step) * step;
  if (bounds.max === undefined) hi = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  // Rounded to the step's decimals, so 0.1 + 0.2 prints as 0.3.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  for (let t = Math.ceil(lo / step) * step; t <= hi + step / 1e6; t += step) ticks.push(Number(t.toFixed(decimals)));
  return { min: lo, max: hi, ticks, at: (value) => Math.min(1, Math.max(0, (value - lo) / (hi - lo))) };
}

/** A tick's number as the deck writes numbers: thin-space thousands are not needed on an axis. */
export function formatTick(value: number, decimal: string): string {
  return String(value).replace('.', decimal).replace(/^-/, '−');
}
