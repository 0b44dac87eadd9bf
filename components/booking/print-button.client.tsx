'use client';

import { Download } from 'lucide-react';
import { Button } from '@/components/ui/button';

/** "Download": the browser's print dialog, where "Save as PDF" gives the file. */
export function PrintButton() {
  return (
    <Button variant="secondary" onClick={() => window.print()} className="print:hidden">
      <Download aria-hidden="true" />
      Download or print
    </Button>
  );
}
