// Secrets the installation must read back (the SMTP password of mail_settings; issue 16) are kept
// sealed at rest: AES-256-GCM under a key derived from the region key (HKDF-SHA256, one key per
// purpose, so the key that seals the SMTP password is not the one that hashes a BSN). The stored
// form `v1:` + base64(iv | tag | ciphertext) names its version; anything else is a value from
// before sealing (read once, then sealed). Rotation: docs/operations.md "Rotating the region key".
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

export type SecretPurpose = "smtp-password";

const PREFIX = "v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;
// A fixed salt: the region key is already high-entropy (≥ 32 characters); HKDF separates purposes.
const SALT = "aanwezig-sealed-secret";

function purposeKey(regionKey: string, purpose: SecretPurpose): Buffer {
  return Buffer.from(hkdfSync("sha256", regionKey, SALT, purpose, 32));
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

export function sealSecret(regionKey: string, purpose: SecretPurpose, secret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", purposeKey(regionKey, purpose), iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

/** The secret, or null when the stored value was not sealed under this key for this purpose. */
export function openSecret(
  regionKey: string,
  purpose: SecretPurpose,
  stored: string,
): string | null {
  if (!isSealed(stored)) return null;
  const raw = Buffer.from(stored.slice(PREFIX.length), "base64");
  if (raw.length < IV_BYTES + TAG_BYTES) return null;
  const decipher = createDecipheriv(
    "aes-256-gcm",
    purposeKey(regionKey, purpose),
    raw.subarray(0, IV_BYTES),
  );
  decipher.setAAD(Buffer.from(purpose));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    return null;
  }
}
