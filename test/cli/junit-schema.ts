// Test helper: a structural validator for JUnit XML in the shape of the Jenkins/Surefire junit XSD that most CI
// systems read (testsuites > testsuite > [properties] testcase* ; testcase > (skipped | error* | failure*) then
// system-out/system-err), plus well-formedness and count consistency. No network, no dependency; returns problems.

interface Element {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: Element[];
  text: string;
}

const DECIMAL = /^\d+(\.\d+)?$/;
const INT = /^\d+$/;
const ENTITY = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

function parse(xml: string, problems: string[]): Element | null {
  if (/[\x00-\x08\x0B\x0C\x0E-\x1F]/.test(xml)) problems.push('control character not allowed in XML 1.0');
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\s*/, '');
  if (body === xml) problems.push('missing <?xml version="1.0" encoding="UTF-8"?> declaration');
  const token = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  const stack: Element[] = [];
  let root: Element | null = null;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = token.exec(body)) !== null) {
    consumed = token.lastIndex;
    const [, close, name, attrText, selfClose, text] = m;
    if (text !== undefined) {
      if (ENTITY.test(text)) problems.push(`bad entity in text: ${text.slice(0, 40)}`);
      if (stack.length > 0) stack[stack.length - 1].text += text;
      else if (text.trim() !== '') problems.push('text outside the root element');
      continue;
    }
    if (close) {
      const open = stack.pop();
      if (!open || open.name !== name) problems.push(`</${name}> does not close <${open?.name}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(/([\w-]+)="([^"]*)"/g)) {
      if (a[1] in attrs) problems.push(`duplicate attribute ${a[1]} on <${name}>`);
      if (ENTITY.test(a[2])) problems.push(`bad entity in attribute ${a[1]}`);
      attrs[a[1]] = a[2];
    }
    const el: Element = { name, attrs, children: [], text: '' };
    if (stack.length > 0) stack[stack.length - 1].children.push(el);
    else if (root) problems.push('more than one root element');
    else root = el;
    if (!selfClose) stack.push(el);
  }
  if (consumed !== body.length) problems.push(`not well-formed at offset ${consumed}: ${body.slice(consumed, consumed + 40)}`);
  if (stack.length > 0) problems.push(`unclosed <${stack[stack.length - 1].name}>`);
  return root;
}

function attr(el: Element, name: string, pattern: RegExp | null, required: boolean, problems: string[]): void {
  const v = el.attrs[name];
  if (v === undefined) {
    if (required) problems.push(`<${el.name}> needs attribute ${name}`);
  } else if (pattern && !pattern.test(v)) problems.push(`<${el.name} ${name}="${v}"> does not match ${pattern}`);
}

function only(el: Element, allowed: readonly string[], problems: string[]): void {
  for (const k of Object.keys(el.attrs)) if (!allowed.includes(k)) problems.push(`<${el.name}> has unknown attribute ${k}`);
}

function checkCase(tc: Element, problems: string[]): 'failure' | 'error' | 'skipped' | 'passed' {
  only(tc, ['name', 'classname', 'time', 'assertions', 'status', 'file', 'line'], problems);
  attr(tc, 'name', null, true, problems);
  attr(tc, 'time', DECIMAL, false, problems);
  const names = tc.children.map((c) => c.name);
  if (!/^((skipped )|(error )*(failure )*|(failure )*(error )*)(system-out )*(system-err )*$/.test(names.map((n) => `${n} `).join(''))) {
    problems.push(`<testcase name="${tc.attrs.name}"> children out of the schema's order: ${names.join(' ')}`);
  }
  for (const c of tc.children) {
    if (c.name === 'failure' || c.name === 'error') only(c, ['message', 'type'], problems);
    else if (c.name === 'skipped') only(c, ['message'], problems);
    else if (c.name !== 'system-out' && c.name !== 'system-err') problems.push(`<testcase> may not hold <${c.name}>`);
  }
  return names.includes('failure') ? 'failure' : names.includes('error') ? 'error' : names.includes('skipped') ? 'skipped' : 'passed';
}

/** Problems found (empty: valid). */
export function validateJunit(xml: string): string[] {
  const problems: string[] = [];
  const root = parse(xml, problems);
  if (!root) return [...problems, 'no root element'];
  if (root.name !== 'testsuites') problems.push(`root is <${root.name}>, not <testsuites>`);
  only(root, ['name', 'tests', 'failures', 'errors', 'skipped', 'disabled', 'time'], problems);
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const suite of root.children) {
    if (suite.name !== 'testsuite') {
      problems.push(`<testsuites> may not hold <${suite.name}>`);
      continue;
    }
    only(suite, ['name', 'tests', 'failures', 'errors', 'skipped', 'disabled', 'time', 'timestamp', 'hostname', 'id', 'package'], problems);
    attr(suite, 'name', null, true, problems);
    attr(suite, 'tests', INT, true, problems);
    for (const k of ['failures', 'errors', 'skipped']) attr(suite, k, INT, false, problems);
    attr(suite, 'time', DECIMAL, false, problems);
    const kinds = suite.children.map((c) => c.name);
    if (!/^(properties )?(testcase )*(system-out )?(system-err )?$/.test(kinds.map((k) => `${k} `).join(''))) problems.push(`<testsuite> children out of order: ${kinds.join(' ')}`);
    const counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
    for (const c of suite.children) {
      if (c.name === 'properties') {
        for (const p of c.children) {
          if (p.name !== 'property') problems.push(`<properties> may not hold <${p.name}>`);
          attr(p, 'name', null, true, problems);
          attr(p, 'value', null, true, problems);
        }
      }
      if (c.name !== 'testcase') continue;
      counts.tests++;
      const verdict = checkCase(c, problems);
      if (verdict === 'failure') counts.failures++;
      if (verdict === 'error') counts.errors++;
      if (verdict === 'skipped') counts.skipped++;
    }
    for (const k of ['tests', 'failures', 'errors', 'skipped'] as const) {
      if (suite.attrs[k] !== undefined && Number(suite.attrs[k]) !== counts[k]) problems.push(`testsuite ${suite.attrs.name}: ${k}="${suite.attrs[k]}" but ${counts[k]} found`);
      totals[k] += counts[k];
    }
  }
  for (const k of ['tests', 'failures', 'errors', 'skipped'] as const) {
    if (root.attrs[k] !== undefined && Number(root.attrs[k]) !== totals[k]) problems.push(`testsuites: ${k}="${root.attrs[k]}" but ${totals[k]} found`);
  }
  return problems;
}

/** Each testcase as {suite, classname, name, verdict, message} for assertions. */
export function junitCases(xml: string): { suite: string; classname: string; name: string; verdict: string; message: string; body: string }[] {
  const root = parse(xml, []);
  return (root?.children ?? []).flatMap((s) =>
    s.children
      .filter((c) => c.name === 'testcase')
      .map((tc) => {
        const verdict = checkCase(tc, []);
        const el = tc.children.find((c) => c.name === verdict);
        return { suite: s.attrs.name, classname: tc.attrs.classname, name: tc.attrs.name, verdict, message: el?.attrs.message ?? '', body: el?.text ?? '' };
      }),
  );
}
