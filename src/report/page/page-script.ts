// The trace page's script (vanilla, inlined): reads the embedded JSON, and a step slider, j/k and arrow keys,
// clicks on the sequence diagram or step list, and `#step=N` all move to one step, showing its cluster picture,
// the diff against the step before (unchanged rows hidden unless asked) and which properties hold there.

export const PAGE_SCRIPT = `(function(){
var data=JSON.parse(document.getElementById('trace-data').textContent);
var n=data.steps.length,cur=-1;
var slider=document.getElementById('scrub'),title=document.getElementById('step-title');
var pics=document.querySelectorAll('.picture[data-step]'),items=document.querySelectorAll('ol.steps li[data-step]');
var cursor=document.querySelector('.sequence .cursor'),diff=document.getElementById('diff'),props=document.getElementById('props');
function esc(t){return String(t).replace(/&/g,'&amp;').replace(/</g,'&lt;').replace(/>/g,'&gt;');}
function show(i){
  i=Math.max(0,Math.min(n-1,i|0));if(i===cur)return;cur=i;var s=data.steps[i];
  slider.value=String(i);document.body.setAttribute('data-step',String(i));
  title.textContent=(i===0?'Initial state':'Step '+i+': '+s.text)+(i===data.violating?'  ⚠ '+data.property+' broken here':'');
  title.className='title'+(i===data.violating?' violating':'');
  for(var p=0;p<pics.length;p++)pics[p].hidden=pics[p].getAttribute('data-step')!==String(i);
  for(var q=0;q<items.length;q++)items[q].classList.toggle('current',items[q].getAttribute('data-step')===String(i));
  if(cursor)cursor.setAttribute('y',String(40+i*30));
  var rows=['<tr><th>variable</th><th>before</th><th>now</th></tr>'];
  for(var r=0;r<s.rows.length;r++){var row=s.rows[r],ch=row.b!==undefined;
    rows.push('<tr class="'+(ch?'changed':'same')+'"><td><code>'+esc(row.p)+'</code></td><td>'+(ch?esc(row.b):'')+'</td><td class="after">'+esc(row.v)+'</td></tr>');}
  diff.innerHTML=rows.join('');
  var changed=s.rows.filter(function(x){return x.b!==undefined;}).length;
  document.getElementById('diff-count').textContent=i===0?'initial state':changed+' value(s) changed';
  props.innerHTML=s.holds.map(function(h){return '<span class="prop'+(h.holds?'':' broken')+'">'+(h.holds?'✓ ':'✗ ')+esc(h.name)+'</span>';}).join('');
  if(history.replaceState)history.replaceState(null,'','#step='+i);
}
function fromHash(){var m=/step=(\\d+)/.exec(location.hash);return m?Number(m[1]):null;}
slider.addEventListener('input',function(){show(Number(slider.value));});
document.getElementById('prev').addEventListener('click',function(){show(cur-1);});
document.getElementById('next').addEventListener('click',function(){show(cur+1);});
document.getElementById('show-all').addEventListener('change',function(e){diff.classList.toggle('show-all',e.target.checked);});
document.addEventListener('keydown',function(e){
  if(e.target&&e.target.tagName==='INPUT'&&e.target.type!=='range')return;
  var k=e.key;
  if(k==='j'||k==='ArrowRight'||k==='ArrowDown'){show(cur+1);e.preventDefault();}
  else if(k==='k'||k==='ArrowLeft'||k==='ArrowUp'){show(cur-1);e.preventDefault();}
  else if(k==='Home'){show(0);e.preventDefault();}else if(k==='End'){show(n-1);e.preventDefault();}
});
document.addEventListener('click',function(e){var t=e.target.closest&&e.target.closest('[data-step]');
  if(t&&!t.classList.contains('picture'))show(Number(t.getAttribute('data-step')));});
window.addEventListener('hashchange',function(){var h=fromHash();if(h!==null)show(h);});
var h=fromHash();show(h!==null?h:data.violating!==null?data.violating:0);
})();`;
