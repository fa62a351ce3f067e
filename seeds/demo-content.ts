/**
 * The demo's territories, groups and pages, as data. `demo.ts` walks these lists through the
 * domain functions. Texts are written for the demo: no lorem ipsum, so that screens, search and
 * excerpts look like the real thing.
 */
import type { PageKind, PageStatus, Visibility } from '@/db/schema';

export const NATIONAL_NAME = 'Coopol — national';

export type FederationSpec = { name: string; description: string; sections: string[] };

export const FEDERATIONS: FederationSpec[] = [
  {
    name: 'Bas-Rhin',
    description: 'La fédération du Bas-Rhin : de l’Eurométropole de Strasbourg à l’Alsace bossue, du Kochersberg au piémont des Vosges.',
    sections: [
      'Strasbourg-Centre', 'Strasbourg-Neudorf', 'Strasbourg-Cronenbourg', 'Strasbourg-Meinau', 'Strasbourg-Robertsau',
      'Schiltigheim', 'Bischheim', 'Illkirch-Graffenstaden', 'Lingolsheim', 'Haguenau', 'Sélestat', 'Obernai',
      'Saverne', 'Molsheim', 'Erstein', 'Wissembourg',
    ],
  },
  {
    name: 'Haut-Rhin',
    description: 'La fédération du Haut-Rhin : Colmar, Mulhouse, le Sundgau, les vallées vosgiennes et la frontière suisse.',
    sections: ['Colmar', 'Mulhouse', 'Guebwiller', 'Saint-Louis', 'Thann', 'Altkirch', 'Riedisheim', 'Illzach', 'Wittenheim', 'Munster', 'Ribeauvillé'],
  },
  {
    name: 'Paris',
    description: 'La fédération de Paris : une section par arrondissement, des quartiers populaires aux associations de locataires.',
    sections: ['Paris 10e', 'Paris 11e', 'Paris 12e', 'Paris 13e', 'Paris 14e', 'Paris 18e', 'Paris 19e', 'Paris 20e'],
  },
];

export type GroupSpec = { name: string; description: string; isOpen: boolean };

export const GROUPS: GroupSpec[] = [
  { name: 'Transition écologique', description: 'Rénovation thermique, transports du quotidien, eau et alimentation : une écologie qui protège d’abord les plus modestes.', isOpen: true },
  { name: 'Logement pour tous', description: 'Encadrement des loyers, logement social, lutte contre l’habitat indigne : on partage les expériences des sections.', isOpen: true },
  { name: 'Services publics ruraux', description: 'Écoles, bureaux de poste, maternités, guichets : recenser les fermetures et porter des propositions pour les territoires ruraux.', isOpen: true },
  { name: 'Numérique libre', description: 'Logiciels libres dans les collectivités, données publiques, inclusion numérique. Le groupe administre aussi nos propres outils.', isOpen: true },
  { name: 'Féminisme et égalité', description: 'Égalité salariale, lutte contre les violences, parité dans nos instances : le groupe relit tous les textes du programme.', isOpen: false },
  { name: 'Jeunes', description: 'Les moins de trente ans du parti : formations, université d’été, campagnes sur les campus et dans les lycées.', isOpen: true },
];

/**
 * Who writes a page: a persona (by e-mail), or the secretary of the page's space, or a member of
 * it (by index among the generated members, so it is always someone who may write there).
 */
export type AuthorRef = { persona: string } | { secretaryOf: 'space' } | { memberOf: 'space'; index: number };

export type PageSpec = {
  /** `national`, `federation:<name>`, `section:<name>` or `group:<name>`. */
  space: string;
  title: string;
  kind?: PageKind;
  visibility: Visibility;
  /** Final status; `archived` pages are created published, then archived by a steward. */
  status: PageStatus;
  author: AuthorRef;
  /**
   * People who edit the page after its creation (they become co-authors): each must be allowed to
   * edit it, e.g. a draft only by its authors and the animators of its space and above.
   */
  editors?: AuthorRef[];
  /** How long ago the page was last changed, in hours: personas' spaces get the freshest. */
  ageHours: number;
  markdown: string;
};

const ADMIN = { persona: 'admin@coopol.test' };
const NADIA = { persona: 'federation@coopol.test' };
const CAMILLE = { persona: 'secretaire@coopol.test' };
const INES = { persona: 'militante@coopol.test' };
const JULIEN = { persona: 'militant.colmar@coopol.test' };
const SECRETARY = { secretaryOf: 'space' } as const;
const member = (index: number) => ({ memberOf: 'space', index }) as const;

export const PAGES: PageSpec[] = [
  // ——— National: the programme ———
  {
    space: 'national',
    title: 'Chapitre 1 — Une République sociale et écologique',
    visibility: 'public',
    status: 'published',
    author: ADMIN,
    ageHours: 30,
    markdown: `## Pourquoi ce chapitre ouvre le programme

Nous ne croyons pas qu’il faille choisir entre la fin du mois et la fin du monde. Les ménages qui peinent à payer leur facture de chauffage sont aussi ceux qui vivent dans les passoires thermiques, qui respirent l’air le plus pollué et qui n’ont pas d’autre choix que la voiture pour aller travailler. Une politique écologique qui oublierait la question sociale échouerait ; une politique sociale qui ignorerait le climat préparerait les crises de demain.

Ce premier chapitre fixe donc la boussole de tout le programme : chaque mesure sera évaluée à la fois sur ce qu’elle change pour les 10 % les plus modestes et sur ce qu’elle fait gagner au climat et à la biodiversité.

## Nos engagements

- **Une règle verte dans la Constitution** : ne pas prélever sur la nature plus qu’elle ne peut reconstituer.
- **Un bouclier énergétique** pour les ménages modestes, financé par une contribution sur les superprofits du secteur de l’énergie.
- **Un plan national de rénovation** de 700 000 logements par an, en commençant par les logements sociaux et les copropriétés dégradées.
- **Le droit à la mobilité** : des transports publics fréquents dans chaque bassin de vie, et des tarifs solidaires.

## Comment nous l’avons écrit

Ce texte est le fruit de quatorze mois de travail. Plus de deux cents sections ont envoyé des contributions, le groupe « Transition écologique » a organisé six ateliers ouverts, et la convention programmatique a tranché les points de désaccord. Les amendements retenus sont consultables dans l’historique de cette page.`,
  },
  {
    space: 'national',
    title: 'Chapitre 2 — Le logement, un droit',
    visibility: 'public',
    status: 'published',
    author: ADMIN,
    ageHours: 52,
    markdown: `## Le constat

Le logement est devenu le premier poste de dépense des ménages. Dans les grandes villes, un jeune actif consacre souvent plus du tiers de son salaire à son loyer, quand il parvient à trouver un appartement. Plus de quatre millions de personnes sont mal logées, et plus de trois cent mille n’ont pas de domicile. Pendant ce temps, des centaines de milliers de logements restent vacants et les locations touristiques de courte durée grignotent les centres-villes.

## Ce que nous proposons

### Encadrer et baisser les loyers

- Étendre l’encadrement des loyers à toutes les zones tendues, avec des sanctions réellement dissuasives.
- Plafonner les locations touristiques à quatre-vingt-dix nuits par an dans les communes qui le demandent.
- Créer une garantie universelle des loyers, pour que personne ne soit refusé faute de garant.

### Construire et rénover

Nous relancerons la construction de logements sociaux à hauteur de 150 000 par an, dont un tiers de logements très sociaux. Les bailleurs sociaux retrouveront les moyens que la baisse des APL leur a retirés.

### Protéger

Aucune expulsion sans relogement. La trêve hivernale sera prolongée, et les commissions de prévention des expulsions disposeront d’un fonds pour apurer les dettes locatives des ménages de bonne foi.

## Débat en cours

La question de la réquisition des logements vacants détenus par les grandes sociétés foncières a fait l’objet de trois amendements concurrents. La convention a retenu la rédaction de la fédération de Paris ; les autres versions restent lisibles dans l’historique.`,
  },
  {
    space: 'national',
    title: 'Chapitre 3 — Services publics partout',
    visibility: 'public',
    status: 'published',
    author: ADMIN,
    ageHours: 75,
    markdown: `## Une promesse républicaine à tenir

Quand un bureau de poste ferme, quand une maternité ne fait plus d’accouchements, quand la ligne de bus ne passe plus que deux fois par jour, ce n’est pas seulement un service qui disparaît : c’est la promesse d’égalité qui recule. Dans trop de communes rurales et de quartiers populaires, il faut désormais faire trente kilomètres pour voir un médecin ou parler à un agent des impôts.

## Nos propositions

1. **Un moratoire** sur toute fermeture de service public dans les communes de moins de 10 000 habitants, le temps d’un diagnostic partagé avec les élus et les usagers.
2. **Une maison des services publics à moins de vingt minutes** de chaque habitant, avec de vrais agents et pas seulement des bornes.
3. **Le recrutement de 10 000 médecins salariés** dans des centres de santé publics, en priorité dans les déserts médicaux.
4. **Le maintien d’un accueil physique** pour toutes les démarches administratives : personne ne doit être obligé de passer par Internet.

## Le financement

Ces mesures représentent un effort de 12 milliards d’euros par an à terme. Elles seront financées par le rétablissement d’un impôt sur la fortune incluant une part climatique, et par la lutte contre l’évasion fiscale, dont le coût est estimé à plusieurs dizaines de milliards chaque année.

Les contributions du groupe « Services publics ruraux » ont nourri l’essentiel de ce chapitre.`,
  },
  {
    space: 'national',
    title: 'Chapitre 4 — Le travail, la dignité, le temps libéré',
    visibility: 'public',
    status: 'published',
    author: ADMIN,
    ageHours: 120,
    markdown: `## Le travail doit permettre de vivre

Des millions de salariés travaillent et restent pauvres : temps partiels subis, contrats courts à répétition, auto-entrepreneurs dépendants d’une plateforme. Nous voulons que chaque heure travaillée ouvre des droits et qu’un emploi à temps plein permette de vivre dignement.

## Nos engagements

- Porter le SMIC à 1 600 euros nets et ouvrir une conférence salariale par branche chaque année.
- Reconnaître le statut de salarié aux travailleurs des plateformes.
- Limiter le recours aux contrats courts par une cotisation patronale progressive.
- Ramener l’âge légal de départ à la retraite à soixante-deux ans, avec une prise en compte réelle de la pénibilité.

## Le temps libéré

Le temps gagné grâce aux progrès de la productivité doit revenir à celles et ceux qui travaillent. Nous engagerons une négociation interprofessionnelle sur la semaine de quatre jours, en commençant par les métiers les plus pénibles et les services publics volontaires.`,
  },
  {
    space: 'national',
    title: 'Chapitre 5 — Une démocratie à portée de main',
    visibility: 'public',
    status: 'draft',
    author: ADMIN,
    ageHours: 6,
    markdown: `## Document de travail — ne pas diffuser

Ce chapitre est encore en chantier. Les sections sont invitées à proposer leurs amendements avant la convention de printemps.

## Pistes retenues à ce stade

- Le référendum d’initiative citoyenne, avec un seuil de 700 000 signatures.
- Le vote à la proportionnelle pour les élections législatives.
- Des budgets participatifs obligatoires dans les communes de plus de 20 000 habitants.
- Un statut de l’élu local qui permette à une caissière ou à un ouvrier d’être maire sans y perdre son emploi.

## Questions ouvertes

Faut-il fixer un seuil plus bas pour les référendums locaux ? La commission programme n’a pas encore tranché. Plusieurs fédérations ont proposé un seuil de 5 % des inscrits, d’autres craignent une multiplication des consultations sans suite.`,
  },
  {
    space: 'national',
    title: 'Charte des valeurs de Coopol',
    visibility: 'public',
    status: 'published',
    author: ADMIN,
    ageHours: 900,
    markdown: `## Ce qui nous rassemble

Nous sommes des femmes et des hommes de gauche, venus du syndicalisme, du monde associatif, de l’écologie politique ou simplement de la colère devant les injustices. Nous croyons que la politique se fait à plusieurs, et que chaque militant peut écrire le programme qu’il défendra ensuite sur les marchés.

## Nos principes

- **L’égalité**, entre les territoires, entre les femmes et les hommes, quelles que soient les origines.
- **La démocratie interne** : les textes du parti s’écrivent en commun, les désaccords se tranchent par le vote.
- **La transparence** : chaque amendement, chaque version d’un texte reste consultable.
- **Le respect** : on débat des idées, jamais des personnes.

## Nos engagements envers les militants

Chaque adhérent appartient à une section, peut rejoindre autant de groupes thématiques qu’il le souhaite, et peut proposer une motion à son assemblée générale.`,
  },
  {
    space: 'national',
    title: 'Guide du militant : écrire un texte à plusieurs',
    visibility: 'members',
    status: 'published',
    author: ADMIN,
    ageHours: 400,
    markdown: `## Avant de commencer

Un bon texte collectif commence par une question claire. Avant d’ouvrir une page, mettez-vous d’accord sur ce que vous voulez obtenir : une motion à soumettre au vote, un tract, une contribution au programme ?

## Les règles de la plateforme

- Tous les membres d’une section peuvent modifier les pages de leur section.
- Un brouillon n’est visible que par ses auteurs et par les secrétaires.
- Publier un texte en fige une version : c’est elle que lisent les citoyens.

## Quelques conseils

1. Écrivez des phrases courtes. Un tract se lit en trente secondes.
2. Citez vos sources : chiffres de l’INSEE, rapports de la Fondation Abbé-Pierre, délibérations municipales.
3. Quand vous n’êtes pas d’accord, proposez une autre rédaction plutôt que d’effacer celle d’un camarade.`,
  },
  {
    space: 'national',
    title: 'Calendrier de la convention programmatique 2026',
    visibility: 'members',
    status: 'published',
    author: ADMIN,
    ageHours: 200,
    markdown: `## Les grandes étapes

- **Jusqu’au 15 janvier** : dépôt des contributions des sections et des groupes.
- **Février** : synthèse par la commission programme, publication des textes soumis aux amendements.
- **Mars** : assemblées générales de section, vote des amendements.
- **Avril** : convention nationale à Lyon, vote final chapitre par chapitre.

## Qui vote ?

Chaque adhérent à jour de cotisation vote dans sa section. Les délégués à la convention sont élus à la proportionnelle des motions, à raison d’un délégué pour cinquante adhérents.`,
  },
  {
    space: 'national',
    title: 'Programme 2022 — archives',
    visibility: 'public',
    status: 'archived',
    author: ADMIN,
    ageHours: 5000,
    markdown: `## Note

Ce programme a été adopté en 2022. Il est conservé pour mémoire ; le programme en cours d’écriture le remplace.

## Les dix mesures phares de 2022

1. Le blocage des prix de l’énergie pendant l’hiver.
2. Cent mille logements sociaux par an.
3. Le remboursement intégral des soins dentaires et optiques.
4. La gratuité des cantines scolaires pour les familles modestes.
5. Le rétablissement de l’impôt sur la fortune.
6. Un plan pour les petites lignes ferroviaires.
7. La fin des niches fiscales polluantes.
8. La proportionnelle aux élections législatives.
9. L’égalité salariale réelle entre femmes et hommes.
10. Un service public de la petite enfance.`,
  },
  {
    space: 'national',
    title: 'Orientations budgétaires 2026 — document de travail',
    visibility: 'members',
    status: 'draft',
    author: ADMIN,
    ageHours: 14,
    markdown: `## Objet

Ce document prépare le vote du budget du parti au conseil national. Il n’est lisible que par ses auteurs et les secrétaires de fédération.

## Recettes attendues

- Cotisations des adhérents : environ 1,2 million d’euros.
- Dons : 400 000 euros, en hausse grâce à la campagne de rentrée.
- Aide publique : selon les résultats des dernières législatives.

## Dépenses prioritaires

La formation des nouveaux secrétaires de section, le matériel de campagne pour les municipales et la maintenance de la plateforme représentent l’essentiel des dépenses nouvelles.`,
  },

  // ——— Fédération du Bas-Rhin ———
  {
    space: 'federation:Bas-Rhin',
    title: 'Fédération du Bas-Rhin — qui sommes-nous ?',
    visibility: 'public',
    status: 'published',
    author: NADIA,
    ageHours: 600,
    markdown: `## Seize sections, une fédération

La fédération du Bas-Rhin rassemble seize sections, de Wissembourg à Sélestat. Nos militantes et nos militants sont présents sur les marchés, dans les conseils de quartier, dans les associations de locataires et dans les syndicats.

## Nos combats locaux

- Un réseau express métropolitain qui desserve vraiment les communes de la deuxième couronne.
- La défense des hôpitaux de proximité de Saverne et de Haguenau.
- Une politique du logement qui ne laisse pas Strasbourg aux seuls investisseurs.

## Nous rejoindre

Écrivez à la section la plus proche de chez vous : la liste est en bas de cette page. Les assemblées générales sont ouvertes aux sympathisants.`,
  },
  {
    space: 'federation:Bas-Rhin',
    title: 'Feuille de route fédérale 2025-2026',
    visibility: 'members',
    status: 'published',
    author: NADIA,
    ageHours: 9,
    markdown: `## Trois priorités pour l’année

### 1. Préparer les municipales

Chaque section désignera avant le printemps un binôme chargé du projet municipal. La fédération organise deux journées de formation à Strasbourg et à Haguenau.

### 2. Former les nouveaux adhérents

Nous avons accueilli cent douze nouveaux adhérents depuis janvier. Un parcours d’accueil en trois soirées leur sera proposé : histoire du parti, fonctionnement des sections, écriture collective sur la plateforme.

### 3. Contribuer au programme

Les sections de l’Eurométropole travaillent sur le chapitre logement ; celles du nord du département sur les services publics ruraux.

## Calendrier

- Conseil fédéral : un samedi par trimestre.
- Assemblée des secrétaires de section : chaque premier lundi du mois, en visioconférence.`,
  },
  {
    space: 'federation:Bas-Rhin',
    title: 'Compte rendu du conseil fédéral du 14 septembre',
    visibility: 'space',
    status: 'published',
    author: NADIA,
    ageHours: 160,
    markdown: `## Présents

Vingt-huit délégués de quatorze sections. Les sections d’Erstein et de Wissembourg étaient excusées.

## Décisions

- Le budget de campagne des municipales est fixé à 18 000 euros pour l’ensemble de la fédération.
- La fédération soutiendra la pétition contre la fermeture des urgences de nuit à Saverne.
- Une commission logement est créée ; elle sera animée par la section Strasbourg-Centre.

## Débat sur les alliances

Le débat sur les alliances municipales a été long et franc. Une majorité s’est dégagée pour privilégier des listes d’union dès le premier tour, sur la base d’un programme écrit en commun avec les partenaires locaux. Le vote définitif aura lieu au prochain conseil.`,
  },
  {
    space: 'federation:Bas-Rhin',
    title: 'Motion fédérale : pour un véritable REM autour de Strasbourg',
    kind: 'motion',
    visibility: 'members',
    status: 'draft',
    author: NADIA,
    ageHours: 3,
    markdown: `## Exposé des motifs

Chaque matin, des dizaines de milliers d’habitants de la deuxième couronne strasbourgeoise prennent leur voiture faute de trains assez fréquents. Le réseau express métropolitain promis depuis des années reste trop timide : des trains toutes les demi-heures ne suffisent pas à changer les habitudes.

## La fédération demande

1. Un train toutes les quinze minutes aux heures de pointe sur toutes les lignes de l’étoile ferroviaire.
2. Des correspondances garanties avec les bus départementaux.
3. Un tarif unique pour tout le réseau, quel que soit l’opérateur.

## Prochaine étape

Ce projet de motion sera soumis au vote des sections le mois prochain. Amendements bienvenus directement dans ce texte.`,
  },

  // ——— Fédération du Haut-Rhin ———
  {
    space: 'federation:Haut-Rhin',
    title: 'Fédération du Haut-Rhin — qui sommes-nous ?',
    visibility: 'public',
    status: 'published',
    author: SECRETARY,
    ageHours: 700,
    markdown: `## Du Sundgau aux crêtes vosgiennes

La fédération du Haut-Rhin regroupe onze sections. Mulhouse et Colmar en sont les deux pôles, mais nos militants sont aussi très actifs dans les vallées de la Thur et de la Fecht, où la désindustrialisation a laissé des traces profondes.

## Ce que nous portons

- La reconversion des friches industrielles en lieux de production et de logement.
- La défense des services publics dans les vallées.
- Des coopérations transfrontalières au service des travailleurs frontaliers, pas seulement des entreprises.`,
  },
  {
    space: 'federation:Haut-Rhin',
    title: 'Mobilisation : non à la fermeture de la maternité de Thann',
    visibility: 'members',
    status: 'published',
    author: SECRETARY,
    ageHours: 20,
    markdown: `## Ce qui se passe

L’agence régionale de santé envisage de transformer la maternité de Thann en simple centre périnatal. Les futures mères de la vallée devraient alors accoucher à Mulhouse, à plus de quarante minutes de route l’hiver.

## Ce que nous faisons

- Une pétition commune avec les syndicats de l’hôpital, déjà signée par plus de 6 000 personnes.
- Une réunion publique à la salle des fêtes de Thann, jeudi prochain à 19 h.
- Un courrier aux parlementaires du département.

## Comment aider

Chaque section du Haut-Rhin tient un stand sur son marché le samedi suivant. Les tracts sont à retirer à la fédération.`,
  },

  // ——— Fédération de Paris ———
  {
    space: 'federation:Paris',
    title: 'Fédération de Paris — qui sommes-nous ?',
    visibility: 'public',
    status: 'published',
    author: SECRETARY,
    ageHours: 800,
    markdown: `## Huit sections, une même bataille pour le droit à la ville

Nos sections parisiennes sont implantées dans les arrondissements de l’Est et du Nord, là où les loyers ont le plus augmenté et où les classes populaires sont chassées vers la banlieue.

## Nos priorités

- Le respect de l’encadrement des loyers, avec un accompagnement des locataires qui veulent faire valoir leurs droits.
- La lutte contre les meublés touristiques illégaux.
- Des écoles et des crèches publiques en nombre suffisant dans chaque quartier.`,
  },
  {
    space: 'federation:Paris',
    title: 'Encadrement des loyers à Paris : bilan et propositions',
    visibility: 'public',
    status: 'published',
    author: SECRETARY,
    ageHours: 110,
    markdown: `## Un dispositif qui marche, quand il est appliqué

Depuis son rétablissement, l’encadrement des loyers a permis de contenir la hausse dans les logements remis en location. Mais près d’une annonce sur trois dépasse encore le plafond légal, et très peu de locataires engagent une procédure.

## Nos propositions

1. Des contrôles systématiques des annonces en ligne, avec des amendes automatiques.
2. Un service municipal d’accompagnement des locataires, gratuit et joignable en soirée.
3. La publication annuelle, par arrondissement, du taux d’annonces non conformes.

## Méthode

Ce texte s’appuie sur le relevé de 1 200 annonces réalisé par les sections des 11e, 18e et 20e arrondissements au printemps dernier.`,
  },

  // ——— Section Strasbourg-Centre (Camille, Inès) ———
  {
    space: 'section:Strasbourg-Centre',
    title: 'Section Strasbourg-Centre',
    kind: 'section',
    visibility: 'public',
    status: 'published',
    author: CAMILLE,
    ageHours: 48,
    markdown: `## Bienvenue

La section Strasbourg-Centre réunit les adhérentes et adhérents de la Grande Île, de la Krutenau, de l’Esplanade et du quartier de la Gare. Nous nous retrouvons un mardi sur deux au local de la rue des Bouchers.

## Nos chantiers du moment

- **Le logement étudiant** : un diagnostic est en cours avec les associations étudiantes de l’Esplanade.
- **La zone à trafic limité** : nous préparons une motion pour la prochaine assemblée générale.
- **Le marché de Noël** : comment concilier l’économie touristique et la vie des habitants du centre ?

## Prochaines dates

- Mardi prochain, 19 h : assemblée générale.
- Samedi suivant, 10 h : tractage au marché du boulevard de la Marne.`,
  },
  {
    space: 'section:Strasbourg-Centre',
    title: 'Motion : pour une zone à trafic limité au centre-ville',
    kind: 'motion',
    visibility: 'space',
    status: 'draft',
    author: INES,
    editors: [CAMILLE],
    ageHours: 1,
    markdown: `## Exposé des motifs

Le centre de Strasbourg étouffe sous la circulation de transit. Les habitants de la Krutenau et de la Grande Île respirent un air dont la teneur en dioxyde d’azote dépasse régulièrement les seuils recommandés par l’Organisation mondiale de la santé, et les cyclistes comme les piétons doivent se frayer un chemin entre les voitures qui cherchent une place.

D’autres villes européennes ont montré la voie. À Bologne, à Gand ou à Pontevedra, la limitation de l’accès automobile au centre a rendu les rues aux habitants sans faire mourir le commerce : au contraire, les commerçants de proximité y ont gagné des clients.

## La section demande

1. La création d’une zone à trafic limité sur l’ensemble de la Grande Île, avec un accès réservé aux riverains, aux livraisons en horaires fixes, aux taxis et aux véhicules des personnes à mobilité réduite.
2. Le renforcement des lignes de tram et de bus desservant le centre, en particulier le soir et le dimanche.
3. Une concertation réelle avec les commerçants, les habitants et les associations d’usagers avant toute mise en œuvre.

## Points à trancher en assemblée générale

- Faut-il inclure la Krutenau dès la première étape ?
- Quelles dérogations pour les artisans qui interviennent chez les particuliers ?`,
  },
  {
    space: 'section:Strasbourg-Centre',
    title: 'Compte rendu de l’assemblée générale d’octobre',
    visibility: 'space',
    status: 'published',
    author: CAMILLE,
    editors: [INES],
    ageHours: 26,
    markdown: `## Présents

Vingt-deux adhérents, dont quatre nouveaux accueillis en début de séance. Camille Roux préside, Inès Moreau prend les notes.

## Ordre du jour

1. Retour sur le conseil fédéral.
2. Contribution de la section au chapitre logement du programme.
3. Organisation du prochain tractage.

## Décisions

- La section contribuera au chapitre 2 avec le diagnostic sur le logement étudiant : Inès coordonne la rédaction.
- Le tractage aura lieu le samedi suivant la prochaine assemblée générale, au marché du boulevard de la Marne.
- Une motion sur la zone à trafic limité sera soumise à la prochaine assemblée générale.

## Débat

La discussion sur le marché de Noël a été animée. Plusieurs camarades souhaitent que la section prenne position sur la place prise par les chalets dans l’espace public ; d’autres rappellent que de nombreux habitants du centre en vivent. Un groupe de travail de quatre personnes proposera une position équilibrée.`,
  },
  {
    space: 'section:Strasbourg-Centre',
    title: 'Ordre du jour de la prochaine assemblée générale',
    visibility: 'space',
    status: 'published',
    author: CAMILLE,
    ageHours: 4,
    markdown: `## Mardi prochain, 19 h, local de la rue des Bouchers

1. Accueil des nouveaux adhérents.
2. Vote sur la motion « Pour une zone à trafic limité au centre-ville ».
3. Point sur le diagnostic du logement étudiant.
4. Désignation du binôme municipal de la section.
5. Questions diverses.

## À préparer

Merci de lire la motion avant la réunion et de proposer vos amendements directement dans le texte. Les nouveaux adhérents peuvent venir dès 18 h 30 pour une présentation de la section.`,
  },
  {
    space: 'section:Strasbourg-Centre',
    title: 'Tract : le marché de Noël, pour qui ?',
    visibility: 'members',
    status: 'draft',
    author: INES,
    editors: [CAMILLE],
    ageHours: 2,
    markdown: `## Le marché de Noël, c’est notre fierté. Mais pour qui ?

Chaque hiver, deux millions de visiteurs arpentent les rues de notre ville. Tant mieux pour les commerçants. Mais les habitants du centre, eux, voient les loyers s’envoler, les appartements se transformer en meublés touristiques et les boulangeries céder la place aux boutiques de souvenirs.

## Nous proposons

- De limiter les locations touristiques à quatre-vingt-dix nuits par an.
- De réserver une partie des chalets aux producteurs et aux artisans alsaciens.
- De consacrer une part de la taxe de séjour au logement des saisonniers.

*Texte en cours de relecture : ne pas diffuser avant validation par l’assemblée générale.*`,
  },
  {
    space: 'section:Strasbourg-Centre',
    title: 'Diagnostic : le logement étudiant à Strasbourg',
    visibility: 'public',
    status: 'published',
    author: INES,
    editors: [CAMILLE],
    ageHours: 8,
    markdown: `## Pourquoi ce diagnostic

Strasbourg compte plus de soixante mille étudiants, mais le CROUS n’offre qu’environ cinq mille places en résidence. Les autres se logent dans le parc privé, où un studio de vingt mètres carrés se loue souvent plus de cinq cents euros par mois.

## Ce que nous avons observé

Pendant six semaines, une dizaine de militants ont rencontré des étudiants à l’Esplanade et relevé plus de trois cents annonces. Les résultats sont nets :

- près de 40 % des annonces dépassent le loyer de référence ;
- les étudiants étrangers se voient réclamer des garanties impossibles à fournir ;
- plusieurs logements proposés ne respectent pas les normes de décence.

## Nos propositions

1. Construire mille logements étudiants publics sur le foncier de l’université et de la ville.
2. Ouvrir une permanence d’aide juridique aux étudiants locataires.
3. Étendre la garantie Visale à tous les étudiants, sans condition.

Ce diagnostic sera versé au chapitre 2 du programme national.`,
  },
  {
    space: 'section:Strasbourg-Centre',
    title: 'Compte rendu de l’assemblée générale de juin 2024',
    visibility: 'space',
    status: 'archived',
    author: CAMILLE,
    ageHours: 3500,
    markdown: `## Présents

Dix-sept adhérents.

## Décisions

- Bilan de la campagne des européennes : quatorze tractages, trois réunions publiques.
- Élection de Camille Roux comme secrétaire de section, à l’unanimité moins deux abstentions.
- Le local de la rue des Bouchers est conservé pour un an.

Ce compte rendu est archivé : il reste consultable par les membres de la section.`,
  },
  {
    space: 'section:Strasbourg-Centre',
    title: 'Contribution au chapitre 2 : se loger quand on a vingt ans',
    visibility: 'members',
    status: 'published',
    author: INES,
    ageHours: 12,
    markdown: `## Le point de départ

Nos rencontres avec les étudiants de l’Esplanade ont confirmé ce que tout le monde sait : se loger est devenu l’obstacle numéro un aux études. Un étudiant sur cinq renonce à une formation faute de logement abordable dans la ville où elle est proposée.

## Amendements proposés au chapitre 2

- Ajouter un objectif chiffré de 100 000 logements étudiants publics en cinq ans.
- Ouvrir les aides au logement dès le premier euro de loyer, sans délai de carence.
- Interdire les frais de dossier abusifs réclamés par certaines agences.

## Prochaines étapes

Ces amendements seront défendus par la fédération du Bas-Rhin lors de la convention de printemps.`,
  },

  // ——— Section de Colmar (Julien) ———
  {
    space: 'section:Colmar',
    title: 'Section de Colmar',
    kind: 'section',
    visibility: 'public',
    status: 'published',
    author: SECRETARY,
    ageHours: 300,
    markdown: `## Bienvenue à la section de Colmar

Notre section rassemble les adhérents de Colmar et des villages voisins, de Wintzenheim à Horbourg-Wihr. Nous nous réunissons le premier jeudi de chaque mois à la maison des associations.

## Ce qui nous occupe

- Les transports entre Colmar et les villages du vignoble.
- Le logement des saisonniers des vendanges.
- La défense de l’hôpital Pasteur et de ses services d’urgence.`,
  },
  {
    space: 'section:Colmar',
    title: 'Compte rendu de la réunion de rentrée',
    visibility: 'space',
    status: 'published',
    author: SECRETARY,
    editors: [JULIEN],
    ageHours: 36,
    markdown: `## Présents

Quatorze adhérents, deux sympathisants.

## Ce qui a été décidé

- Julien Weber prépare une proposition sur les navettes vers les villages du vignoble.
- La section participera à la mobilisation pour la maternité de Thann.
- Un porte-à-porte sera organisé dans le quartier Europe avant les vacances de la Toussaint.

## À retenir

La fréquentation des réunions a doublé depuis le printemps. Il faudra trouver une salle plus grande pour l’assemblée générale de décembre.`,
  },
  {
    space: 'section:Colmar',
    title: 'Proposition : des navettes gratuites vers les villages du vignoble',
    kind: 'motion',
    visibility: 'space',
    status: 'draft',
    author: JULIEN,
    ageHours: 5,
    markdown: `## Le problème

Depuis la réduction des lignes de bus départementales, les habitants de Turckheim, d’Ingersheim ou de Niedermorschwihr n’ont plus que quelques cars par jour pour rejoindre Colmar. Les personnes âgées et les jeunes sans permis sont les premiers pénalisés.

## La proposition

- Une navette gratuite toutes les heures entre la gare de Colmar et six villages du vignoble, de 6 h à 21 h.
- Un financement partagé entre l’agglomération et la région, complété par la taxe de séjour.
- Des horaires adaptés aux vendanges pour les travailleurs saisonniers.

## À discuter

Faut-il commencer par une expérimentation d’un an sur deux lignes ? Vos avis sont bienvenus.`,
  },
  {
    space: 'section:Colmar',
    title: 'Notes de porte-à-porte : quartier Europe',
    visibility: 'space',
    status: 'published',
    author: JULIEN,
    ageHours: 18,
    markdown: `## Samedi matin, six militants, cent quarante portes

Nous avons frappé à cent quarante portes et parlé avec une soixantaine d’habitants. L’accueil a été plutôt bon, souvent méfiant au début, puis chaleureux.

## Ce que les gens nous ont dit

- Le prix du chauffage revient dans presque toutes les conversations.
- Beaucoup se plaignent de l’état des ascenseurs et des délais de réparation du bailleur.
- Plusieurs mères de famille demandent plus de places en crèche.

## Suites à donner

Une réunion publique sur les charges locatives, avec l’association des locataires, pourrait réunir du monde. À proposer à la prochaine réunion de section.`,
  },

  // ——— Groups ———
  {
    space: 'group:Transition écologique',
    title: 'Groupe Transition écologique',
    kind: 'group',
    visibility: 'public',
    status: 'published',
    author: INES,
    ageHours: 72,
    markdown: `## Qui sommes-nous ?

Le groupe réunit des militants de toutes les fédérations qui veulent une écologie populaire : une écologie qui protège d’abord ceux qui ont le moins, et qui ne culpabilise pas ceux qui n’ont pas le choix.

## Nos ateliers

- Rénovation thermique et précarité énergétique.
- Transports du quotidien dans les territoires périurbains.
- Eau, agriculture et alimentation.

## Rejoindre le groupe

Le groupe est ouvert à tous les adhérents. Nous nous retrouvons en visioconférence un mercredi sur deux à 20 h 30.`,
  },
  {
    space: 'group:Transition écologique',
    title: 'Plan de rénovation thermique des logements — document de travail',
    visibility: 'space',
    status: 'draft',
    author: JULIEN,
    editors: [INES],
    ageHours: 0.5,
    markdown: `## Objectif

Sortir cinq millions de ménages de la précarité énergétique en dix ans, en rénovant en priorité les logements classés F et G occupés par des ménages modestes.

## Les trois leviers

### Un guichet unique par intercommunalité

Aujourd’hui, un propriétaire qui veut rénover doit jongler entre une dizaine d’aides différentes. Nous proposons un interlocuteur unique, public, qui monte le dossier, choisit les entreprises avec le ménage et suit le chantier jusqu’au bout.

### Un reste à charge nul pour les plus modestes

Pour les ménages des trois premiers déciles, l’État avance et prend en charge la totalité des travaux. Pour les autres, un prêt à taux zéro remboursé par les économies d’énergie.

### Des artisans formés

Un plan de formation de 100 000 artisans aux techniques de rénovation globale, en lien avec les chambres de métiers.

## Points en discussion

- Faut-il rendre la rénovation obligatoire à la vente ?
- Comment traiter les copropriétés où les décisions se bloquent en assemblée générale ?`,
  },
  {
    space: 'group:Transition écologique',
    title: 'Atelier : la sobriété sans la punition',
    visibility: 'members',
    status: 'published',
    author: INES,
    ageHours: 40,
    markdown: `## Synthèse de l’atelier du 2 octobre

Trente-cinq participants de douze sections. La question posée : comment parler de sobriété à des gens qui se privent déjà ?

## Ce qui est ressorti

- Parler de sobriété aux plus riches d’abord : jets privés, résidences secondaires chauffées toute l’année, publicité lumineuse.
- Pour tous les autres, parler de services : transports, rénovation, réparation, qui font baisser les factures.
- Éviter le vocabulaire de l’effort et du sacrifice, qui nourrit le rejet de l’écologie.

## Suites

Une fiche argumentaire sera rédigée pour les militants qui tractent sur les marchés.`,
  },
  {
    space: 'group:Transition écologique',
    title: 'Fiche : l’eau, un bien commun',
    visibility: 'space',
    status: 'archived',
    author: INES,
    ageHours: 2500,
    markdown: `## L’essentiel

L’eau potable est un bien commun. Nous défendons le retour en régie publique des services d’eau et d’assainissement, et une tarification progressive : les premiers mètres cubes, indispensables à la vie, doivent être gratuits.

## Pourquoi cette fiche est archivée

Ses propositions ont été intégrées au chapitre 1 du programme. Elle reste consultable par les membres du groupe.`,
  },
  {
    space: 'group:Logement pour tous',
    title: 'Groupe Logement pour tous',
    kind: 'group',
    visibility: 'public',
    status: 'published',
    author: member(0),
    ageHours: 500,
    markdown: `## Le groupe

Locataires, militants associatifs, agents de bailleurs sociaux : le groupe rassemble celles et ceux qui pensent que le logement est un droit et non une marchandise.

## Ce que nous faisons

- Nous échangeons les expériences des sections en matière d’accompagnement des locataires.
- Nous préparons les amendements au chapitre 2 du programme.
- Nous tenons à jour une carte des mobilisations locales.`,
  },
  {
    space: 'group:Logement pour tous',
    title: 'L’encadrement des loyers dans les villes moyennes',
    visibility: 'members',
    status: 'published',
    author: member(0),
    editors: [member(1)],
    ageHours: 90,
    markdown: `## Une idée qui ne concerne pas que Paris

On croit souvent que l’encadrement des loyers n’a de sens que dans les très grandes villes. Pourtant, à Annecy, à La Rochelle ou à Colmar, les loyers ont progressé plus vite que les salaires depuis dix ans, sous l’effet des résidences secondaires et des meublés touristiques.

## Proposition

Permettre à toute intercommunalité qui le demande d’instaurer l’encadrement des loyers, sans attendre un décret, dès lors que les loyers de marché dépassent de 20 % les loyers du parc social.`,
  },
  {
    space: 'group:Services publics ruraux',
    title: 'Groupe Services publics ruraux',
    kind: 'group',
    visibility: 'public',
    status: 'published',
    author: member(0),
    ageHours: 450,
    markdown: `## Le groupe

Nous venons de villages de l’Alsace bossue, du Sundgau, des vallées vosgiennes, et d’ailleurs. Nous avons vu fermer nos écoles, nos bureaux de poste, nos trésoreries. Nous voulons que le programme du parti parle de nous.

## Notre méthode

Chaque membre recense les fermetures de services dans son canton. Ces relevés alimentent une carte commune et les propositions du chapitre 3.`,
  },
  {
    space: 'group:Services publics ruraux',
    title: 'Recensement des fermetures de guichets — Alsace',
    visibility: 'space',
    status: 'published',
    author: member(0),
    editors: [member(2)],
    ageHours: 60,
    markdown: `## État du recensement

Depuis 2015, nos relevés font apparaître dans les deux départements alsaciens :

- vingt-trois bureaux de poste transformés en agences communales ou en relais chez un commerçant ;
- onze trésoreries fermées ;
- quatre maternités ou services d’urgence de nuit supprimés.

## Méthode

Les chiffres sont vérifiés auprès des mairies concernées. Merci de compléter le tableau pour votre canton et de citer vos sources.`,
  },
  {
    space: 'group:Numérique libre',
    title: 'Groupe Numérique libre',
    kind: 'group',
    visibility: 'public',
    status: 'published',
    author: member(0),
    ageHours: 650,
    markdown: `## Le groupe

Développeuses, administrateurs système, bibliothécaires, simples curieux : le groupe porte le logiciel libre dans le programme et veille sur les outils du parti, à commencer par cette plateforme.

## Nos sujets

- Le logiciel libre dans les administrations et les collectivités.
- L’ouverture des données publiques.
- L’inclusion numérique : personne ne doit être laissé seul devant un formulaire en ligne.`,
  },
  {
    space: 'group:Numérique libre',
    title: 'Pour des logiciels libres dans les collectivités',
    visibility: 'public',
    status: 'published',
    author: member(0),
    editors: [member(1)],
    ageHours: 130,
    markdown: `## Pourquoi le libre

Chaque année, les collectivités dépensent des centaines de millions d’euros en licences logicielles. Cet argent public finance des entreprises qui enferment les données des administrations dans des formats fermés.

## Nos propositions

1. Donner la priorité au logiciel libre dans tous les marchés publics informatiques.
2. Publier sous licence libre le code des logiciels financés par de l’argent public.
3. Mutualiser les développements entre collectivités, à travers un opérateur public.

## Exemples à suivre

La gendarmerie nationale utilise un poste de travail libre depuis plus de quinze ans. Plusieurs villes ont mutualisé leurs outils de gestion de l’état civil.`,
  },
  {
    space: 'group:Féminisme et égalité',
    title: 'Groupe Féminisme et égalité',
    kind: 'group',
    visibility: 'members',
    status: 'published',
    author: member(0),
    ageHours: 550,
    markdown: `## Le groupe

Le groupe relit tous les chapitres du programme sous l’angle de l’égalité entre les femmes et les hommes, et veille à la parité dans les instances du parti.

## Fonctionnement

Le groupe est sur cooptation : écrivez à l’une des administratrices pour le rejoindre. Les réunions ont lieu le deuxième lundi du mois.`,
  },
  {
    space: 'group:Féminisme et égalité',
    title: 'Égalité salariale : propositions pour le chapitre 4',
    visibility: 'space',
    status: 'draft',
    author: member(1),
    editors: [member(0)],
    ageHours: 22,
    markdown: `## Le constat

À poste égal, l’écart de salaire entre les femmes et les hommes reste d’environ 4 % ; tous postes confondus, il dépasse 20 %. Les métiers les plus féminisés — soin, aide à domicile, nettoyage, petite enfance — sont aussi les moins bien payés.

## Propositions

- Revaloriser les métiers du soin et du lien, en commençant par les auxiliaires de vie.
- Sanctionner réellement les entreprises qui ne publient pas ou ne corrigent pas leurs écarts.
- Allonger le congé de second parent à seize semaines, dont une partie obligatoire.`,
  },
  {
    space: 'group:Jeunes',
    title: 'Groupe Jeunes',
    kind: 'group',
    visibility: 'public',
    status: 'published',
    author: member(0),
    ageHours: 350,
    markdown: `## Les Jeunes de Coopol

Lycéens, étudiants, apprentis, jeunes travailleurs : si tu as moins de trente ans, ce groupe est le tien. On organise des formations, des débats et une université d’été chaque année.

## En ce moment

- Campagne sur la précarité étudiante dans les villes universitaires.
- Préparation de la prochaine université d’été.`,
  },
  {
    space: 'group:Jeunes',
    title: 'Université d’été 2025 — programme',
    visibility: 'space',
    status: 'archived',
    author: member(0),
    ageHours: 2000,
    markdown: `## Trois jours à Mulhouse

### Vendredi

- Accueil et atelier « Écrire un tract en une heure ».
- Soirée débat : la jeunesse est-elle de gauche ?

### Samedi

- Formation à la prise de parole en public.
- Ateliers thématiques : logement, climat, travail.

### Dimanche

- Assemblée des jeunes et adoption de la feuille de route de l’année.

Cette page est archivée : l’université d’été 2025 a eu lieu.`,
  },
];

/**
 * Sections that get a home page and a meeting report written from a template (the other sections
 * stay empty, as a young section would).
 */
export const TEMPLATED_SECTIONS: { name: string; topic: string; place: string }[] = [
  { name: 'Strasbourg-Neudorf', topic: 'la rénovation des écoles du quartier', place: 'au centre socioculturel du Neudorf' },
  { name: 'Schiltigheim', topic: 'l’avenir du site des anciennes brasseries', place: 'à la salle des fêtes' },
  { name: 'Illkirch-Graffenstaden', topic: 'les transports vers le parc d’innovation', place: 'à la médiathèque' },
  { name: 'Haguenau', topic: 'la défense de l’hôpital', place: 'à la maison des associations' },
  { name: 'Sélestat', topic: 'le logement des jeunes travailleurs', place: 'au café associatif de la gare' },
  { name: 'Mulhouse', topic: 'la reconversion des friches industrielles', place: 'à la Fonderie' },
  { name: 'Paris 11e', topic: 'les meublés touristiques illégaux', place: 'à la bourse du travail' },
  { name: 'Paris 18e', topic: 'les places en crèche', place: 'à la salle de quartier de la Goutte-d’Or' },
  { name: 'Paris 20e', topic: 'la rénovation des logements sociaux', place: 'au local de la rue des Pyrénées' },
];

export function sectionHomeMarkdown(s: { name: string; topic: string; place: string }): string {
  return `## Bienvenue à la section ${s.name}

Nos adhérentes et adhérents se retrouvent une fois par mois ${s.place}. Les réunions sont ouvertes aux sympathisants : venez nous rencontrer avant d’adhérer.

## Notre priorité cette année

Nous travaillons sur ${s.topic}. C’est ce que les habitants nous disent chaque samedi au marché, et c’est ce sur quoi nous voulons peser aux prochaines élections municipales.

## Nous contacter

Écrivez au secrétariat de la section ou passez à notre prochaine réunion.`;
}

export function sectionReportMarkdown(s: { name: string; topic: string; place: string }): string {
  return `## Réunion mensuelle de la section ${s.name}

Réunion tenue ${s.place}. Une douzaine d’adhérents présents.

## Points abordés

1. Retour sur le conseil fédéral et la feuille de route de l’année.
2. Avancement du dossier sur ${s.topic}.
3. Préparation du tractage du mois prochain.

## Décisions

- Un groupe de trois personnes rédige une note sur ${s.topic}, à présenter à la prochaine réunion.
- La section relaie la pétition fédérale et tiendra un stand au marché.
- Les nouveaux adhérents seront invités personnellement à la prochaine réunion.`;
}
