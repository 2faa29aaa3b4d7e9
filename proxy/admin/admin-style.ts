/** The admin page's stylesheet (inlined; allowed by its hash in the page's CSP). */
export const ADMIN_STYLE = String.raw`
:root { --ink: #1c1917; --muted: #6b6560; --line: #e7e2da; --bg: #faf8f4; --card: #fff; --accent: #e0a400;
  --accent-ink: #3d2f00; --danger: #b42318; --ok: #067647; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); }
header { display: flex; align-items: center; justify-content: space-between; gap: 16px; padding: 14px 28px;
  background: var(--card); border-bottom: 1px solid var(--line); position: sticky; top: 0; z-index: 1; }
h1 { font-size: 18px; margin: 0; font-weight: 650; display: flex; align-items: center; gap: 10px; }
h1 .logo { width: 26px; height: 26px; }
h1 .sub { color: var(--muted); font-weight: 450; }
h2 { font-size: 15px; margin: 0 0 12px; font-weight: 650; }
.header-actions { display: flex; align-items: center; gap: 10px; }
main { max-width: 1180px; margin: 0 auto; padding: 20px 28px 48px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 18px 20px; margin-bottom: 18px; }
.card.narrow { max-width: 560px; margin: 48px auto; }
.card-head { display: flex; align-items: center; justify-content: space-between; gap: 12px; margin-bottom: 8px; }
.card-head h2 { margin: 0; }
.cards { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 14px; margin-bottom: 18px; }
.stat { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; }
.stat .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.stat .value { font-size: 24px; font-weight: 650; margin-top: 4px; font-variant-numeric: tabular-nums; }
.stat .note { color: var(--muted); font-size: 12px; margin-top: 2px; }
.two { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 600px), 1fr)); gap: 0 18px; }
#people, #models, #tokens { overflow-x: auto; }
.two .card { margin-bottom: 18px; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 7px 6px; border-bottom: 1px solid var(--line); vertical-align: middle; }
th { color: var(--muted); font-weight: 550; font-size: 12px; text-transform: uppercase; letter-spacing: .03em; }
td.num, th.num { text-align: right; }
td:first-child { white-space: nowrap; }
meter { width: 180px; height: 10px; vertical-align: middle; margin-left: 12px; }
tr:last-child td, tr:last-child th { border-bottom: none; }
.muted { color: var(--muted); }
.empty { color: var(--muted); padding: 8px 0; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: 12.5px; background: #f3efe7; padding: 1px 5px; border-radius: 4px; }
label { display: block; font-size: 12px; color: var(--muted); margin-bottom: 4px; }
input { font: inherit; padding: 7px 9px; border: 1px solid #d6d0c6; border-radius: 6px; width: 100%; background: #fff; }
input:focus { outline: 2px solid var(--accent); outline-offset: 0; border-color: var(--accent); }
td input { width: 92px; padding: 5px 7px; }
button { font: inherit; font-weight: 550; padding: 7px 14px; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent);
  color: var(--accent-ink); cursor: pointer; white-space: nowrap; }
button:hover { filter: brightness(1.05); }
button.ghost { background: transparent; border-color: #d6d0c6; color: var(--ink); }
button.danger { background: transparent; border-color: #f1b7b1; color: var(--danger); }
button.danger.armed { background: var(--danger); color: #fff; border-color: var(--danger); }
button.small { padding: 4px 10px; font-size: 13px; }
.row { display: flex; gap: 8px; align-items: center; }
.error { color: var(--danger); min-height: 1.4em; margin: 8px 0 0; }
.status { margin: 0 0 12px; padding: 8px 12px; border-radius: 8px; background: #e8f5ee; color: var(--ok); }
.status:empty { display: none; }
.status.bad { color: var(--danger); background: #fdecea; }
.toggle { display: inline-flex; border: 1px solid #d6d0c6; border-radius: 7px; overflow: hidden; }
.toggle button { border: none; border-radius: 0; background: transparent; color: var(--ink); padding: 5px 12px; }
.toggle button[aria-pressed="true"] { background: var(--accent); color: var(--accent-ink); }
#chart svg { display: block; width: 100%; height: auto; }
#chart .axis { fill: var(--muted); font-size: 11px; }
#chart .grid { stroke: var(--line); }
.legend { display: flex; flex-wrap: wrap; gap: 6px 16px; margin-top: 8px; font-size: 13px; }
.legend span { display: inline-flex; align-items: center; gap: 6px; }
.legend i { width: 11px; height: 11px; border-radius: 3px; display: inline-block; }
.create { display: grid; grid-template-columns: 2fr 1fr 1fr 1fr auto; gap: 12px; align-items: end; margin-bottom: 14px; }
.new-token { border: 1px solid #f3d27a; background: #fff8e1; border-radius: 8px; padding: 12px 14px; margin-bottom: 14px; }
.new-token p { margin: 0 0 8px; }
.new-token code { font-size: 13px; padding: 6px 8px; background: #fff; border: 1px solid #f3d27a; word-break: break-all; }
.tag { display: inline-block; font-size: 11px; padding: 1px 6px; border-radius: 10px; background: #efeae1; color: var(--muted); margin-left: 6px; }
.actions { display: flex; gap: 6px; justify-content: flex-end; }
h3 { font-size: 13px; margin: 16px 0 6px; font-weight: 650; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
.scroll { overflow-x: auto; }
.projection { display: flex; align-items: baseline; gap: 12px; margin: 4px 0; }
.projection .label { color: var(--muted); }
.projection .value { font-size: 24px; font-variant-numeric: tabular-nums; }
@media (max-width: 900px) { .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); } .two { grid-template-columns: 1fr; }
  .create { grid-template-columns: 1fr 1fr; } }
`;
