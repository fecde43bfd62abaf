// Special-use names that email-validator refuses (RFC 6761 and friends).
const SPECIAL_USE = new Set(['arpa', 'invalid', 'local', 'localhost', 'onion', 'test']);
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Either the normalised address (domain lower-cased) or the reason it is not an address. */
export type EmailCheck = { ok: true; email: string } | { ok: false; reason: string };

/** A pragmatic subset of email-validator's syntax rules (no deliverability check). */
export function checkEmail(value: string): EmailCheck {
  const at = value.lastIndexOf('@');
  if (at < 0) return { ok: false, reason: 'An email address must have an @-sign.' };
  const local = value.slice(0, at);
  const domain = value.slice(at + 1).toLowerCase();
  if (local === '') return { ok: false, reason: 'There must be something before the @-sign.' };
  if (domain === '') return { ok: false, reason: 'There must be something after the @-sign.' };
  if (local.length > 64)
    return { ok: false, reason: 'The email address is too long before the @-sign.' };
  if (!LOCAL_PART.test(local)) {
    return {
      ok: false,
      reason: 'The email address contains invalid characters before the @-sign.',
    };
  }
  const labels = domain.split('.');
  if (labels.length < 2) {
    return {
      ok: false,
      reason: 'The part after the @-sign is not valid. It should have a period.',
    };
  }
  if (!labels.every((label) => LABEL.test(label)) || domain.length > 253) {
    return { ok: false, reason: 'The part after the @-sign contains invalid characters.' };
  }
  const tld = labels[labels.length - 1] ?? '';
  if (/^\d+$/.test(tld)) {
    return {
      ok: false,
      reason: 'The part after the @-sign is not valid. It is not within a valid top-level domain.',
    };
  }
  if (SPECIAL_USE.has(tld)) {
    return {
      ok: false,
      reason:
        'The part after the @-sign is a special-use or reserved name that cannot be used with email.',
    };
  }
  return { ok: true, email: `${local}@${domain}` };
}
