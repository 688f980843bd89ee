import nodemailer from "nodemailer";

/** A message to one contributor, in their language. */
export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * A way to reach a contributor. E-mail is implemented; SMS and Zalo plug in here with the same contract:
 * resolve when the provider accepted the message, reject with the provider's reason otherwise.
 */
export interface NotificationChannel {
  readonly name: "email" | "sms" | "zalo";
  send(message: OutgoingMessage): Promise<void>;
}

/** E-mail through an SMTP server (`smtp://user:pass@host:587`, `smtps://…` for implicit TLS). */
export function createEmailChannel({ smtpUrl, from }: { smtpUrl: string; from: string }): NotificationChannel {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    name: "email",
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}
