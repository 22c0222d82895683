// Czech banks still export GPC (and some CSV/MT940) in Windows-1250; the table lives with
// the other code pages in code-pages.ts.
import { decodeCodePage } from './code-pages';

/** Decodes bytes [start, end) of `bytes`; builds only the returned string, no copy of the input. */
export function decodeWindows1250(bytes: Uint8Array, start = 0, end = bytes.length): string {
  return decodeCodePage('windows-1250', bytes, start, end);
}
