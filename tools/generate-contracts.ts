import { buildOpenApiDocument } from '@wo/contracts/rest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes the generated contract documents into docs/ (`npm run contracts`); tests fail when they are stale. */
const root = join(__dirname, '../..');
writeFileSync(join(root, 'docs/openapi.json'), `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
console.log('wrote docs/openapi.json');
