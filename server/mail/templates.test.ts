import { describe, expect, it } from 'vitest';
import { emailChangeMail, signInMail } from './templates';

describe('mail templates', () => {
  it('write the sign-in mail in the recipient’s language, with the link', () => {
    const url = 'http://localhost:3000/api/auth/callback/nodemailer?token=abc&email=a%40b.fr';
    expect(signInMail('a@b.fr', url, 'fr')).toMatchObject({ to: 'a@b.fr', subject: 'Votre lien de connexion à Coopol' });
    expect(signInMail('a@b.fr', url, 'fr').text).toContain(`\n\n${url}\n\n`);
    expect(signInMail('a@b.fr', url, 'fr').text).toContain('Si vous n’avez rien demandé');
    expect(signInMail('a@b.fr', url, 'en')).toMatchObject({ subject: 'Your Coopol sign-in link' });
    expect(signInMail('a@b.fr', url, 'en').text).toContain(url);
  });

  it('write the e-mail change confirmation in both languages', () => {
    expect(emailChangeMail('n@b.fr', 'http://x/compte/email?token=t', 'fr')).toMatchObject({ subject: 'Confirmez votre nouvelle adresse Coopol' });
    expect(emailChangeMail('n@b.fr', 'http://x/compte/email?token=t', 'en').text).toContain('http://x/compte/email?token=t');
  });
});
