/**
 * The demo personas: the same e-mails in every demo database (shared/DESIGN.md, "Interfaces").
 * Kept free of database imports so the sign-in page can list them.
 */
export type DemoPersona = { email: string; name: string; labelFr: string; labelEn: string };

export const DEMO_PERSONAS: readonly DemoPersona[] = [
  {
    email: 'admin@coopol.test',
    name: 'Alex Martin',
    labelFr: 'Alex — administrateur du site',
    labelEn: 'Alex — site administrator',
  },
  {
    email: 'federation@coopol.test',
    name: 'Nadia Benali',
    labelFr: 'Nadia — secrétaire de la fédération du Bas-Rhin',
    labelEn: 'Nadia — secretary of the Bas-Rhin federation',
  },
  {
    email: 'secretaire@coopol.test',
    name: 'Camille Roux',
    labelFr: 'Camille — secrétaire de la section Strasbourg-Centre',
    labelEn: 'Camille — secretary of the Strasbourg-Centre section',
  },
  {
    email: 'militante@coopol.test',
    name: 'Inès Moreau',
    labelFr: 'Inès — militante à Strasbourg-Centre, anime le groupe « Transition écologique »',
    labelEn: 'Inès — member in Strasbourg-Centre, runs the “Transition écologique” group',
  },
  {
    email: 'militant.colmar@coopol.test',
    name: 'Julien Weber',
    labelFr: 'Julien — militant de la section de Colmar',
    labelEn: 'Julien — member of the Colmar section',
  },
  {
    email: 'citoyen@coopol.test',
    name: 'Paul Girard',
    labelFr: 'Paul — citoyen, sans adhésion',
    labelEn: 'Paul — citizen, not a party member',
  },
];
