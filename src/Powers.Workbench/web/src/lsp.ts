// A small JSON-RPC client for the `powers lsp` server the workbench serves over a WebSocket at /lsp
// (one LSP message per WebSocket message). The server is the same one editors use: nothing is decided here.
import { csrfToken } from './api';

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface LspDiagnostic { range: Range; severity?: number; code?: string; source?: string; message: string }
export interface TextEdit { range: Range; newText: string }
export interface CodeAction { title: string; kind?: string; edit?: { changes?: Record<string, TextEdit[]> }; isPreferred?: boolean }

type Pending = { resolve: (v: unknown) => void; reject: (e: unknown) => void };

export class LspClient {
  private socket: WebSocket;
  private next = 1;
  private pending = new Map<number, Pending>();
  private ready: Promise<void>;
  onDiagnostics: (uri: string, diagnostics: LspDiagnostic[]) => void = () => {};

  constructor(private rootUri: string) {
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/lsp?csrf=' + encodeURIComponent(csrfToken());
    this.socket = new WebSocket(url);
    this.socket.onmessage = (e) => this.receive(JSON.parse(e.data as string));
    this.ready = new Promise((resolve, reject) => {
      this.socket.onopen = async () => {
        await this.requestNow('initialize', {
          processId: null,
          rootUri: this.rootUri,
          capabilities: {
            textDocument: {
              publishDiagnostics: {},
              hover: { contentFormat: ['markdown', 'plaintext'] },
              completion: { completionItem: { snippetSupport: false } },
              codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
            },
          },
        });
        this.notifyNow('initialized', {});
        resolve();
      };
      this.socket.onerror = () => reject(new Error('the language server connection failed'));
    });
  }

  async request<T>(method: string, params: unknown): Promise<T> {
    await this.ready;
    return this.requestNow(method, params) as Promise<T>;
  }

  async notify(method: string, params: unknown): Promise<void> {
    await this.ready;
    this.notifyNow(method, params);
  }

  private requestNow(method: string, params: unknown): Promise<unknown> {
    const id = this.next++;
    this.socket.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  private notifyNow(method: string, params: unknown): void {
    this.socket.send(JSON.stringify({ jsonrpc: '2.0', method, params }));
  }

  private receive(message: { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } }): void {
    if (message.method === 'textDocument/publishDiagnostics') {
      const p = message.params as { uri: string; diagnostics: LspDiagnostic[] };
      this.onDiagnostics(p.uri, p.diagnostics);
      return;
    }
    if (message.method !== undefined && message.id !== undefined) {
      // A request from the server (e.g. workspace/configuration): answer so it never waits.
      this.socket.send(JSON.stringify({ jsonrpc: '2.0', id: message.id, result: null }));
      return;
    }
    if (message.id !== undefined && this.pending.has(message.id)) {
      const p = this.pending.get(message.id)!;
      this.pending.delete(message.id);
      if (message.error) p.reject(new Error(message.error.message)); else p.resolve(message.result);
    }
  }
}
