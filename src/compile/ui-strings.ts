// Strings the built deck shows its audience, by language. Add a language by adding an entry.

export interface UiStrings {
  downloadPdf: string;
  decks: string;
  slides: string;
  openDeck: string;
  speakerNotes: string;
  /** Printed before a video's link under its still. */
  watchVideo: string;
  /** A video's title when it has none; `{provider}` is YouTube or Vimeo. */
  videoOn: string;
  videoFile: string;
  qrCode: string;
  /** The embed view's full-screen button. */
  fullscreen: string;
  /** Title of the slide listing the deck's links and footnotes (`sources: true`). */
  sources: string;
  /** Default column headings of `::: gap`. */
  today: string;
  tomorrow: string;
  actions: string;
}

const STRINGS: Record<string, UiStrings> = {
  en: {
    downloadPdf: 'Download PDF',
    decks: 'Decks',
    slides: 'slides',
    openDeck: 'Open the deck',
    speakerNotes: 'Speaker notes',
    watchVideo: 'Watch the video',
    videoOn: 'Video on {provider}',
    videoFile: 'Video file',
    qrCode: 'QR code',
    fullscreen: 'Full screen',
    sources: 'Sources',
    today: 'Today',
    tomorrow: 'Tomorrow',
    actions: 'Actions',
  },
  nb: {
    downloadPdf: 'Last ned PDF',
    decks: 'Presentasjoner',
    slides: 'lysbilder',
    openDeck: 'Åpne presentasjonen',
    speakerNotes: 'Talenotater',
    watchVideo: 'Se videoen',
    videoOn: 'Video på {provider}',
    videoFile: 'Videofil',
    qrCode: 'QR-kode',
    fullscreen: 'Fullskjerm',
    sources: 'Kilder',
    today: 'I dag',
    tomorrow: 'I morgen',
    actions: 'Tiltak',
  },
  nn: {
    downloadPdf: 'Last ned PDF',
    decks: 'Presentasjonar',
    slides: 'lysbilete',
    openDeck: 'Opne presentasjonen',
    speakerNotes: 'Talenotat',
    watchVideo: 'Sjå videoen',
    videoOn: 'Video på {provider}',
    videoFile: 'Videofil',
    qrCode: 'QR-kode',
    fullscreen: 'Fullskjerm',
    sources: 'Kjelder',
    today: 'I dag',
    tomorrow: 'I morgon',
    actions: 'Tiltak',
  },
};

/** The strings for a language tag, by its primary language (`nb-NO` → `nb`), else English. */
export function uiStrings(lang: string): UiStrings {
  const primary = lang.toLowerCase().split('-')[0];
  return STRINGS[primary] ?? (primary === 'no' ? STRINGS.nb : STRINGS.en);
}
