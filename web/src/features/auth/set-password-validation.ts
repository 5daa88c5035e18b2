// The set-password form's own checks before anything is sent: a token in the link, a password
// of the policy's length (src/domain/policy/password-length.ts), typed twice the same. Whether
// it is too easy to guess is the server's verdict (src/services/password-policy.ts).
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from "../../../../src/domain/policy/password-length.ts";
import { t } from "../../i18n/index.ts";

export interface SetPasswordInput {
  password: string;
  repeat: string;
}

export type SetPasswordErrors = Partial<Record<keyof SetPasswordInput, string>>;

export function validateSetPassword(input: SetPasswordInput): SetPasswordErrors {
  const errors: SetPasswordErrors = {};
  const length = [...input.password].length;
  if (length === 0) errors.password = t.setPassword.passwordRequired;
  else if (length < PASSWORD_MIN_LENGTH) errors.password = t.setPassword.passwordShort;
  else if (length > PASSWORD_MAX_LENGTH) errors.password = t.setPassword.passwordLong;
  if (!errors.password && input.repeat !== input.password) errors.repeat = t.setPassword.mismatch;
  return errors;
}

/** The token of a link `/wachtwoord-instellen#token=…` (in the fragment: never sent to a server log). */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, "")).get("token");
  return token && token.length > 0 ? token : null;
}
