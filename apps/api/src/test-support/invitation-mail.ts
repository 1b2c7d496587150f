import type { ReceivedMail, SmtpSink } from './smtp-sink';
import { eventually } from './webhook-receiver';

/** The text of a raw message, with quoted-printable soft breaks and escapes undone. */
export function mailText(mail: ReceivedMail): string {
  return mail.data
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function invitationsTo(smtp: SmtpSink, email: string): ReceivedMail[] {
  return smtp.mails.filter(
    (mail) => mail.to.some((to) => to.includes(email)) && mailText(mail).includes('/set-password?token='),
  );
}

/** Waits for the `count`-th invitation e-mail to `email` and answers its link. */
export async function invitationLink(smtp: SmtpSink, email: string, count = 1): Promise<URL> {
  await eventually(
    `invitation e-mail ${count} to ${email}`,
    () => invitationsTo(smtp, email).length >= count,
  );
  const text = mailText(invitationsTo(smtp, email)[count - 1] as ReceivedMail);
  const link = /(https?:\/\/\S+\/set-password\?token=[A-Za-z0-9_%-]+)/.exec(text)?.[1];
  if (!link) throw new Error(`No set-password link in:\n${text}`);
  return new URL(link);
}
