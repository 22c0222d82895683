import { spawn } from 'node:child_process';

// Runs detached (Ctrl-C does not reach it) and as root when we are root, so it may signal
// both us and the child. It ends with the child; when we end first, it stops the child.
const SCRIPT = `
owner=$1 child=$2 signal=$3 grace=$4
alive() { kill -0 "$1" 2>/dev/null; }
while alive "$child"; do
  if ! alive "$owner"; then
    kill -s "$signal" -- "-$child" 2>/dev/null
    i=0
    while alive "$child" && [ "$i" -lt "$grace" ]; do sleep 1; i=$((i+1)); done
    kill -s KILL -- "-$child" 2>/dev/null
    exit 0
  fi
  sleep 1
done
`;

/**
 * Linux gives a child a parent-death signal only natively, so a small shell polls this
 * process once a second: `kill -9` of `npm start` stops the child's process group
 * (`signal`, then SIGKILL after `graceSeconds`) instead of orphaning it.
 */
export function stopWhenWeDie(childPid: number, signal: NodeJS.Signals, graceSeconds: number): void {
  const args = ['-c', SCRIPT, 'settle-watchdog', String(process.pid), String(childPid), signal.replace(/^SIG/, ''), String(graceSeconds)];
  spawn('/bin/sh', args, { detached: true, stdio: 'ignore' }).unref();
}
