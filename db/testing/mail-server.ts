import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type MailServer = { url: string; delivered: ParsedMail[]; close(): Promise<void> };

/**
 * A real SMTP server on a free local port, for tests that want a real SMTP conversation rather
 * than a mock: every message it accepts is parsed and kept in `delivered`, in order. With
 * `delayMs` it holds each message that long before accepting it, as a slow server would.
 */
export async function startMailServer(options: { delayMs?: number } = {}): Promise<MailServer> {
  const delivered: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
          delivered.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    delivered,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
