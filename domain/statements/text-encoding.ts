// Which encoding a statement file is in. A caller (upload field `encoding`, CLI
// `--encoding`, a CSV mapping) may declare it; otherwise valid UTF-8 is UTF-8, and any
// other file is read in whichever Czech code page turns its upper-half bytes into the
// most Czech letters. The three code pages place á, č, ř, š, ž … on different bytes,
// and a wrong guess turns them into controls, box drawings or foreign letters.
import { isUtf8 } from 'node:buffer';
import { CodePage, UPPER_HALVES } from './code-pages';

export type TextEncoding = 'utf-8' | CodePage;

export const TEXT_ENCODINGS: readonly TextEncoding[] = ['utf-8', 'windows-1250', 'iso-8859-2', 'cp852'];

const CZECH_LETTERS = new Set('áčďéěíňóřšťúůýžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ');
// In preference order when the scores tie (a file whose only high bytes read alike in all).
const CODE_PAGES: readonly CodePage[] = ['windows-1250', 'iso-8859-2', 'cp852'];

function weights(page: CodePage): Int8Array {
  const table = UPPER_HALVES[page];
  const weight = new Int8Array(128);
  for (let i = 0; i < 128; i++) {
    const char = table[i];
    const code = char.charCodeAt(0);
    if (CZECH_LETTERS.has(char)) weight[i] = 2;
    else if ((code >= 0x80 && code < 0xa0) || (code >= 0x2500 && code < 0x2600)) weight[i] = -3;
  }
  return weight;
}

const WEIGHTS = CODE_PAGES.map(weights);

/** The encoding a file without a declaration is read in. */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (isUtf8(bytes)) return 'utf-8';
  const scores = CODE_PAGES.map(() => 0);
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte < 0x80) continue;
    for (let page = 0; page < WEIGHTS.length; page++) scores[page] += WEIGHTS[page][byte - 0x80];
  }
  let best = 0;
  for (let page = 1; page < scores.length; page++) if (scores[page] > scores[best]) best = page;
  return CODE_PAGES[best];
}

/** A declared encoding wins; a string is already text. */
export function resolveEncoding(input: string | Uint8Array, declared?: TextEncoding): TextEncoding {
  if (declared) return declared;
  return typeof input === 'string' ? 'utf-8' : detectEncoding(input);
}
