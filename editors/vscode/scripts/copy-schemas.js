// The extension contributes the repository's JSON Schemas (rules/schema) and ships copies made at package time,
// so there is one source of truth.
const fs = require('fs');
const path = require('path');

const from = path.join(__dirname, '..', '..', '..', 'rules', 'schema');
const to = path.join(__dirname, '..', 'schemas');
fs.mkdirSync(to, { recursive: true });
for (const name of fs.readdirSync(from).filter((n) => n.endsWith('.schema.json'))) {
  fs.copyFileSync(path.join(from, name), path.join(to, name));
}
