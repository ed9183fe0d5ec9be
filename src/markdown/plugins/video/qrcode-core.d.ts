// Types for qrcode's encoder alone (lib/core/qrcode.js): the package's main module also loads its PNG and file renderers.
declare module 'qrcode/lib/core/qrcode.js' {
  import type { create } from 'qrcode';
  const core: { create: typeof create };
  export default core;
}
