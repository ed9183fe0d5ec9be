// The deck's browser runtime: reveal.js with the notes, zoom and search plugins, configured
// from the JSON the compiler writes into the page. Bundled once by esbuild at install time.
import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes/notes.esm.js';
import Search from 'reveal.js/plugin/search/search.esm.js';
import Zoom from 'reveal.js/plugin/zoom/zoom.esm.js';
import { EMBED_CONFIG, isEmbedView, setUpEmbed } from './embed.js';
import { setUpVideos } from './video.js';

interface DeckmarkWindow {
  Reveal: unknown;
  /** Settings a host (the PDF exporter) puts in before the page loads, e.g. print options. */
  deckmarkOverrides?: Record<string, unknown>;
}

function readConfig(): Record<string, unknown> {
  const text = document.getElementById('deckmark-config')?.textContent;
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const host = window as unknown as DeckmarkWindow;
const embed = isEmbedView();
if (embed) setUpEmbed();
const config = { ...readConfig(), ...(embed ? EMBED_CONFIG : {}), ...host.deckmarkOverrides };
setUpVideos(config); // before reveal.js starts: the print view must not load a player
const deck = new Reveal({ ...config, plugins: [Notes, Zoom, Search] });
host.Reveal = deck;
void deck.initialize();
