/**
 * Vehicle identification numbers (ISO 3779), normalised and checked.
 *
 * The position-9 check digit is mandatory only where the region requires it: North America
 * (first character 1-5) and China (L). Elsewhere ISO 3779 leaves position 9 free: European,
 * Japanese and Indian makers, common in Nepal, often put a filler there, so checking it
 * would refuse genuine VINs.
 */

export const VIN_LENGTH = 17;

// ISO 3779 excludes I, O and Q so they cannot be mistaken for 1 and 0.
const VIN_CHARACTERS = /^[A-HJ-NPR-Z0-9]+$/;

// Letter values from the North American transliteration table; digits are their own value.
// Laid out in the table's three columns so it can be checked against the standard by eye.
// prettier-ignore
const LETTER_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};

// Position 9 carries weight 0 because it holds the check digit itself.
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

const CHECK_DIGIT_INDEX = 8;

/** World manufacturer regions whose VINs must carry a valid check digit. */
const CHECK_DIGIT_REGIONS = /^[1-5L]/;

/** True when the region of `vin` (its first character) mandates the check digit. */
export function requiresCheckDigit(vin: string): boolean {
  return CHECK_DIGIT_REGIONS.test(vin);
}

/**
 * The VIN in stored form (trimmed, upper case, without spaces or dashes), or an `error`
 * naming the rule it breaks: length, allowed characters, or (where the region requires it)
 * the position-9 check digit.
 */
export function validateVin(input: string): { vin: string } | { error: string } {
  const vin = input.trim().toUpperCase().replace(/[\s-]/g, '');
  if (vin.length !== VIN_LENGTH) {
    return { error: `VIN must be ${VIN_LENGTH} characters (got ${vin.length})` };
  }
  if (/[IOQ]/.test(vin)) return { error: 'VIN must not contain the letters I, O or Q' };
  if (!VIN_CHARACTERS.test(vin)) return { error: 'VIN must contain only letters and digits' };
  if (requiresCheckDigit(vin) && vin[CHECK_DIGIT_INDEX] !== vinCheckDigit(vin)) {
    return { error: 'VIN check digit does not match' };
  }
  return { vin };
}

/**
 * The check digit ('0'–'9' or 'X') expected in position 9 of `vin`, which must already be
 * 17 characters from the VIN alphabet.
 */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let index = 0; index < VIN_LENGTH; index += 1) {
    sum += characterValue(vin[index]) * WEIGHTS[index];
  }
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

function characterValue(character: string): number {
  return /[0-9]/.test(character) ? Number(character) : LETTER_VALUES[character];
}
