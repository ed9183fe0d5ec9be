// Types for the markdown-it plugins that ship none.
declare module 'markdown-it-attrs' {
  import type { PluginWithOptions } from 'markdown-it';
  const attrs: PluginWithOptions<{ leftDelimiter?: string; rightDelimiter?: string; allowedAttributes?: Array<string | RegExp> }>;
  export default attrs;
}
declare module 'markdown-it-container' {
  import type { PluginWithParams } from 'markdown-it';
  const container: PluginWithParams;
  export default container;
}
declare module 'markdown-it-footnote' {
  import type { PluginSimple } from 'markdown-it';
  const footnote: PluginSimple;
  export default footnote;
}
