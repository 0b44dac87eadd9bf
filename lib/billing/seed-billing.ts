/**
 * Demo billing details: the platform (issuer and agent for its service fee), the demo provider as
 * supplier and the demo enterprise as buyer. Re-runnable (upsert by owner). No invoices are made
 * here: they are only ever issued by a real capture.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { billingProfiles } from '@/db/schema';
import { seedId } from '@/db/seed/ids';

const profiles = [
  {
    org: 'platform',
    legalName: 'Fixnado Ltd',
    vatNumber: 'GB287654321',
    companyNumber: '15551234',
    addressLine1: '100 Bishopsgate',
    city: 'London',
    postcode: 'EC2N 4AG',
    invoiceEmail: 'billing@fixnado.test',
  },
  {
    org: 'provider',
    legalName: 'Thames Home Services Ltd',
    vatNumber: 'GB123456789',
    companyNumber: '09876543',
    addressLine1: 'Unit 4, Riverside Works',
    city: 'London',
    postcode: 'SE1 9PG',
    invoiceEmail: 'accounts@thameshome.test',
  },
  {
    org: 'enterprise',
    legalName: 'Northwind Offices plc',
    vatNumber: 'GB987654321',
    companyNumber: '01122334',
    addressLine1: '20 Canada Square',
    city: 'London',
    postcode: 'E14 5NN',
    invoiceEmail: 'ap@northwind.test',
  },
] as const;

export async function seedBilling(tx: Tx): Promise<void> {
  for (const p of profiles) {
    const { org, ...details } = p;
    const values = { ...details, addressLine2: '', country: 'GB' };
    await tx
      .insert(billingProfiles)
      .values({ id: seedId(`billing:${org}`), orgId: seedId(`org:${org}`), ...values })
      .onConflictDoUpdate({ target: billingProfiles.orgId, targetWhere: sql`org_id is not null`, set: values });
  }
}
