// Videos in the Deck model (what the renderer, the PDF and the checker read) and the QR code of their link.
import jsQRModule from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/compile/parse-deck.js';
import { qrPath } from '../../src/markdown/plugins/video/qr-svg.js';
import { fixtureParseOptions } from './fixtures.js';

// jsqr is CommonJS whose types declare an ES default export: under NodeNext the function is `.default`.
const jsQR = jsQRModule.default;

describe('Slide.videos', () => {
  const deck = parseDeck(
    `---
lang: nn
---
# Film

http://www.youtube.com/watch?v=reBGK5isnco&feature=player_embedded {start=1m30s end=2:00 autoplay}

---

![Fjellet](https://vimeo.com/76979871/8272103f6e){poster=img/still.jpg width=60%}

----

![Klipp](img/clip.webm){muted loop}
`,
    fixtureParseOptions,
  );
  const [first, second, third] = [deck.slides[0], deck.slides[1], deck.slides[1].children[0]];

  it('carries each video with its line, provider, id, times, title and link', () => {
    expect(first.videos).toEqual([
      {
        provider: 'youtube',
        id: 'reBGK5isnco',
        url: 'https://youtu.be/reBGK5isnco?t=90',
        src: 'https://www.youtube-nocookie.com/embed/reBGK5isnco?start=90&end=120&autoplay=1&rel=0',
        title: 'Video på YouTube',
        start: 90,
        end: 120,
        autoplay: true,
        muted: false,
        loop: false,
        line: 6,
      },
    ]);
    expect(second.videos).toEqual([
      expect.objectContaining({
        provider: 'vimeo',
        id: '76979871',
        url: 'https://vimeo.com/76979871/8272103f6e',
        title: 'Fjellet',
        poster: 'img/still.jpg',
        width: '60%',
        line: 10,
      }),
    ]);
    expect(third.videos).toEqual([
      expect.objectContaining({
        provider: 'file',
        id: 'img/clip.webm',
        url: '',
        src: 'assets/img/clip.webm',
        muted: true,
        loop: true,
        line: 14,
      }),
    ]);
    expect(deck.diagnostics).toEqual([]);
  });

  it('lists the film links among the slide links (for the sources slide)', () => {
    expect(first.links).toEqual([{ href: 'https://youtu.be/reBGK5isnco?t=90', text: 'Video på YouTube', line: 6, from: 'video' }]);
    expect(third.links).toEqual([]);
  });

  it('gives every slide a list, empty when it has no video', () => {
    expect(parseDeck('# No film').slides[0].videos).toEqual([]);
  });
});

/** Paints the SVG path's modules into an RGBA bitmap, `scale` pixels per module. */
function paint(size: number, d: string, scale: number): { data: Uint8ClampedArray; width: number } {
  const width = size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, run] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let py = y * scale; py < (y + 1) * scale; py++) {
      for (let px = x * scale; px < (x + run) * scale; px++) data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
    }
  }
  return { data, width };
}

describe('qrPath', () => {
  it.each(['https://youtu.be/reBGK5isnco', 'https://vimeo.com/76979871/8272103f6e#t=62s', 'https://youtu.be/aqz-KE-bpKQ?t=3723'])(
    'draws the QR code of %s, which decodes back to it',
    (url) => {
      const { size, d } = qrPath(url);
      const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
      expect(size).toBe(modules.size + 8);
      const { data, width } = paint(size, d, 4);
      // The same modules as qrcode's own matrix …
      for (let row = 0; row < modules.size; row++) {
        for (let col = 0; col < modules.size; col++) {
          expect(data[((row + 4) * 4 * width + (col + 4) * 4) * 4] === 0, `module ${row},${col}`).toBe(Boolean(modules.get(row, col)));
        }
      }
      // … and a reader finds the URL in them.
      expect(jsQR(data, width, width)?.data).toBe(url);
    },
  );
});
