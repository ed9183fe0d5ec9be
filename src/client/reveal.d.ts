// reveal.js 5 ships no types; these are the parts the runtime uses.
declare module 'reveal.js' {
  interface RevealApi {
    initialize(): Promise<void>;
    on(event: string, handler: (event: unknown) => void): void;
  }
  const Reveal: new (options: Record<string, unknown>) => RevealApi;
  export default Reveal;
}
declare module 'reveal.js/plugin/notes/notes.esm.js' {
  const plugin: () => unknown;
  export default plugin;
}
declare module 'reveal.js/plugin/zoom/zoom.esm.js' {
  const plugin: () => unknown;
  export default plugin;
}
declare module 'reveal.js/plugin/search/search.esm.js' {
  const plugin: () => unknown;
  export default plugin;
}
