// Escaping for HTML text and attributes, and for JSON inside a <script> element.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Renders attributes as ` name="value"` pairs, values escaped, names checked. */
export function renderAttributes(attributes: Record<string, string | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || !/^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/.test(name)) continue;
    out += value === '' ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`;
  }
  return out;
}

/** JSON that is safe inside `<script>`: no `</script>`, no `<!--`, no line separators. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
