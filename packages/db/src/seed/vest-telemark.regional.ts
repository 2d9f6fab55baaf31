import type { DemoPlan } from './demo-content.types.js';

/**
 * "Vegen mot livsmeistring! Oppvekstplan for Vest-Telemark" – the shared
 * regional plan of the six municipalities. Demo content in nynorsk, built on
 * the Tokke case paper and the domain notes; indicator figures are illustrative.
 */
export const regionalPlan: DemoPlan = {
  title: 'Vegen mot livsmeistring! Oppvekstplan for Vest-Telemark',
  languageForm: 'nn',
  periodFrom: 2024,
  periodTo: 2030,
  adoption: {
    body: 'regional_council',
    bodyName: 'Vest-Telemarkrådet',
    decision: 'adopted',
    decidedOn: '2024-06-13',
    caseReference: '24/112',
  },
  consultation: { opensOn: '2024-03-01', closesOn: '2024-04-12' },
  sections: [
    {
      key: 'vision',
      kind: 'vision',
      title: 'Visjon: Vegen mot livsmeistring',
      body: `**Vegen mot livsmeistring** – alle barn og unge i Vest-Telemark skal få ein trygg og god oppvekst, der dei blir sett, høyrde og tekne på alvor, og der dei får kjenne på meistring i familien, i barnehagen, på skulen og i fritida.

Visjonen samlar Seljord, Kviteseid, Nissedal, Fyresdal, Tokke og Vinje om eit felles mål: Same kvar i regionen eit barn veks opp, skal det møte vaksne som samarbeider og som set inn rett hjelp til rett tid. Livsmeistring handlar om å handtere både medgang og motgang, ta vare på eiga helse og finne sin plass i fellesskapet.`,
    },
    {
      key: 'main-goal',
      kind: 'main_goal',
      title: 'Hovudmål',
      body: `Barn og unge i Vest-Telemark skal ha eit trygt og godt oppvekstmiljø som fremjar helse, læring og livsmeistring, og dei som treng det, skal få tidleg, samordna og heilskapleg hjelp.

Hovudmålet byggjer på samfunnsdelen av kommuneplanane i dei seks kommunane og på barnevernloven § 3-1: Kommunen skal fremje gode oppvekstvilkår gjennom tiltak som førebyggjer at barn og unge blir utsette for omsorgssvikt eller utviklar åtferdsvanskar, og kommunen skal samordne tenestetilbodet til barn og familiar.

Hovudmålet er delt i sju delmål under fire satsingsområde: *Trygge foreldre – trygge barn*, *Meistring og læring*, *Inkludering og fellesskap* og *Psykisk helse og livsmeistring*. Kvart delmål har skildringar av korleis vi vil ha det, og tiltak som viser korleis vi skal kome dit.`,
    },
    {
      key: 'principles',
      kind: 'principles',
      title: 'Prinsipp og verdiar',
      body: `Arbeidet med barn og unge i Vest-Telemark skal vere prega av desse prinsippa:

- **Tidleg innsats** – vi skal sjå, handle og følgje opp så tidleg som mogleg, både tidleg i livet og tidleg når ein vanske viser seg. Innsatsen skal vere «for alle, for nokon og for få».
- **Medverknad** – barn og unge har rett til å seie meininga si i alle saker som gjeld dei, og meininga deira skal bli vektlagd (barnekonvensjonen artikkel 12).
- **Barnets beste** – kva som er best for barnet, skal vere eit grunnleggjande omsyn i alle handlingar som gjeld barn (barnekonvensjonen artikkel 3 og Grunnlova § 104).
- **Inkludering** – alle barn skal få høve til å delta, uavhengig av familieøkonomi, funksjonsevne, bakgrunn og kvar dei bur.
- **Tverrfagleg samarbeid** – tenestene skal arbeide saman rundt barnet og familien, ikkje ved sida av kvarandre. Familien skal ikkje sjølv måtte vere koordinator mellom tenestene.`,
    },
    {
      key: 'background',
      kind: 'background',
      title: 'Bakgrunn og status',
      body: `Barnevernsreforma, òg kalla oppvekstreforma, tok til å gjelde 1. januar 2022. Reforma gav kommunane større ansvar for førebygging, tidleg innsats og samhandling, og ho kravde at kommunestyret sjølv vedtek ein plan for det førebyggande arbeidet (barnevernloven § 3-1). Frå 1. august 2022 er samhandlingsplikta tydeleggjord i 14 velferdslover, mellom anna barnehagelova, opplæringslova, barnevernlova, helse- og omsorgstenestelova, sosialtenestelova, NAV-lova, integreringslova og tannhelsetenestelova.

Dei seks kommunane har felles interkommunale tenester for barnevern, PPT og NAV, og det var difor naturleg å lage éin felles plan. Arbeidet starta hausten 2022 med ei arbeidsgruppe av kommunalsjefane og leiarane i støttetenestene, med rettleiing frå KS gjennom partnarskapen for inkludering og ung deltaking (2022–2024).

Vest-Telemark har om lag 14 000 innbyggjarar, og rundt 2 600 av dei er under 18 år. Planen følgjer desse indikatorane. *Tala i tabellen er illustrerande demotal, ikkje offisiell statistikk.*

| Indikator | Vest-Telemark | Landet |
|---|---|---|
| Barn (0–17 år) i hushald med vedvarande låginntekt (Folkehelseprofil) | 10,8 % | 11,7 % |
| Ungdomsskuleelevar som er nøgde med lokalmiljøet (Ungdata) | 72 % | 68 % |
| Ungdomsskuleelevar som har vore mykje plaga av einsemd siste veka (Ungdata) | 19 % | 21 % |
| Elevar på 7. trinn som blir mobba to–tre gonger i månaden eller oftare (Elevundersøkinga) | 8,4 % | 6,9 % |
| Fullført og bestått vidaregåande opplæring innan fem år | 79 % | 81 % |

Regionen har gode nærmiljø, kort veg til natur og friluftsliv og små einingar der dei vaksne kjenner barna. Samstundes er det lange reiseavstandar, få organiserte fritidstilbod i grendene, og mange ungdomar flyttar på hybel når dei tek til på vidaregåande skule.`,
    },
    {
      key: 'organisation',
      kind: 'organisation',
      title: 'Organisering av arbeidet',
      body: `- **Styringsgruppa** består av kommunalsjefane for oppvekst i dei seks kommunane og leiarane for Vest-Telemark barnevern, PPT for Vest-Telemark og NAV Vest-Telemark. Styringsgruppa eig planen, prioriterer felles tiltak og legg fram den årlege rapporten.
- **Dei interkommunale tenestene** – barnevern, PPT og NAV – er organiserte som vertskommunesamarbeid og arbeider i alle seks kommunane. Kvar teneste har ein fast kontaktperson for kvar kommune.
- **Koordineringsgruppa** har ein representant frå kvar kommune (oppvekstleiar eller tilsvarande), SLT-koordinatorane og dei interkommunale tenestene. Gruppa møtest kvar månad, følgjer opp tiltaka og samlar inn rapporteringa.
- **Lokalt** har kvar kommune ei leiargruppe for oppvekst som har ansvar for den lokale delen av planen og for å setje i verk dei felles tiltaka.

Det tverrfaglege arbeidet er organisert etter **BTI-modellen** (Betre tverrfagleg innsats). Modellen har fire nivå, frå nivå 0 der ein tilsett er uroa for eit barn, til nivå 3 der fleire tenester må samordne innsatsen tett. Ein felles handlingsrettleiar viser kven som gjer kva, og stafettloggen sikrar at innsatsen blir dokumentert og følgd opp når ansvaret går frå éi teneste til ei anna.`,
    },
    {
      key: 'responsibility',
      kind: 'responsibility',
      title: 'Ansvarsfordeling mellom tenestene',
      body: `Kvar teneste har sjølvstendig ansvar for å oppfylle samhandlingsplikta i eiga lov. Ansvaret er fordelt slik:

- **Helsestasjon og skulehelseteneste:** heimebesøk og helsekontrollar frå fødsel, foreldrerettleiing (mellom anna COS-P), helsesjukepleiar i skulen, helsestasjon for ungdom og oppfølging av barn med særlege behov. Helsetenesta oppnemner barnekoordinator etter helse- og omsorgstenestelova § 7-2 a.
- **Barnehage:** trygt og godt barnehagemiljø, tidleg identifisering av barn som treng meir støtte, og gode overgangar til skulen.
- **Skule og SFO:** trygt og godt skulemiljø etter opplæringslova, tilpassa opplæring, oppfølging av fråvær og overgangar mellom skuleslaga.
- **Vest-Telemark barnevern:** undersøkingar og hjelpetiltak, familieråd, rettleiing av andre tenester og foreldrerettleiingsprogram som ICDP og PMTO.
- **PPT for Vest-Telemark:** sakkunnige vurderingar og systemretta arbeid i barnehagar og skular for å styrkje eit inkluderande læringsmiljø.
- **NAV Vest-Telemark:** økonomisk rådgjeving og sosiale tenester, kartlegging av situasjonen til barn i familiar som får økonomisk stønad, og tett oppfølging av unge mellom 16 og 25 år.
- **SLT-koordinatorane:** samordning av rus- og kriminalitetsførebyggande arbeid saman med politiet og dei kommunale tenestene.
- **Kultur:** fritidstilbod, ungdomsklubbar, bibliotek og kulturskule, og sekretariat for ungdomsråda.`,
    },
    {
      key: 'cooperation',
      kind: 'cooperation',
      title: 'Samarbeid mellom tenestene',
      body: `**Faste møtearenaer.** Kvar barnehage og skule har eit tverrfagleg team som møtest fire til seks gonger i året. PPT, helsesjukepleiar og barnevernet deltek fast, og NAV blir kalla inn ved behov. Saker kan drøftast anonymt, eller med samtykke frå føresette.

**Tverrfaglege team og ansvarsgrupper.** Barn og familiar som treng hjelp frå fleire tenester over tid, får ei ansvarsgruppe og ved behov individuell plan. Stafettloggen i BTI blir nytta for å halde oversikt over tiltak og ansvar.

**Samarbeidsavtalar.** Kommunane har skriftlege samarbeidsavtalar med dei interkommunale tenestene, med Vest-Telemark vidaregåande skule om overgangar og med Sykehuset Telemark (BUP) om barn og unge med psykiske vanskar.

**Barnekoordinator.** Familiar som har eller ventar barn med alvorleg sjukdom, skade eller nedsett funksjonsevne, og som treng langvarige og samansette tenester, har rett på barnekoordinator. Barnekoordinatoren sikrar at tenestene blir samordna, slik at familien får éin fast kontaktperson.`,
    },
    {
      key: 'participation',
      kind: 'participation',
      title: 'Medverknad frå barn, unge og føresette',
      body: `Planen er laga saman med dei han gjeld. I november 2022 var det ei felles samling for alle seks kommunane der ungdomar deltok, og kvar kommune hadde ei referansegruppe med representantar frå FAU, helse, ungdomsrådet, tilsette, kultur og SLT. Utkastet var på høyring frå 1. mars til 12. april 2024.

I gjennomføringa skal **ungdomsråda** i kvar kommune få planen og den årlege rapporten til uttale. **Elevråda** drøftar resultata frå Elevundersøkinga og Ungdata kvart år, og **FAU** og samarbeidsutvala i barnehagane blir tekne med når tiltak for føresette blir planlagde.

I enkeltsaker skal barnet alltid få høve til å seie meininga si på ein måte som passar alder og modnad, og det skal gå fram korleis meininga til barnet er vektlagd.`,
    },
    {
      key: 'follow-up',
      kind: 'follow_up',
      title: 'Oppfølging og rapportering',
      body: `Planen blir følgd opp gjennom ein årleg **handlingsplan** som viser kva tiltak som skal prioriterast det komande året, og som blir innarbeidd i budsjett og økonomiplan i kvar kommune.

**Årshjul:**

- januar–februar: resultat frå Elevundersøkinga blir drøfta i skulane og i elevråda
- april: tenestene rapporterer status for kvart tiltak til koordineringsgruppa
- juni: årleg rapport til Vest-Telemarkrådet og kommunestyra, med status for tiltaka og utviklinga i indikatorane
- september: handlingsplan for neste år blir lagd fram i budsjettarbeidet
- november: felles samling for tilsette, leiarar og ungdomsråd

Indikatorane blir målte årleg (Elevundersøkinga, låginntekt, fråvær og gjennomføring) eller kvart tredje år (Ungdata). Planen skal evaluerast i 2027 og rullerast før planperioden går ut i 2030.`,
    },
  ],
  focusAreas: [
    {
      key: 'safe-parents',
      title: 'Trygge foreldre – trygge barn',
      description:
        'Føresette er dei viktigaste personane i livet til barnet. Vi vil styrkje foreldra i rolla si frå svangerskapet og gjennom heile oppveksten, og gi familiar som strevar, tidleg og samordna hjelp.',
    },
    {
      key: 'mastery-learning',
      title: 'Meistring og læring',
      description:
        'Barn og unge skal oppleve meistring i barnehage og skule, få gode overgangar og fullføre opplæringa. Ingen skal falle mellom to stolar når dei går frå eitt skuleslag til eit anna.',
    },
    {
      key: 'inclusion-community',
      title: 'Inkludering og fellesskap',
      description:
        'Alle barn og unge skal høyre til i eit fellesskap, ha ein venn og ha tilgang til ein meiningsfull fritid, same kva familien har råd til og kvar dei bur.',
    },
    {
      key: 'mental-health-life-skills',
      title: 'Psykisk helse og livsmeistring',
      description:
        'Barn og unge skal ha kunnskap og ferdigheiter til å ta vare på eiga psykisk helse, og dei som strevar, skal få lågterskel hjelp utan lang ventetid.',
    },
  ],
  goals: [
    {
      key: 'early-parent-support',
      focusAreaKey: 'safe-parents',
      title: 'Føresette får tidleg og god rettleiing i foreldrerolla',
      description: 'Foreldrerettleiing skal vere eit tilbod til alle, og ikkje noko ein berre får når det har gått gale.',
      desiredStates: [
        'Alle nybakte foreldre i Vest-Telemark får heimebesøk og kjenner til tilboda om foreldrerettleiing.',
        'Føresette opplever at det er trygt å be om hjelp tidleg, og at dei blir møtte med respekt.',
        'Tilsette i barnehage, helsestasjon og barnevern har felles språk og metodar i møte med føresette.',
      ],
      measures: [
        {
          key: 'home-visits-first-1000-days',
          title: 'Heimebesøk frå jordmor og helsesjukepleiar',
          description:
            'Alle familiar får heimebesøk av jordmor innan tre dagar etter heimkomst og av helsesjukepleiar innan ti dagar. Besøket er ein døropnar for vidare kontakt, og helsestasjonen kartlegg trivsel i familien og behov for meir støtte i dei første 1000 dagane.',
          period: { kind: 'ongoing' },
          responsible: [{ kind: 'helsestasjon' }],
          partners: [],
          preventionLevel: 'universal',
          ageGroups: ['first_1000_days'],
          conventionArticles: [6, 18, 24],
          laws: ['helse_og_omsorgstjenesteloven', 'folkehelseloven'],
          status: 'active',
        },
        {
          key: 'cos-p-parent-course',
          title: 'COS-P-kurs for føresette',
          description:
            'Helsestasjonane arrangerer kurs i Circle of Security Parenting (COS-P) to gonger i året, vekselvis i dei ulike kommunane. Kurset hjelper føresette å forstå behova bak åtferda til barnet og å vere ein trygg base. Barnevernet og barnehagane kan tilrå kurset til familiar dei er i kontakt med.',
          period: { kind: 'open_start', from: 2023 },
          responsible: [{ kind: 'helsestasjon' }],
          partners: [{ service: 'barnevern' }, { kind: 'kindergarten' }],
          preventionLevel: 'selective',
          ageGroups: ['first_1000_days', 'kindergarten'],
          conventionArticles: [3, 18],
          laws: ['helse_og_omsorgstjenesteloven', 'barnevernloven'],
          programme: 'COS-P',
          status: 'active',
        },
        {
          key: 'icdp-parent-groups',
          title: 'ICDP-foreldregrupper',
          description:
            'Vest-Telemark barnevern har sertifiserte ICDP-rettleiarar som held foreldregrupper (åtte samlingar) saman med tilsette frå helsestasjon og barnehage. Grupper blir òg tilbodne på engelsk og med tolk for familiar som er nye i Noreg.',
          period: { kind: 'ongoing' },
          responsible: [{ service: 'barnevern' }],
          partners: [{ kind: 'helsestasjon' }, { kind: 'kindergarten' }, { kind: 'refugee' }],
          preventionLevel: 'universal',
          ageGroups: ['kindergarten', 'primary_school'],
          conventionArticles: [18, 19],
          laws: ['barnevernloven', 'helse_og_omsorgstjenesteloven', 'integreringsloven'],
          programme: 'ICDP',
          status: 'active',
        },
        {
          key: 'home-start-family-contact',
          title: 'Home-Start Familiekontakt',
          description:
            'Regionen vil etablere Home-Start Familiekontakt saman med frivilligsentralane. Frivillige foreldre med eigen erfaring besøkjer småbarnsfamiliar som treng støtte i ein krevjande periode, om lag to timar i veka over nokre månader.',
          period: { kind: 'span', from: 2025, to: 2027 },
          responsible: [{ kind: 'helsestasjon' }],
          partners: [{ name: 'Frivilligsentralen', kind: 'voluntary' }, { service: 'barnevern' }],
          preventionLevel: 'selective',
          ageGroups: ['first_1000_days', 'kindergarten'],
          conventionArticles: [18, 27],
          laws: ['helse_og_omsorgstjenesteloven'],
          programme: 'Home-Start',
          status: 'planned',
        },
      ],
    },
    {
      key: 'support-families-at-risk',
      focusAreaKey: 'safe-parents',
      title: 'Familiar med samansette behov får heilskapleg og samordna hjelp',
      desiredStates: [
        'Familiar som treng hjelp frå fleire tenester, har éin fast kontaktperson og slepp å fortelje historia si mange gonger.',
        'Uro for eit barn blir fanga opp tidleg og følgd opp etter ein felles handlingsrettleiar.',
        'Færre barn og familiar treng omfattande tiltak frå barnevernet fordi hjelpa kjem tidlegare.',
      ],
      measures: [
        {
          key: 'bti-stafettlogg',
          title: 'BTI – handlingsrettleiar og stafettlogg',
          description:
            'Alle seks kommunane tek i bruk ein felles handlingsrettleiar etter BTI-modellen og digital stafettlogg. Tilsette i barnehage, skule og helsestasjon får opplæring i korleis dei skal handle ved uro for eit barn, og kven som har stafettpinnen.',
          period: { kind: 'span', from: 2024, to: 2026 },
          responsible: [{ kind: 'kindergarten' }, { kind: 'school' }, { kind: 'helsestasjon' }],
          partners: [{ service: 'barnevern' }, { service: 'ppt' }, { service: 'nav' }],
          preventionLevel: 'selective',
          ageGroups: ['first_1000_days', 'kindergarten', 'primary_school', 'lower_secondary'],
          conventionArticles: [3, 12],
          laws: ['barnehageloven', 'opplaeringsloven', 'helse_og_omsorgstjenesteloven', 'barnevernloven'],
          programme: 'BTI',
          status: 'active',
        },
        {
          key: 'pmto-tibir-behaviour',
          title: 'PMTO og TIBIR ved åtferdsvanskar',
          description:
            'Familiar med barn mellom 3 og 12 år med byrjande eller etablerte åtferdsvanskar får tilbod om foreldrerettleiing etter PMTO eller TIBIR-modellen. Barnevernet har terapeutane, og PPT rettleier barnehage og skule slik at barnet møter dei same forventningane heime og i barnehagen eller på skulen.',
          period: { kind: 'ongoing' },
          responsible: [{ service: 'barnevern' }],
          partners: [{ service: 'ppt' }, { kind: 'kindergarten' }, { kind: 'school' }],
          preventionLevel: 'indicated',
          ageGroups: ['kindergarten', 'primary_school'],
          conventionArticles: [3, 19],
          laws: ['barnevernloven', 'barnehageloven', 'opplaeringsloven'],
          programme: 'PMTO/TIBIR',
          status: 'active',
        },
        {
          key: 'child-coordinator',
          title: 'Barnekoordinator og ansvarsgrupper',
          description:
            'Kvar kommune har ein fast rutine for å vurdere og oppnemne barnekoordinator. Barnekoordinatoren leier ansvarsgruppa, sørgjer for individuell plan og samordnar tenestene frå helse, PPT, NAV og barnevern rundt familien.',
          period: { kind: 'ongoing' },
          responsible: [{ kind: 'helsestasjon' }],
          partners: [{ service: 'ppt' }, { service: 'nav' }, { name: 'Sykehuset Telemark', kind: 'mental_health' }],
          preventionLevel: 'indicated',
          ageGroups: ['first_1000_days', 'kindergarten', 'primary_school', 'lower_secondary', 'upper_secondary'],
          conventionArticles: [3, 23, 24],
          laws: ['helse_og_omsorgstjenesteloven', 'spesialisthelsetjenesteloven', 'sosialtjenesteloven', 'nav_loven'],
          status: 'active',
        },
        {
          key: 'nav-child-poverty',
          title: 'Barnefokus i NAV – familiar med låg inntekt',
          description:
            'NAV kartlegg situasjonen til barna i alle familiar som søkjer økonomisk stønad, og tilbyr økonomisk rådgjeving. Familiane får informasjon om fritidskort, utstyrsentral og andre tilbod, og NAV tek kontakt med helsestasjon eller skule når familien ønskjer det.',
          period: { kind: 'open_start', from: 2024 },
          responsible: [{ service: 'nav' }],
          partners: [{ kind: 'culture' }, { service: 'barnevern' }],
          preventionLevel: 'selective',
          ageGroups: ['kindergarten', 'primary_school', 'lower_secondary', 'upper_secondary'],
          conventionArticles: [2, 26, 27],
          laws: ['sosialtjenesteloven', 'nav_loven'],
          status: 'active',
        },
        {
          key: 'family-centre',
          title: 'Utgreie felles familiesenter for Vest-Telemark',
          description:
            'Styringsgruppa skal greie ut eit felles familiesenter der helsestasjon, foreldrerettleiing, familieterapi og lågterskeltilbod frå barnevernet er samla. Utgreiinga skal sjå på samarbeid med familievernkontoret om samlivskurs og hjelp til foreldre i høg konflikt.',
          period: { kind: 'span', from: 2025, to: 2026 },
          responsible: [{ service: 'barnevern' }],
          partners: [{ kind: 'helsestasjon' }, { name: 'Familievernkontoret i Telemark', kind: 'family_counselling' }],
          preventionLevel: 'selective',
          ageGroups: ['first_1000_days', 'kindergarten', 'primary_school'],
          conventionArticles: [9, 18],
          laws: ['barnevernloven', 'familievernkontorloven', 'barneloven', 'helse_og_omsorgstjenesteloven'],
          status: 'planned',
        },
      ],
    },
    {
      key: 'safe-transitions',
      focusAreaKey: 'mastery-learning',
      title: 'Gode overgangar gjennom heile opplæringsløpet',
      desiredStates: [
        'Barn og føresette kjenner seg trygge når barnet byrjar på skulen, og skulen kjenner behova til barnet frå første dag.',
        'Ungdom som tek til på vidaregåande skule, har med seg den støtta dei treng.',
      ],
      measures: [
        {
          key: 'transition-kindergarten-school',
          title: 'Felles rutine for overgang barnehage–skule',
          description:
            'Alle barnehagar og skular følgjer ein felles overgangsrutine med besøksdagar, overføringsmøte med samtykke frå føresette og eit eige møte for barn som treng særskild tilrettelegging. PPT og helsesjukepleiar deltek i overføringsmøta ved behov.',
          period: { kind: 'ongoing' },
          responsible: [{ kind: 'kindergarten' }, { kind: 'school' }],
          partners: [{ service: 'ppt' }, { kind: 'helsestasjon' }, { kind: 'sfo' }],
          preventionLevel: 'universal',
          ageGroups: ['kindergarten', 'primary_school'],
          conventionArticles: [3, 28],
          laws: ['barnehageloven', 'opplaeringsloven'],
          status: 'active',
        },
        {
          key: 'transition-lower-upper-secondary',
          title: 'Overgangsmal ungdomsskule–vidaregåande',
          description:
            'Ungdomsskulane og Vest-Telemark vidaregåande skule har laga ein felles mal for overføring av informasjon om elevar som treng oppfølging, og ein plan for oppstartssamtalar i august. Malen vart teken i bruk skuleåret 2024/2025.',
          period: { kind: 'span', from: 2023, to: 2024 },
          responsible: [{ kind: 'school' }],
          partners: [
            { name: 'Vest-Telemark vidaregåande skule', kind: 'school' },
            { name: 'Oppfølgingstenesta i Vestfold og Telemark fylkeskommune', kind: 'other' },
            { service: 'ppt' },
          ],
          preventionLevel: 'selective',
          ageGroups: ['lower_secondary', 'upper_secondary'],
          conventionArticles: [28],
          laws: ['opplaeringsloven', 'privatskoleloven'],
          status: 'completed',
        },
        {
          key: 'ppt-kindergarten-support',
          title: 'PPT ute i barnehagane',
          description:
            'PPT har faste dagar i kvar barnehage der dei observerer, rettleier personalet og drøftar barn det er knytt uro til. Målet er at fleire barn får hjelp innanfor det ordinære tilbodet, utan å vente på sakkunnig vurdering.',
          period: { kind: 'ongoing' },
          responsible: [{ service: 'ppt' }],
          partners: [{ kind: 'kindergarten' }],
          preventionLevel: 'selective',
          ageGroups: ['kindergarten'],
          conventionArticles: [23, 28],
          laws: ['barnehageloven'],
          status: 'active',
        },
        {
          key: 'inclusive-learning-quality',
          title: 'Kvalitetsutvikling: inkluderande barnehage- og skulemiljø',
          description:
            'Gjennom den regionale ordninga for kompetanseutvikling arbeider alle barnehagar og skular i regionen med eit felles utviklingsarbeid om inkluderande læringsmiljø og relasjonskompetanse. PPT er fagleg støtte, og arbeidet blir følgt opp i nettverk for styrarar og rektorar.',
          period: { kind: 'span', from: 2024, to: 2027 },
          responsible: [{ kind: 'school' }, { kind: 'kindergarten' }, { service: 'ppt' }],
          partners: [{ name: 'Universitetet i Søraust-Noreg', kind: 'other' }],
          preventionLevel: 'universal',
          ageGroups: ['kindergarten', 'primary_school', 'lower_secondary'],
          conventionArticles: [28, 29],
          laws: ['barnehageloven', 'opplaeringsloven'],
          programme: 'Kvalitetsutvikling (regional ordning)',
          status: 'active',
        },
      ],
    },
    {
      key: 'school-attendance',
      focusAreaKey: 'mastery-learning',
      title: 'Fleire fullfører grunnskule og vidaregåande opplæring',
      desiredStates: [
        'Uro for fråvær blir fanga opp tidleg, og eleven og familien får hjelp før fråværet blir stort.',
        'Unge mellom 16 og 25 år som står utanfor skule og arbeid, har ein vaksen som følgjer dei tett.',
        'Fleire ungdomar får arbeidserfaring og kjenner at dei trengst i lokalsamfunnet.',
      ],
      measures: [
        {
          key: 'school-absence-routine',
          title: 'Felles rutine for oppfølging av skulefråvær',
          description:
            'Skulane nyttar ein felles rutine som seier kva som skal skje når ein elev har 10 prosent fråvær eller gjentekne einskilde dagar borte. Kontaktlærar tek kontakt med heimen, og ved vedvarande fråvær blir saka drøfta i det tverrfaglege teamet med helsesjukepleiar og PPT.',
          period: { kind: 'year', from: 2025 },
          responsible: [{ kind: 'school' }],
          partners: [{ service: 'ppt' }, { kind: 'helsestasjon' }, { service: 'barnevern' }],
          preventionLevel: 'selective',
          ageGroups: ['primary_school', 'lower_secondary'],
          conventionArticles: [28],
          laws: ['opplaeringsloven', 'privatskoleloven'],
          status: 'active',
        },
        {
          key: 'ppt-school-refusal-guidance',
          title: 'PPT-rettleiing ved skulevegring',
          description:
            'PPT rettleier lærarar og føresette når ein elev strevar med å kome seg på skulen. Saman lagar dei ein gradvis plan for tilbakeføring, og PPT hjelper skulen med å tilpasse opplæringa i overgangsperioden.',
          period: { kind: 'ongoing' },
          responsible: [{ service: 'ppt' }],
          partners: [{ kind: 'school' }, { kind: 'helsestasjon' }, { name: 'BUP, Sykehuset Telemark', kind: 'mental_health' }],
          preventionLevel: 'indicated',
          ageGroups: ['primary_school', 'lower_secondary'],
          conventionArticles: [24, 28],
          laws: ['opplaeringsloven', 'spesialisthelsetjenesteloven'],
          status: 'active',
        },
        {
          key: 'nav-youth-contact',
          title: 'Ung-los og ungdomskontakt i NAV',
          description:
            'NAV Vest-Telemark har ein eigen ungdomskontakt (ung-los) for unge mellom 16 og 25 år som har avbrote vidaregåande eller står utanfor arbeid. Losen tek kontakt sjølv, møter ungdomen der han eller ho er, og samarbeider med oppfølgingstenesta og SLT.',
          period: { kind: 'open_start', from: 2023 },
          responsible: [{ service: 'nav' }],
          partners: [{ name: 'Oppfølgingstenesta i Vestfold og Telemark fylkeskommune', kind: 'other' }, { kind: 'slt' }],
          preventionLevel: 'indicated',
          ageGroups: ['upper_secondary', 'young_adult'],
          conventionArticles: [12, 28],
          laws: ['nav_loven', 'sosialtjenesteloven'],
          programme: 'Ung-los',
          status: 'active',
        },
        {
          key: 'summer-jobs-youth',
          title: 'Sommarjobb for ungdom',
          description:
            'NAV og kommunane tilbyr sommarjobb i to veker for ungdom mellom 15 og 18 år, i kommunale tenester og hos lokale verksemder. Ungdom som treng det ekstra, blir prioriterte i samarbeid med skule, SLT og barnevern.',
          period: { kind: 'open_start', from: 2024 },
          responsible: [{ service: 'nav' }],
          partners: [{ kind: 'slt' }, { name: 'Lokalt næringsliv', kind: 'other' }],
          preventionLevel: 'selective',
          ageGroups: ['lower_secondary', 'upper_secondary'],
          conventionArticles: [12, 32],
          laws: ['nav_loven', 'sosialtjenesteloven'],
          status: 'active',
        },
      ],
    },
    {
      key: 'inclusive-leisure',
      focusAreaKey: 'inclusion-community',
      title: 'Alle barn og unge har ein meiningsfull fritid og kjenner seg inkluderte',
      desiredStates: [
        'Alle barn og unge har minst éin fritidsaktivitet dei trivst med, same kva familien har råd til.',
        'Ingen barn blir mobba eller utestengde i barnehagen, på skulen eller i fritida.',
        'Barn og unge som er nye i kommunen, får raskt venner og blir kjende med fritidstilboda.',
      ],
      measures: [
        {
          key: 'youth-clubs',
          title: 'Ungdomsklubb og fritidsklubb i alle kommunane',
          description:
            'Kvar kommune har eit ope og gratis fritidstilbod for ungdom minst éin kveld i veka, med vaksne tilsette som ungdomane kjenner. Ungdomsrådet er med og bestemmer innhaldet, og SLT-koordinator har jamleg kontakt med klubbane.',
          period: { kind: 'ongoing' },
          responsible: [{ kind: 'culture' }],
          partners: [{ kind: 'slt' }, { name: 'Frivilligsentralen', kind: 'voluntary' }],
          preventionLevel: 'universal',
          ageGroups: ['primary_school', 'lower_secondary', 'upper_secondary'],
          conventionArticles: [12, 31],
          laws: ['folkehelseloven'],
          status: 'active',
        },
        {
          key: 'activity-card-leisure',
          title: 'Fritidskort og utstyrsentral',
          description:
            'Kommunane dekkjer deltakaravgift for barn i familiar med låg inntekt gjennom ei felles fritidskort-ordning, og utstyrsentralane (BUA) låner ut sports- og friluftsutstyr gratis. NAV og helsestasjonen informerer familiane om tilbodet.',
          period: { kind: 'open_start', from: 2024 },
          responsible: [{ kind: 'culture' }],
          partners: [{ service: 'nav' }, { name: 'Frivilligsentralen', kind: 'voluntary' }],
          preventionLevel: 'selective',
          ageGroups: ['primary_school', 'lower_secondary', 'upper_secondary'],
          conventionArticles: [2, 27, 31],
          laws: ['folkehelseloven', 'sosialtjenesteloven'],
          status: 'active',
        },
        {
          key: 'safe-school-environment',
          title: 'Trygt og godt barnehage- og skulemiljø',
          description:
            'Alle barnehagar og skular har oppdaterte planar for eit trygt og godt miljø og følgjer aktivitetsplikta når eit barn ikkje har det trygt og godt. Elevråda og barna sjølve er med og kartlegg kvar og når dei ikkje kjenner seg trygge.',
          period: { kind: 'ongoing' },
          responsible: [{ kind: 'school' }, { kind: 'kindergarten' }],
          partners: [{ kind: 'sfo' }, { service: 'ppt' }],
          preventionLevel: 'universal',
          ageGroups: ['kindergarten', 'primary_school', 'lower_secondary'],
          conventionArticles: [2, 19, 29],
          laws: ['opplaeringsloven', 'barnehageloven', 'privatskoleloven'],
          status: 'active',
        },
        {
          key: 'newcomer-inclusion',
          title: 'Inkludering av barn og familiar som er nye i Noreg',
          description:
            'Flyktningtenesta, barnehage og skule lagar ein felles plan for kvar familie som kjem, med fritidsvenn frå frivilligsentralen, tidleg helsekontroll og foreldremøte med tolk. Foreldrerettleiing er ein del av introduksjonsprogrammet.',
          period: { kind: 'ongoing' },
          responsible: [{ kind: 'refugee' }],
          partners: [{ kind: 'kindergarten' }, { kind: 'school' }, { kind: 'helsestasjon' }, { name: 'Frivilligsentralen', kind: 'voluntary' }],
          preventionLevel: 'selective',
          ageGroups: ['kindergarten', 'primary_school', 'lower_secondary', 'upper_secondary'],
          conventionArticles: [2, 22, 31],
          laws: ['integreringsloven', 'barnehageloven', 'opplaeringsloven'],
          status: 'active',
        },
      ],
    },
    {
      key: 'mental-health-early',
      focusAreaKey: 'mental-health-life-skills',
      title: 'Barn og unge opplever god psykisk helse og meistrar livet',
      desiredStates: [
        'Barn og unge veit kvar dei kan gå når dei strevar, og det er kort veg til ein vaksen å snakke med.',
        'Livsmeistring og psykisk helse er ein naturleg del av det som skjer i barnehagen og på skulen.',
      ],
      measures: [
        {
          key: 'school-nurse-in-school',
          title: 'Helsesjukepleiar fast til stades i skulen',
          description:
            'Helsesjukepleiar har faste dagar på kvar skule, med open dør utan timeavtale. På ungdomssteget held helsesjukepleiar i tillegg undervisning om psykisk helse, søvn og skjermbruk saman med kontaktlærarane.',
          period: { kind: 'ongoing' },
          responsible: [{ kind: 'helsestasjon' }],
          partners: [{ kind: 'school' }],
          preventionLevel: 'universal',
          ageGroups: ['primary_school', 'lower_secondary', 'upper_secondary'],
          conventionArticles: [12, 24],
          laws: ['helse_og_omsorgstjenesteloven', 'helsepersonelloven'],
          status: 'active',
        },
        {
          key: 'eg-er-meg-life-skills',
          title: '«Jeg er meg» – kropp, grenser og seksuell helse',
          description:
            'Tilsette i barnehagar og skular får kompetanseheving i undervisningsopplegget «Jeg er meg», slik at alle barn lærer om kropp, kjensler, grenser og venskap frå barnehagealder. Opplegget skal førebyggje vald og seksuelle overgrep og styrkje livsmeistringa.',
          period: { kind: 'open_start', from: 2025 },
          responsible: [{ kind: 'kindergarten' }, { kind: 'school' }],
          partners: [{ kind: 'helsestasjon' }],
          preventionLevel: 'universal',
          ageGroups: ['kindergarten', 'primary_school'],
          conventionArticles: [19, 29, 34],
          laws: ['barnehageloven', 'opplaeringsloven'],
          programme: 'Jeg er meg',
          status: 'active',
        },
        {
          key: 'ung-arena',
          title: 'Ung Arena Vest-Telemark',
          description:
            'Regionen vil etablere Ung Arena, eit lågterskeltilbod for unge mellom 12 og 25 år som treng nokon å snakke med om psykisk helse, rus eller vanskar i livet. Tilbodet skal vere gratis, utan tilvising og med drop-in på faste dagar, og blir bygd opp saman med ungdomar.',
          period: { kind: 'span', from: 2026, to: 2028 },
          responsible: [{ kind: 'mental_health' }],
          partners: [{ service: 'nav' }, { kind: 'slt' }, { name: 'BUP, Sykehuset Telemark', kind: 'mental_health' }],
          preventionLevel: 'selective',
          ageGroups: ['lower_secondary', 'upper_secondary', 'young_adult'],
          conventionArticles: [12, 24],
          laws: ['helse_og_omsorgstjenesteloven', 'spesialisthelsetjenesteloven'],
          programme: 'Ung Arena',
          status: 'planned',
        },
        {
          key: 'ungdata-follow-up',
          title: 'Oppfølging av Ungdata',
          description:
            'Ungdata blir gjennomført i alle seks kommunane same år. Resultata blir presenterte for ungdomsråd, elevråd, FAU og kommunestyra, og kvar kommune vel to–tre tema som ungdomane sjølve meiner er viktigast å arbeide vidare med.',
          period: { kind: 'open_start', from: 2024 },
          responsible: [{ kind: 'slt' }],
          partners: [{ kind: 'school' }, { name: 'KoRus Sør', kind: 'other' }],
          preventionLevel: 'universal',
          ageGroups: ['lower_secondary', 'upper_secondary'],
          conventionArticles: [12],
          laws: ['folkehelseloven'],
          programme: 'Ungdata',
          status: 'active',
        },
      ],
    },
    {
      key: 'violence-crime-prevention',
      focusAreaKey: 'mental-health-life-skills',
      title: 'Barn og unge veks opp utan vald, overgrep og rus',
      desiredStates: [
        'Vaksne rundt barna har kunnskap og mot til å spørje om vald og overgrep, og veit kva dei skal gjere.',
        'Færre ungdomar debuterer tidleg med alkohol og andre rusmiddel.',
      ],
      measures: [
        {
          key: 'talk-about-violence',
          title: 'Kompetanse i å snakke med barn om vald og overgrep',
          description:
            'Barnevernet held opplæring for tilsette i barnehage, skule og helse i å snakke med barn om vald og overgrep, med utgangspunkt i snakkemedbarn.no. Alle einingar har ein oppdatert rutine for opplysningsplikta til barnevernet.',
          period: { kind: 'year', from: 2025 },
          responsible: [{ service: 'barnevern' }],
          partners: [{ kind: 'kindergarten' }, { kind: 'school' }, { name: 'Krisesenteret i Telemark', kind: 'other' }],
          preventionLevel: 'universal',
          ageGroups: ['kindergarten', 'primary_school', 'lower_secondary'],
          conventionArticles: [19, 34, 39],
          laws: ['barnevernloven', 'krisesenterloven', 'helsepersonelloven'],
          status: 'active',
        },
        {
          key: 'slt-coordination',
          title: 'SLT – samordning av rus- og kriminalitetsførebygging',
          description:
            'SLT-koordinatorane samordnar det førebyggande arbeidet mellom kommunane og politiet, med faste politirådsmøte, samtalar med ungdom og føresette når politiet er uroa, og oppfølging av ungdom som er i ferd med å utvikle rusproblem eller kriminell åtferd.',
          period: { kind: 'ongoing' },
          responsible: [{ kind: 'slt' }],
          partners: [{ name: 'Politiet', kind: 'police' }, { service: 'barnevern' }, { service: 'nav' }],
          preventionLevel: 'indicated',
          ageGroups: ['lower_secondary', 'upper_secondary', 'young_adult'],
          conventionArticles: [33, 40],
          laws: ['barnevernloven', 'helse_og_omsorgstjenesteloven'],
          programme: 'SLT',
          status: 'active',
        },
        {
          key: 'dental-neglect-routine',
          title: 'Tannhelsetenesta som del av det førebyggande laget',
          description:
            'Den offentlege tannhelsetenesta har rutine for å fange opp teikn på omsorgssvikt, til dømes at barnet ofte ikkje møter til time eller har mykje karies, og melder uro til barnevernet. Tannhelsetenesta deltek i dei tverrfaglege teama ved behov.',
          period: { kind: 'ongoing' },
          responsible: [{ name: 'Den offentlege tannhelsetenesta i Vest-Telemark', kind: 'dental' }],
          partners: [{ service: 'barnevern' }, { kind: 'helsestasjon' }],
          preventionLevel: 'selective',
          ageGroups: ['kindergarten', 'primary_school', 'lower_secondary'],
          conventionArticles: [19, 24],
          laws: ['tannhelsetjenesteloven', 'barnevernloven'],
          status: 'active',
        },
      ],
    },
  ],
};
