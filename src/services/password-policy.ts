// Which passwords an account may get (issue 20 item 8c), after NIST SP 800-63B §5.1.1.2: a
// minimum length of 12 and a generous maximum, every character allowed (spaces, Unicode), no
// composition rules, and a check against commonly used and breached passwords and against words
// of the account itself. The check is zxcvbn's estimate with its common-password lists and the
// Dutch dictionary (@zxcvbn-ts/language-nl-be): a password it can guess within about 10^8 tries
// (score < 3), or one that is a dictionary entry as a whole, is refused.
//
// Every path that sets a password uses judgeNewPassword: createUser (src/db/repositories/users.ts)
// and the administration route before it. The demo accounts' public password is written by the
// demo writer as a hash and does not pass through here.
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../domain/policy/password-length.ts";

const MIN_SCORE = 3;

export type PasswordVerdict = { ok: true } | { ok: false; message: string };

export interface PasswordContext {
  email?: string;
  name?: string;
}

/** A password refused by the policy, thrown where a verdict cannot be returned. */
export class PasswordRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PasswordRejectedError";
  }
}

export async function judgeNewPassword(
  password: string,
  context: PasswordContext = {},
): Promise<PasswordVerdict> {
  // Characters as people count them (code points), not UTF-16 units.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return refuse(`Het wachtwoord moet minstens ${PASSWORD_MIN_LENGTH} tekens lang zijn.`);
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return refuse(`Het wachtwoord mag hoogstens ${PASSWORD_MAX_LENGTH} tekens lang zijn.`);
  }
  const result = (await estimator()).check(password, contextWords(context));
  const wholeWord = result.sequence.length === 1 && result.sequence[0]?.pattern === "dictionary";
  if (result.score >= MIN_SCORE && !wholeWord) return { ok: true };
  const why = result.feedback.warning ? ` ${result.feedback.warning}` : "";
  return refuse(
    `Dit wachtwoord is te makkelijk te raden: het komt voor in lijsten van veelgebruikte of ` +
      `gelekte wachtwoorden, herhaalt tekens of reeksen, of bevat de naam of het e-mailadres.${why} ` +
      "Kies bijvoorbeeld een zin van een paar woorden die niet bij elkaar horen.",
  );
}

export async function assertAcceptablePassword(
  password: string,
  context: PasswordContext = {},
): Promise<void> {
  const verdict = await judgeNewPassword(password, context);
  if (!verdict.ok) throw new PasswordRejectedError(verdict.message);
}

const refuse = (message: string): PasswordVerdict => ({ ok: false, message });

/** Words of the account and the application an attacker would try first. */
function contextWords({ email, name }: PasswordContext): string[] {
  const words = new Set(["aanwezig", "leerplicht", "verzuim"]);
  const [local, domain] = (email ?? "").toLowerCase().split("@");
  const nameParts = (name ?? "").toLowerCase().split(/\s+/);
  const localParts = (local ?? "").split(/[._+-]/);
  // Each part, and the parts run together ("janjansen"), as people write them in passwords.
  for (const part of [
    local,
    ...localParts,
    localParts.join(""),
    domain?.split(".")[0],
    ...nameParts,
    nameParts.join(""),
  ]) {
    if (part && part.length >= 3) words.add(part);
  }
  return [...words];
}

// The dictionaries are a few megabytes: loaded on the first password set, not at start.
let factory: Promise<ZxcvbnFactory> | undefined;

function estimator(): Promise<ZxcvbnFactory> {
  factory ??= (async () => {
    const [{ ZxcvbnFactory }, common, dutch] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-nl-be"),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...dutch.dictionary },
      graphs: common.adjacencyGraphs,
      translations: dutch.translations,
    });
  })();
  return factory;
}
