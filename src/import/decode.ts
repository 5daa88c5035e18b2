// The bytes of a canonical file as text (interfaces.md "Canonical CSV files"; issue 13): UTF-8
// with or without a BOM, UTF-16 (LE or BE) with its BOM, or — only when the import is told so —
// Windows-1252, what Excel on a Dutch Windows machine saves as "CSV". A byte that is not valid in
// the file's encoding refuses the file, naming its line: a replacement character (U+FFFD) would
// otherwise stand where "ë" was, and the name be silently destroyed.
import { createReadStream } from "node:fs";
import { Transform, type TransformCallback } from "node:stream";
import { TextDecoder } from "node:util";

export const FILE_ENCODINGS = ["utf-8", "windows-1252"] as const;
export type FileEncoding = (typeof FILE_ENCODINGS)[number];

/** The encoding a user names (`--encoding`, `?encoding=`), or undefined when not supported. */
export function parseEncoding(name: string): FileEncoding | undefined {
  const key = name.trim().toLowerCase();
  if (key === "utf-8" || key === "utf8") return "utf-8";
  if (["windows-1252", "cp1252", "latin1", "latin-1", "iso-8859-1"].includes(key)) {
    return "windows-1252";
  }
  return undefined;
}

/** A UTF-16 BOM decides the encoding; otherwise the file is in the encoding asked for. */
function decoderFor(head: Buffer, asked: FileEncoding, fatal = true): TextDecoder {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder("utf-16le", { fatal });
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder("utf-16be", { fatal });
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return new TextDecoder("utf-8", { fatal });
  }
  return new TextDecoder(asked, { fatal });
}

/** The text of the file's first bytes, leniently (to find the separator in the header). */
export function decodeHead(bytes: Buffer, asked: FileEncoding): string {
  return decoderFor(bytes, asked, false).decode(bytes, { stream: true });
}

/** A byte sequence not valid in the file's encoding, at `line` (1-based, physical). */
export class InvalidEncoding extends Error {
  readonly line: number;
  readonly encoding: string;
  constructor(line: number, encoding: string) {
    super(`invalid ${encoding} on line ${line}`);
    this.name = "InvalidEncoding";
    this.line = line;
    this.encoding = encoding;
  }
}

/**
 * Bytes in, text out, chunk by chunk (`stream: true`): the memory use stays that of one chunk.
 * The BOM is looked for in the first bytes and left out of the text.
 */
export class DecodeStream extends Transform {
  private decoder: TextDecoder | undefined;
  private head: Buffer = Buffer.alloc(0);
  /** Line feeds in the text handed on so far. */
  private lineFeeds = 0;
  /** The last bytes of the previous chunk: a character may straddle two chunks. */
  private tail: Buffer = Buffer.alloc(0);
  private readonly asked: FileEncoding;

  constructor(asked: FileEncoding) {
    super({ readableObjectMode: true });
    this.asked = asked;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.decoder === undefined) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < 3) {
        done();
        return;
      }
      this.decoder = decoderFor(this.head, this.asked);
      chunk = this.head;
      this.head = Buffer.alloc(0);
    }
    this.decode(chunk, false, done);
  }

  override _flush(done: TransformCallback): void {
    if (this.decoder === undefined) {
      this.decoder = decoderFor(this.head, this.asked);
      this.decode(this.head, true, done);
      return;
    }
    this.decode(Buffer.alloc(0), true, done);
  }

  private decode(bytes: Buffer, last: boolean, done: TransformCallback): void {
    const decoder = this.decoder as TextDecoder;
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: !last });
    } catch {
      const line = this.lineFeeds + 1 + this.lineFeedsBeforeError(bytes);
      done(new InvalidEncoding(line, decoder.encoding));
      return;
    }
    this.lineFeeds += countLineFeeds(text);
    this.tail =
      bytes.length >= 3
        ? bytes.subarray(bytes.length - 3)
        : Buffer.concat([this.tail, bytes]).subarray(-3);
    done(null, text === "" ? undefined : text);
  }

  /**
   * Line feeds in the failing chunk before the byte that made it invalid. Only UTF-8 (the case
   * that matters: a Windows-1252 file read as UTF-8) is located exactly; UTF-16 names the line
   * the chunk starts on.
   */
  private lineFeedsBeforeError(bytes: Buffer): number {
    if (this.decoder?.encoding !== "utf-8") return 0;
    // Restart at the first byte of the tail that starts a character (not 10xxxxxx): a character
    // the previous chunk left incomplete begins there.
    let from = 0;
    while (from < this.tail.length && ((this.tail[from] as number) & 0xc0) === 0x80) from++;
    const tail = this.tail.subarray(from);
    const slice = Buffer.concat([tail, bytes]);
    // The shortest prefix a fresh decoder refuses ends with the byte that made it invalid.
    let low = 1;
    let high = slice.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (refuses(slice.subarray(0, mid))) high = mid;
      else low = mid + 1;
    }
    let count = 0;
    for (let i = tail.length; i < low - 1; i++) if (slice[i] === 0x0a) count++;
    return count;
  }
}

function refuses(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return false;
  } catch {
    return true;
  }
}

function countLineFeeds(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

/** The file's text, streamed. */
export function readText(path: string, encoding: FileEncoding): DecodeStream {
  const source = createReadStream(path, { highWaterMark: 1 << 20 });
  const decode = new DecodeStream(encoding);
  source.on("error", (error) => decode.destroy(error));
  return source.pipe(decode);
}
