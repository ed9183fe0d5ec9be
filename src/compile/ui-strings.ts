// Strings the built deck shows its audience, by language. Add a language by adding an entry.
import { ENGLISH_CHART_WORDS, type ChartWords } from '../markdown/plugins/chart/chart-words.js';
import { ENGLISH_DIAGRAM_KINDS, type DiagramKindNames } from '../markdown/plugins/mermaid.js';

export interface UiStrings {
  downloadPdf: string;
  downloadPptx: string;
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
  /** A chart's kind in its description ("Bar chart: …"), and the decimal separator of its axis. */
  chart: ChartWords;
  /** A Mermaid diagram's kind, first in its accessible name ("Flowchart: …"). */
  diagramKinds: DiagramKindNames;
  /** `deckmark present`: the remote's buttons and states, the audience's way back to live. */
  next: string;
  previous: string;
  blankScreen: string;
  showScreen: string;
  upNext: string;
  remote: string;
  followPresenter: string;
  connected: string;
  reconnecting: string;
  waitingForPresenter: string;
  /** The page's key was refused (a server started again with a new one). */
  badKey: string;
  /** The presenter's QR code overlay. */
  scanRemote: string;
  /** The reading view (the deck as one article): its link, and its key `T` in the deck. */
  textVersion: string;
  /** A slide with no heading in the reading view; also the deck's slides' role description. */
  slide: string;
  /** The deck's live region on every slide change: `{n}`, `{total}`. */
  slideOf: string;
  /** The deck as a whole, for screen readers (its role description). */
  slideDeck: string;
  /** The reading view's table of contents. */
  contents: string;
  /** The reading view's link from a slide back to it in the deck. */
  showInDeck: string;
  /** reveal.js's arrows. */
  previousSlide: string;
  nextSlide: string;
  slideAbove: string;
  slideBelow: string;
}

const STRINGS: Record<string, UiStrings> = {
  en: {
    downloadPdf: 'Download PDF',
    downloadPptx: 'Download PowerPoint',
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
    chart: ENGLISH_CHART_WORDS,
    diagramKinds: ENGLISH_DIAGRAM_KINDS,
    next: 'Next',
    previous: 'Previous',
    blankScreen: 'Blank screen',
    showScreen: 'Show screen',
    upNext: 'Next:',
    remote: 'Remote',
    followPresenter: 'Follow the presenter',
    connected: 'Connected',
    reconnecting: 'Reconnecting…',
    waitingForPresenter: 'Waiting for the presenter',
    badKey: 'This link’s key is no longer valid: open the URL deckmark present printed.',
    scanRemote: 'Scan to open the remote',
    textVersion: 'Text version',
    slide: 'Slide',
    slideOf: 'Slide {n} of {total}',
    slideDeck: 'slide deck',
    contents: 'Contents',
    showInDeck: 'Show in the deck',
    previousSlide: 'Previous slide',
    nextSlide: 'Next slide',
    slideAbove: 'Slide above',
    slideBelow: 'Slide below',
  },
  nb: {
    downloadPdf: 'Last ned PDF',
    downloadPptx: 'Last ned PowerPoint',
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
    chart: {
      names: {
        bar: 'Stolpediagram',
        hbar: 'Liggende stolpediagram',
        stacked: 'Stablet stolpediagram',
        hstacked: 'Liggende stablet stolpediagram',
        line: 'Linjediagram',
        area: 'Arealdiagram',
        pie: 'Kakediagram',
        donut: 'Smultringdiagram',
        bullet: 'Resultat mot mål',
      },
      decimal: ',',
    },
    diagramKinds: {
      flowchart: 'Flytdiagram',
      sequence: 'Sekvensdiagram',
      class: 'Klassediagram',
      state: 'Tilstandsdiagram',
      er: 'ER-diagram',
      gantt: 'Gantt-diagram',
      pie: 'Kakediagram',
      mindmap: 'Tankekart',
      timeline: 'Tidslinje',
      journey: 'Brukerreise',
      other: 'Diagram ({kind})',
    },
    next: 'Neste',
    previous: 'Forrige',
    blankScreen: 'Svart skjerm',
    showScreen: 'Vis skjermen',
    upNext: 'Deretter:',
    remote: 'Fjernkontroll',
    followPresenter: 'Følg foredragsholderen',
    connected: 'Tilkoblet',
    reconnecting: 'Kobler til igjen …',
    waitingForPresenter: 'Venter på foredragsholderen',
    badKey: 'Nøkkelen i denne lenken gjelder ikke lenger: åpne adressen deckmark present skrev ut.',
    scanRemote: 'Skann for å åpne fjernkontrollen',
    textVersion: 'Tekstversjon',
    slide: 'Lysbilde',
    slideOf: 'Lysbilde {n} av {total}',
    slideDeck: 'lysbildeserie',
    contents: 'Innhold',
    showInDeck: 'Vis i presentasjonen',
    previousSlide: 'Forrige lysbilde',
    nextSlide: 'Neste lysbilde',
    slideAbove: 'Lysbildet over',
    slideBelow: 'Lysbildet under',
  },
  nn: {
    downloadPdf: 'Last ned PDF',
    downloadPptx: 'Last ned PowerPoint',
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
    chart: {
      names: {
        bar: 'Stolpediagram',
        hbar: 'Liggjande stolpediagram',
        stacked: 'Stabla stolpediagram',
        hstacked: 'Liggjande stabla stolpediagram',
        line: 'Linjediagram',
        area: 'Arealdiagram',
        pie: 'Kakediagram',
        donut: 'Smultringdiagram',
        bullet: 'Resultat mot mål',
      },
      decimal: ',',
    },
    diagramKinds: {
      flowchart: 'Flytdiagram',
      sequence: 'Sekvensdiagram',
      class: 'Klassediagram',
      state: 'Tilstandsdiagram',
      er: 'ER-diagram',
      gantt: 'Gantt-diagram',
      pie: 'Kakediagram',
      mindmap: 'Tankekart',
      timeline: 'Tidslinje',
      journey: 'Brukarreise',
      other: 'Diagram ({kind})',
    },
    next: 'Neste',
    previous: 'Førre',
    blankScreen: 'Svart skjerm',
    showScreen: 'Vis skjermen',
    upNext: 'Deretter:',
    remote: 'Fjernkontroll',
    followPresenter: 'Følg føredragshaldaren',
    connected: 'Tilkopla',
    reconnecting: 'Koplar til att …',
    waitingForPresenter: 'Ventar på føredragshaldaren',
    badKey: 'Nøkkelen i denne lenkja gjeld ikkje lenger: opne adressa deckmark present skreiv ut.',
    scanRemote: 'Skann for å opne fjernkontrollen',
    textVersion: 'Tekstversjon',
    slide: 'Lysbilete',
    slideOf: 'Lysbilete {n} av {total}',
    slideDeck: 'lysbileteserie',
    contents: 'Innhald',
    showInDeck: 'Vis i presentasjonen',
    previousSlide: 'Førre lysbilete',
    nextSlide: 'Neste lysbilete',
    slideAbove: 'Lysbiletet over',
    slideBelow: 'Lysbiletet under',
  },
};

/** The strings for a language tag, by its primary language (`nb-NO` → `nb`), else English. */
export function uiStrings(lang: string): UiStrings {
  const primary = lang.toLowerCase().split('-')[0];
  return STRINGS[primary] ?? (primary === 'no' ? STRINGS.nb : STRINGS.en);
}
