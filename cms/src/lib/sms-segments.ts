/**
 * How many SMS segments a text takes. A text entirely in the GSM 03.38 alphabet is sent as
 * GSM-7: 160 characters in one segment, 153 per segment once concatenated (the rest of each
 * carries the joining header); characters of the extension table (`{ } [ ] ~ \ | ^ €`) take
 * two. Anything else (any Devanagari) makes the whole text UCS-2: 70 UTF-16 units in one
 * segment, 67 per segment when concatenated.
 */

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

const basic = new Set(GSM_BASIC);
const extension = new Set(GSM_EXTENSION);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSize {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  segments: number;
}

/** The encoding a text needs, its length in that encoding's units, and its segments. */
export function smsSize(text: string): SmsSize {
  let septets = 0;
  for (const char of text) {
    if (basic.has(char)) septets += 1;
    else if (extension.has(char)) septets += 2;
    else return sized('UCS-2', text.length);
  }
  return sized('GSM-7', septets);
}

const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
};

function sized(encoding: SmsEncoding, units: number): SmsSize {
  const { single, part } = LIMITS[encoding];
  const segments = units === 0 ? 0 : units <= single ? 1 : Math.ceil(units / part);
  return { encoding, units, segments };
}

/** Whether `text` fits in `maxSegments` segments. */
export const fitsSegments = (text: string, maxSegments: number): boolean =>
  smsSize(text).segments <= maxSegments;
