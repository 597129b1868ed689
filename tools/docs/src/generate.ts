// `npm run docs`: regenerates the diagrams and indexes of docs/architecture.md from the synthesized stage.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARCHITECTURE_DOC, currentArchitectureDoc } from './architecture';
import { REPO_ROOT, synthesizeTemplates } from './synth-templates';

const outdir = await mkdtemp(join(tmpdir(), 'shop-docs-'));
try {
  process.stderr.write('docs: synthesizing the templates (no bundling)...\n');
  const assembly = await synthesizeTemplates(outdir);
  await writeFile(join(REPO_ROOT, ARCHITECTURE_DOC), await currentArchitectureDoc(assembly, REPO_ROOT));
  process.stderr.write(`docs: wrote ${ARCHITECTURE_DOC}\n`);
} finally {
  await rm(outdir, { recursive: true, force: true });
}
