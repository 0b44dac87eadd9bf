export { PanelLoading as default } from '@/components/layout/panel-layout';
