// Starts `powers lsp` for the rule files of a workspace. Everything a legal team sees (diagnostics, hover,
// completion, definitions, quick fixes, outline, code lenses) comes from the server, which runs the Powers compiler.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration('powers');
  const command = config.get<string>('server.command', 'powers');
  const args = config.get<string[]>('server.args', ['lsp']);
  const serverOptions: ServerOptions = { command, args, transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'json', pattern: '**/rules/**/*.json' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/rules/**/*.json') },
  };

  // The server's code lenses name this command: it opens the golden case a lens refers to.
  context.subscriptions.push(vscode.commands.registerCommand('powers.openLocation', async (uri: string, position: { line: number; character: number }) => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const at = new vscode.Position(position.line, position.character);
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(at, at) });
  }));

  client = new LanguageClient('powers', 'Powers rule files', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
