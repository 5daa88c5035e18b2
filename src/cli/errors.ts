// Exit codes of interfaces.md: 0 success, 1 bad input, 2 usage error.
export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

/** Bad input: a file, a row, a value the user can fix. The message names where and how. */
export class BadInputError extends Error {
  readonly details: string[];
  constructor(message: string, details: string[] = []) {
    super(message);
    this.name = "BadInputError";
    this.details = details;
  }
}

/** The command line itself is wrong (unknown command, missing argument, bad option value). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
