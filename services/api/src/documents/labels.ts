import type {
  AgeGroup,
  ConsultationHandling,
  DecidingBody,
  DecisionKind,
  LanguageForm,
  Law,
  PreventionLevel,
  ResponsibilityRole,
  ServiceKind,
  VersionStatus,
} from '@oppvekst/contracts';

/**
 * Every word a plan document prints that is not the plan's own text, in both
 * written forms of Norwegian. A council reads its plan in the form the
 * municipality has chosen (målvedtak), so the labels follow the plan.
 */
export interface DocumentLabels {
  municipality: string;
  region: string;
  planPeriod: string;
  status: string;
  versionNumber: string;
  decidedBy: string;
  decision: string;
  decidedOn: string;
  caseReference: string;
  consultationPeriod: string;
  regionalPart: string;
  localPart: string;
  localPartOf: (municipality: string) => string;
  regionalPlan: string;
  localPartShort: string;
  notConsulted: string;
  focusAreas: string;
  goals: string;
  desiredStates: string;
  measures: string;
  measure: string;
  period: string;
  responsible: string;
  partners: string;
  level: string;
  ages: string;
  anchoredIn: string;
  programme: string;
  localImplementation: string;
  localMeasuresForRegionalGoals: string;
  localGoals: string;
  noAnnex: (municipality: string) => string;
  partDecision: (part: string) => string;
  otherGoals: string;
  remarks: string;
  unplacedMeasures: string;
  measureStatus: string;
  noMeasures: string;
  consultationRecord: string;
  noConsultationInput: string;
  author: string;
  input: string;
  handling: string;
  answer: string;
  unanswered: string;
  page: (n: number, of: number) => string;
  generated: string;
  statuses: Record<VersionStatus, string>;
  /** The mark on every page of a version that is not adopted; null for adopted text. */
  mark: Partial<Record<VersionStatus, string>>;
  periods: { ongoing: string; from: (year: number) => string };
  preventionLevels: Record<PreventionLevel, string>;
  ageGroups: Record<AgeGroup, string>;
  laws: Record<Law, string>;
  decidingBodies: Record<DecidingBody, string>;
  decisions: Record<DecisionKind, string>;
  handlings: Record<ConsultationHandling, string>;
  roles: Record<ResponsibilityRole, string>;
  serviceKinds: Record<ServiceKind, string>;
  measureStatuses: Record<'planned' | 'active' | 'completed' | 'discontinued', string>;
  conventionArticle: (articles: string) => string;
  months: readonly string[];
}

const months = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'] as const;

const nynorsk: DocumentLabels = {
  municipality: 'Kommune',
  region: 'Region',
  planPeriod: 'Planperiode',
  status: 'Status',
  versionNumber: 'Versjon',
  decidedBy: 'Vedtaksorgan',
  decision: 'Vedtak',
  decidedOn: 'Vedteke dato',
  caseReference: 'Saksnummer',
  consultationPeriod: 'Høyringsperiode',
  regionalPart: 'Del 1: Den felles planen',
  localPart: 'Del 2: Lokal del',
  localPartOf: (m) => `Lokal del for ${m} kommune`,
  regionalPlan: 'felles plan',
  localPartShort: 'lokal del',
  notConsulted: 'Denne delen av planen har ikkje vore på høyring.',
  focusAreas: 'Satsingsområde',
  goals: 'Mål',
  desiredStates: 'Slik vil vi ha det',
  measures: 'Slik gjer vi det',
  measure: 'Tiltak',
  period: 'Periode',
  responsible: 'Ansvarleg',
  partners: 'Partnarar',
  level: 'Nivå',
  ages: 'Alder',
  anchoredIn: 'Forankring',
  programme: 'Program',
  localImplementation: 'Slik gjennomfører vi dei felles tiltaka lokalt',
  localMeasuresForRegionalGoals: 'Lokale tiltak under dei felles måla',
  localGoals: 'Lokale mål',
  noAnnex: (m) => `${m} kommune har ingen lokal del i denne versjonen av planen.`,
  partDecision: (part) => `Vedtak (${part})`,
  otherGoals: 'Andre mål',
  remarks: 'Merknad',
  unplacedMeasures: 'Lokale tiltak under mål som ikkje lenger står i den felles planen',
  measureStatus: 'Status',
  noMeasures: 'Ingen tiltak er knytte til dette målet.',
  consultationRecord: 'Høyringsinnspel og korleis dei er handsama',
  noConsultationInput: 'Det kom ingen innspel i høyringa.',
  author: 'Frå',
  input: 'Innspel',
  handling: 'Handsaming',
  answer: 'Svar',
  unanswered: 'Ikkje svart',
  page: (n, of) => `Side ${n} av ${of}`,
  generated: 'Laga av Oppvekst',
  statuses: { draft: 'Utkast', consultation: 'På høyring', adopted: 'Vedteken', superseded: 'Avløyst av ein nyare versjon' },
  mark: {
    draft: 'UTKAST – ikkje vedteke',
    consultation: 'HØYRINGSUTKAST – ikkje vedteke',
    superseded: 'AVLØYST – ikkje gjeldande plan',
  },
  periods: { ongoing: 'Pågåande', from: (year) => `frå ${year}` },
  preventionLevels: { universal: 'For alle', selective: 'For nokon', indicated: 'For få' },
  ageGroups: {
    first_1000_days: 'Dei første 1000 dagane',
    kindergarten: 'Barnehage',
    primary_school: 'Barneskule',
    lower_secondary: 'Ungdomsskule',
    upper_secondary: 'Vidaregåande',
    young_adult: 'Unge vaksne',
  },
  laws: {
    barnevernloven: 'barnevernslova',
    barnehageloven: 'barnehagelova',
    opplaeringsloven: 'opplæringslova',
    helse_og_omsorgstjenesteloven: 'helse- og omsorgstenestelova',
    sosialtjenesteloven: 'sosialtenestelova',
    nav_loven: 'NAV-lova',
    tannhelsetjenesteloven: 'tannhelsetenestelova',
    integreringsloven: 'integreringslova',
    krisesenterloven: 'krisesenterlova',
    familievernkontorloven: 'familievernkontorlova',
    spesialisthelsetjenesteloven: 'spesialisthelsetenestelova',
    privatskoleloven: 'privatskulelova',
    barneloven: 'barnelova',
    helsepersonelloven: 'helsepersonellova',
    folkehelseloven: 'folkehelselova',
  },
  decidingBodies: {
    municipal_council: 'Kommunestyret',
    regional_council: 'Regionrådet',
    committee: 'Utval',
    administration: 'Administrasjonen',
  },
  decisions: { adopted: 'Vedteke', noted: 'Teke til orientering' },
  handlings: { accepted: 'Teke til følgje', partly_accepted: 'Delvis teke til følgje', not_accepted: 'Ikkje teke til følgje', noted: 'Teke til orientering' },
  roles: { responsible: 'Ansvarleg', partner: 'Samarbeidspartnar' },
  serviceKinds: {
    barnevern: 'Barnevernet',
    ppt: 'PPT',
    nav: 'NAV',
    helsestasjon: 'Helsestasjonen',
    school: 'Skulen',
    kindergarten: 'Barnehagen',
    sfo: 'SFO',
    slt: 'SLT-koordinator',
    culture: 'Kultur',
    mental_health: 'Psykisk helse',
    dental: 'Tannhelsetenesta',
    refugee: 'Flyktningtenesta',
    family_counselling: 'Familievernet',
    police: 'Politiet',
    voluntary: 'Frivillige',
    other: 'Andre',
  },
  measureStatuses: { planned: 'Planlagt', active: 'I gang', completed: 'Fullført', discontinued: 'Avslutta' },
  conventionArticle: (articles) => `art. ${articles}`,
  months,
};

const bokmaal: DocumentLabels = {
  ...nynorsk,
  decidedOn: 'Vedtatt dato',
  consultationPeriod: 'Høringsperiode',
  localPartOf: (m) => `Lokal del for ${m} kommune`,
  regionalPart: 'Del 1: Den felles planen',
  measures: 'Slik gjør vi det',
  responsible: 'Ansvarlig',
  partners: 'Partnere',
  notConsulted: 'Denne delen av planen har ikke vært på høring.',
  localImplementation: 'Slik gjennomfører vi de felles tiltakene lokalt',
  localMeasuresForRegionalGoals: 'Lokale tiltak under de felles målene',
  unplacedMeasures: 'Lokale tiltak under mål som ikke lenger står i den felles planen',
  noMeasures: 'Ingen tiltak er knyttet til dette målet.',
  noAnnex: (m) => `${m} kommune har ingen lokal del i denne versjonen av planen.`,
  consultationRecord: 'Høringsinnspill og hvordan de er behandlet',
  noConsultationInput: 'Det kom ingen innspill i høringen.',
  input: 'Innspill',
  handling: 'Behandling',
  unanswered: 'Ikke besvart',
  generated: 'Laget av Oppvekst',
  statuses: { draft: 'Utkast', consultation: 'På høring', adopted: 'Vedtatt', superseded: 'Erstattet av en nyere versjon' },
  mark: {
    draft: 'UTKAST – ikke vedtatt',
    consultation: 'HØRINGSUTKAST – ikke vedtatt',
    superseded: 'ERSTATTET – ikke gjeldende plan',
  },
  periods: { ongoing: 'Pågående', from: (year) => `fra ${year}` },
  preventionLevels: { universal: 'For alle', selective: 'For noen', indicated: 'For få' },
  ageGroups: {
    first_1000_days: 'De første 1000 dagene',
    kindergarten: 'Barnehage',
    primary_school: 'Barneskole',
    lower_secondary: 'Ungdomsskole',
    upper_secondary: 'Videregående',
    young_adult: 'Unge voksne',
  },
  laws: {
    barnevernloven: 'barnevernsloven',
    barnehageloven: 'barnehageloven',
    opplaeringsloven: 'opplæringsloven',
    helse_og_omsorgstjenesteloven: 'helse- og omsorgstjenesteloven',
    sosialtjenesteloven: 'sosialtjenesteloven',
    nav_loven: 'NAV-loven',
    tannhelsetjenesteloven: 'tannhelsetjenesteloven',
    integreringsloven: 'integreringsloven',
    krisesenterloven: 'krisesenterloven',
    familievernkontorloven: 'familievernkontorloven',
    spesialisthelsetjenesteloven: 'spesialisthelsetjenesteloven',
    privatskoleloven: 'privatskoleloven',
    barneloven: 'barneloven',
    helsepersonelloven: 'helsepersonelloven',
    folkehelseloven: 'folkehelseloven',
  },
  decidingBodies: {
    municipal_council: 'Kommunestyret',
    regional_council: 'Regionrådet',
    committee: 'Utvalg',
    administration: 'Administrasjonen',
  },
  decisions: { adopted: 'Vedtatt', noted: 'Tatt til orientering' },
  handlings: { accepted: 'Tatt til følge', partly_accepted: 'Delvis tatt til følge', not_accepted: 'Ikke tatt til følge', noted: 'Tatt til orientering' },
  roles: { responsible: 'Ansvarlig', partner: 'Samarbeidspartner' },
  serviceKinds: {
    barnevern: 'Barnevernet',
    ppt: 'PPT',
    nav: 'NAV',
    helsestasjon: 'Helsestasjonen',
    school: 'Skolen',
    kindergarten: 'Barnehagen',
    sfo: 'SFO',
    slt: 'SLT-koordinator',
    culture: 'Kultur',
    mental_health: 'Psykisk helse',
    dental: 'Tannhelsetjenesten',
    refugee: 'Flyktningtjenesten',
    family_counselling: 'Familievernet',
    police: 'Politiet',
    voluntary: 'Frivillige',
    other: 'Andre',
  },
  measureStatuses: { planned: 'Planlagt', active: 'I gang', completed: 'Fullført', discontinued: 'Avsluttet' },
};

export const labelsFor = (form: LanguageForm): DocumentLabels => (form === 'nb' ? bokmaal : nynorsk);
