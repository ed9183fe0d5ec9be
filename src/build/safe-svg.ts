// `--safe` publishes an SVG only when it cannot run script, even opened on its own (where the
// deck's Content-Security-Policy does not reach). No sanitiser is rewritten here: the file is
// published byte for byte or refused, after a strict scan that refuses whatever it cannot read.
// Browsers parse a .svg file as XML and show an error page, running nothing, for one that is
// not well-formed; this scan is stricter than XML, so the elements it sees are the browser's.

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Namespaces whose elements are HTML or MathML (which can hold HTML): never in a safe SVG. */
const ACTIVE_NS = new Set(['http://www.w3.org/1999/xhtml', 'http://www.w3.org/1998/Math/MathML']);

/** SVG elements that draw, group or describe; no script, foreignObject, a, animate or set. */
const ELEMENTS = new Set(
  (
    'svg g defs symbol use title desc metadata switch view style path rect circle ellipse line polyline polygon text tspan ' +
    'textpath lineargradient radialgradient stop pattern clippath mask marker image filter feblend fecolormatrix ' +
    'fecomponenttransfer fecomposite feconvolvematrix fediffuselighting fedisplacementmap fedistantlight fedropshadow ' +
    'feflood fefunca fefuncb fefuncg fefuncr fegaussianblur feimage femerge femergenode femorphology feoffset ' +
    'fepointlight fespecularlighting fespotlight fetile feturbulence'
  ).split(' '),
);

/** A link an SVG may hold: to a part of itself, or an embedded raster image. */
const SAFE_HREF = /^(#[^&]*|data:image\/(png|jpe?g|gif|webp);base64,[a-z0-9+/=\s]*)$/i;

const XML_DECLARATION = /^\uFEFF?\s*<\?xml\s[^?<>]*\?>/y;
const START_TAG = /<([A-Za-z_][\w.:-]*)((?:\s+[^\s=/<>"']+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*\/?>/y;
const END_TAG = /<\/([A-Za-z_][\w.:-]*)\s*>/y;
const ATTRIBUTE = /([^\s=/<>"']+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g;

/** Looks like an SVG: XML whose first element is `<svg` (after a declaration and comments). */
export function looksLikeSvg(head: string): boolean {
  return /^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(head);
}

/** Why the SVG could run script or cannot be checked; undefined when it is safe to publish. */
export function unsafeSvgReason(svg: string): string | undefined {
  const local = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();
  const prefix = (name: string) => (name.includes(':') ? name.slice(0, name.indexOf(':')) : '');
  const tags: Array<{ name: string; attributes: Array<[string, string]> }> = [];
  XML_DECLARATION.lastIndex = 0;
  let at = XML_DECLARATION.test(svg) ? XML_DECLARATION.lastIndex : 0;
  for (let open = svg.indexOf('<', at); open >= 0; open = svg.indexOf('<', at)) {
    const sticky = (re: RegExp) => {
      re.lastIndex = open;
      return re.exec(svg);
    };
    const skip = svg.startsWith('<!--', open) ? '-->' : svg.startsWith('<![CDATA[', open) ? ']]>' : undefined;
    if (skip) {
      const close = svg.indexOf(skip, open + 4);
      if (close < 0) return 'it has a comment or CDATA section that is never closed';
      at = close + 3;
    } else if (/^<!doctype/i.test(svg.slice(open, open + 9))) return 'it has a DOCTYPE (entities)';
    else if (svg.startsWith('<?', open)) return 'it has a processing instruction (<?…?>)';
    else {
      const end = sticky(END_TAG);
      const start = end ? undefined : sticky(START_TAG);
      if (!end && !start) return `it is not well-formed XML near character ${open}`;
      if (start) {
        const attributes = [...start[2].matchAll(ATTRIBUTE)].map((m): [string, string] => [m[1], m[2] ?? m[3]]);
        tags.push({ name: start[1], attributes });
      }
      at = open + (end ?? start)![0].length;
    }
  }

  const svgPrefixes = new Set(['']);
  for (const { attributes } of tags) {
    for (const [name, value] of attributes) {
      if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
      if (value.includes('&') || ACTIVE_NS.has(value)) return `it declares the namespace ${value} (HTML or MathML)`;
      if (value === SVG_NS) svgPrefixes.add(name === 'xmlns' ? '' : name.slice(6));
    }
  }
  for (const { name, attributes } of tags) {
    if (svgPrefixes.has(prefix(name)) && !ELEMENTS.has(local(name))) return `it has a <${name}> element`;
    for (const [attribute, value] of attributes) {
      if (local(attribute).startsWith('on')) return `it has an event handler (${attribute})`;
      if (local(attribute) === 'href' && !SAFE_HREF.test(value)) return `it links to "${value.slice(0, 60)}" (${attribute})`;
    }
  }
  return undefined;
}
