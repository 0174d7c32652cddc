// Bundles the extension and everything it imports (vscode-languageclient and its dependencies) into one file,
// out/extension.js, so the .vsix ships no node_modules. 'vscode' is provided by the editor at run time.
// The licences of the bundled packages go into out/THIRD-PARTY-NOTICES.txt, which the .vsix ships beside it.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

async function main() {
  const result = await esbuild.build({
    entryPoints: [path.join(__dirname, '..', 'src', 'extension.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    minify: true,
    legalComments: 'none',
    metafile: true,
    outfile: path.join(__dirname, '..', 'out', 'extension.js'),
    logLevel: 'warning',
  });

  const packages = new Map();
  for (const input of Object.keys(result.metafile.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match && !packages.has(match[1])) {
      const dir = path.join(__dirname, '..', 'node_modules', match[1]);
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      const licence = fs.readdirSync(dir).find((n) => /^licen[cs]e/i.test(n));
      packages.set(match[1], { version: manifest.version, license: manifest.license, text: licence ? fs.readFileSync(path.join(dir, licence), 'utf8').trim() : '' });
    }
  }

  if (packages.size === 0) {
    throw new Error('no package was bundled: the bundle would not start');
  }

  const notices = ['The Powers extension bundles these packages into extension.js:', ''];
  for (const [name, p] of [...packages].sort(([a], [b]) => a.localeCompare(b))) {
    notices.push('='.repeat(78), `${name} ${p.version} (${p.license})`, '', p.text, '');
  }

  fs.writeFileSync(path.join(__dirname, '..', 'out', 'THIRD-PARTY-NOTICES.txt'), notices.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
