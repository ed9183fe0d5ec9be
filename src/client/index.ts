// The deck's browser runtime: reveal.js with the notes, zoom and search plugins, configured
// from the JSON the compiler writes into the page. Bundled once by esbuild at install time.
import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes/notes.esm.js';
import Search from 'reveal.js/plugin/search/search.esm.js';
import Zoom from 'reveal.js/plugin/zoom/zoom.esm.js';

function readConfig(): Record<string, unknown> {
  const text = document.getElementById('deckmark-config')?.textContent;
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const deck = new Reveal({ ...readConfig(), plugins: [Notes, Zoom, Search] });
(window as unknown as { Reveal: typeof deck }).Reveal = deck;
void deck.initialize();
