#!/usr/bin/env node
// Entry point of the `claimlens` command: loads the TypeScript engine through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
