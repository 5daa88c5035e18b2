// A real SMTP server in the test process (the smtp-server package), for the notification tests
// (issue 16: "tests start a real SMTP server in the test process and read what arrives").
// `failNext` answers the next message with a temporary error, as a busy server would.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  /** The message as it arrived (headers, quoted-printable body). */
  data: string;
  /** The same with quoted-printable undone: soft line breaks joined, =XX decoded as UTF-8. */
  text: string;
}

function decodeQuotedPrintable(data: string): string {
  const joined = data.replace(/=\r?\n/g, "");
  const bytes = Buffer.from(
    joined.replace(/=([0-9A-F]{2})/g, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    ),
    "latin1",
  );
  return bytes.toString("utf8");
}

export interface TestSmtp {
  url: string;
  host: string;
  port: number;
  received: ReceivedMail[];
  /** The next `n` messages are refused with 451 (a temporary failure). */
  failNext(n?: number): void;
  close(): Promise<void>;
}

export function startSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let failures = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (failures > 0) {
          failures--;
          const error = Object.assign(new Error("Tijdelijk niet beschikbaar"), {
            responseCode: 451,
          });
          callback(error);
          return;
        }
        const data = Buffer.concat(chunks).toString("utf8");
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
          text: decodeQuotedPrintable(data),
        });
        callback();
      });
    },
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.server.address() as AddressInfo;
      resolve({
        url: `smtp://127.0.0.1:${port}`,
        host: "127.0.0.1",
        port,
        received,
        failNext(n = 1) {
          failures = n;
        },
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}
