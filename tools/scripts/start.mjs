#!/usr/bin/env node
/**
 * `npm start`: builds what is stale (Nx cache) and serves API and portal on
 * one origin. Without DATABASE_URL the API runs an embedded PostgreSQL under
 * .data/ and loads the demo on first start.
 */
import { spawn } from 'node:child_process';
import { nx, nxEnv } from './nx.mjs';

const code = await nx('run-many', '-t', 'build', '-p', 'api', 'portal');
if (code !== 0) {
  console.error('\nThe build failed; see above.');
  process.exit(code);
}

const api = spawn(process.execPath, ['--enable-source-maps', 'dist/apps/api/main.js'], {
  stdio: 'inherit',
  env: nxEnv,
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => api.kill(signal));
api.on('exit', (exitCode, signal) => process.exit(exitCode ?? (signal ? 0 : 1)));
