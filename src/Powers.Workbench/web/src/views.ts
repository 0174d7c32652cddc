// The situation form (generated from the fact schema), the decision, the timeline, the diff and the proofs.
import { el, send, LibraryInfo, Decision, PowerDecision } from './api';
import { PageState, queryDocument, designationJson, stateFromQuery } from './state';

export function buildSituation(form: HTMLFormElement, library: LibraryInfo, state: PageState, changed: () => void): void {
  const rows: Node[] = [];
  const date = el('input', { type: 'date', 'data-testid': 'date', value: state.date });
  date.addEventListener('change', () => { state.date = date.value; changed(); });
  rows.push(el('label', {}, 'date'), date);

  const designation = el('select', { 'data-testid': 'designation' });
  designation.append(el('option', { value: '' }, 'ad hoc (force and powers below)'));
  for (const d of library.designations ?? []) designation.append(el('option', { value: d.id }, d.id + ' — ' + d.title));
  designation.value = state.designation;
  rows.push(el('label', {}, 'designation'), designation);

  const adhoc = el('div', { class: 'adhoc', 'data-testid': 'adhoc' });
  const force = el('select', { 'data-testid': 'force' });
  force.append(el('option', { value: '' }, '(force)'));
  for (const f of library.forces ?? []) force.append(el('option', { value: f.id }, f.name));
  force.value = state.force;
  const grant = el('select', { 'data-testid': 'grant', multiple: 'multiple', size: '6' });
  const granted = new Set(state.grant.split(',').filter((g) => g));
  for (const p of library.powers ?? []) {
    const o = el('option', { value: p.id }, p.id);
    o.selected = granted.has(p.id);
    grant.append(o);
  }
  const made = el('input', { type: 'date', 'data-testid': 'made', value: state.made });
  adhoc.append(el('label', {}, 'force'), force, el('label', {}, 'powers'), grant, el('label', {}, 'made'), made);
  adhoc.hidden = state.designation !== '';
  rows.push(adhoc);
  designation.addEventListener('change', () => { state.designation = designation.value; adhoc.hidden = state.designation !== ''; changed(); });
  force.addEventListener('change', () => { state.force = force.value; changed(); });
  grant.addEventListener('change', () => { state.grant = [...grant.selectedOptions].map((o) => o.value).join(','); changed(); });
  made.addEventListener('change', () => { state.made = made.value; changed(); });

  for (const fact of library.facts ?? []) {
    let control: HTMLSelectElement | HTMLInputElement;
    if (fact.type === 'int') {
      control = el('input', { type: 'number', min: String(fact.min ?? 0), placeholder: 'unknown', 'data-fact': fact.name, value: state.facts.get(fact.name) ?? '' });
    } else {
      control = el('select', { 'data-fact': fact.name });
      control.append(el('option', { value: '' }, 'unknown'));
      for (const v of fact.type === 'bool' ? ['true', 'false'] : fact.values ?? []) control.append(el('option', { value: v }, v));
      control.value = state.facts.get(fact.name) ?? '';
    }
    control.title = fact.text;
    control.addEventListener(fact.type === 'int' ? 'input' : 'change', () => {
      if (control.value === '') state.facts.delete(fact.name); else state.facts.set(fact.name, control.value);
      changed();
    });
    rows.push(el('label', { title: fact.text, for: 'fact-' + fact.name }, fact.name), control);
    control.id = 'fact-' + fact.name;
  }
  form.replaceChildren(...rows);
}

/** Decides the page's situation on the server (the engine of `powers query`) and shows each power. */
export async function decide(state: PageState, list: HTMLElement, errors: HTMLElement, version: HTMLElement, choosePower: (id: string) => void, applyExample: (facts: Record<string, unknown>) => void): Promise<void> {
  if (designationJson(state) === null) {
    errors.textContent = 'Choose a designation, or a force and powers for an ad-hoc one.';
    list.replaceChildren();
    list.dataset.state = 'waiting';
    return;
  }
  list.dataset.state = 'deciding';
  const result = await send<Decision & { errors?: string[]; error?: string }>('POST', '/api/decide', queryDocument(state));
  if (result.status !== 200) {
    errors.textContent = (result.body.errors ?? [result.body.error ?? 'error']).join('\n');
    list.replaceChildren();
    list.dataset.state = 'error';
    return;
  }
  errors.textContent = '';
  const d = result.body;
  version.textContent = d.ruleset ? d.ruleset.id + '@' + d.ruleset.version : '';
  list.replaceChildren(...d.decisions.map((p) => powerRow(p, choosePower, applyExample)));
  list.dataset.query = queryDocument(state);
  list.dataset.state = 'decided';
  list.dispatchEvent(new CustomEvent('decided'));
}

function powerRow(p: PowerDecision, choosePower: (id: string) => void, applyExample: (facts: Record<string, unknown>) => void): HTMLElement {
  const head = el('div', { class: 'power-head' },
    el('span', { class: 'title' }, p.title),
    el('span', { class: 'outcome' }, p.outcome),
    p.confidence === 'low' ? el('span', { class: 'low', title: 'rests on a low-confidence reading' }, 'low confidence') : '');
  head.addEventListener('click', () => choosePower(p.power));
  const row = el('li', { 'data-power': p.power, 'data-outcome': p.outcome, 'data-confidence': p.confidence ?? 'high' }, head);
  if (p.reason) row.title = p.reason;
  if (p.reason) row.append(el('div', { class: 'muted' }, p.reason));
  if (p.cite) row.append(el('div', { class: 'cite' }, p.cite));
  if (p.uncertain && p.uncertain.length > 0) {
    row.append(el('details', { class: 'low' }, el('summary', {}, 'uncertain (' + p.uncertain.length + ')'),
      el('ul', {}, ...p.uncertain.map((u) => el('li', {}, u.note + ' (' + u.cite + ')')))));
  }
  if (p.clauses && p.clauses.length > 0) {
    const clauses = el('ul', { class: 'clauses' });
    for (const c of p.clauses) {
      clauses.append(el('li', { class: c.status, 'data-clause': c.id },
        c.status + ': ' + (c.text ?? c.id) + ' ', el('code', {}, c.when ?? ''), c.cite ? el('span', { class: 'cite' }, ' — ' + c.cite) : ''));
    }
    row.append(el('details', {}, el('summary', {}, 'clauses (' + p.clauses.length + ')'), clauses));
  }
  if (p.missing && p.missing.length > 0) row.append(el('div', {}, 'missing facts: ' + p.missing.join(', ')));
  if (p.permittedIf !== undefined) {
    const line = el('div', { class: 'permitted-if' }, 'permitted if ', el('code', {}, p.permittedIf));
    if (p.example) {
      const example = el('button', { type: 'button', 'data-testid': 'apply-example' }, 'fill in the example');
      example.addEventListener('click', () => applyExample(p.example!));
      line.append(' ', example);
    }
    row.append(line);
  }
  return row;
}

interface TimelineEntry { id: string; title: string; effective: string; outcome: string; cite?: string; changed: string[]; sources: string[]; changes: Change[] }
interface Change { power: string; from: string; to: string; when: string; exact: boolean; example: Record<string, unknown> }

export async function timeline(state: PageState, list: HTMLElement, heading: HTMLElement): Promise<void> {
  if (!state.power || designationJson(state) === null) {
    list.replaceChildren();
    return;
  }
  const facts: Record<string, unknown> = JSON.parse(queryDocument(state)).facts;
  const result = await send<{ versions: TimelineEntry[]; error?: string; errors?: string[] }>('POST', '/api/timeline',
    JSON.stringify({ power: state.power, designation: designationJson(state), facts }));
  heading.textContent = state.power;
  if (result.status !== 200) {
    list.replaceChildren(el('li', { class: 'errors' }, (result.body.errors ?? [result.body.error ?? 'error']).join('\n')));
    return;
  }
  list.replaceChildren(...result.body.versions.map((v) => {
    const li = el('li', { 'data-version': v.id, 'data-outcome': v.outcome },
      el('strong', {}, v.id), ' ', el('span', { class: 'outcome' }, v.outcome), el('div', { class: 'muted' }, v.title + ' (' + v.effective + ')'));
    if (v.cite) li.append(el('div', { class: 'cite' }, v.cite));
    if (v.changed.length > 0 || v.sources.length > 0) {
      li.append(el('details', {}, el('summary', {}, 'what changed in this version, and its sources'),
        el('ul', {}, ...v.changed.map((c) => el('li', {}, c))), el('div', { class: 'cite' }, v.sources.join('; '))));
    }
    li.append(changesList(v.changes));
    return li;
  }));
  list.dispatchEvent(new CustomEvent('timeline'));
}

function changesList(changes: Change[]): HTMLElement {
  const ul = el('ul', { class: 'changes' });
  for (const c of changes) {
    ul.append(el('li', { 'data-change': c.power },
      `${c.power}: ${c.from} → ${c.to} when `, el('code', {}, c.when), c.exact ? '' : ' (approximate)',
      el('div', { class: 'muted' }, 'for example ' + JSON.stringify(c.example))));
  }
  return ul;
}

export async function diff(state: PageState, from: string, to: string, list: HTMLElement): Promise<void> {
  const body: Record<string, unknown> = { from, to, designation: designationJson(state) };
  if (state.power) body.power = state.power;
  const result = await send<{ changes: Change[]; error?: string; errors?: string[] }>('POST', '/api/diff', JSON.stringify(body));
  if (result.status !== 200) {
    list.replaceChildren(el('li', { class: 'errors' }, (result.body.errors ?? [result.body.error ?? 'error']).join('\n')));
    return;
  }
  list.replaceChildren(...(result.body.changes.length === 0 ? [el('li', { 'data-change': '' }, 'no outcome changes')] : [...changesList(result.body.changes).children]));
  list.dataset.state = 'compared';
}

interface ProveResult {
  cases: { name: string; location: string; passed: boolean; failures: string[]; cite?: string; query: Record<string, unknown> }[];
  assertions: { id: string; text: string; cite: string; location: string; proved: boolean; refuted: boolean; stopped?: string; power?: string; outcome?: string; query?: Record<string, unknown> }[];
  passed: number; failed: number; proved: number; refuted: number;
}

export async function prove(list: HTMLElement, summary: HTMLElement, open: (s: PageState) => void): Promise<void> {
  summary.textContent = 'running…';
  const result = await send<ProveResult & { error?: string }>('POST', '/api/prove', '{}');
  if (result.status !== 200) {
    summary.textContent = result.body.error ?? 'error';
    return;
  }
  const r = result.body;
  summary.textContent = `${r.passed} passed, ${r.failed} failed; ${r.proved} proved, ${r.refuted} refuted`;
  const items: HTMLElement[] = [];
  const openLink = (query: Record<string, unknown>) => {
    const b = el('button', { type: 'button', 'data-testid': 'open-situation' }, 'open its situation');
    b.addEventListener('click', () => open(stateFromQuery(query)));
    return b;
  };
  for (const c of r.cases.filter((c) => !c.passed)) {
    items.push(el('li', { 'data-case': c.name, 'data-status': 'failed' }, `${c.location}: FAIL ${c.name}: ${c.failures.join('; ')} `, openLink(c.query)));
  }
  for (const a of r.assertions.filter((a) => a.refuted)) {
    items.push(el('li', { 'data-assertion': a.id, 'data-status': 'refuted' }, `${a.location}: REFUTED ${a.id}: ${a.power} is ${a.outcome} `, openLink(a.query!)));
  }
  for (const c of r.cases.filter((c) => c.passed)) items.push(el('li', { 'data-case': c.name, 'data-status': 'passed' }, 'PASS ' + c.name));
  for (const a of r.assertions.filter((a) => a.stopped !== undefined)) items.push(el('li', { 'data-assertion': a.id, 'data-status': 'stopped' }, 'NOT SETTLED ' + a.id + ': ' + a.stopped));
  for (const a of r.assertions.filter((a) => a.proved)) items.push(el('li', { 'data-assertion': a.id, 'data-status': 'proved' }, 'PROVED ' + a.id + ': ' + a.text));
  list.replaceChildren(...items);
  list.dataset.state = 'done';
}
