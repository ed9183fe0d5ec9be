// Realistic benchmark decks in the syntax deckmark, Marp CLI and reveal-md all read the same
// way: `---` with a blank line on both sides between slides, `Note:` speaker notes (reveal-md
// and deckmark hide them; Marp shows them as a paragraph), GFM tables, fenced code, local images.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const TOPICS = [
  'Mål for året',
  'Målgrupper',
  'Kundeservice',
  'Innhold og tillit',
  'Personvern',
  'Måling og læring',
  'Ansvar og roller',
  'Krisehåndtering',
];

/** Different code on every code slide, as in a real deck (a highlight cache cannot fold them into one). */
const code = (n: number) => `\`\`\`js
// Engasjement per kanal, lysbilde ${n} (æøå i kommentarer)
export const engasjement${n} = (innlegg) =>
  innlegg.reduce((sum, { likes, delinger }) => sum + likes + ${n % 9} * delinger, 0);
\`\`\``;

function table(n: number): string {
  return [
    '| Kanal | Følgere | Vekst | Ansvarlig |',
    '|---|---:|---:|---|',
    `| Facebook | ${12_000 + n * 37} | ${(n % 9) + 1} % | Åse Ødegård |`,
    `| LinkedIn | ${4_500 + n * 11} | ${(n % 5) + 2} % | Bjørn Kjærnes |`,
  ].join('\n');
}

const BULLETS = [
  () => `- **Hovedpoeng:** vi svarer på henvendelser innen én time, også i helgene`,
  (n: number) => `- Les mer i [retningslinjene](https://example.org/retningslinjer/${n}) før du poster`,
  () => `- *Tone:* vennlig, presis og åpen om hva vi ikke vet ennå`,
  (n: number) => `- Ansvar: Kjærsti Østby og Pål Ærø følger opp (punkt ${n})`,
];

function slide(n: number): string {
  const topic = TOPICS[n % TOPICS.length];
  const extras: string[] = [];
  if (n % 5 === 0) extras.push(code(n));
  if (n % 7 === 0) extras.push(table(n));
  if (n % 10 === 3) extras.push(`![Diagram over rekkevidde, uke ${n}](img/${n % 20 === 3 ? 'diagram.svg' : 'chart.png'})`);
  // Fewer bullets where there is a code block, table or image, so every slide fits on one page.
  const bullets = BULLETS.slice(0, Math.max(1, BULLETS.length - 2 * extras.length)).map((b) => b(n));
  return [
    `## ${n}. ${topic}`,
    bullets.join('\n'),
    ...extras,
    `Note: Husk tallene fra ${topic.toLowerCase()}, og spør salen om erfaringer (æ, ø, å).`,
  ].join('\n\n');
}

/** A deck of `slides` slides: a title slide, then numbered content slides. */
export function deckText(slides: number): string {
  const title = [
    '---',
    `title: Strategi for sosiale medier (${slides} lysbilder)`,
    '---',
    '',
    '# Strategi for god bruk av sosiale medier',
    '',
    'Ingrid Solheim · Bærum Sparebank · Høsten 2025',
    '',
    'Note: Velkommen. Denne presentasjonen er laget for ytelsestesting.',
  ].join('\n');
  const body = Array.from({ length: slides - 1 }, (_, i) => slide(i + 1));
  return `${[title, ...body].join('\n\n---\n\n')}\n`;
}

// CRC-32 for PNG chunks (node:zlib's crc32 is only in newer Node 20 releases).
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A 64×40 RGB PNG with a gradient, built by hand so the bench needs no image library. */
function png(): Buffer {
  const width = 64;
  const height = 40;
  const row = Buffer.alloc(1 + width * 3); // filter byte 0, then RGB
  for (let x = 0; x < width; x++) row.set([0x1a, 0x6b, 0xa0 + (x % 40)], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180" viewBox="0 0 640 360">
<rect width="640" height="360" fill="#f4f7fa"/>
<g fill="#1a6ba0"><rect x="60" y="200" width="80" height="120"/><rect x="200" y="140" width="80" height="180"/><rect x="340" y="90" width="80" height="230"/><rect x="480" y="40" width="80" height="280"/></g>
<text x="320" y="30" text-anchor="middle" font-family="sans-serif" font-size="22">Rekkevidde per kvartal (Bærum)</text>
</svg>
`;

/** Writes `deck-N.md` for each size, and the images they use, into `dir`. Returns the deck paths by size. */
export function writeDecks(dir: string, sizes: number[]): Map<number, string> {
  mkdirSync(path.join(dir, 'img'), { recursive: true });
  writeFileSync(path.join(dir, 'img', 'chart.png'), png());
  writeFileSync(path.join(dir, 'img', 'diagram.svg'), SVG);
  const decks = new Map<number, string>();
  for (const n of sizes) {
    const file = path.join(dir, `deck-${n}.md`);
    writeFileSync(file, deckText(n));
    decks.set(n, file);
  }
  return decks;
}
