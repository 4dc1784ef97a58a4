// The stylesheet shared by the trace page and `kcheck explore`: summary box, scrubber, cluster picture, sequence
// diagram, diff table and property badges. Inline in every page (no external assets).

export const PAGE_STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;padding:1em 1.5em;color:#222;max-width:1400px}
h1{font-size:20px;margin:.2em 0}h2{font-size:16px;margin:1.2em 0 .4em}code{background:#f3f3f3;padding:1px 4px;border-radius:3px}
.summary{border:2px solid #c33;border-radius:8px;padding:.6em 1em;background:#fff8f8}.summary.ok{border-color:#2f855a;background:#f5fbf6}
.summary .consequence{font-size:15px;font-weight:600;margin:.4em 0}.summary dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:.4em 0}
.summary dt{font-weight:600;color:#555}.summary dd{margin:0}
.scrubber{position:sticky;top:0;background:#fff;padding:.5em 0;border-bottom:1px solid #ddd;z-index:2;display:flex;gap:.6em;align-items:center}
.scrubber input[type=range]{flex:1}.scrubber .title{flex:3;font-weight:600}.scrubber button{font:inherit;padding:2px 10px}
.panes{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.2em;align-items:start}
.picture{overflow-x:auto}.picture svg{max-width:none}.seq{overflow-x:auto}
.sequence .row{cursor:pointer}.sequence .row.violating{fill:#fde2e2}.sequence .event{cursor:pointer}
table.diff{border-collapse:collapse;width:100%;font-size:12px}table.diff td,table.diff th{border:1px solid #e2e2e2;padding:2px 6px;text-align:left;vertical-align:top}
table.diff tr.changed td{background:#fff3bf}table.diff tr.changed td.after{font-weight:600}table.diff:not(.show-all) tr.same{display:none}
.props{display:flex;flex-wrap:wrap;gap:4px;margin:.3em 0}.prop{padding:1px 8px;border-radius:9px;font-size:12px;background:#d8f0dc}.prop.broken{background:#f8c9c9;font-weight:600}
ol.steps{padding-left:2.2em}ol.steps li{cursor:pointer;padding:1px 4px;border-radius:3px}ol.steps li.current{background:#e6f0fb}ol.steps li.violating{color:#a11;font-weight:600}
.actions li{margin:2px 0}.actions button{font:inherit;cursor:pointer;text-align:left}.actions button:disabled{color:#aaa;cursor:default}
.muted{color:#777}`;
