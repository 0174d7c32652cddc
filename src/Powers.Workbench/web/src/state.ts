// The situation lives in the URL (docs/contract.md, "The page"): /?date=...&designation=...&fact.NAME=VALUE&power=ID.
// VALUE is JSON text for bools and ints, the bare value for enums. An ad-hoc designation is force=F&grant=P,P[&made=D].
export interface PageState {
  date: string;
  designation: string;
  force: string;
  grant: string;
  made: string;
  ruleset: string;
  facts: Map<string, string>;
  power: string;
  file: string;
}

export function readState(search: string): PageState {
  const q = new URLSearchParams(search);
  const facts = new Map<string, string>();
  for (const [k, v] of q) {
    if (k.startsWith('fact.')) facts.set(k.slice(5), v);
  }
  return {
    date: q.get('date') ?? '', designation: q.get('designation') ?? '', force: q.get('force') ?? '', grant: q.get('grant') ?? '',
    made: q.get('made') ?? '', ruleset: q.get('ruleset') ?? '', facts, power: q.get('power') ?? '', file: q.get('file') ?? '',
  };
}

export function writeState(s: PageState): string {
  const q = new URLSearchParams();
  if (s.date) q.set('date', s.date);
  if (s.ruleset) q.set('ruleset', s.ruleset);
  if (s.designation) q.set('designation', s.designation);
  else if (s.force) {
    q.set('force', s.force);
    q.set('grant', s.grant);
    if (s.made) q.set('made', s.made);
  }
  for (const [k, v] of s.facts) q.set('fact.' + k, v);
  if (s.power) q.set('power', s.power);
  if (s.file) q.set('file', s.file);
  const text = q.toString();
  return text ? '?' + text : '';
}

/** The designation as a query document has it: an id, or an ad-hoc object. */
export function designationJson(s: PageState): unknown {
  if (s.designation) return s.designation;
  if (s.force) {
    const adhoc: Record<string, unknown> = { force: s.force, powers: s.grant.split(',').map((p) => p.trim()).filter((p) => p) };
    if (s.made) adhoc.made = s.made;
    return adhoc;
  }
  return null;
}

/** A fact's URL text as its JSON value: JSON text when it parses as such (true, 3), else the bare enum value. */
export function factValue(text: string): unknown {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^-?\d+$/.test(text)) return Number(text);
  return text;
}

/** The query document the page decides: exactly what `powers query --input FILE` reads. */
export function queryDocument(s: PageState): string {
  const doc: Record<string, unknown> = {};
  if (s.date) doc.date = s.date;
  if (s.ruleset) doc.ruleset = s.ruleset;
  doc.designation = designationJson(s);
  const facts: Record<string, unknown> = {};
  for (const [k, v] of s.facts) facts[k] = factValue(v);
  doc.facts = facts;
  return JSON.stringify(doc);
}

/** A query document (a golden case, a counterexample) as page state. */
export function stateFromQuery(query: Record<string, unknown>): PageState {
  const facts = new Map<string, string>();
  for (const [k, v] of Object.entries((query.facts as Record<string, unknown>) ?? {})) {
    if (v !== null && v !== undefined) facts.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  }
  const d = query.designation;
  const adhoc = typeof d === 'object' && d !== null ? (d as { force?: string; powers?: string[]; made?: string }) : null;
  return {
    date: (query.date as string) ?? '', ruleset: (query.ruleset as string) ?? '', designation: typeof d === 'string' ? d : '',
    force: adhoc?.force ?? '', grant: (adhoc?.powers ?? []).join(','), made: adhoc?.made ?? '', facts, power: '', file: '',
  };
}
