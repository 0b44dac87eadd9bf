'use client';

export { PanelError as default } from '@/components/layout/panel-error';
