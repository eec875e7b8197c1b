#!/usr/bin/env node
// The `sipeka` command. The backend is TypeScript run through tsx, so `npx sipeka` works right
// after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main/cli.ts');
process.exitCode = await main(process.argv.slice(2));
