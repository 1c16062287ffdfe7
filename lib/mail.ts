/**
 * Sending mail, and what a mail looks like. The transport is SMTP (nodemailer) when SMTP_URL
 * or SMTP_HOST is set; without either, mails are written to the server log instead, and the
 * development outbox page (/dev/outbox) shows what would have gone out.
 */
import 'server-only';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { env, type Env } from '@/lib/env';

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The RFC 8058 one-click address, for the List-Unsubscribe header. */
  oneClickUrl: string;
};

export type MailTransport = { name: 'smtp' | 'log'; send(mail: OutgoingMail): Promise<void> };

/** The headers that let a mail client offer "unsubscribe" and do it with one POST (RFC 8058). */
export const unsubscribeHeaders = (oneClickUrl: string) => ({
  'List-Unsubscribe': `<${oneClickUrl}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

// Well under the job's two-minute lease on a claimed mail, so a slow server makes a send fail
// and be retried rather than have another instance claim and send the same mail meanwhile.
const TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

export function smtpTransport(options: string | SMTPTransport.Options, from: string): MailTransport {
  const transporter =
    typeof options === 'string' ? nodemailer.createTransport(options, TIMEOUTS) : nodemailer.createTransport({ ...TIMEOUTS, ...options });
  return {
    name: 'smtp',
    async send(mail) {
      await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: unsubscribeHeaders(mail.oneClickUrl),
      });
    },
  };
}

/** Without SMTP: the mail goes to the server log (it is also kept in the outbox table). */
export function logTransport(log: (line: string) => void = console.info): MailTransport {
  return {
    name: 'log',
    async send(mail) {
      log(`[ask-or-grow] mail (no SMTP configured) to ${mail.to}: ${mail.subject}\n${mail.text}`);
    },
  };
}

export function transportFromEnv(e: Env = env()): MailTransport {
  if (e.SMTP_URL) return smtpTransport(e.SMTP_URL, e.MAIL_FROM);
  if (e.SMTP_HOST) {
    const port = e.SMTP_PORT ?? 587;
    return smtpTransport(
      {
        host: e.SMTP_HOST,
        port,
        // 465 speaks TLS from the start; other ports upgrade with STARTTLS when offered.
        secure: port === 465,
        auth: e.SMTP_USER ? { user: e.SMTP_USER, pass: e.SMTP_PASSWORD ?? '' } : undefined,
      },
      e.MAIL_FROM,
    );
  }
  return logTransport();
}

let cached: MailTransport | undefined;
/** The process's transport, made once from the environment. */
export function mailTransport(): MailTransport {
  cached ??= transportFromEnv();
  return cached;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text made safe to put in HTML, between tags or in a quoted attribute. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

// A display name is the member's own text: in a subject it must stay one line.
const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ').trim();

export type MailItem = { text: string; url: string };

/**
 * A mail's subject, plain-text and HTML parts: a greeting, a line (with its link) per thing that
 * happened, and a footer saying why it came, with the unsubscribe link. Every piece of text is
 * escaped in the HTML; nothing from a member reaches it as markup.
 */
export function renderMail(input: {
  subject: string;
  recipientName: string;
  intro?: string;
  items: MailItem[];
  outro?: MailItem;
  /** Why the member gets this mail, in the footer. */
  reason: string;
  unsubscribeUrl: string;
  settingsUrl: string;
}): { subject: string; text: string; html: string } {
  const subject = oneLine(input.subject);
  const hello = `Hello ${oneLine(input.recipientName)},`;
  const why = input.reason;

  const text = [
    hello,
    '',
    ...(input.intro ? [input.intro, ''] : []),
    ...input.items.flatMap((i) => [`- ${i.text}`, `  ${i.url}`]),
    ...(input.outro ? ['', input.outro.text, input.outro.url] : []),
    '',
    '-- ',
    why,
    `Stop these e-mails: ${input.unsubscribeUrl}`,
    `Choose what you hear about: ${input.settingsUrl}`,
    '',
  ].join('\n');

  const p = 'margin:0 0 16px;';
  const link = 'color:#1d4ed8;';
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f5f5f4;color:#1c1917;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:16px;line-height:1.5;">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:12px;padding:24px;">
<p style="${p}">${escapeHtml(hello)}</p>
${input.intro ? `<p style="${p}">${escapeHtml(input.intro)}</p>\n` : ''}<ul style="margin:0 0 16px;padding-left:20px;">
${input.items.map((i) => `<li style="margin:0 0 8px;"><a href="${escapeHtml(i.url)}" style="${link}">${escapeHtml(i.text)}</a></li>`).join('\n')}
</ul>
${input.outro ? `<p style="${p}"><a href="${escapeHtml(input.outro.url)}" style="${link}">${escapeHtml(input.outro.text)}</a></p>\n` : ''}</div>
<div style="max-width:560px;margin:16px auto 0;color:#57534e;font-size:13px;">
<p style="margin:0 0 8px;">${escapeHtml(why)}</p>
<p style="margin:0;"><a href="${escapeHtml(input.unsubscribeUrl)}" style="color:#57534e;">Stop these e-mails</a> · <a href="${escapeHtml(input.settingsUrl)}" style="color:#57534e;">Choose what you hear about</a></p>
</div>
</body></html>
`;
  return { subject, text, html };
}
