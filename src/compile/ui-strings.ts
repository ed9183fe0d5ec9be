// Strings the built deck shows its audience, by language. Add a language by adding an entry.

export interface UiStrings {
  downloadPdf: string;
  decks: string;
  slides: string;
  openDeck: string;
  speakerNotes: string;
}

const STRINGS: Record<string, UiStrings> = {
  en: { downloadPdf: 'Download PDF', decks: 'Decks', slides: 'slides', openDeck: 'Open the deck', speakerNotes: 'Speaker notes' },
  nb: {
    downloadPdf: 'Last ned PDF',
    decks: 'Presentasjoner',
    slides: 'lysbilder',
    openDeck: 'Åpne presentasjonen',
    speakerNotes: 'Talenotater',
  },
  nn: {
    downloadPdf: 'Last ned PDF',
    decks: 'Presentasjonar',
    slides: 'lysbilete',
    openDeck: 'Opne presentasjonen',
    speakerNotes: 'Talenotat',
  },
};

/** The strings for a language tag, by its primary language (`nb-NO` → `nb`), else English. */
export function uiStrings(lang: string): UiStrings {
  const primary = lang.toLowerCase().split('-')[0];
  return STRINGS[primary] ?? (primary === 'no' ? STRINGS.nb : STRINGS.en);
}
