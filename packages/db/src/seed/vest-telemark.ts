import type { DemoRegion } from './demo-content.types.js';
import { annexes } from './vest-telemark.annexes.js';
import { regionalPlan } from './vest-telemark.regional.js';

/**
 * Demo region: the six municipalities of Vest-Telemark with their shared plan
 * "Vegen mot livsmeistring! Oppvekstplan for Vest-Telemark" and one local part
 * ("lokal del") per municipality. All content is in nynorsk.
 */

const ALL_MUNICIPALITIES = ['4022', '4023', '4024', '4025', '4026', '4027'];

export const vestTelemark: DemoRegion = {
  slug: 'vest-telemark',
  name: 'Vest-Telemark',
  languageForm: 'nn',
  municipalities: [
    { kommunenummer: '4022', name: 'Seljord', languageForm: 'nn' },
    { kommunenummer: '4023', name: 'Kviteseid', languageForm: 'nn' },
    { kommunenummer: '4024', name: 'Nissedal', languageForm: 'nn' },
    { kommunenummer: '4025', name: 'Fyresdal', languageForm: 'nn' },
    { kommunenummer: '4026', name: 'Tokke', languageForm: 'nn' },
    { kommunenummer: '4027', name: 'Vinje', languageForm: 'nn' },
  ],
  services: [
    { slug: 'barnevern', name: 'Vest-Telemark barnevern', kind: 'barnevern', scope: 'intermunicipal', serves: ALL_MUNICIPALITIES },
    { slug: 'ppt', name: 'PPT for Vest-Telemark', kind: 'ppt', scope: 'intermunicipal', serves: ALL_MUNICIPALITIES },
    { slug: 'nav', name: 'NAV Vest-Telemark', kind: 'nav', scope: 'intermunicipal', serves: ALL_MUNICIPALITIES },
    { slug: 'helsestasjon-seljord', name: 'Helsestasjonen i Seljord', kind: 'helsestasjon', scope: 'local', serves: ['4022'] },
    { slug: 'helsestasjon-kviteseid', name: 'Helsestasjonen i Kviteseid', kind: 'helsestasjon', scope: 'local', serves: ['4023'] },
    { slug: 'helsestasjon-nissedal', name: 'Helsestasjonen i Treungen', kind: 'helsestasjon', scope: 'local', serves: ['4024'] },
    { slug: 'helsestasjon-fyresdal', name: 'Helsestasjonen i Fyresdal', kind: 'helsestasjon', scope: 'local', serves: ['4025'] },
    { slug: 'helsestasjon-tokke', name: 'Helsestasjonen i Dalen', kind: 'helsestasjon', scope: 'local', serves: ['4026'] },
    { slug: 'helsestasjon-vinje', name: 'Helsestasjonen i Vinje', kind: 'helsestasjon', scope: 'local', serves: ['4027'] },
    { slug: 'slt-tokke', name: 'SLT-koordinator i Tokke', kind: 'slt', scope: 'local', serves: ['4026'] },
    { slug: 'slt-vinje', name: 'SLT-koordinator i Vinje', kind: 'slt', scope: 'local', serves: ['4027'] },
    { slug: 'flyktningtenesta-kviteseid', name: 'Flyktningtenesta i Kviteseid', kind: 'refugee', scope: 'local', serves: ['4023'] },
  ],
  regionalPlan,
  annexes,
};
