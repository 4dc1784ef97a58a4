// The explorer's page: the trace page's style, and a small script that keeps the path of action indices in the
// URL (`#path=0.3.1`, a permalink), fetches its snapshot, and draws the cluster picture, the sequence diagram,
// the properties, the diff and the candidate actions (click an enabled one to take it; Back or Backspace/k
// returns to the previous state; clicking a row of the sequence goes back to that step).

import { PAGE_STYLE } from '../report/page/page-style.ts';
import { esc } from '../report/page/svg-text.ts';

const SCRIPT = `(function(){
var start=JSON.parse(document.getElementById('start').textContent),path=null,busy=false;
function esc(t){return String(t).replace(/&/g,'&amp;').replace(/</g,'&lt;').replace(/>/g,'&gt;');}
function fromHash(){var m=/path=([0-9.]*)/.exec(location.hash);return m?(m[1]===''?[]:m[1].split('.').map(Number)):null;}
function go(p){location.hash='path='+p.join('.');}
function load(p){busy=true;fetch('/api/state?path='+p.join('.')).then(function(r){return r.json();}).then(function(s){busy=false;
  if(s.error){document.getElementById('error').textContent=s.error;return;}
  document.getElementById('error').textContent='';path=s.path.slice();
  document.body.setAttribute('data-depth',String(path.length));
  document.getElementById('depth').textContent=path.length===0?'initial state':'after step '+path.length+': '+s.steps[path.length].text;
  document.getElementById('picture').innerHTML=s.cluster;document.getElementById('seq').innerHTML=s.sequence;
  var cur=document.querySelector('#seq .cursor');if(cur)cur.setAttribute('y',String(40+path.length*30));
  document.getElementById('props').innerHTML=s.holds.map(function(h){return '<span class="prop'+(h.holds?'':' broken')+'">'+(h.holds?'✓ ':'✗ ')+esc(h.name)+'</span>';}).join('');
  document.getElementById('actions').innerHTML=s.actions.filter(function(a){return a.enabled;}).concat(s.actions.filter(function(a){return !a.enabled;})).map(function(a){return '<li><button data-action="'+a.index+'"'+(a.enabled?'':' disabled')+'>#'+a.index+' '+esc(a.text)+'</button></li>';}).join('');
  var rows=['<tr><th>variable</th><th>before</th><th>now</th></tr>'];
  s.rows.forEach(function(r){var ch=r.b!==undefined;rows.push('<tr class="'+(ch?'changed':'same')+'"><td><code>'+esc(r.p)+'</code></td><td>'+(ch?esc(r.b):'')+'</td><td class="after">'+esc(r.v)+'</td></tr>');});
  document.getElementById('diff').innerHTML=rows.join('');
  document.getElementById('back').disabled=path.length===0;
  document.getElementById('permalink').setAttribute('href','#path='+path.join('.'));
  document.body.setAttribute('data-ready','1');
});}
function back(){if(path&&path.length>0)go(path.slice(0,-1));}
document.getElementById('actions').addEventListener('click',function(e){var b=e.target.closest('button[data-action]');if(b&&!b.disabled&&!busy)go(path.concat([Number(b.getAttribute('data-action'))]));});
document.getElementById('back').addEventListener('click',back);
document.getElementById('reset').addEventListener('click',function(){go([]);});
document.getElementById('seq').addEventListener('click',function(e){var t=e.target.closest('[data-step]');if(t)go(path.slice(0,Number(t.getAttribute('data-step'))));});
document.getElementById('show-all').addEventListener('change',function(e){document.getElementById('diff').classList.toggle('show-all',e.target.checked);});
document.addEventListener('keydown',function(e){if(e.key==='Backspace'||e.key==='k'||e.key==='ArrowLeft'){back();e.preventDefault();}});
window.addEventListener('hashchange',function(){var p=fromHash();if(p)load(p);});
var p=fromHash();if(p)load(p);else go(start);
})();`;

export function explorePage(title: string, startPath: readonly number[]): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${esc(`kcheck explore ${title}`)}</title><style>${PAGE_STYLE}</style></head><body>`,
    `<h1>kcheck explore: ${esc(title)}</h1>`,
    '<div class="scrubber"><button id="back" title="back (Backspace, k, ←)">◀ back</button><button id="reset">initial state</button>',
    '<span id="depth" class="title"></span><a id="permalink" href="#">permalink</a></div>',
    '<p id="error" style="color:#a11"></p>',
    '<h2>Cluster</h2><div id="picture" class="picture"></div>',
    '<div class="panes"><div>',
    '<h2>Actions <span class="muted">(enabled first; greyed ones are not enabled here)</span></h2><ul id="actions" class="actions"></ul>',
    '<h2>Properties here</h2><div id="props" class="props"></div>',
    '<h2>What the last step changed</h2><label><input type="checkbox" id="show-all"> show unchanged values</label><table id="diff" class="diff"></table>',
    '</div><div><h2>Path</h2><div id="seq" class="seq"></div></div></div>',
    `<script type="application/json" id="start">${JSON.stringify(startPath)}</script>`,
    `<script>${SCRIPT}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}
