// A card per designation and date, for trainers: what this CSO may do, each power with its conditions in plain
// words and citations, printable on one A4 page where it fits (the print stylesheet in app.css).
import { el, send, LibraryInfo, Decision, Clause } from './api';

export async function renderCard(library: LibraryInfo, card: HTMLElement, date: string, designation: string): Promise<void> {
  if (!date || !designation) {
    card.replaceChildren(el('p', {}, 'Choose a date and a designation.'));
    return;
  }
  const result = await send<Decision & { errors?: string[]; error?: string }>('POST', '/api/decide', JSON.stringify({ date, designation, facts: {} }));
  if (result.status !== 200) {
    card.replaceChildren(el('p', { class: 'errors' }, (result.body.errors ?? [result.body.error ?? 'error']).join('\n')));
    return;
  }
  const d = result.body;
  const info = library.designations?.find((x) => x.id === designation);
  const conferred = d.decisions.filter((p) => p.outcome !== 'not-designated' && p.outcome !== 'not-in-force');
  // Conditions every conferred power shares (uniform, police area) are said once, above the powers; each power then
  // lists its own, in the library's plain words (the first sentence; the workbench shows the whole text) with the
  // provision. Long legal prose would not fit a page.
  const key = (c: Clause) => c.id + '\u0000' + (c.text ?? '');
  const shared = conferred.length === 0 ? [] : (conferred[0].clauses ?? []).filter((c) => conferred.every((p) => (p.clauses ?? []).some((o) => key(o) === key(c))));
  const sharedKeys = new Set(shared.map(key));
  const list = el('ul', { class: 'card-powers' });
  for (const p of conferred) {
    const own = (p.clauses ?? []).filter((c) => !sharedKeys.has(key(c)));
    const item = el('li', { 'data-power': p.power, 'data-outcome': p.outcome },
      el('strong', {}, p.title), el('span', { class: 'cite' }, ' — ' + shortCite(p.cite ?? '')));
    if (own.length > 0) item.append(el('div', { class: 'conditions' }, 'Only when: ' + own.map(condition).join(' · ')));
    if (p.confidence === 'low') item.append(el('span', { class: 'low-mark' }, ' (rests on a low-confidence reading: see the workbench)'));
    list.append(item);
  }
  card.replaceChildren(
    el('h1', {}, info ? info.title : designation),
    el('div', { class: 'sub' }, `Designation ${designation}${info ? ' (' + info.force + ')' : ''} · powers on ${date} · ${d.ruleset ? d.ruleset.id + '@' + d.ruleset.version : ''}`),
    shared.length > 0 ? el('p', { class: 'shared', 'data-testid': 'card-shared' }, el('strong', {}, 'Every power below only when: '), shared.map(condition).join(' · ')) : '',
    conferred.length === 0 ? el('p', {}, 'No powers are conferred on this date.') : list,
    el('div', { class: 'footer' }, `${conferred.length} of ${d.decisions.length} powers conferred. Each condition is the first sentence of the rule library's own words; the workbench shows the whole text and each condition's citation. Check against the cited provision before relying on it.`),
  );
  card.dataset.state = 'ready';
}

function condition(c: Clause): string {
  const text = c.text ?? c.when ?? c.id;
  const first = /^(.*?[.;])(\s|$)/.exec(text);
  // Each power carries its provision; a condition's own citation is in the workbench (a card must fit a page).
  return (first ? first[1] : text) + (c.confidence === 'low' ? ' (low confidence)' : '');
}

/** A citation with the Act's long title shortened: a card must fit a page. */
function shortCite(cite: string): string {
  return cite.replaceAll('Police Reform Act 2002', 'PRA 2002');
}

export function buildCardForm(library: LibraryInfo, date: HTMLInputElement, designation: HTMLSelectElement, changed: () => void): void {
  for (const d of library.designations ?? []) designation.append(el('option', { value: d.id }, d.id + ' — ' + d.title));
  date.addEventListener('change', changed);
  designation.addEventListener('change', changed);
}
