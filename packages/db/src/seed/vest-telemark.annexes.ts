import type { DemoPlan } from './demo-content.types.js';

/**
 * The local parts ("lokal del") of the six municipalities in Vest-Telemark,
 * keyed by kommunenummer. Implementations refer to measure keys of the
 * regional plan in vest-telemark.regional.ts; measuresForRegionalGoals refer
 * to its goal keys.
 */
export const annexes: Record<string, DemoPlan> = {
  '4022': {
    title: 'Lokal del – Seljord kommune',
    languageForm: 'nn',
    periodFrom: 2024,
    periodTo: 2030,
    adoption: {
      body: 'municipal_council',
      bodyName: 'Seljord kommunestyre',
      decision: 'adopted',
      decidedOn: '2024-10-24',
      caseReference: '24/318',
    },
    sections: [
      {
        key: 'local-cooperation',
        kind: 'cooperation',
        title: 'Tverrfagleg samarbeid i Seljord',
        body: `Barnehagane, skulane, helsestasjonen og kulturavdelinga i Seljord har eit fast tverrfagleg team som møtest kvar månad. PPT, barnevernet og helsesjukepleiar deltek fast, og NAV blir kalla inn når saka gjeld økonomi, bustad eller arbeid. Føresette blir inviterte med når barnet deira blir drøfta.

To gonger i året held kommunen eit **oppvekstforum** for leiarar og tilsette, der SLT-koordinator, Frivilligsentralen og Seljord folkebibliotek òg deltek. Her deler vi erfaringar og samordnar tiltak for heile oppvekstfeltet.`,
      },
      {
        key: 'what-works',
        kind: 'free',
        title: 'Kva vi lukkast med',
        body: `- Korte avstandar og tilsette som kjenner barna og familiane, gjer at uro blir fanga opp tidleg.
- Overgangen frå barnehage til skule fungerer godt, og føresette seier dei kjenner seg trygge.
- Ungdomsrådet er aktivt og har vore med på å planleggje fleire fritidstilbod.
- Sommarjobb for ungdom under Dyrsku'n har gitt mange unge ei god første arbeidserfaring.`,
      },
      {
        key: 'more-focus',
        kind: 'free',
        title: 'Kva vi må ha meir fokus på',
        body: `- Fråværet på ungdomssteget har auka, og vi må følgje opp tidlegare og meir systematisk.
- Fleire ungdomar fortel om einsemd og mykje skjermtid i Ungdata.
- Vi treng fleire møteplassar for ungdom i sentrum som ikkje er knytte til idrett.`,
      },
      {
        key: 'local-organisation',
        kind: 'organisation',
        title: 'Lokal organisering',
        body: `**Leiargruppa oppvekst** består av kommunalsjef for oppvekst, rektorane, styrarane, leiande helsesjukepleiar og kulturleiar. Gruppa møtest kvar månad og har ansvar for den lokale delen av planen. Kommunalsjefen representerer Seljord i styringsgruppa for Vest-Telemark, og oppvekstleiaren sit i koordineringsgruppa.`,
      },
    ],
    focusAreas: [],
    goals: [
      {
        key: 'seljord-youth-meeting-places',
        title: 'Gode møteplassar for ungdom i Seljord sentrum',
        desiredStates: [
          'Ungdom har ein trygg stad å vere på kveldstid, med vaksne dei kjenner.',
          'Ungdomane sjølve er med og bestemmer kva som skal skje på møteplassane.',
        ],
        measures: [
          {
            key: 'seljord-youth-house',
            title: 'Ope ungdomshus tre kveldar i veka',
            description:
              'Ungdomshuset i sentrum held ope tre kveldar i veka for ungdom frå 8. trinn, med to tilsette vaksne. Ungdomsrådet lagar programmet saman med kulturavdelinga.',
            period: { kind: 'open_start', from: 2025 },
            responsible: [{ kind: 'culture' }],
            partners: [{ kind: 'slt' }, { name: 'Frivilligsentralen', kind: 'voluntary' }],
            preventionLevel: 'universal',
            ageGroups: ['lower_secondary', 'upper_secondary'],
            conventionArticles: [12, 31],
            laws: ['folkehelseloven'],
            status: 'active',
          },
        ],
      },
    ],
    measuresForRegionalGoals: [
      {
        regionalGoalKey: 'school-attendance',
        measure: {
          key: 'seljord-homework-help',
          title: 'Leksehjelp på biblioteket',
          description:
            'Seljord folkebibliotek og skulane tilbyr gratis leksehjelp to ettermiddagar i veka, med lærarar og frivillige. Tilbodet er ope for alle, men kontaktlærar oppmodar særleg elevar som strevar.',
          period: { kind: 'ongoing' },
          responsible: [{ kind: 'school' }, { kind: 'culture' }],
          partners: [{ name: 'Frivilligsentralen', kind: 'voluntary' }],
          preventionLevel: 'universal',
          ageGroups: ['primary_school', 'lower_secondary'],
          conventionArticles: [28],
          laws: ['opplaeringsloven'],
          status: 'active',
        },
      },
    ],
    implementations: [
      {
        measureKey: 'cos-p-parent-course',
        localResponsible: 'Helsestasjonen i Seljord',
        notes: 'Seljord er vertskommune for COS-P-kurset hausten 2025. Kurset blir halde på kveldstid, med barnepass.',
        status: 'active',
      },
      {
        measureKey: 'school-absence-routine',
        localResponsible: 'Rektorane i Seljord',
        notes: 'Den felles rutinen er innarbeidd i skulane sitt årshjul, og fråvær blir drøfta i det tverrfaglege teamet kvar månad.',
        status: 'active',
      },
      {
        measureKey: 'summer-jobs-youth',
        localResponsible: 'Kulturleiar i Seljord saman med NAV Vest-Telemark',
        period: { kind: 'open_start', from: 2024 },
        notes: 'Om lag 20 ungdomar får sommarjobb kvart år, mange av dei i samband med Dyrsku\'n.',
        status: 'active',
      },
    ],
  },

  '4023': {
    title: 'Lokal del – Kviteseid kommune',
    languageForm: 'nn',
    periodFrom: 2024,
    periodTo: 2030,
    adoption: {
      body: 'municipal_council',
      bodyName: 'Kviteseid kommunestyre',
      decision: 'adopted',
      decidedOn: '2024-11-14',
      caseReference: '24/256',
    },
    sections: [
      {
        key: 'local-cooperation',
        kind: 'cooperation',
        title: 'Tverrfagleg samarbeid i Kviteseid',
        body: `I Kviteseid har kvar barnehage og skule eit tverrfagleg team som møtest seks gonger i året, med helsesjukepleiar, PPT og barnevern. Flyktningtenesta deltek fast i team der det går barn som er nye i Noreg.

Helsestasjonen, flyktningtenesta og Frivilligsentralen har eit eige samarbeidsmøte kvar månad om familiar som har busett seg i kommunen, slik at tilboda blir samordna og familien får éin fast kontaktperson.`,
      },
      {
        key: 'what-works',
        kind: 'free',
        title: 'Kva vi lukkast med',
        body: `- Samarbeidet mellom flyktningtenesta, barnehage og skule har gjort at nye barn raskt kjem i gang med barnehage, skule og fritidsaktivitetar.
- ICDP-gruppene med tolk har fått gode tilbakemeldingar frå føresette.
- Dei tverrfaglege teama blir brukte meir enn før, og tilsette opplever at terskelen for å drøfte ei sak er låg.`,
      },
      {
        key: 'more-focus',
        kind: 'free',
        title: 'Kva vi må ha meir fokus på',
        body: `- Fleire føresette til små barn ønskjer seg ein uformell møteplass der dei kan treffe andre foreldre.
- Vi må bli betre på å inkludere føresette som ikkje snakkar norsk, i foreldremøte og FAU.
- Ungdom i grendene har lang veg til fritidstilboda i sentrum.`,
      },
      {
        key: 'local-organisation',
        kind: 'organisation',
        title: 'Lokal organisering',
        body: `**Leiargruppa oppvekst** i Kviteseid består av kommunalsjef for oppvekst og kultur, rektorane, styrarane, leiande helsesjukepleiar og leiar for flyktningtenesta. Gruppa møtest annakvar veke og følgjer opp den lokale delen. SLT-koordinator deltek ein gong i månaden.`,
      },
    ],
    focusAreas: [],
    goals: [
      {
        key: 'kviteseid-new-residents',
        title: 'Nye innbyggjarar finn seg til rette i Kviteseid',
        desiredStates: [
          'Barn og føresette som er nye i kommunen, har eit nettverk og kjenner til tilboda.',
          'Alle føresette kan delta i foreldremøte og FAU, same kva språk dei snakkar.',
        ],
        measures: [
          {
            key: 'kviteseid-language-cafe',
            title: 'Språkkafé og familietreff',
            description:
              'Frivilligsentralen og flyktningtenesta held språkkafé og familietreff kvar veke, med leik for barna og samtale for dei vaksne. Helsesjukepleiar er til stades ein gong i månaden.',
            period: { kind: 'open_start', from: 2024 },
            responsible: [{ kind: 'refugee' }],
            partners: [{ name: 'Frivilligsentralen', kind: 'voluntary' }, { kind: 'helsestasjon' }],
            preventionLevel: 'selective',
            ageGroups: ['first_1000_days', 'kindergarten', 'primary_school'],
            conventionArticles: [2, 22, 31],
            laws: ['integreringsloven'],
            status: 'active',
          },
          {
            key: 'kviteseid-leisure-guide',
            title: 'Fritidsvenn for nye barn og unge',
            description:
              'Barn og unge som er nye i kommunen, får tilbod om ein frivillig fritidsvenn som følgjer dei til ein aktivitet dei sjølve har valt, dei første månadene.',
            period: { kind: 'span', from: 2025, to: 2026 },
            responsible: [{ kind: 'culture' }],
            partners: [{ name: 'Frivilligsentralen', kind: 'voluntary' }, { kind: 'refugee' }],
            preventionLevel: 'selective',
            ageGroups: ['primary_school', 'lower_secondary'],
            conventionArticles: [2, 31],
            laws: ['integreringsloven', 'folkehelseloven'],
            status: 'planned',
          },
        ],
      },
    ],
    measuresForRegionalGoals: [
      {
        regionalGoalKey: 'early-parent-support',
        measure: {
          key: 'kviteseid-open-kindergarten',
          title: 'Open barnehage og babytreff',
          description:
            'Helsestasjonen og barnehagen i sentrum startar open barnehage to formiddagar i veka for føresette i permisjon og familiar som ikkje har barnehageplass. Helsesjukepleiar har babytreff med tema om søvn, mat og samspel.',
          period: { kind: 'span', from: 2025, to: 2026 },
          responsible: [{ kind: 'helsestasjon' }, { kind: 'kindergarten' }],
          partners: [{ name: 'Frivilligsentralen', kind: 'voluntary' }],
          preventionLevel: 'universal',
          ageGroups: ['first_1000_days'],
          conventionArticles: [18],
          laws: ['helse_og_omsorgstjenesteloven', 'barnehageloven'],
          status: 'planned',
        },
      },
    ],
    implementations: [
      {
        measureKey: 'icdp-parent-groups',
        localResponsible: 'Flyktningtenesta og helsestasjonen i Kviteseid',
        notes: 'Ei ICDP-gruppe med tolk blir halden kvart år som del av introduksjonsprogrammet.',
        status: 'active',
      },
      {
        measureKey: 'newcomer-inclusion',
        localResponsible: 'Flyktningtenesta i Kviteseid',
        notes: 'Alle busette familiar får ein felles plan innan fire veker, med faste oppfølgingsmøte etter tre og seks månader.',
        status: 'active',
      },
      {
        measureKey: 'transition-kindergarten-school',
        localResponsible: 'Barnehagane og skulane i Kviteseid',
        notes: 'Overføringsmøta blir haldne i april, og skulen inviterer komande førsteklassingar til tre besøksdagar i juni.',
        status: 'active',
      },
    ],
  },

  '4024': {
    title: 'Lokal del – Nissedal kommune',
    languageForm: 'nn',
    periodFrom: 2025,
    periodTo: 2030,
    adoption: {
      body: 'municipal_council',
      bodyName: 'Nissedal kommunestyre',
      decision: 'adopted',
      decidedOn: '2025-02-13',
      caseReference: '25/14',
    },
    sections: [
      {
        key: 'local-cooperation',
        kind: 'cooperation',
        title: 'Tverrfagleg samarbeid i Nissedal',
        body: `Nissedal har skule og barnehage både i Treungen og i Kyrkjebygda. Dei tverrfaglege teama er felles for begge krinsane og møtest kvar sjette veke, med helsesjukepleiar, PPT og barnevern. Rektor eller styrar kallar inn, og tilsette kan melde inn saker anonymt.

Helsestasjonen, skulen og NAV har eit eige samarbeid om ungdom som flyttar på hybel når dei byrjar på vidaregåande skule, både i Vest-Telemark og i Agder.`,
      },
      {
        key: 'what-works',
        kind: 'free',
        title: 'Kva vi lukkast med',
        body: `- Små einingar gjer at alle vaksne kjenner barna, og mange tiltak kan setjast i verk raskt.
- Open hall på fredagar samlar barn og unge frå begge krinsane.
- Helsesjukepleiar er godt kjend for elevane og har mange samtalar med ungdom.`,
      },
      {
        key: 'more-focus',
        kind: 'free',
        title: 'Kva vi må ha meir fokus på',
        body: `- Mange ungdomar flyttar på hybel som 15–16-åringar, og nokre av dei sluttar på vidaregåande det første året.
- Vi har få tilbod til ungdom etter at dei er ferdige med ungdomsskulen.
- Skyss mellom Kyrkjebygda og Treungen gjer det vanskeleg for nokre barn å delta på fritidsaktivitetar.`,
      },
      {
        key: 'local-organisation',
        kind: 'organisation',
        title: 'Lokal organisering',
        body: `**Leiargruppa oppvekst** består av kommunalsjef for oppvekst, rektorane, styrarane og leiande helsesjukepleiar, og møtest kvar månad. Kultur og SLT deltek ved behov. Leiargruppa rapporterer status for dei lokale tiltaka til koordineringsgruppa for Vest-Telemark kvar vår.`,
      },
    ],
    focusAreas: [],
    goals: [
      {
        key: 'nissedal-active-leisure',
        title: 'Aktiv fritid i Treungen og Kyrkjebygda',
        desiredStates: [
          'Barn og unge i begge krinsane har eit fast fritidstilbod kvar veke.',
          'Skyss er ikkje til hinder for å delta.',
        ],
        measures: [
          {
            key: 'nissedal-open-hall',
            title: 'Open hall på fredagar',
            description:
              'Idrettshallen i Treungen er open fredagskveld for barn frå 5. trinn og ungdom, med vaksne frå idrettslaget og kulturavdelinga. Kommunen set opp skyss frå Kyrkjebygda.',
            period: { kind: 'open_start', from: 2024 },
            responsible: [{ kind: 'culture' }],
            partners: [{ name: 'Idrettslaget', kind: 'voluntary' }, { kind: 'slt' }],
            preventionLevel: 'universal',
            ageGroups: ['primary_school', 'lower_secondary'],
            conventionArticles: [31],
            laws: ['folkehelseloven'],
            status: 'active',
          },
        ],
      },
    ],
    measuresForRegionalGoals: [
      {
        regionalGoalKey: 'school-attendance',
        measure: {
          key: 'nissedal-bedsit-follow-up',
          title: 'Oppfølging av hybelbuarar',
          description:
            'Alle elevar som flyttar på hybel, får ein samtale med helsesjukepleiar før skulestart og ein kontaktperson i kommunen det første skuleåret. Føresette får eit hybelkurs om økonomi, søvn og kva dei skal gjere om ungdomen ikkje trivst.',
          period: { kind: 'span', from: 2025, to: 2027 },
          responsible: [{ kind: 'helsestasjon' }, { kind: 'school' }],
          partners: [{ service: 'nav' }, { name: 'Vest-Telemark vidaregåande skule', kind: 'school' }],
          preventionLevel: 'selective',
          ageGroups: ['upper_secondary'],
          conventionArticles: [27, 28],
          laws: ['helse_og_omsorgstjenesteloven', 'opplaeringsloven'],
          status: 'active',
        },
      },
    ],
    implementations: [
      {
        measureKey: 'nav-youth-contact',
        localResponsible: 'NAV Vest-Telemark, kontaktperson for Nissedal',
        notes: 'Ung-losen har fast kontordag i Treungen annakvar veke og tek kontakt med ungdom som har avbrote vidaregåande.',
        status: 'active',
      },
      {
        measureKey: 'school-nurse-in-school',
        localResponsible: 'Helsestasjonen i Treungen',
        notes: 'Helsesjukepleiar er på skulen i Treungen to dagar i veka og i Kyrkjebygda éin dag i veka.',
        status: 'active',
      },
      {
        measureKey: 'youth-clubs',
        localResponsible: 'Kulturavdelinga i Nissedal',
        notes: 'Ungdomsklubben er samordna med open hall, slik at ungdomane har eit tilbod kvar fredag.',
        status: 'active',
      },
    ],
  },

  '4025': {
    title: 'Lokal del – Fyresdal kommune',
    languageForm: 'nn',
    periodFrom: 2024,
    periodTo: 2030,
    adoption: {
      body: 'municipal_council',
      bodyName: 'Fyresdal kommunestyre',
      decision: 'adopted',
      decidedOn: '2024-12-12',
      caseReference: '24/141',
    },
    sections: [
      {
        key: 'local-cooperation',
        kind: 'cooperation',
        title: 'Tverrfagleg samarbeid i Fyresdal',
        body: `Fyresdal har éin barnehage og éin skule, og alle tenestene for barn og unge ligg nær kvarandre i sentrum. Eit felles **oppvekstteam** med styrar, rektor, helsesjukepleiar og kontaktpersonane frå barnevern, PPT og NAV møtest kvar månad og drøftar både enkeltsaker, med samtykke, og korleis det står til med barnegruppene.

Tenestene har ein felles rutine for korleis dei kallar inn til ansvarsgruppe, og kven som har ansvaret for å følgje opp etter møtet.`,
      },
      {
        key: 'what-works',
        kind: 'free',
        title: 'Kva vi lukkast med',
        body: `- Oppvekstteamet gjer at vi kjem tidleg inn, og at tenestene kjenner kvarandre godt.
- Friluftsliv og uteskule er ein viktig del av kvardagen i barnehage og skule.
- Elevane svarer i Elevundersøkinga at dei trivst og har vaksne å snakke med.`,
      },
      {
        key: 'more-focus',
        kind: 'free',
        title: 'Kva vi må ha meir fokus på',
        body: `- Små klassar gjer det sårbart når nokon fell utanfor vennegjengen, og vi må arbeide meir med inkludering.
- Vi har få tilbod for familiar med barn med åtferdsvanskar lokalt, og er avhengige av dei interkommunale tenestene.
- Tilsette treng meir kompetanse i å snakke med barn om kropp, grenser og vald.`,
      },
      {
        key: 'local-organisation',
        kind: 'organisation',
        title: 'Lokal organisering',
        body: `Kommunalsjef for oppvekst leier **leiargruppa oppvekst**, der rektor, styrar, leiande helsesjukepleiar og kulturkonsulent er med. Leiargruppa har ansvar for den lokale delen og for oppvekstteamet. SLT-koordinator i Fyresdal er i deltidsstilling og deltek i leiargruppa ein gong i månaden.`,
      },
    ],
    focusAreas: [],
    goals: [
      {
        key: 'fyresdal-early-team',
        title: 'Tidleg og samordna hjelp i ein liten kommune',
        desiredStates: [
          'Uro for eit barn blir drøfta i oppvekstteamet innan éin månad.',
          'Familiar opplever at tenestene snakkar saman og at dei har éin kontaktperson.',
        ],
        measures: [
          {
            key: 'fyresdal-monthly-team',
            title: 'Oppvekstteam kvar månad',
            description:
              'Oppvekstteamet møtest første tysdag i kvar månad. Saker kan meldast inn av tilsette og føresette, og teamet avtaler kven som har stafettpinnen vidare.',
            period: { kind: 'ongoing' },
            responsible: [{ kind: 'kindergarten' }, { kind: 'school' }, { kind: 'helsestasjon' }],
            partners: [{ service: 'barnevern' }, { service: 'ppt' }, { service: 'nav' }],
            preventionLevel: 'selective',
            ageGroups: ['kindergarten', 'primary_school', 'lower_secondary'],
            conventionArticles: [3, 12],
            laws: ['barnehageloven', 'opplaeringsloven', 'helse_og_omsorgstjenesteloven', 'barnevernloven'],
            status: 'active',
          },
        ],
      },
    ],
    measuresForRegionalGoals: [
      {
        regionalGoalKey: 'mental-health-early',
        measure: {
          key: 'fyresdal-outdoor-mastery',
          title: 'Friluftsliv for meistring',
          description:
            'Skulen har ein fast friluftsdag kvar månad og ein overnattingstur for kvart trinn, med lag og foreiningar i bygda. Turane skal gi alle elevar opplevingar av meistring og fellesskap utanfor klasserommet.',
          period: { kind: 'ongoing' },
          responsible: [{ kind: 'school' }],
          partners: [{ kind: 'culture' }, { name: 'Lag og foreiningar i Fyresdal', kind: 'voluntary' }],
          preventionLevel: 'universal',
          ageGroups: ['primary_school', 'lower_secondary'],
          conventionArticles: [24, 29, 31],
          laws: ['opplaeringsloven', 'folkehelseloven'],
          status: 'active',
        },
      },
    ],
    implementations: [
      {
        measureKey: 'pmto-tibir-behaviour',
        localResponsible: 'Vest-Telemark barnevern saman med barnehagen i Fyresdal',
        notes: 'TIBIR-rettleiar frå barnevernet har faste dagar i barnehagen, og to familiar har fått PMTO i 2025.',
        status: 'active',
      },
      {
        measureKey: 'school-absence-routine',
        localResponsible: 'Rektor i Fyresdal',
        notes: 'Fråvær blir følgt opp i oppvekstteamet, og skulen har laga ein kortversjon av rutinen for føresette.',
        status: 'active',
      },
      {
        measureKey: 'eg-er-meg-life-skills',
        localResponsible: 'Barnehagen og skulen i Fyresdal',
        period: { kind: 'open_start', from: 2026 },
        notes: 'Fyresdal startar med opplæring av tilsette våren 2026, etter dei første kommunane i regionen.',
        status: 'planned',
      },
    ],
  },

  '4026': {
    title: 'Lokal del – Tokke kommune',
    languageForm: 'nn',
    periodFrom: 2025,
    periodTo: 2030,
    adoption: {
      body: 'municipal_council',
      bodyName: 'Tokke kommunestyre',
      decision: 'noted',
      decidedOn: '2025-06-19',
      caseReference: '25/87',
    },
    sections: [
      {
        key: 'local-cooperation',
        kind: 'cooperation',
        title: 'Tverrfagleg samarbeid i Tokke',
        body: `Den lokale delen er laga i **leiargruppa oppvekst** i samarbeid med helse og SLT-koordinator. Tilsette, ungdomsråd, elevråd og FAU har fått høve til å kome med innspel til planen.

Barnehagane, skulane og helsestasjonen i Tokke har faste tverrfaglege møte der helsesjukepleiar, PPT og barnevern deltek, og SLT-koordinator samordnar arbeidet med ungdom saman med kultur og politiet. Godt tverrfagleg samarbeid med gode dialogar, rutinar og faste møtearenaer sikrar at vi i større grad klarar å lukkast både i det førebyggande arbeidet og med dei som treng konkret oppfølging.`,
      },
      {
        key: 'what-works',
        kind: 'free',
        title: 'Kva vi lukkast med',
        body: `- Mange av tiltaka i oppvekstplanen er alt sette i verk.
- Gjennom partnarskapen for inkludering og ung deltaking med KS og Vestfold og Telemark fylkeskommune (2022–2024) har ungdomsrådet fått ei tydelegare rolle.
- Helsestasjonen i Dalen har god kontakt med familiane frå første heimebesøk.
- Dei faste møtearenaene gjer at tilsette veit kven dei skal kontakte når dei er uroa for eit barn.`,
      },
      {
        key: 'more-focus',
        kind: 'free',
        title: 'Kva vi må ha meir fokus på',
        body: `- Dialogen med føresette må bli tettare og meir systematisk gjennom heile oppveksten, ikkje berre når noko er vanskeleg. Difor startar vi med Foreldretrappa frå hausten 2025.
- Ungdomsrådet og elevråda har peika på behov for meir kunnskap om psykisk helse og skjermbruk.
- Vi må bli betre på å dokumentere og følgje opp tiltak når ansvaret går over frå éi teneste til ei anna.`,
      },
      {
        key: 'local-organisation',
        kind: 'organisation',
        title: 'Lokal organisering',
        body: `**Leiargruppa oppvekst** består av kommunalsjef for oppvekst, rektorane, styrarane og leiande helsesjukepleiar, og har ansvar for den lokale delen av planen. SLT-koordinator og kulturleiar deltek fast ein gong i månaden. Kommunalsjefen representerer Tokke i styringsgruppa for Vest-Telemark. Tokke kommunestyre tok overordna oppvekstplan og lokal del til orientering 19. juni 2025.`,
      },
    ],
    focusAreas: [],
    goals: [
      {
        key: 'tokke-home-school-dialogue',
        title: 'Tett og god dialog mellom heim, barnehage og skule',
        desiredStates: [
          'Føresette opplever at dei er likeverdige samarbeidspartnarar for barnehagen og skulen.',
          'Føresette og tilsette deler kunnskap og erfaringar om barna på kvart trinn i oppveksten.',
        ],
        measures: [
          {
            key: 'foreldretrappa',
            title: 'Foreldretrappa',
            description:
              'Foreldretrappa er møte mellom tilsette/fagpersonar og føresette, der ein legg til rette for gode dialogar, samt dele informasjon, kunnskap og erfaringar. Møta følgjer barnet trinn for trinn frå barnehage til ungdomsskule, med tema som passar alderen. Tiltaket startar frå hausten 2025.',
            period: { kind: 'open_start', from: 2025 },
            responsible: [{ kind: 'kindergarten' }, { kind: 'school' }, { kind: 'helsestasjon' }],
            partners: [{ kind: 'slt' }, { name: 'FAU', kind: 'other' }],
            preventionLevel: 'universal',
            ageGroups: ['kindergarten', 'primary_school', 'lower_secondary'],
            conventionArticles: [3, 18],
            laws: ['barnehageloven', 'opplaeringsloven', 'helse_og_omsorgstjenesteloven'],
            programme: 'Foreldretrappa',
            status: 'planned',
          },
          {
            key: 'tokke-screen-parent-meeting',
            title: 'Felles foreldremøte om skjermbruk og søvn',
            description:
              'Skulane og helsestasjonen held eit felles foreldremøte for alle føresette på mellomsteget og ungdomssteget, med innspel frå elevråda om kva dei ønskjer at foreldra skal vite.',
            period: { kind: 'year', from: 2026 },
            responsible: [{ kind: 'school' }, { kind: 'helsestasjon' }],
            partners: [{ kind: 'slt' }],
            preventionLevel: 'universal',
            ageGroups: ['primary_school', 'lower_secondary'],
            conventionArticles: [12, 17, 18],
            laws: ['opplaeringsloven', 'helse_og_omsorgstjenesteloven'],
            status: 'planned',
          },
        ],
      },
    ],
    measuresForRegionalGoals: [
      {
        regionalGoalKey: 'mental-health-early',
        measure: {
          key: 'tokke-youth-health-clinic',
          title: 'Helsestasjon for ungdom i Dalen',
          description:
            'Helsestasjon for ungdom er open éin ettermiddag i veka for ungdom opp til 20 år, utan timeavtale. Ungdom kan snakke med helsesjukepleiar om psykisk helse, prevensjon, rus og relasjonar.',
          period: { kind: 'ongoing' },
          responsible: [{ kind: 'helsestasjon' }],
          partners: [{ kind: 'slt' }],
          preventionLevel: 'universal',
          ageGroups: ['lower_secondary', 'upper_secondary'],
          conventionArticles: [12, 24],
          laws: ['helse_og_omsorgstjenesteloven'],
          status: 'active',
        },
      },
    ],
    implementations: [
      {
        measureKey: 'home-visits-first-1000-days',
        localResponsible: 'Helsestasjonen i Dalen',
        notes: 'Alle nyfødde i Tokke får heimebesøk av jordmor og helsesjukepleiar. Helsestasjonen nyttar besøket til å informere om COS-P og foreldregrupper.',
        status: 'active',
      },
      {
        measureKey: 'bti-stafettlogg',
        localResponsible: 'Leiargruppa oppvekst i Tokke',
        period: { kind: 'span', from: 2025, to: 2026 },
        notes: 'Handlingsrettleiaren er teken i bruk i barnehagane. Skulane og helsestasjonen tek i bruk stafettloggen skuleåret 2025/2026.',
        status: 'active',
      },
      {
        measureKey: 'slt-coordination',
        localResponsible: 'SLT-koordinator i Tokke',
        notes: 'SLT-koordinator leier politirådet og har fast kontakt med ungdomsklubbane i Dalen og Høydalsmo.',
        status: 'active',
      },
      {
        measureKey: 'transition-kindergarten-school',
        localResponsible: 'Barnehagane og skulane i Tokke',
        notes: 'Den felles overgangsrutinen blir følgd, og Foreldretrappa skal knytast til overgangen frå hausten 2025.',
        status: 'active',
      },
    ],
  },

  '4027': {
    title: 'Lokal del – Vinje kommune',
    languageForm: 'nn',
    periodFrom: 2025,
    periodTo: 2030,
    adoption: {
      body: 'municipal_council',
      bodyName: 'Vinje kommunestyre',
      decision: 'adopted',
      decidedOn: '2025-03-27',
      caseReference: '25/33',
    },
    sections: [
      {
        key: 'local-cooperation',
        kind: 'cooperation',
        title: 'Tverrfagleg samarbeid i Vinje',
        body: `Vinje har barnehagar og skular i fleire bygder, mellom anna Åmot, Rauland, Edland og Vinje. Kvar skulekrins har eit tverrfagleg team med helsesjukepleiar, PPT og barnevern som møtest fem gonger i året. Familieteamet ved helsestasjonen tek imot førespurnader direkte frå føresette og frå barnehage og skule.

Psykisk helse og rus, SLT-koordinator og kulturavdelinga har eit eige ungdomsforum som møtest kvar månad og følgjer opp resultata frå Ungdata saman med ungdomsrådet.`,
      },
      {
        key: 'what-works',
        kind: 'free',
        title: 'Kva vi lukkast med',
        body: `- Familieteamet har gjort det enklare for føresette å be om hjelp tidleg, utan at det blir ei sak i barnevernet.
- Ungdomsrådet har ei aktiv rolle og disponerer eigne midlar.
- Fritidskortet er mykje brukt, og fleire barn deltek i organiserte aktivitetar enn før.`,
      },
      {
        key: 'more-focus',
        kind: 'free',
        title: 'Kva vi må ha meir fokus på',
        body: `- Tilboda er ulike i bygdene, og barn i dei minste grendene har lengst veg til fritidstilboda.
- Fleire ungdomar enn før fortel om psykiske plager, og dei ønskjer ein stad å gå utan tilvising.
- Barn og unge må bli meir involverte når kommunen planlegg nærmiljø, vegar og uteområde.`,
      },
      {
        key: 'local-organisation',
        kind: 'organisation',
        title: 'Lokal organisering',
        body: `**Leiargruppa oppvekst** i Vinje består av kommunalsjef for oppvekst, rektorane, styrarane, leiar for helsestasjon og familieteam og kultursjef. Gruppa møtest kvar månad. Leiar for psykisk helse og rus og SLT-koordinator deltek når tema gjeld ungdom. Kommunalsjefen representerer Vinje i styringsgruppa for Vest-Telemark.`,
      },
    ],
    focusAreas: [],
    goals: [
      {
        key: 'vinje-children-heard',
        title: 'Barn og unge blir høyrde i utviklinga av bygdene',
        desiredStates: [
          'Barn og unge i alle bygdene kan vise kvar dei ferdast og kva dei saknar i nærmiljøet.',
          'Innspela frå barn og unge blir synlege i planar og prioriteringar.',
        ],
        measures: [
          {
            key: 'vinje-barnetrakk',
            title: 'Barnetråkk i alle bygdene',
            description:
              'Elevar på 5. til 10. trinn registrerer skulevegar, møteplassar og utrygge stader i Barnetråkk. Resultata blir presenterte for kommunestyret og brukte i arbeidet med kommuneplanen.',
            period: { kind: 'span', from: 2025, to: 2026 },
            responsible: [{ kind: 'school' }, { kind: 'culture' }],
            partners: [{ name: 'Planavdelinga i Vinje kommune', kind: 'other' }],
            preventionLevel: 'universal',
            ageGroups: ['primary_school', 'lower_secondary'],
            conventionArticles: [12, 31],
            laws: ['folkehelseloven'],
            programme: 'Barnetråkk',
            status: 'planned',
          },
          {
            key: 'vinje-youth-council-fund',
            title: 'Ungdomsrådet disponerer eigen pott',
            description:
              'Ungdomsrådet får ein årleg pott til tiltak for ungdom, og ungdom kan søkje om midlar til eigne arrangement. Ungdomsrådet rapporterer til kommunestyret om korleis midlane er brukte.',
            period: { kind: 'open_start', from: 2025 },
            responsible: [{ kind: 'culture' }],
            partners: [{ kind: 'slt' }],
            preventionLevel: 'universal',
            ageGroups: ['lower_secondary', 'upper_secondary'],
            conventionArticles: [12, 15],
            laws: ['folkehelseloven'],
            status: 'active',
          },
        ],
      },
    ],
    measuresForRegionalGoals: [
      {
        regionalGoalKey: 'support-families-at-risk',
        measure: {
          key: 'vinje-family-team',
          title: 'Familieteam ved helsestasjonen',
          description:
            'Familieteamet gir lågterskel hjelp til familiar med barn frå 0 til 18 år, utan tilvising. Teamet har familieterapeut og helsesjukepleiar, og samarbeider tett med barnevernet om familiar som treng meir hjelp.',
          period: { kind: 'open_start', from: 2025 },
          responsible: [{ kind: 'helsestasjon' }],
          partners: [{ service: 'barnevern' }, { service: 'nav' }],
          preventionLevel: 'selective',
          ageGroups: ['first_1000_days', 'kindergarten', 'primary_school', 'lower_secondary'],
          conventionArticles: [3, 18],
          laws: ['helse_og_omsorgstjenesteloven', 'barnevernloven'],
          status: 'active',
        },
      },
    ],
    implementations: [
      {
        measureKey: 'cos-p-parent-course',
        localResponsible: 'Helsestasjonen i Åmot og Rauland',
        notes: 'COS-P blir halde vekselvis i Åmot og Rauland, og familieteamet tilbyr individuell rettleiing i etterkant.',
        status: 'active',
      },
      {
        measureKey: 'ung-arena',
        localResponsible: 'Psykisk helse og rus, Vinje kommune',
        period: { kind: 'span', from: 2026, to: 2028 },
        notes: 'Vinje har meldt seg som vertskommune for Ung Arena Vest-Telemark, med drop-in i Åmot og ein dag i veka på Rauland.',
        status: 'planned',
      },
      {
        measureKey: 'activity-card-leisure',
        localResponsible: 'Kulturavdelinga i Vinje',
        notes: 'Fritidskortet gjeld alle barn frå 6 til 18 år, og utstyrsentralen i Åmot har ope to dagar i veka.',
        status: 'active',
      },
      {
        measureKey: 'ungdata-follow-up',
        localResponsible: 'SLT-koordinator i Vinje',
        notes: 'Ungdomsrådet valde einsemd og skjermbruk som dei to viktigaste temaa etter Ungdata 2024.',
        status: 'active',
      },
    ],
  },
};
