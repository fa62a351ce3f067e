/** A mail as the test SMTP server (e2e/global-setup.ts) stores and serves it. */
export type StoredMail = {
  id: number;
  receivedAt: number;
  /** Envelope recipients, lower-cased. */
  to: string[];
  subject: string;
  text: string;
  html: string;
};
