/**
 * `GET /admin`: one self-contained HTML page (no framework, no build step) over `/admin/api/*`. It asks for the
 * admin token and keeps it in sessionStorage (gone when the tab closes), then shows cost and images per person
 * and per model over the last 30 days as a chart and tables, a cost view (the month's projection and the last 7
 * days by person, by model and by day, with the batch share and the cache's savings: admin-cost-script.ts), the tokens with their limits (create, revoke, change
 * limits), and the cache's hit rate and savings. Everything a person typed is inserted as text, never as HTML.
 * The inline script and style are allowed by their hashes in the Content-Security-Policy, and nothing else is.
 */
import type { Context } from 'hono';
import { createHash } from 'node:crypto';
import { ADMIN_SCRIPT } from './admin-script.js';
import { ADMIN_STYLE } from './admin-style.js';

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const CSP = [
  "default-src 'none'",
  `script-src ${sha256(ADMIN_SCRIPT)}`,
  `style-src ${sha256(ADMIN_STYLE)}`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>Banana Studio · Team proxy admin</title>
<style>${ADMIN_STYLE}</style>
</head>
<body>
<header>
  <h1><svg class="logo" viewBox="0 0 24 24" aria-hidden="true"><rect width="24" height="24" rx="6" fill="#e0a400"/><path d="M6 15c4 3 10 2 12-6-3 4-8 5-12 6z" fill="#fff6cc"/></svg>Banana Studio <span class="sub">team proxy admin</span></h1>
  <div class="header-actions">
    <span id="generated" class="muted"></span>
    <button id="refresh" type="button" class="ghost" hidden>Refresh</button>
    <button id="sign-out" type="button" class="ghost" hidden>Sign out</button>
  </div>
</header>
<main>
  <section id="login" class="card narrow" hidden>
    <h2>Sign in</h2>
    <p>Paste the admin token: the value of <code>BANANA_ADMIN_TOKEN</code> the proxy was started with (in offline mode, the one it printed at start). It stays in this tab only.</p>
    <form id="login-form">
      <label for="admin-token">Admin token</label>
      <div class="row">
        <input id="admin-token" type="password" autocomplete="off" spellcheck="false" required>
        <button type="submit">Sign in</button>
      </div>
      <p id="login-error" class="error" role="alert"></p>
    </form>
  </section>
  <div id="app" hidden>
    <p id="status" class="status" role="status" aria-live="polite"></p>
    <section class="cards" id="cards"></section>
    <section class="card">
      <div class="card-head">
        <h2>Cost per day <span class="muted" id="chart-range"></span></h2>
        <div class="toggle" role="group" aria-label="Group the chart">
          <button type="button" id="by-person" aria-pressed="true">By person</button>
          <button type="button" id="by-model" aria-pressed="false">By model</button>
        </div>
      </div>
      <div id="chart"></div>
      <div id="legend" class="legend"></div>
    </section>
    <div class="two">
      <section class="card"><h2>Per person</h2><div id="people"></div></section>
      <section class="card"><h2>Per model</h2><div id="models"></div></section>
    </div>
    <section class="card" id="cost-view">
      <div class="card-head"><h2>Cost view <span class="muted">the month ahead, and the last 7 days</span></h2></div>
      <p id="projection" class="projection"></p>
      <p id="projection-method" class="muted"></p>
      <h3>By person</h3><div id="cost-people" class="scroll"></div>
      <h3>By model</h3><div id="cost-models" class="scroll"></div>
      <h3>In all, by day</h3><div id="cost-days" class="scroll"></div>
    </section>
    <section class="card">
      <div class="card-head"><h2>Team tokens</h2></div>
      <form id="create-form" class="create">
        <div><label for="new-name">Name</label><input id="new-name" required maxlength="64" placeholder="Ana"></div>
        <div><label for="new-daily">Images / day</label><input id="new-daily" type="number" min="0" step="1" placeholder="no limit"></div>
        <div><label for="new-monthly">$ / month</label><input id="new-monthly" type="number" min="0" step="0.01" placeholder="no limit"></div>
        <div><label for="new-rpm">Requests / min</label><input id="new-rpm" type="number" min="1" step="1" placeholder="no limit"></div>
        <div class="create-go"><button type="submit">Create token</button></div>
      </form>
      <div id="new-token" class="new-token" hidden>
        <p><strong>Token for <span id="new-token-name"></span></strong>: copy it now and hand it over; it is not shown again.</p>
        <div class="row"><code id="new-token-value"></code><button type="button" id="copy-token" class="ghost">Copy</button></div>
      </div>
      <div id="tokens"></div>
    </section>
    <section class="card"><h2>Cache</h2><div id="cache"></div></section>
    <section class="card"><h2>Models this key can reach</h2><p id="models-check" class="muted"></p><div id="reach"></div></section>
  </div>
</main>
<script>${ADMIN_SCRIPT}</script>
</body>
</html>
`;

/** Serves the page, with a CSP that allows only its own inline script and style and calls to this origin. */
export function adminPage(c: Context): Response {
  return c.html(HTML, 200, {
    'Content-Security-Policy': CSP,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
}
