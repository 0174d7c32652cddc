// The rule file editor: CodeMirror 6 with the language server's diagnostics, hover, completion and quick fixes.
import { EditorState, Text } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, hoverTooltip } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { syntaxHighlighting, defaultHighlightStyle, bracketMatching } from '@codemirror/language';
import { autocompletion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { lintGutter, setDiagnostics, Diagnostic } from '@codemirror/lint';
import { LspClient, LspDiagnostic, Position, CodeAction, TextEdit } from './lsp';
import { el, getText, send } from './api';

export class RuleEditor {
  private view: EditorView;
  private uri = '';
  private path = '';
  private version = 0;
  private saved = '';
  private diagnostics = new Map<string, LspDiagnostic[]>();
  onProblems: () => void = () => {};

  constructor(private host: HTMLElement, private lsp: LspClient, private rootUri: string, private problems: HTMLElement, private saveButton: HTMLButtonElement, private saveStatus: HTMLElement) {
    this.view = new EditorView({ parent: host, state: this.state('') });
    lsp.onDiagnostics = (uri, diagnostics) => {
      this.diagnostics.set(uri, diagnostics);
      this.renderProblems();
      if (uri === this.uri) this.showDiagnostics();
    };
    saveButton.addEventListener('click', () => void this.save());
  }

  get currentPath(): string {
    return this.path;
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  async open(path: string): Promise<void> {
    const text = await getText('/api/file?path=' + encodeURIComponent(path));
    if (this.uri) await this.lsp.notify('textDocument/didClose', { textDocument: { uri: this.uri } });
    this.path = path;
    this.uri = this.rootUri + path.split('/').map(encodeURIComponent).join('/');
    this.version = 1;
    this.saved = text;
    this.view.setState(this.state(text));
    this.host.dataset.file = path;
    this.saveButton.disabled = false;
    this.saveStatus.textContent = '';
    await this.lsp.notify('textDocument/didOpen', { textDocument: { uri: this.uri, languageId: 'json', version: this.version, text } });
    this.showDiagnostics();
    this.renderProblems();
  }

  async save(): Promise<void> {
    const text = this.text;
    const result = await send<{ saved?: boolean; error?: string }>('PUT', '/api/file?path=' + encodeURIComponent(this.path), text);
    if (result.status === 200) {
      this.saved = text;
      await this.lsp.notify('textDocument/didSave', { textDocument: { uri: this.uri } });
      this.saveStatus.textContent = 'saved';
      this.saveStatus.dataset.state = 'saved';
      document.dispatchEvent(new CustomEvent('powers-saved'));
    } else {
      this.saveStatus.textContent = result.body.error ?? 'not saved';
      this.saveStatus.dataset.state = 'error';
    }
  }

  /** Applies the server's first quick fix for a diagnostic of the open file. */
  async quickFix(d: LspDiagnostic): Promise<void> {
    const actions = await this.lsp.request<CodeAction[] | null>('textDocument/codeAction', {
      textDocument: { uri: this.uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] },
    });
    const action = (actions ?? []).find((a) => a.edit?.changes?.[this.uri]);
    if (action) this.apply(action.edit!.changes![this.uri]);
  }

  private apply(edits: TextEdit[]): void {
    const doc = this.view.state.doc;
    this.view.dispatch({
      changes: edits.map((e) => ({ from: offset(doc, e.range.start), to: offset(doc, e.range.end), insert: e.newText })),
    });
  }

  private state(text: string): EditorState {
    return EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(), highlightActiveLine(), history(), bracketMatching(), json(),
        syntaxHighlighting(defaultHighlightStyle), lintGutter(),
        keymap.of([...defaultKeymap, ...historyKeymap, { key: 'Mod-s', run: () => { void this.save(); return true; } }]),
        autocompletion({ override: [(c) => this.complete(c)] }),
        hoverTooltip((view, pos) => this.hover(view, pos)),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && this.uri) {
            this.version++;
            void this.lsp.notify('textDocument/didChange', { textDocument: { uri: this.uri, version: this.version }, contentChanges: [{ text: u.state.doc.toString() }] });
            this.saveStatus.textContent = u.state.doc.toString() === this.saved ? '' : 'modified';
            this.saveStatus.dataset.state = 'modified';
          }
        }),
      ],
    });
  }

  private async complete(context: CompletionContext): Promise<CompletionResult | null> {
    if (!this.uri) return null;
    const word = context.matchBefore(/[\w.-]*/);
    if (!context.explicit && (!word || word.from === word.to)) return null;
    const list = await this.lsp.request<{ items: { label: string; detail?: string; insertText?: string; documentation?: unknown }[] } | null>(
      'textDocument/completion', { textDocument: { uri: this.uri }, position: position(context.state.doc, context.pos) });
    if (!list || list.items.length === 0) return null;
    return {
      from: word ? word.from : context.pos,
      options: list.items.map((i) => ({ label: i.label, detail: i.detail, apply: i.insertText ?? i.label })),
      validFor: /^[\w.-]*$/,
    };
  }

  private async hover(view: EditorView, pos: number) {
    if (!this.uri) return null;
    const hover = await this.lsp.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: this.uri }, position: position(view.state.doc, pos) });
    if (!hover) return null;
    return {
      pos,
      create: () => {
        const dom = el('div', { class: 'hover', 'data-testid': 'hover' });
        dom.textContent = hover.contents.value;
        dom.style.whiteSpace = 'pre-wrap';
        dom.style.maxWidth = '480px';
        dom.style.padding = '4px 6px';
        return { dom };
      },
    };
  }

  private showDiagnostics(): void {
    const doc = this.view.state.doc;
    const list: Diagnostic[] = (this.diagnostics.get(this.uri) ?? []).map((d) => ({
      from: offset(doc, d.range.start),
      to: Math.max(offset(doc, d.range.end), offset(doc, d.range.start)),
      severity: d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info',
      message: (d.code ? d.code + ': ' : '') + d.message,
      actions: [{ name: 'Quick fix', apply: () => void this.quickFix(d) }],
    }));
    this.view.dispatch(setDiagnostics(this.view.state, list));
  }

  private renderProblems(): void {
    const items: HTMLElement[] = [];
    const severityName = ['', 'error', 'warning', 'information', 'hint'];
    for (const [uri, list] of this.diagnostics) {
      const path = decodeURIComponent(uri.startsWith(this.rootUri) ? uri.slice(this.rootUri.length) : uri);
      for (const d of list) {
        // Low-confidence readings (information) are many; the list shows errors and warnings, and the open file's notes.
        if ((d.severity ?? 1) > 2 && uri !== this.uri) continue;
        const li = el('li', { 'data-id': d.code ?? '', 'data-file': path, class: severityName[d.severity ?? 1] },
          `${path}(${d.range.start.line + 1},${d.range.start.character + 1}): ${d.code ?? ''} ${d.message}`);
        li.addEventListener('click', () => void this.reveal(path, d));
        if (uri === this.uri && d.severity === 1) {
          const fix = el('button', { type: 'button', 'data-testid': 'quick-fix' }, 'Quick fix');
          fix.addEventListener('click', (e) => { e.stopPropagation(); void this.quickFix(d); });
          li.append(fix);
        }
        items.push(li);
      }
    }
    // Errors first, then warnings, then notes; each group by file and line.
    items.sort((a, b) => severityName.indexOf(a.className) - severityName.indexOf(b.className));
    this.problems.replaceChildren(...items);
    this.onProblems();
  }

  private async reveal(path: string, d: LspDiagnostic): Promise<void> {
    if (path !== this.path) await this.open(path);
    const at = offset(this.view.state.doc, d.range.start);
    this.view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
    this.view.focus();
  }
}

function offset(doc: Text, p: Position): number {
  const line = doc.line(Math.min(Math.max(p.line + 1, 1), doc.lines));
  return Math.min(line.from + p.character, line.to);
}

function position(doc: Text, pos: number): Position {
  const line = doc.lineAt(pos);
  return { line: line.number - 1, character: pos - line.from };
}
