import { describe, expect, it } from 'vitest';
import { emailChangeMail, signInMail } from './templates';

describe('mail templates', () => {
  it('write the sign-in mail in the recipient’s language, with the link', () => {
    const url = 'http://localhost:3000/api/auth/callback/nodemailer?token=abc&email=a%40b.fr';
    const fr = signInMail('a@b.fr', url, { locale: 'fr', validity: '1 heure' });
    expect(fr).toMatchObject({ to: 'a@b.fr', subject: 'Votre lien de connexion à Coopol' });
    expect(fr.text).toContain(`\n\n${url}\n\n`);
    expect(fr.text).toContain('valable 1 heure, une seule fois');
    expect(fr.text).toContain('Si vous n’avez rien demandé');
    const en = signInMail('a@b.fr', url, { locale: 'en', validity: '30 minutes' });
    expect(en).toMatchObject({ subject: 'Your Coopol sign-in link' });
    expect(en.text).toContain(url);
    expect(en.text).toContain('valid for 30 minutes');
  });

  it('write the e-mail change confirmation in both languages', () => {
    expect(emailChangeMail('n@b.fr', 'http://x/compte/email?token=t', 'fr')).toMatchObject({ subject: 'Confirmez votre nouvelle adresse Coopol' });
    expect(emailChangeMail('n@b.fr', 'http://x/compte/email?token=t', 'en').text).toContain('http://x/compte/email?token=t');
  });
});
