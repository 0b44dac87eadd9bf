import Link from 'next/link';
import { CalendarClock, Hammer, MapPinned, ShieldCheck, Users, Wrench } from 'lucide-react';
import { buttonClasses } from '@/components/ui/button-classes';

const features = [
  { icon: MapPinned, title: 'Zone-aware matching', text: 'Providers who actually serve your street, ranked by coverage, distance and demand.' },
  { icon: CalendarClock, title: 'On demand or by the slot', text: 'Book now or pick a time from real crew availability, with the price and terms up front.' },
  { icon: Users, title: 'Crews, not just people', text: 'Jobs that need several hands get a lead and support, all free for the whole window.' },
  { icon: Hammer, title: 'Custom jobs and bids', text: 'Describe the job, get bids from eligible local providers, award the one you like.' },
  { icon: Wrench, title: 'Tool rentals', text: 'Rent equipment from insured providers with deposits and condition checks.' },
  { icon: ShieldCheck, title: 'Protected payments', text: 'Money is held in escrow until the job is done, with disputes handled by our team.' },
];

export default function HomePage() {
  return (
    <>
      <section className="border-b border-border bg-surface">
        <div className="mx-auto grid max-w-7xl gap-6 px-4 py-14 sm:px-6 sm:py-20">
          <p className="text-sm font-semibold tracking-wide text-primary uppercase">Home and business services · London</p>
          <h1 className="max-w-3xl text-4xl font-bold tracking-tight sm:text-5xl">
            Trusted local services, matched to your zone.
          </h1>
          <p className="max-w-2xl text-lg text-muted">
            Fixnado connects customers, service providers and their crews on one map — book on demand or for a slot, post
            custom jobs, rent tools and pay safely.
          </p>
          <div className="flex flex-wrap gap-3">
            <Link href="/sign-up" className={buttonClasses({ size: 'lg' })}>
              Create a free account
            </Link>
            <Link href="/sign-up/provider" className={buttonClasses({ size: 'lg', variant: 'secondary' })}>
              List your business
            </Link>
          </div>
        </div>
      </section>
      <section aria-labelledby="how" className="mx-auto max-w-7xl px-4 py-12 sm:px-6">
        <h2 id="how" className="text-2xl font-semibold">
          What you can do on Fixnado
        </h2>
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {features.map(({ icon: Icon, title, text }) => (
            <li key={title} className="rounded-lg border border-border bg-surface p-5">
              <Icon aria-hidden className="size-6 text-primary" />
              <h3 className="mt-3 font-semibold">{title}</h3>
              <p className="mt-1 text-sm text-muted">{text}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
