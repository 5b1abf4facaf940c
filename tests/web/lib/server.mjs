// Site assembly and the local static server (scripts/serve.py) for browser tests and benchmarks.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const siteDir = join(repoRoot, 'build', 'site');
export const artifactsDir = join(repoRoot, 'build', 'test-artifacts');

// Builds of the page: the query value of ?build=, the files they need, whether they need isolation.
export const BUILDS = {
  threaded: { key: 'mt', files: ['playground-mt.js', 'playground-mt.wasm', 'playground-mt.worker.js'], isolation: true },
  'single-threaded': { key: 'st', files: ['playground-st.js', 'playground-st.wasm'], isolation: false },
};

// Runs scripts/assemble_site.sh (copies web/ and the build outputs into build/site/); throws on failure.
export function assembleSite() {
  execFileSync('bash', [join(repoRoot, 'scripts', 'assemble_site.sh')], { stdio: 'inherit' });
  return siteDir;
}

// Names of the files of `flavour` missing from `root` (empty when the build is there).
export function missingBuildFiles(root, flavour) {
  return BUILDS[flavour].files.filter((file) => !existsSync(join(root, file)));
}

const running = new Set();
process.on('exit', () => { for (const child of running) child.kill('SIGTERM'); });

// Starts scripts/serve.py on a free port. Resolves to {url, port, isolation, log(), close()}.
// `log()` returns what the server printed to stderr (it logs failed requests only).
export function startServer({ root = siteDir, isolation = true, timeoutMs = 10000 } = {}) {
  const args = [join(repoRoot, 'scripts', 'serve.py'), '--port', '0', '--root', root];
  if (!isolation) args.push('--no-isolation');
  const child = spawn('python3', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text) => { stderr += text; });
  return new Promise((resolve, reject) => {
    const fail = (message) => {
      clearTimeout(timer);
      child.kill('SIGTERM');
      reject(new Error(`${message}\n${stdout}${stderr}`.trim()));
    };
    const timer = setTimeout(() => fail(`serve.py did not print its URL within ${timeoutMs} ms`), timeoutMs);
    child.on('exit', (code) => { running.delete(child); fail(`serve.py exited early (code ${code})`); });
    child.on('error', (error) => fail(`cannot run serve.py: ${error.message}`));
    child.stdout.setEncoding('utf8').on('data', (text) => {
      stdout += text;
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.on('exit', () => running.delete(child));
      resolve({
        url: match[0],
        port: Number(match[1]),
        isolation,
        log: () => stderr,
        close: () => new Promise((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
      });
    });
  });
}
