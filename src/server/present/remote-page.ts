// The phone remote's page: big previous/next buttons at the bottom (one thumb), the blank-screen
// button above them, and the current and next titles, the notes, the time. Made by the server
// in the deck's language; its script (src/client/present/remote.ts) fills it in.
import { uiStrings } from '../../compile/ui-strings.js';
import { escapeHtml, scriptJson } from '../../markdown/html.js';
import { REMOTE_CLIENT_PATH } from './messages.js';
import { documentStart } from '../../compile/html-document.js';

/** `touch-action: pan-y` on the notes: they scroll, and a sideways swipe is the page's, not the browser's. */
const STYLE = `
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{display:flex;flex-direction:column;height:100dvh;background:#111;color:#f2f2f2;font:17px/1.4 system-ui,sans-serif;
  -webkit-user-select:none;user-select:none;touch-action:manipulation;overscroll-behavior:none}
.bar{display:flex;gap:12px;align-items:center;padding:10px 14px;background:#1d1d1d;font-variant-numeric:tabular-nums}
.bar #status{flex:1;font-weight:600}
.bar #status[data-state=live]{color:#7fd88f}
.bar #status[data-state=waiting],.bar #status[data-state=reconnecting]{color:#ffcf5c}
.bar #status[data-state=refused]{color:#ff8a80}
main{flex:1;overflow-y:auto;padding:12px 16px;-webkit-user-select:text;user-select:text;touch-action:pan-y}
h1{font-size:1.35rem;margin:0 0 4px}
#up-next{margin:0 0 12px;color:#b8b8b8}
#notes{white-space:pre-wrap;font-size:1.1rem}
.controls{padding:8px 10px calc(10px + env(safe-area-inset-bottom));display:grid;gap:8px;background:#1d1d1d}
button{font:inherit;color:inherit;border:0;border-radius:14px;cursor:pointer}
button:focus-visible{outline:3px solid #8ab4ff;outline-offset:2px}
#blank{padding:12px;background:#333}
#blank[aria-pressed=true]{background:#f2f2f2;color:#111}
.nav{display:grid;grid-template-columns:1fr 2fr;gap:8px}
.nav button{min-height:clamp(140px,26vh,240px);font-size:1.4rem;font-weight:700}
#prev{background:#2d2d2d}
#next{background:#2f6fde}
button:active{filter:brightness(1.3)}
button:disabled{opacity:.45}
`;

/** The remote's page for a deck in `lang` called `title`. */
export function remotePage(lang: string, title: string): string {
  const ui = uiStrings(lang);
  const strings = {
    connected: ui.connected,
    reconnecting: ui.reconnecting,
    waiting: ui.waitingForPresenter,
    badKey: ui.badKey,
    blankScreen: ui.blankScreen,
    showScreen: ui.showScreen,
  };
  return `${documentStart(lang, `${ui.remote}: ${title}`, 'viewport-fit=cover')}<meta name="referrer" content="no-referrer">
<meta name="theme-color" content="#111111">
<style>${STYLE}</style>
</head>
<body>
<header class="bar"><span id="status" role="status" data-state="reconnecting">${escapeHtml(ui.reconnecting)}</span><span id="position"></span><span id="elapsed">0:00</span><span id="clock"></span></header>
<main id="swipe">
<h1 id="title">${escapeHtml(title)}</h1>
<p id="up-next">${escapeHtml(ui.upNext)} <span id="next-title"></span></p>
<section id="notes" aria-label="${escapeHtml(ui.speakerNotes)}"></section>
</main>
<div class="controls">
<button id="blank" type="button" aria-pressed="false">${escapeHtml(ui.blankScreen)}</button>
<div class="nav">
<button id="prev" type="button"><span aria-hidden="true">‹ </span>${escapeHtml(ui.previous)}</button>
<button id="next" type="button">${escapeHtml(ui.next)}<span aria-hidden="true"> ›</span></button>
</div>
</div>
<script type="application/json" id="present-strings">${scriptJson(strings)}</script>
<script src="${REMOTE_CLIENT_PATH}"></script>
</body>
</html>
`;
}
