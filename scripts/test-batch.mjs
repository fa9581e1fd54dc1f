// Imports the given test files into this one process: node:test runs their tests in the order they
// are registered, with the reporter given on the command line (scripts/test.mjs runs unit tests so).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

for (const file of process.argv.slice(2)) await import(pathToFileURL(resolve(file)).href);
