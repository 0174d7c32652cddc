// Talks to the workbench server. Every write carries the CSRF secret the page was served with (see WorkbenchSecurity).
const csrf = document.querySelector<HTMLMetaElement>('meta[name=powers-csrf]')?.content ?? '';

export function csrfToken(): string {
  return csrf;
}

export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { credentials: 'same-origin' });
  return (await response.json()) as T;
}

export async function getText(path: string): Promise<string> {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(((await response.json()) as { error: string }).error);
  }
  return response.text();
}

export async function send<T>(method: string, path: string, body: string): Promise<{ status: number; body: T }> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-Powers-Csrf': csrf },
    body,
  });
  return { status: response.status, body: (await response.json()) as T };
}

export interface FactInfo { name: string; type: 'bool' | 'int' | 'enum'; text: string; values?: string[]; min?: number }
export interface LibraryInfo {
  root: string;
  rootUri: string;
  files: string[];
  errors: string[];
  facts?: FactInfo[];
  designations?: { id: string; title: string; force: string; effective: string }[];
  forces?: { id: string; name: string }[];
  powers?: { id: string; title: string }[];
  versions?: { id: string; title: string; effective: string; from?: string }[];
}

export interface Clause { id: string; status: string; cite?: string; text?: string; when?: string; confidence?: string; note?: string; origin?: string }
export interface PowerDecision {
  power: string; title: string; outcome: string; cite?: string; confidence?: string; reason?: string;
  uncertain?: { cite: string; note: string }[]; clauses?: Clause[]; missing?: string[]; permittedIf?: string;
  example?: Record<string, unknown>;
}
export interface Decision {
  date?: string; designation?: unknown; ruleset?: { id: string; version: string; title?: string };
  decisions: PowerDecision[];
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v; else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}
