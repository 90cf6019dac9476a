import { toLatinDigits } from '../../identity/rules/nepal-phone';

/**
 * Nepal vehicle registration numbers.
 *
 * Two plate formats are understood:
 * - zonal (pre-2015 zones): `<zone> <lot> <class> <number>`, e.g. `BA 2 PA 1234`, `बा २ प १२३४`;
 * - provincial: `<province> <office>-<lot> <class> <number>`, e.g. `Bagmati 01-002 PA 1234`.
 *
 * The embossed (RFID) plates are not parsed: published descriptions of their layout disagree
 * (province + category letter A–K + series + number), so guessing would risk giving two
 * spellings of one plate different keys. `'embossed'` stays in the result type so callers
 * need no change when it is added.
 *
 * Uniqueness key rules (changing them needs a data migration, so they are deliberately few):
 * - case, spaces, dots and dashes are insignificant, Devanagari digits equal Latin digits, and
 *   Devanagari codes equal their Latin codes (long and short vowel spellings alike: पा = प = PA);
 * - in zonal plates the lot and number are numbers, so leading zeros are insignificant:
 *   `BA 02 PA 0123` = `BA 2 PA 123`;
 * - in provincial plates office, lot and number are fixed-width codes (2, 3 and 4 digits) and
 *   must be written in full: `Bagmati 1-2 PA 1` is refused rather than guessed at;
 * - a zonal and a provincial plate never share a key, even for the same vehicle: they are
 *   different registrations.
 */

export type RegistrationFormat = 'zonal' | 'provincial' | 'embossed';

export interface RegistrationNumber {
  /** Platform-wide uniqueness key, e.g. `BA-2-PA-1234` or `P3-01-002-PA-1234`. */
  key: string;
  /** Canonical readable form, e.g. `BA 2 PA 1234` or `Bagmati 01-002 PA 1234`. */
  display: string;
  format: RegistrationFormat;
}

export type RegistrationNumberResult = RegistrationNumber | { error: string };

// The longest real plate ("Sudurpashchim Province 01-002 CHA 1234") is under 40 characters;
// the cap only stops pasted paragraphs from reaching the parser.
const MAX_INPUT_LENGTH = 64;

const SHAPE_ERROR =
  'registration number must look like "BA 2 PA 1234" (zonal) or "Bagmati 01-002 PA 1234" (provincial)';

/**
 * The 14 zone codes with every spelling that folds to each. Devanagari short and long vowel
 * forms are both accepted because handwritten and typed plates use either; the vowel still
 * matters where it tells zones apart (मे Mechi vs म Mahakali, से Seti vs स Sagarmatha,
 * को Koshi vs क Karnali). DH and BH are the Latin codes older lists print for DHA and BHE.
 */
const ZONE_SPELLINGS: Record<string, readonly string[]> = {
  ME: ['मे'], // Mechi
  KO: ['को'], // Koshi
  SA: ['स', 'सा'], // Sagarmatha
  JA: ['ज', 'जा'], // Janakpur
  BA: ['ब', 'बा'], // Bagmati
  NA: ['न', 'ना'], // Narayani
  GA: ['ग', 'गा'], // Gandaki
  DHA: ['DH', 'ध', 'धा'], // Dhaulagiri
  LU: ['लु', 'लू'], // Lumbini
  RA: ['र', 'रा'], // Rapti
  BHE: ['BH', 'भे'], // Bheri
  KA: ['क', 'का'], // Karnali
  SE: ['से'], // Seti
  MA: ['म', 'मा'], // Mahakali
};

/**
 * Vehicle class letters. Only letters that published plate guides list as class codes are
 * accepted, so a mistyped letter is refused instead of creating a second key for one plate.
 * Meanings agreed on by those guides: PA private two-wheeler, CHA private light vehicle,
 * KA private heavy, JA public light, KHA public heavy, HA three-wheeler, TA (ट) tractor.
 * GA, GHA, JHA and YA appear in the same lists for government, corporation and public
 * classes; sources disagree on which is which, but the letters themselves are real.
 * The dental त is not mapped: no source lists it, and TA already means the retroflex ट.
 */
const CLASS_SPELLINGS: Record<string, readonly string[]> = {
  PA: ['प', 'पा'],
  CHA: ['च', 'चा'],
  KA: ['क', 'का'],
  KHA: ['ख', 'खा'],
  GA: ['ग', 'गा'],
  GHA: ['घ', 'घा'],
  JA: ['ज', 'जा'],
  JHA: ['झ', 'झा'],
  YA: ['य', 'या'],
  HA: ['ह', 'हा'],
  TA: ['ट', 'टा'],
};

interface Province {
  number: number;
  name: string;
  spellings: readonly string[];
}

/** The seven provinces; spellings are compared with spaces removed and in upper case. */
const PROVINCES: readonly Province[] = [
  { number: 1, name: 'Koshi', spellings: ['KOSHI', 'KOSI', 'कोशी', 'कोसी'] },
  { number: 2, name: 'Madhesh', spellings: ['MADHESH', 'MADHES', 'मधेश', 'मधेस'] },
  { number: 3, name: 'Bagmati', spellings: ['BAGMATI', 'बागमती', 'बाग्मती'] },
  { number: 4, name: 'Gandaki', spellings: ['GANDAKI', 'गण्डकी', 'गंडकी'] },
  { number: 5, name: 'Lumbini', spellings: ['LUMBINI', 'लुम्बिनी', 'लुंबिनी'] },
  { number: 6, name: 'Karnali', spellings: ['KARNALI', 'कर्णाली'] },
  {
    number: 7,
    name: 'Sudurpashchim',
    spellings: ['SUDURPASHCHIM', 'SUDURPASCHIM', 'सुदूरपश्चिम', 'सुदुरपश्चिम'],
  },
];

// Words meaning "province": when one is written without a name, a province number must follow.
const PROVINCE_WORDS = new Set(['P', 'PROVINCE', 'PRADESH', 'प्रदेश', 'प्र']);
// "Province No. 3", "प्रदेश नं. ३": the abbreviation for "number" carries no information.
const NUMBER_WORDS = new Set(['NO', 'नं']);

/** Builds a spelling → code lookup in which each code also spells itself. */
function lookupFrom(spellings: Record<string, readonly string[]>): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const [code, variants] of Object.entries(spellings)) {
    for (const variant of [code, ...variants]) lookup.set(variant, code);
  }
  return lookup;
}

const ZONES = lookupFrom(ZONE_SPELLINGS);
const CLASSES = lookupFrom(CLASS_SPELLINGS);
const PROVINCES_BY_SPELLING = new Map(
  PROVINCES.flatMap((province) => province.spellings.map((s) => [s, province] as const)),
);
const PROVINCES_BY_NUMBER = new Map(PROVINCES.map((province) => [province.number, province]));

/** A run of letters or of digits, the unit the grammar below is written in. */
interface Segment {
  kind: 'letters' | 'digits';
  tokens: string[];
}

// Separators people put between plate parts; all of them are insignificant.
const SEPARATORS = /[\s.\-\u2010-\u2015]+/g;
// Devanagari letters, vowel signs and virama; Devanagari digits are converted before this runs.
const TOKEN = /[A-Z]+|[\u0900-\u0963\u0970-\u097F]+|[0-9]+/g;

/**
 * Parses a Nepali registration number written in Latin or Devanagari script into its
 * uniqueness `key`, a canonical `display` form and its `format`, or explains in `error`
 * why it is not one. See the module comment for which spellings count as the same plate.
 */
export function parseRegistrationNumber(input: string): RegistrationNumberResult {
  const normalized = normalize(input);
  if (normalized.length === 0) return { error: 'registration number is empty' };
  if (normalized.length > MAX_INPUT_LENGTH) {
    return { error: `registration number is too long (at most ${MAX_INPUT_LENGTH} characters)` };
  }
  // Array.from so an emoji is quoted whole rather than as half a surrogate pair.
  const [stray] = Array.from(normalized.replace(SEPARATORS, '').replace(TOKEN, ''));
  if (stray !== undefined) {
    return { error: `registration number contains "${stray}", which is not allowed` };
  }
  const segments = segment(normalized);
  if (!hasPlateShape(segments)) return { error: SHAPE_ERROR };
  // Digits are joined across separators: dashes and spaces fold, so "01-002" reads as "01002".
  const [region, middle, vehicleClass, last] = segments.map((s) => s.tokens);
  const [middleDigits, numberDigits] = [middle.join(''), last.join('')];
  return isZonal(region, middleDigits)
    ? parseZonal(region[0], middleDigits, vehicleClass, numberDigits)
    : parseProvincial(region, middleDigits, vehicleClass, numberDigits);
}

/** Upper case, Latin digits, and no invisible joiners (Nepali keyboards insert them). */
function normalize(input: string): string {
  return toLatinDigits(input.normalize('NFC'))
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .toUpperCase()
    .trim();
}

/** Splits into tokens and groups neighbouring tokens of the same kind. */
function segment(normalized: string): Segment[] {
  const segments: Segment[] = [];
  for (const token of normalized.match(TOKEN) ?? []) {
    const kind = /[0-9]/.test(token[0]) ? 'digits' : 'letters';
    const last = segments[segments.length - 1];
    if (last?.kind === kind) last.tokens.push(token);
    else segments.push({ kind, tokens: [token] });
  }
  return segments;
}

/** Both formats read letters, digits, letters, digits. */
function hasPlateShape(segments: Segment[]): boolean {
  const kinds = segments.map((s) => s.kind).join(' ');
  return kinds === 'letters digits letters digits';
}

/**
 * A known zone code means zonal. An unknown word is blamed on the format its digits fit, so
 * `XY 2 PA 1` reports an unknown zone and `Foo 01-002 PA 1234` an unknown province.
 */
function isZonal(region: string[], middleDigits: string): boolean {
  if (region.length === 1 && ZONES.has(region[0])) return true;
  if (resolveProvinceWords(region) !== null) return false;
  return region.length === 1 && middleDigits.length < 5;
}

function parseZonal(
  zoneToken: string,
  lotDigits: string,
  classTokens: string[],
  numberDigits: string,
): RegistrationNumberResult {
  const zone = ZONES.get(zoneToken);
  if (!zone) return { error: `unknown zone "${zoneToken}"` };
  const vehicleClass = resolveClass(classTokens);
  if ('error' in vehicleClass) return vehicleClass;
  const lot = significantDigits(lotDigits, 'lot', 3);
  if ('error' in lot) return lot;
  const number = significantDigits(numberDigits, 'number', 4);
  if ('error' in number) return number;
  const parts = [zone, lot.value, vehicleClass.value, number.value];
  return { key: parts.join('-'), display: parts.join(' '), format: 'zonal' };
}

function parseProvincial(
  regionTokens: string[],
  officeAndLotDigits: string,
  classTokens: string[],
  numberDigits: string,
): RegistrationNumberResult {
  const region = resolveProvince(regionTokens, officeAndLotDigits);
  if ('error' in region) return region;
  const vehicleClass = resolveClass(classTokens);
  if ('error' in vehicleClass) return vehicleClass;
  const { province, office, lot } = region;
  if (!/^\d{4}$/.test(numberDigits)) return { error: 'number must be exactly 4 digits' };
  const groups: [string, string][] = [
    ['office', office],
    ['lot', lot],
    ['number', numberDigits],
  ];
  const zeroGroup = groups.find(([, digits]) => /^0+$/.test(digits));
  if (zeroGroup) return { error: `${zeroGroup[0]} cannot be ${zeroGroup[1]}` };
  return {
    key: `P${province.number}-${office}-${lot}-${vehicleClass.value}-${numberDigits}`,
    display: `${province.name} ${office}-${lot} ${vehicleClass.value} ${numberDigits}`,
    format: 'provincial',
  };
}

/**
 * The province, office and lot from the words before the first digits and those digits.
 * A named province is followed by office (2) and lot (3); "P", "Province" or "प्रदेश"
 * alone is followed by the province number (1) first.
 */
function resolveProvince(
  tokens: string[],
  digits: string,
): { province: Province; office: string; lot: string } | { error: string } {
  const words = resolveProvinceWords(tokens);
  if (words === null) return { error: `unknown province "${tokens.join(' ')}"` };
  const numbered = words.province === undefined;
  const match = (numbered ? /^(\d)(\d{2})(\d{3})$/ : /^()(\d{2})(\d{3})$/).exec(digits);
  if (!match) {
    const example = numbered ? '"P-3 01-002"' : '"Bagmati 01-002"';
    const expected = numbered ? 'a province number 1 to 7, then ' : '';
    return { error: `expected ${expected}a 2-digit office and a 3-digit lot, as in ${example}` };
  }
  const province = words.province ?? PROVINCES_BY_NUMBER.get(Number(match[1]));
  if (!province) return { error: `province number must be 1 to 7, not ${match[1]}` };
  return { province, office: match[2], lot: match[3] };
}

/**
 * Reads the words naming a province: `{ province }` for a name (optionally with "Province"
 * or "Pradesh"), `{}` for a bare "P"/"Province"/"प्रदेश" whose number is in the digits,
 * or null when the words are not a province.
 */
function resolveProvinceWords(tokens: string[]): { province?: Province } | null {
  const nameTokens = tokens.filter((t) => !PROVINCE_WORDS.has(t) && !NUMBER_WORDS.has(t));
  if (nameTokens.length === 0) {
    return tokens.some((t) => PROVINCE_WORDS.has(t)) ? {} : null;
  }
  // Joined so that "Sudur Pashchim" and "Sudurpashchim" are one spelling.
  const province = PROVINCES_BY_SPELLING.get(nameTokens.join(''));
  return province ? { province } : null;
}

function resolveClass(tokens: string[]): { value: string } | { error: string } {
  const written = tokens.join(' ');
  const vehicleClass = tokens.length === 1 ? CLASSES.get(tokens[0]) : undefined;
  return vehicleClass ? { value: vehicleClass } : { error: `unknown vehicle class "${written}"` };
}

/** A zonal lot or number without leading zeros, which carry no meaning there. */
function significantDigits(
  digits: string,
  label: 'lot' | 'number',
  maxDigits: number,
): { value: string } | { error: string } {
  const value = digits.replace(/^0+/, '');
  if (value.length === 0) return { error: `${label} cannot be 0` };
  if (value.length > maxDigits) return { error: `${label} must be 1 to ${maxDigits} digits` };
  return { value };
}
