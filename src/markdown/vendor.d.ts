// Types for the markdown-it plugins deckmark uses. markdown-it-container and -footnote ship none;
// markdown-it-attrs's own use `MarkdownIt` as a type, which markdown-it 15's bundled types no
// longer allow (its default export is a value), so its declaration here takes their place.
declare module 'markdown-it-attrs' {
  import type { MarkdownIt } from 'markdown-it';
  interface AttrsOptions {
    leftDelimiter?: string;
    rightDelimiter?: string;
    allowedAttributes?: Array<string | RegExp>;
  }
  export default function attrs(md: MarkdownIt, options?: AttrsOptions): void;
}
declare module 'markdown-it-container' {
  import type { MarkdownIt, RendererRule } from 'markdown-it';
  interface ContainerOptions {
    marker?: string;
    validate?: (params: string, markup: string) => boolean;
    render?: RendererRule;
  }
  export default function container(md: MarkdownIt, name: string, options?: ContainerOptions): void;
}
declare module 'markdown-it-footnote' {
  import type { MarkdownIt } from 'markdown-it';
  export default function footnote(md: MarkdownIt): void;
}
