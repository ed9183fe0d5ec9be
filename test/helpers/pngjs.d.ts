// The one call the tests make of pngjs (installed with qrcode; it ships no types).
declare module 'pngjs' {
  export const PNG: { sync: { read(data: Buffer): { width: number; height: number; data: Buffer } } };
}
