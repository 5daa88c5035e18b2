/**
 * A secret piped into the command (`--password-stdin`): everything on standard input, less one
 * trailing line end (what `echo` or a here-string adds). Only one: a password may itself end in
 * spaces or a line break, and those are the user's characters.
 */
export async function readSecretFromStdin(stdin: NodeJS.ReadableStream = process.stdin) {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  }
  return stripOneLineEnd(Buffer.concat(chunks).toString("utf8"));
}

export function stripOneLineEnd(text: string): string {
  if (text.endsWith("\r\n")) return text.slice(0, -2);
  if (text.endsWith("\n")) return text.slice(0, -1);
  return text;
}
