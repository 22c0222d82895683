let last = '';

/** A one-line progress bar on stderr for long commands (only on a terminal); ends its line when done. */
export function progressBar(label: string, done: number, total: number): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = total ? Math.min(width, Math.round((done / total) * width)) : 0;
  const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
  if (line === last) return; // the final report repeats the last poll's
  last = line;
  process.stderr.write(`\r${line}`);
  if (done >= total) process.stderr.write('\n');
}
