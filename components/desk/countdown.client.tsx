'use client';

import { useEffect, useState } from 'react';

/** Time left until `until`, ticking each second; announced politely only at whole minutes. */
export function Countdown({ until, nowIso }: { until: string; nowIso: string }) {
  const end = new Date(until).getTime();
  const [left, setLeft] = useState(() => end - new Date(nowIso).getTime());
  useEffect(() => {
    const skew = new Date(nowIso).getTime() - Date.now();
    const tick = () => setLeft(end - (Date.now() + skew));
    tick();
    const t = setInterval(tick, 1000);
    return () => clearInterval(t);
  }, [end, nowIso]);
  if (left <= 0) return <span className="font-medium text-danger">Expired</span>;
  const s = Math.floor(left / 1000);
  const text = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return (
    <span className="font-mono tabular-nums" aria-label={`${Math.ceil(s / 60)} minutes left`}>
      {text} left
    </span>
  );
}
