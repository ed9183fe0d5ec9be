// The SVG names HTML parsing lowercases (htmlparser2 reads the slide as HTML): a standalone SVG
// picture is XML, where `viewbox` or `lineargradient` mean nothing. Charts and diagrams need them
// back (a Mermaid drawing's viewBox with its origin, its arrowheads' markerWidth and refX).

const CAMEL_CASE = (
  'viewBox preserveAspectRatio markerWidth markerHeight markerUnits refX refY gradientUnits gradientTransform ' +
  'patternUnits patternContentUnits patternTransform clipPathUnits maskUnits maskContentUnits textLength lengthAdjust ' +
  'startOffset stdDeviation baseFrequency numOctaves filterUnits primitiveUnits spreadMethod pathLength ' +
  'linearGradient radialGradient clipPath textPath foreignObject feBlend feColorMatrix feComponentTransfer feComposite ' +
  'feDropShadow feFlood feGaussianBlur feMerge feMergeNode feMorphology feOffset'
).split(' ');

const BY_LOWER = new Map(CAMEL_CASE.map((name) => [name.toLowerCase(), name]));

/** An SVG element or attribute name as SVG spells it. */
export function svgName(name: string): string {
  return BY_LOWER.get(name) ?? name;
}
