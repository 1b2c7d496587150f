import type { PaymentTerms } from '@tradecounter/contracts';

export interface DemoAccount {
  code: string;
  name: string;
  creditLimit: string;
  paymentTerms: PaymentTerms;
  requiresPo: boolean;
  status: 'active' | 'on_hold';
  city: string;
  region: string;
  postcode: string;
}

/** ACME and GLOBEX have demo users; the rest give lists and reports some breadth. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { code: 'ACME', name: 'Acme Facilities Group', creditLimit: '50000.00', paymentTerms: 'net_30', requiresPo: true, status: 'active', city: 'Springfield', region: 'IL', postcode: '62701' },
  { code: 'GLOBEX', name: 'Globex Manufacturing', creditLimit: '25000.00', paymentTerms: 'net_45', requiresPo: false, status: 'active', city: 'Cypress Creek', region: 'OR', postcode: '97401' },
  { code: 'INITECH', name: 'Initech Office Services', creditLimit: '15000.00', paymentTerms: 'net_30', requiresPo: false, status: 'active', city: 'Austin', region: 'TX', postcode: '73301' },
  { code: 'UMBRELLA', name: 'Umbrella Health Clinics', creditLimit: '80000.00', paymentTerms: 'net_60', requiresPo: true, status: 'active', city: 'Raccoon City', region: 'MO', postcode: '65801' },
  { code: 'STARK', name: 'Stark Logistics', creditLimit: '120000.00', paymentTerms: 'net_30', requiresPo: true, status: 'active', city: 'Newark', region: 'NJ', postcode: '07102' },
  { code: 'WAYNE', name: 'Wayne Property Management', creditLimit: '60000.00', paymentTerms: 'net_45', requiresPo: false, status: 'active', city: 'Gotham', region: 'NY', postcode: '10001' },
  { code: 'HOOLI', name: 'Hooli Campus Operations', creditLimit: '40000.00', paymentTerms: 'net_30', requiresPo: false, status: 'active', city: 'Palo Alto', region: 'CA', postcode: '94301' },
  { code: 'SOYLENT', name: 'Soylent Food Processing', creditLimit: '35000.00', paymentTerms: 'net_15', requiresPo: false, status: 'active', city: 'Sacramento', region: 'CA', postcode: '95814' },
  { code: 'TYRELL', name: 'Tyrell Labs', creditLimit: '45000.00', paymentTerms: 'net_30', requiresPo: true, status: 'active', city: 'Los Angeles', region: 'CA', postcode: '90012' },
  { code: 'CYBERDYNE', name: 'Cyberdyne Systems', creditLimit: '30000.00', paymentTerms: 'net_30', requiresPo: false, status: 'on_hold', city: 'Sunnyvale', region: 'CA', postcode: '94085' },
  { code: 'VANDELAY', name: 'Vandelay Industries', creditLimit: '10000.00', paymentTerms: 'prepaid', requiresPo: false, status: 'active', city: 'Queens', region: 'NY', postcode: '11101' },
  { code: 'WONKA', name: 'Wonka Confectionery', creditLimit: '25000.00', paymentTerms: 'net_30', requiresPo: false, status: 'active', city: 'Madison', region: 'WI', postcode: '53703' },
  { code: 'OSCORP', name: 'Oscorp Research Facilities', creditLimit: '70000.00', paymentTerms: 'net_45', requiresPo: true, status: 'active', city: 'Manhattan', region: 'NY', postcode: '10013' },
  { code: 'MASSIVE', name: 'Massive Dynamic', creditLimit: '55000.00', paymentTerms: 'net_30', requiresPo: false, status: 'active', city: 'Boston', region: 'MA', postcode: '02108' },
  { code: 'NAKATOMI', name: 'Nakatomi Trading', creditLimit: '20000.00', paymentTerms: 'net_30', requiresPo: false, status: 'active', city: 'Century City', region: 'CA', postcode: '90067' },
  { code: 'PIEDPIPER', name: 'Pied Piper Data Centers', creditLimit: '18000.00', paymentTerms: 'net_15', requiresPo: false, status: 'active', city: 'San Jose', region: 'CA', postcode: '95113' },
  { code: 'DUNDER', name: 'Dunder Mifflin Paper', creditLimit: '12000.00', paymentTerms: 'net_30', requiresPo: false, status: 'active', city: 'Scranton', region: 'PA', postcode: '18503' },
  { code: 'BLUTH', name: 'Bluth Construction', creditLimit: '28000.00', paymentTerms: 'net_30', requiresPo: true, status: 'active', city: 'Newport Beach', region: 'CA', postcode: '92660' },
  { code: 'GRINGOTTS', name: 'Gringotts Facilities', creditLimit: '90000.00', paymentTerms: 'net_60', requiresPo: true, status: 'active', city: 'Chicago', region: 'IL', postcode: '60601' },
  { code: 'MONARCH', name: 'Monarch Hospitality', creditLimit: '42000.00', paymentTerms: 'net_30', requiresPo: false, status: 'active', city: 'Denver', region: 'CO', postcode: '80202' },
  { code: 'ABSTERGO', name: 'Abstergo Health', creditLimit: '65000.00', paymentTerms: 'net_45', requiresPo: true, status: 'active', city: 'Atlanta', region: 'GA', postcode: '30303' },
  { code: 'ROBCO', name: 'RobCo Maintenance', creditLimit: '16000.00', paymentTerms: 'net_30', requiresPo: false, status: 'active', city: 'Columbus', region: 'OH', postcode: '43215' },
];
