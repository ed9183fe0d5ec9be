// The deck's browser runtime: reveal.js with the notes, zoom and search plugins, configured
// from the JSON the compiler writes into the page. Bundled once by esbuild at install time.
import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes';
import Search from 'reveal.js/plugin/search';
import Zoom from 'reveal.js/plugin/zoom';
import { setUpAccessibility } from './announce.js';
import { followDarkSlides } from './chrome-contrast.js';
import { EMBED_CONFIG, isEmbedView, setUpEmbed } from './embed.js';
import { fitPlugin } from './fit.js';
import { keepOnlyForPrint } from './print-only.js';
import { isPrintView, setUpVideos } from './video.js';

interface DeckmarkWindow {
  Reveal: unknown;
  /** Settings a host (the PDF exporter) puts in before the page loads, e.g. print options. */
  deckmarkOverrides?: Record<string, unknown>;
  /** With the override `waitForSlides`: starts the deck with the slides of another build. */
  deckmarkStart?: (html: string, printOnly?: number[]) => void;
}

function readConfig(): Record<string, unknown> {
  const text = document.getElementById('deckmark-config')?.textContent;
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const host = window as unknown as DeckmarkWindow;

function start(): void {
  const embed = isEmbedView();
  // The gallery's live thumbnail is a frame narrower than reveal.js's 435 px switch to its scroll
  // view, whose scrollbar would show at its edge: like the embed view, it stays a deck.
  const thumbnail = new URLSearchParams(window.location.search).has('thumbnail');
  const config: Record<string, unknown> = {
    ...readConfig(),
    ...(embed ? EMBED_CONFIG : {}),
    ...(thumbnail ? { scrollActivationWidth: null } : {}),
    ...host.deckmarkOverrides,
  };
  if (embed) setUpEmbed({ width: Number(config.width) || 960, height: Number(config.height) || 700 });
  setUpVideos(config); // before reveal.js starts: the print view must not load a player
  if (isPrintView(config)) keepOnlyForPrint(config.printOnly);
  // A blog's frame has no speaker view: its popup is blocked in a sandboxed frame anyway.
  const fit = fitPlugin(isPrintView(config));
  const deck = new Reveal({ ...config, plugins: embed ? [Zoom, Search, fit] : [Notes, Zoom, Search, fit] });
  host.Reveal = deck;
  setUpAccessibility(deck, isPrintView(config));
  followDarkSlides(deck);
  void deck.initialize();
}

// `serve --pdf` loads the print view of the next export ahead (src/export/print-ahead.ts):
// the page waits, its runtime parsed and run, until it gets that export's slides.
if (host.deckmarkOverrides?.waitForSlides) host.deckmarkStart = startWithSlides;
else start();

/** Puts in the slides of `html` (a build of the same deck: only its slides differ) and starts. */
function startWithSlides(html: string, printOnly?: number[]): void {
  const fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('.reveal .slides');
  document.querySelector('.reveal .slides')!.replaceChildren(...(fresh?.childNodes ?? []));
  host.deckmarkOverrides = { ...host.deckmarkOverrides, printOnly };
  start();
}
