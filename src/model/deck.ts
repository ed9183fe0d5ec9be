// The deck model: plain data that every consumer (renderer, PDF, checker, index page) reads.

/** A 1-based, inclusive range of lines in the deck's source file. */
interface LineRange {
  start: number;
  end: number;
}

/** Slide size in CSS pixels. */
export interface SlideSize {
  width: number;
  height: number;
}

/** PDF export settings (front matter `pdf:`). */
export interface PdfOptions {
  /** Speaker notes: not printed, on a page after each slide, or below the slide. @defaultValue false */
  notes: false | 'page' | 'below';
  /** One page per fragment step. @defaultValue false */
  fragments: boolean;
  /** Slides per A4 handout page; 0 means no handout. @defaultValue 0 */
  handout: 0 | 2 | 3 | 6;
  /** Page size, when it differs from the slide size. */
  size?: SlideSize;
}

/** The reading view's settings (front matter `readingView:`). */
export interface ReadingViewOptions {
  /** Speaker notes as a transcript under each slide. @defaultValue true */
  notes: boolean;
}

/** Deck-wide settings, from front matter with defaults applied. */
export interface DeckMeta {
  title: string;
  author?: string;
  date?: string;
  description?: string;
  /** BCP 47 language tag. @defaultValue 'en' */
  lang: string;
  /** `default`, another built-in name, `reveal:NAME`, or a CSS path relative to the deck. */
  theme: string;
  /** The shiki theme that colours code instead of the deck theme (from `highlightTheme`, or reveal.js's themes). */
  codeTheme?: string;
  size: SlideSize;
  /** Lists appear item by item. @defaultValue false */
  incremental: boolean;
  /** The deck's public URL. */
  url?: string;
  /** Overrides of the theme's CSS custom properties, without the leading `--`. */
  themeVars: Record<string, string>;
  /** Add a last slide listing every link and footnote. @defaultValue false */
  sources: boolean;
  pdf: PdfOptions;
  readingView: ReadingViewOptions;
  /** reveal.js options, passed through to `Reveal.initialize`. */
  reveal: Record<string, unknown>;
  /** Extra stylesheets (reveal-md's `css`), as written. */
  css: string[];
}

/** A file the deck refers to (image, video, a page an `<iframe>` shows, stylesheet), as written in the source. */
export interface AssetRef {
  kind: 'image' | 'video' | 'page' | 'stylesheet';
  /** The path as written, relative to the deck file. */
  src: string;
  line: number;
}

/** A picture a slide shows, recorded at parse time (the alt-text check reads it). */
export interface ImageRef {
  /** As written in the source (before a local file is mapped to its URL in the built deck). */
  src: string;
  /** Its alt text; '' when it has none. */
  alt: string;
  /** The line the image is written on. */
  line: number;
  /** Written as Markdown `![alt](src)` or as raw HTML `<img>`. */
  from: 'markdown' | 'html';
}

/** Raw HTML a slide embeds that has no text or picture of its own, recorded at parse time (the PowerPoint export shoots it). */
export interface EmbedRef {
  tag: 'iframe' | 'video' | 'audio' | 'canvas' | 'object';
  /** The line its tag opens on. */
  line: number;
}

/** A link of a slide, recorded once at parse time (the link check and the sources slide read it). */
export interface LinkRef {
  href: string;
  /** The link's text ('' when it has none). */
  text: string;
  line: number;
  /** Where it is written: the slide's text, one of its footnotes, its speaker notes, or a video's public link. */
  from: 'text' | 'footnote' | 'notes' | 'video';
}

/** A video a slide plays: a film on YouTube or Vimeo, or a video file (SPEC §2 "Video"). */
export interface VideoRef {
  provider: 'youtube' | 'vimeo' | 'file';
  /** YouTube's 11-character id or Vimeo's number; for a file, its path or URL as written. */
  id: string;
  /** The public link (printed under the still, in its QR code, in the sources); '' for a local file. */
  url: string;
  /** What the player loads: the privacy-mode embed URL, or the file's URL in the built deck. */
  src: string;
  /** For screen readers and the still: `title=`, else the alt or link text, else "Video on YouTube". */
  title: string;
  /** Seconds. */
  start?: number;
  end?: number;
  autoplay: boolean;
  muted: boolean;
  loop: boolean;
  /** The still for print and PDF (`poster=`), as written. */
  poster?: string;
  /** CSS width of the player (`width=60%`); the height follows at 16:9. */
  width?: string;
  line: number;
}

export interface Slide {
  /** Where the slide's source starts and ends (separators excluded). */
  range: LineRange;
  /** The text of the slide's first heading, '' when it has none. */
  title: string;
  /** The slide's body HTML (without its `<section>`). */
  html: string;
  /** Speaker notes as HTML, '' when the slide has none. */
  notes: string;
  /** Attributes of the slide's `<section>` (from `<!-- .slide: -->`, `{…}` and fenced divs). */
  attributes: Record<string, string>;
  assets: AssetRef[];
  /** The pictures of the slide's body (not of its notes, nor a video's still), in order. */
  images: ImageRef[];
  /** Its raw `<iframe>`, `<video>`, `<audio>`, `<canvas>` and `<object>` tags (not of its notes), in order. */
  embeds: EmbedRef[];
  links: LinkRef[];
  videos: VideoRef[];
  /** Vertical sub-slides below this one (only on horizontal slides). */
  children: Slide[];
}

export type Severity = 'error' | 'warning';

/** A problem found in a deck, reported as `file:line:col: severity: message (code)`. */
export interface Diagnostic {
  severity: Severity;
  code: string;
  message: string;
  file?: string;
  line: number;
  column: number;
  hint?: string;
}

export interface Deck {
  /** Source file path as given by the caller (for messages); undefined for in-memory text. */
  file?: string;
  meta: DeckMeta;
  /** 1-based line of each front matter key, so problems with a setting can name its line. */
  metaLines: Record<string, number>;
  /** Horizontal slides; each may carry vertical children. */
  slides: Slide[];
  /** 1-based lines of `---`/`----` separators right under a line of text (a setext heading elsewhere). */
  textAboveSeparators: number[];
  diagnostics: Diagnostic[];
}
