// The workbench page: wires the file tree, the editor (language server over a WebSocket), the situation form and
// decision, the timeline and diff, the proofs and the card. Everything decided comes from the server.
import { el, getJson, LibraryInfo } from './api';
import { PageState, readState, writeState } from './state';
import { buildSituation, decide, timeline, diff, prove } from './views';
import { renderCard, buildCardForm } from './card';
import { LspClient } from './lsp';
import { RuleEditor } from './editor';

const $ = <T extends HTMLElement>(id: string) => document.querySelector<T>(`[data-testid=${id}]`)!;

async function workbench(library: LibraryInfo): Promise<void> {
  document.getElementById('workbench')!.hidden = false;
  let state: PageState = readState(location.search);
  const lsp = new LspClient(library.rootUri);
  const editor = new RuleEditor($('editor'), lsp, library.rootUri, $('problems'), $<HTMLButtonElement>('save'), $('save-status'));
  editor.onProblems = () => { $('problem-count').textContent = String($('problems').childElementCount); };

  const files = $('files');
  const openFile = async (path: string) => {
    await editor.open(path);
    for (const li of files.children) li.classList.toggle('open', (li as HTMLElement).dataset.file === path);
    $('editor-file').textContent = path;
    state.file = path;
    history.replaceState(null, '', writeState(state));
  };
  files.replaceChildren(...library.files.map((f) => {
    const li = el('li', { 'data-file': f, title: f }, f);
    li.addEventListener('click', () => void openFile(f));
    return li;
  }));

  const update = async () => {
    history.replaceState(null, '', writeState(state));
    await decide(state, $('decision'), $('query-errors'), $('decision-version'), choosePower, applyExample);
    await timeline(state, $('timeline'), $('timeline-power'));
  };
  const choosePower = (id: string) => { state.power = id; void update(); };
  const applyExample = (facts: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(facts)) state.facts.set(k, typeof v === 'string' ? v : JSON.stringify(v));
    load(state);
  };
  const load = (s: PageState) => {
    state = s;
    buildSituation($<HTMLFormElement>('situation'), library, state, () => void update());
    void update();
  };
  document.addEventListener('powers-saved', () => void update());

  for (const id of ['diff-from', 'diff-to']) {
    const select = $<HTMLSelectElement>(id);
    for (const v of library.versions ?? []) select.append(el('option', { value: v.id }, v.id));
  }
  const versions = library.versions ?? [];
  if (versions.length > 1) {
    $<HTMLSelectElement>('diff-from').value = versions[versions.length - 2].id;
    $<HTMLSelectElement>('diff-to').value = versions[versions.length - 1].id;
  }
  $('run-diff').addEventListener('click', () => void diff(state, $<HTMLSelectElement>('diff-from').value, $<HTMLSelectElement>('diff-to').value, $('diff')));
  $('run-prove').addEventListener('click', () => void prove($('prove'), $('prove-summary'), load));

  load(state);
  if (state.file && library.files.includes(state.file)) await openFile(state.file);
}

async function cardView(library: LibraryInfo): Promise<void> {
  document.getElementById('card-view')!.hidden = false;
  const q = new URLSearchParams(location.search);
  const date = $<HTMLInputElement>('card-date');
  const designation = $<HTMLSelectElement>('card-designation');
  const render = () => {
    history.replaceState(null, '', '/card?date=' + encodeURIComponent(date.value) + '&designation=' + encodeURIComponent(designation.value));
    void renderCard(library, $('card'), date.value, designation.value);
  };
  buildCardForm(library, date, designation, render);
  date.value = q.get('date') ?? new Date().toISOString().slice(0, 10);
  designation.value = q.get('designation') ?? library.designations?.[0]?.id ?? '';
  $('print').addEventListener('click', () => window.print());
  render();
}

async function main(): Promise<void> {
  const library = await getJson<LibraryInfo>('/api/library');
  const status = $('status');
  status.textContent = library.root + (library.errors.length > 0 ? ` — ${library.errors.length} error(s): the library does not compile` : '');
  status.dataset.errors = String(library.errors.length);
  if (location.pathname === '/card') await cardView(library); else await workbench(library);
  document.body.dataset.ready = 'true';
}

void main();
