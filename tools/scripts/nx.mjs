import { spawn } from 'node:child_process';

/** Environment every Nx call runs with: no daemon, no cloud, plain output. */
export const nxEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

/** Runs a command to completion, inheriting stdio; resolves with its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: nxEnv, ...options });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(127));
  });
}

export function nx(...args) {
  return run('npx', ['nx', ...args, '--outputStyle=static']);
}

/**
 * Like `run`, but also hands each output line (colours stripped) to `onLine`,
 * so a caller can pick out what to repeat in a summary.
 */
export function runWatching(command, args, onLine, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['inherit', 'pipe', 'pipe'], env: nxEnv, ...options });
    const watch = (stream, sink) => {
      let partial = '';
      stream.on('data', (chunk) => {
        sink.write(chunk);
        const text = partial + chunk.toString('utf8');
        const lines = text.split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) onLine(line.replace(ansiColour, ''));
      });
      stream.on('end', () => partial && onLine(partial.replace(ansiColour, '')));
    };
    watch(child.stdout, process.stdout);
    watch(child.stderr, process.stderr);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(127));
  });
}

/** Terminal colour codes, stripped before output is matched or repeated. */
export const ansiColour = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
