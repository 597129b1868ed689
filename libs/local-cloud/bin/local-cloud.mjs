#!/usr/bin/env node
// The `local-cloud` command. It runs the TypeScript sources directly through tsx, on the project's Node 24
// (npx puts node_modules/.bin, where the node package puts Node 24, first on PATH).
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(`local-cloud needs Node.js 24 or later (this is ${process.version}); run it with npx from the repository root.\n`);
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
