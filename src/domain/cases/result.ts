// Expected outcomes of the domain core are values, not exceptions (style.md "Errors").

export type Ok<T> = { ok: true } & T;
export interface Err<E extends string> {
  ok: false;
  error: E;
  message: string;
}
export type Result<T, E extends string> = Ok<T> | Err<E>;

export function err<E extends string>(error: E, message: string): Err<E> {
  return { ok: false, error, message };
}
