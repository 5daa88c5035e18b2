// The login form's own checks, before anything is sent: both fields filled in, and an e-mail
// address that at least looks like one (the server decides whether it exists).
import { t } from "../../i18n/index.ts";

export interface LoginInput {
  email: string;
  password: string;
}

export type LoginErrors = Partial<Record<keyof LoginInput, string>>;

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateLogin(input: LoginInput): LoginErrors {
  const errors: LoginErrors = {};
  const email = input.email.trim();
  if (email === "") errors.email = t.login.emailRequired;
  else if (!EMAIL_SHAPE.test(email)) errors.email = t.login.emailInvalid;
  if (input.password === "") errors.password = t.login.passwordRequired;
  return errors;
}
