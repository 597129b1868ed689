#!/usr/bin/env node
// The `shop-dev` command (`npm start`). It runs the TypeScript sources directly through tsx, on the project's Node 24
// (npx and npm scripts put node_modules/.bin, where the node package puts Node 24, first on PATH).
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(`shop-dev needs Node.js 24 or later (this is ${process.version}); run it with npm start or npx from the repository root.\n`);
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../src/main.ts');
// Exit once main is done: everything it started has been stopped, and an SDK keep-alive socket must not hold the process.
process.exit(await main(process.argv.slice(2)));
